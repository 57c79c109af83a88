import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { FIXTURES } from "../helpers.ts";

let rt: Runtime;
beforeAll(async () => {
  rt = await createRuntime({ envDirs: [join(FIXTURES, "envs")], workers: 2, maxEpisodes: 50, log: () => {} });
});
afterAll(() => rt.close());

describe("episodes", () => {
  test("two episodes of the same env never see each other's writes", async () => {
    const a = rt.manager.create({ env: "notes", task: 0 });
    const b = rt.manager.create({ env: "notes", task: 0 });
    expect(await rt.manager.call(a, "create_note", { title: "from a" })).toMatchObject({ ok: true });
    expect(await rt.manager.call(b, "create_note", { title: "from b" })).toMatchObject({ ok: true });
    const list = async (ep: typeof a) => {
      const out = await rt.manager.call(ep, "list_notes", {});
      return out.ok ? (JSON.parse(out.text) as { title: string }[]).map((n) => n.title) : [];
    };
    expect(await list(a)).toEqual(["Buy milk", "Call the bank", "from a"]);
    expect(await list(b)).toEqual(["Buy milk", "Call the bank", "from b"]);
    rt.manager.close(a.id);
    rt.manager.close(b.id);
  });

  test("the episode clock starts at the env's now and ticks a second per call", async () => {
    const ep = rt.manager.create({ env: "notes" });
    const first = await rt.manager.call(ep, "create_note", { title: "x" });
    const second = await rt.manager.call(ep, "create_note", { title: "y" });
    expect(first.ok && JSON.parse(first.text).created_at).toBe("2026-03-14 09:00:01");
    expect(second.ok && JSON.parse(second.text).created_at).toBe("2026-03-14 09:00:02");
    rt.manager.close(ep.id);
  });

  test("a seed picks the task deterministically; a task out of range is refused", () => {
    const a = rt.manager.create({ env: "notes", seed: 7 });
    const b = rt.manager.create({ env: "notes", seed: 7 });
    expect(a.task).toBe(7 % 3);
    expect(b.task).toBe(a.task);
    expect(() => rt.manager.create({ env: "notes", task: 3 })).toThrow("task 3 is out of range: env 'notes' has 3 tasks (0-2)");
    rt.manager.close(a.id);
    rt.manager.close(b.id);
  });

  test("a batch is created whole or not at all", () => {
    const before = rt.manager.size;
    expect(() => rt.manager.createMany([{ env: "notes" }, { env: "nope" }])).toThrow("episodes[1]: unknown env 'nope'");
    expect(rt.manager.size).toBe(before);
    const eps = rt.manager.createMany([{ env: "notes" }, { env: "notes", task: 1 }]);
    expect(eps.map((e) => e.task)[1]).toBe(1);
    for (const e of eps) rt.manager.close(e.id);
  });

  test("past the episode limit, create is refused and nothing else is disturbed", () => {
    const eps = rt.manager.createMany(Array.from({ length: 50 - rt.manager.size }, () => ({ env: "notes" })));
    expect(() => rt.manager.create({ env: "notes" })).toThrow(/limit of 50 live episodes/);
    for (const e of eps) rt.manager.close(e.id);
    rt.manager.close(rt.manager.create({ env: "notes" }).id);
  });

  test("an episode idle past its TTL is reaped", () => {
    const ep = rt.manager.create({ env: "notes", ttlS: 5 });
    expect(rt.manager.reap(Date.now() + 4000)).toBe(0);
    expect(rt.manager.reap(Date.now() + 6000)).toBe(1);
    expect(() => rt.manager.get(ep.id)).toThrow(/unknown episode/);
  });
});

describe("verification", () => {
  test("an untouched episode is not complete and earns 0", async () => {
    const ep = rt.manager.create({ env: "notes", task: 0 });
    expect(await rt.manager.verify(ep)).toMatchObject({ verdict: "others", reward: 0, diff: { inserted: 0, updated: 0, deleted: 0 } });
    rt.manager.close(ep.id);
  });

  test("a solved task is complete and earns 1, with its diff", async () => {
    const ep = rt.manager.create({ env: "notes", task: 1 });
    await rt.manager.call(ep, "complete_note", { note_id: 1 });
    const out = await rt.manager.verify(ep);
    expect(out).toMatchObject({ verdict: "complete", reward: 1, facts: { checks: { done: true, nothing_else_changed: true } } });
    expect(out.diff!.tables.notes!.updated).toEqual([{ key: { id: 1 }, before: { done: 0 }, after: { done: 1 } }]);
    rt.manager.close(ep.id);
  });

  test("partial progress is incomplete and earns the incomplete reward, overridable per request", async () => {
    const ep = rt.manager.create({ env: "notes", task: 1 });
    await rt.manager.call(ep, "complete_note", { note_id: 1 });
    await rt.manager.call(ep, "create_note", { title: "unasked for" }); // collateral change
    expect(await rt.manager.verify(ep)).toMatchObject({ verdict: "incomplete", reward: 0.1 });
    expect(await rt.manager.verify(ep, { rewards: { incomplete: 0.25 } })).toMatchObject({ reward: 0.25 });
    rt.manager.close(ep.id);
  });

  test("a question task reads the final answer", async () => {
    const ep = rt.manager.create({ env: "notes", task: 2 });
    expect((await rt.manager.verify(ep, { answer: "You have 3 open notes." })).verdict).toBe("others");
    expect((await rt.manager.verify(ep, { answer: "Just 1 is still open." })).verdict).toBe("complete");
    rt.manager.close(ep.id);
  });

  test("reports the counts a step-level format reward needs", async () => {
    const ep = rt.manager.create({ env: "notes", task: 0 });
    await rt.manager.call(ep, "no_such_tool", {});
    await rt.manager.call(ep, "get_note", { note_id: "one" });
    await rt.manager.call(ep, "get_note", { note_id: 99 });
    await rt.manager.call(ep, "list_notes", {});
    const out = await rt.manager.verify(ep);
    expect(out.counts).toEqual({ calls: 4, unknown_tool: 1, invalid_args: 1, tool_error: 1, tool_exception: 0 });
    rt.manager.close(ep.id);
  });
});
