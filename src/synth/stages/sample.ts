import * as v from "valibot";
import { envSql } from "../../awm1k/env-sql.ts";
import { freezeNow } from "../../awm1k/freeze-now.ts";
import type { AwmTable } from "../../awm1k/reference-build.ts";
import { runScenarios, type GenContext } from "../context.ts";
import { converse } from "../converse.ts";
import { sampleStatements } from "../env-folder.ts";
import { parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/sample.md" with { type: "text" };
import type { SampleRecord } from "../records.ts";

const Answer = v.object({
  tables: v.array(v.object({ table_name: v.string(), reasoning: v.optional(v.string(), ""), insert_statements: v.array(v.string()) })),
  task_checks: v.array(v.object({ task: v.pipe(v.number(), v.integer()), sql: v.string() })),
});

/**
 * gen sample: the initial rows, executed in foreign-key order with foreign keys on; too
 * many failing inserts, or a task whose check query finds no rows (the task is not
 * feasible on the data), goes back to the model with the concrete errors. Data that never
 * passes is not kept, as in gen db.
 */
export async function genSample(ctx: GenContext): Promise<void> {
  await runScenarios(ctx, "sample", ctx.stores.db, ctx.stores.sample, async (name, db, ctx) => {
    const tasks = ctx.stores.tasks.get(name)?.tasks ?? [];
    const schema = db.db_schema.tables.map((t) => [t.ddl, ...t.indexes].join("\n")).join("\n\n");
    const r = await converse(
      ctx.model,
      ctx.o.maxRetries + 1,
      [
        { role: "system", content: systemPrompt },
        {
          role: "user",
          content: `Product: ${db.scenario}\nCurrent time: ${ctx.o.now.toISOString().replace("T", " ").slice(0, 19)} (UTC)\n\nSchema:\n${schema}\n\nTasks:\n${tasks.map((t, i) => `${i}. ${t}`).join("\n")}`,
        },
      ],
      async (answer) => {
        const a = parseAnswer(answer.text, Answer);
        const ordered = fkOrder(db.db_schema.tables, a.tables);
        const record: SampleRecord = {
          scenario: db.scenario,
          tables_count: ordered.length,
          inserts_count: ordered.reduce((n, t) => n + t.insert_statements.length, 0),
          sample_data: { tables: ordered },
          task_checks: a.task_checks,
        };
        const problems = await checkSample(db.db_schema.tables, record, tasks.length, ctx.o);
        return problems.length ? { ok: false, problems, value: record, score: -problems.length } : { ok: true, value: record };
      },
    );
    if (!r.value || !r.passed) return { status: "failed", attempts: r.attempts, errors: r.errors };
    return { status: "ok", attempts: r.attempts, errors: r.errors, record: r.value };
  });
}

/** Builds the data as the env will hold it (its "now" pinned) and runs each task's check query on it, pinned alike. */
async function checkSample(tables: AwmTable[], record: SampleRecord, taskCount: number, o: { now: Date; errorThreshold: number }): Promise<string[]> {
  const problems: string[] = [];
  const build = await envSql(tables, sampleStatements(record), o.now, async (db) => {
    for (let task = 0; task < taskCount; task++) {
      const check = record.task_checks.find((c) => c.task === task);
      if (!check) {
        problems.push(`task ${task}: no task_checks query`);
        continue;
      }
      if (!/^\s*(select|with)\b/i.test(check.sql)) {
        problems.push(`task ${task}: its check must be a SELECT query`);
        continue;
      }
      try {
        const rows = await db.execute(freezeNow(check.sql, o.now).sql);
        if (rows.rows.length === 0) problems.push(`task ${task} is not feasible on the data: ${check.sql} returns no rows`);
      } catch (err) {
        problems.push(`task ${task}: its check query fails: ${(err as Error).message}`);
      }
    }
  });
  const failed = build.failed.filter((f) => f.stage === "sample");
  if (failed.length > o.errorThreshold * Math.max(1, record.inserts_count)) {
    problems.unshift(...failed.slice(0, 30).map((f) => `insert into ${f.table} failed: ${f.error}: ${f.sql.replace(/\s+/g, " ").slice(0, 200)}`));
    if (failed.length > 30) problems.push(`... and ${failed.length - 30} more failing inserts`);
  }
  if (build.rows === 0) problems.unshift("no rows were inserted");
  return problems;
}

/** Sample tables ordered so that every table comes after the tables its schema references. */
function fkOrder<T extends { table_name: string }>(schema: AwmTable[], tables: T[]): T[] {
  const refs = new Map(schema.map((t) => [t.name, new Set([...t.ddl.matchAll(/REFERENCES\s+["`[]?(\w+)/gi)].map((m) => m[1]!).filter((n) => n !== t.name))]));
  const out: T[] = [];
  const placed = new Set<string>();
  let rest = [...tables];
  while (rest.length) {
    const ready = rest.filter((t) => [...(refs.get(t.table_name) ?? [])].every((p) => placed.has(p) || !rest.some((r) => r.table_name === p)));
    const next = ready.length ? ready : [rest[0]!]; // a cycle: keep the given order
    for (const t of next) {
      out.push(t);
      placed.add(t.table_name);
    }
    rest = rest.filter((t) => !next.includes(t));
  }
  return out;
}
