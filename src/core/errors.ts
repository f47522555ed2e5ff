/** Every error code Clearway raises, mapped to its HTTP status in one place. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  CONFIG_INVALID: 500,
  TARIFF_CODE_MALFORMED: 400,
  TARIFF_CODE_NOT_FOUND: 404,
  TARIFF_EDITION_NOT_FOUND: 404,
  NOT_FOUND: 404,
  AUTH_REQUIRED: 401,
  AUTH_FAILED: 401,
  AUTH_LOCKED: 423,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_UNREADABLE: 400,
  IMPORT_TOO_LARGE: 413,
  IMPORT_REJECTED: 422,
  CONFLICT: 409,
  REFERENCE_FILE_MISSING: 500,
  REFERENCE_FILE_CORRUPT: 500,
  REFERENCE_FILE_CHANGED: 409,
  REFERENCE_NOT_LOADED: 503,
  DATABASE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  INTERNAL: 500,
} as const;

/** A stable error code, one key of ERROR_STATUS. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of Clearway: a stable code, a human message and optional details for the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  /** The HTTP status this error maps to. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** True when the value is an AppError (also across module copies). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === "AppError" && "code" in value);
}

/** The message of any thrown value, as one line. */
export function errorMessage(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return text.split("\n")[0] ?? text;
}
