import { resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { runGen, STAGES, type GenRunOptions, type StageName } from "../synth/pipeline.ts";
import type { GenReport } from "../synth/report.ts";
import { intFlag, parseFlags, runGroup, type Command } from "./command.ts";

const commonFlags = {
  out: { type: "string" },
  model: { type: "string" },
  now: { type: "string" },
  "num-tasks": { type: "string" },
  "max-retries": { type: "string" },
  concurrency: { type: "string" },
  only: { type: "string" },
  "error-threshold": { type: "string" },
  temperature: { type: "string" },
  "max-tokens": { type: "string" },
  price: { type: "string" },
  "no-cache": { type: "boolean" },
  quiet: { type: "boolean" },
  json: { type: "boolean" },
} as const;

const scenarioFlags = {
  input: { type: "string" },
  "target-count": { type: "string" },
  "per-request": { type: "string" },
  similarity: { type: "string" },
  "max-per-category": { type: "string" },
  "max-stall": { type: "string" },
  "embedding-model": { type: "string" },
} as const;

const commonUsage = `  --out DIR              the working folder: stage files, envs/, report.json, .cache/ (required)
  --model NAME           the model (AWM_SYN_OVERRIDE_MODEL, when set, wins)
  --now ISO              the generated envs' clock (default: the folder's, else today 09:00 UTC)
  --num-tasks N          tasks per scenario (default 10)
  --max-retries N        retries with the errors fed back, per item (default 4)
  --concurrency N        scenarios in flight (default 8)
  --only NAME,...        only these scenarios (normalized names)
  --error-threshold F    share of failing tables / inserts that still passes (default 0.1)
  --temperature T        sampling temperature (default: the model's)
  --max-tokens N         answer length limit
  --price IN,OUT         USD per million input and output tokens, for the cost total
  --no-cache             ask the model even when the same prompt was answered before
  --quiet                no progress output
  --json                 print the report as JSON
  -h, --help             show this help
`;

const scenarioUsage = `  --input FILE           seed scenarios, one {"name", "description"} per line
  --target-count N       scenarios to reach, seeds included (default 1000)
  --per-request N        scenarios asked for per request (default 10)
  --similarity F         reject candidates this similar to a kept one (cosine, default 0.85)
  --max-per-category N   scenarios per category at most (default 80)
  --max-stall N          requests without a new scenario before stopping (default 10)
  --embedding-model M    embedding model (default text-embedding-3-large)
`;

const ENV_VARS = `Environment: OPENAI_API_KEY, OPENAI_BASE_URL, AWM_SYN_OVERRIDE_MODEL, AWM_SYN_LLM_PROVIDER
(openai | azure), AZURE_ENDPOINT_URL, AZURE_OPENAI_API_KEY; for scenarios also
EMBEDDING_OPENAI_API_KEY and EMBEDDING_OPENAI_BASE_URL.
`;

const SUMMARIES: Record<StageName | "all", string> = {
  scenario: "grow seed scenarios into more, rejecting near-duplicates (gen_scenario.jsonl)",
  task: "write tasks per scenario (gen_tasks.jsonl)",
  db: "design each scenario's database, executed and fed back (gen_db.jsonl)",
  sample: "write initial data, executed, with each task checked feasible (gen_sample.jsonl)",
  spec: "design each scenario's API (gen_spec.jsonl)",
  env: "write tools.ts, compiled, loaded and called (gen_envs.jsonl)",
  verifier: "write a verifier, an oracle and a wrong attempt per task, checked as awm envs check does; write envs/NAME (gen_verifier.jsonl)",
  all: "run every stage in order into one folder",
};

function stageCommand(name: StageName | "all"): Command {
  const stages: StageName[] = name === "all" ? [...STAGES] : [name];
  const withScenario = stages.includes("scenario");
  return {
    name,
    summary: SUMMARIES[name],
    usage: `${SUMMARIES[name][0]!.toUpperCase()}${SUMMARIES[name].slice(1)}.
Each stage reads the previous stage's file in --out and writes its own; re-running skips
what is done, and answers already given come from the cache.

Usage: awm gen ${name} --out DIR [options]

Options:
${commonUsage}${withScenario ? scenarioUsage : ""}
${ENV_VARS}`,
    async run(argv) {
      const { values } = parseFlags(`gen ${name}`, argv, { ...commonFlags, ...(withScenario ? scenarioFlags : {}) });
      const v = values as Record<string, string | boolean | undefined>;
      const report = await runGen(stages, genOptions(v, withScenario), process.env);
      print(report, v.json === true);
      return Object.values(report.scenarios).some((s) => Object.values(s).some((r) => r.status === "failed")) ? 1 : 0;
    },
  };
}

function genOptions(v: Record<string, string | boolean | undefined>, withScenario: boolean): GenRunOptions {
  if (typeof v.out !== "string") throw new UsageError("--out DIR is required");
  const num = (flag: string, fallback: number) => {
    if (v[flag] === undefined) return fallback;
    const n = Number(v[flag]);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a number >= 0, got '${v[flag]}'`);
    return n;
  };
  const now = typeof v.now === "string" ? new Date(v.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO timestamp, got '${v.now}'`);
  const price = typeof v.price === "string" ? (v.price.split(",").map(Number) as [number, number]) : undefined;
  if (price && (price.length !== 2 || price.some((p) => !Number.isFinite(p)))) throw new UsageError(`--price takes IN,OUT in USD per million tokens, got '${v.price}'`);
  return {
    dir: resolve(v.out),
    now,
    model: v.model as string | undefined,
    numTasks: intFlag(v["num-tasks"] as string | undefined, "num-tasks", 10, 1),
    maxRetries: intFlag(v["max-retries"] as string | undefined, "max-retries", 4, 0),
    concurrency: intFlag(v.concurrency as string | undefined, "concurrency", 8, 1),
    only: typeof v.only === "string" ? v.only.split(",").map((s) => s.trim()).filter(Boolean) : [],
    errorThreshold: num("error-threshold", 0.1),
    temperature: v.temperature === undefined ? undefined : num("temperature", 1),
    maxTokens: v["max-tokens"] === undefined ? undefined : intFlag(v["max-tokens"] as string, "max-tokens", 0, 1),
    price,
    cache: v["no-cache"] !== true,
    quiet: v.quiet === true,
    scenario: withScenario
      ? {
          input: v.input as string | undefined,
          target: intFlag(v["target-count"] as string | undefined, "target-count", 1000, 1),
          perRequest: intFlag(v["per-request"] as string | undefined, "per-request", 10, 1),
          similarity: num("similarity", 0.85),
          maxPerCategory: intFlag(v["max-per-category"] as string | undefined, "max-per-category", 80, 1),
          maxStall: intFlag(v["max-stall"] as string | undefined, "max-stall", 10, 1),
          embeddingModel: (v["embedding-model"] as string | undefined) ?? "text-embedding-3-large",
        }
      : undefined,
  };
}

function print(report: GenReport, json: boolean): void {
  if (json) return void console.log(JSON.stringify(report, null, 2));
  for (const [name, stages] of Object.entries(report.scenarios)) {
    const line = Object.entries(stages).map(([stage, r]) => `${stage} ${r.status}${r.attempts > 1 ? ` (${r.attempts} attempts)` : ""}`);
    const used = Object.values(stages).reduce((n, r) => ({ requests: n.requests + (r.usage?.requests ?? 0), tokens: n.tokens + (r.usage?.promptTokens ?? 0) + (r.usage?.completionTokens ?? 0) }), { requests: 0, tokens: 0 });
    console.log(`${name}: ${line.join(", ")}; ${used.requests} requests, ${used.tokens} tokens`);
    const dropped = stages.verifier?.notes?.dropped_tasks as unknown[] | undefined;
    if (dropped?.length) console.log(`  dropped ${dropped.length} task(s) whose verifier and oracle did not pass`);
  }
  const u = report.usage;
  console.log(`requests ${u.requests} (${u.cached} answered from the cache), tokens ${u.promptTokens} in / ${u.completionTokens} out, cost ${u.cost_usd === null ? "unknown (pass --price IN,OUT)" : `$${u.cost_usd}`}`);
}

const commands = [...STAGES, "all" as const].map(stageCommand);

export const genCommand: Command = {
  name: "gen",
  summary: "synthesize envs with an LLM, stage by stage",
  usage: "",
  run: (argv) => runGroup("gen", "Synthesize envs with an OpenAI-compatible model, stage by stage, as AWM does.", commands, argv),
};
