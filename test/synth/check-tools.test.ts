import { expect, test } from "bun:test";
import { join } from "node:path";
import { specTools } from "../../src/awm1k/spec-tools.ts";
import { writeEnvFolder } from "../../src/runtime/env-files.ts";
import { checkTools } from "../../src/synth/check-tools.ts";
import { tempDir } from "../helpers.ts";

const work = tempDir("awm-check-tools-");

const contract = specTools([
  { operation_id: "get_note", method: "GET", path: "/notes/{note_id}", request_params: { note_id: { type: "integer", param_type: "path", required: true, example: 1 } } },
  { operation_id: "find_notes", method: "GET", path: "/notes", request_params: { title: { type: "string", param_type: "query", required: true } } },
]).tools;
// Crashes on a note that does not exist: only an id from the data keeps it from crashing.
const toolsTs = `import * as v from "valibot";
import { defineEnv, tool } from "awm/envkit";
export default defineEnv({ tools: {
  get_note: tool({ description: "Get a note", input: v.object({ note_id: v.pipe(v.number(), v.integer()) }), handler: ({ note_id }, ctx) => ({ title: (ctx.db.get("SELECT title FROM notes WHERE id = ?", note_id) as { title: string }).title }) }),
  find_notes: tool({ description: "Find notes", input: v.object({ title: v.string() }), handler: ({ title }, ctx) => ctx.db.all("SELECT id FROM notes WHERE title = ?", title) }),
} });
`;

test("tools are called with ids that exist in the seed data, and the contract's examples otherwise", async () => {
  const dir = join(work, "notes");
  writeEnvFolder(dir, {
    meta: { name: "notes", description: "notes", now: new Date("2026-03-14T09:00:00Z") },
    schema: ["CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)"],
    inserts: ["INSERT INTO notes VALUES (40, 'a')", "INSERT INTO notes VALUES (41, 'b')"],
    tasks: ["a task without a verifier"],
  });
  const check = await checkTools(dir, toolsTs, contract);
  expect(check.problems).toEqual([]);
  expect(check.calls).toEqual([
    { name: "get_note", arguments: { note_id: 40 } },
    { name: "find_notes", arguments: { title: "example" } },
  ]);
});
