// Bad input and a bounded fuzz loop over the control API and the MCP endpoint: never a 5xx, never a crash.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let ep: string;
beforeAll(async () => {
  t = await testApp({ maxEpisodes: 100_000 });
  ep = (await t.json("POST", "/v1/episodes", { env: "notes", task: 0, tools: "none" })).data.id;
});
afterAll(() => t.close());

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: unknown[] = [null, -1, 0, 1e308, -1e308, 2 ** 53 + 1, "", "x".repeat(20_000), [], {}, true, "'; DROP TABLE notes; --", "\u0000\u0001", "😀 ünïcödé 中文", "ep_00000000000000000000000000000000", { nested: { deeper: [1, { x: "y" }] } }, [[[[[]]]]], "1e999", "../../etc/passwd"];
const GARBAGE = ["", "{", "}", "[]", "null", "1", '"str"', "{\"jsonrpc\": \"2.0\"", "\u0000\u0000", "{'python': True}", "<xml/>", "[".repeat(5000), '{"a":'.repeat(1000)];

test("bad input of every kind gets a 4xx or a tool error, never a 5xx, and nothing breaks", async () => {
  const templates = (): [string, string, unknown][] => [
    ["POST", "/v1/episodes", { env: "notes", task: 0, tools: "none" }],
    ["POST", "/v1/episodes/batch", { episodes: [{ env: "notes", task: 1 }], tools: "none" }],
    ["POST", `/v1/episodes/${ep}/call`, { name: "create_note", arguments: { title: "fuzzed", body: "b" } }],
    ["POST", `/v1/episodes/${ep}/call`, { name: "get_note", arguments: { note_id: 1 } }],
    ["POST", `/v1/episodes/${ep}/verify`, { answer: "1" }],
    ["POST", `/v1/episodes/${ep}/mcp`, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "create_note", arguments: { title: "t" } } }],
    ["POST", `/v1/episodes/${ep}/mcp`, { jsonrpc: "2.0", id: 2, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "f", version: "1" } } }],
    ["POST", `/v1/episodes/${ep}/mcp`, [{ jsonrpc: "2.0", id: 3, method: "tools/list" }, { jsonrpc: "2.0", method: "notifications/initialized" }]],
    ["GET", `/v1/episodes/${ep}`, undefined],
    ["GET", "/v1/envs/notes", undefined],
  ];
  const random = rng(20261125);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const mutate = (value: unknown, depth = 0): unknown => {
    if (depth > 3 || value === null || typeof value !== "object") return random() < 0.5 ? pick(NASTY) : value;
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
    const keys = Object.keys(copy);
    const r = random();
    if (r < 0.25 && keys.length) delete copy[pick(keys)];
    else if (r < 0.5) copy[pick([...keys, "extra", "__proto__", "constructor"])] = pick(NASTY);
    else if (keys.length) copy[pick(keys)] = mutate(copy[pick(keys)], depth + 1);
    return copy;
  };
  const failures: string[] = [];
  for (let i = 0; i < 600; i++) {
    const [method0, path0, body0] = pick(templates());
    const r = random();
    const method = r < 0.1 ? pick(["GET", "PUT", "DELETE", "PATCH", "POST"]) : method0;
    const path = r > 0.9 ? path0.replace(/ep_\w+/, pick(["ep_missing", "ep_", "%00", "..", "ep_" + "a".repeat(500)])) : path0;
    const text = random() < 0.15 ? pick(GARBAGE) : body0 === undefined ? undefined : JSON.stringify(mutate(body0));
    const res = await t.app.request(path, { method, body: method === "GET" || method === "HEAD" ? undefined : text, headers: { "content-type": "application/json" } });
    if (res.status >= 500) failures.push(`${method} ${path} ${text?.slice(0, 120)} -> ${res.status} ${(await res.text()).slice(0, 200)}`);
    else await res.arrayBuffer();
  }
  expect(failures).toEqual([]);
  expect(t.logged.filter((l) => l.startsWith("error:"))).toEqual([]);
  // Still serving, and the injection-looking titles were stored as text.
  expect((await t.json("GET", "/healthz")).data.ok).toBe(true);
  const fresh = (await t.json("POST", "/v1/episodes", { env: "notes", tools: "none" })).data.id;
  const out = await t.json("POST", `/v1/episodes/${fresh}/call`, { name: "create_note", arguments: { title: "'; DROP TABLE notes; --" } });
  expect(out.data).toMatchObject({ ok: true, result: { title: "'; DROP TABLE notes; --" } });
  expect((await t.json("POST", `/v1/episodes/${fresh}/call`, { name: "list_notes" })).data.result).toHaveLength(3);
}, 60_000);

test("unicode round-trips through tools, MCP and the diff", async () => {
  const id = (await t.json("POST", "/v1/episodes", { env: "notes", tools: "none" })).data.id;
  const title = "Ünïcödé 😀 中文 — \"quotes\" \\ backslash";
  const mcp = await t.json("POST", `/v1/episodes/${id}/mcp`, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "create_note", arguments: { title } } });
  expect(JSON.parse(mcp.data.result.content[0].text).title).toBe(title);
  expect((await t.json("GET", `/v1/episodes/${id}/diff`)).data.tables.notes.inserted[0].title).toBe(title);
});

test("an empty body is an empty request: a 400 that names the missing field, not a crash", async () => {
  const res = await t.app.request("/v1/episodes", { method: "POST" });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toBe("invalid request body: env: missing (required)");
  const id = (await t.json("POST", "/v1/episodes", { env: "notes", tools: "none" })).data.id;
  const mcp = await t.app.request(`/v1/episodes/${id}/mcp`, { method: "POST" });
  expect(mcp.status).toBe(400);
  expect(await mcp.json()).toMatchObject({ error: { code: -32700 } });
});
