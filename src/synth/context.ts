import { join } from "node:path";
import { mapConcurrent } from "../map-concurrent.ts";
import type { Embedder, ModelClient } from "./model.ts";
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

/** What a stage did for one scenario, and the record to keep, which marks it done: given only when it passed. */
export type StageOutcome<O> = StageResult & { record?: O };

/**
 * Runs a per-scenario stage over the records of `from`: scenarios already done (by default,
 * those `to` holds) are skipped, the rest run with bounded concurrency under a progress
 * bar. A kept record goes into `to` at once; each result goes into the report. A scenario
 * that failed keeps nothing, so a re-run tries it again.
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
