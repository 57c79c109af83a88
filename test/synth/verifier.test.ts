// gen verifier with the scripted model: how it asks, and what it writes.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGen, STAGES } from "../../src/synth/pipeline.ts";
import { startFakeLlm, type FakeLlm } from "../fake-llm.ts";
import { notesModel, scriptedGenOptions, SEED, stageOf } from "./script.ts";

const work = mkdtempSync(join(tmpdir(), "awm-gen-verifier-"));
const dir = join(work, "run");
let llm: FakeLlm;
let inFlight = 0;
let mostInFlight = 0;

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
  await runGen([...STAGES], scriptedGenOptions(dir, seeds), { OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url, AWM_SYN_OVERRIDE_MODEL: "scripted-1" });
});
afterAll(() => {
  llm.stop();
  rmSync(work, { recursive: true, force: true });
});

test("the tasks of one scenario are asked for at once, up to the concurrency", () => {
  expect(mostInFlight).toBe(2);
});
