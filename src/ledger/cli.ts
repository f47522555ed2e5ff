import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { oneLine, printJson, runCommand } from "../cli/context.ts";
import { loadConfig } from "../core/config.ts";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { asSystem, DEFAULT_TENANT_ID } from "../db/tenant-scope.ts";
import { cliPrincipal } from "../tenancy/principal.ts";
import { findTenant } from "../tenancy/tenants.ts";
import { archiveDocument, DOCUMENT_TYPES } from "./archive-document.ts";
import { exportBundle } from "./export-bundle.ts";
import type { LedgerSubject } from "./ledger-record.ts";
import { listTimeline, type Timeline, type TimelineEntry } from "./list-timeline.ts";
import { openLedger, rotateSigningKey } from "./open-ledger.ts";
import { readPublicKeys } from "./public-keys.ts";
import { publishCheckpoint } from "./publish-checkpoint.ts";
import { readConsistencyProof } from "./read-tree.ts";
import { type NoteVerifier, parseCheckpoint, parseNote, parseVerifierKey } from "./signed-note.ts";
import { ledgerKeysDir, openKeyRing, toVerifier } from "./signing-keys.ts";
import { type BundleVerification, verifyBundle } from "./verify-bundle.ts";
import { verifyConsistency } from "./verify-consistency.ts";

