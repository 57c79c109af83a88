import type { DbDiff } from "../envkit/diff-types.ts";
import { BadRequestError } from "../errors.ts";
import type { JudgeFn } from "../verify/judge-types.ts";
import { runOnEpisodeCopies, verifyWithPython } from "../verify/python-episode.ts";
import type { PythonVerifier } from "../verify/python.ts";
import type { Episode } from "./episode.ts";
import type { Env } from "./registry.ts";

/** How a task is verified: its TypeScript verifier, its AWM Python verifier, or an LLM judge over the verifier's facts. */
export type VerifyMode = "code" | "python" | "judge";

export interface VerificationOptions {
  answer?: string;
  mode?: VerifyMode;
  /** For judge mode: what the agent did (default: the server's log of the episode's calls). */
  trajectory?: unknown;
}

/** What verification needs from the episode manager and the server's settings. */
export interface VerificationDeps {
  /** Runs the task's TypeScript verifier in the episode's worker. */
  codeVerify(ep: Episode, task: number, answer?: string): Promise<{ verdict: string; facts: Record<string, unknown>; diff: DbDiff | null }>;
  dump(ep: Episode): Promise<Uint8Array>;
  diff(ep: Episode): Promise<DbDiff>;
  scratchDir: string;
  pythonTimeoutMs: number;
  python?: string;
  judge?: JudgeFn;
}

/** What a verification found, and the mode that ran. */
export interface Verification {
  verdict: string;
  facts: Record<string, unknown>;
  diff: DbDiff | null;
  mode: VerifyMode;
}

/** The mode a verify runs in: the one asked for, else code if the task has a verify.ts verifier, else python. */
export function resolveVerifyMode(env: Env, task: number, mode?: VerifyMode): VerifyMode {
  return mode ?? (env.codeVerifiers.has(task) ? "code" : "python");
}

/** Runs an episode's verification in the mode asked for (default: see resolveVerifyMode). */
export async function verifyEpisode(d: VerificationDeps, ep: Episode, task: number, o: VerificationOptions): Promise<Verification> {
  const env = ep.env;
  const python = (mode: "code" | "sql") => env.pythonVerifiers.find((v) => v.task === task && v.mode === mode);
  const mode = resolveVerifyMode(env, task, o.mode);
  if (mode === "code" && !env.codeVerifiers.has(task)) throw new BadRequestError(`task ${task} of env '${env.name}' has no verifier in verify.ts; use mode "python"`);
  if (mode === "python" && !python("code")) throw new BadRequestError(`task ${task} of env '${env.name}' has no Python verifier; use mode "code"`);

  const pythonVerdict = async (pv: PythonVerifier) => {
    const r = await verifyWithPython({ verifier: pv, initialDbPath: env.templatePath, finalDb: await d.dump(ep), scratchDir: d.scratchDir, answer: o.answer, timeoutMs: d.pythonTimeoutMs, python: d.python });
    return { ...r, diff: await d.diff(ep) };
  };
  if (mode === "code") return { ...(await d.codeVerify(ep, task, o.answer)), mode };
  if (mode === "python") return { ...(await pythonVerdict(python("code")!)), mode };

  if (!d.judge) throw new BadRequestError('mode "judge" needs a judge model: start the server with --judge-model NAME (and OPENAI_API_KEY, OPENAI_BASE_URL)');
  // The facts the judge reads: the sql-mode verifier's (AWM's recommended pairing), else the
  // verdict and facts of the task's own verifier (TypeScript when it has one, else Python).
  const sql = python("sql");
  let result: unknown;
  let diff: DbDiff | null;
  if (sql) {
    const out = await runOnEpisodeCopies({ verifier: sql, initialDbPath: env.templatePath, finalDb: await d.dump(ep), scratchDir: d.scratchDir, answer: o.answer, timeoutMs: d.pythonTimeoutMs, python: d.python });
    result = out.ok ? out.result : { error: out.error };
    diff = await d.diff(ep);
  } else {
    const pv = python("code");
    const r = env.codeVerifiers.has(task) || !pv ? await d.codeVerify(ep, task, o.answer) : await pythonVerdict(pv);
    result = { verdict: r.verdict, ...r.facts };
    diff = r.diff;
  }
  const judged = await d.judge({ task: env.tasks[task]!.prompt, trajectory: o.trajectory ?? callLog(ep), verification: { code_execution_result: result } });
  return { verdict: judged.classification, facts: { judge: { classification: judged.classification, reasoning: judged.reasoning }, verification: result }, diff, mode };
}

/** The server's record of an episode's calls, as a trajectory for the judge. */
function callLog(ep: Episode): unknown[] {
  return ep.log.map((c) => ({ step: c.seq, tool: c.tool, arguments: c.arguments, ok: c.ok, ...(c.ok ? { result: c.result } : { error: c.error }) }));
}
