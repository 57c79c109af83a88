// gen verifier with the scripted model: how it asks, and what it writes.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkEnvs } from "../../src/runtime/check-envs.ts";
import { runGen, STAGES } from "../../src/synth/pipeline.ts";
import type { GenReport } from "../../src/synth/report.ts";
import { startFakeLlm, type FakeLlm } from "../fake-llm.ts";
import { tempDir } from "../helpers.ts";
import { notesModel, scriptedGenOptions, SEED, stageOf, TASKS } from "./script.ts";

const work = tempDir("awm-gen-verifier-");
const dir = join(work, "run");
let llm: FakeLlm;
let inFlight = 0;
let mostInFlight = 0;
let report: GenReport;

beforeAll(async () => {
  const seeds = join(work, "seeds.jsonl");
  writeFileSync(seeds, JSON.stringify(SEED) + "\n");
  const model = notesModel();
  llm = startFakeLlm([
    async (r) => {
      if (stageOf(r) !== "verifier") return model(r);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await Bun.sleep(30);
      inFlight--;
      return model(r);
    },
  ]);
  report = await runGen([...STAGES], scriptedGenOptions(dir, seeds), { OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" });
});
afterAll(() => llm.stop());

test("the tasks of one scenario are asked for at once, up to the concurrency", () => {
  expect(mostInFlight).toBe(2);
});

test("a verifier that accepts its own wrong attempt goes back to the model", () => {
  const retry = llm.requests.find((r) => stageOf(r) === "verifier" && r.messages[1]!.content.endsWith(TASKS[0]) && r.messages.length > 2)!;
  expect(retry.messages.at(-1)!.content).toContain("wrong attempt 1 (task 0) verifies complete");
  const untouched = "task 2: an untouched episode already verifies complete";
  expect(report.scenarios.jotter_notes!.verifier!.errors).toEqual(["wrong attempt 1 (task 0) verifies complete", untouched, untouched, untouched]);
});

test("the env it writes passes the env contract, awm envs check", async () => {
  const { checks, broken } = await checkEnvs({ envDirs: [join(dir, "envs")], workers: 1 });
  expect(broken).toEqual([]);
  expect(checks.map((c) => [c.env, c.problems])).toEqual([["jotter_notes", []]]);
});
