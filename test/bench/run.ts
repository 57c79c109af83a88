// `bun run bench [--quick]`: episode create/close latency, tools/call throughput over MCP
// against a plain Hono route in the same run, RSS per open episode, verify latency, the
// reference's design (a Python process per episode) at 100 and 1,000 episodes, and a server
// holding 1,000 envs (start time, memory, each env's first call). Prints JSON. --quick runs
// every step with small counts, to check that the bench works.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveAwm, spawnServer, type Spawned } from "../e2e/spawn.ts";
import { BUN } from "../helpers.ts";
import { writeBenchEnv } from "./bench-env.ts";
import { percentiles, round, rssBytes } from "./measure.ts";
import { awmEpisodes, pythonCapacity, pythonEpisodes } from "./process-baseline.ts";

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log("Usage: bun run bench [--quick]\n\nPrints the bench's JSON on stdout and its progress on stderr. --quick uses small counts (seconds, not minutes).");
  process.exit(0);
}
const quick = process.argv.includes("--quick");
const N = quick
  ? { creates: 100, firstWrites: 30, rounds: 1, roundMs: 1000, episodes: 100, verifies: 20, compare: [10], envs: 20 }
  : { creates: 2000, firstWrites: 300, rounds: 2, roundMs: 4000, episodes: 1000, verifies: 200, compare: [100, 1000], envs: 1000 };
const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

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
  awm = await serveAwm(["--no-shipped", "--envs", work, "--max-episodes", "20000", "--max-calls-per-episode", "1000000000", "--ttl", "3600", "--data-dir", dataParent]);
  const serverStartMs = performance.now() - startAt; // one env
  plain = await spawnServer([BUN, join(import.meta.dir, "plain-server.ts")]);
  const base = awm.url;
  const post = (path: string, body: unknown) => fetch(base + path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }).then((r) => r.json() as Promise<any>);
  const envInfo = await (await fetch(`${base}/v1/envs/bench`)).json();
  const templatePath = join(dataParent, readdirSync(dataParent)[0]!, "templates", "bench.db");
  const templateBytes = statSync(templatePath).size;

  say(`episode create and close latency (HTTP, one client, ${N.creates} each)`);
  const createMs: number[] = [];
  const closeMs: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < N.creates; i++) {
    const [ep, ms] = await timed(() => post("/v1/episodes", { env: "bench", tools: "none" }));
    createMs.push(ms);
    ids.push(ep.id);
  }
  for (const id of ids) closeMs.push((await timed(() => fetch(`${base}/v1/episodes/${id}`, { method: "DELETE" }).then((r) => r.text())))[1]);

  say("first write (the clone) and later calls");
  const firstWriteMs: number[] = [];
  const laterCallMs: number[] = [];
  for (let i = 0; i < N.firstWrites; i++) {
    const ep = await post("/v1/episodes", { env: "bench", tools: "none" });
    firstWriteMs.push((await timed(() => post(`/v1/episodes/${ep.id}/call`, { name: "close_item", arguments: { table: 3, id: 7 } })))[1]);
    laterCallMs.push((await timed(() => post(`/v1/episodes/${ep.id}/call`, { name: "close_item", arguments: { table: 4, id: 7 } })))[1]);
    await fetch(`${base}/v1/episodes/${ep.id}`, { method: "DELETE" });
  }

  say(`tools/call throughput: MCP vs plain Hono route, 64 connections, ${N.rounds} round(s) of ${N.roundMs / 1000} s each`);
  const eps = (await post("/v1/episodes/batch", { episodes: Array.from({ length: 64 }, () => ({ env: "bench" })), tools: "none" })).episodes as { mcp_url: string }[];
  const mcpTargets = eps.map((e, i) => ({ url: e.mcp_url, body: JSON.stringify({ jsonrpc: "2.0", id: i, method: "tools/call", params: { name: "get_item", arguments: { table: i % 20, id: (i % 40) + 1 } } }) }));
  const plainTargets = [{ url: `${plain.url}/rpc`, body: mcpTargets[0]!.body }];
  const rounds: { plain_rps: number; mcp_rps: number; mcp_errors: number }[] = [];
  for (let r = 0; r < N.rounds; r++) {
    const p = await load(plainTargets, 64, N.roundMs);
    const m = await load(mcpTargets, 64, N.roundMs);
    rounds.push({ plain_rps: p.rps, mcp_rps: m.rps, mcp_errors: m.errors });
  }
  const plainRps = rounds.reduce((n, r) => n + r.plain_rps, 0) / rounds.length;
  const mcpRps = rounds.reduce((n, r) => n + r.mcp_rps, 0) / rounds.length;
  for (const e of eps) await fetch(`${e.mcp_url.replace(/\/mcp$/, "")}`, { method: "DELETE" });

  say(`memory: ${N.episodes} open episodes, untouched then written`);
  await Bun.sleep(500);
  const rss0 = rssBytes(awm.proc.pid);
  const many = (await post("/v1/episodes/batch", { episodes: Array.from({ length: N.episodes }, () => ({ env: "bench" })), tools: "none" })).episodes as { id: string }[];
  await Bun.sleep(300);
  const rss1 = rssBytes(awm.proc.pid);
  for (const e of many) await post(`/v1/episodes/${e.id}/call`, { name: "close_item", arguments: { table: 3, id: 7 } });
  await Bun.sleep(300);
  const rss2 = rssBytes(awm.proc.pid);
  const episodeFiles = folderBytes(join(dataParent, readdirSync(dataParent)[0]!, "episodes"));

  say(`verify latency (${N.verifies} written episodes)`);
  const verifyMs: number[] = [];
  for (const e of many.slice(0, N.verifies)) {
    const [v, ms] = await timed(() => post(`/v1/episodes/${e.id}/verify`, {}));
    if (v.verdict !== "complete") throw new Error(`bench verifier said ${v.verdict}`);
    verifyMs.push(ms);
  }

  say(`vs one Python process per episode, at ${N.compare.join(" and ")} live episodes`);
  const scratch = mkdtempSync(join(existsShm() ? "/dev/shm" : tmpdir(), "awm-bench-py-"));
  const comparison: Record<string, unknown> = {};
  let pythonMb = 15;
  for (const n of N.compare) {
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
    server_start_one_env_ms: Math.round(serverStartMs),
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
    memory_open_episodes: {
      episodes: N.episodes,
      rss_per_untouched_episode_kb: round((rss1 - rss0) / N.episodes / 1024, 1),
      rss_per_written_episode_kb: round((rss2 - rss0) / N.episodes / 1024, 1),
      tmpfs_per_written_episode_kb: round(episodeFiles / N.episodes / 1024, 1),
    },
    verify_http: percentiles(verifyMs),
    vs_process_per_episode: comparison,
    many_envs: await manyEnvs(N.envs),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await plain?.stop();
  await awm?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(dataParent, { recursive: true, force: true });
}

