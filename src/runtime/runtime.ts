import { availableParallelism, totalmem } from "node:os";
import { createDataDir, removeDataDir } from "../db/data-dir.ts";
import type { JudgeFn } from "../verify/judge-types.ts";
import { DEFAULT_REWARDS, type RewardMap } from "../verify/reward.ts";
import { EpisodeManager } from "./episodes.ts";
import { loadEnvs, type EnvSource } from "./load-envs.ts";
import { Metrics } from "./metrics.ts";
import type { EnvRegistry } from "./registry.ts";
import { WorkerPool } from "./worker-pool.ts";

/** How envs are loaded and episodes run. */
export interface RuntimeOptions {
  /** Folders of envs to load from disk. */
  envDirs: string[];
  /** Envs compiled into the binary. */
  embedded?: EnvSource[];
  /** Load only the envs of these names (a command that needs one env need not build them all). */
  only?: string[];
  workers?: number;
  /** Time limit of one tool call or verification. */
  callTimeoutMs?: number;
  /** Time limit of one Python verifier run. */
  pythonTimeoutMs?: number;
  /** The Python interpreter for AWM verifiers (default python3). */
  python?: string;
  /** The LLM judge for verify mode "judge". */
  judge?: JudgeFn;
  maxEpisodes?: number;
  /** Tool calls one episode may make. */
  maxCallsPerEpisode?: number;
  /** Resident memory (MB) above which a worker stuck in a call is replaced. */
  memoryLimitMb?: number;
  /** Idle time-to-live of an episode. */
  ttlS?: number;
  backend?: "lazy-copy" | "eager-copy";
  /** Parent folder of the data folder (default: /dev/shm, else the OS temp folder). */
  dataDir?: string;
  rewards?: RewardMap;
  log?: (line: string) => void;
  onLoadProgress?: (done: number, total: number) => void;
}

export const RUNTIME_DEFAULTS = {
  callTimeoutMs: 5000,
  pythonTimeoutMs: 20_000,
  maxEpisodes: 10_000,
  maxCallsPerEpisode: 1000,
  ttlS: 600,
  backend: "lazy-copy",
} as const;

/** Loaded envs, tool workers and the episode manager, with one way to tear them down. */
export interface Runtime {
  registry: EnvRegistry;
  pool: WorkerPool;
  manager: EpisodeManager;
  metrics: Metrics;
  /** Closes every episode, stops the workers, deletes the data folder. */
  close(): void;
}

/** Half the machine's memory, at least 2 GB: room for 10,000 episodes, not for a runaway. */
export function defaultMemoryLimitMb(): number {
  return Math.max(2048, Math.round(totalmem() / 1048576 / 2));
}

/** Loads envs (reporting broken ones through `log`) and starts the workers. */
export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const log = o.log ?? ((line: string) => console.error(line));
  const dataDir = createDataDir(o.dataDir);
  const callTimeoutMs = o.callTimeoutMs ?? RUNTIME_DEFAULTS.callTimeoutMs;
  let registry: EnvRegistry;
  try {
    registry = await loadEnvs({ dirs: o.envDirs, embedded: o.embedded, only: o.only, dataDir, timeoutMs: callTimeoutMs, onProgress: o.onLoadProgress });
  } catch (err) {
    removeDataDir(dataDir);
    throw err;
  }
  for (const b of registry.broken) log(`awm: skipped env ${b.name}: ${b.reason}`);

  const metrics = new Metrics();
  let manager: EpisodeManager | undefined;
  const pool = new WorkerPool({
    size: o.workers ?? availableParallelism(),
    backend: o.backend ?? RUNTIME_DEFAULTS.backend,
    memoryLimitBytes: (o.memoryLimitMb ?? defaultMemoryLimitMb()) * 1048576,
    onEpisodesLost: (ids, reason) => {
      if (ids.length) log(`awm: worker replaced (${reason}); ${ids.length} episode(s) lost`);
      manager?.markLost(ids, reason);
    },
  });
  manager = new EpisodeManager({
    registry,
    pool,
    metrics,
    episodesDir: dataDir.episodes,
    maxEpisodes: o.maxEpisodes ?? RUNTIME_DEFAULTS.maxEpisodes,
    maxCallsPerEpisode: o.maxCallsPerEpisode ?? RUNTIME_DEFAULTS.maxCallsPerEpisode,
    ttlMs: (o.ttlS ?? RUNTIME_DEFAULTS.ttlS) * 1000,
    callTimeoutMs,
    pythonTimeoutMs: o.pythonTimeoutMs ?? RUNTIME_DEFAULTS.pythonTimeoutMs,
    python: o.python,
    judge: o.judge,
    rewards: o.rewards ?? DEFAULT_REWARDS,
  });
  const reaper = setInterval(() => manager.reap(), 1000);
  reaper.unref?.();
  let closed = false;
  return {
    registry,
    pool,
    manager,
    metrics,
    close() {
      if (closed) return;
      closed = true;
      clearInterval(reaper);
      manager.closeAll();
      pool.terminate();
      removeDataDir(dataDir);
    },
  };
}
