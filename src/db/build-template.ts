import { createClient } from "@libsql/client";
import { chmodSync, existsSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { splitSql } from "./sql-split.ts";

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

/**
 * Builds an env's template database at `path` from its schema and seed scripts, with
 * foreign keys enforced for the seed. Any failing statement fails the build. The file is
 * made read-only: episodes clone it and never write it.
 */
export async function buildTemplate(path: string, schemaSql: string, seedSql: string): Promise<TemplateStats> {
  rmSync(path, { force: true });
  const client = createClient({ url: pathToFileURL(path).href });
  let built = false;
  try {
    for (const s of splitSql(schemaSql)) {
      await client.execute(s.sql).catch((err) => fail("schema.sql", s.line, err));
    }
    await client.execute("PRAGMA foreign_keys = ON");
    const tx = await client.transaction("write");
    try {
      for (const s of splitSql(seedSql)) await tx.execute(s.sql).catch((err) => fail("seed.sql", s.line, err));
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
