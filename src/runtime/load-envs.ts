import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleEnv } from "../../build/bundle-env.ts";
import { buildTemplate } from "../db/build-template.ts";
import type { DataDir } from "../db/data-dir.ts";
import { EnvLoadError, UsageError } from "../errors.ts";
import { mapConcurrent } from "../map-concurrent.ts";
import type { EnvInspection } from "./env-module.ts";
import type { PythonVerifier } from "../verify/python.ts";
import { readEnvFiles, type EnvFiles } from "./env-files.ts";
import { makeEnv, EnvRegistry, type BrokenEnv, type Env } from "./registry.ts";
import { WorkerHandle, WorkerLostError } from "./worker-handle.ts";

/** An env ready to load: its data files and bundled code. */
export interface EnvSource {
  files: EnvFiles;
  code: string;
  origin: string;
}

export interface LoadEnvsOptions {
  /** Folders holding env folders, or env folders themselves. */
  dirs: string[];
  /** Envs compiled into the binary. */
  embedded?: EnvSource[];
  dataDir: DataDir;
  /** Limit for evaluating one env's code. */
  timeoutMs: number;
  /** Load only the envs of these names; the others are read (for their names) but not bundled, inspected or built. */
  only?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** Env folders under `dir`: `dir` itself if it has env.json, else its sub-folders that look like envs. */
export function findEnvDirs(dir: string): string[] {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--envs ${dir}: no such folder`);
  if (existsSync(join(root, "env.json"))) return [root];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ["env.json", "tools.ts"].some((f) => existsSync(join(root, d.name, f))))
    .map((d) => join(root, d.name))
    .sort();
}

/** Reads and bundles one env folder. */
export async function readEnvSource(dir: string): Promise<EnvSource> {
  return bundleEnvSource(dir, readEnvFiles(dir));
}

async function bundleEnvSource(dir: string, files: EnvFiles): Promise<EnvSource> {
  return { files, code: await bundleEnv(dir, files.meta.name), origin: dir };
}

/**
 * Loads envs from embedded sources and folders: reads, bundles, evaluates the code in a
 * worker (to list tools and verifiers), checks that every task has a verifier, and builds
 * each template. An env that fails any step is reported with the reason and skipped.
 */
export async function loadEnvs(options: LoadEnvsOptions): Promise<EnvRegistry> {
  const wanted = options.only ? new Set(options.only) : null;
  const isWanted = (name: string) => !wanted || wanted.has(name);
  // A source is null when the env is not wanted: decided on its files, before bundling.
  type Item = { origin: string; source: () => Promise<EnvSource | null> };
  const items: Item[] = (options.embedded ?? []).map((s) => ({ origin: s.origin, source: async () => (isWanted(s.files.meta.name) ? s : null) }));
  for (const dir of options.dirs) {
    for (const d of findEnvDirs(dir)) {
      items.push({
        origin: d,
        source: async () => {
          const files = readEnvFiles(d);
          return isWanted(files.meta.name) ? bundleEnvSource(d, files) : null;
        },
      });
    }
  }

  const broken: BrokenEnv[] = [];
  const fail = (origin: string, err: unknown) => {
    const name = err instanceof EnvLoadError ? err.env : (origin.split("/").pop() ?? origin);
    if (isWanted(name)) broken.push({ name, origin, reason: (err as Error).message });
  };
  let done = 0;
  const progress = () => options.onProgress?.(++done, items.length);

  // Read and bundle everything wanted, then keep the first env of each name, in the order given.
  const sources = await mapConcurrent(items, 4, async (item) => {
    const src = await item.source().catch((err) => {
      fail(item.origin, err);
      return null;
    });
    if (!src) progress();
    return src;
  });
  const seen = new Map<string, string>();
  const unique: EnvSource[] = [];
  for (const src of sources) {
    if (!src) continue;
    const name = src.files.meta.name;
    const first = seen.get(name);
    if (first) {
      fail(src.origin, new EnvLoadError(name, `duplicate env name (already loaded from ${first})`));
      progress();
      continue;
    }
    seen.set(name, src.origin);
    unique.push(src);
  }

  // One env at a time in the inspector, so a time-out blames only the env that caused it.
  const inspector = new WorkerHandle(0, [], () => {});
  let queue: Promise<unknown> = Promise.resolve();
  const inspectNext = (name: string, code: string) => {
    const run = queue.then(() => inspect(inspector, name, code, options.timeoutMs));
    queue = run.catch(() => {});
    return run;
  };
  try {
    const envs = await mapConcurrent(unique, 4, async (src) => {
      const name = src.files.meta.name;
      try {
        const inspection = await inspectNext(name, src.code);
        checkVerifiers(name, src.files.tasks.length, inspection.verifiers, src.files.pythonVerifiers);
        const templatePath = join(options.dataDir.templates, `${name}.db`);
        const stats = await buildTemplate(templatePath, src.files.schemaSql, src.files.seedSql).catch((err: Error) => {
          throw new EnvLoadError(name, err.message);
        });
        return makeEnv(src.files, inspection, src.code, templatePath, stats, src.origin);
      } catch (err) {
        fail(src.origin, err);
        return null;
      } finally {
        progress();
      }
    });
    return new EnvRegistry(envs.filter((e): e is Env => e !== null), broken);
  } finally {
    inspector.terminate();
  }
}

async function inspect(worker: WorkerHandle, name: string, code: string, timeoutMs: number): Promise<EnvInspection> {
  try {
    const reply = await worker.request({ t: "inspect", env: name, code }, timeoutMs);
    if (!reply.ok) throw new EnvLoadError(name, reply.message);
    return reply.value as EnvInspection;
  } catch (err) {
    if (err instanceof WorkerLostError) {
      throw new EnvLoadError(name, err.timedOut ? `its code did not finish loading within ${timeoutMs} ms (a loop at the top level of tools.ts or verify.ts?)` : `loading its code: ${err.message}`);
    }
    throw err;
  }
}

function checkVerifiers(name: string, taskCount: number, verifiers: number[], python: PythonVerifier[]): void {
  const have = new Set([...verifiers, ...python.filter((p) => p.mode === "code").map((p) => p.task)]);
  for (let i = 0; i < taskCount; i++) {
    if (!have.has(i)) throw new EnvLoadError(name, `task ${i} has no verifier in verify.ts${python.length ? " or python_verifiers.json" : ""}`);
  }
  const extra = verifiers.find((i) => i >= taskCount);
  if (extra !== undefined) throw new EnvLoadError(name, `verify.ts has a verifier for task ${extra}, but tasks.json has ${taskCount} tasks`);
}
