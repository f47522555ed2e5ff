import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { originOf, principalOf } from "../api/auth.ts";
import { getMapping, listMappings, parseMappingJson, saveMapping } from "../catalog/mappings.ts";
import { AppError } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { Db } from "../db/connection.ts";
import { withTenant } from "../db/tenant-scope.ts";
import { openLedger } from "../ledger/open-ledger.ts";
import { recordAudit } from "../tenancy/audit.ts";
import { LANES, type Lane, MANIFEST_FIELDS } from "./manifest.ts";
import { RULE_PACKS } from "./packs.ts";
import { iterate, MANIFEST_MAPPINGS, manifestFromJson, openManifestFile } from "./read-manifest.ts";
import { allFindings, editLine, findingsCsv, findingsXlsx, getLine, getRun, listFindings, listRuns } from "./reports.ts";
import { ruleCatalogue } from "./rule-catalogue.ts";
import { chooseLane, rerunScreening, saveUpload, screenFile, startScreeningJob } from "./run-screening.ts";
import { screenManifest } from "./screen-manifest.ts";

const UPLOAD_TYPES = ["application/octet-stream", "text/csv", "text/plain", "application/xml", "text/xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"];
/** Uploads larger than this run as a background job. */
export const SYNC_LIMIT_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 1024 ** 3;
const ZLane = z.enum(LANES);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZRunId = z.object({ id: z.string().min(1).max(64) });

