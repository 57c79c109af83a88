import { chmodSync, copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeModeVerdict, runPythonVerifier, type PythonOutcome, type PythonVerifier } from "./python.ts";

export interface PythonEpisodeVerification {
  verifier: PythonVerifier;
  /** The env's template file: the initial state. */
  initialDbPath: string;
  /** The episode's current database, as a file image. */
  finalDb: Uint8Array;
  /** A folder for the read-only copies. */
  scratchDir: string;
  answer?: string;
  timeoutMs: number;
  /** The Python interpreter (default python3). */
  python?: string;
}

/**
 * Runs an AWM Python verifier on an episode. It gets copies of the initial and final
 * states, made read-only: whatever it does to them (root ignores file modes), the template
 * and the episode are untouched, and the copies are deleted afterwards.
 */
export async function runOnEpisodeCopies(o: PythonEpisodeVerification): Promise<PythonOutcome> {
  const id = crypto.randomUUID();
  const initialPath = join(o.scratchDir, `verify-${id}-initial.db`);
  const finalPath = join(o.scratchDir, `verify-${id}-final.db`);
  copyFileSync(o.initialDbPath, initialPath);
  writeFileSync(finalPath, o.finalDb);
  chmodSync(initialPath, 0o444);
  chmodSync(finalPath, 0o444);
  try {
    return await runPythonVerifier(o.verifier, { initialDbPath: initialPath, finalDbPath: finalPath, answer: o.answer, timeoutMs: o.timeoutMs, python: o.python });
  } finally {
    rmSync(initialPath, { force: true });
    rmSync(finalPath, { force: true });
  }
}

/** Runs an AWM code-mode verifier on an episode and reads its verdict the reference's way. */
export async function verifyWithPython(o: PythonEpisodeVerification): Promise<{ verdict: string; facts: Record<string, unknown> }> {
  return codeModeVerdict(await runOnEpisodeCopies(o));
}
