// Verify mode "judge": the verifier's facts and the trajectory go to a model; garbage is judge_error, never a pass.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { createJudge } from "../../src/judge/judge.ts";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { createLlm, llmConfig } from "../../src/synth/llm.ts";
import { startFakeLlm, type FakeLlm } from "../fake-llm.ts";
import { FIXTURES, pynotesEnv } from "../helpers.ts";

const pynotes = pynotesEnv();
let llm: FakeLlm;
let answer = "";
let rt: Runtime;
beforeAll(async () => {
  llm = startFakeLlm([() => answer]);
  const judge = createJudge(createLlm(llmConfig({ OPENAI_API_KEY: "t", OPENAI_BASE_URL: llm.url }, { model: "judge-1", maxRetries: 0 })));
  rt = await createRuntime({ envDirs: [join(FIXTURES, "envs"), pynotes], workers: 1, judge, log: () => {} });
});
afterAll(() => {
  rt.close();
  llm.stop();
});

const solvedNotes = async () => {
  const ep = rt.manager.create({ env: "notes", task: 0 });
  await rt.manager.call(ep, "create_note", { title: "Water the plants" });
  return ep;
};

test("a judge that answers complete gives reward 1, having seen the task, the trajectory and the verifier's facts", async () => {
  answer = '{"reasoning": "The note exists.", "classification": "complete"}';
  const out = await rt.manager.verify(await solvedNotes(), { mode: "judge" });
  expect(out).toMatchObject({ verdict: "complete", reward: 1, facts: { judge: { classification: "complete", reasoning: "The note exists." }, verification: { verdict: "complete" } } });
  const user = llm.requests.at(-1)!.messages[1]!.content;
  expect(user).toStartWith('task_json:\n{"user_task":"Create a note titled \\"Water the plants\\".","trajectory":[{"step":1,"tool":"create_note"');
  expect(user).toContain('verification_json:\n{"code_execution_result":{"verdict":"complete"');
});

test("incomplete earns the incomplete reward", async () => {
  answer = "```json\n{\"classification\": \"incomplete\", \"reasoning\": \"half done\"}\n```";
  expect(await rt.manager.verify(await solvedNotes(), { mode: "judge" })).toMatchObject({ verdict: "incomplete", reward: 0.1 });
});

test("garbage from the judge is judge_error with reward 0, never a silent pass", async () => {
  answer = "Looks great to me, the agent did everything!";
  const out = await rt.manager.verify(await solvedNotes(), { mode: "judge" });
  expect(out).toMatchObject({ verdict: "judge_error", reward: 0 });
  expect((out.facts.judge as { reasoning: string }).reasoning).toContain("could not be read");
});

test("a label outside the four is judge_error", async () => {
  answer = '{"classification": "probably_fine"}';
  expect((await rt.manager.verify(await solvedNotes(), { mode: "judge" })).verdict).toBe("judge_error");
});

test("an imported env's sql-mode Python verifier provides the facts the judge reads", async () => {
  answer = '{"classification": "complete", "reasoning": "after is 1"}';
  const ep = rt.manager.create({ env: "pynotes", task: 0 });
  await rt.manager.call(ep, "create_note", { title: "Water the plants" });
  const out = await rt.manager.verify(ep, { mode: "judge", trajectory: [{ say: "I created it" }] });
  expect(out.facts.verification).toEqual({ notes_titled_water_the_plants_before: 0, after: 1 });
  expect(llm.requests.at(-1)!.messages[1]!.content).toContain('"trajectory":[{"say":"I created it"}]');
});

test("judge mode without a judge model is a 400 that says how to get one", async () => {
  const bare = await createRuntime({ envDirs: [join(FIXTURES, "envs")], workers: 1, log: () => {} });
  try {
    await expect(bare.manager.verify(bare.manager.create({ env: "notes", task: 0 }), { mode: "judge" })).rejects.toThrow('mode "judge" needs a judge model: start the server with --judge-model NAME');
  } finally {
    bare.close();
  }
});