/** Screening routes: upload or send a manifest, follow the run, read and filter findings, look at and edit a line, re-run, export. */
export const screeningRoutes =
  (db: Db, options: { home: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const { store } = openLedger(options.home);
    // Uploads stream to disk as they arrive; nothing holds a large file in memory.
    app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

    app.get("/api/screening/rules", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "The rule catalogue, generated from the rules", querystring: z.object({ lane: ZLane.optional() }) } }, async (request) => ({
      rules: ruleCatalogue(request.query.lane),
      packs: RULE_PACKS.filter((p) => !request.query.lane || p.lane === request.query.lane).map((p) => ({ id: p.id, lane: p.lane, version: p.version, effectiveFrom: p.effectiveFrom, schedule: p.schedule, notes: p.notes, rules: [...p.lineRules, ...p.orderRules, ...p.manifestRules].map((r) => r.code), data: p.data })),
    }));

    app.get("/api/screening/fields", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "The canonical manifest columns and their header aliases" } }, async () => ({
      fields: MANIFEST_FIELDS.map(({ key, level, kind, label, labelZh, aliases, max }) => ({ key, level, kind, label, labelZh, aliases, max })),
    }));

    app.get("/api/screening/mappings", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "Saved manifest column mappings" } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { mappings: await withTenant(db, tenantId, (tx) => listMappings(tx, tenantId, MANIFEST_MAPPINGS)) };
    });

    app.put(
      "/api/screening/mappings/:name",
      { config: { permission: "screening.run" }, schema: { tags: ["screening"], summary: "Save a manifest column mapping under a name", params: z.object({ name: z.string().min(1).max(80) }), body: z.object({ mapping: z.record(z.string(), z.string()) }) } },
      async (request) => {
        const principal = principalOf(request);
        return withTenant(db, principal.tenantId, async (tx) => {
          const saved = await saveMapping(tx, principal.tenantId, request.params.name, request.body.mapping, MANIFEST_MAPPINGS);
          await recordAudit(tx, principal, { action: "screening.mapping_save", targetType: "mapping", targetId: request.params.name, after: saved.mapping }, originOf(request));
          return saved;
        });
      },
    );

    app.post(
      "/api/screenings",
      {
        config: { permission: "screening.run" },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ["screening"],
          summary: "Screen a manifest: upload CSV/XLSX/CEB XML as the body, or send JSON {lane, lines|orders}; large files run in the background (202)",
          querystring: z.object({
            lane: ZLane.optional(),
            fileName: z.string().max(255).default("manifest"),
            date: ZDate.optional(),
            pack: z.string().max(20).optional(),
            mapping: z.string().max(20_000).optional().describe("JSON object: column header → field key ('' to ignore)"),
            mappingName: z.string().max(80).optional(),
            background: z.enum(["true", "false"]).optional().describe("Force (true) or refuse (false) a background job; by default files over 2 MB run in the background"),
          }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const q = request.query;
        const base = { tenantId: principal.tenantId, date: q.date, packVersion: q.pack, createdBy: principal.label, store };
        if (request.body && typeof request.body === "object" && !(request.body instanceof Readable)) {
          const json = manifestFromJson(request.body, q.fileName);
          const lane = chooseLane(q.lane, json.lane, "json", q.fileName);
          const result = await screenManifest(db, { ...base, lane, source: { kind: "json", name: q.fileName, lines: iterate(json.lines) } });
          await audit(principal, result.runId, lane, originOf(request));
          return reply.status(201).send({ run: await withTenant(db, principal.tenantId, (tx) => getRun(tx, principal.tenantId, result.runId)) });
        }
        if (!(request.body instanceof Readable)) throw new AppError("BAD_REQUEST", "Send the manifest as the request body: a file (CSV, XLSX, CEB603/CEB621 XML) or JSON with lines or orders.");
        const saved = q.mappingName ? (await withTenant(db, principal.tenantId, (tx) => getMapping(tx, principal.tenantId, q.mappingName as string, MANIFEST_MAPPINGS))).mapping : {};
        const mapping = { ...saved, ...(q.mapping ? parseMappingJson(q.mapping) : {}) };
        const file = path.join(options.home, "uploads", `${newId("upl")}.manifest`);
        const bytes = await saveUpload(request.body, file, MAX_UPLOAD_BYTES);
        const remove = () => fs.rmSync(file, { force: true });
        try {
          const background = q.background === "true" || (q.background !== "false" && bytes > SYNC_LIMIT_BYTES);
          if (!background) {
            const result = await screenFile(db, file, q.fileName, { ...base, lane: q.lane, mapping });
            remove();
            await audit(principal, result.runId, result.lane, originOf(request));
            return reply.status(201).send({ run: await withTenant(db, principal.tenantId, (tx) => getRun(tx, principal.tenantId, result.runId)) });
          }
          // Open it now, so that a file that cannot be read at all fails this request and leaves no run behind.
          const probe = await openManifestFile(file, q.fileName, mapping);
          const lane = chooseLane(q.lane, probe.lane, probe.kind, q.fileName);
          const runId = await startScreeningJob(db, { ...base, lane, mapping, sourceKind: probe.kind, sourceName: q.fileName, sourceBytes: bytes }, (id) => screenFile(db, file, q.fileName, { ...base, lane, mapping, runId: id, keepFailedRun: true }), remove);
          await audit(principal, runId, lane, originOf(request));
          return reply.status(202).send({ run: await withTenant(db, principal.tenantId, (tx) => getRun(tx, principal.tenantId, runId)) });
        } catch (error) {
          remove();
          throw error;
        }
      },
    );

    async function audit(principal: ReturnType<typeof principalOf>, runId: string, lane: Lane, origin: ReturnType<typeof originOf>) {
      await withTenant(db, principal.tenantId, (tx) => recordAudit(tx, principal, { action: "screening.run", targetType: "screening", targetId: runId, after: { lane } }, origin));
    }

    app.get("/api/screenings", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "Screening runs, newest first", querystring: z.object({ limit: z.coerce.number().int().optional(), offset: z.coerce.number().int().optional() }) } }, async (request) => {
      const { tenantId } = principalOf(request);
      return withTenant(db, tenantId, (tx) => listRuns(tx, tenantId, request.query));
    });

    app.get("/api/screenings/:id", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "A run: status, progress and summary", params: ZRunId } }, async (request) => {
      const { tenantId } = principalOf(request);
      return { run: await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, request.params.id)) };
    });

    app.get(
      "/api/screenings/:id/findings",
      {
        config: { permission: "screening.read" },
        schema: {
          tags: ["screening"],
          summary: "A run's findings, filtered and paged",
          params: ZRunId,
          querystring: z.object({ code: z.string().max(60).optional(), severity: z.enum(["block", "warn", "info"]).optional(), orderNo: z.string().max(80).optional(), line: z.coerce.number().int().optional(), field: z.string().max(60).optional(), limit: z.coerce.number().int().optional(), offset: z.coerce.number().int().optional() }),
        },
      },
      async (request) => {
        const { tenantId } = principalOf(request);
        return withTenant(db, tenantId, async (tx) => {
          await getRun(tx, tenantId, request.params.id);
          return listFindings(tx, tenantId, request.params.id, request.query);
        });
      },
    );

    app.get("/api/screenings/:id/lines/:line", { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "One line of a run with its product snapshot, edits and findings", params: z.object({ id: z.string().max(64), line: z.coerce.number().int().min(1) }) } }, async (request) => {
      const { tenantId } = principalOf(request);
      return withTenant(db, tenantId, (tx) => getLine(tx, tenantId, request.params.id, request.params.line));
    });

    app.patch(
      "/api/screenings/:id/lines/:line",
      { config: { permission: "screening.run" }, schema: { tags: ["screening"], summary: "Edit a line's values; the next re-run uses them", params: z.object({ id: z.string().max(64), line: z.coerce.number().int().min(1) }), body: z.object({ changes: z.record(z.string(), z.string().max(1000)) }) } },
      async (request) => {
        const principal = principalOf(request);
        const unknown = Object.keys(request.body.changes).filter((k) => !MANIFEST_FIELDS.some((f) => f.key === k));
        if (unknown.length) throw new AppError("VALIDATION_FAILED", `Not manifest fields: ${unknown.join(", ")}.`);
        return withTenant(db, principal.tenantId, async (tx) => {
          const changes = await editLine(tx, principal.tenantId, request.params.id, request.params.line, request.body.changes, principal.label);
          await recordAudit(tx, principal, { action: "screening.line_edit", targetType: "screening", targetId: `${request.params.id}#${request.params.line}`, after: request.body.changes }, originOf(request));
          return { line: request.params.line, edits: changes };
        });
      },
    );

    app.post("/api/screenings/:id/rerun", { config: { permission: "screening.run" }, schema: { tags: ["screening"], summary: "Screen a run again with its edits, against today's catalogue (runs in the background, 202)", params: ZRunId, querystring: z.object({ date: ZDate.optional() }) } }, async (request, reply) => {
      const principal = principalOf(request);
      const original = await withTenant(db, principal.tenantId, (tx) => getRun(tx, principal.tenantId, request.params.id));
      if (original.status !== "done") throw new AppError("CONFLICT", `Run ${original.id} is ${original.status}; only a finished run can be screened again.`);
      const base = { tenantId: principal.tenantId, date: request.query.date, createdBy: principal.label, lane: original.lane as Lane, store };
      const runId = await startScreeningJob(db, { ...base, sourceKind: original.sourceKind as never, sourceName: original.sourceName, sourceBytes: null, rerunOf: original.id }, (id) => rerunScreening(db, original.id, { ...base, runId: id, keepFailedRun: true }));
      await audit(principal, runId, base.lane, originOf(request));
      return reply.status(202).send({ run: await withTenant(db, principal.tenantId, (tx) => getRun(tx, principal.tenantId, runId)) });
    });

    app.get(
      "/api/screenings/:id/report",
      { config: { permission: "screening.read" }, schema: { tags: ["screening"], summary: "The report: JSON (run, summary, findings), CSV or XLSX", params: ZRunId, querystring: z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") }) } },
      async (request, reply) => {
        const { tenantId } = principalOf(request);
        const run = await withTenant(db, tenantId, (tx) => getRun(tx, tenantId, request.params.id));
        const name = `screening-${run.id}`;
        const format = request.query.format;
        if (format === "xlsx") {
          const bytes = await withTenant(db, tenantId, (tx) => findingsXlsx(run, allFindings(tx, tenantId, run.id)));
          void reply.header("content-disposition", `attachment; filename="${name}.xlsx"`);
          return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(bytes);
        }
        if (format === "csv") {
          const text = await withTenant(db, tenantId, async (tx) => {
            let out = "";
            for await (const part of findingsCsv(allFindings(tx, tenantId, run.id))) out += part;
            return out;
          });
          void reply.header("content-disposition", `attachment; filename="${name}.csv"`);
          return reply.type("text/csv; charset=utf-8").send(text);
        }
        const findings = await withTenant(db, tenantId, async (tx) => {
          const out = [];
          for await (const page of allFindings(tx, tenantId, run.id)) for (const f of page) out.push(reportFinding(f));
          return out;
        });
        return { run, summary: run.summary, findings };
      },
    );
  };

/** A finding as the JSON report writes it (the field names the issue asks for). */
export function reportFinding(f: { code: string; severity: string; orderNo: string; line: number; field: string; message: string; messageZh: string; evidence: unknown; hint: string; hintZh: string }) {
  return { code: f.code, severity: f.severity, order_no: f.orderNo, line: f.line, field: f.field, message: f.message, message_zh: f.messageZh, evidence: f.evidence, hint: f.hint, hint_zh: f.hintZh };
}
