import { createRuntime, type Runtime, type RuntimeOptions } from "../runtime/runtime.ts";
import { createApp } from "./app.ts";

/** Everything `awm serve` can be told; the CLI resolves flags into this once. */
export interface ServerOptions extends RuntimeOptions {
  port: number;
  host: string;
  /** Base of the `mcp_url`s handed out; default: the origin each request came to. */
  publicUrl?: string;
  maxBodyBytes?: number;
  /** Serve one env with one implicit episode at /mcp (the reference's `env start`). */
  implicit?: { env: string; task?: number };
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  runtime: Runtime;
  implicitEpisode?: string;
  /** Stops accepting, closes every episode, stops workers, deletes the data folder. */
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Loads envs, starts workers and the HTTP server. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const log = o.log ?? ((line: string) => console.error(line));
  const runtime = await createRuntime({ ...o, log });
  const { registry, manager, metrics, pool } = runtime;
  let server: ReturnType<typeof Bun.serve>;
  let implicitEpisode: string | undefined;
  try {
    implicitEpisode = o.implicit ? manager.create({ env: o.implicit.env, task: o.implicit.task, ttlS: 1e12 }).id : undefined;
    const app = createApp({ registry, manager, metrics, pool, publicUrl: o.publicUrl, implicitEpisode, log });
    server = Bun.serve({ port: o.port, hostname: o.host, fetch: app.fetch, maxRequestBodySize: o.maxBodyBytes ?? MAX_BODY_BYTES });
  } catch (err) {
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
    stop: () =>
      (stopping ??= (async () => {
        await server.stop(true);
        runtime.close();
      })()),
  };
}
