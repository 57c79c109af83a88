import * as v from "valibot";
import type { SpecEndpoint } from "../../awm1k/spec-tools.ts";
import { runScenarios, type GenContext } from "../context.ts";
import { converse } from "../converse.ts";
import { parseAnswer } from "../parse.ts";
import systemPrompt from "../prompts/spec.md" with { type: "text" };

const Param = v.object({
  type: v.string(),
  param_type: v.optional(v.string(), "body"),
  required: v.optional(v.boolean(), false),
  description: v.optional(v.string(), ""),
  example: v.optional(v.unknown()),
});
const Endpoint = v.looseObject({
  operation_id: v.string(),
  method: v.optional(v.string(), "POST"),
  path: v.optional(v.string()),
  summary: v.optional(v.string(), ""),
  description: v.optional(v.string(), ""),
  request_params: v.optional(v.record(v.string(), Param), {}),
  response: v.optional(v.record(v.string(), v.unknown()), {}),
});
const Answer = v.object({ api_groups: v.array(v.object({ group_name: v.string(), endpoints: v.array(Endpoint) })) });

const TYPES = new Set(["string", "integer", "number", "float", "boolean", "array", "object"]);

/** gen spec: the API per scenario: unique snake_case tool names, typed parameters, path parameters in their paths. */
export async function genSpec(ctx: GenContext): Promise<void> {
  const s = ctx.stores;
  await runScenarios(ctx, "spec", s.sample, s.spec, async (name, _sample, ctx) => {
    const db = s.db.get(name)!;
    const tasks = s.tasks.get(name)?.tasks ?? [];
    const r = await converse(
      ctx.model,
      ctx.o.maxRetries + 1,
      [
        { role: "system", content: systemPrompt },
        {
          role: "user",
          content: `Product: ${db.scenario}\n\nSchema:\n${db.db_schema.tables.map((t) => t.ddl).join("\n\n")}\n\nTasks:\n${tasks.map((t, i) => `${i}. ${t}`).join("\n")}`,
        },
      ],
      async (answer) => {
        const spec = parseAnswer(answer.text, Answer);
        const problems = checkSpec(spec.api_groups.flatMap((g) => g.endpoints));
        return problems.length ? { ok: false, problems } : { ok: true, value: spec };
      },
    );
    if (!r.value || !r.passed) return { status: "failed", attempts: r.attempts, errors: r.errors };
    const notes = { endpoints: r.value.api_groups.reduce((n, g) => n + g.endpoints.length, 0) };
    return { status: "ok", attempts: r.attempts, errors: r.errors, notes, record: { scenario: db.scenario, api_spec: r.value } };
  });
}

/** Problems of a spec's endpoints: names, duplicates, parameter types, path parameters. */
function checkSpec(endpoints: SpecEndpoint[]): string[] {
  const problems: string[] = [];
  if (endpoints.length === 0) problems.push("the spec has no endpoints");
  const seen = new Set<string>();
  for (const e of endpoints) {
    const id = e.operation_id ?? "";
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(id)) problems.push(`operation_id '${id}' is not snake_case (a-z, 0-9, _)`);
    if (seen.has(id)) problems.push(`operation_id '${id}' is used twice`);
    seen.add(id);
    for (const [p, def] of Object.entries(e.request_params ?? {})) {
      if (!TYPES.has(String(def.type))) problems.push(`${id}.${p}: type '${def.type}' is not one of ${[...TYPES].join(", ")}`);
      if (def.param_type === "path" && !(e.path ?? "").includes(`{${p}}`)) problems.push(`${id}.${p} is a path parameter but the path ${e.path} has no {${p}}`);
    }
  }
  return problems;
}
