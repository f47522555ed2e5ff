import { createHash } from "node:crypto";
import { AppError } from "../core/errors.ts";
import { newId, newIds } from "../core/ids.ts";
import type { Db, Queryable } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import type { DocumentStore, StoredDocument } from "../ledger/document-store.ts";
import { recordAudit } from "../tenancy/audit.ts";
import type { Principal } from "../tenancy/principal.ts";
import { fieldSpec } from "./fields.ts";
import { IMPORT_SUBJECT, logCatalogImport } from "./log-import.ts";
import type { RowContext, RowError } from "./parse-product-row.ts";
import { readImportFile, type StagedFile } from "./read-import-file.ts";
import { STAGE_COLUMNS, STAGE_TABLE, type StagedBatch } from "./stage-rows.ts";

export { mapColumns } from "./stage-rows.ts";

/** Options for one import. */
export type ImportProductsOptions = {
  principal: Principal;
  bytes: Buffer;
  fileName: string;
  /** Header → field key overrides (empty string: ignore the column); merged over the automatic mapping. */
  mapping?: Record<string, string>;
  /** Import the valid rows and skip the bad ones, instead of refusing the whole file. */
  validOnly?: boolean;
  dryRun?: boolean;
  /** Which market a bare 10-digit hs_code column belongs to. */
  market?: "us" | "cn";
  /** Where to archive the imported file as evidence; without one, the evidence record still carries its SHA-256. */
  store?: DocumentStore;
  /** Rows read so far ("reading"), and rows written so far ("writing", which follows reading a batch behind). */
  onProgress?: (stage: "reading" | "writing", done: number) => void;
};

/** What an import did (or, in a dry run or a refusal, would do). */
export type ImportReport = {
  fileName: string;
  kind: "csv" | "xlsx";
  encoding: string;
  mapping: { column: string; field: string | null }[];
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
  committed: boolean;
  /** The import's id, the subject of its catalog.imported evidence record; null unless committed. */
  importId: string | null;
};

/** Thrown inside the write transaction to roll back a file that turned out to be refused (bad rows, none valid). */
const REFUSED = Symbol("refused");

/**
 * Import products from CSV/XLSX bytes: all-or-nothing unless validOnly; upsert by SKU, keeping the previous version of
 * every changed product; the imported codes become classification decisions, and the import one evidence record.
 */
export async function importProducts(db: Db, options: ImportProductsOptions): Promise<ImportReport> {
  const ctx = await loadRowContext(db, options.market ?? "us");
  const file = await readImportFile({ bytes: options.bytes, fileName: options.fileName, mapping: options.mapping ?? {}, ctx, checkOnly: options.dryRun });
  try {
    const read: ReadSoFar = { report: emptyReport(options.fileName, file), skus: [] };
    if (!options.dryRun) return await writeImport(db, options, file, read);
    for await (const batch of file.batches) tally(read, batch, options.onProgress);
    return await unwritten(db, options.principal, read);
  } finally {
    await file.close();
  }
}

/** The report as the batches read so far make it, and their valid rows' SKUs. */
type ReadSoFar = { report: ImportReport; skus: string[] };

function tally(read: ReadSoFar, batch: StagedBatch, onProgress: ImportProductsOptions["onProgress"]): void {
  const { report } = read;
  report.rows += batch.rows;
  report.invalid += batch.invalid;
  report.valid += batch.skus.length;
  report.errors.push(...batch.errors);
  for (const sku of batch.skus) read.skus.push(sku);
  onProgress?.("reading", report.rows);
}

/**
 * Write the file's batches as they are read (a large file is read in a worker thread meanwhile), in one transaction
 * that ends with the import's evidence; a file found to have a bad row is rolled back, unless validOnly.
 */
