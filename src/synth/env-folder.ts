import Database from "libsql";
import type { ToolContract } from "../awm1k/spec-tools.ts";
import { envSql } from "../awm1k/env-sql.ts";
import type { DbRecord, SampleRecord } from "./records.ts";

/** The statements of a scenario's schema and sample that take effect, in order, with every "now" pinned to `now`. */
export async function effectiveSql(db: DbRecord, sample: SampleRecord | undefined, now: Date): Promise<{ schema: string[]; inserts: string[] }> {
  const build = await envSql(db.db_schema.tables, sampleStatements(sample), now);
  return { schema: build.schema, inserts: build.inserts };
}

/** A gen_sample record's inserts, per table, as the build takes them. */
export function sampleStatements(sample: SampleRecord | undefined): { table: string; statements: string[] }[] {
  return (sample?.sample_data.tables ?? []).map((t) => ({ table: t.table_name, statements: t.insert_statements }));
}

/** Verifiers that never say complete: lets an env load before its real verifiers exist. */
export function placeholderVerifiers(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => `  ${i}: () => ({ verdict: "others" as const }),`).join("\n");
  return `import { defineVerifiers } from "awm/envkit";\n\nexport default defineVerifiers({\n${entries}\n});\n`;
}

/** Reads a built template to pick tool arguments from its rows and to summarize it. */
export interface SeedLookup {
  /**
   * Arguments for calling a tool against the seed data: an `x_id` parameter gets an id
   * that exists in table x (or xs, xes, x->ies), other parameters the spec's example or a
   * value of their type.
   */
  argsFor(tool: ToolContract): Record<string, unknown>;
  /** "table: rows" lines. */
  rowCounts(): string;
  close(): void;
}

export function seedLookup(dbPath: string): SeedLookup {
  const db = new Database(`file:${dbPath}?mode=ro`);
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").raw().all([]) as string[][]).map((r) => r[0]!));
  const firstId = new Map<string, number | null>();
  const idOf = (param: string): number | null => {
    const base = param.replace(/_ids?$/, "");
    for (const t of [base, `${base}s`, `${base}es`, base.replace(/y$/, "ies")]) {
      if (!tables.has(t)) continue;
      if (!firstId.has(t)) {
        try {
          firstId.set(t, ((db.prepare(`SELECT min(id) FROM "${t}"`).raw().get([]) as unknown[] | undefined)?.[0] as number | null) ?? null);
        } catch {
          firstId.set(t, null);
        }
      }
      const id = firstId.get(t);
      if (id !== null && id !== undefined) return id;
    }
    return null;
  };
  const argsFor = (tool: ToolContract) => {
    const schema = tool.inputSchema as { properties?: Record<string, { type?: string; examples?: unknown[] }>; required?: string[] };
    const required = new Set(schema.required ?? []);
    const args: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(schema.properties ?? {})) {
      const id = /_ids?$/.test(name) ? idOf(name) : null;
      if (id !== null) args[name] = p.type === "array" ? [id] : id;
      else if (p.examples?.length) args[name] = p.examples[0];
      else if (required.has(name)) args[name] = { integer: 1, number: 1, boolean: true, array: [], object: {} }[p.type ?? ""] ?? "example";
    }
    return args;
  };
  const rowCounts = () => [...tables].map((t) => `${t}: ${(db.prepare(`SELECT count(*) FROM "${t}"`).raw().get([]) as number[])[0]}`).join("\n");
  return { argsFor, rowCounts, close: () => db.close() };
}
