import { Hono } from "hono";
import { AwmError, TooManyEpisodesError } from "../errors.ts";
import type { EpisodeManager } from "../runtime/episodes.ts";
import type { Metrics } from "../runtime/metrics.ts";
import type { EnvRegistry } from "../runtime/registry.ts";
import type { WorkerPool } from "../runtime/worker-pool.ts";
import { envRoutes } from "./routes/envs.ts";
import { episodeRoutes } from "./routes/episodes.ts";
import { healthRoutes } from "./routes/health.ts";
import { accessLog, limitBody, requireToken } from "./middleware.ts";
import { mcpRoutes } from "./routes/mcp.ts";
import type { StatsHistory } from "./ui/history.ts";
import { uiRoutes } from "./ui/routes.ts";

/** What the routes need. */
export interface AppDeps {
  registry: EnvRegistry;
  manager: EpisodeManager;
  metrics: Metrics;
  pool: WorkerPool;
  /** Base of the `mcp_url`s handed out; default: the origin each request came to. */
  publicUrl?: string;
  /** The reference-compatible single-env mode: this episode also answers at /mcp. */
  implicitEpisode?: string;
  log: (line: string) => void;
  /** Require this bearer token on every route. */
  token?: string;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Write one line per request. */
  access?: Parameters<typeof accessLog>[0];
  /** The last minutes of numbers, for the dashboard's charts. */
  history?: StatsHistory;
}

/** The control API, the per-episode MCP endpoints, health and metrics. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  if (deps.access) app.use(accessLog(deps.access));
  if (deps.token) app.use(requireToken(deps.token, deps.metrics));
  app.route("/ui", uiRoutes(deps));
  app.use(limitBody(deps.maxBodyBytes, deps.metrics));
  app.route("/", healthRoutes(deps));
  app.route("/v1/envs", envRoutes(deps));
  app.route("/v1/episodes", mcpRoutes(deps));
  app.route("/v1/episodes", episodeRoutes(deps));
  if (deps.implicitEpisode) app.route("/mcp", mcpRoutes(deps, deps.implicitEpisode));

  app.notFound((c) => {
    deps.metrics.httpError(404);
    return c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404);
  });
  app.onError((err, c) => {
    if (err instanceof AwmError) {
      deps.metrics.httpError(err.status);
      if (err instanceof TooManyEpisodesError) c.header("Retry-After", String(err.retryAfterS));
      return c.json({ error: { code: err.code, message: err.message } }, err.status as 400);
    }
    deps.metrics.httpError(500);
    deps.log(`error: ${c.req.method} ${new URL(c.req.url).pathname}: ${err.stack ?? err.message}`);
    return c.json({ error: { code: "internal", message: "internal error; the server log has the details" } }, 500);
  });
  return app;
}
