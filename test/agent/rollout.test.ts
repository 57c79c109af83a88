// awm rollout against a scripted model: the summary its answers imply, and resume.
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUN, FIXTURES, ROOT } from "../helpers.ts";
import { startFakeLlm } from "../fake-llm.ts";
import { byTask, nativeAgent } from "./scripted-agents.ts";

const work = mkdtempSync(join(tmpdir(), "awm-rollout-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// notes: task 0 solved, task 1 done to the wrong note, task 2 answered right.
const model = byTask({
  'Create a note titled "Water the plants".': nativeAgent([{ name: "create_note", arguments: { title: "Water the plants" } }], "Created."),
  'Mark the note "Buy milk" as done.': nativeAgent([{ name: "complete_note", arguments: { note_id: 2 } }], "Done."),
  "How many of my notes are not done yet? Answer with the number.": nativeAgent([{ name: "list_notes", arguments: { open_only: true } }], "1"),
});

// Spawned without blocking: the scripted model answers from this process.
async function rollout(url: string, out: string) {
  const p = Bun.spawn(
    [BUN, join(ROOT, "src/cli/main.ts"), "rollout", "--no-shipped", "--envs", join(FIXTURES, "envs"), "--samples", "2", "--concurrency", "3", "--out", out, "--api-url", url, "--model", "policy-1", "--json", "--workers", "1"],
    { stdout: "pipe", stderr: "pipe", env: { ...process.env, OPENAI_API_KEY: "EMPTY" } },
  );
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  if (code !== 0) throw new Error(stderr);
  return JSON.parse(stdout);
}

test("the summary is what the scripted answers imply, and a re-run resumes without asking again", async () => {
  const llm = startFakeLlm([model]);
  const out = join(work, "rollouts.jsonl");
  try {
    const summary = await rollout(llm.url, out);
    expect(summary).toEqual([{ env: "notes", samples: 6, success_rate: 0.667, mean_reward: 0.667, mean_turns: 2, tool_errors: 0, format_violations: 0 }]);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.task === 1).map((l) => l.verdict)).toEqual(["others", "others"]);
    expect(lines[0]).toMatchObject({ env: "notes", turns: 2, tool_calls: 1, errors: { tool_errors: 0, first_violation: null }, stopped: "answered", duration_ms: expect.any(Number) });
    const asked = llm.requests.length;
    expect(asked).toBe(12);
    expect(await rollout(llm.url, out)).toEqual(summary);
    expect(llm.requests.length).toBe(asked);
  } finally {
    llm.stop();
  }
});
