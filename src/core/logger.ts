import pino from "pino";

/** A structured logger writing JSON lines to stderr, so stdout stays free for command output. */
export function createLogger(level = process.env.LOG_LEVEL ?? "info"): pino.Logger {
  return pino({ level, base: { app: "clearway" } }, pino.destination(2));
}

/** The logger type used across Clearway. */
export type Logger = pino.Logger;
