// The README's table of shipped envs is typed by hand: it must state what `awm envs list`
// reports, so a change to an env's tables, seed rows, tools or tasks fails here until the
// README says so too.
import { beforeAll, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runAwm } from "../helpers.ts";

interface Counts {
  tables: number;
  rows: number;
  tools: number;
  tasks: number;
}

/** The "Shipped envs" table of README.md: one row per env, and the totals line. */
function readmeTable(): { header: string | undefined; envs: Record<string, Counts>; totals: (Counts & { envs: number }) | null } {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Shipped envs")) ?? "";
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  const counts = (m: RegExpMatchArray, at: number): Counts => ({ tables: Number(m[at]), rows: Number(m[at + 1]), tools: Number(m[at + 2]), tasks: Number(m[at + 3]) });
  const envs: Record<string, Counts> = {};
  let totals: (Counts & { envs: number }) | null = null;
  for (const line of lines) {
    const row = /^\| `([^`]+)` \|.*\| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/.exec(line);
    if (row) envs[row[1]!] = counts(row, 2);
    const total = /^\| \*\*(\d+) envs\*\* \|\s*\| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/.exec(line);
    if (total) totals = { envs: Number(total[1]), ...counts(total, 2) };
  }
  return { header: lines[0], envs, totals };
}

let listed: ({ name: string } & Counts)[];
beforeAll(async () => {
  // No flags: the shipped envs, as `awm serve` with no flags serves them.
  const r = await runAwm(["envs", "list", "--json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.out);
  expect(out.broken).toEqual([]);
  listed = out.envs;
});

test("the README's env table has the columns it is read by", () => {
  expect(readmeTable().header).toBe("| env | what | tables | rows | tools | tasks |");
});

test("the README's env table has a row for each shipped env with the counts awm envs list reports", () => {
  const expected = Object.fromEntries(listed.map((e) => [e.name, { tables: e.tables, rows: e.rows, tools: e.tools, tasks: e.tasks }]));
  expect(readmeTable().envs).toEqual(expected);
});

test("the README's totals line is the number of shipped envs and the sums of their counts", () => {
  const sum = (key: keyof Counts) => listed.reduce((n, e) => n + e[key], 0);
  expect(readmeTable().totals).toEqual({ envs: listed.length, tables: sum("tables"), rows: sum("rows"), tools: sum("tools"), tasks: sum("tasks") });
});
