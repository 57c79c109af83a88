// Faults inside the server: each hits only the call or episode that caused it; the rest keep working; nothing leaks.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EpisodeLostError } from "../../src/errors.ts";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { FIXTURES } from "../helpers.ts";

let rt: Runtime;
const dataParent = mkdtempSync(join(tmpdir(), "awm-faults-"));
beforeAll(async () => {
  // A memory limit a few hundred MB above what the server uses now, so a runaway trips it fast.
  const limitMb = Math.round(process.memoryUsage.rss() / 1048576) + 400;
  rt = await createRuntime({ envDirs: [join(FIXTURES, "hazards"), join(FIXTURES, "envs")], workers: 2, callTimeoutMs: 10_000, memoryLimitMb: limitMb, dataDir: dataParent, log: () => {} });
});
afterAll(() => {
  rt.close();
  rmSync(dataParent, { recursive: true, force: true });
});

/** An episode of `env` on the worker other than `ep`'s. */
function elsewhere(ep: { worker: unknown }, env = "notes") {
  for (let i = 0; i < 4; i++) {
    const other = rt.manager.create({ env });
    if (other.worker !== ep.worker) return other;
    rt.manager.close(other.id);
  }
  throw new Error("no episode landed on the other worker");
}

/** An episode of `env` on the same worker as `ep`. */
function beside(ep: { worker: unknown }, env = "notes") {
  // Episodes go to the least loaded worker: keep the misses open until one lands beside `ep`.
  const misses = [];
  try {
    for (let i = 0; i < 4; i++) {
      const other = rt.manager.create({ env });
      if (other.worker === ep.worker) return other;
      misses.push(other);
    }
    throw new Error("no episode landed on the same worker");
  } finally {
    for (const m of misses) rt.manager.close(m.id);
  }
}

test("a tool that allocates without end is stopped by the memory limit; its memory comes back; others keep working", async () => {
  const runaway = rt.manager.create({ env: "hazards" });
  const bystander = elsewhere(runaway);
  await expect(rt.manager.call(runaway, "alloc_forever", {})).rejects.toBeInstanceOf(EpisodeLostError);
  expect(rt.pool.memoryKills).toBe(1);
  expect(() => rt.manager.get(runaway.id)).toThrow(/memory passed its limit/);
  expect(await rt.manager.call(bystander, "list_notes", {})).toMatchObject({ ok: true });
  await Bun.sleep(200);
  expect(process.memoryUsage.rss()).toBeLessThan(rt.pool.memoryLimitBytes);
  rt.manager.close(runaway.id);
  rt.manager.close(bystander.id);
}, 20_000);

test("a worker that dies in the middle of a call: that call and its worker's episodes are lost at once, clearly; the others are not", async () => {
  const victim = rt.manager.create({ env: "hazards" });
  const sameWorker = beside(victim);
  const bystander = elsewhere(victim, "hazards");
  // Writes give both lost episodes a database file of their own, which must not outlive them.
  expect(await rt.manager.call(victim, "create_note", { title: "mine" })).toMatchObject({ ok: true });
  expect(await rt.manager.call(sameWorker, "create_note", { title: "mine too" })).toMatchObject({ ok: true });
  // The call deadline is 10 s: a lost call that waited for it would say "ran past its time limit".
  await expect(rt.manager.call(victim, "exit_worker", {})).rejects.toThrow(/episode '.*' was lost: its worker exited \(code 7\)/);
  expect(() => rt.manager.get(sameWorker.id)).toThrow(/its worker exited/);
  expect(await rt.manager.call(bystander, "create_note", { title: "still here" })).toMatchObject({ ok: true });
  const fresh = rt.manager.create({ env: "hazards" });
  expect(await rt.manager.call(fresh, "busy", { ms: 1 })).toMatchObject({ ok: true });
  for (const e of [victim, sameWorker, bystander, fresh]) rt.manager.close(e.id);
});

test("a worker stopped by the operator fails its call with the operator's reason", async () => {
  const victim = rt.manager.create({ env: "hazards" });
  const call = rt.manager.call(victim, "busy", { ms: 2000 });
  await Bun.sleep(100);
  victim.worker.replace("killed by the operator");
  await expect(call).rejects.toThrow(/episode '.*' was lost: killed by the operator/);
  rt.manager.close(victim.id);
});

test("a verifier that throws gives verdict verifier_error and reward 0; the episode goes on", async () => {
  const ep = rt.manager.create({ env: "hazards", task: 1 });
  const out = await rt.manager.verify(ep);
  expect(out).toMatchObject({ verdict: "verifier_error", reward: 0, facts: { error: expect.stringContaining("no such table: no_such_table") } });
  expect(await rt.manager.call(ep, "create_note", { title: "after" })).toMatchObject({ ok: true });
  rt.manager.close(ep.id);
});

test("after all of it, no episode is left open, no episode file is left behind, and every worker is up", async () => {
  expect(rt.manager.size).toBe(0);
  const episodeFiles = () => readdirSync(dataParent, { recursive: true }).map(String).filter((f) => f.endsWith(".db") && f.includes("episodes"));
  // Closes reach the workers as messages: give them a moment.
  for (let i = 0; i < 50 && episodeFiles().length; i++) await Bun.sleep(20);
  expect(episodeFiles()).toEqual([]);
  expect(rt.pool.handles.every((h) => !h.down)).toBe(true);
});
