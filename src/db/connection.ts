import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import pg from "pg";
import { from as copyFromStream } from "pg-copy-streams";
import { AppError, errorMessage } from "../core/errors.ts";

/** Which database engine a handle talks to. */
export type DbKind = "pglite" | "postgres";

/** A result row as the driver returns it. */
export type Row = Record<string, unknown>;

/** What can run SQL: the database itself, or an open transaction on it. */
export type Queryable = {
  /** Run one statement with $1… parameters and return its rows. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Bulk-load CSV text (one chunk or many) into table(columns) with COPY; returns rows loaded. */
  copyCsv(table: string, columns: string[], chunks: string | string[]): Promise<number>;
};

/** A database handle: the same API on embedded PGlite and on a PostgreSQL server. */
export type Db = Queryable & {
  kind: DbKind;
  /** Where the data lives: a directory for PGlite, the server URL without password for PostgreSQL. */
  location: string;
  /** Run fn inside one transaction; it commits when fn resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** From now on, run every statement as this database role (see enforceRowSecurity). */
  assumeRole(role: string): Promise<void>;
  close(): Promise<void>;
};

/** Options for opening a database. */
export type OpenDbOptions = {
  /** PostgreSQL URL; when absent the embedded database is used. */
  url?: string;
  /** Directory of the embedded database; absent means in memory. */
  dataDir?: string;
  /** PostgreSQL only: schema to work in (tests isolate themselves this way). */
  schema?: string;
  /** Called with a line of status for slow steps (first start of the embedded database). */
  onStatus?: (message: string) => void;
};

/** Open the configured database: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  return options.url ? openPostgres(options.url, options.schema) : openPglite(options.dataDir, options.onStatus);
}

const int8AsNumber = (value: string) => Number(value);

async function openPglite(dataDir: string | undefined, onStatus?: (message: string) => void): Promise<Db> {
  const fresh = !dataDir || !fs.existsSync(`${dataDir}/PG_VERSION`);
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  if (fresh && dataDir) onStatus?.(`Creating the embedded database in ${dataDir} (first start, a few seconds)…`);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ?? "memory://", {
      extensions: { pg_trgm, unaccent },
      parsers: { 20: int8AsNumber },
    });
  } catch (error) {
    releaseLock();
    throw new AppError("DATABASE_UNAVAILABLE", `Cannot open the embedded database at ${dataDir}: ${errorMessage(error)}`);
  }
  const runner = (target: PGlite | Parameters<Parameters<PGlite["transaction"]>[0]>[0]): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await target.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async copyCsv(table, columns, chunks) {
      const parts = typeof chunks === "string" ? [chunks] : chunks;
      const result = await target.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob(parts),
      });
      return result.affectedRows ?? 0;
    },
  });
  return {
    kind: "pglite",
    location: dataDir ?? "memory",
    ...runner(client),
    transaction: (fn) => client.transaction((tx) => fn(runner(tx))),
    assumeRole: async (role) => {
      await client.exec(`set role ${quoteIdent(role)}`);
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/** Take the embedded database for this process: PGlite has one user, and a second process writing the same files would corrupt them. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new AppError("DATABASE_UNAVAILABLE", `The embedded database at ${dataDir} is in use by process ${holder} (a running Clearway server?); stop it or use its API.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  const release = () => fs.rmSync(lockFile, { force: true });
  process.once("exit", release);
  return () => {
    process.removeListener("exit", release);
    release();
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function openPostgres(url: string, schema?: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    options: schema ? `-c search_path=${schema},public` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20 ? int8AsNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError("DATABASE_UNAVAILABLE", `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${errorMessage(error)}`);
  }
  let role: string | undefined;
  const withRole = new WeakSet<pg.PoolClient>();
  // Every statement runs on a client that has taken the app's role, so row-level security applies to it.
  const acquire = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (role && !withRole.has(client)) {
      await client.query(`set role ${quoteIdent(role)}`);
      withRole.add(client);
    }
    return client;
  };
  const onClient = async <T>(target: pg.PoolClient | null, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (target) return fn(target);
    const client = await acquire();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
  const runner = (target: pg.PoolClient | null): Queryable => ({
    query: <T>(sql: string, params: unknown[] = []) => onClient(target, async (c) => (await c.query(sql, params as unknown[])).rows as T[]),
    exec: (sql: string) => onClient(target, async (c) => void (await c.query(sql))),
    copyCsv: (table, columns, chunks) => onClient(target, (c) => copyWithClient(c, table, columns, typeof chunks === "string" ? [chunks] : chunks)),
  });
  return {
    kind: "postgres",
    location: redactUrl(url) + (schema ? ` (schema ${schema})` : ""),
    ...runner(null),
    async transaction(fn) {
      const client = await acquire();
      try {
        await client.query("BEGIN");
        const result = await fn(runner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async assumeRole(next) {
      role = next;
    },
    close: () => pool.end(),
  };
}

/** A PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyWithClient(client: pg.PoolClient, table: string, columns: string[], chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFromStream(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`));
    stream.on("error", reject);
    stream.on("finish", () => resolve(stream.rowCount ?? 0));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

/** A PostgreSQL URL with its password removed, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}

/** The server version string (e.g. "PostgreSQL 15.20"). */
export async function serverVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ v: string }>("select split_part(version(), ' on ', 1) as v");
  return row?.v ?? "unknown";
}
