import { expect, test } from "bun:test";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { AWM, FIXTURES, ROOT, runAwm } from "../helpers.ts";
import { spawnServer } from "./spawn.ts";

const awm = (...args: string[]) => runAwm(args);
const fixtures = ["--no-shipped", "--envs", join(FIXTURES, "envs")];

test("--help works for every command", async () => {
  for (const args of [["--help"], ["serve", "--help"], ["envs", "--help"], ["envs", "list", "--help"], ["envs", "show", "--help"], ["envs", "check", "--help"], ["env", "start", "--help"]]) {
    const r = await awm(...args);
    expect({ args, code: r.code }).toEqual({ args, code: 0 });
    expect(r.out).toContain("Usage: awm");
  }
});

test("a user error is one line and exit code 2", async () => {
  for (const [args, message] of [
    [["serve", "--port", "abc"], "awm: --port must be an integer >= 0, got 'abc'"],
    [["serve", "--bogus"], "awm: Unknown option '--bogus'"],
    [["frobnicate"], "awm: unknown command 'frobnicate'"],
    [["envs", "show", "nope", ...fixtures], "awm: unknown env 'nope'"],
    [["envs", "list", "--envs", "/no/such/folder"], "awm: --envs /no/such/folder: no such folder"],
  ] as [string[], string][]) {
    const r = await awm(...args);
    expect(r.code).toBe(2);
    expect(r.err).toStartWith(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  }
});

test("envs list --json reports counts", async () => {
  const r = await awm("envs", "list", "--json", ...fixtures);
  expect(JSON.parse(r.out).envs).toEqual([expect.objectContaining({ name: "notes", tools: 5, tasks: 3, tables: 3, rows: 6 })]);
});

test("envs check passes a good env and fails a broken one with the reason", async () => {
  expect((await awm("envs", "check", ...fixtures)).code).toBe(0);
  const bad = await awm("envs", "check", "--json", "--no-shipped", "--envs", join(FIXTURES, "broken/no-verifier"));
  expect(bad.code).toBe(1);
  expect(JSON.parse(bad.out).broken).toEqual([{ name: "no-verifier", reason: "task 2 has no verifier in verify.ts" }]);
});

test("env start serves one env with one implicit episode at /mcp, as the reference does", async () => {
  const server = await spawnServer([...AWM, "env", "start", "--scenario", "notes", "--port", "0", ...fixtures], { cwd: ROOT });
  try {
    const client = new Client({ name: "reference-style", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    expect((await client.listTools()).tools).toHaveLength(5);
    const r = await client.callTool({ name: "create_note", arguments: { title: "Water the plants" } });
    expect(r.isError).toBe(false);
    await client.close();
  } finally {
    expect(await server.stop()).toBe(0);
  }
});
