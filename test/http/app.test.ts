import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import Database from "libsql";
import { join } from "node:path";
import { tempDir, testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ maxEpisodes: 20 });
});
afterAll(() => t.close());
const work = tempDir("awm-app-test-");

const create = async (body: object = { env: "notes", task: 0 }) => (await t.json("POST", "/v1/episodes", body)).data;

describe("envs", () => {
  test("lists envs with their counts", async () => {
    const { status, data } = await t.json("GET", "/v1/envs");
    expect(status).toBe(200);
    expect(data.envs).toEqual([{ name: "notes", description: expect.any(String), version: "1", tools: 5, tasks: 3, tables: 3, rows: 6 }]);
    expect(data.broken).toEqual([]);
  });

  test("an env's detail has tools in MCP and OpenAI format, and its tasks", async () => {
    const { data } = await t.json("GET", "/v1/envs/notes");
    expect(data.tools[0]).toEqual({ name: "list_notes", description: expect.any(String), inputSchema: expect.objectContaining({ type: "object" }) });
    expect(data.openai_tools[0]).toEqual({ type: "function", function: { name: "list_notes", description: data.tools[0].description, parameters: data.tools[0].inputSchema } });
    expect(data.tasks[1]).toEqual({ id: 1, prompt: 'Mark the note "Buy milk" as done.' });
  });

  test("an env's template downloads as a SQLite file with its seed rows", async () => {
    const res = await t.app.request("/v1/envs/notes/db");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="notes.db"');
    const file = join(work, "notes-template.db");
    await Bun.write(file, await res.arrayBuffer());
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM notes").get()).toMatchObject({ n: 3 });
    db.close();
  });

  test("an unknown env is a 404 naming it", async () => {
    expect(await t.json("GET", "/v1/envs/nope")).toMatchObject({ status: 404, data: { error: { code: "env_not_found", message: "unknown env 'nope'" } } });
  });
});

describe("episodes", () => {
  test("create returns the id, the task, the MCP URL and the tools", async () => {
    const { status, data } = await t.json("POST", "/v1/episodes", { env: "notes", task: 1 });
    expect(status).toBe(201);
    expect(data.id).toMatch(/^ep_[0-9a-f]{32}$/);
    expect(data.task).toEqual({ id: 1, prompt: 'Mark the note "Buy milk" as done.' });
    expect(data.mcp_url).toBe(`http://localhost/v1/episodes/${data.id}/mcp`);
    expect(data.tools).toHaveLength(5);
    const openai = await create({ env: "notes", tools: "openai" });
    expect(openai.tools[0].type).toBe("function");
    expect((await create({ env: "notes", tools: "none" })).tools).toBeUndefined();
  });

  test("batch creates many episodes at once", async () => {
    const { status, data } = await t.json("POST", "/v1/episodes/batch", { episodes: [{ env: "notes", task: 0 }, { env: "notes", task: 2 }], tools: "none" });
    expect(status).toBe(201);
    expect(data.episodes.map((e: { task: { id: number } }) => e.task.id)).toEqual([0, 2]);
  });

  test("call, verify, diff, download and delete an episode", async () => {
    const ep = await create({ env: "notes", task: 0 });
    const call = await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "create_note", arguments: { title: "Water the plants" } });
    expect(call).toMatchObject({ status: 200, data: { ok: true, result: { id: 4, title: "Water the plants" } } });
    const verify = await t.json("POST", `/v1/episodes/${ep.id}/verify`, {});
    expect(verify.data).toMatchObject({ verdict: "complete", reward: 1, counts: { calls: 1 } });
    const diff = await t.json("GET", `/v1/episodes/${ep.id}/diff`);
    expect(diff.data.tables.notes.inserted[0]).toMatchObject({ id: 4, title: "Water the plants" });
    const state = await t.json("GET", `/v1/episodes/${ep.id}`);
    expect(state.data).toMatchObject({ id: ep.id, env: "notes", task: 0, state: "live", calls: 1, last_verdict: "complete" });

    const db = await t.app.request(`/v1/episodes/${ep.id}/db`);
    expect(db.headers.get("content-type")).toBe("application/vnd.sqlite3");
    const file = join(work, `${ep.id}.db`);
    await Bun.write(file, await db.arrayBuffer());
    const sqlite = new Database(file);
    expect(sqlite.prepare("SELECT title FROM notes WHERE id = 4").raw().get([])).toEqual(["Water the plants"]);
    sqlite.close();

    expect(await t.json("DELETE", `/v1/episodes/${ep.id}`)).toMatchObject({ status: 200, data: { closed: true } });
    expect((await t.json("GET", `/v1/episodes/${ep.id}`)).status).toBe(404);
  });

  test("a tool failure through /call is a 200 with ok false and the reason", async () => {
    const ep = await create();
    expect((await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "get_note", arguments: { note_id: 3 } })).data).toEqual({
      ok: false,
      error: { kind: "tool_error", message: "note 3 not found" },
    });
    expect((await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "get_note", arguments: { note_id: "3" } })).data.error).toEqual({
      kind: "invalid_args",
      message: 'Invalid arguments for get_note: note_id: Invalid type: Expected number but received "3"',
    });
  });
});

