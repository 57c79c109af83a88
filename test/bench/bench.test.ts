// `bun run bench --quick` runs every step of the bench with small counts: the bench keeps working.
import { expect, test } from "bun:test";
import { join } from "node:path";
import { BUN, ROOT } from "../helpers.ts";

test("the quick bench runs every step and prints its JSON", async () => {
  const p = Bun.spawn([BUN, join(ROOT, "test/bench/run.ts"), "--quick"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  expect({ code, err: code ? err : "" }).toEqual({ code: 0, err: "" });
  const r = JSON.parse(out);
  expect(r.env).toMatchObject({ name: "bench", tables: 20, rows: 800 });
  for (const k of ["episode_create_http", "episode_close_http", "first_write_call_http", "later_call_http", "verify_http"]) expect(r[k].n).toBeGreaterThan(0);
  expect(r.tools_call_throughput.rounds[0].mcp_errors).toBe(0);
  expect(r.tools_call_throughput.ratio).toBeGreaterThan(0);
  expect(r.memory_open_episodes.episodes).toBe(100);
  expect(r.vs_process_per_episode.episodes_10.python_process_per_episode.episodes).toBe(10);
  expect(r.many_envs).toMatchObject({ envs: 20, first_episode_and_call_http: { n: 20 } });
  expect(r.many_envs.rss_with_every_env_in_use_mb).toBeGreaterThan(0);
}, 120_000);
