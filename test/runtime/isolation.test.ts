import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EpisodeLostError } from "../../src/errors.ts";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { FIXTURES } from "../helpers.ts";

let rt: Runtime;
const lostLog: string[] = [];
beforeAll(async () => {
  rt = await createRuntime({ envDirs: [join(FIXTURES, "hazards"), join(FIXTURES, "envs")], workers: 2, callTimeoutMs: 300, log: (l) => lostLog.push(l) });
});
afterAll(() => rt.close());

const call = (id: string, tool: string, args = {}) => rt.manager.call(rt.manager.get(id), tool, args);

test("a tool that throws is an error result; the episode goes on", async () => {
  const ep = rt.manager.create({ env: "hazards" });
  expect(await call(ep.id, "throw_type_error")).toMatchObject({ ok: false, kind: "tool_exception", message: expect.stringContaining("TypeError") });
  expect(await call(ep.id, "create_note", { title: "still works" })).toMatchObject({ ok: true });
  rt.manager.close(ep.id);
});

test("what a failing call wrote is rolled back", async () => {
  const ep = rt.manager.create({ env: "hazards" });
  expect(await call(ep.id, "write_then_throw")).toMatchObject({ ok: false, message: expect.stringContaining("failed after writing") });
  expect((await rt.manager.diff(ep)).inserted).toBe(0);
  rt.manager.close(ep.id);
});

test("env code gets its context only: no host globals, no other files", async () => {
  const ep = rt.manager.create({ env: "hazards" });
  const peek = await call(ep.id, "peek_globals");
  expect(peek.ok && JSON.parse(peek.text)).toEqual({ process: "undefined", Bun: "undefined", fetch: "undefined", require: "function", setTimeout: "undefined" });
  const escape = await call(ep.id, "escape_global");
  expect(escape.ok && escape.text).toBe("undefined");
  expect(await call(ep.id, "attach_file")).toMatchObject({ ok: false, message: expect.stringContaining("ATTACH statements are not allowed") });
  expect(existsSync("/tmp/awm-escape.db")).toBe(false);
  rt.manager.close(ep.id);
});

test("values the driver or JSON cannot take are errors, not crashes", async () => {
  const ep = rt.manager.create({ env: "hazards" });
  const b = await call(ep.id, "bind_boolean");
  expect(b.ok && JSON.parse(b.text)).toEqual({ yes: 1, no: 0 });
  expect(await call(ep.id, "not_json")).toMatchObject({ ok: false, message: expect.stringContaining("not JSON") });
  expect(await call(ep.id, "async_handler")).toMatchObject({ ok: false, message: expect.stringContaining("must be synchronous") });
  rt.manager.close(ep.id);
});

test("a call past its time limit loses only its worker's episodes; the others keep serving", async () => {
  const stuck = rt.manager.create({ env: "hazards" });
  const others = [rt.manager.create({ env: "notes" }), rt.manager.create({ env: "notes" }), rt.manager.create({ env: "notes" })];
  const sameWorker = others.filter((e) => e.worker === stuck.worker);
  const otherWorker = others.filter((e) => e.worker !== stuck.worker);
  expect(otherWorker.length).toBeGreaterThan(0);
  const replacements = rt.pool.replacements;
  const spinning = call(stuck.id, "spin");
  // While the worker spins, episodes on the other worker answer at once.
  for (const e of otherWorker) expect(await call(e.id, "list_notes")).toMatchObject({ ok: true });
  await expect(spinning).rejects.toBeInstanceOf(EpisodeLostError);
  expect(rt.pool.replacements).toBe(replacements + 1);
  expect(() => rt.manager.get(stuck.id)).toThrow(/was lost: a tool call or verifier ran past its time limit/);
  for (const e of sameWorker) expect(() => rt.manager.get(e.id)).toThrow(EpisodeLostError);
  for (const e of otherWorker) expect(await call(e.id, "list_notes")).toMatchObject({ ok: true });
  // The replacement worker serves new episodes.
  const fresh = rt.manager.create({ env: "hazards" });
  expect(await call(fresh.id, "create_note", { title: "after" })).toMatchObject({ ok: true });
  expect(lostLog.some((l) => l.includes("worker replaced"))).toBe(true);
  for (const e of [stuck, ...others, fresh]) rt.manager.close(e.id);
});
