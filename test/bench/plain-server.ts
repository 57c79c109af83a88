// The baseline: a plain Hono JSON route on Bun.serve, answering a JSON-RPC-shaped request.
import { Hono } from "hono";
const app = new Hono();
app.post("/rpc", async (c) => {
  const body = (await c.req.json()) as { id: number };
  return c.json({ jsonrpc: "2.0", id: body.id, result: { content: [{ type: "text", text: '{\n  "id": 7,\n  "status": "open"\n}' }], isError: false } });
});
const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
console.error(`plain route at http://127.0.0.1:${server.port}`);
