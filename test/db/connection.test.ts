import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { lazyCopyBackend } from "../../src/db/copy-on-write.ts";
import { openTemplate } from "../../src/db/template.ts";
import type { EpisodeDb, Template } from "../../src/db/types.ts";
import { notesTemplate } from "../helpers.ts";

let fx: Awaited<ReturnType<typeof notesTemplate>>;
let template: Template;
let db: EpisodeDb;

beforeAll(async () => {
  fx = await notesTemplate();
  template = openTemplate(fx.path);
  db = lazyCopyBackend.open(template, join(fx.dir.episodes, "c.db"));
});
afterAll(() => {
  db.close();
  template.close();
  fx.cleanup();
});

test("rows are plain objects with only the selected columns", () => {
  const row = db.get("SELECT id, title FROM notes WHERE id = 1")!;
  expect(Object.keys(row)).toEqual(["id", "title"]);
  expect(JSON.stringify(row)).toBe('{"id":1,"title":"Buy milk"}');
});

test("booleans bind as 1 and 0, undefined as NULL", () => {
  expect(db.get("SELECT ? AS t, ? AS f, ? AS u", true, false, undefined)).toEqual({ t: 1, f: 0, u: null });
});

test("a parameter the driver cannot bind is a clear error", () => {
  expect(() => db.get("SELECT ? AS x", { a: 1 } as never, 2)).toThrow("SQL parameter 1 is an object");
  expect(() => db.get("SELECT ? AS x", new Date() as never)).toThrow("SQL parameter 1 is a Date");
});

test("env code cannot attach files, change pragmas or control transactions", () => {
  expect(() => db.run("ATTACH DATABASE '/tmp/x.db' AS x")).toThrow("ATTACH statements are not allowed");
  expect(() => db.run("  /* sneaky */ pragma foreign_keys = OFF")).toThrow("PRAGMA statements are not allowed");
  expect(() => db.run("VACUUM INTO '/tmp/copy.db'")).toThrow("VACUUM");
  expect(() => db.run("COMMIT")).toThrow("use ctx.db.transaction()");
});

test("a statement that returns no rows used as a query runs and returns nothing", () => {
  db.beginCall();
  expect(db.all("UPDATE notes SET body = 'x' WHERE id = 2")).toEqual([]);
  expect(db.get("INSERT INTO notes (user_id, title, created_at) VALUES (1, 'r', 'now') RETURNING id")).toEqual({ id: 4 });
  db.endCall(true);
  expect(db.get("SELECT body FROM notes WHERE id = 2")).toEqual({ body: "x" });
});
