import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { rollout, summarize } from "../agent/rollout.ts";
import { UsageError } from "../errors.ts";
import { Progress } from "../synth/progress.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { agentModel, judgeFlags, judgeFlagsUsage, modelFlags, modelFlagsUsage, serverFlags, serverFlagsUsage, withAgentServer } from "./agent-flags.ts";
import { envFlags, envFlagsUsage } from "./env-flags.ts";

export const rolloutCommand: Command = {
  name: "rollout",
  summary: "run many tasks x samples against one model; a JSONL of rewards and a summary",
  usage: `Run tasks x samples against one model with bounded concurrency. Each finished sample
is appended to the output as {env, task, sample, reward, verdict, turns, tool_calls,
errors, duration_ms}; samples already there are skipped, so a rollout resumes.

Usage: awm rollout [options]

Options:
  --env NAME             every task of this env; repeatable (default: every env)
  --task NAME:N          one task; repeatable
  --samples N            samples per task (default 1)
  --concurrency N        samples in flight (default 8)
  --out FILE             the JSONL (default rollouts.jsonl)
  --runs DIR             also save each sample's run folder here
${serverFlagsUsage}${modelFlagsUsage}${judgeFlagsUsage}${envFlagsUsage}  --json                 print the summary as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("rollout", argv, {
      ...envFlags,
      ...modelFlags,
      ...judgeFlags,
      ...serverFlags,
      env: { type: "string", multiple: true },
      task: { type: "string", multiple: true },
      samples: { type: "string" },
      concurrency: { type: "string" },
      out: { type: "string" },
      runs: { type: "string" },
      json: { type: "boolean" },
    });
    const model = agentModel(values, process.env);
    const concurrency = intFlag(values.concurrency, "concurrency", 8, 1);
    const samples = intFlag(values.samples, "samples", 1, 1);
    const taskJobs = (values.task ?? []).map((spec) => {
      const m = /^([\w.-]+):(\d+)$/.exec(spec);
      if (!m) throw new UsageError(`--task takes NAME:N, got '${spec}'`);
      return { env: m[1]!, task: Number(m[2]) };
    });
    const named = values.env || values.task ? [...(values.env ?? []), ...taskJobs.map((j) => j.env)] : undefined;
    return withAgentServer(values, process.env, { workers: Math.min(concurrency, availableParallelism()), only: named }, async ({ client: server, verifyMode }) => {
      const { envs } = await server.json<{ envs: { name: string; tasks: number }[] }>("GET", "/v1/envs");
      const jobs = [...taskJobs];
      for (const name of values.env ?? (values.task ? [] : envs.map((e) => e.name))) {
        const env = envs.find((e) => e.name === name);
        if (!env) throw new UsageError(`unknown env '${name}'`);
        for (let task = 0; task < env.tasks; task++) jobs.push({ env: name, task });
      }
      const progress = new Progress("rollout", jobs.length * samples);
      const records = await rollout({
        server,
        jobs,
        samples,
        concurrency,
        out: resolve(values.out ?? "rollouts.jsonl"),
        runsDir: values.runs ? resolve(values.runs) : undefined,
        model,
        verifyMode,
        onDone: (r, error) => {
          if (error) console.error(`rollout: ${error}`);
          progress.tick(!!r && r.verdict === "complete", r ? `${r.env}:${r.task}` : "");
        },
      });
      progress.finish();
      const summary = summarize(records);
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else {
        const rows = [["ENV", "SAMPLES", "SUCCESS", "MEAN REWARD", "MEAN TURNS", "TOOL ERRORS", "FORMAT VIOLATIONS"], ...summary.map((s) => [s.env, s.samples, s.success_rate, s.mean_reward, s.mean_turns, s.tool_errors, s.format_violations].map(String))];
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join("  "));
      }
      return 0;
    });
  },
};
