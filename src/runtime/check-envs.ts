import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { UsageError } from "../errors.ts";
import { formatIssues } from "../format-issues.ts";
import type { Episode } from "./episode.ts";
import type { EpisodeManager } from "./episodes.ts";
import type { Env } from "./registry.ts";
import { createRuntime, type RuntimeOptions } from "./runtime.ts";

/** A tool call of a solution, wrong attempt or probe. */
export const Call = v.object({ name: v.string(), arguments: v.optional(v.record(v.string(), v.unknown()), {}) });
export type Call = v.InferOutput<typeof Call>;
/** Calls on a fresh episode of a task, then the final answer, if any. */
export const Attempt = v.object({ task: v.pipe(v.number(), v.integer()), calls: v.array(Call), answer: v.optional(v.string()) });
export type Attempt = v.InferOutput<typeof Attempt>;

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

/** An id no seed uses: a tool given it must say the row is missing, not crash. */
const MISSING_ID = 987654;
/** How many different tasks the wrong attempts must cover (all of them, in an env with fewer). */
const WRONG_TASKS = 3;

/**
 * Runs the env contract over loaded envs (all, or those named): see checkEnv.
 * Broken envs are reported with the reason.
 */
export async function checkEnvs(
  options: RuntimeOptions,
  names: string[] = [],
  onEnv?: (check: EnvCheck) => void,
): Promise<{ checks: EnvCheck[]; broken: { name: string; reason: string }[] }> {
  // Named envs only are read, bundled and built; the rest are not touched.
  const runtime = await createRuntime({ ...options, only: names.length ? names : options.only, log: () => {} });
  try {
    const { registry, manager } = runtime;
    for (const n of names) if (!registry.list().some((e) => e.name === n) && !registry.broken.some((b) => b.name === n)) throw new UsageError(`unknown env '${n}'`);
    const wanted = (n: string) => names.length === 0 || names.includes(n);
    const checks: EnvCheck[] = [];
    for (const env of registry.list().filter((e) => wanted(e.name))) {
      const check = await checkEnv(env, manager);
      onEnv?.(check);
      checks.push(check);
    }
    return { checks, broken: registry.broken.filter((b) => wanted(b.name)).map((b) => ({ name: b.name, reason: b.reason })) };
  } finally {
    runtime.close();
  }
}

/**
 * One env's contract: no task verifies complete on an untouched episode; each task's oracle
 * succeeds call by call and verifies complete; wrong attempts (on 3+ tasks) do not; every
 * tool is called without error; a wrong-typed argument is rejected naming the field; an id
 * that does not exist is a ToolError naming it, never a crash.
 */
async function checkEnv(env: Env, manager: EpisodeManager): Promise<EnvCheck> {
  const c = new Checker(env, manager);
  const solutions = readSolutions(env, c.problems);
  const verdicts = await c.tasks(solutions);
  if (solutions) {
    await c.wrongAttempts(solutions);
    await c.probes(solutions.probes);
    await c.invalidArguments();
    await c.missingRows();
    const uncalled = env.tools.map((t) => t.name).filter((n) => !c.examples.has(n));
    if (uncalled.length) c.problems.push(`tools no solution or probe called successfully: ${uncalled.join(", ")}`);
  }
  return {
    env: env.name,
    ok: c.problems.length === 0,
    problems: c.problems,
    tables: env.stats.tables,
    rows: env.stats.rows,
    tools: env.tools.length,
    tasks: env.tasks.length,
    toolsCalled: c.examples.size,
    verdicts,
  };
}

class Checker {
  readonly problems: string[] = [];
  /** Successful calls per tool (a few), to vary in later checks. */
  readonly examples = new Map<string, Call[]>();

  constructor(
    private readonly env: Env,
    private readonly manager: EpisodeManager,
  ) {}

  async tasks(solutions: Solutions | null): Promise<EnvCheck["verdicts"]> {
    const verdicts: EnvCheck["verdicts"] = [];
    for (let task = 0; task < this.env.tasks.length; task++) {
      const sol = solutions?.tasks.find((s) => s.task === task);
      const check = await checkTask(this.manager, this.env, task, sol, this.seen);
      this.problems.push(...check.problems);
      if (solutions && !sol) this.problems.push(`task ${task}: no solution in solutions.json`);
      verdicts.push({ task, untouched: check.untouched, solved: check.solved });
    }
    return verdicts;
  }

  async wrongAttempts(solutions: Solutions): Promise<void> {
    this.problems.push(...(await checkWrongAttempts(this.manager, this.env, solutions.wrong, this.seen)));
    const tasks = new Set(solutions.wrong.map((w) => w.task)).size;
    const needed = Math.min(WRONG_TASKS, this.env.tasks.length);
    if (tasks < needed) this.problems.push(`wrong attempts cover ${tasks} task(s); cover at least ${needed}`);
  }

  async probes(calls: Call[]): Promise<void> {
    await this.episode(null, (ep) => this.run(ep, calls, "probe"));
  }

  /** A wrong-typed first argument must be an invalid-arguments error naming it. */
  async invalidArguments(): Promise<void> {
    await this.episode(null, async (ep) => {
      for (const t of this.env.tools) {
        const [field, prop] = Object.entries((t.inputSchema.properties ?? {}) as Record<string, { type?: string }>)[0] ?? [];
        if (!field) continue;
        const args = { [field]: prop?.type === "string" ? 12345 : "not-a-valid-value" };
        const out = await this.manager.call(ep, t.name, args);
        if (out.ok || out.kind !== "invalid_args" || !out.message.includes(field)) {
          this.problems.push(`${t.name}: ${JSON.stringify(args)} was not rejected as invalid arguments naming '${field}'`);
        }
      }
    });
  }

