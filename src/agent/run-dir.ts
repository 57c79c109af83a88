import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FormatReport } from "./format-checks.ts";
import type { ServerClient } from "./server-client.ts";
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

/** Writes an env's template database (a run's initial.db) to `path`. */
export type InitialDbWriter = (env: string, path: string) => Promise<void>;

/**
 * An InitialDbWriter that downloads each env's template once and copies the first saved
 * file after that: a template never changes while a server runs, and a rollout saves the
 * same one for every sample.
 */
export function initialDbWriter(server: ServerClient): InitialDbWriter {
  const saved = new Map<string, Promise<string>>();
  return async (env, path) => {
    const first = saved.get(env);
    if (first) return copyFileSync(await first, path);
    const download = server.request("GET", `/v1/envs/${env}/db`).then(async (res) => {
      writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
      return path;
    });
    saved.set(env, download);
    download.catch(() => saved.delete(env));
    await download;
  };
}
