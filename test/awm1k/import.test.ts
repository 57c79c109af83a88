// Importing the real AWM sample: the database as the reference builds it, checked against
// figures that Python's own sqlite3 computes from the same JSONL the reference's way.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportAwm } from "../../src/awm1k/export.ts";
import { importAwm, type ImportReport } from "../../src/awm1k/import.ts";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { FIXTURES, ROOT, tempDir } from "../helpers.ts";

const SAMPLE = join(ROOT, "../shared/awm-sample");
const NOW = new Date("2026-03-01T09:00:00Z");
const work = tempDir("awm-import-test-");
let report: ImportReport;

beforeAll(async () => {
  report = await importAwm({ dir: SAMPLE, out: join(work, "envs"), now: NOW });
});

const byName = (name: string) => report.scenarios.find((s) => s.name === name)!;

/** What the reference's way gives for the sample, computed by Python's own sqlite3 (see the script). */
interface ReferenceFigures {
  figures: Record<string, { tables: number; rows: number; failed: number; tasks: number; tools: number }>;
  /** "scenario task_idx" of each code-mode verifier that says complete on the untouched database. */
  complete: string[];
}
let reference: ReferenceFigures | undefined;
function referenceFigures(): ReferenceFigures {
  if (reference) return reference;
  const py = Bun.spawnSync(["python3", join(FIXTURES, "awm-reference-figures.py"), SAMPLE], { stdout: "pipe", stderr: "pipe" });
  expect(py.exitCode).toBe(0);
  return (reference = JSON.parse(py.stdout.toString()) as ReferenceFigures);
}

test("every sample scenario imports with the reference's tables, rows, failed statements, tasks and tools", () => {
  const { figures } = referenceFigures();
  expect(Object.keys(figures)).toHaveLength(5);
  const ours = Object.fromEntries(
    report.scenarios.map((s) => [s.name, { tables: s.tables_created, rows: s.rows, failed: s.failed_statements.length, tasks: s.tasks, tools: s.tools }]),
  );
  expect(ours).toEqual(figures);
});

test("surveymonkey_apply loses form_questions to a missing ')', and the 22 inserts that need it", () => {
  const s = byName("surveymonkey_apply");
  expect(s.tables_declared).toBe(27);
  expect(s.failed_statements.filter((f) => f.stage === "schema")).toEqual([{ stage: "schema", table: "form_questions", sql: expect.stringContaining("CREATE TABLE form_questions"), error: "incomplete input" }]);
  const inserts = s.failed_statements.filter((f) => f.stage === "sample");
  expect(inserts).toHaveLength(22);
  expect(new Set(inserts.map((f) => f.error))).toEqual(new Set(["no such table: form_questions", "no such table: main.form_questions"]));
});

test("the other known defects are reported with SQLite's message", () => {
  expect(byName("doordash_drive_delivery_tracking").failed_statements.map((f) => f.error)).toEqual(['near "t": syntax error', "FOREIGN KEY constraint failed"]);
  expect(byName("etsy_digital_downloads").failed_statements.map((f) => f.error)).toEqual(['near "ll": syntax error']);
  expect(byName("docusign_e_signature_agreement_workflow").shadowed_tools).toHaveLength(4);
});

test("an imported env is listed as not servable until its tools are ported", async () => {
  const rt = await createRuntime({ envDirs: [join(work, "envs")], workers: 1, log: () => {} });
  try {
    expect(rt.registry.size).toBe(0);
    expect(rt.registry.broken.map((b) => b.reason)).toEqual(Array(5).fill(expect.stringMatching(/^not servable: tools not ported \(run: awm port \w+\)$/)));
  } finally {
    rt.close();
  }
});

describe("with a tools.ts in place", () => {
  let rt: Runtime;
  const stub = `import * as v from "valibot";\nimport { defineEnv, tool } from "awm/envkit";\nexport default defineEnv({ tools: { ping: tool({ description: "ping", input: v.object({}), handler: () => "pong" }) } });\n`;
  beforeAll(async () => {
    cpSync(join(work, "envs"), join(work, "served"), { recursive: true });
    for (const d of readdirSync(join(work, "served"))) writeFileSync(join(work, "served", d, "tools.ts"), stub);
    rt = await createRuntime({ envDirs: [join(work, "served")], workers: 1, log: () => {} });
  });
  afterAll(() => rt.close());

  test("the served template holds exactly the rows the reference build made", () => {
    expect(rt.registry.broken).toEqual([]);
    for (const s of report.scenarios) expect([s.name, rt.registry.get(s.name).stats.tables, rt.registry.get(s.name).stats.rows]).toEqual([s.name, s.tables_created, s.rows]);
  });

  test("every sample verifier, run in python mode on the untouched database, gives the reference's answer", async () => {
    // Every sample task has a code verifier, so our task numbers are the reference's task_idx.
    expect(report.scenarios.flatMap((s) => s.tasks_without_code_verifier)).toEqual([]);
    const complete: string[] = [];
    for (const env of rt.registry.list()) {
      for (let task = 0; task < env.tasks.length; task++) {
        const ep = rt.manager.create({ env: env.name, task });
        const out = await rt.manager.verify(ep, { mode: "python" });
        rt.manager.close(ep.id);
        expect(["complete", "others"]).toContain(out.verdict);
        if (out.verdict === "complete") complete.push(`${env.name} ${task}`);
      }
    }
    expect(referenceFigures().complete).not.toHaveLength(0);
    expect(complete.sort()).toEqual(referenceFigures().complete.sort());
  }, 60_000);
});

