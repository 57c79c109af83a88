import type { DbDiff } from "../envkit/diff-types.ts";
import { BadRequestError } from "../errors.ts";
import type { JudgeFn } from "../verify/judge-types.ts";
import { runOnEpisodeCopies, verifyWithPython } from "../verify/python-episode.ts";
import type { Episode } from "./episodes.ts";

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

/** Runs an episode's verification in the mode asked for (default: code if the task has a verify.ts verifier, else python). */
export async function verifyEpisode(d: VerificationDeps, ep: Episode, task: number, o: VerificationOptions): Promise<{ verdict: string; facts: Record<string, unknown>; diff: DbDiff | null }> {
  const env = ep.env;
  const python = (mode: "code" | "sql") => env.pythonVerifiers.find((v) => v.task === task && v.mode === mode);
  const mode = o.mode ?? (env.codeVerifiers.has(task) ? "code" : "python");
  if (mode === "code" && !env.codeVerifiers.has(task)) throw new BadRequestError(`task ${task} of env '${env.name}' has no verifier in verify.ts; use mode "python"`);
  if (mode === "python" && !python("code")) throw new BadRequestError(`task ${task} of env '${env.name}' has no Python verifier; use mode "code"`);

  // The verdict of the task's own verifier: TypeScript when it has one, else its Python code-mode one.
  const codeMode = async () => {
    const pv = python("code");
    if (env.codeVerifiers.has(task) || !pv) return d.codeVerify(ep, task, o.answer);
    const r = await verifyWithPython({ verifier: pv, initialDbPath: env.templatePath, finalDb: await d.dump(ep), scratchDir: d.scratchDir, answer: o.answer, timeoutMs: d.pythonTimeoutMs, python: d.python });
    return { ...r, diff: await d.diff(ep) };
  };
  if (mode === "code") return d.codeVerify(ep, task, o.answer);
  if (mode === "python") return codeMode();

  if (!d.judge) throw new BadRequestError('mode "judge" needs a judge model: start the server with --judge-model NAME (and OPENAI_API_KEY, OPENAI_BASE_URL)');
  // The facts the judge reads: the sql-mode verifier's (AWM's recommended pairing), else the code verifier's verdict and facts.
  const sql = python("sql");
  let result: unknown;
  let diff: DbDiff | null;
  if (sql) {
    const out = await runOnEpisodeCopies({ verifier: sql, initialDbPath: env.templatePath, finalDb: await d.dump(ep), scratchDir: d.scratchDir, answer: o.answer, timeoutMs: d.pythonTimeoutMs, python: d.python });
    result = out.ok ? out.result : { error: out.error };
    diff = await d.diff(ep);
  } else {
    const r = await codeMode();
    result = { verdict: r.verdict, ...r.facts };
    diff = r.diff;
  }
  const judged = await d.judge({ task: env.tasks[task]!.prompt, trajectory: o.trajectory ?? callLog(ep), verification: { code_execution_result: result } });
  return { verdict: judged.classification, facts: { judge: { classification: judged.classification, reasoning: judged.reasoning }, verification: result }, diff };
}

/** The server's record of an episode's calls, as a trajectory for the judge. */
function callLog(ep: Episode): unknown[] {
  return ep.log.map((c) => ({ step: c.seq, tool: c.tool, arguments: c.arguments, ok: c.ok, ...(c.ok ? { result: c.result } : { error: c.error }) }));
}
