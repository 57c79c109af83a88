// Loading only the envs a command needs: the others are never bundled, inspected or built.
import { afterAll, expect, test } from "bun:test";
import { dirname, join } from "node:path";
import { createDataDir, removeDataDir } from "../../src/db/data-dir.ts";
import { loadEnvs } from "../../src/runtime/load-envs.ts";
import { FIXTURES, pynotesEnv } from "../helpers.ts";

const dataDir = createDataDir();
afterAll(() => removeDataDir(dataDir));
const pynotes = pynotesEnv();

test("only the named envs load, and the broken ones not named are neither loaded nor reported", async () => {
  const ticks: [number, number][] = [];
  const registry = await loadEnvs({
    dirs: [join(FIXTURES, "envs"), join(FIXTURES, "broken"), dirname(pynotes)],
    dataDir,
    timeoutMs: 1000,
    only: ["pynotes"],
    onProgress: (done, total) => ticks.push([done, total]),
  });
  expect(registry.list().map((e) => e.name)).toEqual(["pynotes"]);
  expect(registry.broken).toEqual([]);
  expect(ticks.at(-1)).toEqual([9, 9]);
});

test("a named env that is broken is still reported", async () => {
  const registry = await loadEnvs({ dirs: [join(FIXTURES, "broken")], dataDir, timeoutMs: 1000, only: ["bad-sql"] });
  expect(registry.broken.map((b) => [b.name, b.reason])).toEqual([["bad-sql", "schema.sql line 13: no such column: user_idd"]]);
});
