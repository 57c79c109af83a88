import { expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JsonlStore } from "../../src/synth/store.ts";
import { tempDir } from "../helpers.ts";

const work = tempDir("awm-store-");
const open = (path: string) => new JsonlStore<{ scenario: string; n?: number }>(path, (r) => r.scenario);

test("compact leaves the file alone when nothing was put", () => {
  const path = join(work, "same.jsonl");
  const text = '{"scenario": "a", "n": 1}\n{"scenario": "b"}\n';
  writeFileSync(path, text);
  const store = open(path);
  expect(store.has("a")).toBe(true);
  store.compact();
  expect(readFileSync(path, "utf8")).toBe(text);
});

test("a put after a torn last line rewrites the file, so the new line is not glued to the torn one", () => {
  const path = join(work, "torn.jsonl");
  writeFileSync(path, '{"scenario": "a"}\n{"scenario": "b", "n"');
  const store = open(path);
  store.put({ scenario: "c" });
  expect(open(path).all()).toEqual([{ scenario: "a" }, { scenario: "c" }]);
  store.put({ scenario: "d" });
  store.compact();
  expect(readFileSync(path, "utf8")).toBe('{"scenario":"a"}\n{"scenario":"c"}\n{"scenario":"d"}\n');
});

test("a key put twice is one line after compact", () => {
  const path = join(work, "twice.jsonl");
  const store = open(path);
  store.put({ scenario: "a", n: 1 });
  store.put({ scenario: "a", n: 2 });
  expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(2);
  store.compact();
  expect(readFileSync(path, "utf8")).toBe('{"scenario":"a","n":2}\n');
});
