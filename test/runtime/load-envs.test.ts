import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { createDataDir, removeDataDir } from "../../src/db/data-dir.ts";
import { loadEnvs } from "../../src/runtime/load-envs.ts";
import type { EnvRegistry } from "../../src/runtime/registry.ts";
import { FIXTURES } from "../helpers.ts";

const dataDir = createDataDir();
let registry: EnvRegistry;
const reasons = () => Object.fromEntries(registry.broken.map((b) => [b.name === "notes" ? "dup-name" : b.name, b.reason]));

beforeAll(async () => {
  registry = await loadEnvs({ dirs: [join(FIXTURES, "envs"), join(FIXTURES, "broken")], dataDir, timeoutMs: 1000 });
});
afterAll(() => removeDataDir(dataDir));

test("a good env loads beside broken ones", () => {
  expect(registry.list().map((e) => e.name)).toEqual(["notes"]);
  const notes = registry.get("notes");
  expect(notes.stats).toMatchObject({ tables: 3, rows: 6 });
  expect(notes.tools.map((t) => t.name)).toContain("create_note");
  expect(notes.origin).toBe(join(FIXTURES, "envs/notes"));
});

test("each broken env is reported by name with the reason", () => {
  expect(reasons()).toEqual({
    "bad-sql": "schema.sql line 13: no such column: user_idd",
    "bad-ts": expect.stringMatching(/^tools\.ts:19: /),
    "bad-import": "tools.ts:1: cannot import 'node:fs': env code may import only awm/envkit, valibot and its own files",
    "no-verifier": "task 2 has no verifier in verify.ts",
    "no-env-json": "missing env.json",
    "loops-at-load": expect.stringContaining("did not finish loading within 1000 ms"),
    "dup-name": expect.stringContaining("duplicate env name (already loaded from"),
  });
});

test("tool input schemas become JSON Schema objects with descriptions", () => {
  const getNote = registry.get("notes").tools.find((t) => t.name === "get_note")!;
  expect(getNote.inputSchema).toEqual({
    type: "object",
    properties: { note_id: { type: "integer", description: "The note's id" } },
    required: ["note_id"],
  });
});

test("an unknown env name is a 404 error naming it", () => {
  expect(() => registry.get("nope")).toThrow("unknown env 'nope'");
});
