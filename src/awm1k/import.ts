import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { IMPORTED_FILES, writeEnvFolder } from "../runtime/env-files.ts";
import { envSql } from "./env-sql.ts";
import { readAwmDir, type AwmScenario } from "./files.ts";
import type { ImportProblem } from "./jsonl.ts";
import type { FailedStatement } from "./reference-build.ts";
import { specTools } from "./spec-tools.ts";

export interface ImportOptions {
  /** The folder with the AWM JSONL files. */
  dir: string;
  /** Where env folders are written, one per scenario. */
  out: string;
  /** Normalized names to import; all when empty. */
  only?: string[];
  /** The instant every "now" in the data is pinned to, and the envs' clock. */
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

/** What importing one scenario did. */
export interface ScenarioReport {
  name: string;
  display_name: string;
  imported: boolean;
  tasks: number;
  tables_declared: number;
  tables_created: number;
  rows: number;
  inserts: number;
  failed_statements: FailedStatement[];
  tools: number;
  endpoints: number;
  /** Endpoints hidden by a later one on the same (path, method), as the reference's MCP server hides them. */
  shadowed_tools: string[];
  verifiers: { code: number; sql: number };
  /** Tasks (their index in gen_tasks) with no code-mode verifier: not in the env's tasks.json. */
  tasks_without_code_verifier: number[];
  now_pinned: number;
  problems: string[];
}

export interface ImportReport {
  out: string;
  now: string;
  scenarios: ScenarioReport[];
  problems: ImportProblem[];
}

/**
 * Imports AWM files into env folders: scenario text, tasks, the database as the
 * reference builds it (schema.sql and seed.sql hold the statements that took effect),
 * tool contracts from gen_spec, the Python verifiers and env code. Tasks without a code-mode
 * verifier are left out (an env serves only tasks it can verify). Tools still need porting
 * (`awm port`) before the env can be served.
 */
export async function importAwm(o: ImportOptions): Promise<ImportReport> {
  const { scenarios, problems } = readAwmDir(o.dir);
  const wanted = [...scenarios.values()].filter((s) => !o.only?.length || o.only.includes(s.name)).sort((a, b) => a.name.localeCompare(b.name));
  for (const name of o.only ?? []) if (!scenarios.has(name)) problems.push({ file: "--only", message: `no scenario named '${name}' in ${o.dir}` });
  mkdirSync(o.out, { recursive: true });
  const reports: ScenarioReport[] = [];
  for (const [i, s] of wanted.entries()) {
    reports.push(await importScenario(s, o));
    o.onProgress?.(i + 1, wanted.length);
  }
  return { out: o.out, now: o.now.toISOString(), scenarios: reports, problems };
}

async function importScenario(s: AwmScenario, o: ImportOptions): Promise<ScenarioReport> {
  const report: ScenarioReport = {
    name: s.name,
    display_name: s.displayName,
    imported: false,
    tasks: s.tasks?.length ?? 0,
    tables_declared: s.tables?.length ?? 0,
    tables_created: 0,
    rows: 0,
    inserts: 0,
    failed_statements: [],
    tools: 0,
    endpoints: s.endpoints?.length ?? 0,
    shadowed_tools: [],
    verifiers: { code: s.verifiers.filter((v) => v.mode === "code").length, sql: s.verifiers.filter((v) => v.mode === "sql").length },
    tasks_without_code_verifier: [],
    now_pinned: 0,
    problems: [],
  };
  if (!s.tables?.length) report.problems.push("no schema in gen_db.jsonl: not imported");
  if (!s.tasks) report.problems.push("no tasks in gen_tasks.jsonl: not imported");
  if (!s.tables?.length || !s.tasks) return report;
  if (!s.samples) report.problems.push("no sample data in gen_sample.jsonl: the database has no rows");
  if (!s.endpoints) report.problems.push("no API spec in gen_spec.jsonl: no tool contracts");
  if (s.serverCode === undefined) report.problems.push("no env code in gen_envs.jsonl: nothing to port tools from");

  const build = await envSql(s.tables, s.samples ?? [], o.now);
  const { tools, shadowed } = specTools(s.endpoints ?? []);
  // An env serves only tasks it can verify in code: the others are left out, and the
  // remaining tasks (and their verifiers) are numbered anew.
  const verified = new Set(s.verifiers.filter((v) => v.mode === "code").map((v) => v.task));
  const kept = s.tasks.map((_, i) => i).filter((i) => verified.has(i));
  const newIndex = new Map(kept.map((awmIndex, i) => [awmIndex, i]));
  Object.assign(report, {
    imported: true,
    tables_created: build.tablesCreated,
    rows: build.rows,
    inserts: (s.samples ?? []).reduce((n, t) => n + t.statements.length, 0),
    failed_statements: build.failed,
    tools: tools.length,
    shadowed_tools: shadowed,
    now_pinned: build.nowPinned,
    tasks_without_code_verifier: s.tasks.map((_, i) => i).filter((i) => !verified.has(i)),
  });
  if (report.tasks_without_code_verifier.length) {
    report.problems.push(`tasks ${report.tasks_without_code_verifier.join(", ")} (of gen_tasks) have no code verifier: left out of tasks.json`);
  }

  writeEnvFolder(join(o.out, s.name), {
    meta: { name: s.name, description: s.description ?? s.displayName, now: o.now, source: { format: "awm", scenario: s.displayName } },
    schema: build.schema,
    inserts: build.inserts,
    tasks: kept.map((i) => s.tasks![i]!),
    files: {
      [IMPORTED_FILES.tools]: tools,
      [IMPORTED_FILES.verifiers]: s.verifiers
        .filter((v) => newIndex.has(v.task))
        .map((v) => ({ task: newIndex.get(v.task)!, mode: v.mode, function_name: v.functionName, code: v.code }))
        .sort((a, b) => a.task - b.task || a.mode.localeCompare(b.mode)),
      ...(s.serverCode !== undefined ? { [IMPORTED_FILES.server]: s.serverCode } : {}),
      [IMPORTED_FILES.report]: report,
    },
  });
  return report;
}
