// The agent loop against a scripted OpenAI-compatible model, on a shipped env.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAI from "openai";
import { runTask, type AgentModel } from "../../src/agent/run-task.ts";
import { serverClient } from "../../src/agent/server-client.ts";
import { startServer, type RunningServer } from "../../src/http/server.ts";
import { startFakeLlm, type FakeLlm } from "../fake-llm.ts";
import { ROOT, tempDir } from "../helpers.ts";
import { metaAgent, nativeAgent, type Step } from "./scripted-agents.ts";

const work = tempDir("awm-agent-test-");
const shop = JSON.parse(readFileSync(join(ROOT, "envs/shop/solutions.json"), "utf8")) as { tasks: { task: number; calls: Step[]; answer?: string }[] };
const oracle = shop.tasks.find((t) => t.task === 4)!; // a review: several calls, no answer needed
let server: RunningServer;
let llm: FakeLlm | undefined;

beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(ROOT, "envs")], workers: 1, log: () => {} });
});
afterAll(async () => {
  llm?.stop();
  await server.stop();
});

function model(fake: FakeLlm, protocol: "native" | "meta", extra: Partial<AgentModel> = {}): AgentModel {
  return { openai: new OpenAI({ apiKey: "EMPTY", baseURL: fake.url, maxRetries: 0 }), model: "policy-1", apiUrl: fake.url, protocol, maxTurns: 20, temperature: 1, maxTokens: 512, ...extra };
}
async function run(answers: Parameters<typeof startFakeLlm>[0], protocol: "native" | "meta", task = oracle.task, extra: Partial<AgentModel> = {}, verifyMode?: string) {
  llm?.stop();
  llm = startFakeLlm(answers);
  return runTask(serverClient(server.url), "shop", task, model(llm, protocol, extra), { outDir: join(work, "runs"), verifyMode });
}

describe("a model that solves a shipped task", () => {
  test("through native function calling gets reward 1.0", async () => {
    const r = await run([nativeAgent(oracle.calls, "Done: review posted.")], "native");
    expect(r.verify).toMatchObject({ verdict: "complete", reward: 1 });
    expect(r.trajectory.total_iterations).toBe(oracle.calls.length + 1);
    expect(r.format.first_violation).toBeNull();
    expect(llm!.requests[0]!.tools!.length).toBe(37);
    expect(llm!.requests[0]!.tools![0] as unknown).toEqual({ type: "function", function: { name: "search_products", description: expect.stringContaining("product"), parameters: expect.objectContaining({ type: "object" }) } });
  });

  test("through the meta-tool protocol gets reward 1.0, with list_tools rendered as the reference does", async () => {
    const r = await run([metaAgent(oracle.calls, "Done: review posted.")], "meta", oracle.task, { requireReasoning: false });
    expect(r.verify).toMatchObject({ verdict: "complete", reward: 1 });
    expect(r.format.first_violation).toBeNull();
    const listing = llm!.requests[1]!.messages.at(-1)!.content;
    expect(listing).toStartWith("Tool response:\nAvailable MCP Tools (37 tools):\n" + "=".repeat(80) + "\n\n1. mcp_tool_mcp_server_search_products\n   Description: ");
    expect(listing).toMatch(/\n   Parameters:\n      - query: string\n        Description: /);
    expect(llm!.requests[0]!.tools).toBeUndefined();
  });

  test("the run folder has the reference's files, and trajectory.json its shape", async () => {
    const r = await run([nativeAgent(oracle.calls, "Done.")], "native");
    for (const f of ["trajectory.json", "initial.db", "final.db", "verify.code.json"]) expect(existsSync(join(r.runDir!, f))).toBe(true);
    const t = JSON.parse(readFileSync(join(r.runDir!, "trajectory.json"), "utf8"));
    expect(Object.keys(t)).toEqual(expect.arrayContaining(["scenario", "task_id", "task", "model", "api_url", "max_iterations", "temperature", "total_iterations", "timestamp", "trajectory", "messages"]));
    expect(t.trajectory[0]).toMatchObject({ iteration: 1, role: "assistant", tool_calls: [{ name: oracle.calls[0]!.name }], tool_response: { content: expect.any(String) } });
    expect(t.trajectory.at(-1)).toMatchObject({ tool_calls: [], is_final: true });
    expect(JSON.parse(readFileSync(join(r.runDir!, "verify.code.json"), "utf8"))).toMatchObject({ scenario: "shop", task_id: oracle.task, reward_type: "complete", reward: 1 });
  });
});

