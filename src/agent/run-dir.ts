import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FormatReport } from "./format-checks.ts";
import type { Trajectory } from "./trajectory.ts";

/** Creates a run folder under `out`, named as the reference names them: YYYYMMDD_HHMMSS, then `suffix`. */
export function makeRunDir(out: string, suffix: string): string {
  const dir = join(out, `${new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15)}_${suffix}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes the run's trajectory.json: the reference's shape, with the format report added. */
export function saveTrajectory(dir: string, t: Trajectory, format: FormatReport): void {
  writeFileSync(join(dir, "trajectory.json"), JSON.stringify({ ...t, format }, null, 4));
}
