import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { ToolContract } from "../awm1k/spec-tools.ts";
import { SqlConnection } from "../db/connection.ts";
import { IMPORTED_FILES, readEnvFiles } from "../runtime/env-files.ts";
import type { ToolInfo } from "../runtime/env-module.ts";
import { createRuntime } from "../runtime/runtime.ts";
import { verifyModule } from "./env-folder.ts";

type Schema = { properties?: Record<string, { type?: string; examples?: unknown[] }>; required?: string[] };

/** What checking a candidate tools.ts found, and the calls that worked (to keep as probes). */
export interface ToolsCheck {
  problems: string[];
  calls: { name: string; arguments: Record<string, unknown> }[];
}

/** Files of an env folder that a tools check replaces in its copy: tools.ts by the candidate, the verifiers by placeholders. */
const REPLACED = new Set(["tools.ts", "verify.ts", IMPORTED_FILES.verifiers]);

/**
 * Checks a candidate tools.ts for an env folder: it compiles and loads; every tool of the
 * contract exists with the same parameters, required set and types; and every tool,
 * called on a fresh episode with arguments from its contract and the seed data (see
 * seedArguments), answers without an internal error. Problems come one line each (none
 * when it passes). Only tools are checked: the copy it loads has placeholder verifiers,
 * so what the folder's verifiers lack is not blamed on the tools.
 */
export async function checkTools(envDir: string, toolsTs: string, contract: ToolContract[]): Promise<ToolsCheck> {
  const scratch = mkdtempSync(join(tmpdir(), "awm-port-"));
  const dir = join(scratch, "env");
  cpSync(envDir, dir, { recursive: true, filter: (src) => !REPLACED.has(relative(envDir, src)) });
  writeFileSync(join(dir, "tools.ts"), toolsTs);
  const runtime = await loadWithPlaceholders(dir).catch((err: Error) => err);
  try {
    if (runtime instanceof Error) return { problems: [`loading failed: ${runtime.message}`], calls: [] };
    const broken = runtime.registry.broken[0];
    if (broken) return { problems: [`the env does not load: ${broken.reason}`], calls: [] };
    const env = runtime.registry.list()[0]!;
    const problems = compareTools(env.tools, contract);
    const calls: ToolsCheck["calls"] = [];
    const seed = seedArguments(env.templatePath);
    try {
      for (const c of contract) {
        if (!env.toolNames.has(c.name)) continue;
        const ep = runtime.manager.create({ env: env.name });
        const args = seed.argsFor(c);
        const out = await runtime.manager.call(ep, c.name, args);
        runtime.manager.close(ep.id);
        if (out.ok) calls.push({ name: c.name, arguments: args });
        else if (out.kind === "tool_exception") problems.push(`${c.name}(${JSON.stringify(args)}) crashed: ${out.message}`);
        else if (out.kind === "invalid_args") problems.push(`${c.name} rejects arguments that fit its contract, ${JSON.stringify(args)}: ${out.message}`);
      }
    } finally {
      seed.close();
    }
    return { problems, calls };
  } finally {
    if (!(runtime instanceof Error)) runtime.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Loads the env folder with a placeholder verifier per task. */
async function loadWithPlaceholders(dir: string) {
  writeFileSync(join(dir, "verify.ts"), verifyModule(readEnvFiles(dir, { requireCode: false }).tasks.map(() => null)));
  return createRuntime({ envDirs: [dir], workers: 1, log: () => {} });
}

/** Differences between the tools a module declares and the contract, one line each. */
function compareTools(actual: ToolInfo[], contract: ToolContract[]): string[] {
  const problems: string[] = [];
  const byName = new Map(actual.map((t) => [t.name, t.inputSchema as Schema]));
  for (const c of contract) {
    const got = byName.get(c.name);
    if (!got) {
      problems.push(`missing tool ${c.name}`);
      continue;
    }
    const want = c.inputSchema as Schema;
    const wantProps = Object.keys(want.properties ?? {}).sort();
    const gotProps = Object.keys(got.properties ?? {}).sort();
    if (wantProps.join() !== gotProps.join()) problems.push(`${c.name}: parameters are [${gotProps.join(", ")}], the contract says [${wantProps.join(", ")}]`);
    const wantReq = [...(want.required ?? [])].sort().join();
    const gotReq = [...(got.required ?? [])].sort().join();
    if (wantReq !== gotReq) problems.push(`${c.name}: required parameters are [${gotReq}], the contract says [${wantReq}]`);
    for (const p of wantProps) {
      const w = want.properties![p]!.type;
      const g = got.properties?.[p]?.type;
      if (g && w && g !== w && !(w === "number" && g === "integer")) problems.push(`${c.name}.${p}: type ${g}, the contract says ${w}`);
    }
  }
  for (const t of actual) if (!contract.some((c) => c.name === t.name)) problems.push(`tool ${t.name} is not in the contract`);
  return problems;
}

/** Arguments from the contract's examples; required parameters without one get a value of their type. */
function exampleArguments(schema: Schema): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    if (p.examples?.length) args[name] = p.examples[0];
    else if (required.has(name)) args[name] = { integer: 1, number: 1, boolean: true, array: [], object: {} }[p.type ?? ""] ?? "example";
  }
  return args;
}

/**
 * Arguments for calling tools against a template's seed data: the contract's examples
 * (exampleArguments), except that an `x_id` (or `x_ids`) parameter gets an id that exists
 * in table x (or xs, xes, x->ies).
 */
function seedArguments(templatePath: string): { argsFor(tool: ToolContract): Record<string, unknown>; close(): void } {
  const db = SqlConnection.openTemplate(templatePath);
  const tables = new Set(db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((r) => r.name));
  const firstId = new Map<string, number | null>();
  const idOf = (param: string): number | null => {
    const base = param.replace(/_ids?$/, "");
    for (const t of [base, `${base}s`, `${base}es`, base.replace(/y$/, "ies")]) {
      if (!tables.has(t)) continue;
      if (!firstId.has(t)) {
        try {
          firstId.set(t, db.get<{ id: number | null }>(`SELECT min(id) AS id FROM "${t}"`)?.id ?? null);
        } catch {
          firstId.set(t, null); // no id column
        }
      }
      const id = firstId.get(t);
      if (id !== null && id !== undefined) return id;
    }
    return null;
  };
  const argsFor = (tool: ToolContract) => {
    const schema = tool.inputSchema as Schema;
    const args = exampleArguments(schema);
    for (const [name, p] of Object.entries(schema.properties ?? {})) {
      const id = /_ids?$/.test(name) ? idOf(name) : null;
      if (id !== null) args[name] = p.type === "array" ? [id] : id;
    }
    return args;
  };
  return { argsFor, close: () => db.close() };
}