test("a verify that fails still leaves the run saved, and the error says where", async () => {
  // This server has no judge model, so verify mode judge answers 400 after the model has run.
  const err = await run([nativeAgent(oracle.calls, "Done.")], "native", oracle.task, {}, "judge").then(() => null, (e: Error) => e);
  const dir = /the run is saved in (\S+);/.exec(err?.message ?? "")?.[1];
  expect(err?.message).toContain("needs a judge model");
  expect(dir).toBeDefined();
  for (const f of ["trajectory.json", "initial.db", "final.db"]) expect(existsSync(join(dir!, f))).toBe(true);
  expect(JSON.parse(readFileSync(join(dir!, "trajectory.json"), "utf8")).total_iterations).toBe(oracle.calls.length + 1);
});

describe("format checks", () => {
  test("skipping list_tools and calling a function that does not exist are flagged at step 1", async () => {
    const r = await run([metaAgent([], "ok", { skipListTools: true, raw: ['<tool_call>{"name": "delete_everything", "arguments": {}}</tool_call>'] })], "meta");
    expect(r.format.steps[0]!.flags.sort()).toEqual(["list_tools_not_first", "unknown_tool"]);
    expect(r.format.first_violation).toBe(1);
  });

  test("a tool that does not exist, arguments that are not JSON, and arguments that break the schema are flagged per step", async () => {
    const steps: Step[] = [{ name: "no_such_tool", arguments: {} }, { name: "get_order", arguments: "{order_id: 7" }, { name: "get_order", arguments: { order_id: "seven" } }];
    const r = await run([nativeAgent(steps, "I give up.")], "native");
    expect(r.format.steps.map((s) => s.flags)).toEqual([["unknown_tool"], ["invalid_json"], ["invalid_args"], []]);
    expect(r.format.first_violation).toBe(1);
    expect(r.trajectory.trajectory.map((e) => e.tool_response?.kind)).toEqual(["unknown_tool", "invalid_json", "invalid_args", undefined]);
    expect(r.verify!.verdict).not.toBe("complete");
  });

  test("a meta-protocol call that is only almost JSON is not run, and is flagged invalid_json alone", async () => {
    const r = await run([metaAgent([], "ok", { raw: ["<tool_call>{'name': 'call_tool', 'arguments': {'tool_name': 'get_order', 'arguments': {'order_id': 1}}}</tool_call>"] })], "meta");
    expect(r.format.steps[1]!.flags).toEqual(["invalid_json"]);
    expect(r.trajectory.trajectory[1]!.tool_response).toMatchObject({ content: "Error: the tool call is not valid JSON", kind: "invalid_json" });
  });

  test("a meta-protocol run whose every call after list_tools fails is flagged at its last step", async () => {
    const r = await run([metaAgent([{ name: "get_order", arguments: { order_id: 987654 } }], "Sorry.")], "meta");
    expect(r.format.steps.map((s) => s.flags)).toEqual([[], [], ["no_call_after_list_tools"]]);
  });

  test("a reply without a reasoning block is flagged when reasoning is required", async () => {
    const r = await run([metaAgent(oracle.calls, "Done.")], "meta", oracle.task, { requireReasoning: true });
    expect(r.format.steps[0]!.flags).toEqual(["empty_reasoning"]); // the list_tools reply has no <think>
    expect(r.format.steps[1]!.flags).toEqual([]);
  });

  test("a tool error that is not a format error is an environment error", async () => {
    const r = await run([nativeAgent([{ name: "get_order", arguments: { order_id: 987654 } }], "Sorry.")], "native");
    expect(r.format.steps[0]).toMatchObject({ flags: [], environment_error: true });
    expect(r.trajectory.trajectory[0]!.tool_response).toMatchObject({ kind: "tool_error", content: "Error: order 987654 not found" });
  });
});
