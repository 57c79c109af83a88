// `bun run bench`: episode create/close latency, tools/call throughput over MCP against a plain
// Hono route in the same run, RSS per open episode at 1,000 episodes, verify latency, and the
// reference's design (a Python process per episode) at 100 and 1,000 episodes. Prints JSON.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnServer, type Spawned } from "../e2e/spawn.ts";
import { writeBenchEnv } from "./bench-env.ts";
import { awmEpisodes, pythonCapacity, pythonEpisodes } from "./process-baseline.ts";

const ROOT = resolve(import.meta.dir, "../..");
const BUN = process.execPath;
const say = (line: string) => process.stderr.write(`bench: ${line}\n`);
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!);
  return { p50_ms: at(0.5), p99_ms: at(0.99), n: s.length };
}

function rssBytes(pid: number): number {
  const status = require("node:fs").readFileSync(`/proc/${pid}/status`, "utf8") as string;
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

async function load(targets: { url: string; body: string }[], concurrency: number, durationMs: number) {
  const p = Bun.spawn([BUN, join(import.meta.dir, "load.ts"), JSON.stringify({ targets, concurrency, durationMs })], { stdout: "pipe", stderr: "inherit" });
  const out = await new Response(p.stdout).text();
  await p.exited;
  return JSON.parse(out) as { requests: number; errors: number; rps: number };
}

const work = mkdtempSync(join(tmpdir(), "awm-bench-"));
const dataParent = join(existsShm() ? "/dev/shm" : tmpdir(), `awm-bench-data-${process.pid}`);
let awm: Spawned | undefined;
let plain: Spawned | undefined;
try {
  writeBenchEnv(work);
  say("starting servers");
  const startAt = performance.now();
  awm = await spawnServer([BUN, join(ROOT, "src/cli/main.ts"), "serve", "--port", "0", "--no-shipped", "--envs", work, "--max-episodes", "20000", "--max-calls-per-episode", "1000000000", "--ttl", "3600", "--data-dir", dataParent], { cwd: ROOT });
  const serverStartMs = performance.now() - startAt;
  plain = await spawnServer([BUN, join(import.meta.dir, "plain-server.ts")]);
  const base = awm.url;
  const post = (path: string, body: unknown) => fetch(base + path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }).then((r) => r.json() as Promise<any>);
  const envInfo = await (await fetch(`${base}/v1/envs/bench`)).json();
  const templatePath = join(dataParent, readdirSync(dataParent)[0]!, "templates", "bench.db");
  const templateBytes = statSync(templatePath).size;

  say("episode create and close latency (HTTP, one client, 2000 each)");
  const createMs: number[] = [];
  const closeMs: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const [ep, ms] = await timed(() => post("/v1/episodes", { env: "bench", tools: "none" }));
    createMs.push(ms);
    ids.push(ep.id);
  }
  for (const id of ids) closeMs.push((await timed(() => fetch(`${base}/v1/episodes/${id}`, { method: "DELETE" }).then((r) => r.text())))[1]);

  say("first write (the clone) and later calls");
  const firstWriteMs: number[] = [];
  const laterCallMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const ep = await post("/v1/episodes", { env: "bench", tools: "none" });
    firstWriteMs.push((await timed(() => post(`/v1/episodes/${ep.id}/call`, { name: "close_item", arguments: { table: 3, id: 7 } })))[1]);
    laterCallMs.push((await timed(() => post(`/v1/episodes/${ep.id}/call`, { name: "close_item", arguments: { table: 4, id: 7 } })))[1]);
    await fetch(`${base}/v1/episodes/${ep.id}`, { method: "DELETE" });
  }

  say("tools/call throughput: MCP vs plain Hono route, 64 connections, 2 rounds of 4 s each");
  const eps = (await post("/v1/episodes/batch", { episodes: Array.from({ length: 64 }, () => ({ env: "bench" })), tools: "none" })).episodes as { mcp_url: string }[];
  const mcpTargets = eps.map((e, i) => ({ url: e.mcp_url, body: JSON.stringify({ jsonrpc: "2.0", id: i, method: "tools/call", params: { name: "get_item", arguments: { table: i % 20, id: (i % 40) + 1 } } }) }));
  const plainTargets = [{ url: `${plain.url}/rpc`, body: mcpTargets[0]!.body }];
  const rounds: { plain_rps: number; mcp_rps: number; mcp_errors: number }[] = [];
  for (let r = 0; r < 2; r++) {
    const p = await load(plainTargets, 64, 4000);
    const m = await load(mcpTargets, 64, 4000);
    rounds.push({ plain_rps: p.rps, mcp_rps: m.rps, mcp_errors: m.errors });
  }
  const plainRps = rounds.reduce((n, r) => n + r.plain_rps, 0) / rounds.length;
  const mcpRps = rounds.reduce((n, r) => n + r.mcp_rps, 0) / rounds.length;
  for (const e of eps) await fetch(`${e.mcp_url.replace(/\/mcp$/, "")}`, { method: "DELETE" });

  say("memory: 1000 open episodes, untouched then written");
  await Bun.sleep(500);
  const rss0 = rssBytes(awm.proc.pid);
  const many = (await post("/v1/episodes/batch", { episodes: Array.from({ length: 1000 }, () => ({ env: "bench" })), tools: "none" })).episodes as { id: string }[];
  await Bun.sleep(300);
  const rss1 = rssBytes(awm.proc.pid);
  for (const e of many) await post(`/v1/episodes/${e.id}/call`, { name: "close_item", arguments: { table: 3, id: 7 } });
  await Bun.sleep(300);
  const rss2 = rssBytes(awm.proc.pid);
  const episodeFiles = folderBytes(join(dataParent, readdirSync(dataParent)[0]!, "episodes"));

  say("verify latency (200 written episodes)");
  const verifyMs: number[] = [];
  for (const e of many.slice(0, 200)) {
    const [v, ms] = await timed(() => post(`/v1/episodes/${e.id}/verify`, {}));
    if (v.verdict !== "complete") throw new Error(`bench verifier said ${v.verdict}`);
    verifyMs.push(ms);
  }

  say("vs one Python process per episode, at 100 and 1000 live episodes");
  const scratch = mkdtempSync(join(existsShm() ? "/dev/shm" : tmpdir(), "awm-bench-py-"));
  const comparison: Record<string, unknown> = {};
  let pythonMb = 15;
  for (const n of [100, 1000]) {
    const read = await awmEpisodes(n, base, awm.proc.pid, "read");
    const write = await awmEpisodes(n, base, awm.proc.pid, "write");
    const cap = pythonCapacity(pythonMb);
    const python = n <= cap ? await pythonEpisodes(n, templatePath, scratch) : null;
    if (python) pythonMb = python.pss_per_episode_mb;
    const dbMb = templateBytes / 1e6;
    comparison[`episodes_${n}`] = {
      awm_first_call_read: { ...read, memory_per_episode_mb: read.rss_per_episode_mb },
      awm_first_call_write: { ...write, memory_per_episode_mb: round(write.rss_per_episode_mb + dbMb) },
      python_process_per_episode: python ? { ...python, memory_per_episode_mb: round(python.pss_per_episode_mb + dbMb) } : { skipped: `this machine holds about ${cap} such processes` },
      ...(python
        ? {
            ready_latency_ratio_python_over_awm: round(python.ready_ms.p50 / write.ready_ms.p50, 1),
            memory_ratio_python_over_awm: round((python.pss_per_episode_mb + dbMb) / (write.rss_per_episode_mb + dbMb), 1),
          }
        : {}),
    };
  }
  rmSync(scratch, { recursive: true, force: true });

  const result = {
    machine: { cpus: navigator.hardwareConcurrency, bun: Bun.version },
    env: { name: "bench", tables: envInfo.tables, rows: envInfo.rows, template_bytes: templateBytes },
    server_start_ms: Math.round(serverStartMs),
    episode_create_http: percentiles(createMs),
    episode_close_http: percentiles(closeMs),
    first_write_call_http: percentiles(firstWriteMs),
    later_call_http: percentiles(laterCallMs),
    tools_call_throughput: {
      connections: 64,
      rounds,
      mcp_rps: Math.round(mcpRps),
      plain_hono_rps: Math.round(plainRps),
      ratio: round(mcpRps / plainRps),
    },
    memory_1000_episodes: {
      rss_per_untouched_episode_kb: round((rss1 - rss0) / 1000 / 1024, 1),
      rss_per_written_episode_kb: round((rss2 - rss0) / 1000 / 1024, 1),
      tmpfs_per_written_episode_kb: round(episodeFiles / 1000 / 1024, 1),
    },
    verify_http: percentiles(verifyMs),
    vs_process_per_episode: comparison,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await plain?.stop();
  await awm?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(dataParent, { recursive: true, force: true });
}

function existsShm(): boolean {
  try {
    return statSync("/dev/shm").isDirectory();
  } catch {
    return false;
  }
}
