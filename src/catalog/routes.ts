import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { originOf, principalOf } from "../api/auth.ts";
import { learnFromProductConfirmation } from "../classify/tenant-precedents.ts";
import { AppError } from "../core/errors.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { openLedger } from "../ledger/open-ledger.ts";
import { recordAudit } from "../tenancy/audit.ts";
import { requirePermission } from "../tenancy/permissions.ts";
import { CERTIFICATE_TYPES, createCertificate, getCertificate, listCertificates } from "./certificates.ts";
import { setClassification } from "./classify-product-code.ts";
import { productExportRows, toCsv, toXlsx } from "./export-products.ts";
import { type FieldSpec, fieldSpec, MAX_BATTERY_WH, PRODUCT_FIELDS, REGULATED_KEYS } from "./fields.ts";
import { importProducts } from "./import-products.ts";
import { getMapping, listMappings, parseMappingJson, saveMapping } from "./mappings.ts";
import { getProductDetail, listProducts, productSnapshot, updateProduct } from "./products.ts";
import { SHEET_LIMITS } from "./read-spreadsheet.ts";
import { createSupplier, getSupplier, listSuppliers } from "./suppliers.ts";

const UPLOAD_TYPES = ["application/octet-stream", "text/csv", "text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"];
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZDecimal = z.string().regex(/^\d+(\.\d+)?$/);

/** The list's filters, which the export takes too. */
const ZProductFilter = z.object({
  q: z.string().max(200).optional(),
  unclassified: z.string().regex(/^[a-z]{2,6}$/).optional().describe("market with no confirmed classification, e.g. us"),
  certificateExpiringDays: z.coerce.number().int().min(0).max(3650).optional(),
  supplierId: z.string().max(64).optional(),
  tag: z.string().max(80).optional(),
});

/** The schema of one regulated attribute, from its field spec. */
function regulatedValue(spec: FieldSpec) {
  if (spec.type === "boolean") return z.boolean({ error: "must be true or false" });
  if (spec.type === "choice") return z.enum(spec.choices as [string, ...string[]], { error: `must be one of ${spec.choices?.join(", ")}` });
  if (spec.type === "decimal") return z.number({ error: "must be a number" }).min(0, "must not be negative").max(MAX_BATTERY_WH, `must be at most ${MAX_BATTERY_WH} Wh`);
  return z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(spec.max ?? 200, `must be at most ${spec.max ?? 200} characters`);
}

/** The regulated attributes a product may carry: known keys only, each of its type (absent means not declared). */
const ZRegulated = z.strictObject(Object.fromEntries(REGULATED_KEYS.map((key) => [key, regulatedValue(fieldSpec(key) as FieldSpec).optional()])));

