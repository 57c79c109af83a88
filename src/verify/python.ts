import { availableParallelism } from "node:os";
import runner from "./python-runner.py" with { type: "text" };
import { AwmError } from "../errors.ts";
import { createSemaphore, type Semaphore } from "./semaphore.ts";

/** One AWM Python verifier. */
export interface PythonVerifier {
  task: number;
  /** "code": returns {result: complete|others}; "sql": returns facts for a judge. */
  mode: "code" | "sql";
  function_name: string;
  code: string;
}

export interface PythonRunOptions {
  initialDbPath: string;
  finalDbPath: string;
  answer?: string;
  timeoutMs: number;
  memoryMb?: number;
  python?: string;
  /** Who may start a process now (default: one process per CPU across this server). */
  slots?: Semaphore;
}

/**
 * One python3 per CPU at a time: a burst of verifies from thousands of episodes waits its
 * turn instead of forking at once, where CPU contention would push correct verifiers past
 * their time limit (a reward that depends on load).
 */
const pythonSlots = createSemaphore(availableParallelism());

/** What a Python verifier returned, or why it did not. */
export type PythonOutcome = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * Runs an AWM verifier in a python3 subprocess, as the reference calls it (keyword
 * arguments from its signature), with memory, CPU, file-size and process limits, the
 * network disabled, and a wall-clock limit that starts once it has a slot (see
 * pythonSlots). The database files should be read-only.
 */
export async function runPythonVerifier(v: PythonVerifier, o: PythonRunOptions): Promise<PythonOutcome> {
  const python = resolvePython(o.python ?? "python3");
  return (o.slots ?? pythonSlots).run(() => runProcess(python, v, o));
}

async function runProcess(python: string, v: PythonVerifier, o: PythonRunOptions): Promise<PythonOutcome> {
  const proc = Bun.spawn([python, "-I", "-c", runner], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
  proc.stdin.write(
    JSON.stringify({
      code: v.code,
      function_name: v.function_name,
      initial_db_path: o.initialDbPath,
      final_db_path: o.finalDbPath,
      final_answer: o.answer ?? null,
      memory_mb: o.memoryMb ?? 512,
      cpu_s: Math.max(1, Math.ceil(o.timeoutMs / 1000)),
    }),
  );
  proc.stdin.end();
  const timer = setTimeout(() => proc.kill("SIGKILL"), o.timeoutMs);
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  clearTimeout(timer);
  if (proc.signalCode === "SIGKILL") return { ok: false, error: `the verifier ran past its time limit of ${o.timeoutMs} ms` };
  try {
    const out = JSON.parse(stdout) as { ok: boolean; result?: unknown; error?: string };
    return out.ok ? { ok: true, result: out.result } : { ok: false, error: out.error ?? "unknown error" };
  } catch {
    return { ok: false, error: `the verifier process exited with ${code ?? proc.signalCode}: ${stderr.trim().split("\n").pop() ?? ""}` };
  }
}

const resolved = new Map<string, string>();

/** The interpreter's real path: version-manager shims (pyenv) cost ~60 ms a call. */
function resolvePython(name: string): string {
  let path = resolved.get(name);
  if (path) return path;
  if (!Bun.which(name)) throw new AwmError(`python verifiers need ${name} on PATH, and it is not there`, 503, "python_missing");
  const r = Bun.spawnSync([name, "-c", "import sys; print(sys.executable)"], { stdout: "pipe", stderr: "ignore" });
  path = r.exitCode === 0 && r.stdout.toString().trim() ? r.stdout.toString().trim() : name;
  resolved.set(name, path);
  return path;
}

/**
 * The reference's reading of a code-mode result: a dict whose `result` is exactly
 * "complete" is complete; any other value is others; no dict or no `result`, or an
 * exception, is judge_error.
 */
export function codeModeVerdict(outcome: PythonOutcome): { verdict: "complete" | "others" | "judge_error"; facts: Record<string, unknown> } {
  if (!outcome.ok) return { verdict: "judge_error", facts: { error: outcome.error } };
  const r = outcome.result;
  if (!r || typeof r !== "object" || Array.isArray(r) || !("result" in r)) {
    return { verdict: "judge_error", facts: { error: "the verifier did not return a dict with a 'result' key", returned: r } };
  }
  const value = (r as { result: unknown }).result;
  return { verdict: value === "complete" ? "complete" : "others", facts: r as Record<string, unknown> };
}
