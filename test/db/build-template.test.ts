import { afterAll, expect, test } from "bun:test";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildTemplate } from "../../src/db/build-template.ts";
import { createDataDir, removeDataDir } from "../../src/db/data-dir.ts";

const dir = createDataDir();
afterAll(() => removeDataDir(dir));

test("builds a read-only template and counts its tables and rows", async () => {
  const path = join(dir.templates, "ok.db");
  const stats = await buildTemplate(path, "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));", "INSERT INTO a VALUES (1), (2);\nINSERT INTO b VALUES (1, 2);");
  expect(stats).toMatchObject({ tables: 2, rows: 3 });
  expect(stats.bytes).toBeGreaterThan(0);
  expect(statSync(path).mode & 0o222).toBe(0);
});

test("names the file and line of a failing schema statement", async () => {
  const path = join(dir.templates, "bad-schema.db");
  const err = buildTemplate(path, "CREATE TABLE a (id INTEGER PRIMARY KEY);\n\nCREATE TABLE b (id INTEGER PRIMARY KEY,", "");
  await expect(err).rejects.toThrow(/^schema\.sql line 3: .*incomplete input/);
  expect(existsSync(path)).toBe(false);
});

test("enforces foreign keys in the seed and names the line", async () => {
  const err = buildTemplate(join(dir.templates, "bad-seed.db"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));", "INSERT INTO a VALUES (1);\nINSERT INTO b VALUES (1, 7);");
  await expect(err).rejects.toThrow("seed.sql line 2: FOREIGN KEY constraint failed");
});

test("a statement ending in a comment, and a failure deep in a long seed, are handled like any other", async () => {
  // Each statement ends in a comment, its semicolon on the next line.
  const rows = Array.from({ length: 250 }, (_, i) => `INSERT INTO a VALUES (${i + 1}) -- row ${i + 1}\n;`);
  expect(await buildTemplate(join(dir.templates, "comments.db"), "CREATE TABLE a (id INTEGER PRIMARY KEY) -- the only table", rows.join("\n"))).toMatchObject({ tables: 1, rows: 250 });
  rows[230] = "INSERT INTO a VALUES (1);";
  await expect(buildTemplate(join(dir.templates, "dup.db"), "CREATE TABLE a (id INTEGER PRIMARY KEY);", rows.join("\n"))).rejects.toThrow("seed.sql line 461: UNIQUE constraint failed: a.id");
});

test("building many templates does not keep memory", async () => {
  const schema = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, notes TEXT NOT NULL);";
  const seed = Array.from({ length: 800 }, (_, i) => `INSERT INTO t VALUES (${i + 1}, 'item ${i}', '${"lorem ipsum ".repeat(8)}')`).join(";\n");
  await buildTemplate(join(dir.templates, "warm.db"), schema, seed);
  Bun.gc(true);
  const before = process.memoryUsage.rss();
  for (let i = 0; i < 40; i++) await buildTemplate(join(dir.templates, `many-${i}.db`), schema, seed);
  Bun.gc(true);
  // A statement prepared per row kept about 5 MB per template: 200 MB for these 40.
  expect((process.memoryUsage.rss() - before) / 1048576).toBeLessThan(60);
});
