// Episode-ready latency and memory per live episode: awm against one Python process per episode.
import { existsSync, readFileSync } from "node:fs";
import { freemem } from "node:os";
import { join } from "node:path";
import { quantile, round, rssBytes } from "./measure.ts";

const pss = (pid: number): number => {
  const path = `/proc/${pid}/smaps_rollup`;
  if (!existsSync(path)) return rss(pid);
  return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(path, "utf8"))?.[1] ?? 0) * 1024;
};
const rss = rssBytes;
const p50 = (xs: number[]) => quantile(xs, 0.5);
const p99 = (xs: number[]) => quantile(xs, 0.99);
const ms = (x: number) => round(x, 2);

/** Starts `n` Python episode processes (8 at a time) and measures each one's time to its first answer, then their memory. */
export async function pythonEpisodes(n: number, template: string, scratch: string) {
  const procs: ReturnType<typeof Bun.spawn>[] = [];
  const ready: number[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < n) {
          next++;
          const t = performance.now();
          const p = Bun.spawn(["python3", join(import.meta.dir, "python-episode.py"), template, scratch], { stdout: "pipe", stderr: "ignore" });
          procs.push(p);
          const reader = p.stdout.getReader();
          const port = Number(new TextDecoder().decode((await reader.read()).value).trim());
          reader.releaseLock();
          const res = await fetch(`http://127.0.0.1:${port}/`);
          await res.json();
          ready.push(performance.now() - t);
        }
      }),
    );
    await Bun.sleep(300);
    const pssTotal = procs.reduce((s, p) => s + pss(p.pid), 0);
    const rssTotal = procs.reduce((s, p) => s + rss(p.pid), 0);
    return { episodes: n, ready_ms: { p50: ms(p50(ready)), p99: ms(p99(ready)) }, pss_per_episode_mb: ms(pssTotal / n / 1e6), rss_per_episode_mb: ms(rssTotal / n / 1e6) };
  } finally {
    for (const p of procs) p.kill();
    await Promise.all(procs.map((p) => p.exited));
  }
}

/** How many Python processes this machine can hold without crowding it: 60% of free memory at `mbEach` (measured PSS). */
export function pythonCapacity(mbEach: number): number {
  return Math.floor((freemem() * 0.6) / (mbEach * 1e6));
}

/** Opens `n` awm episodes, each answering its first call (a read, or a write that clones), and measures the same. */
export async function awmEpisodes(n: number, url: string, pid: number, first: "read" | "write") {
  const post = (p: string, b: unknown) => fetch(url + p, { method: "POST", body: JSON.stringify(b), headers: { "content-type": "application/json" } }).then((r) => r.json() as Promise<any>);
  await Bun.sleep(300);
  const before = rss(pid);
  const ids: string[] = [];
  const ready: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        next++;
        const t = performance.now();
        const ep = await post("/v1/episodes", { env: "bench", tools: "none" });
        const out = await post(`/v1/episodes/${ep.id}/call`, { name: first === "read" ? "get_item" : "close_item", arguments: { table: 3, id: 7 } });
        if (!out.ok) throw new Error(JSON.stringify(out));
        ready.push(performance.now() - t);
        ids.push(ep.id);
      }
    }),
  );
  await Bun.sleep(300);
  const perEpisode = (rss(pid) - before) / n;
  for (const id of ids) await fetch(`${url}/v1/episodes/${id}`, { method: "DELETE" }).then((r) => r.text());
  return { episodes: n, first_call: first, ready_ms: { p50: ms(p50(ready)), p99: ms(p99(ready)) }, rss_per_episode_mb: ms(Math.max(0, perEpisode) / 1e6) };
}
