// A gen run killed mid-way (kill -9) loses nothing it finished: the re-run repeats no
// finished request.
import { expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGen, STAGES } from "../../src/synth/pipeline.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { AWM, tempDir } from "../helpers.ts";
import { notesModel, scriptedGenOptions, SEED, stageOf } from "./script.ts";

const work = tempDir("awm-gen-resume-");

test("a run killed during the spec stage resumes without repeating finished requests", async () => {
  const dir = join(work, "run");
  const seeds = join(work, "seeds.jsonl");
  writeFileSync(seeds, JSON.stringify(SEED) + "\n");
  const model = notesModel();
  let reachedSpec: () => void;
  const atSpec = new Promise<void>((resolve) => (reachedSpec = resolve));
  const first = startFakeLlm([
    (r) => {
      if (stageOf(r) !== "spec") return model(r);
      reachedSpec();
      return new Promise(() => {}); // never answers: the process is killed meanwhile
    },
  ]);
  // Not runAwm: this run is killed, not awaited to its end.
  const proc = Bun.spawn(
    [...AWM, "gen", "all", "--out", dir, "--input", seeds, "--target-count", "1", "--num-tasks", "3", "--max-retries", "2", "--now", "2026-03-14T09:00:00Z", "--quiet"],
    { env: { ...process.env, OPENAI_API_KEY: "test", OPENAI_BASE_URL: first.url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" }, stdout: "ignore", stderr: "ignore" },
  );
  await atSpec;
  proc.kill("SIGKILL");
  await proc.exited;
  first.stop();
  const before = first.requests.map(stageOf);
  expect(before.filter((s) => s === "spec")).toHaveLength(1);
  for (const f of ["gen_tasks", "gen_db", "gen_sample"]) expect(existsSync(join(dir, `${f}.jsonl`))).toBe(true);

  const second = startFakeLlm([notesModel()]);
  try {
    const report = await runGen([...STAGES], scriptedGenOptions(dir, seeds), {
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: second.url,
      AWM_SYN_OVERRIDE_MODEL: "scripted-1",
    });
    const after = second.requests.map(stageOf);
    expect(after.filter((s) => s === "task" || s === "db" || s === "sample")).toEqual([]);
    expect(after).toContain("spec");
    expect(report.scenarios.jotter_notes!.verifier!.status).toBe("ok");
    expect(JSON.parse(readFileSync(join(dir, "envs/jotter_notes/env.json"), "utf8")).name).toBe("jotter_notes");
  } finally {
    second.stop();
  }
});

test("a schema that fails keeps nothing, so a re-run with a higher threshold passes it from the cache", async () => {
  const dir = join(work, "threshold");
  const seeds = join(work, "seeds-threshold.jsonl");
  writeFileSync(seeds, JSON.stringify(SEED) + "\n");
  const env = (url: string) => ({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" });
  const first = startFakeLlm([notesModel()]);
  try {
    // The first db answer has one broken table of two; with no retry it fails the 0.1 threshold.
    const report = await runGen(["scenario", "task", "db"], scriptedGenOptions(dir, seeds, { maxRetries: 0 }), env(first.url));
    expect(report.scenarios.jotter_notes!.db!.status).toBe("failed");
    expect(existsSync(join(dir, "gen_db.jsonl")) ? readFileSync(join(dir, "gen_db.jsonl"), "utf8") : "").toBe("");
  } finally {
    first.stop();
  }
  const second = startFakeLlm([notesModel()]);
  try {
    const report = await runGen(["scenario", "task", "db"], scriptedGenOptions(dir, seeds, { maxRetries: 0, errorThreshold: 0.5 }), env(second.url));
    expect(report.scenarios.jotter_notes!.db!.status).toBe("ok");
    expect(second.requests).toHaveLength(0);
    expect(readFileSync(join(dir, "gen_db.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  } finally {
    second.stop();
  }
});

test("the verifier stage writes its lines before the env folder that marks the scenario done", async () => {
  const dir = join(work, "order");
  const seeds = join(work, "seeds-order.jsonl");
  writeFileSync(seeds, JSON.stringify(SEED) + "\n");
  // A file where the env folder goes: writing the folder fails after the lines are in.
  mkdirSync(join(dir, "envs"), { recursive: true });
  writeFileSync(join(dir, "envs/jotter_notes"), "");
  const llm = startFakeLlm([notesModel()]);
  try {
    const report = await runGen([...STAGES], scriptedGenOptions(dir, seeds), { OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" });
    expect(report.scenarios.jotter_notes!.verifier!.status).toBe("failed");
    expect(readFileSync(join(dir, "gen_verifier.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
  } finally {
    llm.stop();
  }
});