  /**
   * Each id argument seen in a known-good call, replaced by one that does not exist: a
   * ToolError naming it, or a normal answer. Calls that only work after earlier calls of
   * their sequence (an id created there) are skipped: a fresh episode cannot replay them.
   */
  async missingRows(): Promise<void> {
    const isId = ([field, value]: [string, unknown]) => /(^|_)ids?$/.test(field) && (typeof value === "number" || (Array.isArray(value) && typeof value[0] === "number"));
    for (const [tool, examples] of this.examples) {
      const tested = new Set<string>();
      for (const example of examples) {
        const ids = Object.entries(example.arguments).filter((e) => isId(e) && !tested.has(e[0]));
        if (!ids.length || !(await this.episode(null, async (ep) => (await this.manager.call(ep, tool, example.arguments)).ok))) continue;
        for (const [field, value] of ids) {
          tested.add(field);
          const args = { ...example.arguments, [field]: Array.isArray(value) ? [MISSING_ID] : MISSING_ID };
          await this.episode(null, async (ep) => {
            const out = await this.manager.call(ep, tool, args);
            if (out.ok) return;
            if (out.kind !== "tool_error") this.problems.push(`${tool} with ${field}=${MISSING_ID}: ${out.kind}: ${out.message}`);
            else if (!out.message.includes(String(MISSING_ID))) this.problems.push(`${tool} with ${field}=${MISSING_ID}: the error does not name the missing row: ${out.message}`);
          });
        }
      }
    }
  }

  /** Remembers a few successful calls per tool. */
  private readonly seen = (call: Call) => {
    const calls = this.examples.get(call.name) ?? [];
    if (calls.length < 8) this.examples.set(call.name, [...calls, call]);
  };

  private run(ep: Episode, calls: Call[], where: string): Promise<boolean> {
    return runCalls(this.manager, ep, calls, where, this.problems, this.seen);
  }

  private episode<T>(task: number | null, fn: (ep: Episode) => Promise<T>): Promise<T> {
    return onEpisode(this.manager, this.env, task, fn);
  }
}

/** What one task's contract check found. */
export interface TaskCheck {
  /** The verdict of an untouched episode, and of the solved one (null without a solution, or when a call failed). */
  untouched: string;
  solved: string | null;
  /** One line each, starting "task N:"; none when it passes. */
  problems: string[];
}

/**
 * One task's contract: an untouched episode verifies neither complete nor with a verifier
 * error; the solution, if given, succeeds call by call and then verifies complete. Calls
 * that succeed are passed to `seen`.
 */
export async function checkTask(manager: EpisodeManager, env: Env, task: number, solution?: Attempt, seen?: (call: Call) => void): Promise<TaskCheck> {
  const problems: string[] = [];
  const untouched = await onEpisode(manager, env, task, (ep) => manager.verify(ep));
  if (untouched.verdict === "complete") problems.push(`task ${task}: an untouched episode already verifies complete`);
  if (untouched.verdict === "verifier_error") problems.push(`task ${task}: on an untouched episode the verifier fails: ${untouched.facts.error}`);
  const solved = !solution
    ? null
    : await onEpisode(manager, env, task, async (ep) => {
        if (!(await runCalls(manager, ep, solution.calls, `task ${task}:`, problems, seen))) return null;
        const out = await manager.verify(ep, { answer: solution.answer });
        if (out.verdict !== "complete") problems.push(`task ${task}: the solution verifies '${out.verdict}': ${JSON.stringify(out.facts)}`);
        return out.verdict;
      });
  return { untouched: untouched.verdict, solved, problems };
}

/** Wrong attempts (numbered from 1 in the problems) must run and must not verify complete. Calls that succeed are passed to `seen`. */
export async function checkWrongAttempts(manager: EpisodeManager, env: Env, wrong: Attempt[], seen?: (call: Call) => void): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, w] of wrong.entries()) {
    await onEpisode(manager, env, w.task, async (ep) => {
      if (!(await runCalls(manager, ep, w.calls, `wrong attempt ${i + 1} (task ${w.task}):`, problems, seen))) return;
      const out = await manager.verify(ep, { answer: w.answer });
      if (out.verdict === "complete") problems.push(`wrong attempt ${i + 1} (task ${w.task}) verifies complete`);
    });
  }
  return problems;
}

/** Runs calls in order; false (with a problem) at the first that fails. */
async function runCalls(manager: EpisodeManager, ep: Episode, calls: Call[], where: string, problems: string[], seen?: (call: Call) => void): Promise<boolean> {
  for (const [i, call] of calls.entries()) {
    const out = await manager.call(ep, call.name, call.arguments);
    if (!out.ok) {
      problems.push(`${where} call ${i + 1} (${call.name}): ${out.message}`);
      return false;
    }
    seen?.(call);
  }
  return true;
}

/** Runs `fn` on a fresh episode, closed afterwards. */
async function onEpisode<T>(manager: EpisodeManager, env: Env, task: number | null, fn: (ep: Episode) => Promise<T>): Promise<T> {
  const ep = manager.create({ env: env.name, ...(task === null ? {} : { task }) });
  try {
    return await fn(ep);
  } finally {
    manager.close(ep.id);
  }
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
