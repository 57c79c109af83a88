import { join } from "node:path";
import { mapConcurrent } from "../map-concurrent.ts";
import type { ChatMessage } from "./llm.ts";
import type { Answer, Embedder, ModelClient } from "./model.ts";
import { BadAnswerError } from "./parse.ts";
import { Progress } from "./progress.ts";
import { openStores, type GenStores } from "./records.ts";
import { costUsd, readReport, writeReport, type GenReport, type StageResult } from "./report.ts";
import type { JsonlStore } from "./store.ts";

/** Settings every stage reads; resolved once by the CLI. */
export interface GenOptions {
  /** The working folder: stage files, envs/, .cache/, report.json. */
  dir: string;
  /** The clock of the generated envs: their data and tasks are written around it. */
  now: Date;
  numTasks: number;
  /** Attempts per item: the first plus this many retries with feedback. */
  maxRetries: number;
  concurrency: number;
  /** Normalized scenario names to work on; all when empty. */
  only: string[];
  /** Largest share of failing tables (db) or inserts (sample) that passes. */
  errorThreshold: number;
  /** USD per million input and output tokens, for the cost total; default: known models' list prices. */
  price?: [number, number];
  quiet: boolean;
}

/** What a stage runs with. */
export interface GenContext {
  o: GenOptions;
  model: ModelClient;
  embedder?: Embedder;
  report: GenReport;
  /** The stage files, opened once per run: what one stage puts, the next one sees. */
  stores: GenStores;
  /**
   * Saves report.json with this run's usage and cost so far: at most once a second (a
   * long run finishes thousands of items), or now when `force`d (a stage's end).
   */
  saveReport(force?: boolean): void;
}

/** How often, at most, report.json is rewritten while items finish. */
const REPORT_EVERY_MS = 1000;

/** Starts a context: the report of earlier runs is read so that its scenarios accumulate. */
export function genContext(o: GenOptions, model: ModelClient, embedder?: Embedder): GenContext {
  const path = join(o.dir, "report.json");
  const report = readReport(path);
  let savedAt = -Infinity;
  const saveReport = (force = false) => {
    if (!force && performance.now() - savedAt < REPORT_EVERY_MS) return;
    savedAt = performance.now();
    report.usage = { ...model.usage, cost_usd: costUsd(model.model, model.usage, o.price) };
    writeReport(path, report);
  };
  return { o, model, embedder, report, stores: openStores(o.dir), saveReport };
}

/** What a check made of one answer: a value, or the problems to send back. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[]; value?: T; score?: number };

/**
 * Asks, checks, and asks again with the concrete problems, up to the attempts allowed. The
 * conversation keeps every answer and its problems, so each retry sees what went wrong. A
 * BadAnswerError thrown by the check (unreadable JSON, wrong shape) is such a problem.
 * Returns the first value that passes, or the best failing one (highest score) if any.
 */
export async function converse<T>(
  ctx: GenContext,
  messages: ChatMessage[],
  check: (answer: Answer) => Promise<Checked<T>>,
): Promise<{ value: T | null; passed: boolean; attempts: number; errors: string[] }> {
  const errors: string[] = [];
  const convo = [...messages];
  let best: { value: T; score: number } | null = null;
  const attempts = ctx.o.maxRetries + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const answer = await ctx.model.chat(convo);
    const r = await check(answer).catch((err: unknown): Checked<T> => {
      if (err instanceof BadAnswerError) return { ok: false, problems: [err.message] };
      throw err;
    });
    if (r.ok) return { value: r.value, passed: true, attempts: attempt, errors };
    errors.push(r.problems.join("; "));
    if (r.value !== undefined && (!best || (r.score ?? 0) > best.score)) best = { value: r.value, score: r.score ?? 0 };
    convo.push({ role: "assistant", content: answer.text });
    convo.push({
      role: "user",
      content: `Your answer has these problems:\n${r.problems.map((p) => `- ${p}`).join("\n")}\n\nFix them and answer again, in full, in the same format.`,
    });
  }
  return { value: best?.value ?? null, passed: false, attempts, errors };
}

/** What a stage did for one scenario, and the record to keep, which marks it done: given only when it passed. */
export type StageOutcome<O> = StageResult & { record?: O };

/**
 * Runs a per-scenario stage over the records of `from`: scenarios already done (by default,
 * those `to` holds) are skipped, the rest run with bounded concurrency under a progress
 * bar. A kept record goes into `to` at once; each result goes into the report. A scenario that failed keeps nothing, so a re-run tries it again.
 */
export async function runScenarios<I, O>(
  ctx: GenContext,
  stage: string,
  from: JsonlStore<I>,
  to: JsonlStore<O>,
  work: (name: string, input: I, ctx: GenContext) => Promise<StageOutcome<O>>,
  isDone: (name: string) => boolean = (name) => to.has(name),
): Promise<void> {
  const todo = from.entries().filter(([name]) => (ctx.o.only.length === 0 || ctx.o.only.includes(name)) && !isDone(name));
  const progress = new Progress(`gen ${stage}`, todo.length, process.stderr, ctx.o.quiet);
  await mapConcurrent(todo, ctx.o.concurrency, async ([name, input]) => {
    let result: StageResult;
    const model = ctx.model.forItem();
    try {
      const { record, ...rest } = await work(name, input, { ...ctx, model });
      if (record) to.put(record);
      result = rest;
    } catch (err) {
      result = { status: "failed", attempts: 0, errors: [(err as Error).message] };
    }
    result.usage = model.item;
    (ctx.report.scenarios[name] ??= {})[stage] = result;
    ctx.saveReport();
    progress.tick(result.status === "ok", name);
  });
  progress.finish();
  to.compact();
  ctx.saveReport(true);
}
