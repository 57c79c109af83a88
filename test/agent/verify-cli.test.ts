// awm agent saves a run; awm verify re-verifies the saved run from its files.
import { expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, pynotesEnv, runAwm, tempDir } from "../helpers.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { buildTemplate } from "../../src/db/build-template.ts";
import { startServer } from "../../src/http/server.ts";
import { metaAgent, nativeAgent } from "./scripted-agents.ts";

const work = tempDir("awm-verify-cli-");
const awm = (...args: string[]) => runAwm(args, { cwd: work, env: { ...process.env, OPENAI_API_KEY: "EMPTY" } });
const fixtures = ["--no-shipped", "--envs", join(FIXTURES, "envs")];
const pynotes = pynotesEnv();

test("awm agent runs a task with the meta protocol and saves the run; awm verify gives the same verdict from the files", async () => {
  const llm = startFakeLlm([metaAgent([{ name: "create_note", arguments: { title: "Water the plants" } }], "Created it.")]);
  try {
    const r = await awm("agent", "--env", "notes", "--task", "0", "--protocol", "meta", "--api-url", llm.url, "--model", "policy-1", "--out", "runs", "--json", ...fixtures);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ env: "notes", task: 0, verdict: "complete", reward: 1, turns: 3, stopped: "answered", first_format_violation: null });
    const [run] = readdirSync(join(work, "runs"));
    const v = await awm("verify", join("runs", run!), "--mode", "code", "--json", ...fixtures);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ scenario: "notes", task_id: 0, mode: "code", reward_type: "complete", reward: 1 });
    expect(JSON.parse(readFileSync(join(work, "runs", run!, "verify.code.json"), "utf8")).reward).toBe(1);
  } finally {
    llm.stop();
  }
});

test("awm verify on a folder that is not a run is a one-line error", async () => {
  const r = await awm("verify", ".", "--mode", "judge");
  expect(r.code).toBe(2);
  expect(r.err.trim()).toMatch(/^awm: .* has no trajectory\.json: is it a run folder\?$/);
});

test("awm agent and rollout check --verify-mode before the model is asked anything", async () => {
  const llm = startFakeLlm(["never asked"]);
  try {
    const model = ["--api-url", llm.url, "--model", "policy-1", ...fixtures];
    const typo = await awm("agent", "--env", "notes", "--task", "0", "--verify-mode", "jugde", ...model);
    expect(typo.code).toBe(2);
    expect(typo.err.trim()).toBe("awm: --verify-mode must be code, python or judge, got 'jugde'");
    const noJudge = await awm("rollout", "--env", "notes", "--verify-mode", "judge", ...model);
    expect(noJudge.code).toBe(2);
    expect(noJudge.err.trim()).toBe("awm: --verify-mode judge needs --judge-model NAME");
    expect(llm.requests).toHaveLength(0);
  } finally {
    llm.stop();
  }
});

test("awm agent --mcp-url talks to any MCP endpoint and saves trajectory.json with its format report", async () => {
  const server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(FIXTURES, "envs")], workers: 1, log: () => {} });
  const llm = startFakeLlm([nativeAgent([{ name: "list_notes", arguments: {} }, { name: "no_such_tool", arguments: {} }], "Two notes.")]);
  try {
    const ep = (await (await fetch(`${server.url}/v1/episodes`, { method: "POST", body: JSON.stringify({ env: "notes" }), headers: { "content-type": "application/json" } })).json()) as { mcp_url: string };
    const r = await awm("agent", "--mcp-url", ep.mcp_url, "--task", "How many notes?", "--api-url", llm.url, "--model", "policy-1", "--out", "mcp-runs", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ turns: 3, stopped: "answered", format: { first_violation: 2 } });
    expect(out.run_dir).toMatch(/\/mcp-runs\/\d{8}_\d{6}_mcp$/);
    const t = JSON.parse(readFileSync(join(out.run_dir, "trajectory.json"), "utf8"));
    expect(t).toMatchObject({ scenario: "", task_id: null, task: "How many notes?", format: { counts: { unknown_tool: 1 } } });
  } finally {
    llm.stop();
    await server.stop();
  }
});

test("awm verify with no --mode names verify.MODE.json by the mode that ran: python for an env without verify.ts", async () => {
  const dir = join(work, "pynotes-run");
  mkdirSync(dir);
  await buildTemplate(join(dir, "final.db"), readFileSync(join(pynotes, "schema.sql"), "utf8"), readFileSync(join(pynotes, "seed.sql"), "utf8"));
  writeFileSync(join(dir, "trajectory.json"), JSON.stringify({ scenario: "pynotes", task_id: 1, task: "Say hello.", trajectory: [{ iteration: 1, role: "assistant", content: "Hello there", tool_calls: [], is_final: true }] }));
  const v = await awm("verify", dir, "--json", "--no-shipped", "--envs", pynotes);
  expect(v.code).toBe(0);
  expect(JSON.parse(v.out)).toMatchObject({ scenario: "pynotes", task_id: 1, mode: "python", reward_type: "complete" });
  expect(existsSync(join(dir, "verify.python.json"))).toBe(true);
  expect(existsSync(join(dir, "verify.code.json"))).toBe(false);
});
