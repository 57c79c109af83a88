// `bun run build` makes one executable; copied into an empty folder, it serves the shipped envs.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { BUN, ROOT, tempDir } from "../helpers.ts";
import { spawnServer, type Spawned } from "./spawn.ts";

let server: Spawned;
// Registered before tempDir's cleanups, which run after it: the server stops before its folder goes.
afterAll(async () => {
  await server?.stop();
});
const buildDir = tempDir("awm-build-");
const runDir = tempDir("awm-empty-");

beforeAll(async () => {
  const build = Bun.spawnSync([BUN, join(ROOT, "build/compile.ts"), "--out", join(buildDir, "awm")], { cwd: ROOT, stderr: "pipe" });
  if (build.exitCode !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);
  copyFileSync(join(buildDir, "awm"), join(runDir, "awm"));
  Bun.spawnSync(["chmod", "+x", join(runDir, "awm")]);
  server = await spawnServer(["./awm", "serve", "--port", "0"], { cwd: runDir });
});

test("the binary alone in an empty folder serves the shipped envs over MCP", async () => {
  expect(readdirSync(runDir)).toEqual(["awm"]);
  const shipped = readdirSync(join(ROOT, "envs")).sort();
  const { envs } = (await (await fetch(`${server.url}/v1/envs`)).json()) as { envs: { name: string }[] };
  expect(envs.map((e) => e.name).sort()).toEqual(shipped);

  const ep = (await (await fetch(`${server.url}/v1/episodes`, { method: "POST", body: JSON.stringify({ env: envs[0]!.name, task: 0 }) })).json()) as { mcp_url: string; tools: { name: string }[] };
  const client = new Client({ name: "binary-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(ep.mcp_url)));
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(ep.tools.map((t) => t.name));
  const r = await client.callTool({ name: "no_such_tool", arguments: {} });
  expect(r.isError).toBe(true);
  await client.close();
});

test("the binary stops cleanly on SIGTERM", async () => {
  expect(await server.stop()).toBe(0);
  expect(server.stderr()).toContain("SIGTERM, shutting down");
});
