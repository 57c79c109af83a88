import { afterAll, beforeAll, expect, test } from "bun:test";
import { toJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { SqlConnection } from "../../src/db/connection.ts";
import { Limit, Offset, page } from "../../src/envkit/index.ts";

// Seven rows, four of them in kind 'a': small enough to reason about every page by hand.
let db: SqlConnection;
const SELECT = "SELECT id, name FROM things WHERE kind = ? ORDER BY id";
const COUNT = "SELECT count(*) AS n FROM things WHERE kind = ?";

beforeAll(() => {
  db = SqlConnection.openEpisode(":memory:");
  db.run("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT)");
  for (let i = 1; i <= 7; i++) db.run("INSERT INTO things (id, name, kind) VALUES (?, ?, ?)", i, `t${i}`, i <= 4 ? "a" : null);
});
afterAll(() => db.close());

const ids = (items: unknown[]) => items.map((r) => (r as { id: number }).id);

test("a middle page has its rows, the total and the offset of the next page", () => {
  const p = page(db, SELECT, COUNT, ["a"], 2, 1);
  expect(ids(p.items)).toEqual([2, 3]);
  expect(p).toMatchObject({ total: 4, limit: 2, offset: 1, next_offset: 3 });
});

test("the last page, full or short, has no next offset", () => {
  expect(page(db, SELECT, COUNT, ["a"], 2, 2).next_offset).toBeNull();
  const short = page(db, SELECT, COUNT, ["a"], 3, 3);
  expect(ids(short.items)).toEqual([4]);
  expect(short.next_offset).toBeNull();
});

test("past the end is an empty page that still reports the total", () => {
  expect(page(db, SELECT, COUNT, ["a"], 20, 10)).toEqual({ items: [], total: 4, limit: 20, offset: 10, next_offset: null });
});

test("null binds as a parameter", () => {
  const p = page(db, "SELECT id FROM things WHERE kind IS ? ORDER BY id", "SELECT count(*) AS n FROM things WHERE kind IS ?", [null], 2, 0);
  expect(ids(p.items)).toEqual([5, 6]);
  expect(p.total).toBe(3);
  expect(p.next_offset).toBe(2);
});

test("map shapes each row and the paging is unchanged", () => {
  const p = page(db, SELECT, COUNT, ["a"], 3, 0, (r: { id: number; name: string }) => `${r.id}:${r.name.toUpperCase()}`);
  expect(p.items).toEqual(["1:T1", "2:T2", "3:T3"]);
  expect(p.next_offset).toBe(3);
});

test("limit and offset inputs keep the schema every list tool exposes", () => {
  const schema = toJsonSchema(v.object({ limit: Limit, offset: Offset }), { errorMode: "ignore" }) as { properties: unknown; required?: unknown };
  expect(schema.properties).toEqual({
    limit: { type: "integer", minimum: 1, maximum: 100, description: "Page size, 1-100 (default 20).", default: 20 },
    offset: { type: "integer", minimum: 0, description: "Number of results to skip, for paging (default 0).", default: 0 },
  });
  expect(schema.required ?? []).toEqual([]);
});
