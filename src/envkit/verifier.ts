import type { SqlReader } from "./sql.ts";
import type { DbDiff } from "./diff-types.ts";

/** A code verifier's judgement. `others` covers "nothing or the wrong thing was done". */
export type Verdict = "complete" | "incomplete" | "others";

/** What a verifier receives. */
export interface VerifierContext {
  /** The episode's initial state (the env template). */
  initial: SqlReader;
  /** The episode's final state. */
  final: SqlReader;
  /** The agent's final answer, if the caller passed one. */
  answer: string | undefined;
  userId: number;
  /** The env's fixed "now". */
  now: Date;
  /** Rows inserted, updated and deleted per table, by primary key. */
  diff: DbDiff;
}

/** A verdict plus facts that explain it (shown to people and to an LLM judge). */
export interface VerifierResult {
  verdict: Verdict;
  facts?: Record<string, unknown>;
}

export type Verifier = (v: VerifierContext) => VerifierResult | Promise<VerifierResult>;

/** Declares one verifier per task index; `verify.ts` does `export default defineVerifiers({ 0: ..., 1: ... })`. */
export function defineVerifiers(verifiers: Record<number, Verifier>): Record<number, Verifier> {
  return verifiers;
}

/**
 * Turns named checks into a verdict: all true is complete, some true is incomplete, none is others.
 * The checks are returned as facts, together with `extra`.
 */
export function grade(checks: Record<string, boolean>, extra: Record<string, unknown> = {}): VerifierResult {
  const values = Object.values(checks);
  const passed = values.filter(Boolean).length;
  const verdict: Verdict = values.length > 0 && passed === values.length ? "complete" : passed > 0 ? "incomplete" : "others";
  return { verdict, facts: { checks, ...extra } };
}