/** Catalogue routes: import and export, products with versions and classifications, suppliers, certificates. */
export const catalogRoutes =
  (db: Db, options: { home: string }): FastifyPluginAsyncZod =>
  async (app) => {
    // Imported files are archived as the evidence of their import.
    const { store } = openLedger(options.home);
    app.addContentTypeParser(UPLOAD_TYPES, { parseAs: "buffer", bodyLimit: SHEET_LIMITS.maxBytes }, (_request, body, done) => done(null, body));

    app.get("/api/catalog/fields", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "Product fields an import column can map to" } }, async () => ({
      fields: PRODUCT_FIELDS.map(({ key, type, label, labelZh, aliases, choices }) => ({ key, type, label, labelZh, aliases, ...(choices ? { choices } : {}) })),
    }));

    app.post(
      "/api/catalog/imports",
      {
        config: { permission: "catalog.write" },
        bodyLimit: SHEET_LIMITS.maxBytes,
        schema: {
          tags: ["catalog"],
          summary: "Import products from a CSV or XLSX body (dryRun previews; validOnly imports the valid rows)",
          querystring: z.object({
            fileName: z.string().max(255).default("upload"),
            dryRun: z.enum(["true", "false"]).default("false"),
            validOnly: z.enum(["true", "false"]).default("false"),
            market: z.enum(["us", "cn"]).default("us"),
            mapping: z.string().max(20_000).optional().describe("JSON object: column header → field key ('' to ignore)"),
            mappingName: z.string().max(80).optional(),
          }),
        },
      },
      async (request) => {
        const principal = principalOf(request);
        if (!Buffer.isBuffer(request.body)) throw new AppError("BAD_REQUEST", `Send the file as the request body with Content-Type ${UPLOAD_TYPES[0]} (or text/csv, or the XLSX type).`);
        const q = request.query;
        const saved = q.mappingName ? (await withTenant(db, principal.tenantId, (tx) => getMapping(tx, principal.tenantId, q.mappingName as string))).mapping : {};
        const mapping = { ...saved, ...(q.mapping ? parseMappingJson(q.mapping) : {}) };
        const report = await importProducts(db, { principal, bytes: request.body, fileName: q.fileName, mapping, dryRun: q.dryRun === "true", validOnly: q.validOnly === "true", market: q.market, store });
        return report;
      },
    );

    app.get("/api/catalog/mappings", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "Saved column mappings" } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { mappings: await withTenant(db, tenantId, (tx) => listMappings(tx, tenantId)) };
    });

    app.put(
      "/api/catalog/mappings/:name",
      { config: { permission: "catalog.write" }, schema: { tags: ["catalog"], summary: "Save a column mapping under a name", params: z.object({ name: z.string().min(1).max(80) }), body: z.object({ mapping: z.record(z.string(), z.string()) }) } },
      async (request) => {
        const principal = principalOf(request);
        return withTenant(db, principal.tenantId, async (tx) => {
          const saved = await saveMapping(tx, principal.tenantId, request.params.name, request.body.mapping);
          await recordAudit(tx, principal, { action: "catalog.mapping_save", targetType: "mapping", targetId: request.params.name, after: saved.mapping }, originOf(request));
          return saved;
        });
      },
    );

    app.get(
      "/api/catalog/products",
      {
        config: { permission: "catalog.read" },
        schema: {
          tags: ["catalog"],
          summary: "Products, searched and filtered",
          querystring: ZProductFilter.extend({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
      },
      async (request) => {
        const { tenantId } = principalOf(request);
        return withTenant(db, tenantId, (tx) => listProducts(tx, tenantId, request.query));
      },
    );

    app.get(
      "/api/catalog/export",
      {
        config: { permission: "catalog.read" },
        schema: { tags: ["catalog"], summary: "Export products as CSV or XLSX: those the list's filters select, or all", querystring: ZProductFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }) },
      },
      async (request, reply) => {
        const { tenantId } = principalOf(request);
        const { format, ...filter } = request.query;
        const { headers, rows } = await withTenant(db, tenantId, (tx) => productExportRows(tx, tenantId, filter));
        const xlsx = format === "xlsx";
        void reply.header("content-disposition", `attachment; filename="products.${xlsx ? "xlsx" : "csv"}"`);
        return reply.type(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8").send(xlsx ? await toXlsx(headers, rows) : toCsv(headers, rows));
      },
    );

    app.get("/api/catalog/products/:id", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "A product with classifications, certificates and versions", params: z.object({ id: z.string().max(80) }) } }, async (request) => {
      const { tenantId } = principalOf(request);
      return withTenant(db, tenantId, (tx) => getProductDetail(tx, tenantId, request.params.id));
    });

    app.get(
      "/api/catalog/products/:id/versions/:version",
      { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "A product as it was at a version", params: z.object({ id: z.string().max(80), version: z.coerce.number().int().positive() }) } },
      async (request) => {
        const { tenantId } = principalOf(request);
        return { snapshot: await withTenant(db, tenantId, (tx) => productSnapshot(tx, tenantId, request.params.id, request.params.version)) };
      },
    );

    app.patch(
      "/api/catalog/products/:id",
      {
        config: { permission: "catalog.write" },
        schema: {
          tags: ["catalog"],
          summary: "Change a product (the previous state is kept as a version)",
          params: z.object({ id: z.string().max(80) }),
          body: z
            .object({
              titleEn: z.string().max(500).nullable(), titleZh: z.string().max(500).nullable(), descriptionEn: z.string().max(5000).nullable(), descriptionZh: z.string().max(5000).nullable(),
              brand: z.string().max(120).nullable(), model: z.string().max(250).nullable(), functionUse: z.string().max(1000).nullable(), ingredients: z.string().max(5000).nullable(),
              originCountry: z.string().length(2).nullable(), supplierId: z.string().max(64).nullable(), netWeightKg: ZDecimal.nullable(), grossWeightKg: ZDecimal.nullable(),
              declaredUnitValue: ZDecimal.nullable(), currency: z.string().length(3).nullable(), tags: z.array(z.string().max(80)).max(50), imageUrls: z.array(z.string().url().max(2000)).max(20),
              regulated: ZRegulated, materials: z.array(z.object({ material: z.string().max(120), percent: z.number().min(0).max(100).nullable() })).max(20),
            })
            .partial(),
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return withTenant(db, principal.tenantId, async (tx) => {
          const { before, after } = await updateProduct(tx, principal.tenantId, request.params.id, request.body, principal.label);
          await recordAudit(tx, principal, { action: "product.update", targetType: "product", targetId: after.id, before, after }, originOf(request));
          return { product: after };
        });
      },
    );

    app.post(
      "/api/catalog/products/:id/classifications",
      {
        config: { permission: "catalog.write" },
        schema: {
          tags: ["catalog"],
          summary: "Record a classification decision for a market (confirming or disputing needs the review permission)",
          params: z.object({ id: z.string().max(80) }),
          body: z.object({ market: z.string().max(6), code: z.string().max(20).nullable(), status: z.enum(["unclassified", "suggested", "confirmed", "disputed"]), rationale: z.string().max(4000).nullable().optional() }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (request.body.status === "confirmed" || request.body.status === "disputed") requirePermission(principal.role, "classify.review");
        const decision = await withTenant(db, principal.tenantId, async (tx) => {
          const saved = await setClassification(tx, principal.tenantId, request.params.id, request.body, principal.label);
          await learnFromProductConfirmation(tx, principal.tenantId, saved, principal.label);
          await recordAudit(tx, principal, { action: `classification.${saved.status}`, targetType: "product", targetId: saved.productId, after: saved }, originOf(request));
          return saved;
        });
        return reply.status(201).send({ classification: decision });
      },
    );

    app.get("/api/catalog/suppliers", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "Suppliers" } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { suppliers: await withTenant(db, tenantId, (tx) => listSuppliers(tx, tenantId)) };
    });

    app.get("/api/catalog/suppliers/:id", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "A supplier", params: z.object({ id: z.string().max(64) }) } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { supplier: await withTenant(db, tenantId, (tx) => getSupplier(tx, tenantId, request.params.id)) };
    });

    app.post(
      "/api/catalog/suppliers",
      {
        config: { permission: "catalog.write" },
        schema: {
          tags: ["catalog"],
          summary: "Create a supplier",
          body: z.object({ nameEn: z.string().max(200), nameZh: z.string().max(200).nullable().optional(), country: z.string().length(2).nullable().optional(), address: z.string().max(1000).nullable().optional(), contacts: z.array(z.object({ name: z.string().max(120).optional(), email: z.string().max(254).optional(), phone: z.string().max(60).optional() })).max(20).optional() }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const supplier = await withTenant(db, principal.tenantId, async (tx) => {
          const created = await createSupplier(tx, principal.tenantId, request.body);
          await recordAudit(tx, principal, { action: "supplier.create", targetType: "supplier", targetId: created.id, after: created }, originOf(request));
          return created;
        });
        return reply.status(201).send({ supplier });
      },
    );

    app.get(
      "/api/catalog/certificates",
      { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "Certificates and licences, soonest expiry first, with status", querystring: z.object({ warnDays: z.coerce.number().int().min(0).max(365).default(30) }) } },
      async (request) => {
        const { tenantId } = principalOf(request);
        return { certificates: await withTenant(db, tenantId, (tx) => listCertificates(tx, tenantId, { warnDays: request.query.warnDays })) };
      },
    );

    app.get("/api/catalog/certificates/:id", { config: { permission: "catalog.read" }, schema: { tags: ["catalog"], summary: "A certificate", params: z.object({ id: z.string().max(64) }) } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { certificate: await withTenant(db, tenantId, (tx) => getCertificate(tx, tenantId, request.params.id)) };
    });

    app.post(
      "/api/catalog/certificates",
      {
        config: { permission: "catalog.write" },
        schema: {
          tags: ["catalog"],
          summary: "Record a certificate or licence, linked to products and suppliers (attach a file archived through POST /api/documents by its SHA-256)",
          body: z.object({
            type: z.enum(CERTIFICATE_TYPES), number: z.string().max(120), issuer: z.string().max(200).nullable().optional(), validFrom: ZDate.nullable().optional(), validTo: ZDate.nullable().optional(),
            documentSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(), documentName: z.string().max(255).nullable().optional(), notes: z.string().max(4000).nullable().optional(),
            productIds: z.array(z.string().max(80)).max(10_000).optional(), supplierIds: z.array(z.string().max(64)).max(1000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const certificate = await withTenant(db, principal.tenantId, async (tx) => {
          const created = await createCertificate(tx, principal.tenantId, request.body);
          await recordAudit(tx, principal, { action: "certificate.create", targetType: "certificate", targetId: created.id, after: created }, originOf(request));
          return created;
        });
        return reply.status(201).send({ certificate });
      },
    );
  };
