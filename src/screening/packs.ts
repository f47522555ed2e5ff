import { AppError } from "../core/errors.ts";
import type { Lane } from "./manifest.ts";
import { FORMAT_RULES } from "./rules/format-rules.ts";
import { HS_RULES } from "./rules/hs-rules.ts";
import { CN_IMPORT_LINE_RULES, CN_IMPORT_MANIFEST_RULES, CN_IMPORT_ORDER_RULES, EU_IMPORT_ORDER_RULES, US_IMPORT_MANIFEST_RULES } from "./rules/lane-rules.ts";
import { MANIFEST_RULES, ORDER_RULES } from "./rules/order-rules.ts";
import { QUANTITY_RULES, qtyUnitMismatch } from "./rules/quantity-rules.ts";
import { TRANSPORT_RULES } from "./rules/transport-rules.ts";
import type { LineRule, ManifestRule, OrderRule, PackData, Rule } from "./rules/types.ts";

/** A versioned, effective-dated set of rules for one lane: the rules are code, the data tunes them. */
export type RulePack = {
  id: string;
  lane: Lane;
  version: string;
  effectiveFrom: string;
  /** The catalogue market whose confirmed code and classifier the lane uses. */
  market: "cn" | "us" | "eu";
  schedule: "hs" | "us_hts";
  notes: string;
  lineRules: LineRule[];
  orderRules: OrderRule[];
  manifestRules: ManifestRule[];
  data: PackData;
};

const COMMON_ITEM_FIELDS = ["order_no", "waybill_no", "title", "hs_code", "qty", "unit", "unit_value", "currency"];
const CN_ITEM_RULES = [...FORMAT_RULES, ...HS_RULES, ...QUANTITY_RULES.filter((r) => r !== qtyUnitMismatch), ...TRANSPORT_RULES];

function pack(p: Omit<RulePack, "id">): RulePack {
  return { ...p, id: `${p.lane}@${p.version}` };
}

/** Every pack, per lane, oldest first. */
export const RULE_PACKS: readonly RulePack[] = [
  pack({
    lane: "cn-export",
    version: "2018.1",
    effectiveFrom: "2018-06-01",
    market: "cn",
    schedule: "hs",
    notes: "9610 cross-border e-commerce export (清单 + 总分单), CEB603 field rules of the 2018 E-port XSD. HS checked at 6 digits against HS 2022; China's national digits 7–10 are not in the loaded data.",
    lineRules: CN_ITEM_RULES,
    orderRules: ORDER_RULES,
    manifestRules: MANIFEST_RULES,
    data: { requiredFields: [...COMMON_ITEM_FIELDS, "sku", "consignor_name", "consignee_country"], hsDigits: 10, moneyTolerance: 0.01, limits: {}, severity: {} },
  }),
  pack({
    lane: "cn-import",
    version: "2019.1",
    effectiveFrom: "2019-01-01",
    market: "cn",
    schedule: "hs",
    notes: "Cross-border e-commerce retail import (direct purchase 9610 / bonded 1210): three-document match and the 2019 limits (¥5,000 per transaction, ¥26,000 per person per year).",
    lineRules: [...CN_ITEM_RULES, ...CN_IMPORT_LINE_RULES],
    orderRules: [...ORDER_RULES, ...CN_IMPORT_ORDER_RULES],
    manifestRules: [...MANIFEST_RULES, ...CN_IMPORT_MANIFEST_RULES],
    data: {
      requiredFields: [...COMMON_ITEM_FIELDS, "sku", "origin_country", "buyer_name", "buyer_id_no", "consignee_name", "consignee_address", "consignee_phone", "order_total"],
      hsDigits: 10,
      moneyTolerance: 0.01,
      limits: { singleCny: 5000, annualCny: 26000 },
      severity: {},
    },
  }),
  ...(["2025.1", "2025.2"] as const).map((version) =>
    pack({
      lane: "us-import",
      version,
      effectiveFrom: version === "2025.1" ? "2025-01-01" : "2025-08-29",
      market: "us",
      schedule: "us_hts",
      notes: version === "2025.1" ? "US import entry data; Section 321 de minimis ($800) available." : "US import entry data; Section 321 de minimis suspended for all countries from 2025-08-29 (EO 14324).",
      lineRules: [...FORMAT_RULES, ...HS_RULES, ...QUANTITY_RULES, ...TRANSPORT_RULES],
      orderRules: ORDER_RULES,
      manifestRules: [...MANIFEST_RULES, ...US_IMPORT_MANIFEST_RULES],
      data: {
        requiredFields: [...COMMON_ITEM_FIELDS, "consignor_name", "consignor_country", "consignee_name", "consignee_address", "origin_country"],
        hsDigits: 10,
        moneyTolerance: 0.01,
        limits: { deMinimisUsd: 800, deMinimisSuspended: version === "2025.2" ? 1 : 0 },
        severity: {},
      },
    }),
  ),
  ...(["2021.1", "2026.2"] as const).map((version) =>
    pack({
      lane: "eu-import",
      version,
      effectiveFrom: version === "2021.1" ? "2021-07-01" : "2026-07-01",
      market: "eu",
      schedule: "hs",
      notes: version === "2021.1" ? "EU low-value import: H7 (≤ €150) and IOSS." : "EU low-value import: H7 and IOSS, plus the €3 flat customs duty per tariff subheading from 2026-07-01 [formats.md D.4: verify].",
      lineRules: [...FORMAT_RULES, ...HS_RULES, ...QUANTITY_RULES.filter((r) => r !== qtyUnitMismatch), ...TRANSPORT_RULES],
      orderRules: [...ORDER_RULES, ...EU_IMPORT_ORDER_RULES],
      manifestRules: MANIFEST_RULES,
      data: {
        requiredFields: [...COMMON_ITEM_FIELDS.filter((f) => f !== "unit"), "consignor_name", "consignee_name", "consignee_address", "consignee_country", "gross_weight_kg"],
        hsDigits: 6,
        moneyTolerance: 0.01,
        limits: version === "2021.1" ? { h7Eur: 150 } : { h7Eur: 150, flatDutyEur: 3 },
        severity: {},
      },
    }),
  ),
];

/** The pack in force for a lane on a date (YYYY-MM-DD), or the one named by version. */
export function packFor(lane: Lane, date: string, version?: string): RulePack {
  const packs = RULE_PACKS.filter((p) => p.lane === lane);
  if (version) {
    const named = packs.find((p) => p.version === version);
    if (!named) throw new AppError("BAD_REQUEST", `No rule pack ${lane}@${version}; there are ${packs.map((p) => p.version).join(", ")}.`);
    return named;
  }
  const inForce = packs.filter((p) => p.effectiveFrom <= date).at(-1);
  if (!inForce) throw new AppError("BAD_REQUEST", `No ${lane} rule pack is in force on ${date}; the first starts ${packs[0]?.effectiveFrom}.`);
  return inForce;
}

/** Every rule of a pack. */
export function packRules(p: RulePack): Rule[] {
  return [...p.lineRules, ...p.orderRules, ...p.manifestRules];
}
