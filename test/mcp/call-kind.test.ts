// A failed tools/call names its kind in _meta, so a client need not parse the message.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CALL_KIND_META } from "../../src/mcp/handler.ts";
import { testApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let client: Client;
beforeAll(async () => {
  t = await testApp();
  const id = (await t.json("POST", "/v1/episodes", { env: "notes", task: 0, tools: "none" })).data.id as string;
  client = new Client({ name: "call-kind", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://awm.test/v1/episodes/${id}/mcp`), { fetch: t.fetch }));
});
afterAll(async () => {
  await client.close();
  t.close();
});

test("each kind of failure is named under awm/kind; a success has no _meta", async () => {
  const kind = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args }))._meta?.[CALL_KIND_META];
  expect(await kind("no_such_tool", {})).toBe("unknown_tool");
  expect(await kind("get_note", { note_id: "x" })).toBe("invalid_args");
  expect(await kind("get_note", { note_id: 99 })).toBe("tool_error");
  expect(await kind("tag_note", { note_id: 1, tag: "boom" })).toBe("tool_exception");
  const ok = await client.callTool({ name: "list_notes", arguments: {} });
  expect([ok.isError, ok._meta]).toEqual([false, undefined]);
});
