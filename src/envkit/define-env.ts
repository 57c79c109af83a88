import type { GenericSchema, InferOutput } from "valibot";
import type { SqlDatabase } from "./sql.ts";

/** What a tool handler receives besides its arguments. */
export interface ToolContext {
  /** The episode's own database. */
  db: SqlDatabase;
  /** The id of the user the agent acts for (env.json `user_id`, default 1). */
  userId: number;
  /** The episode clock: the env's fixed "now", plus one second per tool call so far. */
  now: Date;
  /** `now` as SQLite text, `YYYY-MM-DD HH:MM:SS` (UTC). */
  timestamp: string;
  /** `now` as a date, `YYYY-MM-DD` (UTC). */
  today: string;
}

/** One tool: a description the agent reads, a valibot input schema, and a handler returning JSON. */
export interface ToolSpec<S extends GenericSchema = GenericSchema> {
  description: string;
  input: S;
  handler: (args: InferOutput<S>, ctx: ToolContext) => unknown;
}

/** What `tools.ts` exports by default. */
export interface EnvDefinition {
  tools: Record<string, ToolSpec>;
}

/** Declares a tool; exists so that `args` gets its type from `input`. */
export function tool<S extends GenericSchema>(spec: ToolSpec<S>): ToolSpec {
  return spec as unknown as ToolSpec;
}

/** Declares an env's toolset; `tools.ts` does `export default defineEnv({ tools: {...} })`. */
export function defineEnv(definition: EnvDefinition): EnvDefinition {
  return definition;
}
