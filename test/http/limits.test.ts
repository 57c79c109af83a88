import { afterAll, beforeAll, expect, test } from "bun:test";
import { testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ maxCallsPerEpisode: 3, maxEpisodes: 5, ttlS: 60 }, { maxBodyBytes: 4096 });
});
afterAll(() => t.close());

test("a body over the limit is a 413 that says so", async () => {
  const body = JSON.stringify({ env: "notes", pad: "x".repeat(5000) });
  const res = await t.app.request("/v1/episodes", { method: "POST", body, headers: { "content-type": "application/json", "content-length": String(body.length) } });
  expect(res.status).toBe(413);
  expect(((await res.json()) as { error: { message: string } }).error.message).toBe(`the request body has ${body.length} bytes; the limit is 4096`);
});

test("an episode past its call cap gets a 409 (retrying will not help) naming the limit, over /call and MCP alike", async () => {
  const ep = (await t.json("POST", "/v1/episodes", { env: "notes", tools: "none" })).data;
  for (let i = 0; i < 3; i++) expect((await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "list_notes" })).status).toBe(200);
  const over = await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "list_notes" });
  expect(over.status).toBe(409);
  expect(over.data.error).toEqual({ code: "call_limit", message: `episode ${ep.id} has made its 3 calls, the limit; close it and start another` });
  const mcp = await t.json("POST", `/v1/episodes/${ep.id}/mcp`, { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "list_notes", arguments: {} } });
  expect(mcp.status).toBe(409);
  expect(mcp.data).toMatchObject({ jsonrpc: "2.0", id: 9, error: { message: expect.stringContaining("the limit") } });
  await t.json("DELETE", `/v1/episodes/${ep.id}`);
});

test("every limit is visible in /metrics", async () => {
  const text = await (await t.app.request("/metrics")).text();
  for (const [name, value] of [["awm_limit_max_episodes", 5], ["awm_limit_max_calls_per_episode", 3], ["awm_limit_episode_ttl_seconds", 60], ["awm_limit_call_timeout_seconds", 5], ["awm_limit_max_body_bytes", 4096]] as const) {
    expect(text).toContain(`\n${name} ${value}\n`);
  }
  expect(text).toMatch(/\nawm_limit_memory_bytes \d+\n/);
});

test("names and ids cannot reach files: traversal attempts are plain 404s", async () => {
  for (const path of ["/v1/envs/..%2F..%2Fetc%2Fpasswd", "/v1/envs/../../etc/passwd/db", "/v1/envs/%2e%2e/db", "/v1/episodes/..%2Fnotes/db", "/v1/episodes/ep_..%2F..%2Fx/db"]) {
    const res = await t.app.request(path);
    expect([path, res.status]).toEqual([path, 404]);
  }
});

test("a bearer token, when set, guards every route: no token or a wrong one is a 401, the right one passes", async () => {
  const guarded = await testApp({}, { token: "tok" });
  try {
    const request = async (method: string, path: string, authorization?: string) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (authorization) headers.authorization = authorization;
      const body = method === "POST" ? JSON.stringify(path === "/v1/episodes" ? { env: "notes", tools: "none" } : {}) : undefined;
      return (await guarded.app.request(path, { method, headers, body })).status;
    };
    // With the token each route answers as it would without one: an episode is created, ep_x is unknown.
    const routes = [
      ["GET", "/healthz", 200],
      ["GET", "/metrics", 200],
      ["GET", "/v1/envs", 200],
      ["POST", "/v1/episodes", 201],
      ["POST", "/v1/episodes/ep_x/mcp", 404],
    ] as const;
    for (const [method, path, open] of routes) {
      const statuses = {
        none: await request(method, path),
        wrong: await request(method, path, "Bearer wrong!"),
        sameLength: await request(method, path, "Bearer tox"),
        noScheme: await request(method, path, "tok"),
        right: await request(method, path, "Bearer tok"),
      };
      expect([method, path, statuses]).toEqual([method, path, { none: 401, wrong: 401, sameLength: 401, noScheme: 401, right: open }]);
    }
    const refused = await guarded.json("GET", "/v1/envs");
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect(refused.data.error).toEqual({ code: "unauthorized", message: "this server needs Authorization: Bearer <token>" });
  } finally {
    guarded.close();
  }
});
