import { Hono } from "hono";
import type { AppDeps } from "../app.ts";

/** GET /healthz and GET /metrics. */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", (c) =>
    c.json({
      ok: true,
      envs: deps.registry.size,
      broken_envs: deps.registry.broken.length,
      episodes: deps.manager.size,
      workers: deps.pool.handles.length,
      uptime_s: Math.round((Date.now() - deps.metrics.startedAt) / 1000),
    }),
  );
  app.get("/metrics", (c) => {
    const live = deps.manager.list();
    const limits = deps.manager.limits;
    const lost = live.filter((e) => e.lost).length;
    const text = deps.metrics.render({
      awm_episodes_live: { help: "Episodes open now (lost ones excluded).", value: live.length - lost },
      awm_episodes_lost: { help: "Lost episodes not yet closed.", value: lost },
      awm_envs: { help: "Envs served.", value: deps.registry.size },
      awm_envs_broken: { help: "Envs that failed to load.", value: deps.registry.broken.length },
      awm_workers: { help: "Tool workers.", value: deps.pool.handles.length },
      awm_worker_replacements_total: { help: "Workers replaced after a time limit or crash.", value: deps.pool.replacements, type: "counter" },
      awm_calls_in_flight: { help: "Worker requests in flight.", value: deps.pool.handles.reduce((n, h) => n + h.inFlight, 0) },
      awm_resident_memory_bytes: { help: "Resident set size of the server process.", value: process.memoryUsage.rss() },
      awm_worker_memory_kills_total: { help: "Workers replaced because memory passed its limit during a call.", value: deps.pool.memoryKills, type: "counter" },
      awm_limit_max_episodes: { help: "Live episodes before create answers 429.", value: limits.maxEpisodes },
      awm_limit_max_calls_per_episode: { help: "Tool calls one episode may make.", value: limits.maxCallsPerEpisode },
      awm_limit_episode_ttl_seconds: { help: "Idle time after which an episode is closed.", value: limits.ttlMs / 1000 },
      awm_limit_call_timeout_seconds: { help: "Time limit of one tool call or verification.", value: limits.callTimeoutMs / 1000 },
      awm_limit_max_body_bytes: { help: "Largest request body.", value: deps.maxBodyBytes },
      awm_limit_memory_bytes: { help: "Resident memory above which a worker stuck in a call is replaced.", value: deps.pool.memoryLimitBytes },
    });
    return c.text(text, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });
  return app;
}
