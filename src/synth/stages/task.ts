import * as v from "valibot";
import { runScenarios, type GenContext } from "../context.ts";
import { converse } from "../converse.ts";
import { parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/task.md" with { type: "text" };

const Answer = v.object({ tasks: v.array(v.string()) });

/** gen task: N user tasks per scenario. */
export async function genTasks(ctx: GenContext): Promise<void> {
  await runScenarios(ctx, "task", ctx.stores.scenario, ctx.stores.tasks, async (_name, scenario, ctx) => {
    const n = ctx.o.numTasks;
    const r = await converse(
      ctx.model,
      ctx.o.maxRetries + 1,
      [
        { role: "system", content: systemPrompt },
        { role: "user", content: `Product: ${scenario.name}\n\n${scenario.description}\n\nThe current date is ${ctx.o.now.toISOString().slice(0, 10)}. Write ${n} tasks.` },
      ],
      async (answer) => {
        const tasks = [...new Set(parseAnswer(answer.text, Answer).tasks.map((t) => t.trim()).filter((t) => t.length >= 15))];
        if (tasks.length < n) return { ok: false, problems: [`${tasks.length} distinct usable tasks (15+ characters each); write ${n}`] };
        return { ok: true, value: tasks.slice(0, n) };
      },
    );
    if (!r.value || !r.passed) return { status: "failed", attempts: r.attempts, errors: r.errors };
    return { status: "ok", attempts: r.attempts, errors: r.errors, record: { scenario: scenario.name, tasks: r.value } };
  });
}
