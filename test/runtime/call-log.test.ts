import { afterAll, beforeAll, expect, test } from "bun:test";
import { heapSize } from "bun:jsc";
import { join } from "node:path";
import { createRuntime, type Runtime } from "../../src/runtime/runtime.ts";
import { FIXTURES } from "../helpers.ts";

let rt: Runtime;
beforeAll(async () => {
  rt = await createRuntime({ envDirs: [join(FIXTURES, "hazards")], workers: 1, log: () => {} });
});
afterAll(() => rt.close());

test("the call log keeps the start of each result, not the whole result", async () => {
  const ep = rt.manager.create({ env: "hazards" });
  const calls = 40;
  Bun.gc(true);
  const before = heapSize();
  for (let i = 0; i < calls; i++) {
    const out = await rt.manager.call(ep, "big_result", { kb: 1024 });
    expect(out.ok && out.text.length).toBeGreaterThan(1024 * 1024);
  }
  Bun.gc(true);
  const grownMb = (heapSize() - before) / 1e6;
  expect(ep.log).toHaveLength(calls);
  expect(ep.log.every((c) => c.result!.length === 1000)).toBe(true);
  // 40 results of 1 MB each: kept whole, they would hold 40 MB of heap.
  expect(grownMb).toBeLessThan(10);
  rt.manager.close(ep.id);
});
