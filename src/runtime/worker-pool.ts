import { NoWorkersError } from "../errors.ts";
import type { Env } from "./registry.ts";
import { WorkerHandle } from "./worker-handle.ts";

export interface WorkerPoolOptions {
  size: number;
  /**
   * Resident memory above which a worker running a call for over RUNAWAY_MS is replaced:
   * env code that allocates without end is stopped before it takes the machine.
   */
  memoryLimitBytes?: number;
  /** Episode database backend: "lazy-copy" or "eager-copy". */
  backend: string;
  /** Called when a worker is replaced, with the episodes it held. */
  onEpisodesLost: (episodes: string[], reason: string) => void;
}

/** A call this old, while memory is over the limit, is taken for a runaway allocation. */
const RUNAWAY_MS = 200;

/** The tool workers. Each episode is pinned to one; env code is loaded into a worker on first use. */
export class WorkerPool {
  readonly handles: WorkerHandle[];
  replacements = 0;
  memoryKills = 0;
  readonly memoryLimitBytes: number;
  private readonly watchdog?: ReturnType<typeof setInterval>;

  constructor(options: WorkerPoolOptions) {
    const config = [{ t: "config" as const, backend: options.backend }];
    this.handles = Array.from({ length: Math.max(1, options.size) }, (_, i) =>
      new WorkerHandle(i, config, (_h, episodes, reason) => {
        this.replacements++;
        options.onEpisodesLost(episodes, reason);
      }),
    );
    const limit = options.memoryLimitBytes;
    this.memoryLimitBytes = limit ?? 0;
    if (limit) {
      this.watchdog = setInterval(() => {
        if (process.memoryUsage.rss() <= limit) return;
        for (const h of this.handles) {
          if (h.oldestInFlightMs() > RUNAWAY_MS) {
            this.memoryKills++;
            h.replace(`the server's memory passed its limit of ${Math.round(limit / 1048576)} MB while this episode's call ran`);
          }
        }
      }, 50);
      this.watchdog.unref?.();
    }
  }

  /** The worker with the fewest episodes, with `env` loaded into it. */
  assign(env: Env): WorkerHandle {
    let best: WorkerHandle | undefined;
    for (const h of this.handles) if (!h.down && (!best || h.episodes.size < best.episodes.size)) best = h;
    if (!best) throw new NoWorkersError(this.handles[0]!.down!);
    if (!best.loaded.has(env.name)) {
      best.post({ t: "load", env: env.name, code: env.code, template: env.templatePath, now: env.now, userId: env.userId });
      best.loaded.add(env.name);
    }
    return best;
  }

  terminate(): void {
    clearInterval(this.watchdog);
    for (const h of this.handles) h.terminate();
  }
}
