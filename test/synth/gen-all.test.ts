// awm gen against a scripted OpenAI-compatible server: the mechanics, not the quality.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importAwm } from "../../src/awm1k/import.ts";
import { startServer, type RunningServer } from "../../src/http/server.ts";
import { runGen, STAGES } from "../../src/synth/pipeline.ts";
import type { GenReport } from "../../src/synth/report.ts";
import { startFakeLlm, type ChatRequest, type FakeLlm } from "../fake-llm.ts";
import { tempDir } from "../helpers.ts";
import { notesModel, scriptedGenOptions, SEED, stageOf, TASKS } from "./script.ts";

const work = tempDir("awm-gen-test-");
const seeds = join(work, "seeds.jsonl");
writeFileSync(seeds, JSON.stringify(SEED) + "\n");

const genOptions = (dir: string) => scriptedGenOptions(dir, seeds);
const env = (llm: FakeLlm) => ({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" });

describe("gen all on one scenario", () => {
  const dir = join(work, "run");
  let llm: FakeLlm;
  let report: GenReport;
  let server: RunningServer;

  beforeAll(async () => {
    llm = startFakeLlm([notesModel({ first429: true })]);
    report = await runGen([...STAGES], genOptions(dir), env(llm));
    server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(dir, "envs")], workers: 1, log: () => {} });
  });
  afterAll(async () => {
    await server.stop();
    llm.stop();
  });

  test("every stage passes and the report says what each took", () => {
    const r = report.scenarios.jotter_notes!;
    expect(Object.fromEntries(Object.entries(r).map(([stage, s]) => [stage, s.status]))).toEqual({ task: "ok", db: "ok", sample: "ok", spec: "ok", env: "ok", verifier: "ok" });
    expect(r.db!.attempts).toBe(2);
    expect(r.db!.usage).toEqual({ requests: 2, cached: 0, promptTokens: 200, completionTokens: 100 });
    expect(r.env!.attempts).toBe(2);
    expect(report.usage.promptTokens).toBe(report.usage.requests * 100);
  });

  test("the model is asked exactly what the script calls for, and every answered request is billed to its stage", () => {
    const verifierTries = genOptions(dir).maxRetries + 1;
    // Per task, what notesModel makes the verifier stage ask: task 0's first verifier passes its
    // wrong attempt, so one retry (2); task 1's is right first time (1); task 2's says complete on
    // an untouched episode however often it is asked, so every try is spent and the task dropped.
    const verifierRequests = [2, 1, verifierTries];
    const taskOf = (r: ChatRequest) => TASKS.indexOf(r.messages[1]!.content.split("The task:\n")[1]!.trim());
    const verifiers = llm.requests.filter((r) => stageOf(r) === "verifier");
    expect(TASKS.map((_, t) => verifiers.filter((r) => taskOf(r) === t).length)).toEqual(verifierRequests);
    const verifierTotal = verifierRequests.reduce((a, b) => a + b);
    // task: the first request of the run is refused (429) and sent again; db: a broken table, then
    // the fix; sample (repaired JSON) and spec: right first time; env: no code block, then the code.
    expect(llm.requests.map(stageOf)).toEqual(["task", "task", "db", "db", "sample", "spec", "env", "env", ...Array(verifierTotal).fill("verifier")]);
    // The refused request earned no answer, so it is not billed; every other one is, to its stage.
    const billed = { task: 1, db: 2, sample: 1, spec: 1, env: 2, verifier: verifierTotal };
    const r = report.scenarios.jotter_notes!;
    expect(Object.fromEntries(Object.entries(r).map(([stage, s]) => [stage, s.usage?.requests]))).toEqual(billed);
    expect(report.usage.requests).toBe(Object.values(billed).reduce((a, b) => a + b));
    expect(report.usage.requests).toBe(llm.requests.length - 1);
  });

  test("a 429 is retried", () => {
    expect(llm.requests[0]!.messages[0]!.content).toStartWith("You write tasks");
    expect(llm.requests[1]!.messages).toEqual(llm.requests[0]!.messages);
  });

  test("a failing DDL goes back to the model with SQLite's message", () => {
    const retry = llm.requests.filter((r) => stageOf(r) === "db")[1]!;
    expect(retry.messages.at(-1)!.content).toContain("table notes: incomplete input in: CREATE TABLE notes");
  });

  test("a malformed answer is retried with the error in the next prompt", () => {
    const retry = llm.requests.filter((r) => stageOf(r) === "env")[1]!;
    expect(retry.messages.at(-2)!.content).toBe("I would write the tools like the spec says.");
    expect(retry.messages.at(-1)!.content).toContain("the answer holds no ```ts code block with tools.ts");
  });

  test("a task whose verifier cannot pass is dropped and listed", () => {
    const notes = report.scenarios.jotter_notes!.verifier!.notes as { kept_tasks: number; dropped_tasks: { task: number; prompt: string; problems: string[] }[] };
    expect(notes.kept_tasks).toBe(2);
    expect(notes.dropped_tasks).toEqual([{ task: 2, prompt: TASKS[2], problems: [expect.stringContaining("an untouched episode already verifies complete")] }]);
  });

  test("the env is served, and its oracles solve its tasks", async () => {
    const { envs } = (await (await fetch(`${server.url}/v1/envs`)).json()) as { envs: { name: string; tools: number; tasks: number }[] };
    expect(envs).toEqual([expect.objectContaining({ name: "jotter_notes", tools: 3, tasks: 2 })]);
    const solutions = JSON.parse(readFileSync(join(dir, "envs/jotter_notes/solutions.json"), "utf8")) as { tasks: { task: number; calls: { name: string; arguments: unknown }[]; answer?: string }[] };
    for (const sol of solutions.tasks) {
      const post = (path: string, body: unknown) => fetch(server.url + path, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
      const ep = await post("/v1/episodes", { env: "jotter_notes", task: sol.task, tools: "none" });
      expect((await post(`/v1/episodes/${ep.id}/verify`, {})).verdict).not.toBe("complete");
      for (const call of sol.calls) expect((await post(`/v1/episodes/${ep.id}/call`, call)).ok).toBe(true);
      expect(await post(`/v1/episodes/${ep.id}/verify`, { answer: sol.answer })).toMatchObject({ verdict: "complete", reward: 1 });
    }
  });

  test("the stage files are AWM JSONL, with the inserts in foreign-key order", () => {
    for (const f of ["gen_scenario", "gen_tasks", "gen_db", "gen_sample", "gen_spec", "gen_envs", "gen_verifier"]) expect(existsSync(join(dir, `${f}.jsonl`))).toBe(true);
    const sample = JSON.parse(readFileSync(join(dir, "gen_sample.jsonl"), "utf8"));
    expect(sample.sample_data.tables.map((t: { table_name: string }) => t.table_name)).toEqual(["users", "notes"]);
    const verifiers = readFileSync(join(dir, "gen_verifier.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(verifiers.map((v: { scenario: string; task_idx: number }) => [v.scenario, v.task_idx])).toEqual([["jotter_notes", 0], ["jotter_notes", 1]]);
  });

  test("AWM's Python fields stay Python: the TypeScript is under our own keys, and awm import writes none of it as Python", async () => {
    const envs = JSON.parse(readFileSync(join(dir, "gen_envs.jsonl"), "utf8"));
    expect(envs).toMatchObject({ full_code: null, tools_ts: expect.stringContaining("defineEnv(") });
    const verifier = JSON.parse(readFileSync(join(dir, "gen_verifier.jsonl"), "utf8").split("\n")[0]!);
    expect(verifier).toMatchObject({ verification: { code: null }, verifier_ts: expect.stringContaining("grade(") });
    const out = join(work, "imported");
    await importAwm({ dir, out, now: new Date("2026-03-14T09:00:00Z") });
    expect(existsSync(join(out, "jotter_notes/server.py"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "jotter_notes/python_verifiers.json"), "utf8"))).toEqual([]);
  });

  test("a second run with the cache costs no request", async () => {
    const again = startFakeLlm([notesModel()]);
    try {
      for (const f of ["gen_tasks", "gen_db", "gen_sample", "gen_spec", "gen_envs", "gen_verifier"]) rmSync(join(dir, `${f}.jsonl`));
      rmSync(join(dir, "envs"), { recursive: true });
      const r2 = await runGen([...STAGES], genOptions(dir), env(again));
      expect(again.requests).toHaveLength(0);
      expect(r2.usage.requests).toBe(0);
      expect(r2.usage.cached).toBeGreaterThan(0);
      expect(existsSync(join(dir, "envs/jotter_notes/verify.ts"))).toBe(true);
    } finally {
      again.stop();
    }
  });
});