/** `clearway archive`, `clearway evidence export`, `clearway verify` (offline) and `clearway ledger checkpoint|consistency|rotate-key|keys|timeline`. */
export function registerLedgerCommands(program: Command): void {
  program
    .command("archive <file>")
    .description("Archive a document: store it once by SHA-256 and log it in the tamper-evident ledger")
    .option("--kind <type>", `document type: ${DOCUMENT_TYPES.join(", ")}`, "other")
    .option("--subject <type:id>", "what the document belongs to, e.g. order:SO-1001 (default: the document itself)")
    .option("--media-type <type>", "media type (default: from the content or file extension)")
    .option("--json", "print JSON only")
    .action((file: string, options: { kind: string; subject?: string; mediaType?: string; json?: boolean }, command: Command) =>
      runCommand({ ...options, quiet: true }, async ({ db, config, json }) => {
        const bytes = readInputFile(file, "document");
        const { store } = openLedger(config.home);
        const tenantId = await tenantOf(db, command);
        const archived = await archiveDocument(db, store, {
          tenantId,
          audit: { principal: cliPrincipal(tenantId) },
          bytes,
          documentType: options.kind,
          name: path.basename(file),
          mediaType: options.mediaType,
          subject: options.subject ? parseSubject(options.subject) : undefined,
        });
        if (json) return printJson(archived);
        const what = `${archived.name ?? archived.sha256} (${archived.documentType}, ${archived.size.toLocaleString("en-US")} bytes, ${archived.mediaType})`;
        process.stdout.write(
          `${archived.duplicate ? "= Already archived" : "✓ Archived"} ${what}\n  sha256 ${archived.sha256}\n  ledger entry #${archived.seq}, leaf ${archived.leafHash}\n`,
        );
        if (!archived.duplicate) process.stderr.write(`  Export its evidence: clearway evidence export --sha256 ${archived.sha256} --out bundle.json\n`);
      }),
    );

  const evidence = program.command("evidence").description("Evidence bundles: a record with its inclusion proof and signed checkpoint");
  evidence
    .command("export")
    .description("Export the evidence bundle of a ledger entry (by --seq) or an archived document (by --sha256)")
    .option("--seq <n>", "ledger sequence number")
    .option("--sha256 <hash>", "SHA-256 of an archived document")
    .option("--out <file>", "write the bundle here (default: stdout)")
    .option("--json", "print JSON only")
    .action((options: { seq?: string; sha256?: string; out?: string; json?: boolean }, command: Command) =>
      runCommand({ ...options, quiet: true }, async ({ db, config, json }) => {
        if ((options.seq === undefined) === (options.sha256 === undefined)) throw new AppError("BAD_REQUEST", "Give exactly one of --seq N or --sha256 HASH");
        const seq = options.seq === undefined ? undefined : Number(options.seq);
        if (seq !== undefined && (!Number.isSafeInteger(seq) || seq < 0)) throw new AppError("BAD_REQUEST", `--seq must be a whole number ≥ 0, not "${options.seq}"`);
        const bundle = await exportBundle(db, { tenantId: await tenantOf(db, command), seq, sha256: options.sha256, ring: openLedger(config.home).ring });
        if (!options.out) return printJson(bundle);
        fs.writeFileSync(options.out, `${JSON.stringify(bundle, null, 2)}\n`);
        if (json) return printJson({ out: path.resolve(options.out), seq: bundle.entry.seq, treeSize: bundle.inclusionProof.treeSize });
        process.stdout.write(
          `✓ Evidence bundle for ledger entry #${bundle.entry.seq} (${bundle.entry.record.kind}) written to ${options.out}\n  proven in the log at size ${bundle.inclusionProof.treeSize}; verify offline: clearway verify ${options.out}${bundle.document ? " --document FILE" : ""}\n`,
        );
      }),
    );

  program
    .command("verify <bundle>")
    .description("Verify an evidence bundle offline (no database, no server); exit 0 when valid, 1 with the reason when not")
    .option("--document <file>", "the archived document, to check its bytes against the logged hash")
    .option("--key <vkey>", "trust this verifier key (name+keyid+key; repeatable); default: this home's key ring, else the bundle's own keys", collect, [])
    .option("--json", "print JSON only")
    .action((bundleFile: string, options: { document?: string; key: string[]; json?: boolean }) => {
      try {
        const bundle = readJsonFile(bundleFile, "bundle");
        const documentBytes = options.document ? readInputFile(options.document, "document") : undefined;
        const trust = trustedKeys(options.key);
        const result = verifyBundle(bundle, { documentBytes, trustedKeys: trust.keys });
        if (options.json) printJson({ ...result, trust: trust.source });
        else if (result.valid) process.stdout.write(formatValid(result, trust.source));
        if (!result.valid) {
          const hint = result.failure === "key_id_unknown" && trust.source === "local key ring" ? " (a bundle from another log? pass its key with --key)" : "";
          process.stderr.write(`clearway: verification failed: ${result.reason}${hint}\n`);
        }
        process.exitCode = result.valid ? 0 : 1;
      } catch (error) {
        process.stderr.write(`clearway: ${oneLine(error)}\n`);
        process.exitCode = 1;
      }
    });

  const ledger = program.command("ledger").description("The tamper-evident evidence log: checkpoints, consistency, signing keys");
  ledger
    .command("checkpoint")
    .description("Publish a signed checkpoint for the log's current size (if it grew) and print it")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, config, json }) => {
        const { checkpoint, published } = await publishCheckpoint(db, openLedger(config.home).ring);
        if (json) return printJson({ ...checkpoint, published });
        process.stderr.write(`${published ? "✓ Published" : "= Unchanged:"} checkpoint at size ${checkpoint.size}\n`);
        process.stdout.write(checkpoint.note);
      }),
    );

  ledger
    .command("consistency <old-checkpoint>")
    .description("Prove the log only grew since an older checkpoint (a note file, or a bundle/JSON carrying one)")
    .option("--json", "print JSON only")
    .action((file: string, options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, config, json }) => {
        const oldNote = readCheckpointNote(file);
        const ring = openLedger(config.home).ring;
        const { checkpoint } = await publishCheckpoint(db, ring);
        const keys = [...(await readPublicKeys(db)).map(toVerifier), ...ring.keys().map(toVerifier)];
        const oldSize = parseCheckpoint(parseNote(oldNote)?.text ?? "")?.size;
        const proof = oldSize !== undefined && oldSize <= checkpoint.size ? await readConsistencyProof(db, oldSize, checkpoint.size) : [];
        const result = verifyConsistency(oldNote, checkpoint.note, proof, keys);
        if (json) printJson({ ...result, proof: proof.map((hash) => hash.toString("hex")) });
        if (!result.valid) throw new AppError("CONFLICT", `Not consistent: ${result.reason}`);
        if (!json)
          process.stdout.write(
            `✓ Consistent: the log at size ${result.to.size} (root ${result.to.root}) extends the checkpoint at size ${result.from.size} (root ${result.from.root}); ${proof.length} proof hashes\n`,
          );
      }),
    );

  ledger
    .command("rotate-key")
    .description("Retire the checkpoint signing key and create a new one (old checkpoints keep verifying)")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, config, json }) => {
        const key = await rotateSigningKey(db, openLedger(config.home).ring);
        if (json) return printJson(key);
        process.stdout.write(`✓ New signing key ${key.keyId}; publish this verifier key:\n${key.vkey}\n`);
      }),
    );

  ledger
    .command("timeline")
    .description("Every record logged for an order, product or other subject, with its proof status; exit 1 when a proof fails")
    .option("--order <no>", "an order number (with the screening reports of the runs that contained it)")
    .option("--product <sku>", "a product, by SKU or id")
    .option("--subject <type:id>", "any other subject, e.g. screening_run:scr_… or document:<sha256>")
    .option("--limit <n>", "at most this many records", "500")
    .option("--json", "print JSON only")
    .action((options: { order?: string; product?: string; subject?: string; limit: string; json?: boolean }, command: Command) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const subject = timelineSubject(options);
        const limit = Number(options.limit);
        const timeline = await listTimeline(db, { tenantId: await tenantOf(db, command), subjectType: subject.type, subjectId: subject.id, limit });
        const failed = timeline.entries.filter((entry) => entry.proof.status === "failed").length;
        if (json) printJson(timeline);
        else process.stdout.write(formatTimeline(timeline));
        if (failed) process.stderr.write(`clearway: ${failed} of ${timeline.entries.length} records failed their proof; the log or its storage was altered\n`);
        return failed ? 1 : 0;
      }),
    );

  ledger
    .command("keys")
    .description("List the log's public keys (verifier key strings to pin)")
    .option("--json", "print JSON only")
    .action((options: { json?: boolean }) =>
      runCommand({ ...options, quiet: true }, async ({ db, json }) => {
        const keys = await readPublicKeys(db);
        if (json) return printJson({ keys });
        for (const key of keys) process.stdout.write(`${key.vkey}${key.retiredAt ? `  (retired ${key.retiredAt})` : "  (current)"}\n`);
      }),
    );
}

