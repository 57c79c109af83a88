import { expect, test } from "bun:test";
import { Metrics } from "../../src/runtime/metrics.ts";
import { StatsHistory } from "../../src/http/ui/history.ts";

test("latency quantiles over a window count only the calls made in it", () => {
  const m = new Metrics();
  for (let i = 0; i < 100; i++) m.observeCall("ok", 2); // a slow start
  const window = m.latencySnapshot();
  for (let i = 0; i < 10; i++) m.observeCall("ok", 0.0008);
  expect(m.quantile(0.99)).toBe(2.5);
  expect(m.quantile(0.99, window)).toBe(0.001);
  expect(m.quantile(0.5, m.latencySnapshot())).toBe(0);
});

test("the dashboard's latency is that of the last sample window, not of the whole run", () => {
  const m = new Metrics();
  for (let i = 0; i < 100; i++) m.observeCall("ok", 2);
  const history = new StatsHistory(m, () => 0); // takes its first sample now
  for (let i = 0; i < 10; i++) m.observeCall("ok", 0.0008);
  const now = history.current();
  history.stop();
  expect(now.p99_ms).toBe(1);
  expect(now.calls_per_s).toBeGreaterThan(0);
});
