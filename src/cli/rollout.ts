import { resolve } from "node:path";
import { rollout, summarize } from "../agent/rollout.ts";
import { serverClient } from "../agent/server-client.ts";
import { UsageError } from "../errors.ts";
import { startServer } from "../http/server.ts";
import { Progress } from "../synth/progress.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { agentModel, judgeFlags, judgeFlagsUsage, judgeFrom, modelFlags, modelFlagsUsage, verifyModeFlag } from "./agent-flags.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

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
  --server URL           a running awm server instead of one started here
  --token TOKEN          that server's bearer token (default AWM_TOKEN)
${modelFlagsUsage}  --verify-mode M        code, python or judge (default: the env's verifier)
${judgeFlagsUsage}${envFlagsUsage}  --json                 print the summary as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("rollout", argv, {
      ...envFlags,
      ...modelFlags,
      ...judgeFlags,
      env: { type: "string", multiple: true },
      task: { type: "string", multiple: true },
      samples: { type: "string" },
      concurrency: { type: "string" },
      out: { type: "string" },
      runs: { type: "string" },
      server: { type: "string" },
      token: { type: "string" },
      "verify-mode": { type: "string" },
      json: { type: "boolean" },
    });
    const model = agentModel(values, process.env);
    const verifyMode = verifyModeFlag(values["verify-mode"], { flag: "verify-mode", judge: !!(values.server || values["judge-model"]) });
    const local = values.server ? null : await startServer({ ...runtimeOptions(values), port: 0, host: "127.0.0.1", judge: judgeFrom(values, process.env), log: () => {} });
    try {
      const server = serverClient(values.server ?? local!.url, values.token ?? process.env.AWM_TOKEN);
      const { envs } = await server.json<{ envs: { name: string; tasks: number }[] }>("GET", "/v1/envs");
      const jobs: { env: string; task: number }[] = [];
      for (const spec of values.task ?? []) {
        const m = /^([\w.-]+):(\d+)$/.exec(spec);
        if (!m) throw new UsageError(`--task takes NAME:N, got '${spec}'`);
        jobs.push({ env: m[1]!, task: Number(m[2]) });
      }
      const named = values.env ?? (values.task ? [] : envs.map((e) => e.name));
      for (const name of named) {
        const env = envs.find((e) => e.name === name);
        if (!env) throw new UsageError(`unknown env '${name}'`);
        for (let task = 0; task < env.tasks; task++) jobs.push({ env: name, task });
      }
      const samples = intFlag(values.samples, "samples", 1, 1);
      const progress = new Progress("rollout", jobs.length * samples);
      const records = await rollout({
        server,
        jobs,
        samples,
        concurrency: intFlag(values.concurrency, "concurrency", 8, 1),
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
    } finally {
      await local?.stop();
    }
  },
};
