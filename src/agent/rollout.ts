import { appendFileSync, existsSync } from "node:fs";
import { readJsonl } from "../awm1k/jsonl.ts";
import { mapConcurrent } from "../map-concurrent.ts";
import { initialDbWriter } from "./run-dir.ts";
import { runTask, type AgentModel } from "./run-task.ts";
import { responsesOf } from "./trajectory.ts";
import type { ServerClient } from "./server-client.ts";

/** One line of a rollout file. */
export interface RolloutRecord {
  env: string;
  task: number;
  sample: number;
  reward: number;
  verdict: string;
  turns: number;
  tool_calls: number;
  /** Calls answered with an error (of any kind, format errors included), and the format flags raised. */
  errors: { tool_errors: number; format: Record<string, number>; first_violation: number | null };
  stopped: string;
  duration_ms: number;
}

export interface RolloutOptions {
  server: ServerClient;
  jobs: { env: string; task: number }[];
  samples: number;
  concurrency: number;
  out: string;
  model: AgentModel;
  verifyMode?: string;
  runsDir?: string;
  onDone?: (record: RolloutRecord | null, error?: string) => void;
}

/**
 * Runs every (task, sample) with bounded concurrency and appends one JSON line per finished
 * sample; samples already in the file are skipped, so an interrupted rollout resumes.
 * A sample that fails outright (server or model unreachable) is reported and not written.
 */
export async function rollout(o: RolloutOptions): Promise<RolloutRecord[]> {
  const key = (r: { env: string; task: number; sample: number }) => `${r.env}:${r.task}:${r.sample}`;
  const done = new Map<string, RolloutRecord>();
  if (existsSync(o.out)) for (const r of readJsonl(o.out).records) done.set(key(r.value as RolloutRecord), r.value as RolloutRecord);
  const all = o.jobs.flatMap((j) => Array.from({ length: o.samples }, (_, sample) => ({ ...j, sample })));
  const todo = all.filter((j) => !done.has(key(j)));
  const writeInitialDb = initialDbWriter(o.server);
  await mapConcurrent(todo, o.concurrency, async (j) => {
    try {
      const run = await runTask(o.server, j.env, j.task, o.model, { verifyMode: o.verifyMode, outDir: o.runsDir, writeInitialDb });
      const calls = run.trajectory.trajectory.flatMap(responsesOf);
      const record: RolloutRecord = {
        env: j.env,
        task: j.task,
        sample: j.sample,
        reward: run.verify?.reward ?? 0,
        verdict: run.verify?.verdict ?? "judge_error",
        turns: run.trajectory.total_iterations,
        tool_calls: calls.length,
        errors: { tool_errors: calls.filter((c) => c.kind !== undefined && c.kind !== "ok").length, format: run.format.counts as Record<string, number>, first_violation: run.format.first_violation },
        stopped: run.trajectory.awm.stopped,
        duration_ms: Math.round(run.durationMs),
      };
      appendFileSync(o.out, JSON.stringify(record) + "\n");
      done.set(key(record), record);
      o.onDone?.(record);
    } catch (err) {
      o.onDone?.(null, `${j.env} task ${j.task} sample ${j.sample}: ${(err as Error).message}`);
    }
  });
  return all.map((j) => done.get(key(j))).filter((r): r is RolloutRecord => !!r);
}

/** Per env: samples, success rate (reward 1), mean reward, mean turns, tool errors, format violations. */
export function summarize(records: RolloutRecord[]) {
  const byEnv = new Map<string, RolloutRecord[]>();
  for (const r of records) {
    const rs = byEnv.get(r.env);
    if (rs) rs.push(r);
    else byEnv.set(r.env, [r]);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return [...byEnv].map(([env, rs]) => ({
    env,
    samples: rs.length,
    success_rate: Number((rs.filter((r) => r.verdict === "complete").length / rs.length).toFixed(3)),
    mean_reward: Number(mean(rs.map((r) => r.reward)).toFixed(3)),
    mean_turns: Number(mean(rs.map((r) => r.turns)).toFixed(2)),
    tool_errors: rs.reduce((n, r) => n + r.errors.tool_errors, 0),
    format_violations: rs.filter((r) => r.errors.first_violation !== null).length,
  }));
}
