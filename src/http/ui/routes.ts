import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { SqlConnection } from "../../db/connection.ts";
import { AwmError } from "../../errors.ts";
import type { VerifyMode } from "../../runtime/verification.ts";
import type { AppDeps } from "../app.ts";
import { TOKEN_COOKIE, tokenMatches } from "../middleware.ts";
import { envPage, envsPage, episodePage, episodesPage, loginPage, overviewPage, type Flash } from "./pages.ts";
import { formArguments } from "./schema-form.ts";

/**
 * The dashboard at /ui: server-rendered pages over the same runtime as the API, with one
 * embedded style sheet and one small script (the overview's live numbers). Actions are
 * plain forms that post and redirect back; a call's or a verification's result is shown
 * once on the episode page.
 */
export function uiRoutes(deps: AppDeps): Hono {
  const history = deps.history;
  const app = new Hono();
  const flashes = new Map<string, Flash>();

  app.get("/login", (c) => (deps.token ? c.html(loginPage(false)) : c.redirect("/ui", 303)));
  app.post("/login", async (c) => {
    const token = String((await c.req.parseBody()).token ?? "");
    if (!deps.token || !tokenMatches(deps.token, token)) return c.html(loginPage(true), 401);
    setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
    return c.redirect("/ui", 303);
  });

  app.get("/", (c) => c.html(overviewPage({ envs: deps.registry.size, broken: deps.registry.broken.length, workers: deps.pool.handles.length, created: deps.metrics.episodesCreated })));

  app.get("/stats", (c) => {
    const now = history?.current();
    return c.json({
      now: { live: deps.manager.size, ...now, created: deps.metrics.episodesCreated, workers: deps.pool.handles.filter((h) => !h.down).length },
      series: history?.samples ?? [],
    });
  });

  app.get("/envs", (c) => c.html(envsPage(deps.registry.list(), deps.registry.broken)));

  app.get("/envs/:env", (c) => {
    const env = deps.registry.get(c.req.param("env"));
    const conn = SqlConnection.openTemplate(env.templatePath);
    try {
      const schema = conn.all<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").map((r) => r.sql);
      return c.html(envPage(env, schema));
    } finally {
      conn.close();
    }
  });

  app.get("/episodes", (c) => {
    const q = (c.req.query("q") ?? "").trim().toLowerCase();
    const all = deps.manager.list().sort((a, b) => b.createdAt - a.createdAt);
    const shown = q ? all.filter((e) => [e.id, e.env.name, e.lastVerdict ?? "", e.lost ? "lost" : "live"].some((f) => f.toLowerCase().includes(q))) : all;
    return c.html(episodesPage(shown, q));
  });

  app.post("/episodes", async (c) => {
    const form = await c.req.parseBody();
    const task = form.task === undefined || form.task === "" ? undefined : Number(form.task);
    const ep = deps.manager.create({ env: String(form.env ?? ""), task });
    return c.redirect(`/ui/episodes/${ep.id}`, 303);
  });

  app.get("/episodes/:id", async (c) => {
    const ep = deps.manager.peek(c.req.param("id"));
    const diff = ep.lost ? null : await deps.manager.diff(ep);
    const flash = flashes.get(ep.id);
    flashes.delete(ep.id);
    return c.html(episodePage(ep, diff, c.req.query("tool"), flash));
  });

  app.post("/episodes/:id/call", async (c) => {
    const ep = deps.manager.get(c.req.param("id"));
    const form = await c.req.parseBody();
    const tool = ep.env.tools.find((t) => t.name === form.tool);
    const args = tool ? formArguments(tool, form) : {};
    const out = await deps.manager.call(ep, String(form.tool ?? ""), args);
    // Shown as the agent sees it: the MCP result text, and whether it is an error.
    flashes.set(ep.id, { kind: "call", title: `${form.tool}(${JSON.stringify(args)}) ${out.ok ? "" : `failed (${out.kind})`}`, ok: out.ok, body: out.ok ? out.text : out.message });
    return c.redirect(`/ui/episodes/${ep.id}?tool=${encodeURIComponent(String(form.tool ?? ""))}#result`, 303);
  });

  app.post("/episodes/:id/verify", async (c) => {
    const ep = deps.manager.get(c.req.param("id"));
    const form = await c.req.parseBody();
    const mode = form.mode ? (String(form.mode) as VerifyMode) : undefined;
    try {
      const out = await deps.manager.verify(ep, { mode, answer: typeof form.answer === "string" && form.answer ? form.answer : undefined });
      flashes.set(ep.id, { kind: "verify", title: `verdict ${out.verdict}, reward ${out.reward}`, ok: out.verdict === "complete", body: { facts: out.facts, counts: out.counts } });
    } catch (err) {
      if (!(err instanceof AwmError) || err.status >= 500) throw err;
      flashes.set(ep.id, { kind: "verify", title: "verification refused", ok: false, body: err.message });
    }
    return c.redirect(`/ui/episodes/${ep.id}#result`, 303);
  });

  app.post("/episodes/:id/close", (c) => {
    deps.manager.close(c.req.param("id"));
    flashes.delete(c.req.param("id"));
    return c.redirect("/ui/episodes", 303);
  });

  return app;
}
