// Small measuring helpers shared by the bench and the load test.
import { readdirSync, readFileSync } from "node:fs";

/** A process's resident memory, in bytes. */
export function rssBytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
}

/** A process's open file descriptors. */
export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits));
}

/** The q-quantile of `xs` (0 when empty). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!) : 0;
}

/** p50 and p99 of latencies in ms, with the count. */
export function percentiles(ms: number[]) {
  return { p50_ms: quantile(ms, 0.5), p99_ms: quantile(ms, 0.99), n: ms.length };
}