async function writeImport(db: Db, options: ImportProductsOptions, file: StagedFile, read: ReadSoFar): Promise<ImportReport> {
  const { principal, fileName } = options;
  const { report } = read;
  // Stored while the rows are read, as screening reports are stored before their run is logged: content-addressed,
  // so a rolled-back import leaves at most an unreferenced copy of its file, and no transaction waits on the disk.
  const stored = options.store?.put(options.bytes) ?? Promise.resolve(null);
  stored.catch(() => {});
  const importId = newId("imp");
  try {
    const summary = await withTenant(db, principal.tenantId, async (tx) => {
      const writer = await startWriting(tx, principal, importId, fileName);
      for await (const batch of file.batches) {
        tally(read, batch, options.onProgress);
        // A file with a bad row is refused: read on for the rest of its errors, but write no more of it.
        if (report.invalid && !options.validOnly) continue;
        if (batch.skus.length) await writer.write(batch);
        options.onProgress?.("writing", writer.written);
      }
      if (report.rows === 0 || (report.invalid && !options.validOnly) || !report.valid) throw REFUSED;
      const document = await stored;
      return writer.finish({
        file: { name: fileName, kind: report.kind, encoding: report.encoding, sha256: document?.sha256 ?? createHash("sha256").update(options.bytes).digest("hex"), bytes: options.bytes.length },
        mapping: Object.fromEntries(file.info.columns.map(([field, index]) => [field, (file.info.headers[index] ?? "").slice(0, 200)])),
        market: options.market ?? "us",
        validOnly: Boolean(options.validOnly),
        counts: { rows: report.rows, valid: report.valid, skipped: report.invalid },
        stored: document,
      });
    });
    return { ...report, ...summary, committed: true, importId, errorCount: report.errors.length };
  } catch (error) {
    if (error !== REFUSED) throw error;
    return unwritten(db, principal, read);
  }
}

function emptyReport(fileName: string, file: StagedFile): ImportReport {
  const { kind, encoding, headers, columns } = file.info;
  const fieldOf = new Map(columns.map(([field, index]) => [index, field]));
  return {
    fileName,
    kind,
    encoding,
    mapping: headers.map((header, index) => ({ column: header, field: fieldOf.get(index) ?? null })),
    rows: 0,
    valid: 0,
    invalid: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    committed: false,
    importId: null,
  };
}

/** The report of a dry run or a refused file: what importing its valid rows would create and update. */
async function unwritten(db: Db, principal: Principal, { report, skus }: ReadSoFar): Promise<ImportReport> {
  if (report.rows === 0) throw new AppError("IMPORT_REJECTED", `${report.fileName} has a header row but no data rows.`);
  const existing = await withTenant(db, principal.tenantId, (tx) => countExisting(tx, principal.tenantId, skus));
  return { ...report, errorCount: report.errors.length, created: skus.length - existing, updated: existing };
}

/** Countries, currencies and the tariff codes of the editions in force, for checking rows. */
export async function loadRowContext(db: Queryable, market: "us" | "cn"): Promise<RowContext> {
  const countries = new Map<string, string>();
  for (const c of await db.query<{ alpha2: string; alpha3: string | null; name_en: string; name_zh: string | null }>("select alpha2, alpha3, name_en, name_zh from countries")) {
    for (const key of [c.alpha2, c.alpha3, c.name_en.toLowerCase(), c.name_zh]) if (key) countries.set(key, c.alpha2);
  }
  const currencies = new Map<string, string>();
  for (const c of await db.query<{ code: string; numeric_code: string | null }>("select distinct code, numeric_code from currencies where code is not null and withdrawal_date is null")) {
    currencies.set(c.code, c.code);
    if (c.numeric_code) currencies.set(c.numeric_code, c.code);
  }
  // One text per list: on PGlite, decoding 30,000 rows one by one costs several times splitting one string.
  const codes = async (schedule: string, levels: number[]) => {
    const [row] = await db.query<{ codes: string | null }>(
      `select string_agg(code, ',') as codes from tariff_lines where not is_pseudo and level = any($2::int[]) and edition_id = (select id from tariff_editions where schedule = $1 and effective_from <= current_date order by effective_from desc, id desc limit 1)`,
      [schedule, levels],
    );
    return new Set(row?.codes ? row.codes.split(",") : []);
  };
  return { countries, currencies, hs6: await codes("hs", [6]), hts: await codes("us_hts", [8, 10]), market };
}

