// The loop's handling of a model that answers nothing usable.
import { expect, test } from "bun:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import OpenAI from "openai";
import { runAgent } from "../../src/agent/loop.ts";

const noTools = { listTools: async () => ({ tools: [] }) } as unknown as Client;
const noChoice = new OpenAI({ apiKey: "EMPTY", baseURL: "http://model.test/v1", maxRetries: 0, fetch: async () => Response.json({ id: "x", object: "chat.completion", created: 0, model: "m", choices: [] }) });

for (const protocol of ["native", "meta"] as const) {
  test(`a reply with no choice ends the run as a model error (${protocol})`, async () => {
    const t = await runAgent({ openai: noChoice, model: "m", apiUrl: "", mcp: noTools, task: "t", protocol, maxTurns: 3, temperature: 1, maxTokens: 16, scenario: "s", taskId: 0 });
    expect(t.awm).toMatchObject({ stopped: "model_error", error: "the model returned no choice", final_answer: "" });
    expect(t.trajectory).toEqual([]);
  });
}
