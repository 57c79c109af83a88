import { envSql } from "../awm1k/env-sql.ts";
import type { DbRecord, SampleRecord } from "./records.ts";

/** The statements of a scenario's schema and sample that take effect, in order, with every "now" pinned to `now`. */
export async function effectiveSql(db: DbRecord, sample: SampleRecord | undefined, now: Date): Promise<{ schema: string[]; inserts: string[]; rowsByTable: Record<string, number> }> {
  const build = await envSql(db.db_schema.tables, sampleStatements(sample), now);
  return { schema: build.schema, inserts: build.inserts, rowsByTable: build.rowsByTable };
}

/** A gen_sample record's inserts, per table, as the build takes them. */
export function sampleStatements(sample: SampleRecord | undefined): { table: string; statements: string[] }[] {
  return (sample?.sample_data.tables ?? []).map((t) => ({ table: t.table_name, statements: t.insert_statements }));
}

/**
 * verify.ts from verifier expressions, in task order (`grade` is in scope). A null entry is
 * a placeholder that never says complete: an env loads before its real verifiers exist.
 */
export function verifyModule(verifiers: (string | null)[]): string {
  const entries = verifiers.map((code, i) => `  ${i}: ${code?.trim() ?? `() => ({ verdict: "others" as const })`},`).join("\n");
  return `import { defineVerifiers, grade } from "awm/envkit";\n\nexport default defineVerifiers({\n${entries}\n});\n`;
}
