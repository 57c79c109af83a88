import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DbDiff } from "../envkit/diff-types.ts";
import { AwmError, BadRequestError, CallLimitError, EpisodeLostError, EpisodeNotFoundError, TooManyEpisodesError } from "../errors.ts";
import type { JudgeFn } from "../verify/judge-types.ts";
import { rewardFor, type RewardMap } from "../verify/reward.ts";
import type { Metrics } from "./metrics.ts";
import type { Env, EnvRegistry } from "./registry.ts";
import type { WorkerHandle } from "./worker-handle.ts";
import { WorkerLostError } from "./worker-handle.ts";
import type { WorkerPool } from "./worker-pool.ts";
import { verifyEpisode, type VerificationDeps, type VerificationOptions } from "./verification.ts";
import type { CallValue, WorkerReply } from "./worker-protocol.ts";
import type { CallOutcome, CreateEpisodeOptions, Episode, VerifyOutcome } from "./episode.ts";


export interface EpisodeManagerOptions {
  registry: EnvRegistry;
  pool: WorkerPool;
  metrics: Metrics;
  episodesDir: string;
  maxEpisodes: number;
  /** Tool calls one episode may make. */
  maxCallsPerEpisode: number;
  /** Idle time after which an episode is closed. */
  ttlMs: number;
  callTimeoutMs: number;
  /** Time limit of one Python verifier run (a process start included). */
  pythonTimeoutMs: number;
  /** The Python interpreter for AWM verifiers (default python3). */
  python?: string;
  /** The LLM judge, for verify mode "judge"; the CLI builds it from a model. */
  judge?: JudgeFn;
  rewards: RewardMap;
}

/** How many calls an episode's log keeps (the counts keep counting past it). */
const LOG_LIMIT = 500;
/** How much of each result the log keeps. */
const RESULT_LOG_CHARS = 1000;

/**
 * The start of a result, as its own string. A plain slice of a long string keeps the whole
 * string alive in Bun's engine, so 500 logged 1 MB results would hold 500 MB.
 */
function logPrefix(text: string): string {
  return text.length > RESULT_LOG_CHARS ? Buffer.from(text.slice(0, RESULT_LOG_CHARS)).toString() : text;
}

/** Creates, finds, runs and closes episodes. Nothing here blocks on env code: workers run it. */
export class EpisodeManager {
  private readonly episodes = new Map<string, Episode>();

  constructor(private readonly o: EpisodeManagerOptions) {}

  /**
   * Called by the worker pool: the episodes of a replaced worker answer 410 from now on. Their
   * files go now: the worker that would have removed them is gone, and they sit on tmpfs.
   */
  markLost(ids: string[], reason: string): void {
    let n = 0;
    for (const id of ids) {
      rmSync(this.file(id), { force: true });
      const ep = this.episodes.get(id);
      if (ep && !ep.lost) {
        ep.lost = reason;
        n++;
      }
    }
    if (n) this.o.metrics.episodeEnded("lost", n);
  }

  get size(): number {
    return this.episodes.size;
  }

  /** The limits this manager enforces, for /metrics. */
  get limits() {
    return { maxEpisodes: this.o.maxEpisodes, maxCallsPerEpisode: this.o.maxCallsPerEpisode, ttlMs: this.o.ttlMs, callTimeoutMs: this.o.callTimeoutMs };
  }

  /** Creates an episode; O(1): the database is cloned at its first write. */
  create(options: CreateEpisodeOptions): Episode {
    this.checkCapacity(1);
    return this.open(this.plan(options));
  }

  /** Creates several episodes, all or none: every request is checked before any is created. */
  createMany(list: CreateEpisodeOptions[]): Episode[] {
    this.checkCapacity(list.length);
    const plans = list.map((o, i) => {
      try {
        return this.plan(o);
      } catch (err) {
        if (err instanceof AwmError) throw new AwmError(`episodes[${i}]: ${err.message}`, err.status, err.code);
        throw err;
      }
    });
    return plans.map((p) => this.open(p));
  }

