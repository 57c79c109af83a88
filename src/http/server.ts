import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRuntime, type Runtime, type RuntimeOptions } from "../runtime/runtime.ts";
import { createApp } from "./app.ts";
import { makeLogger, type LogFormat } from "./middleware.ts";
import { StatsHistory } from "./ui/history.ts";

/** Everything `awm serve` can be told; the CLI resolves flags into this once. */
export interface ServerOptions extends RuntimeOptions {
  port: number;
  host: string;
  /** Base of the `mcp_url`s handed out; default: the origin each request came to. */
  publicUrl?: string;
  maxBodyBytes?: number;
  /** Require `Authorization: Bearer TOKEN` on every route. */
  token?: string;
  logFormat?: LogFormat;
  /** One log line per request. */
  accessLog?: boolean;
  /** How long a shutdown waits for requests in flight. */
  shutdownGraceMs?: number;
  /** On shutdown, write every live episode's database (and a JSON of its state) here first. */
  keepEpisodesDir?: string;
  /** Serve one env with one implicit episode at /mcp (the reference's `env start`). */
  implicit?: { env: string; task?: number };
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  runtime: Runtime;
  implicitEpisode?: string;
  /** The server's log (as --log-format writes it). */
  log: (line: string) => void;
  /** Stops accepting, waits (bounded) for requests in flight, keeps episodes if asked, closes everything. */
  stop(): Promise<void>;
}

export const SERVER_DEFAULTS = { maxBodyBytes: 8 * 1024 * 1024, shutdownGraceMs: 10_000 } as const;

/** Loads envs, starts workers and the HTTP server. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const logger = makeLogger(o.logFormat ?? "text");
  const log = o.log ?? logger.log;
  const runtime = await createRuntime({ ...o, log });
  const { registry, manager, metrics, pool } = runtime;
  const maxBodyBytes = o.maxBodyBytes ?? SERVER_DEFAULTS.maxBodyBytes;
  let server: ReturnType<typeof Bun.serve>;
  let implicitEpisode: string | undefined;
  let history: StatsHistory | undefined;
  try {
    implicitEpisode = o.implicit ? manager.create({ env: o.implicit.env, task: o.implicit.task, ttlS: 1e12 }).id : undefined;
    history = new StatsHistory(metrics, () => manager.size);
    const app = createApp({ registry, manager, metrics, pool, publicUrl: o.publicUrl, implicitEpisode, log, token: o.token, maxBodyBytes, access: o.accessLog ? logger.access : undefined, history });
    // Bun's own cap stops bodies sent without a length; the app answers the rest with a message.
    server = Bun.serve({ port: o.port, hostname: o.host, fetch: app.fetch, maxRequestBodySize: maxBodyBytes + 1024 * 1024 });
  } catch (err) {
    history?.stop();
    runtime.close();
    throw err;
  }
  const url = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${server.port}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port: server.port!,
    runtime,
    implicitEpisode,
    log,
    stop: () =>
      (stopping ??= (async () => {
        const grace = o.shutdownGraceMs ?? SERVER_DEFAULTS.shutdownGraceMs;
        const drained = await Promise.race([server.stop(false).then(() => true), Bun.sleep(grace).then(() => false)]);
        if (!drained) {
          log(`awm: requests still running after ${grace} ms; closing them`);
          await server.stop(true);
        }
        if (o.keepEpisodesDir) await keepEpisodes(runtime, o.keepEpisodesDir, log);
        history?.stop();
        runtime.close();
      })()),
  };
}

/** Writes each live episode's database and state before the server exits. */
async function keepEpisodes(runtime: Runtime, dir: string, log: (line: string) => void): Promise<void> {
  mkdirSync(dir, { recursive: true });
  let kept = 0;
  for (const ep of runtime.manager.list()) {
    if (ep.lost) continue;
    try {
      writeFileSync(join(dir, `${ep.id}.db`), await runtime.manager.dump(ep));
      writeFileSync(join(dir, `${ep.id}.json`), JSON.stringify({ id: ep.id, env: ep.env.name, task: ep.task, created_at: new Date(ep.createdAt).toISOString(), counts: ep.counts, log: ep.log }, null, 2));
      kept++;
    } catch (err) {
      log(`awm: could not keep episode ${ep.id}: ${(err as Error).message}`);
    }
  }
  log(`awm: kept ${kept} episode(s) in ${dir}`);
}
