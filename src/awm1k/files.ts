import { existsSync } from "node:fs";
import { join } from "node:path";
import { liftText, readJsonl, type ImportProblem } from "./jsonl.ts";
import { normalizeScenarioName } from "./normalize.ts";
import type { AwmTable } from "./reference-build.ts";
import type { SpecEndpoint } from "./spec-tools.ts";

/** A verifier from gen_verifier(.pure_code).jsonl. */
export interface AwmVerifier {
  task: number;
  /** "code" verifiers return {result: complete|others}; "sql" ones return facts for a judge. */
  mode: "code" | "sql";
  functionName: string;
  code: string;
}

/** Everything the AWM files say about one scenario, joined by normalized name. */
export interface AwmScenario {
  name: string;
  displayName: string;
  description?: string;
  tasks?: string[];
  tables?: AwmTable[];
  samples?: { table: string; statements: string[] }[];
  endpoints?: SpecEndpoint[];
  serverCode?: string;
  verifiers: AwmVerifier[];
}

/** The AWM file names, as the reference's `gen all` writes them. */
export const AWM_FILES = {
  scenario: "gen_scenario.jsonl",
  tasks: "gen_tasks.jsonl",
  db: "gen_db.jsonl",
  sample: "gen_sample.jsonl",
  spec: "gen_spec.jsonl",
  envs: "gen_envs.jsonl",
  verifier: "gen_verifier.jsonl",
  pureCode: "gen_verifier.pure_code.jsonl",
} as const;

type Rec = Record<string, unknown>;

/**
 * Reads an AWM output folder. Each scenario is keyed by its normalized name; for each
 * file the first record of a scenario wins (as the reference's lookups do). Lines that
 * cannot be read, and records missing what they need, are reported and skipped.
 */
export function readAwmDir(dir: string): { scenarios: Map<string, AwmScenario>; problems: ImportProblem[] } {
  const scenarios = new Map<string, AwmScenario>();
  const problems: ImportProblem[] = [];
  const get = (display: string) => {
    const name = normalizeScenarioName(display);
    let s = scenarios.get(name);
    if (!s) scenarios.set(name, (s = { name, displayName: display, verifiers: [] }));
    return s;
  };

  const each = (file: string, nameField: "name" | "scenario", fn: (s: AwmScenario, r: Rec, line: number) => string | void) => {
    const path = join(dir, file);
    if (!existsSync(path)) return;
    const { records, problems: p } = readJsonl(path);
    problems.push(...p);
    for (const { line, value } of records) {
      const r = value as Rec;
      const display = r && typeof r === "object" ? r[nameField] : undefined;
      if (typeof display !== "string" || !normalizeScenarioName(display)) {
        problems.push({ file, line, message: `no "${nameField}" field; record skipped` });
        continue;
      }
      const why = fn(get(display), r, line);
      if (why) problems.push({ file, line, message: why });
    }
  };

  each(AWM_FILES.scenario, "name", (s, r) => {
    if (s.description !== undefined) return;
    s.displayName = r.name as string;
    if (typeof r.description === "string") s.description = r.description;
    else return 'no "description"; the name is used';
  });
  each(AWM_FILES.tasks, "scenario", (s, r) => {
    if (s.tasks) return;
    const tasks = liftText(r.tasks);
    if (!Array.isArray(tasks)) return 'no "tasks" list; record skipped';
    s.tasks = tasks.map(String);
  });
  each(AWM_FILES.db, "scenario", (s, r) => {
    if (s.tables) return;
    const schema = liftText(r.db_schema) as { tables?: unknown } | undefined;
    const tables = liftText(schema?.tables);
    if (!Array.isArray(tables)) return 'no "db_schema.tables"; record skipped';
    s.tables = tables.map((t: Rec, i) => ({
      name: typeof t?.name === "string" ? t.name : `table_${i}`,
      ddl: typeof t?.ddl === "string" ? t.ddl : "",
      indexes: stringList(t?.indexes),
      examples: stringList(t?.examples),
    }));
  });
  each(AWM_FILES.sample, "scenario", (s, r) => {
    if (s.samples) return;
    const data = liftText(r.sample_data) as { tables?: unknown } | undefined;
    const tables = liftText(data?.tables);
    if (!Array.isArray(tables)) return 'no "sample_data.tables"; record skipped';
    s.samples = tables.map((t: Rec) => ({ table: String(t?.table_name ?? "?"), statements: stringList(t?.insert_statements) }));
  });
  each(AWM_FILES.spec, "scenario", (s, r) => {
    if (s.endpoints) return;
    const spec = liftText(r.api_spec) as { api_groups?: unknown } | undefined;
    const groups = liftText(spec?.api_groups);
    if (!Array.isArray(groups)) return 'no "api_spec.api_groups"; record skipped';
    s.endpoints = groups.flatMap((g: Rec) => {
      const eps = liftText(g?.endpoints);
      return Array.isArray(eps) ? (eps as SpecEndpoint[]) : [];
    });
  });
  each(AWM_FILES.envs, "scenario", (s, r) => {
    if (s.serverCode !== undefined) return;
    if (typeof r.full_code !== "string") return 'no "full_code"; record skipped';
    s.serverCode = r.full_code;
  });
  for (const [file, preferred] of [[AWM_FILES.pureCode, "code"], [AWM_FILES.verifier, undefined]] as const) {
    each(file, "scenario", (s, r) => {
      const task = Number(r.task_idx);
      if (!Number.isInteger(task) || task < 0) return 'no "task_idx"; record skipped';
      const v = liftText(r.verification) as Rec | undefined;
      const code = v?.code;
      if (typeof code !== "string" || code.trim().length < 10) return `task ${task}: no verifier code; record skipped`;
      const fn = /^\s*def\s+(verify_\w+)\s*\(/m.exec(code)?.[1] ?? (preferred === "code" ? "verify_task_completion" : "verify_task");
      const mode = preferred ?? (fn === "verify_task" ? "sql" : "code");
      // First wins, per mode: the reference's lookup returns the first matching line.
      if (s.verifiers.some((x) => x.task === task && x.mode === mode)) return;
      s.verifiers.push({ task, mode, functionName: fn, code });
    });
  }
  return { scenarios, problems };
}

function stringList(v: unknown): string[] {
  const x = liftText(v);
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : [];
}