test("import, export, import gives back the same env files", async () => {
  const exported = join(work, "exported");
  await exportAwm(readdirSync(join(work, "envs")).map((d) => ({ dir: join(work, "envs", d) })), exported);
  const again = await importAwm({ dir: exported, out: join(work, "again"), now: NOW });
  expect(again.scenarios.map((s) => s.name)).toEqual(report.scenarios.map((s) => s.name));
  for (const s of again.scenarios) {
    expect(s.failed_statements).toEqual([]); // only statements that took effect were exported
    for (const f of ["env.json", "tasks.json", "schema.sql", "seed.sql", "tools.json", "python_verifiers.json", "server.py"]) {
      expect([s.name, f, readFileSync(join(work, "again", s.name, f), "utf8")]).toEqual([s.name, f, readFileSync(join(work, "envs", s.name, f), "utf8")]);
    }
  }
});

describe("damaged files", () => {
  let mini: ImportReport;
  beforeAll(async () => {
    mini = await importAwm({ dir: join(FIXTURES, "awm-mini"), out: join(work, "mini"), now: NOW });
  });

  test("a truncated line is reported with file and line, and the rest is imported", () => {
    expect(mini.problems).toEqual([{ file: "gen_verifier.jsonl", line: 5, message: expect.stringMatching(/^not a JSON object \(.*\); line skipped$/) }]);
    expect(mini.scenarios[0]).toMatchObject({ name: "mini_notes_test", imported: true, tasks: 2, verifiers: { code: 2, sql: 0 } });
  });

  test("a Python-literal line is read, blank lines are skipped, the first of duplicate verifiers wins", () => {
    expect(mini.scenarios[0]).toMatchObject({ tables_created: 3, rows: 4 });
    const verifiers = JSON.parse(readFileSync(join(work, "mini/mini_notes_test/python_verifiers.json"), "utf8"));
    expect(verifiers[0].code).toContain("Water the plants");
  });

  test("every 'now' in the data is pinned to the import clock", () => {
    const seed = readFileSync(join(work, "mini/mini_notes_test/seed.sql"), "utf8");
    expect(seed).toContain("datetime('2026-03-01 09:00:00', '-2 days')");
    expect(readFileSync(join(work, "mini/mini_notes_test/schema.sql"), "utf8")).toContain("DEFAULT '2026-03-01 09:00:00'");
    expect(JSON.parse(readFileSync(join(work, "mini/mini_notes_test/env.json"), "utf8")).now).toBe("2026-03-01T09:00:00Z");
  });

  test("a task without a code verifier is left out of the env, and the rest are numbered anew", async () => {
    const dir = join(work, "mini-sql-only");
    cpSync(join(FIXTURES, "awm-mini"), dir, { recursive: true });
    const tasks = JSON.parse(readFileSync(join(dir, "gen_tasks.jsonl"), "utf8"));
    tasks.tasks.splice(1, 0, "A task that only a judge can verify.");
    writeFileSync(join(dir, "gen_tasks.jsonl"), JSON.stringify(tasks) + "\n");
    const shifted = readFileSync(join(dir, "gen_verifier.jsonl"), "utf8").replace(/(["']task_idx["']: )(\d+)/g, (_m, key: string, n: string) => `${key}${Number(n) >= 1 ? Number(n) + 1 : n}`);
    const sqlOnly = { scenario: "mini_notes_test", task_idx: 1, task: "", verification: { code: "def verify_task(initial_db_path, final_db_path):\n    return {'notes': 0}\n", raw_response: "{}" } };
    writeFileSync(join(dir, "gen_verifier.jsonl"), shifted + JSON.stringify(sqlOnly) + "\n");
    const r = await importAwm({ dir, out: join(work, "mini-sql-only-envs"), now: NOW });
    const env = join(work, "mini-sql-only-envs/mini_notes_test");
    expect(r.scenarios[0]).toMatchObject({ tasks: 3, verifiers: { code: 2, sql: 1 }, tasks_without_code_verifier: [1] });
    expect(r.scenarios[0]!.problems).toContain("tasks 1 (of gen_tasks) have no code verifier: left out of tasks.json");
    // The env is the one imported without the extra task: the same tasks, the same verifiers.
    for (const f of ["tasks.json", "python_verifiers.json"]) expect(readFileSync(join(env, f), "utf8")).toBe(readFileSync(join(work, "mini/mini_notes_test", f), "utf8"));
  });

  test("of two endpoints on one route the later is listed, as the reference's MCP server does", () => {
    const tools = JSON.parse(readFileSync(join(work, "mini/mini_notes_test/tools.json"), "utf8")) as { name: string }[];
    expect(tools.map((t) => t.name)).toEqual(["list_notes", "create_note", "get_note_v0"]);
    expect(mini.scenarios[0]!.shadowed_tools).toEqual(["get_note (GET /api/notes/{note_id}, listed as get_note_v0)"]);
  });
});