/** How many of the tenant's products have these SKUs. */
async function countExisting(tx: Queryable, tenantId: string, skus: string[]): Promise<number> {
  if (!skus.length) return 0;
  const [row] = await tx.query<{ n: number }>("select count(*)::int as n from products where tenant_id = $1 and sku = any($2::text[])", [tenantId, skus]);
  return row?.n ?? 0;
}

/** What the evidence record of an import says beyond what writing it finds out. */
type ImportFacts = {
  file: { name: string; kind: "csv" | "xlsx"; encoding: string; sha256: string; bytes: number };
  mapping: Record<string, string>;
  market: "us" | "cn";
  validOnly: boolean;
  counts: { rows: number; valid: number; skipped: number };
  stored: StoredDocument | null;
};

/** What the products of an import came to. */
type WriteSummary = { created: number; updated: number; unchanged: number };

/** Writes an import's batches in its transaction, then its evidence. */
type ProductWriter = {
  /** Rows written so far. */
  readonly written: number;
  write(batch: StagedBatch): Promise<void>;
  /** Refresh statistics the import made wrong, log the import in the evidence ledger and the audit trail. */
  finish(facts: ImportFacts): Promise<WriteSummary>;
};

async function startWriting(tx: Queryable, principal: Principal, importId: string, fileName: string): Promise<ProductWriter> {
  const tenantId = principal.tenantId;
  await tx.exec(STAGE_TABLE);
  // Each batch looks up its own products and their classifications by id: price those index lookups as the cached
  // reads they are (the default prices each as a disk seek), or the planner reads the tenant's whole catalogue instead,
  // once per batch.
  await tx.exec("set local random_page_cost = 1.1");
  const editions = await editionCodes(tx);
  // A tenant with no products yet (a first import) has none to match: SKUs are unique within the file.
  const [some] = await tx.query<{ any: boolean }>("select exists (select 1 from products where tenant_id = $1) as any", [tenantId]);
  const catalogued = Boolean(some?.any);
  const classifications: Record<string, number> = {};
  let written = 0;
  let created = 0;
  let updated = 0;
  let suppliersAnalyzed = false;
  let productsAnalyzed = false;
  return {
    get written() {
      return written;
    },
    async write(batch) {
      if (written) await tx.exec("truncate catalog_stage");
      await tx.copyCsv("catalog_stage", STAGE_COLUMNS, batch.csv);
      await addSuppliers(tx, tenantId, batch.supplierNames);
      const existing = catalogued ? await markExisting(tx, tenantId, batch.skus) : [];
      if (existing.length) updated += await updateChanged(tx, principal, existing);
      const fresh = batch.skus.length - existing.length;
      if (fresh) {
        // Each new product's supplier is checked by a foreign-key lookup, planned as a scan of the whole (small)
        // suppliers table: four times the cost of an index lookup at a few hundred suppliers, and more as they grow.
        // The plan is made (and cached for the session) while scans are off; analysing suppliers first discards
        // any plan cached before. (A plan priced with scans off looks costly enough to JIT-compile: not that either.)
        if (!suppliersAnalyzed) {
          await tx.exec("analyze suppliers");
          suppliersAnalyzed = true;
        }
        await tx.exec("set local enable_seqscan = off; set local jit = off");
        await tx.query(
          `insert into products (tenant_id, id, sku, ${DATA_COLUMNS.join(", ")}, updated_by)
           select $1, st.product_id, st.sku, ${DATA_COLUMNS.map((c) => `st.${c}`).join(", ")}, $2 from ${STAGED} st where st.is_new`,
          [tenantId, principal.label],
        );
        await tx.exec("set local enable_seqscan = default; set local jit = default");
        // Foreign-key checks from the classifications below use plans cached while products was small (a full scan
        // is cheapest then, and became quadratic at 100k rows); analysing invalidates them. Once is enough.
        if (!productsAnalyzed) productsAnalyzed = await analyzeIfGrown(tx, "products", fresh, "(tenant_id, id)");
      }
      const decided = await writeClassifications(tx, principal, { importId, fileName, editions, existing });
      for (const [market, n] of Object.entries(decided)) classifications[market] = (classifications[market] ?? 0) + n;
      created += fresh;
      written += batch.skus.length;
    },
    async finish(facts) {
      const summary = { created, updated, unchanged: written - created - updated };
      await analyzeIfGrown(tx, "product_classifications", Object.values(classifications).reduce((sum, n) => sum + n, 0));
      await analyzeIfGrown(tx, "product_versions", updated);
      // Logged last: the ledger's sequencer lock is held from the append until this transaction commits.
      await logCatalogImport(tx, {
        ...facts,
        tenantId,
        importId,
        editions,
        counts: { ...facts.counts, ...summary },
        classifications: Object.fromEntries(Object.entries(classifications).sort(([a], [b]) => a.localeCompare(b))),
        importedBy: principal.label,
      });
      await recordAudit(tx, principal, { action: "catalog.import", targetType: IMPORT_SUBJECT, targetId: importId, after: { file: fileName, sha256: facts.file.sha256, rows: written, ...summary } });
      return summary;
    },
  };
}

