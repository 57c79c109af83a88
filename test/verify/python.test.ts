import { afterAll, beforeAll, expect, test } from "bun:test";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { pynotesEnv, sha256 } from "../helpers.ts";

const pynotes = pynotesEnv();
// pynotes with a TypeScript verifier for task 0 beside its Python one.
const withVerifyTs = pynotesEnv({
  "verify.ts": `import { defineVerifiers, grade } from "awm/envkit";
export default defineVerifiers({ 0: (v) => grade({ created: v.diff.inserted === 1 }, { by: "typescript" }) });
`,
});

let rt: Runtime;
beforeAll(async () => {
  rt = await createRuntime({ envDirs: [pynotes], workers: 1, log: () => {} });
});
afterAll(() => rt.close());

test("an env with only Python verifiers verifies in python mode by default", async () => {
  const ep = rt.manager.create({ env: "pynotes", task: 0 });
  expect(await rt.manager.verify(ep)).toMatchObject({ verdict: "others", reward: 0 });
  await rt.manager.call(ep, "create_note", { title: "Water the plants" });
  const out = await rt.manager.verify(ep);
  expect(out).toMatchObject({ verdict: "complete", reward: 1, mode: "python", facts: { result: "complete", created: 1 } });
  expect(out.diff!.inserted).toBe(1);
});

test("the verifier gets the arguments its signature names; a result other than complete is others", async () => {
  const ep = rt.manager.create({ env: "pynotes", task: 1 });
  expect((await rt.manager.verify(ep, { answer: "Hello there" })).verdict).toBe("complete");
  expect((await rt.manager.verify(ep, { answer: "bye" })).verdict).toBe("others");
});

test("the verifier has no network and can only ever touch copies of the databases", async () => {
  const env = rt.registry.get("pynotes");
  const templateHash = sha256(env.templatePath);
  const ep = rt.manager.create({ env: "pynotes", task: 2 });
  await rt.manager.call(ep, "create_note", { title: "mine" });
  const out = await rt.manager.verify(ep);
  expect(out).toMatchObject({ verdict: "complete", facts: { network: "network access is disabled for verifiers" } });
  expect(sha256(env.templatePath)).toBe(templateHash);
  const notes = await rt.manager.call(ep, "list_notes", {});
  expect(notes.ok && JSON.parse(notes.text).length).toBe(3);
});

test("a result that is not a dict with 'result' is judge_error, as the reference maps it", async () => {
  const ep = rt.manager.create({ env: "pynotes", task: 3 });
  expect((await rt.manager.verify(ep)).verdict).toBe("judge_error");
});

test("a verifier that runs past its time limit is killed, and the verdict says so", async () => {
  const quick = await createRuntime({ envDirs: [pynotes], workers: 1, pythonTimeoutMs: 300, log: () => {} });
  try {
    const out = await quick.manager.verify(quick.manager.create({ env: "pynotes", task: 4 }));
    expect(out).toMatchObject({ verdict: "judge_error", reward: 0, facts: { error: "the verifier ran past its time limit of 300 ms" } });
  } finally {
    quick.close();
  }
}, 10_000); // without the limit the verifier never returns: fail soon, not at the suite's timeout

test("a verifier that allocates past its memory limit fails with MemoryError", async () => {
  const out = await rt.manager.verify(rt.manager.create({ env: "pynotes", task: 5 }));
  expect(out).toMatchObject({ verdict: "judge_error", reward: 0 });
  expect(out.facts.error).toBe("MemoryError: ");
});

test("a verifier cannot start a process, whoever runs the server", async () => {
  const out = await rt.manager.verify(rt.manager.create({ env: "pynotes", task: 6 }));
  expect(out).toMatchObject({ verdict: "judge_error", reward: 0 });
  expect(out.facts.error).toBe("PermissionError: starting processes is disabled for verifiers");
});

test("asking for code mode on a Python-only task is a 400 naming the way out", async () => {
  const ep = rt.manager.create({ env: "pynotes", task: 0 });
  await expect(rt.manager.verify(ep, { mode: "code" })).rejects.toThrow(`task 0 of env 'pynotes' has no verifier in verify.ts; use mode "python"`);
});

test("without python3 the error says so", async () => {
  const bare = await createRuntime({ envDirs: [pynotes], workers: 1, python: "no-such-python3", log: () => {} });
  try {
    const ep = bare.manager.create({ env: "pynotes", task: 0 });
    await expect(bare.manager.verify(ep)).rejects.toThrow("python verifiers need no-such-python3 on PATH, and it is not there");
  } finally {
    bare.close();
  }
});

test("an env with both verifiers: python mode runs the Python one, the default and code mode the TypeScript one", async () => {
  const both = await createRuntime({ envDirs: [withVerifyTs], workers: 1, log: () => {} });
  try {
    const ep = both.manager.create({ env: "pynotes", task: 0 });
    await both.manager.call(ep, "create_note", { title: "Water the plants" });
    expect(await both.manager.verify(ep, { mode: "python" })).toMatchObject({ verdict: "complete", facts: { result: "complete", created: 1 } });
    expect((await both.manager.verify(ep, { mode: "python" })).facts).not.toHaveProperty("by");
    expect((await both.manager.verify(ep)).facts).toHaveProperty("by", "typescript");
    expect((await both.manager.verify(ep, { mode: "code" })).facts).toHaveProperty("by", "typescript");
  } finally {
    both.close();
  }
});
