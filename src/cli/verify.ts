import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { verifyRecord } from "../agent/run-task.ts";
import type { Trajectory } from "../agent/trajectory.ts";
import { UsageError } from "../errors.ts";
import { createRuntime } from "../runtime/runtime.ts";
import { resolveVerifyMode } from "../runtime/verification.ts";
import { parseFlags, type Command } from "./command.ts";
import { judgeFlags, judgeFlagsUsage, judgeFrom, verifyModeFlag } from "./agent-flags.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

export const verifyCommand: Command = {
  name: "verify",
  summary: "verify a saved run again, by code, Python or an LLM judge",
  usage: `Verify a saved run folder (trajectory.json and final.db) again, and write verify.MODE.json
(MODE: the mode that ran).

Usage: awm verify RUN_DIR [options]

Options:
  --mode M               code (the env's verify.ts), python (its AWM verifiers) or judge
                         (the verifier's facts and the trajectory, judged by a model);
                         default: code if the task has a verify.ts verifier, else python
${judgeFlagsUsage}${envFlagsUsage}  --json                 print the result as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values, positionals } = parseFlags("verify", argv, { ...envFlags, ...judgeFlags, mode: { type: "string" }, json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("name one run folder: awm verify RUN_DIR");
    const dir = positionals[0]!;
    for (const f of ["trajectory.json", "final.db"]) if (!existsSync(join(dir, f))) throw new UsageError(`${dir} has no ${f}: is it a run folder?`);
    const mode = verifyModeFlag(values.mode, { flag: "mode", judge: !!values["judge-model"] });
    const t = JSON.parse(readFileSync(join(dir, "trajectory.json"), "utf8")) as Trajectory;
    if (t.task_id === null || !t.scenario) throw new UsageError("this run has no env task (free text with --mcp-url): nothing to verify against");
    const runtime = await createRuntime({ ...runtimeOptions(values), only: [t.scenario], workers: 1, judge: judgeFrom(values, process.env), log: () => {} });
    try {
      const ep = runtime.manager.create({ env: t.scenario, task: t.task_id, restore: readFileSync(join(dir, "final.db")) });
      const answer = t.trajectory.at(-1)?.content ?? "";
      const used = resolveVerifyMode(ep.env, t.task_id, mode);
      const v = await runtime.manager.verify(ep, { answer, mode: used, trajectory: t.trajectory });
      runtime.manager.close(ep.id);
      const record = verifyRecord(t, used, v);
      writeFileSync(join(dir, `verify.${used}.json`), JSON.stringify(record, null, 4));
      console.log(values.json ? JSON.stringify(record, null, 2) : `${t.scenario} task ${t.task_id}: ${v.verdict} (reward ${v.reward})`);
      return 0;
    } finally {
      runtime.close();
    }
  },
};
