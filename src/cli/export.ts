import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { exportAwm } from "../awm1k/export.ts";
import { UsageError } from "../errors.ts";
import { findEnvDirs } from "../runtime/load-envs.ts";
import { createRuntime } from "../runtime/runtime.ts";
import { parseFlags, type Command } from "./command.ts";
import { envFlags, envFlagsUsage, runtimeOptions } from "./env-flags.ts";

export const exportCommand: Command = {
  name: "export",
  summary: "write envs as AgentWorldModel-1K JSONL files",
  usage: `Write envs as AWM JSONL files that the reference's tools read. ENV is an env name
(shipped, or from --envs) or an env folder. With no ENV, every loaded env is written.

Usage: awm export [ENV...] --out DIR [options]

Options:
  --out DIR              where the JSONL files go (required)
${envFlagsUsage}  --json                 print the report as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values, positionals } = parseFlags("export", argv, { ...envFlags, out: { type: "string" }, json: { type: "boolean" } }, true);
    if (!values.out) throw new UsageError("--out DIR is required (see awm export --help)");
    const folders = positionals.filter((p) => existsSync(p) && statSync(p).isDirectory()).flatMap((p) => findEnvDirs(p));
    const names = positionals.filter((p) => !existsSync(p));
    const sources = folders.map((dir) => ({ dir }));
    if (names.length || positionals.length === 0) {
      // Loaded envs give their origin folder and their tools (from tools.ts, when there is no tools.json).
      const runtime = await createRuntime({ ...runtimeOptions(values), workers: 1, log: () => {} });
      try {
        const envs = runtime.registry.list().filter((e) => positionals.length === 0 || names.includes(e.name));
        for (const n of names) if (!envs.some((e) => e.name === n)) throw new UsageError(`unknown env '${n}'`);
        for (const e of envs) {
          if (e.origin.startsWith("embedded:")) throw new UsageError(`env '${e.name}' is compiled into this binary; export it from its source folder`);
          sources.push({ dir: e.origin, tools: e.tools } as { dir: string });
        }
        const report = await exportAwm(sources, resolve(values.out));
        print(report, values.json);
      } finally {
        runtime.close();
      }
      return;
    }
    print(await exportAwm(sources, resolve(values.out)), values.json);
  },
};

function print(report: Awaited<ReturnType<typeof exportAwm>>, json?: boolean): void {
  if (json) return void console.log(JSON.stringify(report, null, 2));
  for (const [file, n] of Object.entries(report.lines)) console.log(`${file}: ${n} lines`);
  for (const note of report.notes) console.log(`note: ${note}`);
  console.log(`wrote ${report.scenarios.length} scenarios to ${report.out}`);
}
