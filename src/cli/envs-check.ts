import { checkEnvs } from "../runtime/check-envs.ts";
import { parseFlags, type Command } from "./command.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

export const envsCheckCommand: Command = {
  name: "check",
  summary: "run each env's contract: solutions solve every task, untouched episodes do not",
  usage: `Check envs from source folders: each loads; no task verifies complete on an untouched
episode; each task's solution (solutions.json) succeeds and verifies complete; every tool
is called at least once without error; wrong attempts do not verify complete; bad
arguments are rejected naming the field; a missing row is a ToolError naming it.
With NAMEs, only those envs are checked.

Usage: awm envs check [NAME...] [options]

Options:
${envFlagsUsage}  --json                 print JSON
  -h, --help             show this help

Exit status: 0 when every env passes, 1 otherwise.
`,
  async run(argv) {
    const { values, positionals } = parseFlags("envs check", argv, { ...envFlags, json: { type: "boolean" } }, true);
    const { checks, broken } = await checkEnvs({ ...runtimeOptions(values), workers: 1 }, positionals, (c) => {
      if (values.json) return;
      console.log(`${c.ok ? "ok  " : "FAIL"} ${c.env}: ${c.tables} tables, ${c.rows} rows, ${c.tools} tools (${c.toolsCalled} called), ${c.tasks} tasks`);
      for (const p of c.problems) console.log(`     - ${p}`);
    });
    if (values.json) console.log(JSON.stringify({ checks, broken }, null, 2));
    else for (const b of broken) console.log(`FAIL ${b.name}: ${b.reason}`);
    return checks.every((c) => c.ok) && broken.length === 0 ? 0 : 1;
  },
};