describe("bad input gets a 4xx with a one-line message naming the problem", () => {
  const cases: [string, string, string, unknown, number, RegExp][] = [
    ["malformed JSON", "POST", "/v1/episodes", "{not json", 400, /request body is not valid JSON/],
    ["missing env", "POST", "/v1/episodes", {}, 400, /env: missing \(required\)/],
    ["wrong type", "POST", "/v1/episodes", { env: "notes", task: "zero" }, 400, /task must be a number/],
    ["unknown field", "POST", "/v1/episodes", { env: "notes", tsk: 1 }, 400, /tsk: unknown field/],
    ["unknown env", "POST", "/v1/episodes", { env: "nope" }, 404, /unknown env 'nope'/],
    ["task out of range", "POST", "/v1/episodes", { env: "notes", task: 9 }, 400, /task 9 is out of range/],
    ["unknown episode", "GET", "/v1/episodes/ep_00", undefined, 404, /unknown episode 'ep_00'/],
    ["unknown episode call", "POST", "/v1/episodes/ep_00/call", { name: "x" }, 404, /unknown episode/],
    ["empty batch", "POST", "/v1/episodes/batch", { episodes: [] }, 400, /episodes must not be empty/],
    ["unknown route", "GET", "/v2/nothing", undefined, 404, /no route GET \/v2\/nothing/],
    ["bad verify mode", "POST", "/v1/episodes/{id}/verify", { mode: "vibes" }, 400, /mode must be "code" \(verify.ts\), "python" \(AWM verifiers\) or "judge"/],
    ["call without a name", "POST", "/v1/episodes/{id}/call", { arguments: {} }, 400, /name: missing \(required\)/],
  ];
  for (const [what, method, path, body, status, message] of cases) {
    test(what, async () => {
      const ep = path.includes("{id}") ? await create() : null;
      const res = await t.json(method, path.replace("{id}", ep?.id ?? ""), body);
      expect(res.status).toBe(status);
      expect(res.data.error.message).toMatch(message);
      expect(res.data.error.message).not.toContain("\n");
    });
  }

  test("past the episode limit, create answers 429 with Retry-After", async () => {
    for (const e of t.runtime.manager.list()) t.runtime.manager.close(e.id);
    await t.json("POST", "/v1/episodes/batch", { episodes: Array.from({ length: 20 }, () => ({ env: "notes" })), tools: "none" });
    const res = await t.json("POST", "/v1/episodes", { env: "notes" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    for (const e of t.runtime.manager.list()) t.runtime.manager.close(e.id);
    expect((await t.json("POST", "/v1/episodes", { env: "notes" })).status).toBe(201);
  });
});

describe("health and metrics", () => {
  test("healthz answers ok with counts", async () => {
    expect((await t.json("GET", "/healthz")).data).toMatchObject({ ok: true, envs: 1, workers: 1 });
  });

  test("metrics are Prometheus text with episodes, calls, errors and latency", async () => {
    const ep = await create();
    await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "list_notes" });
    await t.json("POST", `/v1/episodes/${ep.id}/call`, { name: "nope" });
    const res = await t.app.request("/metrics");
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^awm_episodes_live \d+$/m);
    expect(text).toMatch(/^awm_episodes_created_total \d+$/m);
    expect(text).toMatch(/^awm_tool_calls_total\{outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^awm_tool_calls_total\{outcome="unknown_tool"\} [1-9]\d*$/m);
    expect(text).toMatch(/^awm_tool_call_seconds_bucket\{le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^awm_http_errors_total\{status="404"\} \d+$/m);
  });
});
