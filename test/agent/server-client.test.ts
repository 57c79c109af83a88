// agent and rollout against a server that needs a bearer token.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import OpenAI from "openai";
import { runTask } from "../../src/agent/run-task.ts";
import { serverClient } from "../../src/agent/server-client.ts";
import { startServer, type RunningServer } from "../../src/http/server.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { FIXTURES, runAwm, tempDir } from "../helpers.ts";
import { nativeAgent } from "./scripted-agents.ts";

const TOKEN = "s3cret-token";
const work = tempDir("awm-server-client-");
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", envDirs: [join(FIXTURES, "envs")], workers: 1, token: TOKEN, log: () => {} });
});
afterAll(() => server.stop());

test("sends the token, and a URL with a trailing slash still finds the API", async () => {
  const { envs } = await serverClient(`${server.url}/`, TOKEN).json<{ envs: { name: string }[] }>("GET", "/v1/envs");
  expect(envs.map((e) => e.name)).toEqual(["notes"]);
});

test("an answer that is not 2xx is a one-line error with the server's message", async () => {
  await expect(serverClient(server.url).json("GET", "/v1/envs")).rejects.toThrow("GET /v1/envs answered 401: this server needs Authorization: Bearer <token> (pass --token TOKEN or set AWM_TOKEN)");
  await expect(serverClient(server.url, TOKEN).json("POST", "/v1/episodes", { env: "nope" })).rejects.toThrow("POST /v1/episodes answered 404: unknown env 'nope'");
});

test("a run's MCP session carries the token too", async () => {
  const llm = startFakeLlm([nativeAgent([{ name: "create_note", arguments: { title: "Water the plants" } }], "Created.")]);
  try {
    const model = { openai: new OpenAI({ apiKey: "EMPTY", baseURL: llm.url, maxRetries: 0 }), model: "policy-1", apiUrl: llm.url, protocol: "native" as const, maxTurns: 5, temperature: 1, maxTokens: 256 };
    const run = await runTask(serverClient(server.url, TOKEN), "notes", 0, model);
    expect(run.verify).toMatchObject({ verdict: "complete", reward: 1 });
    expect(run.trajectory.trajectory[0]!.tool_response!.content).not.toStartWith("Error");
  } finally {
    llm.stop();
  }
});

test("awm rollout --server reads the token from AWM_TOKEN; without it, one line and exit 2", async () => {
  const llm = startFakeLlm([nativeAgent([{ name: "list_notes", arguments: {} }], "1")]);
  const rollout = async (env: Record<string, string>) => {
    const args = ["rollout", "--server", `${server.url}/`, "--task", "notes:2", "--out", join(work, "rollouts.jsonl"), "--api-url", llm.url, "--model", "policy-1", "--json"];
    return runAwm(args, { env: { ...process.env, OPENAI_API_KEY: "EMPTY", AWM_TOKEN: "", ...env } });
  };
  try {
    const ok = await rollout({ AWM_TOKEN: TOKEN });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject([{ env: "notes", samples: 1, success_rate: 1 }]);
    const denied = await rollout({});
    expect(denied.code).toBe(2);
    expect(denied.err.trim()).toBe("awm: GET /v1/envs answered 401: this server needs Authorization: Bearer <token> (pass --token TOKEN or set AWM_TOKEN)");
  } finally {
    llm.stop();
  }
});
