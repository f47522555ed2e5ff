import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type AppError, isAppError } from "../core/errors.ts";

/** The JSON body of every error response. */
export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** The one place that turns thrown errors into HTTP responses. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(error)) {
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    void reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody);
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ path: `${error.validationContext ?? ""}${v.instancePath}`, message: v.message }));
    const first = issues[0];
    void reply.status(400).send({ error: { code: "VALIDATION_FAILED", message: first ? `${first.path}: ${first.message}` : "Invalid request", details: { issues } } } satisfies ErrorBody);
    return;
  }
  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, "request failed");
  void reply.status(status).send({ error: { code: status >= 500 ? "INTERNAL" : "BAD_REQUEST", message: status >= 500 ? "Internal error" : error.message } } satisfies ErrorBody);
}
