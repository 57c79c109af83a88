import { Hono, type Context } from "hono";
import { toOpenAiTools } from "../../mcp/tool-formats.ts";
import type { Episode } from "../../runtime/episode.ts";
import type { AppDeps } from "../app.ts";
import { readBody } from "../body.ts";
import { CallBody, CreateBatchBody, CreateEpisodeBody, VerifyBody } from "../schemas.ts";

/** The control API for episodes. */
export function episodeRoutes(deps: AppDeps): Hono {
  const { manager } = deps;
  const app = new Hono();

  const created = (c: Context, ep: Episode, tools: "mcp" | "openai" | "none") => ({
    id: ep.id,
    env: ep.env.name,
    task: ep.task === null ? null : { id: ep.task, prompt: ep.env.tasks[ep.task]!.prompt },
    mcp_url: `${deps.publicUrl ?? new URL(c.req.url).origin}/v1/episodes/${ep.id}/mcp`,
    ...(tools === "none" ? {} : { tools: tools === "mcp" ? ep.env.tools : toOpenAiTools(ep.env.tools) }),
  });

  app.post("/", async (c) => {
    const b = await readBody(c, CreateEpisodeBody);
    const ep = manager.create({ env: b.env, task: b.task, seed: b.seed, ttlS: b.ttl_s });
    return c.json(created(c, ep, b.tools), 201);
  });

  app.post("/batch", async (c) => {
    const b = await readBody(c, CreateBatchBody);
    const eps = manager.createMany(b.episodes.map((e) => ({ env: e.env, task: e.task, seed: e.seed, ttlS: e.ttl_s })));
    return c.json({ episodes: eps.map((ep) => created(c, ep, b.tools)) }, 201);
  });

  app.get("/", (c) => c.json({ episodes: manager.list().map(summary) }));

  app.get("/:id", (c) => c.json(summary(manager.peek(c.req.param("id")))));

  app.post("/:id/call", async (c) => {
    const ep = manager.get(c.req.param("id"));
    const b = await readBody(c, CallBody);
    const out = await manager.call(ep, b.name, b.arguments);
    if (!out.ok) return c.json({ ok: false, error: { kind: out.kind, message: out.message } });
    const result = out.json ? out.text : JSON.stringify(out.text);
    return c.body(`{"ok":true,"result":${result}}`, 200, { "content-type": "application/json" });
  });

  app.post("/:id/verify", async (c) => {
    const ep = manager.get(c.req.param("id"));
    const b = await readBody(c, VerifyBody);
    return c.json(await manager.verify(ep, { answer: b.answer, rewards: b.rewards, mode: b.mode, trajectory: b.trajectory }));
  });

  app.get("/:id/diff", async (c) => c.json(await manager.diff(manager.get(c.req.param("id")))));

  app.get("/:id/db", async (c) => {
    const ep = manager.get(c.req.param("id"));
    const bytes = await manager.dump(ep);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/vnd.sqlite3",
      "content-disposition": `attachment; filename="${ep.id}.db"`,
    });
  });

  app.delete("/:id", (c) => {
    const id = c.req.param("id");
    manager.close(id);
    return c.json({ id, closed: true });
  });

  return app;
}

/** An episode's state as GET /v1/episodes/:id reports it. */
export function summary(ep: Episode) {
  const now = Date.now();
  const { calls, ...errors } = ep.counts;
  return {
    id: ep.id,
    env: ep.env.name,
    task: ep.task,
    state: ep.lost ? "lost" : "live",
    ...(ep.lost ? { lost_reason: ep.lost } : {}),
    created_at: new Date(ep.createdAt).toISOString(),
    age_s: (now - ep.createdAt) / 1000,
    idle_s: (now - ep.lastActiveAt) / 1000,
    ttl_s: ep.ttlMs / 1000,
    calls,
    errors,
    last_verdict: ep.lastVerdict,
    worker: ep.worker.index,
  };
}
