import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonl } from "../awm1k/jsonl.ts";
import { UsageError } from "../errors.ts";
import { ResponseCache } from "./cache.ts";
import { genContext, type GenContext, type GenOptions } from "./context.ts";
import { createLlm, llmConfig, type LlmEnv } from "./llm.ts";
import { createEmbedder, ModelClient } from "./model.ts";
import type { ScenarioRecord } from "./records.ts";
import type { GenReport } from "./report.ts";
import { genDb } from "./stages/db.ts";
import { genEnv } from "./stages/env.ts";
import { genSample } from "./stages/sample.ts";
import { genScenarios, type ScenarioOptions } from "./stages/scenario.ts";
import { genSpec } from "./stages/spec.ts";
import { genTasks } from "./stages/task.ts";
import { genVerifier } from "./stages/verifier.ts";
import { writeAtomic } from "./write-atomic.ts";

/** The stages, in pipeline order. */
export const STAGES = ["scenario", "task", "db", "sample", "spec", "env", "verifier"] as const;
export type StageName = (typeof STAGES)[number];

export interface GenRunOptions extends Omit<GenOptions, "now"> {
  /** The envs' clock; default: the clock of the folder's first run, else today 09:00 UTC. */
  now?: Date;
  model?: string;
  cache: boolean;
  temperature?: number;
  maxTokens?: number;
  scenario?: Omit<ScenarioOptions, "seeds"> & { input?: string; embeddingModel: string };
}

/**
 * Runs stages in order over one folder. Model settings are resolved before anything runs,
 * so a missing key or model fails at once. Every stage resumes: what a folder already
 * holds is skipped, and answers come from the response cache when the prompt is the same.
 */
export async function runGen(stages: StageName[], o: GenRunOptions, env: LlmEnv): Promise<GenReport> {
  const config = llmConfig(env, { model: o.model });
  mkdirSync(o.dir, { recursive: true });
  const now = o.now ?? folderClock(o.dir);
  writeAtomic(join(o.dir, "gen.json"), JSON.stringify({ now: now.toISOString() }) + "\n");
  const cache = o.cache ? new ResponseCache(join(o.dir, ".cache")) : null;
  const model = new ModelClient(createLlm(config), cache, { temperature: o.temperature, maxTokens: o.maxTokens });
  const seeds = stages.includes("scenario") && o.scenario?.input ? readSeeds(o.scenario.input) : [];
  const growing = stages.includes("scenario") && o.scenario && o.scenario.target > seeds.length;
  const embedder = growing ? createEmbedder(env, { model: o.scenario!.embeddingModel, cache, usage: model.usage }) : undefined;
  const ctx = genContext({ ...o, now }, model, embedder);
  for (const stage of stages) {
    if (stage === "scenario") {
      if (o.scenario) await genScenarios(ctx, { ...o.scenario, seeds });
    } else await STAGE_RUNNERS[stage](ctx);
  }
  ctx.saveReport(true);
  return ctx.report;
}

const STAGE_RUNNERS: Record<Exclude<StageName, "scenario">, (ctx: GenContext) => Promise<void>> = {
  task: genTasks,
  db: genDb,
  sample: genSample,
  spec: genSpec,
  env: genEnv,
  verifier: genVerifier,
};

/** The clock the folder was started with, so a resumed run asks the same questions. */
function folderClock(dir: string): Date {
  const path = join(dir, "gen.json");
  if (existsSync(path)) {
    try {
      return new Date((JSON.parse(readFileSync(path, "utf8")) as { now: string }).now);
    } catch {
      // fall through to a new clock
    }
  }
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 9));
}

function readSeeds(path: string): ScenarioRecord[] {
  if (!existsSync(path)) throw new UsageError(`--input ${path}: no such file`);
  const seeds = readJsonl(path).records.map((r) => r.value as ScenarioRecord).filter((r) => typeof r?.name === "string" && typeof r?.description === "string");
  if (!seeds.length) throw new UsageError(`--input ${path} holds no {"name", "description"} lines`);
  return seeds;
}
