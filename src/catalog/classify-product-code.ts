import { AppError } from "../core/errors.ts";
import type { Queryable } from "../db/connection.ts";
import { appendRecords } from "../ledger/append-records.ts";
import type { Classification } from "./products.ts";
import { getProduct } from "./products.ts";

/** What a reviewer decides for a product in a market. */
export type ClassificationInput = { market: string; code: string | null; status: Classification["status"]; rationale?: string | null };

/** A classification decision as recorded, with the product it was made for. */
export type ClassificationDecision = Classification & { productId: string };

/**
 * Record a classification decision for a product and market, checking the code against the loaded edition, and log
 * it in the evidence ledger (classification.decided) in the same transaction; earlier decisions stay as history.
 */
export async function setClassification(tx: Queryable, tenantId: string, productIdOrSku: string, input: ClassificationInput, by: string): Promise<ClassificationDecision> {
  const product = await getProduct(tx, tenantId, productIdOrSku);
  if (!/^[a-z]{2,6}$/.test(input.market)) throw new AppError("VALIDATION_FAILED", `Market "${input.market}" must be a short lower-case code such as us, hs, cn, eu.`);
  if (input.status === "confirmed" && !input.code) throw new AppError("VALIDATION_FAILED", "A confirmed classification needs a code.");
  if (input.status === "confirmed" && !input.rationale?.trim()) throw new AppError("VALIDATION_FAILED", "Say why the code is right (rationale) when confirming it.");
  const { hs6, nationalCode, editionCode } = input.code ? await checkCode(tx, input.market, input.code) : { hs6: null, nationalCode: null, editionCode: null };
  const [row] = await tx.query<Classification>(
    `insert into product_classifications (tenant_id, product_id, market, hs6, national_code, status, rationale, decided_by, edition_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     returning id, market, hs6, national_code as "nationalCode", status, rationale, decided_by as "decidedBy", decided_at as "decidedAt", edition_code as "editionCode"`,
    [tenantId, product.id, input.market, hs6, nationalCode, input.status, input.rationale?.trim() || null, by, editionCode],
  );
  const decision = row as Classification;
  await logClassifications(tx, tenantId, [{ ...decision, productId: product.id, sku: product.sku, productVersion: product.version }]);
  return { ...decision, productId: product.id };
}

/** A decision to log, with the product (and its version) it applied to. */
export type LoggedClassification = Classification & { productId: string; sku: string; productVersion: number };

/**
 * Log classification decisions in the evidence ledger, one classification.decided record per decision, subject the
 * product; returns how many. For decisions made one product at a time: a catalogue import logs one catalog.imported
 * record instead (log-import.ts).
 */
export async function logClassifications(tx: Queryable, tenantId: string, decisions: readonly LoggedClassification[]): Promise<number> {
  const records = decisions.map((d) => ({
    tenantId,
    kind: "classification.decided",
    subject: { type: "product", id: d.productId },
    data: {
      classificationId: Number(d.id),
      sku: d.sku,
      market: d.market,
      hs6: d.hs6,
      nationalCode: d.nationalCode,
      edition: d.editionCode,
      status: d.status,
      decidedBy: d.decidedBy,
      rationale: d.rationale,
      productVersion: d.productVersion,
    },
  }));
  await appendRecords(tx, records);
  return decisions.length;
}

/** Validate a code for a market: HS6 against HS, US lines against the HTS in force, other markets by format over a real HS6. */
export async function checkCode(tx: Queryable, market: string, code: string): Promise<{ hs6: string; nationalCode: string | null; editionCode: string | null }> {
  const digits = code.replace(/[.\s]/g, "");
  if (!/^\d+$/.test(digits)) throw new AppError("VALIDATION_FAILED", `"${code}" is not a tariff code.`);
  const edition = async (schedule: string) =>
    (await tx.query<{ id: number; code: string }>("select id, code from tariff_editions where schedule = $1 and effective_from <= current_date order by effective_from desc, id desc limit 1", [schedule]))[0];
  const exists = async (editionId: number | undefined, value: string) => Boolean(editionId && (await tx.query("select 1 from tariff_lines where edition_id = $1 and code = $2 and not is_pseudo", [editionId, value])).length);
  const hs = await edition("hs");
  if (!(await exists(hs?.id, digits.slice(0, 6)))) throw new AppError("VALIDATION_FAILED", `${digits.slice(0, 6)} is not a subheading of ${hs?.code ?? "the loaded HS edition"}.`);
  if (market === "hs") {
    if (digits.length !== 6) throw new AppError("VALIDATION_FAILED", "HS classifications have 6 digits.");
    return { hs6: digits, nationalCode: null, editionCode: hs?.code ?? null };
  }
  if (market === "us") {
    const hts = await edition("us_hts");
    if (digits.length !== 10) throw new AppError("VALIDATION_FAILED", "US classifications are 10-digit HTS statistical lines.");
    if (!(await exists(hts?.id, digits))) throw new AppError("VALIDATION_FAILED", `${digits} is not a line of ${hts?.code ?? "the loaded HTS edition"}.`);
    return { hs6: digits.slice(0, 6), nationalCode: digits, editionCode: hts?.code ?? null };
  }
  if (digits.length < 8 || digits.length > 13) throw new AppError("VALIDATION_FAILED", `A ${market} national code has 8 to 13 digits.`);
  return { hs6: digits.slice(0, 6), nationalCode: digits, editionCode: null };
}
