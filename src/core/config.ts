import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.ts";

const ZConfig = z.object({
  home: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  host: z.string().min(1),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
});

/** Clearway's runtime configuration, read from the environment. */
export type Config = z.infer<typeof ZConfig>;

const ENV_NAMES: Record<keyof Config, string> = {
  home: "CLEARWAY_HOME",
  databaseUrl: "DATABASE_URL",
  dataDir: "CLEARWAY_DATA_DIR",
  port: "PORT",
  host: "HOST",
  logLevel: "LOG_LEVEL",
};

/** Read and validate the configuration; a bad value throws CONFIG_INVALID naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = ZConfig.safeParse({
    home: path.resolve(cwd, env.CLEARWAY_HOME || ".clearway"),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, env.CLEARWAY_DATA_DIR || "../shared/data"),
    port: env.PORT || "3000",
    host: env.HOST || "127.0.0.1",
    logLevel: env.LOG_LEVEL || "info",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0] as keyof Config | undefined;
    const name = key ? ENV_NAMES[key] : "configuration";
    const value = key ? JSON.stringify(env[ENV_NAMES[key]] ?? "") : "";
    throw new AppError("CONFIG_INVALID", `${name}=${value} is invalid: ${issue?.message ?? "bad value"}`);
  }
  return parsed.data;
}

/** Where the embedded database lives under CLEARWAY_HOME. */
export function embeddedDbDir(config: Config): string {
  return path.join(config.home, "db");
}
