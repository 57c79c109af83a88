import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where templates and episode databases live: a fresh folder, on tmpfs when the machine has one. */
export interface DataDir {
  root: string;
  templates: string;
  episodes: string;
}

/** Creates the data folder under `base`, or under /dev/shm (tmpfs) when writable, else the OS temp folder. */
export function createDataDir(base?: string): DataDir {
  const parent = base ?? (writable("/dev/shm") ? "/dev/shm" : tmpdir());
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, "awm-"));
  const dir = { root, templates: join(root, "templates"), episodes: join(root, "episodes") };
  mkdirSync(dir.templates);
  mkdirSync(dir.episodes);
  return dir;
}

/** Deletes the data folder and everything in it. */
export function removeDataDir(dir: DataDir): void {
  rmSync(dir.root, { recursive: true, force: true });
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
