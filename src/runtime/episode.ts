import type { DbDiff } from "../envkit/diff-types.ts";
import type { Env } from "./registry.ts";
import type { WorkerHandle } from "./worker-handle.ts";
import type { VerifyMode } from "./verification.ts";
import type { CallValue } from "./worker-protocol.ts";

/** Per-episode counts of what went wrong: the inputs of a step-level format reward. */
export interface EpisodeCounts {
  calls: number;
  unknown_tool: number;
  invalid_args: number;
  tool_error: number;
  tool_exception: number;
}

/** One tool call, as kept in the episode's log. */
export interface CallRecord {
  seq: number;
  tool: string;
  arguments: unknown;
  ok: boolean;
  /** The result text, cut to RESULT_LOG_CHARS. */
  result?: string;
  error?: string;
  kind?: string;
  ms: number;
  at: number;
}

/** One live episode. */
export interface Episode {
  id: string;
  env: Env;
  task: number | null;
  worker: WorkerHandle;
  createdAt: number;
  lastActiveAt: number;
  ttlMs: number;
  /** Why the episode was lost, once its worker was replaced. */
  lost: string | null;
  counts: EpisodeCounts;
  log: CallRecord[];
  lastVerdict: string | null;
}

export interface CreateEpisodeOptions {
  env: string;
  task?: number;
  seed?: number;
  ttlS?: number;
  /** Start from this database instead of the template (a saved run's final state, to verify it again). */
  restore?: Uint8Array;
}

/** A tool call's outcome as the agent sees it. */
export type CallOutcome =
  | ({ ok: true } & CallValue)
  | { ok: false; kind: "unknown_tool" | "invalid_args" | "tool_error" | "tool_exception"; message: string };

export interface VerifyOutcome {
  verdict: string;
  reward: number;
  /** The mode that ran: the one asked for, or the env's default for the task. */
  mode: VerifyMode;
  facts: Record<string, unknown>;
  diff: DbDiff | null;
  counts: EpisodeCounts;
}
