import type { Client } from "@libsql/client";
import { freezeNow } from "./freeze-now.ts";
import { referenceBuild, type AwmTable, type ReferenceBuild } from "./reference-build.ts";

/**
 * The SQL of an AWM scenario as an env holds it, for import and gen alike: every "now" in
 * the schema and the sample (datetime('now'), CURRENT_TIMESTAMP) pinned to the env clock,
 * then built the way the reference builds it. `nowPinned` counts the replacements.
 */
export async function envSql(
  tables: AwmTable[],
  samples: { table: string; statements: string[] }[],
  now: Date,
  /** Looks at the built database before it is deleted. */
  inspect?: (db: Client) => Promise<void>,
): Promise<ReferenceBuild & { nowPinned: number }> {
  let nowPinned = 0;
  const pin = (sql: string) => {
    const f = freezeNow(sql, now);
    nowPinned += f.replaced;
    return f.sql;
  };
  const pinned = tables.map((t) => ({ ...t, ddl: pin(t.ddl), indexes: t.indexes.map(pin), examples: t.examples?.map(pin) }));
  const build = await referenceBuild(pinned, samples.map((s) => ({ table: s.table, statements: s.statements.map(pin) })), inspect);
  return { ...build, nowPinned };
}
