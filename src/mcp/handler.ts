import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import type { InitializeResult, JSONRPCError } from "@modelcontextprotocol/sdk/types.js";
import { AwmError } from "../errors.ts";
import type { Episode } from "../runtime/episode.ts";
import type { EpisodeManager } from "../runtime/episodes.ts";
import { VERSION } from "../version.ts";
import { toolsListJson } from "./tool-formats.ts";

/** JSON-RPC error codes. */
export const RpcError = { ParseError: -32700, InvalidRequest: -32600, MethodNotFound: -32601, InvalidParams: -32602, Server: -32000 } as const;

/**
 * The `_meta` key of a failed tools/call result that names the failure's kind (unknown_tool,
 * invalid_args, tool_error, tool_exception): a client can sort failures without reading the text.
 */
export const CALL_KIND_META = "awm/kind";

/** An HTTP answer: status and JSON text (null for 202 Accepted). */
export interface McpHttpResponse {
  status: number;
  body: string | null;
}

type Id = string | number | null;

/**
 * The MCP Streamable HTTP endpoint of one episode, JSON responses only. A thin JSON-RPC
 * handler rather than an SDK Server per request (which runs at a fraction of a plain
 * route's throughput): it answers initialize, ping, tools/list and tools/call, accepts
 * notifications with 202, and keeps the three kinds of failure apart: a tool failure is
 * a result with isError, a protocol failure a JSON-RPC error, an episode failure an HTTP status.
 */
export async function handleMcpPost(text: string, ep: Episode, manager: EpisodeManager): Promise<McpHttpResponse> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (err) {
    return { status: 400, body: rpcError(null, RpcError.ParseError, `Parse error: ${(err as Error).message}`) };
  }
  try {
    if (!Array.isArray(payload)) {
      const out = await handleMessage(payload, ep, manager);
      return out === null ? { status: 202, body: null } : { status: 200, body: out };
    }
    if (payload.length === 0) return { status: 400, body: rpcError(null, RpcError.InvalidRequest, "Invalid Request: empty batch") };
    const outs: string[] = [];
    for (const m of payload) {
      const out = await handleMessage(m, ep, manager);
      if (out !== null) outs.push(out);
    }
    return outs.length ? { status: 200, body: `[${outs.join(",")}]` } : { status: 202, body: null };
  } catch (err) {
    if (err instanceof AwmError) return { status: err.status, body: rpcError(idOf(payload), RpcError.Server, err.message) };
    throw err;
  }
}

async function handleMessage(m: unknown, ep: Episode, manager: EpisodeManager): Promise<string | null> {
  if (typeof m !== "object" || m === null || (m as { jsonrpc?: unknown }).jsonrpc !== "2.0") {
    return rpcError(idOf(m), RpcError.InvalidRequest, 'Invalid Request: expected a JSON-RPC 2.0 object with "jsonrpc": "2.0"');
  }
  const msg = m as { id?: unknown; method?: unknown; params?: unknown };
  if (typeof msg.method !== "string") {
    // A response to a server request (we send none) or garbage.
    if ("result" in msg || "error" in msg) return null;
    return rpcError(idOf(m), RpcError.InvalidRequest, "Invalid Request: missing method");
  }
  if (!("id" in msg)) return null; // notification: initialized, cancelled, ...
  const id = msg.id;
  if (typeof id !== "string" && typeof id !== "number") return rpcError(null, RpcError.InvalidRequest, "Invalid Request: id must be a string or number");
  const params = (msg.params ?? {}) as Record<string, unknown>;
  if (typeof params !== "object" || params === null || Array.isArray(params)) return rpcError(id, RpcError.InvalidParams, "Invalid params: params must be an object");
  switch (msg.method) {
    case "initialize":
      return rpcResult(id, JSON.stringify(initializeResult(ep, params.protocolVersion)));
    case "ping":
      return rpcResult(id, "{}");
    case "tools/list":
      return rpcResult(id, toolsListJson(ep.env));
    case "tools/call": {
      if (typeof params.name !== "string") return rpcError(id, RpcError.InvalidParams, "Invalid params: tools/call needs a string 'name'");
      const out = await manager.call(ep, params.name, params.arguments);
      if (out.ok) return rpcResult(id, `{"content":[{"type":"text","text":${JSON.stringify(out.text)}}],"isError":false}`);
      return rpcResult(id, `{"content":[{"type":"text","text":${JSON.stringify(out.message)}}],"isError":true,"_meta":{"${CALL_KIND_META}":"${out.kind}"}}`);
    }
    default:
      return rpcError(id, RpcError.MethodNotFound, `Method not found: ${msg.method}`);
  }
}

function initializeResult(ep: Episode, requested: unknown): InitializeResult {
  const version = typeof requested === "string" && SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
  return {
    protocolVersion: version,
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: `awm/${ep.env.name}`, version: VERSION },
    instructions: ep.env.description,
  };
}

function rpcResult(id: Id, resultJson: string): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${resultJson}}`;
}

/** A JSON-RPC error response as text. */
export function rpcError(id: Id, code: number, message: string): string {
  const e: JSONRPCError = { jsonrpc: "2.0", id: id as string | number, error: { code, message } };
  return JSON.stringify(e);
}

function idOf(m: unknown): Id {
  const id = (m as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

