import { Hono } from "hono";
import { AwmError } from "../../errors.ts";
import { handleMcpPost, rpcError, RpcError } from "../../mcp/handler.ts";
import type { AppDeps } from "../app.ts";

/**
 * POST /v1/episodes/:id/mcp (or POST /mcp for a fixed episode). GET and DELETE answer 405:
 * this server sends no server-initiated messages and keeps no MCP sessions.
 */
export function mcpRoutes(deps: AppDeps, fixedEpisode?: string): Hono {
  const app = new Hono();
  const path = fixedEpisode ? "/" : "/:id/mcp";
  app.post(path, async (c) => {
    const id = fixedEpisode ?? c.req.param("id")!;
    let ep;
    try {
      ep = deps.manager.get(id);
    } catch (err) {
      if (!(err instanceof AwmError)) throw err;
      deps.metrics.httpError(err.status);
      return c.body(rpcError(null, RpcError.Server, err.message), err.status as 404, { "content-type": "application/json" });
    }
    const out = await handleMcpPost(await c.req.text(), ep, deps.manager);
    if (out.status >= 400) deps.metrics.httpError(out.status);
    if (out.body === null) return c.body(null, 202);
    return c.body(out.body, out.status as 200, { "content-type": "application/json" });
  });
  app.on(["GET", "DELETE"], path, (c) => {
    return c.body(rpcError(null, RpcError.Server, "Method not allowed: this endpoint takes POST with JSON-RPC messages"), 405, {
      allow: "POST",
      "content-type": "application/json",
    });
  });
  return app;
}
