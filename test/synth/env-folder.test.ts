import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildTemplate } from "../../src/db/build-template.ts";
import { readEnvFiles, writeEnvFolder } from "../../src/runtime/env-files.ts";
import { effectiveSql } from "../../src/synth/env-folder.ts";
import { tempDir } from "../helpers.ts";

const work = tempDir("awm-env-folder-");

const NOW = new Date("2026-03-14T09:00:00Z");
const db = { scenario: "X", db_path: "", db_schema: { tables: [{ name: "t", ddl: "CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT) -- rows", indexes: [] }] } };
const sample = (statements: string[]) => ({ scenario: "X", tables_count: 1, inserts_count: statements.length, task_checks: [], sample_data: { tables: [{ table_name: "t", reasoning: "", insert_statements: statements }] } });

test("statements that end in a -- comment are written so that the template still builds", async () => {
  const { schema, inserts } = await effectiveSql(db, sample(["INSERT INTO t VALUES (1, 'a') -- first", "INSERT INTO t VALUES (2, 'b');"]), NOW);
  expect(inserts).toHaveLength(2);
  const dir = join(work, "x");
  writeEnvFolder(dir, { meta: { name: "x", description: "d", now: NOW }, schema, inserts, tasks: ["t"] });
  const files = readEnvFiles(dir, { requireCode: false });
  expect(await buildTemplate(join(work, "x.db"), files.schemaSql, files.seedSql)).toMatchObject({ tables: 1, rows: 2 });
  expect(files.meta).toMatchObject({ name: "x", now: "2026-03-14T09:00:00Z" });
  expect(readFileSync(join(dir, "seed.sql"), "utf8")).toBe("INSERT INTO t VALUES (1, 'a') -- first\n;\nINSERT INTO t VALUES (2, 'b');\n");
});

test("every 'now' of a generated schema and sample is pinned to the env clock", async () => {
  const timed = { ...db, db_schema: { tables: [{ name: "t", ddl: "CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)", indexes: [] }] } };
  const { schema, inserts } = await effectiveSql(timed, sample(["INSERT INTO t (id) VALUES (1)", "INSERT INTO t (id, at) VALUES (2, datetime('now', '-2 days'))"]), NOW);
  expect(schema).toEqual(["CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT '2026-03-14 09:00:00')"]);
  expect(inserts[1]).toBe("INSERT INTO t (id, at) VALUES (2, datetime('2026-03-14 09:00:00', '-2 days'))");
});
