// The contract every env in envs/ must pass, so a new env is checked the moment it appears.
import { beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkEnvs, type EnvCheck } from "../../src/runtime/check-envs.ts";
import { ROOT } from "../helpers.ts";

const ENVS = join(ROOT, "envs");
const names = readdirSync(ENVS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
/** An env's schema.sql without its comments, so a commented-out clause does not count. */
const schema = (name: string) => readFileSync(join(ENVS, name, "schema.sql"), "utf8").replace(/--.*$/gm, "");
let checks = new Map<string, EnvCheck>();
let broken: { name: string; reason: string }[] = [];

beforeAll(async () => {
  const out = await checkEnvs({ envDirs: [ENVS], workers: 2 });
  checks = new Map(out.checks.map((c) => [c.env, c]));
  broken = out.broken;
});

test("every env folder loads", () => {
  expect(broken).toEqual([]);
  expect([...checks.keys()].sort()).toEqual(names);
});

for (const name of names) {
  describe(name, () => {
    test("is at AWM scale: 12+ tables, 120+ seed rows, 25+ tools, 10 tasks", () => {
      const c = checks.get(name)!;
      expect({ tables: c.tables >= 12, rows: c.rows >= 120, tools: c.tools >= 25, tasks: c.tasks }).toEqual({ tables: true, rows: true, tools: true, tasks: 10 });
    });

    test("has every table of schema.sql in its template", () => {
      const declared = schema(name).match(/\bCREATE\s+TABLE\b/gi)?.length ?? 0;
      expect(checks.get(name)!.tables).toBe(declared);
    });

    test("declares foreign keys and CHECK constraints in schema.sql", () => {
      const sql = schema(name);
      expect({ foreignKeys: /\bREFERENCES\s+\w+\s*\(/i.test(sql), checks: /\bCHECK\s*\(/i.test(sql) }).toEqual({ foreignKeys: true, checks: true });
    });

    // checkEnvs lists as problems an untouched episode that verifies complete, a wrong attempt
    // that does, and wrong attempts covering fewer than 3 tasks (test/runtime/check-envs.test.ts).
    test("passes its contract: oracles complete, untouched and wrong attempts (on 3+ tasks) do not, every tool answers, bad arguments are named", () => {
      expect(checks.get(name)!.problems).toEqual([]);
    });
  });
}