/** Create the suppliers the tenant lacks among these names (matched without regard to case, as the suppliers' unique index does). */
async function addSuppliers(tx: Queryable, tenantId: string, names: string[]): Promise<void> {
  if (!names.length) return;
  // Names differing only in case are one supplier, named as first written; lower() is the database's, as in the index.
  await tx.query(
    `insert into suppliers (tenant_id, id, name_en)
     select $1, n.id, n.name from (select distinct on (lower(name)) name, id from unnest($2::text[], $3::text[]) with ordinality as u(name, id, n) order by lower(name), n) n
     where not exists (select 1 from suppliers s where s.tenant_id = $1 and lower(s.name_en) = lower(n.name))`,
    [tenantId, names, newIds("sup", names.length)],
  );
}

/**
 * Give the staged rows whose SKU the tenant has the existing product's id; returns those ids. Every per-batch statement
 * reaches the tenant's tables through such lists (index lookups), never by joining the whole catalogue, which
 * the planner prefers (it prices index lookups as disk reads) and which would make each batch cost the catalogue's size.
 */
async function markExisting(tx: Queryable, tenantId: string, skus: string[]): Promise<string[]> {
  const known = await tx.query<{ sku: string; id: string }>("select sku, id from products where tenant_id = $1 and sku = any($2::text[])", [tenantId, skus]);
  if (!known.length) return [];
  const ids = known.map((k) => k.id);
  await tx.query("update catalog_stage st set product_id = k.id, is_new = false from unnest($1::text[], $2::text[]) as k(sku, id) where st.sku = k.sku", [known.map((k) => k.sku), ids]);
  return ids;
}

// The product columns an import sets; comparing them decides whether a product changed.
const DATA_COLUMNS = ["title_en", "title_zh", "description_en", "description_zh", "brand", "model", "materials", "function_use", "ingredients", "origin_country", "supplier_id", "net_weight_kg", "gross_weight_kg", "dimensions", "declared_unit_value", "currency", "image_urls", "tags", "regulated"];
// The staged rows with their supplier's id, found by name as the suppliers' unique index matches it; $1 is the tenant.
const STAGED = "(select st.*, s.id as supplier_id from catalog_stage st left join suppliers s on s.tenant_id = $1 and lower(s.name_en) = lower(st.supplier_name))";
const CHANGED = `(${DATA_COLUMNS.map((c) => `p.${c}`).join(", ")}) is distinct from (${DATA_COLUMNS.map((c) => `st.${c}`).join(", ")})`;

/** Keep the previous version of every staged product (of these ids) that changed, then change it; returns how many changed. */
async function updateChanged(tx: Queryable, principal: Principal, ids: string[]): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `with changed as materialized (
       select p.id from products p join ${STAGED} st on st.product_id = p.id where p.tenant_id = $1 and p.id = any($3::text[]) and ${CHANGED}
     ), kept as (
       insert into product_versions (tenant_id, product_id, version, snapshot, replaced_by)
       select p.tenant_id, p.id, p.version, to_jsonb(p) - 'tenant_id', $2 from products p where p.tenant_id = $1 and p.id in (select id from changed)
     ), updated as (
       update products p set ${DATA_COLUMNS.map((c) => `${c} = st.${c}`).join(", ")}, version = p.version + 1, updated_at = now(), updated_by = $2
       from ${STAGED} st where p.tenant_id = $1 and p.id = st.product_id and p.id in (select id from changed) returning 1
     )
     select count(*)::int as n from updated`,
    [principal.tenantId, principal.label, ids],
  );
  return row?.n ?? 0;
}