  /** The episode, or 404 / 410. */
  get(id: string): Episode {
    const ep = this.peek(id);
    if (ep.lost) throw new EpisodeLostError(id, ep.lost);
    return ep;
  }

  /** The episode even if lost, or 404. */
  peek(id: string): Episode {
    const ep = this.episodes.get(id);
    if (!ep) throw new EpisodeNotFoundError(id);
    return ep;
  }

  list(): Episode[] {
    return [...this.episodes.values()];
  }

  close(id: string, reason = "closed"): void {
    const ep = this.peek(id);
    this.episodes.delete(id);
    if (!ep.lost) {
      ep.worker.episodes.delete(id);
      ep.worker.post({ t: "close", ep: id });
      this.o.metrics.episodeEnded(reason);
    }
  }

  /** Closes every episode idle past its TTL. */
  reap(now = Date.now()): number {
    let n = 0;
    for (const ep of this.episodes.values()) {
      if (now - ep.lastActiveAt > ep.ttlMs) {
        this.close(ep.id, ep.lost ? "lost" : "expired");
        n++;
      }
    }
    return n;
  }

  closeAll(reason = "shutdown"): void {
    for (const id of [...this.episodes.keys()]) this.close(id, reason);
  }

  /** Runs one tool call. Tool failures are outcomes, not exceptions: the agent reads them. */
  async call(ep: Episode, tool: string, args: unknown): Promise<CallOutcome> {
    if (ep.counts.calls >= this.o.maxCallsPerEpisode) {
      throw new CallLimitError(ep.id, this.o.maxCallsPerEpisode);
    }
    const started = performance.now();
    const seq = ++ep.counts.calls;
    ep.lastActiveAt = Date.now();
    let outcome: CallOutcome;
    if (!ep.env.toolNames.has(tool)) {
      outcome = { ok: false, kind: "unknown_tool", message: `Unknown tool '${tool}'. This env has ${ep.env.tools.length} tools; call tools/list to see them.` };
    } else if (args !== undefined && args !== null && (typeof args !== "object" || Array.isArray(args))) {
      outcome = { ok: false, kind: "invalid_args", message: `Invalid arguments for ${tool}: arguments must be a JSON object` };
    } else {
      const reply = await this.request(ep, { t: "call", ep: ep.id, tool, args: args ?? {}, seq }).catch((err) => {
        this.o.metrics.observeCall("lost", (performance.now() - started) / 1000);
        throw err;
      });
      if (reply.ok) outcome = { ok: true, ...(reply.value as CallValue) };
      else if (reply.kind === "internal" || reply.kind === "verifier_error") throw new AwmError(reply.message, 500, "internal");
      else outcome = { ok: false, kind: reply.kind, message: reply.message };
    }
    const ms = performance.now() - started;
    if (!outcome.ok) ep.counts[outcome.kind]++;
    if (ep.log.length < LOG_LIMIT) {
      const detail = outcome.ok ? { result: logPrefix(outcome.text) } : { kind: outcome.kind, error: outcome.message };
      ep.log.push({ seq, tool, arguments: args, ok: outcome.ok, ...detail, ms, at: Date.now() });
    }
    this.o.metrics.observeCall(outcome.ok ? "ok" : outcome.kind, ms / 1000);
    return outcome;
  }

  /** Runs the task's verification (see verifyEpisode) and maps the verdict to a reward. */
  async verify(ep: Episode, options: VerificationOptions & { rewards?: RewardMap } = {}): Promise<VerifyOutcome> {
    const task = ep.task;
    if (task === null) throw new BadRequestError(`episode ${ep.id} has no task to verify`);
    ep.lastActiveAt = Date.now();
    const { verdict, facts, diff, mode } = await verifyEpisode(this.verificationDeps(), ep, task, options);
    ep.lastVerdict = verdict;
    this.o.metrics.verdict(verdict);
    const rewards = { ...this.o.rewards, ...options.rewards };
    return { verdict, reward: rewardFor(verdict, rewards), mode, facts, diff, counts: { ...ep.counts } };
  }

