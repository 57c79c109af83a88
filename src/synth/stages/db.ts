import * as v from "valibot";
import { normalizeScenarioName } from "../../awm1k/normalize.ts";
import { referenceBuild, type AwmTable } from "../../awm1k/reference-build.ts";
import { converse, runScenarios, type GenContext } from "../context.ts";
import { parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/db.md" with { type: "text" };
import { dbPath } from "../records.ts";

const Answer = v.object({
  tables: v.pipe(
    v.array(v.object({ name: v.string(), ddl: v.string(), indexes: v.optional(v.array(v.string()), []) })),
    v.minLength(1, "no tables"),
  ),
});

/**
 * gen db: a schema per scenario, checked by executing every statement the way the
 * reference builds databases. More than the error threshold of failing tables sends the
 * failures back to the model; the best attempt is kept.
 */
export async function genDb(ctx: GenContext): Promise<void> {
  const s = ctx.stores;
  const items = s.tasks.all().map((r) => ({ name: normalizeScenarioName(r.scenario), input: r }));
  await runScenarios(ctx, "db", items, (n) => s.db.has(n), async (name, tasks, ctx) => {
    const scenario = s.scenario.get(name);
    const r = await converse(
      ctx,
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
    if (!r.value) return { status: "failed", attempts: r.attempts, errors: r.errors };
    s.db.put({ scenario: tasks.scenario, db_schema: { tables: r.value.tables }, db_path: dbPath(name) });
    return { status: r.passed ? "ok" : "failed", attempts: r.attempts, errors: r.errors, notes: { tables: r.value.tables.length, failed_statements: r.value.failures } };
  });
  s.db.compact();
}

/** Executes the schema as the reference does; returns one line per failing table. */
async function buildSchema(tables: AwmTable[]): Promise<string[]> {
  const build = await referenceBuild(tables, []);
  return build.failed.map((f) => `table ${f.table}: ${f.error} in: ${f.sql.replace(/\s+/g, " ").slice(0, 160)}`);
}
