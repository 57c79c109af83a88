import { Hono } from "hono";
import { toOpenAiTools } from "../../mcp/tool-formats.ts";
import type { Env } from "../../runtime/registry.ts";
import type { AppDeps } from "../app.ts";

/** One line of the env list. */
export function envSummary(env: Env) {
  return {
    name: env.name,
    description: env.description,
    version: env.version,
    tools: env.tools.length,
    tasks: env.tasks.length,
    tables: env.stats.tables,
    rows: env.stats.rows,
  };
}

/** Everything a client needs to run an env: tools in both formats, and the tasks. */
export function envDetail(env: Env) {
  return {
    ...envSummary(env),
    now: env.now,
    user_id: env.userId,
    tools: env.tools,
    openai_tools: toOpenAiTools(env.tools),
    tasks: env.tasks.map((t, id) => ({ ...t, id })),
  };
}

/** GET /v1/envs and GET /v1/envs/:env */
export function envRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/", (c) =>
    c.json({
      envs: deps.registry.list().map(envSummary),
      broken: deps.registry.broken.map((b) => ({ name: b.name, reason: b.reason })),
    }),
  );
  app.get("/:env", (c) => c.json(envDetail(deps.registry.get(c.req.param("env")))));
  app.get("/:env/db", (c) => {
    const env = deps.registry.get(c.req.param("env"));
    // Streamed from the file: rollouts that save run folders fetch this once per sample.
    return new Response(Bun.file(env.templatePath), { headers: { "content-type": "application/vnd.sqlite3", "content-disposition": `attachment; filename="${env.name}.db"` } });
  });
  return app;
}
