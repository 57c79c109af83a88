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
