import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { tsSyntaxError } from "../../../build/bundle-env.ts";
import { mapConcurrent } from "../../map-concurrent.ts";
import { Call, checkTask, checkWrongAttempts, type Attempt } from "../../runtime/check-envs.ts";
import { writeEnvFolder } from "../../runtime/env-files.ts";
import { createRuntime } from "../../runtime/runtime.ts";
import { runScenarios, type GenContext } from "../context.ts";
import { effectiveSql, verifyModule } from "../env-folder.ts";
import type { ChatMessage } from "../llm.ts";
import { BadAnswerError, parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/verifier.md" with { type: "text" };
import type { EnvCodeRecord } from "../records.ts";

const Calls = v.object({ calls: v.array(Call), answer: v.optional(v.nullable(v.string())) });
const Answer = v.object({ verifier: v.pipe(v.string(), v.minLength(8)), oracle: Calls, wrong: Calls });
type Candidate = v.InferOutput<typeof Answer> & { raw: string };

/** A candidate's oracle or wrong attempt, as solutions.json holds it. */
const attempt = (task: number, a: v.InferOutput<typeof Calls>): Attempt => ({ task, calls: a.calls, ...(a.answer ? { answer: a.answer } : {}) });

/**
 * gen verifier: per task, a TypeScript verifier, an oracle (tool calls, and the answer for
 * questions) and a wrong attempt. A task passes the env contract's task check (`awm envs
 * check`): its verifier says not-complete on the untouched database, complete after its
 * oracle runs, and not complete after the wrong attempt; the others get their concrete
 * failure back. Tasks that never pass are dropped from the env and listed in the report.
 * Writes the env folder (envs/NAME) that `awm serve --envs` loads, with the oracles and
 * wrong attempts as its solutions.json.
 */
export async function genVerifier(ctx: GenContext): Promise<void> {
  const s = ctx.stores;
  const envsDir = join(ctx.o.dir, "envs");
  const isDone = (name: string) => existsSync(join(envsDir, name, "solutions.json"));
  await runScenarios(ctx, "verifier", s.envs, s.verifier, async (name, env, ctx) => {
    const tasks = s.tasks.get(name)?.tasks ?? [];
    const { schema, inserts } = await effectiveSql(s.db.get(name)!, s.sample.get(name), ctx.o.now);
    const tools = s.spec.get(name)?.api_spec.api_groups.flatMap((g) => g.endpoints) ?? [];
    const context = [
      `Product: ${env.scenario}`,
      `Current time: ${ctx.o.now.toISOString().replace("T", " ").slice(0, 19)} (UTC); the signed-in user has id 1.`,
      `Database schema:\n${schema.join("\n")}`,
      `Initial data:\n${inserts.join("\n")}`,
      `Tools (name and parameters):\n${tools.map((t) => `${t.operation_id}(${Object.keys(t.request_params ?? {}).join(", ")}): ${t.summary ?? ""}`).join("\n")}`,
    ].join("\n\n");
    const convos = tasks.map((task): ChatMessage[] => [
      { role: "system", content: systemPrompt },
      { role: "user", content: `${context}\n\nThe task:\n${task}` },
    ]);
    const passed = new Map<number, Candidate>();
    const lastProblems = new Map<number, string[]>();
    const errors: string[] = [];
    let attempts = 0;
    for (let round = 1; round <= ctx.o.maxRetries + 1 && passed.size < tasks.length; round++) {
      attempts = round;
      const pending = tasks.map((_, i) => i).filter((i) => !passed.has(i));
      const candidates = new Map<number, Candidate>();
      // The tasks of a scenario are asked at once; feedback goes in task order.
      const asked = await mapConcurrent(pending, ctx.o.concurrency, async (i) => {
        const answer = await ctx.model.chat(convos[i]!);
        try {
          const c = { ...parseAnswer(answer.text, Answer), raw: answer.text };
          const syntax = await tsSyntaxError(`const verify = ${c.verifier};`);
          return syntax ? { i, answer, problems: [`task ${i}: the verifier does not compile: ${syntax}`] } : { i, answer, candidate: c };
        } catch (err) {
          if (!(err instanceof BadAnswerError)) throw err;
          return { i, answer, problems: [`task ${i}: ${err.message}`] };
        }
      });
      for (const a of asked) {
        if (a.candidate) candidates.set(a.i, a.candidate);
        else feedback(a.i, a.answer.text, a.problems!);
      }
      const results = await tryCandidates(ctx, name, env, { schema, inserts, tasks }, passed, candidates);
      for (const [i, problems] of results) {
        if (problems.length === 0) passed.set(i, candidates.get(i)!);
        else feedback(i, candidates.get(i)!.raw, problems);
      }
    }

    /** Problems name their task, as the env contract's do. */
    function feedback(task: number, answer: string, problems: string[]) {
      lastProblems.set(task, problems);
      errors.push(problems.join("; "));
      convos[task]!.push({ role: "assistant", content: answer }, { role: "user", content: `This does not pass:\n${problems.map((p) => `- ${p}`).join("\n")}\n\nFix it and answer again in full, in the same JSON format.` });
    }

    const kept = [...passed.keys()].sort((a, b) => a - b);
    const dropped = tasks.map((_, i) => i).filter((i) => !passed.has(i)).map((i) => ({ task: i, prompt: tasks[i], problems: lastProblems.get(i) }));
    if (kept.length === 0) return { status: "failed", attempts, errors, notes: { dropped_tasks: dropped } };
    // The lines first: the folder's solutions.json marks the scenario done.
    for (const i of kept) {
      s.verifier.put({ scenario: name, task_idx: i, task: tasks[i]!, verification: { code: null, raw_response: passed.get(i)!.raw }, verifier_ts: passed.get(i)!.verifier });
    }
    writeEnvFolder(join(envsDir, name), {
      meta: { name, description: s.scenario.get(name)?.description ?? env.scenario, now: ctx.o.now },
      schema,
      inserts,
      tasks: kept.map((i) => tasks[i]!),
      files: {
        "tools.ts": env.tools_ts,
        "verify.ts": verifyModule(kept.map((i) => passed.get(i)!.verifier)),
        "solutions.json": {
          tasks: kept.map((i, n) => attempt(n, passed.get(i)!.oracle)),
          wrong: kept.map((i, n) => attempt(n, passed.get(i)!.wrong)),
          probes: env.probes,
        },
      },
    });
    return {
      status: "ok",
      attempts,
      errors,
      notes: { kept_tasks: kept.length, dropped_tasks: dropped },
    };
  }, isDone);
}

/**
 * Loads the env with the candidates (tasks already passed keep their verifiers, the rest a
 * placeholder) and runs the env contract's checks of each candidate's task, with its
 * oracle as the solution, then of its wrong attempt. Returns the problems per candidate task.
 */
async function tryCandidates(
  ctx: GenContext,
  name: string,
  env: EnvCodeRecord,
  data: { schema: string[]; inserts: string[]; tasks: string[] },
  passed: Map<number, Candidate>,
  candidates: Map<number, Candidate>,
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (candidates.size === 0) return out;
  const scratch = mkdtempSync(join(tmpdir(), "awm-gen-verify-"));
  try {
    const verifiers = data.tasks.map((_, i) => candidates.get(i)?.verifier ?? passed.get(i)?.verifier ?? null);
    writeEnvFolder(join(scratch, name), {
      meta: { name, description: name, now: ctx.o.now },
      ...data,
      files: { "tools.ts": env.tools_ts, "verify.ts": verifyModule(verifiers) },
    });
    const rt = await createRuntime({ envDirs: [scratch], workers: 1, log: () => {} });
    try {
      const broken = rt.registry.broken[0];
      if (broken) {
        for (const i of candidates.keys()) out.set(i, [`task ${i}: the env does not load with this verifier: ${broken.reason}`]);
        return out;
      }
      const loaded = rt.registry.get(name);
      for (const [i, c] of candidates) {
        const { problems } = await checkTask(rt.manager, loaded, i, attempt(i, c.oracle));
        // A wrong attempt says something only about a verifier that passes the rest.
        out.set(i, problems.length ? problems : await checkWrongAttempts(rt.manager, loaded, [attempt(i, c.wrong)]));
      }
      return out;
    } finally {
      rt.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
