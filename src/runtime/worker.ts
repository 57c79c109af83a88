/// <reference lib="webworker" />
// Tool worker: runs env code (tools and verifiers) against episode databases, one message at a time.
import * as v from "valibot";
import { ToolError } from "../envkit/tool-error.ts";
import type { ToolContext } from "../envkit/define-env.ts";
import type { DbDiff } from "../envkit/diff-types.ts";
import type { SqlDatabase } from "../envkit/sql.ts";
import type { Verdict, VerifierContext } from "../envkit/verifier.ts";
import { eagerCopyBackend, lazyCopyBackend } from "../db/copy-on-write.ts";
import { openTemplate } from "../db/template.ts";
import type { DbBackend, EpisodeDb, Template } from "../db/types.ts";
import { formatIssues } from "../format-issues.ts";
import { evaluateEnvModule, inspectEnvModule, type EnvModule } from "./env-module.ts";
import { READY_ID, type FailureKind, type WorkerReply, type WorkerRequest } from "./worker-protocol.ts";

interface LoadedEnv {
  module: EnvModule;
  template: Template;
  now: number;
  userId: number;
}

interface OpenEpisode {
  env: LoadedEnv;
  db: EpisodeDb;
  /** What env code gets as ctx.db: the four methods, nothing else of the episode. */
  facade: SqlDatabase;
}

const VERDICTS: Verdict[] = ["complete", "incomplete", "others"];
const BACKENDS: Record<string, DbBackend> = { [lazyCopyBackend.name]: lazyCopyBackend, [eagerCopyBackend.name]: eagerCopyBackend };

const reply = globalThis.postMessage.bind(globalThis) as (m: WorkerReply, transfer?: Transferable[]) => void;
// The worker itself needs none of these; removing them keeps env code off the network.
for (const name of ["fetch", "WebSocket", "XMLHttpRequest", "EventSource", "Worker"]) delete (globalThis as Record<string, unknown>)[name];

// A stray exception or rejection from env code (outside any call) would kill the worker and
// every episode on it; keep the worker alive and say what happened.
process.on("uncaughtException", (err) => console.error(`awm worker: uncaught error from env code: ${describe(err)}`));
process.on("unhandledRejection", (err) => console.error(`awm worker: unhandled rejection from env code: ${describe(err)}`));

let backend: DbBackend = lazyCopyBackend;
const envs = new Map<string, LoadedEnv>();
const episodes = new Map<string, OpenEpisode>();
/** Why an env or episode could not be opened here; requests for it answer this. */
const failures = new Map<string, string>();

class Failure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const m = event.data;
  if (!("id" in m)) return command(m);
  try {
    const [value, transfer] = handle(m);
    reply({ id: m.id, ok: true, value }, transfer);
  } catch (err) {
    const f = err instanceof Failure ? err : new Failure("internal", describe(err));
    reply({ id: m.id, ok: false, kind: f.kind, message: f.message });
  }
};

reply({ id: READY_ID, ok: true, value: null });

function command(m: Exclude<WorkerRequest, { id: number }>): void {
  switch (m.t) {
    case "config":
      backend = BACKENDS[m.backend] ?? lazyCopyBackend;
      return;
    case "load": {
      if (envs.has(m.env)) return;
      try {
        envs.set(m.env, { module: evaluateEnvModule(m.code, m.env), template: openTemplate(m.template), now: Date.parse(m.now), userId: m.userId });
      } catch (err) {
        failures.set(m.env, `env ${m.env} failed to load: ${describe(err)}`);
      }
      return;
    }
    case "open": {
      const env = envs.get(m.env);
      if (!env) {
        failures.set(m.ep, failures.get(m.env) ?? `env ${m.env} is not loaded`);
        return;
      }
      const db = backend.open(env.template, m.file, m.existing);
      const facade: SqlDatabase = {
        all: (sql, ...p) => db.all(sql, ...p),
        get: (sql, ...p) => db.get(sql, ...p),
        run: (sql, ...p) => db.run(sql, ...p),
        transaction: (fn) => db.transaction(fn),
      };
      episodes.set(m.ep, { env, db, facade });
      return;
    }
    case "close":
      episodes.get(m.ep)?.db.close();
      episodes.delete(m.ep);
      failures.delete(m.ep);
      collectSoon();
      return;
  }
}

