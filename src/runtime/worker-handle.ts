import { READY_ID, type WorkerReply, type WorkerRequest } from "./worker-protocol.ts";

type Request = Extract<WorkerRequest, { id: number }>;
type Command = Exclude<WorkerRequest, { id: number }>;
type Body<T> = T extends unknown ? Omit<T, "id"> : never;

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
  started: number;
  deadline: number;
}

/** Raised for every request in flight when a worker is replaced. */
export class WorkerLostError extends Error {
  override name = "WorkerLostError";
  constructor(
    message: string,
    /** True when the worker was replaced because a request ran past its time limit. */
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

let workerUrl = new URL("./worker.ts", import.meta.url).href;

/** The compiled binary names its embedded worker module here (its import.meta.url is the binary's). */
export function setWorkerUrl(url: string): void {
  workerUrl = url;
}

/** How often deadlines are checked: time limits are honoured to within this. */
const DEADLINE_SWEEP_MS = 25;
/** A slot whose workers die this many times in a row before they are ready (a broken install) is not restarted. */
const EARLY_CRASHES = 3;

/**
 * One tool worker: requests with deadlines, and replacement. A request that outlives its
 * deadline means env code is stuck; the worker is terminated (a spinning JS loop stops in
 * about a millisecond), a fresh one takes its place, and `onReplaced` hears why.
 */
export class WorkerHandle {
  private worker!: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Episodes pinned here. */
  readonly episodes = new Set<string>();
  /** Envs whose code this worker has loaded. */
  readonly loaded = new Set<string>();
  /** How many workers this slot has had (1 = never replaced). */
  generation = 0;
  /** Set when workers keep crashing at start (a broken install): the slot stays down. */
  down: string | null = null;
  /** Whether the current worker has loaded and said so. */
  private ready = false;
  private earlyCrashes = 0;
  private stopped = false;
  private readonly sweep: ReturnType<typeof setInterval>;

  constructor(
    readonly index: number,
    private readonly config: Command[],
    private readonly onReplaced: (handle: WorkerHandle, episodes: string[], reason: string) => void,
  ) {
    this.start();
    this.sweep = setInterval(() => this.checkDeadlines(performance.now()), DEADLINE_SWEEP_MS);
    this.sweep.unref?.();
  }

  /** Sends a message that needs no answer. Messages are handled in order. */
  post(message: Command): void {
    if (!this.down) this.worker.postMessage(message);
  }

  /** Sends a request; rejects with WorkerLostError if the worker is replaced first. */
  request(message: Body<Request>, timeoutMs: number): Promise<WorkerReply> {
    if (this.down) return Promise.reject(new WorkerLostError(this.down, false));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const now = performance.now();
      this.pending.set(id, { resolve, reject, started: now, deadline: now + timeoutMs });
      this.worker.postMessage({ ...message, id });
    });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** How long the oldest request in flight has run, in ms (0 when idle). */
  oldestInFlightMs(now = performance.now()): number {
    let oldest = now;
    for (const p of this.pending.values()) oldest = Math.min(oldest, p.started);
    return now - oldest;
  }

  /** Replaces the worker if a request has run past its deadline. */
  private checkDeadlines(now: number): void {
    for (const p of this.pending.values()) {
      if (p.deadline <= now) {
        this.replace("a tool call or verifier ran past its time limit", true);
        return;
      }
    }
  }

  /** Terminates the worker, fails everything it held, and starts a fresh one. */
  replace(reason: string, timedOut = false): void {
    this.worker.terminate();
    const lost = [...this.episodes];
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.episodes.clear();
    this.loaded.clear();
    // Only a worker that died before it was ready says the install is broken; a runaway call
    // or a crash in env code says nothing about the next worker.
    if (!this.ready) this.earlyCrashes++;
    if (this.earlyCrashes >= EARLY_CRASHES) this.down = `tool worker ${this.index} keeps crashing at start (${reason})`;
    else this.start();
    for (const p of pending) p.reject(new WorkerLostError(reason, timedOut));
    this.onReplaced(this, lost, reason);
  }

  /** Stops the worker for good. */
  terminate(): void {
    this.stopped = true;
    clearInterval(this.sweep);
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new WorkerLostError("the server is shutting down", false));
    this.pending.clear();
  }

  private start(): void {
    this.generation++;
    this.ready = false;
    const worker = new Worker(workerUrl);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.id === READY_ID) {
        this.ready = true;
        this.earlyCrashes = 0;
        return;
      }
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      p.resolve(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (this.worker === worker) this.replace(`its worker crashed: ${e.message}`);
    };
    // A worker that exits on its own (env code reaching process.exit, a crash) must not leave
    // its calls waiting for their deadline. Workers this handle retires are no longer current.
    worker.addEventListener("close", (e) => {
      if (this.worker === worker && !this.down && !this.stopped) this.replace(`its worker exited (code ${(e as CloseEvent & { code?: number }).code ?? "unknown"})`);
    });
    for (const m of this.config) worker.postMessage(m);
    this.worker = worker;
  }
}
