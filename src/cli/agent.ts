import { resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { formatChecks } from "../agent/format-checks.ts";
import { runAgent } from "../agent/loop.ts";
import { makeRunDir, saveTrajectory } from "../agent/run-dir.ts";
import { runTask } from "../agent/run-task.ts";
import { UsageError } from "../errors.ts";
import { intFlag, parseFlags, type Command } from "./command.ts";
import { agentModel, judgeFlags, judgeFlagsUsage, modelFlags, modelFlagsUsage, serverFlags, serverFlagsUsage, withAgentServer } from "./agent-flags.ts";
import { envFlags, envFlagsUsage } from "./env-flags.ts";

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
  --mcp-url URL          an MCP endpoint to talk to directly
${serverFlagsUsage}${modelFlagsUsage}${judgeFlagsUsage}  --out DIR              where run folders go (default ./runs)
${envFlagsUsage}  --json                 print the result as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("agent", argv, {
      ...envFlags,
      ...modelFlags,
      ...judgeFlags,
      ...serverFlags,
      env: { type: "string" },
      task: { type: "string" },
      "mcp-url": { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    });
    if (!values.task) throw new UsageError("--task is required (see awm agent --help)");
    const model = agentModel(values, process.env);
    const out = resolve(values.out ?? "runs");

    if (values["mcp-url"]) {
      const mcp = new Client({ name: "awm-agent", version: "1" });
      await mcp.connect(new StreamableHTTPClientTransport(new URL(values["mcp-url"])));
      const t = await runAgent({ ...model, mcp, task: values.task, scenario: "", taskId: null }).finally(() => mcp.close());
      const dir = makeRunDir(out, "mcp");
      const format = formatChecks(t, { requireReasoning: model.requireReasoning });
      saveTrajectory(dir, t, format);
      console.log(values.json ? JSON.stringify({ run_dir: dir, turns: t.total_iterations, stopped: t.awm.stopped, format }, null, 2) : `${t.awm.stopped} after ${t.total_iterations} turns; run saved in ${dir}`);
      return 0;
    }

    if (!values.env) throw new UsageError("--env NAME is required, or --mcp-url URL (see awm agent --help)");
    const task = intFlag(values.task, "task", 0);
    const env = values.env;
    // One episode of one env: one tool worker, and no other env loaded.
    return withAgentServer(values, process.env, { workers: 1, only: [env] }, async ({ client, verifyMode }) => {
      const run = await runTask(client, env, task, model, { outDir: out, verifyMode });
      const summary = { env: run.env, task: run.task, verdict: run.verify?.verdict, reward: run.verify?.reward, turns: run.trajectory.total_iterations, stopped: run.trajectory.awm.stopped, first_format_violation: run.format.first_violation, run_dir: run.runDir };
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(`${run.env} task ${run.task}: ${summary.verdict} (reward ${summary.reward}) after ${summary.turns} turns, ${summary.stopped}${summary.first_format_violation ? `; first format violation at step ${summary.first_format_violation}` : ""}\nrun saved in ${run.runDir}`);
      return 0;
    });
  },
};
