// What a new user does: start the server, and for every shipped env solve every task
// through the MCP SDK client, get reward 1.0; untouched episodes are not complete;
// episodes of the same env are isolated.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Solutions } from "../../src/runtime/check-envs.ts";
import { ROOT } from "../helpers.ts";
import { serveAwm, type Spawned } from "./spawn.ts";

let server: Spawned;
let envs: { name: string; tasks: number }[];

beforeAll(async () => {
  server = await serveAwm([]);
  envs = (await (await fetch(`${server.url}/v1/envs`)).json()).envs;
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(server.url + path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  return res.json() as Promise<any>;
};
const solutions = (env: string): Solutions => JSON.parse(readFileSync(join(ROOT, "envs", env, "solutions.json"), "utf8"));

async function mcp(url: string): Promise<Client> {
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

test("the server serves every shipped env", () => {
  const shipped = readdirSync(join(ROOT, "envs"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  expect(envs.map((e) => e.name).sort()).toEqual(shipped);
});

describe("every task of every shipped env", () => {
  test("is solved by its oracle through the SDK client, for reward 1.0", async () => {
    for (const env of envs) {
      for (const sol of solutions(env.name).tasks) {
        const ep = await post("/v1/episodes", { env: env.name, task: sol.task, tools: "none" });
        const client = await mcp(ep.mcp_url);
        const { tools } = await client.listTools();
        expect(tools.length).toBeGreaterThanOrEqual(20);
        for (const call of sol.calls) {
          const r = await client.callTool({ name: call.name, arguments: call.arguments });
          if (r.isError) throw new Error(`${env.name} task ${sol.task}: ${call.name}: ${JSON.stringify(r.content)}`);
        }
        await client.close();
        const v = await post(`/v1/episodes/${ep.id}/verify`, { answer: sol.answer });
        expect({ env: env.name, task: sol.task, verdict: v.verdict, reward: v.reward }).toEqual({ env: env.name, task: sol.task, verdict: "complete", reward: 1 });
        await fetch(`${server.url}/v1/episodes/${ep.id}`, { method: "DELETE" });
      }
    }
  });

  test("is not complete on an untouched episode", async () => {
    for (const env of envs) {
      for (let task = 0; task < env.tasks; task++) {
        const ep = await post("/v1/episodes", { env: env.name, task, tools: "none" });
        const v = await post(`/v1/episodes/${ep.id}/verify`, {});
        expect({ env: env.name, task, complete: v.verdict === "complete" }).toEqual({ env: env.name, task, complete: false });
        await fetch(`${server.url}/v1/episodes/${ep.id}`, { method: "DELETE" });
      }
    }
  });
});

test("two episodes of the same env never see each other's writes", async () => {
  for (const env of envs) {
    let checked = false;
    for (const sol of solutions(env.name).tasks) {
      const [a, b] = (await post("/v1/episodes/batch", { episodes: [{ env: env.name, task: sol.task }, { env: env.name, task: sol.task }], tools: "none" })).episodes;
      for (const call of sol.calls) await post(`/v1/episodes/${a.id}/call`, call);
      const diffA = await (await fetch(`${server.url}/v1/episodes/${a.id}/diff`)).json();
      if (diffA.inserted + diffA.updated + diffA.deleted === 0) continue; // a question: nothing written
      const diffB = await (await fetch(`${server.url}/v1/episodes/${b.id}/diff`)).json();
      expect(diffB).toEqual({ tables: {}, inserted: 0, updated: 0, deleted: 0 });
      expect((await post(`/v1/episodes/${a.id}/verify`, { answer: sol.answer })).verdict).toBe("complete");
      expect((await post(`/v1/episodes/${b.id}/verify`, {})).verdict).not.toBe("complete");
      checked = true;
      break;
    }
    expect({ env: env.name, checked }).toEqual({ env: env.name, checked: true });
  }
});
