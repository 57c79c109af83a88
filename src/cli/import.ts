import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { AWM_FILES } from "../awm1k/files.ts";
import { importAwm } from "../awm1k/import.ts";
import { UsageError } from "../errors.ts";
import { parseFlags, type Command } from "./command.ts";
import { loadProgress } from "./progress.ts";

export const importCommand: Command = {
  name: "import",
  summary: "import AgentWorldModel-1K JSONL files as env folders",
  usage: `Import AWM files (gen_scenario, gen_tasks, gen_db, gen_sample, gen_spec, gen_envs,
gen_verifier[.pure_code] .jsonl) into one env folder per scenario. The database is built
the way the reference builds it; the report lists, per scenario, tables and rows created
and every statement that failed. Tools come as contracts from gen_spec and must be
ported (awm port NAME) before the env can be served; verifiers run in python mode, and
tasks without a code-mode verifier are left out (the report lists them).

Usage: awm import DIR [options]

Options:
  --out DIR              where env folders go (default ./awm-envs)
  --only NAME,...        import only these scenarios (normalized names)
  --now ISO              pin the data's "now" (datetime('now'), CURRENT_TIMESTAMP) to this
                         instant, which also becomes the envs' clock (default: now)
  --json                 print the full report as JSON
  -h, --help             show this help
`,
  async run(argv) {
    const { values, positionals } = parseFlags("import", argv, { out: { type: "string" }, only: { type: "string" }, now: { type: "string" }, json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("name the folder with the AWM files: awm import DIR");
    const dir = resolve(positionals[0]!);
    if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    if (!existsSync(join(dir, AWM_FILES.db))) throw new UsageError(`${dir} has no ${AWM_FILES.db}: is it an AWM output folder?`);
    const now = values.now ? new Date(values.now) : new Date(Math.floor(Date.now() / 1000) * 1000);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO timestamp, got '${values.now}'`);
    const report = await importAwm({
      dir,
      out: resolve(values.out ?? "awm-envs"),
      only: values.only?.split(",").map((s) => s.trim()).filter(Boolean),
      now,
      onProgress: loadProgress("importing"),
    });
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      for (const p of report.problems) console.log(`${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
      for (const s of report.scenarios) {
        const failed = s.failed_statements.length;
        const okInserts = s.inserts - s.failed_statements.filter((f) => f.stage === "sample").length;
        console.log(
          `${s.imported ? "imported" : "SKIPPED "} ${s.name}: ${s.tables_created}/${s.tables_declared} tables, ${s.rows} rows (${okInserts}/${s.inserts} inserts), ${s.tasks} tasks, ${s.tools} tools, ${s.verifiers.code} code verifiers${failed ? `, ${failed} failed statement${failed === 1 ? "" : "s"}` : ""}`,
        );
        const grouped = new Map<string, number>();
        for (const f of s.failed_statements) grouped.set(`${f.stage} ${f.table}: ${f.error}`, (grouped.get(`${f.stage} ${f.table}: ${f.error}`) ?? 0) + 1);
        for (const [line, n] of grouped) console.log(`    ${line}${n > 1 ? ` (x${n})` : ""}`);
        for (const p of s.problems) console.log(`    ${p}`);
      }
      console.log(`wrote ${report.scenarios.filter((s) => s.imported).length} env folders to ${report.out}; port their tools with: awm port NAME --envs ${report.out}`);
    }
    return report.scenarios.some((s) => s.imported) ? 0 : 1;
  },
};
