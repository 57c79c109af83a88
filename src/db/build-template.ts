import { createClient, type Transaction } from "@libsql/client";
import { chmodSync, existsSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { splitSql, type SqlStatement } from "./sql-split.ts";

/** What a template holds. */
export interface TemplateStats {
  tables: number;
  rows: number;
  bytes: number;
}

/** A schema or seed statement that failed; the message names the file, statement and line. */
export class TemplateBuildError extends Error {
  override name = "TemplateBuildError";
}

/** Statements per round trip. One prepared statement per row costs the driver memory it keeps (about 6 KB each), and a whole script in one call is slow in it; chunks are neither. */
const CHUNK = 100;

/** A chunk failed: build again a statement at a time, to name the failing one. */
class ChunkFailed extends Error {}

/**
 * Builds an env's template database at `path` from its schema and seed scripts, with
 * foreign keys enforced for the seed. Any failing statement fails the build, and the error
 * names it. The file is made read-only: episodes clone it and never write it.
 */
export async function buildTemplate(path: string, schemaSql: string, seedSql: string): Promise<TemplateStats> {
  const schema = splitSql(schemaSql);
  const seed = splitSql(seedSql);
  try {
    return await build(path, schema, seed, false);
  } catch (err) {
    if (!(err instanceof ChunkFailed)) throw err;
    return await build(path, schema, seed, true);
  }
}

type Executor = Pick<Transaction, "execute" | "executeMultiple">;

async function run(ex: Executor, file: string, statements: SqlStatement[], oneByOne: boolean): Promise<void> {
  if (oneByOne) {
    for (const s of statements) await ex.execute(s.sql).catch((err) => fail(file, s.line, err));
    return;
  }
  for (let i = 0; i < statements.length; i += CHUNK) {
    // A statement may end in a -- comment: the separator goes on a line of its own.
    const chunk = statements.slice(i, i + CHUNK).map((s) => s.sql).join("\n;\n");
    await ex.executeMultiple(chunk).catch(() => {
      throw new ChunkFailed();
    });
  }
}

async function build(path: string, schema: SqlStatement[], seed: SqlStatement[], oneByOne: boolean): Promise<TemplateStats> {
  rmSync(path, { force: true });
  const client = createClient({ url: pathToFileURL(path).href });
  let built = false;
  try {
    await run(client, "schema.sql", schema, oneByOne);
    await client.execute("PRAGMA foreign_keys = ON");
    const tx = await client.transaction("write");
    try {
      await run(tx, "seed.sql", seed, oneByOne);
      await tx.commit();
    } finally {
      tx.close();
    }
    const fk = await client.execute("PRAGMA foreign_key_check");
    if (fk.rows.length > 0) {
      const r = fk.rows[0]!;
      throw new TemplateBuildError(`seed.sql: row ${r.rowid} of ${r.table} references a missing row in ${r.parent}`);
    }
    await client.execute("VACUUM");
    const tables = await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    let rows = 0;
    for (const t of tables.rows) {
      const n = await client.execute(`SELECT count(*) AS n FROM "${String(t.name).replace(/"/g, '""')}"`);
      rows += Number(n.rows[0]!.n);
    }
    const size = await client.execute("SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size");
    built = true;
    return { tables: tables.rows.length, rows, bytes: Number(size.rows[0]!.bytes) };
  } finally {
    client.close();
    if (built) chmodSync(path, 0o444);
    else if (existsSync(path)) rmSync(path, { force: true });
  }
}

function fail(file: string, line: number, err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  throw new TemplateBuildError(`${file} line ${line}: ${message.replace(/^SQLITE_\w+: /, "")}`);
}
