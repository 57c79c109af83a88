import { envSummary } from "../http/routes/envs.ts";
import { createRuntime } from "../runtime/runtime.ts";
import { parseFlags, type Command } from "./command.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";
import { loadProgress } from "./progress.ts";

export const envsListCommand: Command = {
  name: "list",
  summary: "list the envs with their tool, task, table and row counts",
  usage: `List envs, and the ones that failed to load with the reason.

Usage: awm envs list [options]

Options:
${envFlagsUsage}  --json                 print JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values } = parseFlags("envs list", argv, { ...envFlags, json: { type: "boolean" } });
    const runtime = await createRuntime({ ...runtimeOptions(values), workers: 1, log: () => {}, onLoadProgress: loadProgress() });
    try {
      const envs = runtime.registry.list().map(envSummary);
      const broken = runtime.registry.broken.map((b) => ({ name: b.name, reason: b.reason }));
      if (values.json) {
        console.log(JSON.stringify({ envs, broken }, null, 2));
        return;
      }
      const rows = [["NAME", "TOOLS", "TASKS", "TABLES", "ROWS", "DESCRIPTION"], ...envs.map((e) => [e.name, e.tools, e.tasks, e.tables, e.rows, e.description.slice(0, 60)].map(String))];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const r of rows) console.log(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "));
      for (const b of broken) console.log(`${b.name}: ${b.reason.startsWith("not servable") ? b.reason : `not servable: ${b.reason}`}`);
    } finally {
      runtime.close();
    }
  },
};
