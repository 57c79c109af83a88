// `awm port` against a local OpenAI-compatible server that answers from a script:
// first a tools.ts that fails validation, then one that passes.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importAwm } from "../../src/awm1k/import.ts";
import { portEnv } from "../../src/awm1k/port.ts";
import { createRuntime } from "../../src/runtime/runtime.ts";
import { checkTools } from "../../src/synth/check-tools.ts";
import { ResponseCache } from "../../src/synth/cache.ts";
import { createLlm, llmConfig } from "../../src/synth/llm.ts";
import { ModelClient } from "../../src/synth/model.ts";
import { startFakeLlm, type FakeLlm } from "../fake-llm.ts";
import { FIXTURES, runAwm, tempDir } from "../helpers.ts";

const work = tempDir("awm-port-test-");
const envDir = join(work, "envs/mini_notes_test");
let llm: FakeLlm;

const header = `import * as v from "valibot";\nimport { defineEnv, tool, ToolError } from "awm/envkit";\n`;
const listNotes = `list_notes: tool({ description: "List notes", input: v.object({ only_open: v.optional(v.boolean(), false) }),
      handler: ({ only_open }, ctx) => ctx.db.all("SELECT * FROM notes WHERE user_id = ? AND (? = 0 OR done = 0)", ctx.userId, only_open) }),`;
const createNote = `create_note: tool({ description: "Create a note", input: v.object({ title: v.string() }),
      handler: ({ title }, ctx) => ({ id: ctx.db.run("INSERT INTO notes (user_id, title, created_at) VALUES (?, ?, ?)", ctx.userId, title, ctx.timestamp).lastInsertRowid, title }) }),`;
// Wrong on purpose: the parameter is called `id` instead of `note_id`, and it crashes on a missing row.
const badGet = `get_note_v0: tool({ description: "Get a note", input: v.object({ id: v.number() }),
      handler: ({ id }, ctx) => (ctx.db.get("SELECT * FROM notes WHERE id = ?", id) as { title: string }).title }),`;
const goodGet = `get_note_v0: tool({ description: "Get a note", input: v.object({ note_id: v.pipe(v.number(), v.integer()) }),
      handler: ({ note_id }, ctx) => { const n = ctx.db.get("SELECT * FROM notes WHERE id = ? AND user_id = ?", note_id, ctx.userId); if (!n) throw new ToolError(\`note \${note_id} not found\`); return n; } }),`;
const toolsTs = (get: string) => `${header}export default defineEnv({ tools: {\n    ${listNotes}\n    ${createNote}\n    ${get}\n} });\n`;
const answer = (get: string) => `Here is the port.\n\n\`\`\`ts\n${toolsTs(get)}\`\`\`\n`;

beforeAll(async () => {
  await importAwm({ dir: join(FIXTURES, "awm-mini"), out: join(work, "envs"), now: new Date("2026-03-01T09:00:00Z") });
  llm = startFakeLlm([answer(badGet), answer(goodGet)]);
});
afterAll(() => llm.stop());

test("a port that fails validation goes back to the model with the problems; the next one passes and is written", async () => {
  const config = llmConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url }, { model: "porter-1", maxRetries: 0 });
  const result = await portEnv({ envDir, model: new ModelClient(createLlm(config), new ResponseCache(join(work, ".cache")), { temperature: 0.2 }), maxAttempts: 3 });
  expect(result.ok).toBe(true);
  expect(result.attempts.map((a) => a.problems.length > 0)).toEqual([true, false]);
  expect(result.attempts[0]!.problems).toContain("get_note_v0: parameters are [id], the contract says [note_id]");

  expect(llm.requests).toHaveLength(2);
  expect(llm.requests[0]!.model).toBe("porter-1");
  expect(llm.requests[0]!.messages[1]!.content).toContain('"name":"get_note_v0"');
  const feedback = llm.requests[1]!.messages.at(-1)!.content;
  expect(feedback).toContain("Your answer has these problems");
  expect(feedback).toContain("get_note_v0: required parameters are [id], the contract says [note_id]");

  expect(readFileSync(join(envDir, "tools.ts"), "utf8")).toContain("note_id");
  const log = JSON.parse(readFileSync(join(envDir, "port-log.json"), "utf8"));
  expect(log).toMatchObject({ model: "porter-1", ok: true, attempts: [{ attempt: 1 }, { attempt: 2, problems: [] }], usage: { requests: 2, promptTokens: 200 } });
});

test("a second port with the same prompts is answered from the cache", async () => {
  const config = llmConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: llm.url }, { model: "porter-1", maxRetries: 0 });
  const result = await portEnv({ envDir, model: new ModelClient(createLlm(config), new ResponseCache(join(work, ".cache")), { temperature: 0.2 }), maxAttempts: 3 });
  expect(result.ok).toBe(true);
  expect(result.usage).toMatchObject({ requests: 0, cached: 2 });
  expect(llm.requests).toHaveLength(2);
});

test("checking the tools does not blame them for a task that has no verifier", async () => {
  const copy = join(work, "no-verifier");
  cpSync(envDir, copy, { recursive: true });
  const tasks = JSON.parse(readFileSync(join(copy, "tasks.json"), "utf8"));
  writeFileSync(join(copy, "tasks.json"), JSON.stringify([...tasks, { prompt: "A task whose verifier is not there" }]));
  const contract = JSON.parse(readFileSync(join(copy, "tools.json"), "utf8"));
  expect((await checkTools(copy, toolsTs(goodGet), contract)).problems).toEqual([]);
});

test("the ported env is servable, and its Python verifiers still verify it", async () => {
  const rt = await createRuntime({ envDirs: [join(work, "envs")], workers: 1, log: () => {} });
  try {
    expect(rt.registry.broken).toEqual([]);
    const ep = rt.manager.create({ env: "mini_notes_test", task: 0 });
    expect((await rt.manager.verify(ep)).verdict).toBe("others");
    expect(await rt.manager.call(ep, "create_note", { title: "Water the plants" })).toMatchObject({ ok: true });
    expect((await rt.manager.verify(ep)).verdict).toBe("complete");
  } finally {
    rt.close();
  }
});

test("awm port refuses to start without a model, in one line", async () => {
  const r = await runAwm(["port", "mini_notes_test", "--envs", join(work, "envs"), "--force"], { env: { PATH: process.env.PATH } });
  expect(r.code).toBe(2);
  expect(r.err.trim()).toBe("awm: no model: pass --model NAME or set AWM_SYN_OVERRIDE_MODEL");
  expect(existsSync(join(envDir, "tools.port-failed.ts"))).toBe(false);
});
