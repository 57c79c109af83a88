import type { LatencySnapshot, Metrics } from "../../runtime/metrics.ts";

/** One sample of the server's state. */
export interface StatsSample {
  t: number;
  live: number;
  calls_per_s: number;
  error_rate: number;
  p50_ms: number;
  p99_ms: number;
  rss_mb: number;
}

const SAMPLE_MS = 2000;
const KEEP = 300; // ten minutes

/** The last minutes of the server's numbers, for the overview's charts. */
export class StatsHistory {
  readonly samples: StatsSample[] = [];
  /** Where the current window starts: rates and latency quantiles cover the calls since. */
  private last: { calls: number; errors: number; t: number; latency: LatencySnapshot };
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly metrics: Metrics,
    private readonly live: () => number,
  ) {
    this.last = { calls: 0, errors: 0, t: performance.now(), latency: metrics.latencySnapshot() };
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref?.();
    this.sample();
  }

  /** Now, computed on the spot (the series lags by up to one sample). */
  current(): StatsSample {
    return this.measure(false);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    this.samples.push(this.measure(true));
    if (this.samples.length > KEEP) this.samples.shift();
  }

  private measure(advance: boolean): StatsSample {
    const now = performance.now();
    let calls = 0;
    let errors = 0;
    for (const [outcome, n] of this.metrics.calls) {
      calls += n;
      if (outcome !== "ok") errors += n;
    }
    const dt = Math.max(0.001, (now - this.last.t) / 1000);
    const dCalls = calls - this.last.calls;
    const sample: StatsSample = {
      t: Date.now(),
      live: this.live(),
      calls_per_s: dCalls / dt,
      error_rate: dCalls > 0 ? (errors - this.last.errors) / dCalls : 0,
      p50_ms: this.metrics.quantile(0.5, this.last.latency) * 1000,
      p99_ms: this.metrics.quantile(0.99, this.last.latency) * 1000,
      rss_mb: process.memoryUsage.rss() / 1048576,
    };
    if (advance) this.last = { calls, errors, t: now, latency: this.metrics.latencySnapshot() };
    return sample;
  }
}
