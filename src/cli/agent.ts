import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { formatChecks } from "../agent/format-checks.ts";
import { runAgent } from "../agent/loop.ts";
import { runTask } from "../agent/run-task.ts";
import { serverClient } from "../agent/server-client.ts";
import { UsageError } from "../errors.ts";
import { startServer } from "../http/server.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { agentModel, judgeFlags, judgeFlagsUsage, judgeFrom, modelFlags, modelFlagsUsage, verifyModeFlag } from "./agent-flags.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

export const agentCommand: Command = {
  name: "agent",
  summary: "let a model carry out one task and save its run",
  usage: `Run one task with an OpenAI-compatible model over MCP, verify it, and save the run
folder (trajectory.json, initial.db, final.db, verify.MODE.json) as the reference does.

Usage: awm agent --env NAME --task N [options]        (on the envs here, or --server URL)
       awm agent --mcp-url URL --task "text" [options] (any MCP server; no verification)

Options:
  --env NAME             the env
  --task N | TEXT        the task's index, or with --mcp-url its text
  --server URL           a running awm server to use instead of starting one here
  --token TOKEN          that server's bearer token (default AWM_TOKEN)
  --mcp-url URL          an MCP endpoint to talk to directly
${modelFlagsUsage}  --verify-mode M        code, python or judge (default: the env's verifier)
${judgeFlagsUsage}  --out DIR              where run folders go (default ./runs)
${envFlagsUsage}  --json                 print the result as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("agent", argv, {
      ...envFlags,
      ...modelFlags,
      ...judgeFlags,
      env: { type: "string" },
      task: { type: "string" },
      server: { type: "string" },
      token: { type: "string" },
      "mcp-url": { type: "string" },
      "verify-mode": { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    });
    if (!values.task) throw new UsageError("--task is required (see awm agent --help)");
    const model = agentModel(values, process.env);
    const verifyMode = verifyModeFlag(values["verify-mode"], { flag: "verify-mode", judge: !!(values.server || values["judge-model"]) });
    const out = resolve(values.out ?? "runs");

    if (values["mcp-url"]) {
      const mcp = new Client({ name: "awm-agent", version: "1" });
      await mcp.connect(new StreamableHTTPClientTransport(new URL(values["mcp-url"])));
      const t = await runAgent({ ...model, mcp, task: values.task, scenario: "", taskId: null }).finally(() => mcp.close());
      const dir = join(out, `${new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15)}_mcp`);
      mkdirSync(dir, { recursive: true });
      const format = formatChecks(t, { requireReasoning: model.requireReasoning });
      writeFileSync(join(dir, "trajectory.json"), JSON.stringify({ ...t, format }, null, 4));
      console.log(values.json ? JSON.stringify({ run_dir: dir, turns: t.total_iterations, stopped: t.awm.stopped, format }, null, 2) : `${t.awm.stopped} after ${t.total_iterations} turns; run saved in ${dir}`);
      return 0;
    }

    if (!values.env) throw new UsageError("--env NAME is required, or --mcp-url URL (see awm agent --help)");
    const task = intFlag(values.task, "task", 0);
    const local = values.server ? null : await startServer({ ...runtimeOptions(values), port: 0, host: "127.0.0.1", judge: judgeFrom(values, process.env), log: () => {} });
    try {
      const run = await runTask(serverClient(values.server ?? local!.url, values.token ?? process.env.AWM_TOKEN), values.env, task, model, { outDir: out, verifyMode });
      const summary = { env: run.env, task: run.task, verdict: run.verify?.verdict, reward: run.verify?.reward, turns: run.trajectory.total_iterations, stopped: run.trajectory.awm.stopped, first_format_violation: run.format.first_violation, run_dir: run.runDir };
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(`${run.env} task ${run.task}: ${summary.verdict} (reward ${summary.reward}) after ${summary.turns} turns, ${summary.stopped}${summary.first_format_violation ? `; first format violation at step ${summary.first_format_violation}` : ""}\nrun saved in ${run.runDir}`);
      return 0;
    } finally {
      await local?.stop();
    }
  },
};
