// Traceability joins: which subject a timeline is really about, and which records logged under other subjects concern
// it. The ledger logs each record under one subject; a screening report, for one, is logged under its run, and an
// order's timeline finds it through the orders that run contained; a catalogue import is logged under the import, and
// a product's timeline finds it through the classifications that import recorded for the product.
import type { Queryable } from "../db/connection.ts";
import type { JsonValue } from "./canonical-json.ts";
import type { LedgerSubject } from "./ledger-record.ts";

/** Why a record logged under another subject is in this timeline, e.g. the screening run that contained the order. */
export type TimelineVia = { subject: LedgerSubject; relation: string; detail: JsonValue };

/** Records of these kinds, logged under this subject, belong in the timeline, for the reason given. */
export type LinkedSubject = { kinds: string[]; via: TimelineVia };

/** The subject a timeline is about: a product may be named by its SKU, and the ledger knows it by its id. */
export async function resolveSubject(q: Queryable, tenantId: string, subject: LedgerSubject): Promise<LedgerSubject> {
  if (subject.type !== "product") return subject;
  const [row] = await q.query<{ id: string }>("select id from products where tenant_id = $1 and (id = $2 or sku = $2) order by id = $2 desc limit 1", [tenantId, subject.id]);
  return row ? { type: "product", id: row.id } : subject;
}

/**
 * The other subjects whose records concern this one: for an order, the screening runs that contained it, with its
 * verdict and findings in each; for a product, the catalogue imports that recorded codes for it, with those codes.
 */
export async function linkedSubjects(q: Queryable, tenantId: string, subject: LedgerSubject): Promise<LinkedSubject[]> {
  if (subject.type === "product") return importsOfProduct(q, tenantId, subject.id);
  if (subject.type !== "order") return [];
  const runs = await q.query<{ run_id: string; block: number; warn: number; info: number }>(
    `select o.run_id, count(*) filter (where f.severity = 'block')::int as block, count(*) filter (where f.severity = 'warn')::int as warn,
       count(*) filter (where f.severity = 'info')::int as info
     from screening_run_orders o
     left join screening_findings f on f.tenant_id = o.tenant_id and f.run_id = o.run_id and f.order_no = o.order_no
     where o.tenant_id = $1 and o.order_no = $2 group by o.run_id`,
    [tenantId, subject.id],
  );
  return runs.map((run) => ({
    kinds: ["screening.reported"],
    via: {
      subject: { type: "screening_run", id: run.run_id },
      relation: "screened",
      detail: { verdict: run.block > 0 ? "blocked" : "ready", findings: { block: run.block, warn: run.warn, info: run.info } },
    },
  }));
}

/** The imports that recorded classifications for a product (product_classifications.import_id, migration 0011), each with the decisions it recorded. */
async function importsOfProduct(q: Queryable, tenantId: string, productId: string): Promise<LinkedSubject[]> {
  const imports = await q.query<{ import_id: string; classifications: JsonValue }>(
    `select import_id, json_agg(json_build_object('classificationId', id, 'market', market, 'hs6', hs6, 'nationalCode', national_code, 'status', status,
       'rationale', rationale) order by id) as classifications
     from product_classifications where tenant_id = $1 and product_id = $2 and import_id is not null group by import_id`,
    [tenantId, productId],
  );
  return imports.map((row) => ({
    kinds: ["catalog.imported"],
    via: { subject: { type: "import", id: row.import_id }, relation: "imported", detail: { classifications: row.classifications } },
  }));
}
