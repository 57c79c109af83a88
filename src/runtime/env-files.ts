import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { EnvLoadError } from "../errors.ts";
import { formatIssues } from "../format-issues.ts";
import type { PythonVerifier } from "../verify/python.ts";

/** env.json */
export const EnvMetaSchema = v.object({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_.-]{0,127}$/, "use lower-case letters, digits, '_', '.', '-'")),
  description: v.string(),
  version: v.optional(v.string(), "1"),
  now: v.optional(v.pipe(v.string(), v.isoTimestamp("use an ISO 8601 timestamp like 2026-03-14T09:00:00Z")), "2026-01-01T09:00:00Z"),
  user_id: v.optional(v.pipe(v.number(), v.integer()), 1),
});
export type EnvMeta = v.InferOutput<typeof EnvMetaSchema>;

/** One task of tasks.json; extra fields are kept. */
export const TaskSchema = v.looseObject({ prompt: v.pipe(v.string(), v.minLength(1)) });
export type Task = v.InferOutput<typeof TaskSchema>;

/** python_verifiers.json: AWM verifiers kept as Python (imported envs). */
export const PythonVerifiersSchema = v.array(
  v.object({
    task: v.pipe(v.number(), v.integer(), v.minValue(0)),
    mode: v.picklist(["code", "sql"]),
    function_name: v.string(),
    code: v.string(),
  }),
);

/** An env as files: everything but the bundled code. */
export interface EnvFiles {
  meta: EnvMeta;
  tasks: Task[];
  schemaSql: string;
  seedSql: string;
  pythonVerifiers: PythonVerifier[];
}

/** Reads and checks an env folder's data files (env.json, tasks.json, schema.sql, seed.sql, python_verifiers.json). */
export function readEnvFiles(dir: string, options: { requireCode?: boolean } = {}): EnvFiles {
  const label = dir.split("/").filter(Boolean).pop() ?? dir;
  const text = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new EnvLoadError(label, `missing ${file}`);
    return readFileSync(path, "utf8");
  };
  const meta = parseJson(label, "env.json", text("env.json"), EnvMetaSchema);
  const tasks = parseJson(meta.name, "tasks.json", text("tasks.json"), v.array(TaskSchema));
  if (options.requireCode !== false && !existsSync(join(dir, "tools.ts"))) {
    throw new EnvLoadError(meta.name, existsSync(join(dir, "tools.json")) ? `not servable: tools not ported (run: awm port ${meta.name})` : "missing tools.ts");
  }
  const pythonVerifiers = existsSync(join(dir, "python_verifiers.json")) ? parseJson(meta.name, "python_verifiers.json", text("python_verifiers.json"), PythonVerifiersSchema) : [];
  if (options.requireCode !== false && !existsSync(join(dir, "verify.ts")) && pythonVerifiers.length === 0) throw new EnvLoadError(meta.name, "missing verify.ts");
  return { meta, tasks, schemaSql: text("schema.sql"), seedSql: existsSync(join(dir, "seed.sql")) ? text("seed.sql") : "", pythonVerifiers };
}

function parseJson<S extends v.GenericSchema>(env: string, file: string, body: string, schema: S): v.InferOutput<S> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    throw new EnvLoadError(env, `${file} is not valid JSON: ${(err as Error).message}`);
  }
  const r = v.safeParse(schema, data);
  if (!r.success) throw new EnvLoadError(env, `${file}: ${formatIssues(r.issues)}`);
  return r.output;
}