/** The id of the tenant named by --tenant (slug or id; default the default tenant). */
async function tenantOf(db: Db, command: Command): Promise<string> {
  const slug = (command.optsWithGlobals() as { tenant?: string }).tenant ?? DEFAULT_TENANT_ID;
  return (await asSystem(db, (tx) => findTenant(tx, slug))).id;
}

/** The subject named by exactly one of --order, --product and --subject. */
function timelineSubject(options: { order?: string; product?: string; subject?: string }): LedgerSubject {
  const given = [options.order, options.product, options.subject].filter((value) => value !== undefined);
  if (given.length !== 1) throw new AppError("BAD_REQUEST", "Give exactly one of --order NO, --product SKU or --subject TYPE:ID");
  if (options.order !== undefined) return { type: "order", id: options.order };
  if (options.product !== undefined) return { type: "product", id: options.product };
  return parseSubject(options.subject as string);
}

/** A timeline as lines a person reads: one per record, with what it says and whether it is proven. */
function formatTimeline(timeline: Timeline): string {
  const { subject, checkpoint, entries } = timeline;
  const head = `Timeline of ${subject.type} ${subject.id}: ${entries.length} record${entries.length === 1 ? "" : "s"}${
    checkpoint ? `; newest signed checkpoint at size ${checkpoint.size} (${checkpoint.createdAt})` : "; no signed checkpoint yet"
  }`;
  if (!entries.length) return `${head}\n  nothing has been logged for it\n`;
  const lines = entries.map(
    (entry) => `  #${String(entry.seq).padEnd(6)} ${entry.time}  ${entry.kind.padEnd(24)} ${describeEntry(entry, subject)}\n${" ".repeat(10)}${proofText(entry)}`,
  );
  return `${head}\n${lines.join("\n")}\n`;
}

function proofText(entry: TimelineEntry): string {
  const proof = entry.proof;
  if (proof.status === "verified") return `✓ proven in the signed checkpoint at size ${proof.checkpointSize}`;
  if (proof.status === "pending") return "… logged, waiting for the next signed checkpoint";
  return `✗ proof failed: ${proof.reason}`;
}

