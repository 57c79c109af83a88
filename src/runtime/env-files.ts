import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { EnvLoadError } from "../errors.ts";
import { formatIssues } from "../format-issues.ts";
import type { PythonVerifier } from "../verify/python.ts";

/** Files of an imported env besides the usual ones. */
export const IMPORTED_FILES = {
  tools: "tools.json",
  verifiers: "python_verifiers.json",
  server: "server.py",
  report: "import-report.json",
} as const;

/** env.json */
export const EnvMetaSchema = v.object({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_.-]{0,127}$/, "use lower-case letters, digits, '_', '.', '-'")),
  description: v.string(),
  version: v.optional(v.string(), "1"),
  now: v.optional(v.pipe(v.string(), v.isoTimestamp("use an ISO 8601 timestamp like 2026-03-14T09:00:00Z")), "2026-01-01T09:00:00Z"),
  user_id: v.optional(v.pipe(v.number(), v.integer()), 1),
  /** Where an imported env came from (`awm import`): the format and the scenario's name there. */
  source: v.optional(v.object({ format: v.string(), scenario: v.string() })),
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
    throw new EnvLoadError(meta.name, existsSync(join(dir, IMPORTED_FILES.tools)) ? `not servable: tools not ported (run: awm port ${meta.name})` : "missing tools.ts");
  }
  const verifiersFile = IMPORTED_FILES.verifiers;
  const pythonVerifiers = existsSync(join(dir, verifiersFile)) ? parseJson(meta.name, verifiersFile, text(verifiersFile), PythonVerifiersSchema) : [];
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

/** What an env folder is written from. */
export interface EnvFolder {
  meta: { name: string; description: string; now: Date; source?: { format: string; scenario: string } };
  /** Statements, one per entry: schema.sql and seed.sql. */
  schema: string[];
  inserts: string[];
  /** Task prompts, in task order. */
  tasks: string[];
  /** Further files, written after the others in this order: a string as is, anything else as JSON. */
  files?: Record<string, unknown>;
}

/** Writes an env folder in the format readEnvFiles reads (and `awm serve --envs` loads, given its code). */
export function writeEnvFolder(dir: string, env: EnvFolder): void {
  mkdirSync(dir, { recursive: true });
  const write = (file: string, content: unknown) => writeFileSync(join(dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2) + "\n");
  const { name, description, now, source } = env.meta;
  write("env.json", { name, description, version: "1", now: now.toISOString().replace(/\.\d{3}Z$/, "Z"), user_id: 1, ...(source ? { source } : {}) });
  write("tasks.json", env.tasks.map((prompt) => ({ prompt })));
  write("schema.sql", sqlScript(env.schema));
  write("seed.sql", sqlScript(env.inserts));
  for (const [file, content] of Object.entries(env.files ?? {})) write(file, content);
}

/** Statements as a script: one per entry, each ended with a semicolon that no trailing comment can swallow. */
function sqlScript(statements: string[]): string {
  return (
    statements
      .map((sql) => {
        const body = sql.trim().replace(/;\s*$/, "").trimEnd();
        const lastLine = body.slice(body.lastIndexOf("\n") + 1);
        return lastLine.includes("--") ? `${body}\n;` : `${body};`;
      })
      .join("\n") + "\n"
  );
}
