import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("applies defaults relative to the working directory", () => {
    const config = loadConfig({}, "/srv/app");
    expect(config).toMatchObject({ home: "/srv/app/.clearway", dataDir: "/srv/shared/data", port: 3000, host: "127.0.0.1", databaseUrl: undefined });
  });

  it("names the variable and value that is wrong", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT="70000" is invalid/);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT="abc" is invalid/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL="mysql:\/\/x" is invalid: must start with postgres/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL="loud" is invalid/);
  });

  it("accepts a PostgreSQL URL", () => {
    expect(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }).databaseUrl).toBe("postgresql://u@h/db");
  });
});
