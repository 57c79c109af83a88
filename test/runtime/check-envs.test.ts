import { expect, test } from "bun:test";
import { join } from "node:path";
import { checkEnvs } from "../../src/runtime/check-envs.ts";
import { FIXTURES } from "../helpers.ts";

test("the env contract catches every kind of violation it knows, and names it", async () => {
  const { checks } = await checkEnvs({ envDirs: [join(FIXTURES, "contract")], workers: 1 });
  const lax = checks[0]!;
  expect(lax.ok).toBe(false);
  expect(lax.problems).toEqual([
    "task 1: call 2 (complete_note): note 3 not found",
    "task 2: an untouched episode already verifies complete",
    "wrong attempt 1 (task 0) verifies complete",
    "wrong attempts cover 1 task(s); cover at least 3",
    `archive_note: {"note_id":"not-a-valid-value"} was not rejected as invalid arguments naming 'note_id'`,
    "tag_note with note_id=987654: tool_exception: tag_note failed: SqliteError: FOREIGN KEY constraint failed",
    "tools no solution or probe called successfully: complete_note, archive_note",
  ]);
  expect(lax.verdicts[2]).toEqual({ task: 2, untouched: "complete", solved: "complete" });
});

test("a good env passes", async () => {
  const { checks, broken } = await checkEnvs({ envDirs: [join(FIXTURES, "envs")], workers: 1 });
  expect(broken).toEqual([]);
  expect(checks.map((c) => [c.env, c.ok, c.problems])).toEqual([["notes", true, []]]);
});
