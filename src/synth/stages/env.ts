import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awmDbPath } from "../../awm1k/records.ts";
import { specTools } from "../../awm1k/spec-tools.ts";
import { writeEnvFolder } from "../../runtime/env-files.ts";
import { checkTools } from "../check-tools.ts";
import { runScenarios, type GenContext } from "../context.ts";
import { converse } from "../converse.ts";
import { effectiveSql } from "../env-folder.ts";
import { extractCode } from "../parse.ts";
import systemPrompt from "../prompts/env.md" with { type: "text" };
import type { EnvCodeRecord } from "../records.ts";

/**
 * gen env: tools.ts per scenario, for our envkit. It must compile, load, expose every
 * endpoint of the spec with the same parameters, and every tool, called on a fresh episode
 * with arguments drawn from the seed data, must answer without an internal error.
 */
export async function genEnv(ctx: GenContext): Promise<void> {
  const s = ctx.stores;
  await runScenarios(ctx, "env", s.spec, s.envs, async (name, spec, ctx) => {
    const db = s.db.get(name)!;
    const sample = s.sample.get(name);
    const tasks = s.tasks.get(name)?.tasks ?? [];
    const { schema, inserts, rowsByTable } = await effectiveSql(db, sample, ctx.o.now);
    const endpoints = spec.api_spec.api_groups.flatMap((g) => g.endpoints);
    const contract = specTools(endpoints).tools;
    const scratch = mkdtempSync(join(tmpdir(), "awm-gen-env-"));
    try {
      const envDir = join(scratch, name);
      writeEnvFolder(envDir, {
        meta: { name, description: s.scenario.get(name)?.description ?? spec.scenario, now: ctx.o.now },
        schema,
        inserts,
        tasks,
      });
      let probes: EnvCodeRecord["probes"] = [];
      const r = await converse(
        ctx.model,
        ctx.o.maxRetries + 1,
        [
          { role: "system", content: systemPrompt },
          {
            role: "user",
            content: [
              `Product: ${spec.scenario}`,
              `API spec (JSON):\n${JSON.stringify(endpoints)}`,
              `Database schema:\n${schema.join("\n")}`,
              `Rows per table in the initial data:\n${Object.entries(rowsByTable).map(([table, n]) => `${table}: ${n}`).join("\n")}`,
            ].join("\n\n"),
          },
        ],
        async (answer) => {
          const code = extractCode(answer.text, "defineEnv(");
          if (!code) return { ok: false, problems: ["the answer holds no ```ts code block with tools.ts"] };
          const check = await checkTools(envDir, code, contract);
          probes = check.calls;
          return check.problems.length ? { ok: false, problems: check.problems } : { ok: true, value: code };
        },
      );
      if (!r.value || !r.passed) return { status: "failed", attempts: r.attempts, errors: r.errors };
      return { status: "ok", attempts: r.attempts, errors: r.errors, notes: { tools: contract.length }, record: { scenario: spec.scenario, db_path: awmDbPath(name), full_code: null, tools_ts: r.value, probes } };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}
