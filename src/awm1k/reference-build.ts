import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { splitSql } from "../db/sql-split.ts";

/** One table of gen_db: its DDL, its indexes, and optional example statements. */
export interface AwmTable {
  name: string;
  ddl: string;
  indexes: string[];
  examples?: string[];
}

/** A statement the build skipped, with SQLite's message. */
export interface FailedStatement {
  stage: "schema" | "sample";
  table: string;
  sql: string;
  error: string;
}

/** What the reference's build leaves: the statements that took effect, and those that failed. */
export interface ReferenceBuild {
  schema: string[];
  inserts: string[];
  failed: FailedStatement[];
  tablesDeclared: number;
  tablesCreated: number;
  rows: number;
  /** Rows per table, as built. */
  rowsByTable: Record<string, number>;
}

/**
 * Builds a database the way the reference does (awm `env reset_db`): per table, its DDL,
 * then its indexes, then its examples, one statement at a time; the first failure skips
 * the rest of that table. Then foreign keys on, and every sample INSERT on its own; a
 * failure skips that statement. A string holding several statements fails, as Python's
 * sqlite3 refuses it. Returns the statements that took effect, so the same database can
 * be rebuilt from them alone. The database lives in a scratch file that is deleted after.
 */
export async function referenceBuild(
  tables: AwmTable[],
  samples: { table: string; statements: string[] }[],
  /** Looks at the built database before it is deleted. */
  inspect?: (db: Client) => Promise<void>,
): Promise<ReferenceBuild> {
  const scratch = mkdtempSync(join(tmpdir(), "awm-reference-build-"));
  const client = createClient({ url: pathToFileURL(join(scratch, "build.db")).href });
  const out: ReferenceBuild = { schema: [], inserts: [], failed: [], tablesDeclared: tables.length, tablesCreated: 0, rows: 0, rowsByTable: {} };
  try {
    await client.execute("PRAGMA foreign_keys = OFF");
    for (const t of tables) {
      for (const sql of [t.ddl, ...t.indexes, ...(t.examples ?? [])]) {
        const error = await run(client, sql);
        if (error) {
          out.failed.push({ stage: "schema", table: t.name, sql, error });
          break;
        }
        out.schema.push(sql);
      }
    }
    await client.execute("PRAGMA foreign_keys = ON");
    for (const s of samples) {
      for (const sql of s.statements) {
        const error = await run(client, sql);
        if (error) out.failed.push({ stage: "sample", table: s.table, sql, error });
        else out.inserts.push(sql);
      }
    }
    const names = await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    out.tablesCreated = names.rows.length;
    for (const r of names.rows) {
      const n = Number((await client.execute(`SELECT count(*) AS n FROM "${String(r.name).replace(/"/g, '""')}"`)).rows[0]!.n);
      out.rowsByTable[String(r.name)] = n;
      out.rows += n;
    }
    await inspect?.(client);
    return out;
  } finally {
    client.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs one statement; returns SQLite's message if it failed. */
async function run(client: Client, sql: string): Promise<string | null> {
  if (typeof sql !== "string") return "not a SQL string";
  const parts = splitSql(sql);
  if (parts.length === 0) return null;
  if (parts.length > 1) return "You can only execute one statement at a time.";
  try {
    await client.execute(parts[0]!.sql);
    return null;
  } catch (err) {
    return ((err as Error).message ?? String(err)).replace(/^SQLITE_\w+: /, "");
  }
}