/** A server holding `n` envs: time to start, memory, and each env's first episode and call (its code loads into a worker then). */
async function manyEnvs(n: number) {
  say(`a server holding ${n} envs`);
  const dir = mkdtempSync(join(tmpdir(), "awm-bench-envs-"));
  const data = join(existsShm() ? "/dev/shm" : tmpdir(), `awm-bench-envs-data-${process.pid}`);
  let server: Spawned | undefined;
  try {
    for (let i = 0; i < n; i++) writeBenchEnv(dir, `bench${i}`);
    const t = performance.now();
    server = await serveAwm(["--no-shipped", "--envs", dir, "--data-dir", data, "--max-episodes", String(n + 10)], { timeoutMs: 600_000 });
    const startMs = performance.now() - t;
    await Bun.sleep(300);
    const rssStart = rssBytes(server.proc.pid);
    const firstCallMs: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const [, ms] = await timed(async () => {
        const ep = (await (await fetch(`${server!.url}/v1/episodes`, { method: "POST", body: JSON.stringify({ env: `bench${i}`, tools: "none" }) })).json()) as { id: string };
        const out = (await (await fetch(`${server!.url}/v1/episodes/${ep.id}/call`, { method: "POST", body: JSON.stringify({ name: "get_item", arguments: { table: 1, id: 1 } }) })).json()) as { ok: boolean };
        if (!out.ok) throw new Error(`bench${i}: ${JSON.stringify(out)}`);
        ids.push(ep.id);
      });
      firstCallMs.push(ms);
    }
    await Bun.sleep(300);
    const rssUsed = rssBytes(server.proc.pid);
    for (const id of ids) await fetch(`${server.url}/v1/episodes/${id}`, { method: "DELETE" });
    return {
      envs: n,
      server_start_ms: Math.round(startMs),
      rss_after_start_mb: round(rssStart / 1048576, 1),
      first_episode_and_call_http: percentiles(firstCallMs),
      rss_with_every_env_in_use_mb: round(rssUsed / 1048576, 1),
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

function existsShm(): boolean {
  try {
    return statSync("/dev/shm").isDirectory();
  } catch {
    return false;
  }
}
