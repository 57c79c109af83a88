import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { formatIssues } from "../format-issues.ts";
import type { Episode } from "./episodes.ts";
import type { Env } from "./registry.ts";
import { createRuntime, type RuntimeOptions } from "./runtime.ts";

const Call = v.object({ name: v.string(), arguments: v.optional(v.record(v.string(), v.unknown()), {}) });
const Attempt = v.object({ task: v.pipe(v.number(), v.integer()), calls: v.array(Call), answer: v.optional(v.string()) });

/**
 * solutions.json, an env's oracle (a test fixture, never served to agents): a call sequence
 * that solves each task, plausible wrong attempts that must not verify complete, and probe
 * calls that reach the remaining tools.
 */
export const SolutionsSchema = v.object({
  tasks: v.array(Attempt),
  wrong: v.optional(v.array(Attempt), []),
  probes: v.optional(v.array(Call), []),
});
export type Solutions = v.InferOutput<typeof SolutionsSchema>;

/** What checking one env found. */
export interface EnvCheck {
  env: string;
  ok: boolean;
  problems: string[];
  tables: number;
  rows: number;
  tools: number;
  tasks: number;
  /** Tools called by some solution or probe. */
  toolsCalled: number;
  /** Per task: the verdict of an untouched episode, and of the solved one. */
  verdicts: { task: number; untouched: string; solved: string | null }[];
}

/**
 * Runs an env's contract: it loads; an untouched episode of each task is not `complete`;
 * each task's solution (from solutions.json) succeeds call by call and verifies `complete`;
 * every tool is called at least once by a solution or a probe, without error.
 */
export async function checkEnvs(options: RuntimeOptions, onEnv?: (check: EnvCheck) => void): Promise<{ checks: EnvCheck[]; broken: { name: string; reason: string }[] }> {
  const runtime = await createRuntime({ ...options, log: () => {} });
  try {
    const checks: EnvCheck[] = [];
    for (const env of runtime.registry.list()) {
      const check = await checkEnv(env, runtime.manager);
      onEnv?.(check);
      checks.push(check);
    }
    return { checks, broken: runtime.registry.broken.map((b) => ({ name: b.name, reason: b.reason })) };
  } finally {
    runtime.close();
  }
}

async function checkEnv(env: Env, manager: Awaited<ReturnType<typeof createRuntime>>["manager"]): Promise<EnvCheck> {
  const problems: string[] = [];
  const check: EnvCheck = { env: env.name, ok: false, problems, tables: env.stats.tables, rows: env.stats.rows, tools: env.tools.length, tasks: env.tasks.length, toolsCalled: 0, verdicts: [] };
  const solutions = readSolutions(env, problems);
  const called = new Set<string>();
  const run = async (ep: Episode, calls: Solutions["probes"], where: string) => {
    for (const [i, c] of calls.entries()) {
      called.add(c.name);
      const out = await manager.call(ep, c.name, c.arguments);
      if (!out.ok) {
        problems.push(`${where} call ${i + 1} (${c.name}): ${out.message}`);
        return false;
      }
    }
    return true;
  };
  for (let task = 0; task < env.tasks.length; task++) {
    const untouched = manager.create({ env: env.name, task });
    const before = await manager.verify(untouched);
    manager.close(untouched.id);
    if (before.verdict === "complete") problems.push(`task ${task}: an untouched episode already verifies complete`);
    const sol = solutions?.tasks.find((s) => s.task === task);
    let solved: string | null = null;
    if (!sol) {
      if (solutions) problems.push(`task ${task}: no solution in solutions.json`);
    } else {
      const ep = manager.create({ env: env.name, task });
      if (await run(ep, sol.calls, `task ${task}:`)) {
        const after = await manager.verify(ep, { answer: sol.answer });
        solved = after.verdict;
        if (after.verdict !== "complete") problems.push(`task ${task}: the solution verifies '${after.verdict}': ${JSON.stringify(after.facts)}`);
      }
      manager.close(ep.id);
    }
    check.verdicts.push({ task, untouched: before.verdict, solved });
  }
  if (solutions) {
    for (const [i, w] of solutions.wrong.entries()) {
      const ep = manager.create({ env: env.name, task: w.task });
      if (await run(ep, w.calls, `wrong attempt ${i + 1} (task ${w.task}):`)) {
        const out = await manager.verify(ep, { answer: w.answer });
        if (out.verdict === "complete") problems.push(`wrong attempt ${i + 1} (task ${w.task}) verifies complete`);
      }
      manager.close(ep.id);
    }
    const ep = manager.create({ env: env.name });
    await run(ep, solutions.probes, "probe");
    for (const t of env.tools) {
      const bad = invalidArguments(t.inputSchema);
      if (!bad) continue;
      const out = await manager.call(ep, t.name, { [bad.field]: bad.value });
      if (out.ok || out.kind !== "invalid_args" || !out.message.includes(bad.field)) {
        problems.push(`${t.name}: ${JSON.stringify({ [bad.field]: bad.value })} was not rejected as invalid arguments naming '${bad.field}'`);
      }
    }
    manager.close(ep.id);
    const missing = env.tools.map((t) => t.name).filter((n) => !called.has(n));
    if (missing.length) problems.push(`tools never called by a solution or probe: ${missing.join(", ")}`);
  }
  check.toolsCalled = env.tools.filter((t) => called.has(t.name)).length;
  check.ok = problems.length === 0;
  return check;
}

/** A value of the wrong type for a tool's first parameter; null for a tool without parameters. */
function invalidArguments(schema: Record<string, unknown>): { field: string; value: unknown } | null {
  const props = (schema.properties ?? {}) as Record<string, { type?: string }>;
  const [field, prop] = Object.entries(props)[0] ?? [];
  if (!field) return null;
  return { field, value: prop?.type === "string" ? 12345 : "not-a-valid-value" };
}

function readSolutions(env: Env, problems: string[]): Solutions | null {
  const path = join(env.origin, "solutions.json");
  if (!existsSync(path)) {
    problems.push("no solutions.json: tasks cannot be shown solvable");
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    problems.push(`solutions.json is not valid JSON: ${(err as Error).message}`);
    return null;
  }
  const r = v.safeParse(SolutionsSchema, data);
  if (!r.success) {
    problems.push(`solutions.json: ${formatIssues(r.issues)}`);
    return null;
  }
  return r.output;
}
