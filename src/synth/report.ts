import { existsSync, readFileSync } from "node:fs";
import type { ModelUsage } from "./model.ts";
import { writeAtomic } from "./write-atomic.ts";

/** What one stage did for one scenario. */
export interface StageResult {
  status: "ok" | "failed" | "skipped";
  attempts: number;
  /** The problems fed back to the model, one entry per failed attempt (the last one if it failed for good). */
  errors: string[];
  /** Details a stage wants to keep: tasks dropped, tables failed, tools checked. */
  notes?: Record<string, unknown>;
  /** What this stage asked the model for this scenario. */
  usage?: ModelUsage;
}

/** gen's report (report.json): per scenario, per stage, kept across runs of the folder; and the model usage of the latest run. */
export interface GenReport {
  scenarios: Record<string, Record<string, StageResult>>;
  /** Stage-level outcomes that are not per scenario (scenario generation). */
  stages?: Record<string, unknown>;
  /** What the latest run asked the model, and its cost (null when the model's price is unknown). */
  usage: ModelUsage & { cost_usd: number | null };
}

/** USD per million tokens (input, output); the rest need --price. */
const PRICES: Record<string, [number, number]> = {
  "gpt-5": [1.25, 10],
  "gpt-5-mini": [0.25, 2],
  "gpt-4.1": [2, 8],
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4o": [2.5, 10],
  "gpt-4o-mini": [0.15, 0.6],
};

/** The cost of the usage, or null when the model's price is unknown. */
export function costUsd(model: string, usage: ModelUsage, price?: [number, number]): number | null {
  const p = price ?? PRICES[model];
  if (!p) return null;
  return Number(((usage.promptTokens * p[0] + usage.completionTokens * p[1]) / 1e6).toFixed(4));
}

/** Reads report.json, or an empty report. */
export function readReport(path: string): GenReport {
  if (existsSync(path)) {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as GenReport;
    } catch {
      // a report is rebuilt by the run
    }
  }
  return { scenarios: {}, usage: { requests: 0, cached: 0, promptTokens: 0, completionTokens: 0, cost_usd: null } };
}

/** Writes report.json atomically. */
export function writeReport(path: string, report: GenReport): void {
  writeAtomic(path, JSON.stringify(report, null, 2) + "\n");
}
