import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { exportAwm, type ExportSource } from "../awm1k/export.ts";
import { UsageError } from "../errors.ts";
import { IMPORTED_FILES } from "../runtime/env-files.ts";
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
    for (const p of positionals) if (existsSync(p) && !statSync(p).isDirectory()) throw new UsageError(`${p} is a file: name an env or an env folder`);
    const folders = positionals.filter((p) => existsSync(p)).flatMap((p) => findEnvDirs(p));
    const names = positionals.filter((p) => !existsSync(p));
    // Env folders alone need neither the shipped envs nor --envs; names need them.
    const byFolder = positionals.length > 0 && names.length === 0;
    const options = runtimeOptions({ ...values, envs: [...(byFolder ? [] : (values.envs ?? [])), ...folders], "no-shipped": byFolder || values["no-shipped"] });
    const only = names.length && !folders.length ? names : undefined;
    // Loaded envs give their tools (from tools.ts, when there is no tools.json) and their built template.
    const runtime = await createRuntime({ ...options, only, workers: 1, log: () => {} });
    try {
      const wanted = (name: string, origin: string) => positionals.length === 0 || names.includes(name) || folders.includes(origin);
      const sources: (ExportSource & { name: string })[] = [];
      for (const e of runtime.registry.list().filter((e) => wanted(e.name, e.origin))) {
        if (e.origin.startsWith("embedded:")) throw new UsageError(`env '${e.name}' is compiled into this binary; export it from its source folder`);
        sources.push({ name: e.name, dir: e.origin, tools: e.tools, templatePath: e.templatePath });
      }
      for (const b of runtime.registry.broken.filter((b) => wanted(b.name, b.origin))) {
        // An imported env not ported yet: its files hold all that export needs.
        if (existsSync(join(b.origin, IMPORTED_FILES.tools))) sources.push({ name: b.name, dir: b.origin });
        else if (positionals.length) throw new UsageError(`env '${b.name}' does not load: ${b.reason}`);
      }
      for (const n of names) if (!sources.some((s) => s.name === n)) throw new UsageError(`unknown env '${n}'`);
      sources.sort((a, b) => a.name.localeCompare(b.name));
      print(await exportAwm(sources, resolve(values.out)), values.json);
    } finally {
      runtime.close();
    }
  },
};

function print(report: Awaited<ReturnType<typeof exportAwm>>, json?: boolean): void {
  if (json) return void console.log(JSON.stringify(report, null, 2));
  for (const [file, n] of Object.entries(report.lines)) console.log(`${file}: ${n} lines`);
  for (const note of report.notes) console.log(`note: ${note}`);
  console.log(`wrote ${report.scenarios.length} scenarios to ${report.out}`);
}