/** One line saying what a record records, by kind. */
function describeEntry(entry: TimelineEntry, subject: LedgerSubject): string {
  const d = (entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? entry.data : {}) as Record<string, unknown>;
  const text = (value: unknown) => (value === null || value === undefined ? "—" : String(value));
  if (entry.kind === "screening.reported") {
    const counts = (d.findings ?? {}) as Record<string, number>;
    const run = `run ${entry.via?.subject.id ?? subject.id}`;
    const screened = `${run} · ${text(d.pack)} · ${text(d.lines)} lines, ${text(d.orders)} orders, ${text(counts.block)} blocking findings`;
    const detail = entry.via?.detail as { verdict?: string; findings?: Record<string, number> } | undefined;
    if (!detail?.findings) return screened;
    const f = detail.findings;
    return `${screened} · this order: ${detail.verdict} (${f.block} block, ${f.warn} warn, ${f.info} info)`;
  }
  if (entry.kind === "catalog.imported") {
    const file = (d.file ?? {}) as Record<string, unknown>;
    const codes = (d.classifications ?? {}) as Record<string, unknown>;
    const imported = `${text(file.name)} (sha256 ${text(file.sha256).slice(0, 16)}…) by ${text(d.importedBy)} · ${text(d.rows)} rows: ${text(d.created)} created, ${text(d.updated)} updated, ${text(d.unchanged)} unchanged; ${text(codes.total)} codes`;
    const detail = entry.via?.detail as { classifications?: { market: string; hs6: string | null; nationalCode: string | null }[] } | undefined;
    if (!detail?.classifications) return imported;
    return `${imported} · this product: ${detail.classifications.map((c) => `${c.market} ${c.nationalCode ?? c.hs6}`).join(", ")}`;
  }
  if (entry.kind === "classification.decided")
    return `${text(d.market)} ${text(d.nationalCode ?? d.hs6)} ${text(d.status)} by ${text(d.decidedBy)} (product version ${text(d.productVersion)})${d.rationale ? ` — ${text(d.rationale)}` : ""}`;
  if (entry.kind === "audit.event") {
    const actor = (d.actor ?? {}) as Record<string, unknown>;
    return `${text(d.action)} by ${text(actor.label ?? actor.type)}`;
  }
  if (entry.kind === "document.archived") return `${text(d.documentType)} ${text(d.name ?? d.sha256)} (sha256 ${text(d.sha256).slice(0, 16)}…)`;
  const json = JSON.stringify(entry.data);
  return json.length > 100 ? `${json.slice(0, 99)}…` : json;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseSubject(text: string): LedgerSubject {
  const at = text.indexOf(":");
  if (at < 1 || at === text.length - 1) throw new AppError("BAD_REQUEST", `--subject must be TYPE:ID like order:SO-1001, not "${text}"`);
  return { type: text.slice(0, at), id: text.slice(at + 1) };
}

function readInputFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}

function readJsonFile(file: string, what: string): unknown {
  const text = readInputFile(file, what).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The ${what} ${file} is not JSON: ${(error as Error).message}`);
  }
}

/** A checkpoint note from a file holding the note itself, a bundle ({checkpoint}) or an API checkpoint ({note}). */
function readCheckpointNote(file: string): string {
  const text = readInputFile(file, "checkpoint").toString("utf8");
  if (!text.trimStart().startsWith("{")) return text;
  const json = readJsonFile(file, "checkpoint") as { checkpoint?: unknown; note?: unknown };
  const note = typeof json.checkpoint === "string" ? json.checkpoint : json.note;
  if (typeof note !== "string") throw new AppError("BAD_REQUEST", `${file} holds no checkpoint (expected a signed note, a bundle or {"note": …})`);
  return note;
}

/** The keys to trust: --key values, else this home's key ring, else (undefined) the bundle's own keys. */
function trustedKeys(vkeys: string[]): { keys: NoteVerifier[] | undefined; source: string } {
  if (vkeys.length) {
    return {
      keys: vkeys.map((vkey) => {
        try {
          return parseVerifierKey(vkey);
        } catch (error) {
          throw new AppError("BAD_REQUEST", `--key: ${(error as Error).message}`);
        }
      }),
      source: "pinned with --key",
    };
  }
  let home: string | undefined;
  try {
    home = loadConfig().home;
  } catch {
    home = undefined;
  }
  const local = home ? openKeyRing(ledgerKeysDir(home)).keys() : [];
  return local.length ? { keys: local.map(toVerifier), source: "local key ring" } : { keys: undefined, source: "keys carried in the bundle" };
}

function formatValid(result: Extract<BundleVerification, { valid: true }>, trust: string): string {
  const lines = [`✓ Valid: ledger entry #${result.seq} (${result.kind}, ${result.subject.type} ${result.subject.id}, logged ${result.time}) is in the log ${result.origin}`];
  for (const check of result.checks) lines.push(`  ✓ ${check}`);
  if (result.documentSha256 && !result.documentChecked) lines.push("  ! the document itself was not checked; pass --document FILE");
  lines.push(`  keys: ${trust}${trust === "keys carried in the bundle" ? " (pin the log's key with --key for independent assurance)" : ""}`);
  return `${lines.join("\n")}\n`;
}