function handle(m: Extract<WorkerRequest, { id: number }>): [unknown, Transferable[]?] {
  switch (m.t) {
    case "inspect":
      try {
        return [inspectEnvModule(evaluateEnvModule(m.code, m.env))];
      } catch (err) {
        throw new Failure("internal", describe(err));
      }
    case "call":
      return [call(episode(m.ep), m.tool, m.args, m.seq)];
    case "verify":
      return [verify(episode(m.ep), m.task, m.answer)];
    case "diff":
      return [episode(m.ep).db.diff()];
    case "dump": {
      const bytes = new Uint8Array(episode(m.ep).db.bytes());
      return [bytes, [bytes.buffer]];
    }
  }
}

let collecting: ReturnType<typeof setTimeout> | undefined;

/**
 * libsql keeps a closed connection (and its file descriptor, and its memory) alive while
 * prepared statements on it are still unreachable garbage; a full collection frees them.
 * After closes, collect within a quarter second, at most four times a second.
 */
function collectSoon(): void {
  collecting ??= setTimeout(() => {
    collecting = undefined;
    Bun.gc(true);
  }, 250);
}

function episode(id: string): OpenEpisode {
  const ep = episodes.get(id);
  if (!ep) throw new Failure("internal", failures.get(id) ?? `episode ${id} is not open on this worker`);
  return ep;
}

function call(ep: OpenEpisode, name: string, args: unknown, seq: number) {
  const tool = ep.env.module.tools[name];
  if (!tool) throw new Failure("internal", `no tool '${name}'`);
  const parsed = v.safeParse(tool.input, args ?? {});
  if (!parsed.success) throw new Failure("invalid_args", `Invalid arguments for ${name}: ${formatIssues(parsed.issues)}`);
  const now = new Date(ep.env.now + seq * 1000);
  const iso = now.toISOString();
  const ctx: ToolContext = { db: ep.facade, userId: ep.env.userId, now, timestamp: `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, today: iso.slice(0, 10) };
  ep.db.beginCall();
  let result: unknown;
  try {
    result = tool.handler(parsed.output, ctx);
    if (result instanceof Promise) {
      result.catch(() => {});
      throw new Error(`tool handlers must be synchronous (${name} returned a Promise)`);
    }
  } catch (err) {
    ep.db.endCall(false);
    if (err instanceof ToolError) throw new Failure("tool_error", err.message);
    throw new Failure("tool_exception", `${name} failed: ${describe(err)}`);
  }
  ep.db.endCall(true);
  if (typeof result === "string") return { text: result, json: false };
  try {
    return { text: JSON.stringify(result ?? null, null, 2), json: true };
  } catch (err) {
    throw new Failure("tool_exception", `${name} returned a value that is not JSON: ${describe(err)}`);
  }
}

function verify(ep: OpenEpisode, task: number, answer: string | undefined) {
  const fn = ep.env.module.verifiers[task];
  if (!fn) throw new Failure("verifier_error", `no verifier for task ${task}`);
  const template = ep.env.template.conn;
  let diff: DbDiff | undefined;
  const getDiff = () => (diff ??= ep.db.diff());
  return ep.db.read((state) => {
    const vctx: VerifierContext = {
      initial: template,
      final: state,
      answer,
      userId: ep.env.userId,
      now: new Date(ep.env.now),
      get diff() {
        return getDiff();
      },
    };
    let out: unknown;
    try {
      out = fn(vctx);
    } catch (err) {
      throw new Failure("verifier_error", `verifier ${task} failed: ${describe(err)}`);
    }
    const r = out as { verdict?: unknown; facts?: unknown } | null;
    if (out instanceof Promise) throw new Failure("verifier_error", `verifier ${task} must be synchronous`);
    if (!r || typeof r !== "object" || !VERDICTS.includes(r.verdict as Verdict)) {
      throw new Failure("verifier_error", `verifier ${task} returned ${JSON.stringify(out)?.slice(0, 200)}; expected { verdict: "complete" | "incomplete" | "others", facts? }`);
    }
    return { verdict: r.verdict, facts: (r.facts ?? {}) as Record<string, unknown>, diff: getDiff() };
  });
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.name && err.name !== "Error" && !err.message.startsWith(err.name) ? `${err.name}: ${err.message}` : err.message;
  return String(err);
}
