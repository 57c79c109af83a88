// `bun run loadtest [--long]` (prints JSON): clients running episodes end to end against a server
// process on loopback (create, tools/list, 20 tool calls over MCP, verify, delete), then a
// soak of created-and-closed episodes. Reports throughput, latency, errors, RSS and file
// descriptors. The short mode runs in CI; --long is the full figure (512 clients, 100,000).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchEnv } from "../bench/bench-env.ts";
import { openFds, quantile, rssBytes } from "../bench/measure.ts";
import { serveAwm } from "../e2e/spawn.ts";


export interface LoadOptions {
  clients: number;
  seconds: number;
  soakEpisodes: number;
  callsPerEpisode: number;
  quiet?: boolean;
  /** Called with the server's pid before it stops (for debugging what it holds). */
  inspect?: (pid: number) => void;
}

export const SHORT: LoadOptions = { clients: 32, seconds: 4, soakEpisodes: 3000, callsPerEpisode: 20 };
export const LONG: LoadOptions = { clients: 512, seconds: 60, soakEpisodes: 100_000, callsPerEpisode: 20 };

const rss = rssBytes;
const fds = openFds;
const pct = quantile;

export async function loadtest(o: LoadOptions) {
  const say = (l: string) => o.quiet || process.stderr.write(`loadtest: ${l}\n`);
  const work = mkdtempSync(join(tmpdir(), "awm-load-"));
  writeBenchEnv(work);
  const server = await serveAwm(["--no-shipped", "--envs", work, "--max-episodes", "100000", "--ttl", "3600"]);
  const pid = server.proc.pid;
  try {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(server.url + path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      const data = (await res.json()) as any;
      if (!res.ok) throw new Error(`${path} ${res.status} ${JSON.stringify(data).slice(0, 200)}`);
      return data;
    };
    const del = (id: string) => fetch(`${server.url}/v1/episodes/${id}`, { method: "DELETE" }).then((r) => r.text());

    /** One episode end to end; returns the call latencies. */
    const episode = async (calls: number[]) => {
      const ep = await post("/v1/episodes", { env: "bench", task: 0, tools: "none" });
      const rpc = (id: number, method: string, params: unknown) => post(`/v1/episodes/${ep.id}/mcp`, { jsonrpc: "2.0", id, method, params });
      await rpc(0, "tools/list", {});
      for (let i = 1; i <= o.callsPerEpisode; i++) {
        const write = i % 10 === 0;
        const t = performance.now();
        const r = await rpc(i, "tools/call", { name: write ? "close_item" : "get_item", arguments: { table: i % 20, id: (i % 40) + 1 } });
        calls.push(performance.now() - t);
        if (r.result?.isError) throw new Error(`tool error: ${r.result.content[0].text}`);
      }
      const v = await post(`/v1/episodes/${ep.id}/verify`, {});
      if (typeof v.reward !== "number") throw new Error("verify gave no reward");
      await del(ep.id);
    };

    say("warm-up");
    for (let i = 0; i < 50; i++) await episode([]);
    const rssBefore = rss(pid);
    const fdsBefore = fds(pid);

    say(`${o.clients} clients for ${o.seconds} s`);
    const callMs: number[] = [];
    const episodeMs: number[] = [];
    const errors: string[] = [];
    const end = performance.now() + o.seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: o.clients }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await episode(callMs);
            episodeMs.push(performance.now() - t);
          } catch (err) {
            errors.push((err as Error).message);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await Bun.sleep(200);
    const load = {
      clients: o.clients,
      seconds: Number(elapsed.toFixed(2)),
      episodes: episodeMs.length,
      episodes_per_s: Math.round(episodeMs.length / elapsed),
      tool_calls: callMs.length,
      tool_calls_per_s: Math.round(callMs.length / elapsed),
      call_latency_ms: { p50: pct(callMs, 0.5), p99: pct(callMs, 0.99) },
      episode_latency_ms: { p50: pct(episodeMs, 0.5), p99: pct(episodeMs, 0.99) },
      errors: errors.length,
      first_errors: errors.slice(0, 3),
      rss_mb: { before: Math.round(rssBefore / 1e6), after: Math.round(rss(pid) / 1e6) },
      open_fds: { before: fdsBefore, after: fds(pid) },
    };

    say(`soak: ${o.soakEpisodes} episodes created, written to and closed`);
    // Half the soak settles the heaps; the second half shows whether memory or descriptors still grow.
    let soakErrors = 0;
    const soakStart = performance.now();
    const churn = async (n: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < n) {
            next++;
            try {
              const ep = await post("/v1/episodes", { env: "bench", tools: "none" });
              await post(`/v1/episodes/${ep.id}/call`, { name: "close_item", arguments: { table: 1, id: 1 } });
              await del(ep.id);
            } catch {
              soakErrors++;
            }
          }
        }),
      );
      await Bun.sleep(500);
    };
    await churn(Math.floor(o.soakEpisodes / 2));
    const baseRss = rss(pid);
    const baseFds = fds(pid);
    await churn(o.soakEpisodes - Math.floor(o.soakEpisodes / 2));
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { episodes: number };
    const soak = {
      episodes: o.soakEpisodes,
      seconds: Number(((performance.now() - soakStart) / 1000).toFixed(1)),
      errors: soakErrors,
      live_episodes_after: health.episodes,
      episode_files_left: readdirSync(join(dataDirOf(pid), "episodes")).length,
      rss_mb: { after_first_half: Math.round(baseRss / 1e6), after_second_half: Math.round(rss(pid) / 1e6) },
      open_fds: { after_first_half: baseFds, after_second_half: fds(pid) },
    };
    o.inspect?.(pid);
    return { load, soak };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The server's data folder, from its open template files. */
function dataDirOf(pid: number): string {
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = require("node:fs").readlinkSync(`/proc/${pid}/fd/${fd}`) as string;
      const m = /^(.*\/awm-[^/]+)\/templates\//.exec(target);
      if (m) return m[1]!;
    } catch {
      // fds come and go
    }
  }
  throw new Error("no data folder found");
}

if (import.meta.main) {
  const long = process.argv.includes("--long");
  const result = await loadtest(long ? LONG : SHORT);
  console.log(JSON.stringify({ mode: long ? "long" : "short", ...result }, null, 2));
}