/** The code of the edition in force of each schedule (hs, us_hts). */
async function editionCodes(tx: Queryable): Promise<Record<string, string | null>> {
  const rows = await tx.query<{ schedule: string; code: string }>(
    "select distinct on (schedule) schedule, code from tariff_editions where schedule in ('hs', 'us_hts') and effective_from <= current_date order by schedule, effective_from desc, id desc",
  );
  const codes: Record<string, string | null> = { hs: null, us_hts: null };
  for (const row of rows) codes[row.schedule] = row.code;
  return codes;
}

/**
 * Record the staged codes as classification decisions that name the import, where they differ from the product's
 * current one: hs from the HS6, us and cn from their national codes; returns how many per market. Decided in one
 * statement from the staging table: new products have no current classification, and existing ones are compared
 * through one join (a per-row lookup would plan against statistics a bulk load has just made wrong).
 */
async function writeClassifications(tx: Queryable, principal: Principal, options: { importId: string; fileName: string; editions: Record<string, string | null>; existing: string[] }): Promise<Record<string, number>> {
  const compare = options.existing.length > 0;
  const current = compare
    ? `, current as materialized (
         select distinct on (c.product_id, c.market) c.product_id, c.market, c.hs6, c.national_code
         from product_classifications c where c.tenant_id = $1 and c.product_id = any($7::text[]) order by c.product_id, c.market, c.id desc)`
    : "";
  const changed = compare
    ? `left join current c on c.product_id = k.product_id and c.market = k.market
       where k.is_new or c.product_id is null or c.hs6 is distinct from k.hs6 or c.national_code is distinct from k.national_code`
    : "";
  const rows = await tx.query<{ market: string; n: number }>(
    `with candidates as (
       select st.product_id, st.is_new, st.row_number, m.market, st.hs6, m.national_code, m.edition_code
       from catalog_stage st cross join lateral (values ('hs', null::text, $5::text), ('us', st.us_hts, $6::text), ('cn', st.cn_code, $5::text)) m(market, national_code, edition_code)
       where st.hs6 is not null and (m.market = 'hs' or m.national_code is not null))${current},
     added as (
       insert into product_classifications (tenant_id, product_id, market, hs6, national_code, status, rationale, decided_by, edition_code, import_id)
       select $1, k.product_id, k.market, k.hs6, k.national_code, 'confirmed', $2::text || k.row_number, $3, k.edition_code, $4 from candidates k ${changed}
       returning market)
     select market, count(*)::int as n from added group by market`,
    [principal.tenantId, `Imported from ${options.fileName}, row `, principal.label, options.importId, options.editions.hs, options.editions.us_hts, ...(compare ? [options.existing] : [])],
  );
  return Object.fromEntries(rows.map((r) => [r.market, r.n]));
}

/**
 * ANALYZE a table after a load that grew it by a tenth or more (and by at least 1,000 rows), as autovacuum would
 * (PGlite has none); smaller loads leave the statistics good enough. `columns` limits the work to what matters.
 * Returns whether it analysed.
 */
async function analyzeIfGrown(tx: Queryable, table: string, added: number, columns = ""): Promise<boolean> {
  if (added < 1000) return false;
  const [row] = await tx.query<{ n: number }>("select greatest(reltuples, 0)::float8 as n from pg_class where oid = $1::regclass", [table]);
  if (added < 0.1 * (row?.n ?? 0)) return false;
  await tx.exec(`analyze ${table} ${columns}`);
  return true;
}

/** The label of a field, in English and Chinese, for messages. */
export function fieldLabel(key: string): string {
  const spec = fieldSpec(key);
  return spec ? `${spec.label} (${spec.labelZh})` : key;
}
