import { UsageError } from "../errors.ts";
import { envDetail } from "../http/routes/envs.ts";
import { createRuntime } from "../runtime/runtime.ts";
import { parseFlags, type Command } from "./command.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

export const envsShowCommand: Command = {
  name: "show",
  summary: "show one env: description, tools, tasks",
  usage: `Show one env's tools and tasks.

Usage: awm envs show NAME [options]

Options:
${envFlagsUsage}  --json                 print JSON (tools in MCP and OpenAI format)
  -h, --help             show this help
`,
  async run(argv) {
    const { values, positionals } = parseFlags("envs show", argv, { ...envFlags, json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("name one env: awm envs show NAME");
    const runtime = await createRuntime({ ...runtimeOptions(values), workers: 1, log: () => {} });
    try {
      const env = envDetail(runtime.registry.get(positionals[0]!));
      if (values.json) {
        console.log(JSON.stringify(env, null, 2));
        return;
      }
      console.log(`${env.name} (version ${env.version}): ${env.tables} tables, ${env.rows} rows, clock ${env.now}, user ${env.user_id}`);
      console.log(`\n${env.description}\n\nTools (${env.tools.length}):`);
      for (const t of env.tools) console.log(`  ${t.name.padEnd(32)} ${t.description.split("\n")[0]!.slice(0, 90)}`);
      console.log(`\nTasks (${env.tasks.length}):`);
      for (const t of env.tasks) console.log(`  ${String(t.id).padStart(2)}. ${t.prompt}`);
    } finally {
      runtime.close();
    }
  },
};
