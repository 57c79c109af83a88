import * as v from "valibot";
import { awmDbPath } from "../../awm1k/records.ts";
import { referenceBuild, type AwmTable } from "../../awm1k/reference-build.ts";
import { runScenarios, type GenContext } from "../context.ts";
import { converse } from "../converse.ts";
import { parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/db.md" with { type: "text" };

const Answer = v.object({
  tables: v.pipe(
    v.array(v.object({ name: v.string(), ddl: v.string(), indexes: v.optional(v.array(v.string()), []) })),
    v.minLength(1, "no tables"),
  ),
});

/**
 * gen db: a schema per scenario, checked by executing every statement the way the
 * reference builds databases. More than the error threshold of failing tables sends the
 * failures back to the model. A schema that never passes is not kept (the reference keeps
 * its best attempt): later stages build only on passing schemas, and a re-run, with more
 * retries or a higher threshold, tries again.
 */
export async function genDb(ctx: GenContext): Promise<void> {
  await runScenarios(ctx, "db", ctx.stores.tasks, ctx.stores.db, async (name, tasks, ctx) => {
    const scenario = ctx.stores.scenario.get(name);
    const r = await converse(
      ctx.model,
      ctx.o.maxRetries + 1,
      [
        { role: "system", content: systemPrompt },
        {
          role: "user",
          content: `Product: ${tasks.scenario}\n\n${scenario?.description ?? ""}\n\nTasks the API must support:\n${tasks.tasks.map((t, i) => `${i}. ${t}`).join("\n")}`,
        },
      ],
      async (answer) => {
        const tables: AwmTable[] = parseAnswer(answer.text, Answer).tables;
        const failures = await buildSchema(tables);
        const ratio = failures.length / tables.length;
        if (ratio <= ctx.o.errorThreshold && failures.length < tables.length) return { ok: true, value: { tables, failures } };
        return { ok: false, problems: failures, value: { tables, failures }, score: -ratio };
      },
    );
    const notes = r.value ? { tables: r.value.tables.length, failed_statements: r.value.failures } : undefined;
    if (!r.value || !r.passed) return { status: "failed", attempts: r.attempts, errors: r.errors, notes };
    return { status: "ok", attempts: r.attempts, errors: r.errors, notes, record: { scenario: tasks.scenario, db_schema: { tables: r.value.tables }, db_path: awmDbPath(name) } };
  });
}

/** Executes the schema as the reference does; returns one line per failing table. */
async function buildSchema(tables: AwmTable[]): Promise<string[]> {
  const build = await referenceBuild(tables, []);
  return build.failed.map((f) => `table ${f.table}: ${f.error} in: ${f.sql.replace(/\s+/g, " ").slice(0, 160)}`);
}
