// awm rollout against a scripted model: the summary its answers imply, and resume.
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAI from "openai";
import { rollout as runRollout, summarize, type RolloutRecord } from "../../src/agent/rollout.ts";
import { serverClient, type ServerClient } from "../../src/agent/server-client.ts";
import { startServer } from "../../src/http/server.ts";
import { FIXTURES, runAwm, tempDir } from "../helpers.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { byTask, nativeAgent } from "./scripted-agents.ts";

const work = tempDir("awm-rollout-test-");

// notes: task 0 solved, task 1 done to the wrong note, task 2 answered right.
const model = byTask({
  'Create a note titled "Water the plants".': nativeAgent([{ name: "create_note", arguments: { title: "Water the plants" } }], "Created."),
  'Mark the note "Buy milk" as done.': nativeAgent([{ name: "complete_note", arguments: { note_id: 2 } }], "Done."),
  "How many of my notes are not done yet? Answer with the number.": nativeAgent([{ name: "list_notes", arguments: { open_only: true } }], "1"),
});

async function rollout(url: string, out: string) {
  const args = ["rollout", "--no-shipped", "--envs", join(FIXTURES, "envs"), "--samples", "2", "--concurrency", "3", "--out", out, "--api-url", url, "--model", "policy-1", "--json", "--workers", "1"];
  const r = await runAwm(args, { env: { ...process.env, OPENAI_API_KEY: "EMPTY" } });
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out);
}

test("the summary is what the scripted answers imply, and a re-run resumes without asking again", async () => {
  const llm = startFakeLlm([model]);
  const out = join(work, "rollouts.jsonl");
  try {
    const summary = await rollout(llm.url, out);
    expect(summary).toEqual([{ env: "notes", samples: 6, success_rate: 0.667, mean_reward: 0.667, mean_turns: 2, tool_errors: 0, format_violations: 0 }]);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.task === 1).map((l) => l.verdict)).toEqual(["others", "others"]);
    expect(lines[0]).toMatchObject({ env: "notes", turns: 2, tool_calls: 1, errors: { tool_errors: 0, first_violation: null }, stopped: "answered", duration_ms: expect.any(Number) });
    const asked = llm.requests.length;
    expect(asked).toBe(12);
    expect(await rollout(llm.url, out)).toEqual(summary);
    expect(llm.requests.length).toBe(asked);
  } finally {
    llm.stop();
  }
});

test("with --runs, each env's initial.db is downloaded once and copied into every sample's folder", async () => {
  const server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(FIXTURES, "envs")], workers: 1, log: () => {} });
  const llm = startFakeLlm([model]);
  try {
    const client = serverClient(server.url);
    const asked: string[] = [];
    const counting: ServerClient = { ...client, request: (method, path, body) => (asked.push(`${method} ${path}`), client.request(method, path, body)) };
    const runs = join(work, "runs");
    const records = await runRollout({
      server: counting,
      jobs: [0, 1, 2].map((task) => ({ env: "notes", task })),
      samples: 2,
      concurrency: 3,
      out: join(work, "cached.jsonl"),
      runsDir: runs,
      model: { openai: new OpenAI({ apiKey: "EMPTY", baseURL: llm.url, maxRetries: 0 }), model: "policy-1", apiUrl: llm.url, protocol: "native", maxTurns: 5, temperature: 1, maxTokens: 256 },
    });
    expect(records).toHaveLength(6);
    expect(asked.filter((a) => a === "GET /v1/envs/notes/db")).toHaveLength(1);
    const template = readFileSync(server.runtime.registry.get("notes").templatePath);
    const folders = readdirSync(runs);
    expect(folders).toHaveLength(6);
    for (const f of folders) expect(readFileSync(join(runs, f, "initial.db")).equals(template)).toBe(true);
  } finally {
    llm.stop();
    await server.stop();
  }
});

test("summarize groups records by env, in the order envs first appear", () => {
  const rec = (env: string, reward: number, toolErrors = 0): RolloutRecord => ({
    env, task: 0, sample: 0, reward, verdict: reward === 1 ? "complete" : "others", turns: 2, tool_calls: 1,
    errors: { tool_errors: toolErrors, format: {}, first_violation: toolErrors ? 1 : null }, stopped: "answered", duration_ms: 1,
  });
  expect(summarize([rec("b", 1), rec("a", 0, 2), rec("b", 0), rec("a", 1)])).toEqual([
    { env: "b", samples: 2, success_rate: 0.5, mean_reward: 0.5, mean_turns: 2, tool_errors: 0, format_violations: 0 },
    { env: "a", samples: 2, success_rate: 0.5, mean_reward: 0.5, mean_turns: 2, tool_errors: 2, format_violations: 1 },
  ]);
});
