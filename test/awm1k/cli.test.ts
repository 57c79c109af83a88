import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serveAwm } from "../e2e/spawn.ts";
import { FIXTURES, ROOT, runAwm, tempDir } from "../helpers.ts";

const work = tempDir("awm-cli-awm1k-");
const awm = (...args: string[]) => runAwm(args, { cwd: work });

test("awm import writes env folders and reports each scenario, failed statements grouped", async () => {
  const r = await awm("import", join(ROOT, "../shared/awm-sample"), "--only", "surveymonkey_apply,etsy_digital_downloads", "--now", "2026-03-01T09:00:00Z");
  expect(r.code).toBe(0);
  expect(r.out).toContain("imported surveymonkey_apply: 26/27 tables, 83 rows (83/105 inserts), 10 tasks, 26 tools, 10 code verifiers, 23 failed statements");
  expect(r.out).toContain("    sample form_questions: no such table: form_questions (x8)");
  expect(r.out).toContain("imported etsy_digital_downloads: 21/21 tables, 137 rows (137/138 inserts)");
  expect(JSON.parse(readFileSync(join(work, "awm-envs/etsy_digital_downloads/import-report.json"), "utf8")).rows).toBe(137);
});

test("awm serve and awm envs list name the imported envs as not servable", async () => {
  const r = await awm("envs", "list", "--no-shipped", "--envs", join(work, "awm-envs"));
  expect(r.code).toBe(0);
  expect(r.out).toContain("surveymonkey_apply: not servable: tools not ported (run: awm port surveymonkey_apply)");
  const server = await serveAwm(["--no-shipped", "--envs", join(work, "awm-envs")]);
  try {
    expect(server.stderr()).toContain("skipped env surveymonkey_apply: not servable: tools not ported (run: awm port surveymonkey_apply)");
  } finally {
    await server.stop();
  }
});

test("awm export writes AWM JSONL for shipped-style envs, saying what has no AWM form", async () => {
  const r = await awm("export", "notes", "--no-shipped", "--envs", join(FIXTURES, "envs"), "--out", join(work, "out"));
  expect(r.code).toBe(0);
  expect(r.out).toContain("note: notes: verifiers are TypeScript; no gen_verifier lines");
  const spec = JSON.parse(readFileSync(join(work, "out/gen_spec.jsonl"), "utf8"));
  expect(spec.api_spec.api_groups[0].endpoints.map((e: { operation_id: string }) => e.operation_id)).toEqual(["list_notes", "get_note", "create_note", "complete_note", "tag_note"]);
});

test("awm export of an env folder writes its tools from tools.ts", async () => {
  const r = await awm("export", join(FIXTURES, "envs/notes"), "--out", join(work, "by-folder"));
  expect(r.code).toBe(0);
  const spec = JSON.parse(readFileSync(join(work, "by-folder/gen_spec.jsonl"), "utf8"));
  expect(spec.api_spec.api_groups[0].endpoints.map((e: { operation_id: string }) => e.operation_id)).toEqual(["list_notes", "get_note", "create_note", "complete_note", "tag_note"]);
  expect(readFileSync(join(work, "by-folder/gen_db.jsonl"), "utf8")).toBe(readFileSync(join(work, "out/gen_db.jsonl"), "utf8"));
});

test("awm export of an imported env that is not ported yet takes its tools from tools.json", async () => {
  const r = await awm("export", join(work, "awm-envs/etsy_digital_downloads"), "--out", join(work, "imported-out"));
  expect(r.code).toBe(0);
  expect(JSON.parse(readFileSync(join(work, "imported-out/gen_spec.jsonl"), "utf8")).api_spec.api_groups[0].endpoints.length).toBeGreaterThan(10);
});

test("a folder that is missing, or holds no AWM files, is one line and exit code 2", async () => {
  expect(await awm("import", "/no/such/dir")).toMatchObject({ code: 2, err: "awm: no such folder: /no/such/dir\n" });
  expect(await awm("import", FIXTURES)).toMatchObject({ code: 2, err: `awm: ${FIXTURES} has no gen_db.jsonl: is it an AWM output folder?\n` });
});
