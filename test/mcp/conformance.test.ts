// MCP conformance: every route driven by the SDK's own Client over Streamable HTTP, plus raw JSON-RPC edge cases.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function connect(id: string): Promise<Client> {
  const client = new Client({ name: "conformance", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://awm.test/v1/episodes/${id}/mcp`), { fetch: t.fetch }));
  return client;
}
const episode = async (task = 0) => (await t.json("POST", "/v1/episodes", { env: "notes", task, tools: "none" })).data.id as string;
const rpc = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(`/v1/episodes/${id}/mcp`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
  });

describe("with the SDK client", () => {
  test("initialize negotiates the protocol and names the env", async () => {
    const client = await connect(await episode());
    expect(client.getServerVersion()).toMatchObject({ name: "awm/notes" });
    expect(client.getServerCapabilities()).toEqual({ tools: { listChanged: false } });
    expect(client.getInstructions()).toBe("A tiny notes app used by awm's own tests.");
    await client.close();
  });

  test("ping answers", async () => {
    const client = await connect(await episode());
    expect(await client.ping()).toEqual({});
    await client.close();
  });

  test("tools/list returns every tool with its JSON Schema", async () => {
    const client = await connect(await episode());
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name)).toEqual(["list_notes", "get_note", "create_note", "complete_note", "tag_note"]);
    expect(tools[1]!.inputSchema).toEqual({ type: "object", properties: { note_id: { type: "integer", description: "The note's id" } }, required: ["note_id"] });
    await client.close();
  });

  test("tools/call returns the result as JSON text", async () => {
    const client = await connect(await episode());
    const r = await client.callTool({ name: "get_note", arguments: { note_id: 1 } });
    expect(r.isError).toBe(false);
    const content = r.content as { type: string; text: string }[];
    expect(content).toHaveLength(1);
    expect(JSON.parse(content[0]!.text)).toMatchObject({ id: 1, title: "Buy milk" });
    expect(content[0]!.text).toContain('\n  "id": 1');
    await client.close();
  });

  test("a tool error, invalid arguments and an unknown tool are isError results the model can read", async () => {
    const client = await connect(await episode());
    const text = (r: Awaited<ReturnType<Client["callTool"]>>) => (r.content as { text: string }[])[0]!.text;
    const notFound = await client.callTool({ name: "get_note", arguments: { note_id: 99 } });
    expect([notFound.isError, text(notFound)]).toEqual([true, "note 99 not found"]);
    const invalid = await client.callTool({ name: "get_note", arguments: { note_id: "x" } });
    expect([invalid.isError, text(invalid)]).toEqual([true, 'Invalid arguments for get_note: note_id: Invalid type: Expected number but received "x"']);
    const missing = await client.callTool({ name: "create_note", arguments: {} });
    expect(text(missing)).toBe("Invalid arguments for create_note: title: missing (required)");
    const unknown = await client.callTool({ name: "delete_everything", arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toContain("Unknown tool 'delete_everything'");
    await client.close();
  });

  test("solving a task through MCP verifies complete", async () => {
    const id = await episode(1);
    const client = await connect(id);
    await client.callTool({ name: "complete_note", arguments: { note_id: 1 } });
    await client.close();
    expect((await t.json("POST", `/v1/episodes/${id}/verify`, {})).data).toMatchObject({ verdict: "complete", reward: 1 });
  });
});

describe("raw JSON-RPC", () => {
  test("malformed JSON is a parse error", async () => {
    const res = await rpc(await episode(), "{oops");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
  });

  test("a message that is not JSON-RPC 2.0 is an invalid request", async () => {
    const res = await rpc(await episode(), { id: 1, method: "ping" });
    expect(await res.json()).toMatchObject({ id: 1, error: { code: -32600 } });
  });

  test("an unknown method is method-not-found", async () => {
    const res = await rpc(await episode(), { jsonrpc: "2.0", id: 7, method: "resources/list" });
    expect(await res.json()).toMatchObject({ id: 7, error: { code: -32601, message: "Method not found: resources/list" } });
  });

  test("tools/call without a name is invalid params", async () => {
    const res = await rpc(await episode(), { jsonrpc: "2.0", id: 3, method: "tools/call", params: {} });
    expect(await res.json()).toMatchObject({ id: 3, error: { code: -32602 } });
  });

  test("notifications are accepted with 202 and no body", async () => {
    const res = await rpc(await episode(), { jsonrpc: "2.0", method: "notifications/initialized" });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
  });

  test("a batch answers each request in order, skipping notifications", async () => {
    const res = await rpc(await episode(), [
      { jsonrpc: "2.0", id: "a", method: "ping" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: "b", method: "tools/call", params: { name: "get_note", arguments: { note_id: 2 } } },
    ]);
    const body = (await res.json()) as { id: string }[];
    expect(body.map((m) => m.id)).toEqual(["a", "b"]);
  });

  test("initialize answers an unknown protocol version with the latest", async () => {
    const res = await rpc(await episode(), { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "1999-01-01", capabilities: {}, clientInfo: { name: "x", version: "1" } } });
    expect(((await res.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  test("GET and DELETE answer 405", async () => {
    const id = await episode();
    for (const method of ["GET", "DELETE"]) {
      const res = await t.app.request(`/v1/episodes/${id}/mcp`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    }
  });

  test("an unknown episode is a 404 with a JSON-RPC error body", async () => {
    const res = await rpc("ep_missing", { jsonrpc: "2.0", id: 1, method: "ping" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("unknown episode 'ep_missing'") } });
  });
});
