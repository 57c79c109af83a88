// The Python verifier runner on its own: what reaches the result, whatever the verifier does.
import { expect, test } from "bun:test";
import { runPythonVerifier, type PythonVerifier } from "../../src/verify/python.ts";
import { createSemaphore } from "../../src/verify/semaphore.ts";

const verifier = (code: string): PythonVerifier => ({ task: 0, mode: "code", function_name: "verify_task_completion", code });
const run = (v: PythonVerifier) => runPythonVerifier(v, { initialDbPath: "/dev/null", finalDbPath: "/dev/null", timeoutMs: 10_000 });

test("a verifier that prints as it checks still has its result read", async () => {
  const code = `def verify_task_completion(initial_db_path, final_db_path, final_answer=None):
    print("checking the notes")
    print({"ok": False})
    import sys
    sys.stdout.write("no newline")
    return {"result": "complete", "checked": 2}
`;
  expect(await run(verifier(code))).toEqual({ ok: true, result: { result: "complete", checked: 2 } });
});

test("a verifier that prints and then fails is read as its failure, not as unreadable output", async () => {
  const code = `def verify_task_completion(initial_db_path, final_db_path, final_answer=None):
    print("about to fail")
    raise ValueError("no such table: notes")
`;
  expect(await run(verifier(code))).toEqual({ ok: false, error: "ValueError: no such table: notes" });
});

test("no more verifier processes run at once than there are slots", async () => {
  const code = `def verify_task_completion(initial_db_path, final_db_path, final_answer=None):
    import time
    start = time.time()
    time.sleep(0.3)
    return {"result": "complete", "start": start, "end": time.time()}
`;
  const slots = createSemaphore(2);
  const outs = await Promise.all(Array.from({ length: 5 }, () => runPythonVerifier(verifier(code), { initialDbPath: "/dev/null", finalDbPath: "/dev/null", timeoutMs: 10_000, slots })));
  const spans = outs.map((o) => (o.ok ? (o.result as { start: number; end: number }) : expect.unreachable()));
  const overlapAt = (t: number) => spans.filter((s) => s.start <= t && t < s.end).length;
  expect(Math.max(...spans.map((s) => overlapAt(s.start)))).toBeLessThanOrEqual(2);
});
