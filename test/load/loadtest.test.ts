// The load test's short mode, in CI: zero errors, and nothing that keeps growing.
import { expect, test } from "bun:test";
import { loadtest, SHORT } from "./loadtest.ts";

test("clients running episodes end to end see no error; a soak returns descriptors and files and does not grow memory", async () => {
  const { load, soak } = await loadtest({ ...SHORT, quiet: true });
  expect(load.errors).toBe(0);
  expect(load.episodes).toBeGreaterThan(100);
  expect(load.tool_calls).toBe(load.episodes * SHORT.callsPerEpisode);
  expect(soak.errors).toBe(0);
  expect(soak.live_episodes_after).toBe(0);
  expect(soak.episode_files_left).toBe(0);
  expect(Math.abs(soak.open_fds.after_second_half - soak.open_fds.after_first_half)).toBeLessThanOrEqual(2);
  expect(soak.rss_mb.after_second_half - soak.rss_mb.after_first_half).toBeLessThan(96);
}, 120_000);