  private verificationDeps(): VerificationDeps {
    return {
      codeVerify: async (ep, task, answer) => {
        const reply = await this.request(ep, { t: "verify", ep: ep.id, task, answer });
        if (reply.ok) return reply.value as { verdict: string; facts: Record<string, unknown>; diff: DbDiff };
        if (reply.kind === "verifier_error") return { verdict: "verifier_error", facts: { error: reply.message }, diff: null };
        throw new AwmError(reply.message, 500, "internal");
      },
      dump: (ep) => this.dump(ep),
      diff: (ep) => this.diff(ep),
      scratchDir: this.o.episodesDir,
      pythonTimeoutMs: this.o.pythonTimeoutMs,
      python: this.o.python,
      judge: this.o.judge,
    };
  }

  async diff(ep: Episode): Promise<DbDiff> {
    const reply = await this.request(ep, { t: "diff", ep: ep.id });
    if (!reply.ok) throw new AwmError(reply.message, 500, "internal");
    return reply.value as DbDiff;
  }

  /** The episode's current database file. */
  async dump(ep: Episode): Promise<Uint8Array> {
    const reply = await this.request(ep, { t: "dump", ep: ep.id });
    if (!reply.ok) throw new AwmError(reply.message, 500, "internal");
    return reply.value as Uint8Array;
  }

  private async request(ep: Episode, message: Parameters<WorkerHandle["request"]>[0]): Promise<WorkerReply> {
    try {
      return await ep.worker.request(message, this.o.callTimeoutMs);
    } catch (err) {
      if (err instanceof WorkerLostError) {
        throw new EpisodeLostError(ep.id, ep.lost ?? err.message);
      }
      throw err;
    }
  }

  private file(id: string): string {
    return join(this.o.episodesDir, `${id}.db`);
  }

  private checkCapacity(n: number): void {
    if (this.episodes.size + n > this.o.maxEpisodes) throw new TooManyEpisodesError(this.o.maxEpisodes, 1);
  }

  private plan(o: CreateEpisodeOptions): { env: Env; task: number | null; ttlMs: number; restore?: Uint8Array } {
    const env = this.o.registry.get(o.env);
    const n = env.tasks.length;
    let task: number | null = null;
    if (o.task !== undefined) {
      if (!Number.isInteger(o.task) || o.task < 0 || o.task >= n) {
        throw new BadRequestError(`task ${o.task} is out of range: env '${env.name}' has ${n} tasks (0-${n - 1})`);
      }
      task = o.task;
    } else if (n > 0) {
      task = o.seed !== undefined ? Math.abs(Math.trunc(o.seed)) % n : Math.floor(Math.random() * n);
    }
    const ttlMs = o.ttlS !== undefined ? o.ttlS * 1000 : this.o.ttlMs;
    return { env, task, ttlMs, restore: o.restore };
  }

  private open(p: { env: Env; task: number | null; ttlMs: number; restore?: Uint8Array }): Episode {
    const id = newEpisodeId();
    const worker = this.o.pool.assign(p.env);
    const file = this.file(id);
    if (p.restore) writeFileSync(file, p.restore, { mode: 0o600 });
    worker.episodes.add(id);
    worker.post({ t: "open", ep: id, env: p.env.name, file, existing: !!p.restore });
    const now = Date.now();
    const ep: Episode = {
      id,
      env: p.env,
      task: p.task,
      worker,
      createdAt: now,
      lastActiveAt: now,
      ttlMs: p.ttlMs,
      lost: null,
      counts: { calls: 0, unknown_tool: 0, invalid_args: 0, tool_error: 0, tool_exception: 0 },
      log: [],
      lastVerdict: null,
    };
    this.episodes.set(id, ep);
    this.o.metrics.episodesCreated++;
    return ep;
  }
}

/** `ep_` + 128 random bits, hex. */
function newEpisodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ep_${Buffer.from(bytes).toString("hex")}`;
}
