import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { pathToFileURL } from "node:url";
import { buildTemplate } from "../db/build-template.ts";
import { splitSql } from "../db/sql-split.ts";
import type { ToolInfo } from "../runtime/env-module.ts";
import { IMPORTED_FILES, readEnvFiles } from "../runtime/env-files.ts";
import { AWM_FILES } from "./files.ts";
import { awmDbPath, type AwmDbRecord, type AwmEnvRecord, type AwmSampleRecord, type AwmScenarioRecord, type AwmSpecRecord, type AwmTasksRecord, type AwmVerifierRecord } from "./records.ts";
import type { ToolContract } from "./spec-tools.ts";

/** An env to export: its folder, its tools when the folder has none in tools.json, and its template when already built. */
export interface ExportSource {
  dir: string;
  tools?: ToolInfo[];
  templatePath?: string;
}

/** What was written, per file, and what could not be expressed in AWM's formats. */
export interface ExportReport {
  out: string;
  scenarios: string[];
  lines: Record<string, number>;
  notes: string[];
}

const TYPES_BACK: Record<string, string> = { integer: "integer", number: "float", string: "string", boolean: "boolean", array: "array", object: "object" };

/**
 * Writes envs as AWM JSONL (gen_scenario, gen_tasks, gen_db, gen_sample, gen_spec,
 * gen_envs, gen_verifier[.pure_code]) so the reference's tools can read them. The schema
 * comes from the built template (the loaded env's, else built here), the sample from the
 * seed statements in their order, the spec from the tool contracts. TypeScript verifiers
 * and tools have no AWM form: envs without Python code or verifiers are written without
 * gen_envs or verifier lines.
 */
export async function exportAwm(sources: ExportSource[], out: string): Promise<ExportReport> {
  mkdirSync(out, { recursive: true });
  const files: Record<string, string[]> = Object.fromEntries(Object.values(AWM_FILES).map((f) => [f, []]));
  const report: ExportReport = { out, scenarios: [], lines: {}, notes: [] };
  const scratch = mkdtempSync(join(tmpdir(), "awm-export-"));
  try {
    for (const src of sources) {
      const f = readEnvFiles(src.dir, { requireCode: false });
      const scenario = f.meta.source?.scenario ?? f.meta.name;
      const line = (file: string, value: unknown) => files[file]!.push(JSON.stringify(value));
      report.scenarios.push(f.meta.name);

      line(AWM_FILES.scenario, { name: scenario, description: f.meta.description } satisfies AwmScenarioRecord);
      line(AWM_FILES.tasks, { scenario, tasks: f.tasks.map((t) => t.prompt) } satisfies AwmTasksRecord);
      let templatePath = src.templatePath;
      if (!templatePath) await buildTemplate((templatePath = join(scratch, `${f.meta.name}.db`)), f.schemaSql, f.seedSql);
      line(AWM_FILES.db, { scenario, db_schema: { tables: await schemaTables(templatePath) }, db_path: awmDbPath(f.meta.name) } satisfies AwmDbRecord);
      const inserts = splitSql(f.seedSql).map((s) => s.sql);
      line(AWM_FILES.sample, { scenario, tables_count: new Set(inserts.map(targetTable)).size, inserts_count: inserts.length, sample_data: { tables: runsByTable(inserts) } } satisfies AwmSampleRecord);

      const contractPath = join(src.dir, IMPORTED_FILES.tools);
      const tools: (ToolInfo & Partial<ToolContract>)[] = existsSync(contractPath) ? JSON.parse(readFileSync(contractPath, "utf8")) : (src.tools ?? []);
      if (!tools.length) report.notes.push(`${f.meta.name}: no tools known; its spec has no endpoints`);
      line(AWM_FILES.spec, { scenario, api_spec: { api_groups: [{ group_name: "tools", endpoints: tools.map(endpoint) }] } } satisfies AwmSpecRecord);

      const serverPath = join(src.dir, IMPORTED_FILES.server);
      if (existsSync(serverPath)) line(AWM_FILES.envs, { scenario, db_path: awmDbPath(f.meta.name), full_code: readFileSync(serverPath, "utf8") } satisfies AwmEnvRecord);
      else report.notes.push(`${f.meta.name}: tools are TypeScript; no gen_envs line`);
      for (const v of f.pythonVerifiers) {
        const file = v.mode === "code" ? AWM_FILES.pureCode : AWM_FILES.verifier;
        const raw = JSON.stringify({ python_code: v.code, function_name: v.function_name });
        line(file, { scenario: f.meta.name, task_idx: v.task, task: f.tasks[v.task]?.prompt ?? "", verification: { code: v.code, raw_response: raw } } satisfies AwmVerifierRecord);
      }
      if (!f.pythonVerifiers.length) report.notes.push(`${f.meta.name}: verifiers are TypeScript; no gen_verifier lines`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const [file, lines] of Object.entries(files)) {
    if (!lines.length) continue;
    writeFileSync(join(out, file), lines.join("\n") + "\n");
    report.lines[file] = lines.length;
  }
  return report;
}

/** Tables in creation order with their DDL and index statements, from a built database. */
async function schemaTables(path: string): Promise<{ name: string; ddl: string; indexes: string[] }[]> {
  const client = createClient({ url: pathToFileURL(path).href });
  try {
    const rows = (await client.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")).rows;
    const tables = rows.filter((r) => r.type === "table" && !String(r.name).startsWith("sqlite_")).map((r) => ({ name: String(r.name), ddl: `${String(r.sql).trim()};`, indexes: [] as string[] }));
    for (const r of rows) if (r.type === "index") tables.find((t) => t.name === r.tbl_name)?.indexes.push(`${String(r.sql).trim()};`);
    return tables;
  } finally {
    client.close();
  }
}

/** The seed statements as consecutive runs per table, so the reference runs them in the same order. */
function runsByTable(inserts: string[]): { table_name: string; reasoning: string; insert_statements: string[] }[] {
  const runs: { table_name: string; reasoning: string; insert_statements: string[] }[] = [];
  for (const sql of inserts) {
    const table = targetTable(sql);
    const last = runs[runs.length - 1];
    if (last && last.table_name === table) last.insert_statements.push(`${sql};`);
    else runs.push({ table_name: table, reasoning: "", insert_statements: [`${sql};`] });
  }
  return runs;
}

function targetTable(sql: string): string {
  const m = /^\s*(?:--[^\n]*\n\s*)*(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO\s+(?:"([^"]+)"|`([^`]+)`|\[([^\]]+)\]|([\w.]+))/i.exec(sql);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]!) : "_";
}

function endpoint(t: ToolInfo & Partial<ToolContract>) {
  const [summary, ...rest] = t.description.split("\n\n");
  const props = (t.inputSchema.properties ?? {}) as Record<string, { type?: string; description?: string; examples?: unknown[] }>;
  const required = new Set((t.inputSchema.required ?? []) as string[]);
  return {
    path: t.path ?? `/api/${t.name}`,
    method: t.method ?? "POST",
    summary: summary ?? t.name,
    description: rest.join("\n\n"),
    operation_id: t.name,
    tags: [],
    request_params: Object.fromEntries(
      Object.entries(props).map(([name, p]) => [
        name,
        {
          type: TYPES_BACK[p.type ?? "string"] ?? "string",
          param_type: t.paramIn?.[name] ?? "body",
          required: required.has(name),
          description: p.description ?? "",
          ...(p.examples?.length ? { example: p.examples[0] } : {}),
        },
      ]),
    ),
    response: {},
    required_tables: [],
    required_fields: {},
  };
}
