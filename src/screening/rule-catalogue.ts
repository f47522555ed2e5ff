import type { Lane } from "./manifest.ts";
import { packRules, RULE_PACKS } from "./packs.ts";
import type { RuleMeta } from "./rules/types.ts";

/** One entry of the rule catalogue: what a rule checks, how bad it is, where it comes from, and the packs that run it. */
export type CatalogueEntry = Omit<RuleMeta, never> & { packs: string[]; lanes: Lane[] };

/** The rule catalogue, generated from the rules themselves: every rule of every pack, once, in code order. */
export function ruleCatalogue(lane?: Lane): CatalogueEntry[] {
  const entries = new Map<string, CatalogueEntry>();
  for (const p of RULE_PACKS) {
    if (lane && p.lane !== lane) continue;
    for (const rule of packRules(p)) {
      const entry = entries.get(rule.code) ?? { code: rule.code, severity: rule.severity, scope: rule.scope, title: rule.title, titleZh: rule.titleZh, checks: rule.checks, checksZh: rule.checksZh, source: rule.source, packs: [], lanes: [] };
      entry.packs.push(p.id);
      if (!entry.lanes.includes(p.lane)) entry.lanes.push(p.lane);
      entries.set(rule.code, entry);
    }
  }
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The rule catalogue and the packs as Markdown (docs/screening-rules.md is this text). */
export function ruleCatalogueMarkdown(): string {
  const lines = [
    "# Screening rule catalogue",
    "",
    "Generated from the rules themselves by `npm run docs:rules`; a test fails when this file is stale.",
    "",
    "## Packs",
    "",
    "| pack | in force from | schedule | notes |",
    "|---|---|---|---|",
    ...RULE_PACKS.map((p) => `| \`${p.id}\` | ${p.effectiveFrom} | ${p.schedule === "hs" ? "HS 2022" : "US HTS"} | ${p.notes} |`),
    "",
    "## Rules",
    "",
    "| code | severity | scope | checks | source | lanes |",
    "|---|---|---|---|---|---|",
    ...ruleCatalogue().map((r) => `| \`${r.code}\` | ${r.severity} | ${r.scope} | **${r.title}** (${r.titleZh}). ${r.checks} | ${r.source} | ${r.lanes.join(", ")} |`),
    "",
  ];
  return lines.join("\n");
}
