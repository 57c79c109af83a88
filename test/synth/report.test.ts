import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { genContext } from "../../src/synth/context.ts";
import type { Llm } from "../../src/synth/llm.ts";
import { ModelClient } from "../../src/synth/model.ts";
import { tempDir } from "../helpers.ts";

const work = tempDir("awm-report-");

test("report.json is saved at most once a second unless forced, with this run's usage and its cost", async () => {
  const llm: Llm = { model: "m", chat: async () => ({ text: "ok", promptTokens: 1_000_000, completionTokens: 500_000 }) };
  const model = new ModelClient(llm, null);
  const o = { dir: work, now: new Date(), numTasks: 1, maxRetries: 0, concurrency: 1, only: [], errorThreshold: 0.1, price: [2, 8] as [number, number], quiet: true };
  const ctx = genContext(o, model);
  const saved = () => JSON.parse(readFileSync(join(work, "report.json"), "utf8"));
  await model.chat([{ role: "user", content: "a" }]);
  ctx.saveReport();
  expect(saved().usage).toEqual({ requests: 1, cached: 0, promptTokens: 1_000_000, completionTokens: 500_000, cost_usd: 6 });
  await model.chat([{ role: "user", content: "b" }]);
  ctx.saveReport();
  expect(saved().usage.requests).toBe(1);
  ctx.saveReport(true);
  expect(saved().usage).toMatchObject({ requests: 2, cost_usd: 12 });
});
