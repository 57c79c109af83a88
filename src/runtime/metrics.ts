/** Latency buckets in seconds, from 100 us to 10 s. */
const BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface LatencySnapshot {
  buckets: number[];
  count: number;
}

/** Counters and a latency histogram, rendered in Prometheus text format. */
export class Metrics {
  readonly startedAt = Date.now();
  episodesCreated = 0;
  /** Closed episodes by reason: closed, expired, lost, shutdown. */
  readonly episodesEnded = new Map<string, number>();
  /** Tool calls by outcome: ok, unknown_tool, invalid_args, tool_error, tool_exception, lost. */
  readonly calls = new Map<string, number>();
  readonly verdicts = new Map<string, number>();
  readonly httpErrors = new Map<number, number>();
  private readonly buckets = new Array<number>(BUCKETS.length).fill(0);
  private latencySum = 0;
  private latencyCount = 0;

  /** Records one tool call. */
  observeCall(outcome: string, seconds: number): void {
    bump(this.calls, outcome);
    this.latencySum += seconds;
    this.latencyCount++;
    for (let i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]!) {
        this.buckets[i]!++;
        break;
      }
    }
  }

  episodeEnded(reason: string, n = 1): void {
    bump(this.episodesEnded, reason, n);
  }

  verdict(verdict: string): void {
    bump(this.verdicts, verdict);
  }

  httpError(status: number): void {
    bump(this.httpErrors, status);
  }

  /** A copy of the latency histogram, to take quantiles over the calls made after it. */
  latencySnapshot(): LatencySnapshot {
    return { buckets: [...this.buckets], count: this.latencyCount };
  }

  /** Latency quantile estimate (upper bucket bound) over every call, or over those since `since`; 0 with no calls. */
  quantile(q: number, since?: LatencySnapshot): number {
    const count = this.latencyCount - (since?.count ?? 0);
    const target = q * count;
    let seen = 0;
    for (let i = 0; i < BUCKETS.length; i++) {
      seen += this.buckets[i]! - (since?.buckets[i] ?? 0);
      if (seen >= target && seen > 0) return BUCKETS[i]!;
    }
    return count ? Infinity : 0;
  }

  /** Prometheus text exposition; `gauges` are read by the caller at scrape time. */
  render(gauges: Record<string, { help: string; value: number; type?: "gauge" | "counter" }>): string {
    const out: string[] = [];
    const metric = (name: string, type: string, help: string, lines: string[]) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines);
    };
    for (const [name, g] of Object.entries(gauges)) metric(name, g.type ?? "gauge", g.help, [`${name} ${g.value}`]);
    metric("awm_episodes_created_total", "counter", "Episodes created.", [`awm_episodes_created_total ${this.episodesCreated}`]);
    metric("awm_episodes_closed_total", "counter", "Episodes ended, by reason.", labelled("awm_episodes_closed_total", "reason", this.episodesEnded));
    metric("awm_tool_calls_total", "counter", "Tool calls, by outcome.", labelled("awm_tool_calls_total", "outcome", this.calls));
    metric("awm_tool_errors_total", "counter", "Tool calls that did not succeed.", [
      `awm_tool_errors_total ${[...this.calls].reduce((n, [k, v]) => (k === "ok" ? n : n + v), 0)}`,
    ]);
    metric("awm_verifications_total", "counter", "Verifications, by verdict.", labelled("awm_verifications_total", "verdict", this.verdicts));
    metric("awm_http_errors_total", "counter", "HTTP error responses, by status.", labelled("awm_http_errors_total", "status", this.httpErrors));
    const hist: string[] = [];
    let cumulative = 0;
    for (let i = 0; i < BUCKETS.length; i++) {
      cumulative += this.buckets[i]!;
      hist.push(`awm_tool_call_seconds_bucket{le="${BUCKETS[i]}"} ${cumulative}`);
    }
    hist.push(`awm_tool_call_seconds_bucket{le="+Inf"} ${this.latencyCount}`, `awm_tool_call_seconds_sum ${this.latencySum}`, `awm_tool_call_seconds_count ${this.latencyCount}`);
    metric("awm_tool_call_seconds", "histogram", "Tool call latency inside the server.", hist);
    return out.join("\n") + "\n";
  }
}

function bump<K>(m: Map<K, number>, key: K, n = 1): void {
  m.set(key, (m.get(key) ?? 0) + n);
}

function labelled(name: string, label: string, m: Map<string | number, number>): string[] {
  return [...m].map(([k, v]) => `${name}{${label}="${k}"} ${v}`);
}
