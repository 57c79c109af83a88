import { afterEach, expect, test } from "bun:test";
import { join } from "node:path";
import { setWorkerUrl, WorkerHandle } from "../../src/runtime/worker-handle.ts";
import { WorkerPool } from "../../src/runtime/worker-pool.ts";
import type { Env } from "../../src/runtime/registry.ts";
import { ROOT } from "../helpers.ts";

const realWorker = new URL(`file://${join(ROOT, "src/runtime/worker.ts")}`).href;
afterEach(() => setWorkerUrl(realWorker));

test("a worker that cannot start is retried a few times, then its slot stays down with the reason", async () => {
  setWorkerUrl(new URL(`file://${join(ROOT, "test/fixtures/no-such-worker.ts")}`).href);
  const replaced: string[] = [];
  const handle = new WorkerHandle(0, [], (_h, _eps, reason) => replaced.push(reason));
  for (let i = 0; i < 50 && !handle.down; i++) await Bun.sleep(20);
  expect(handle.down).toContain("keeps crashing at start");
  expect(replaced).toHaveLength(3);
  await expect(handle.request({ t: "diff", ep: "ep_x" }, 1000)).rejects.toThrow("keeps crashing at start");
  handle.terminate();
});

test("with every worker down, assigning an episode is a 503 that says why", async () => {
  setWorkerUrl(new URL(`file://${join(ROOT, "test/fixtures/no-such-worker.ts")}`).href);
  const pool = new WorkerPool({ size: 1, backend: "lazy-copy", onEpisodesLost: () => {} });
  for (let i = 0; i < 50 && !pool.handles[0]!.down; i++) await Bun.sleep(20);
  expect(() => pool.assign({ name: "notes" } as Env)).toThrow(/no tool worker is running/);
  pool.terminate();
});

test("replacing a worker that was ready (a runaway call, the operator) never takes its slot down", async () => {
  const replaced: string[] = [];
  const handle = new WorkerHandle(0, [], (_h, _eps, reason) => replaced.push(reason));
  for (let round = 0; round < 4; round++) {
    // The diff of an unknown episode is answered (with an error) only once the worker is up.
    expect(await handle.request({ t: "diff", ep: "ep_x" }, 5000)).toMatchObject({ ok: false });
    handle.replace(`runaway ${round}`);
  }
  expect(replaced).toHaveLength(4);
  expect(handle.down).toBeNull();
  expect(await handle.request({ t: "diff", ep: "ep_x" }, 5000)).toMatchObject({ ok: false });
  handle.terminate();
});
