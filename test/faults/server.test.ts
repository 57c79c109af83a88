// Faults seen from outside a server process: disconnecting clients, shutdown, access, logs.
import { expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { serveAwm } from "../e2e/spawn.ts";
import { FIXTURES, tempDir } from "../helpers.ts";

const work = tempDir("awm-server-faults-");
const serve = (...args: string[]) => serveAwm(["--workers", "1", "--no-shipped", "--envs", join(FIXTURES, "hazards"), ...args]);
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

test("a client that disconnects mid-request disturbs nothing; its episode and the server's file descriptors are fine", async () => {
  const s = await serve();
  try {
    const post = (path: string, body: unknown, signal?: AbortSignal) => fetch(s.url + path, { method: "POST", body: JSON.stringify(body), signal }).then((r) => r.json() as Promise<any>);
    const ep = await post("/v1/episodes", { env: "hazards", tools: "none" });
    await post(`/v1/episodes/${ep.id}/call`, { name: "busy", arguments: { ms: 1 } });
    const baseline = openFds(s.proc.pid);
    for (let i = 0; i < 10; i++) {
      const abort = new AbortController();
      const pending = post(`/v1/episodes/${ep.id}/call`, { name: "busy", arguments: { ms: 100 } }, abort.signal).catch((e) => e);
      await Bun.sleep(20);
      abort.abort();
      expect(await pending).toBeInstanceOf(Error);
    }
    expect(await post(`/v1/episodes/${ep.id}/call`, { name: "create_note", arguments: { title: "after" } })).toMatchObject({ ok: true });
    await Bun.sleep(300);
    expect(openFds(s.proc.pid)).toBeLessThanOrEqual(baseline + 2);
  } finally {
    await s.stop();
  }
});

test("SIGTERM lets a call in flight finish, keeps live episodes on request, and exits 0", async () => {
  const keep = join(work, "kept");
  const s = await serve("--keep-episodes", keep, "--shutdown-grace-s", "5");
  const post = (path: string, body: unknown) => fetch(s.url + path, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
  const ep = await post("/v1/episodes", { env: "hazards", tools: "none" });
  await post(`/v1/episodes/${ep.id}/call`, { name: "create_note", arguments: { title: "kept note" } });
  const inFlight = post(`/v1/episodes/${ep.id}/call`, { name: "busy", arguments: { ms: 800 } });
  await Bun.sleep(100);
  const code = await s.stop();
  expect(await inFlight).toMatchObject({ ok: true, result: { slept: 800 } });
  expect(code).toBe(0);
  expect(existsSync(join(keep, `${ep.id}.json`))).toBe(true);
  const db = new Database(join(keep, `${ep.id}.db`));
  expect(db.prepare("SELECT title FROM notes WHERE title = 'kept note'").raw().get([])).toEqual(["kept note"]);
  db.close();
});

// Which routes the token guards, and what a wrong one gets, is http/limits.test.ts's; this shows
// that the flag's value reaches the server: refused without it, served with it.
test("--token makes the server require that bearer token", async () => {
  const s = await serve("--token", "s3cret");
  try {
    const statuses = [(await fetch(`${s.url}/v1/envs`)).status, (await fetch(`${s.url}/v1/envs`, { headers: { authorization: "Bearer s3cret" } })).status];
    expect(statuses).toEqual([401, 200]);
  } finally {
    await s.stop();
  }
});

test("--log-format json --access-log writes one JSON line per request", async () => {
  const s = await serve("--log-format", "json", "--access-log");
  await fetch(`${s.url}/v1/envs`);
  await fetch(`${s.url}/v1/envs/nope`);
  await s.stop();
  const lines = s.stderr().trim().split("\n").map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ level: "info", msg: expect.stringContaining("serving 1 envs at http://") });
  expect(lines.filter((l) => l.msg === "request").map((l) => [l.method, l.path, l.status])).toEqual([
    ["GET", "/v1/envs", 200],
    ["GET", "/v1/envs/nope", 404],
  ]);
  expect(lines.every((l) => typeof l.ts === "string")).toBe(true);
});
