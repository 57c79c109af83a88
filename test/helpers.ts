import { afterAll } from "bun:test";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildTemplate } from "../src/db/build-template.ts";
import { createDataDir, removeDataDir, type DataDir } from "../src/db/data-dir.ts";

export const ROOT = resolve(import.meta.dir, "..");
export const FIXTURES = join(ROOT, "test/fixtures");
export const NOTES_DIR = join(FIXTURES, "envs/notes");
export const BUN = process.execPath;
/** The command that runs the CLI from source; append a subcommand and its flags. */
export const AWM = [BUN, join(ROOT, "src/cli/main.ts")];

/** What one CLI run printed, and its exit code. */
export interface AwmResult {
  code: number;
  out: string;
  err: string;
}

/** Where runAwm runs: the working folder (default ROOT) and the whole environment (default this process's). */
export interface RunAwmOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** Runs `awm ...args` from source to exit. Async, so a fake LLM served by this process can answer it. */
export async function runAwm(args: string[], options: RunAwmOptions = {}): Promise<AwmResult> {
  const proc = Bun.spawn([...AWM, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, out, err };
}

/** A fresh folder under the system's temp dir, removed after the file's tests; call it at a test file's top level. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A copy of the notes fixture env named `name`, in a temp dir removed after the file's tests:
 * each listed file is written with its text, or deleted when null. Call it at a test file's top level.
 */
export function notesVariant(name: string, files: Record<string, string | null>): string {
  const dir = join(tempDir(`awm-${name}-`), name);
  cpSync(NOTES_DIR, dir, { recursive: true });
  const meta = JSON.parse(readFileSync(join(dir, "env.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(dir, "env.json"), JSON.stringify({ ...meta, name }) + "\n");
  for (const [file, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** pynotes' own files: tasks verified only by AWM-style Python verifiers. */
export const PYNOTES_DIR = join(FIXTURES, "python/pynotes");

/** The notes env as "pynotes": PYNOTES_DIR's tasks and Python verifiers, no verify.ts; `files` as for notesVariant. */
export function pynotesEnv(files: Record<string, string | null> = {}): string {
  const own = (f: string) => readFileSync(join(PYNOTES_DIR, f), "utf8");
  return notesVariant("pynotes", { "tasks.json": own("tasks.json"), "python_verifiers.json": own("python_verifiers.json"), "verify.ts": null, "solutions.json": null, ...files });
}

/** A data folder with the notes fixture's template built in it. */
export async function notesTemplate(): Promise<{ dir: DataDir; path: string; cleanup: () => void }> {
  const dir = createDataDir();
  const path = join(dir.templates, "notes.db");
  await buildTemplate(path, readFileSync(join(NOTES_DIR, "schema.sql"), "utf8"), readFileSync(join(NOTES_DIR, "seed.sql"), "utf8"));
  return { dir, path, cleanup: () => removeDataDir(dir) };
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The HTTP app over a fresh runtime, for in-process requests with `app.request`. */
export async function testApp(options: Partial<import("../src/runtime/runtime.ts").RuntimeOptions> = {}, appOptions: { token?: string; maxBodyBytes?: number } = {}) {
  const { createRuntime } = await import("../src/runtime/runtime.ts");
  const { createApp } = await import("../src/http/app.ts");
  const runtime = await createRuntime({ envDirs: [join(FIXTURES, "envs")], workers: 1, log: () => {}, ...options });
  const logged: string[] = [];
  const app = createApp({ ...runtime, log: (l) => logged.push(l), maxBodyBytes: appOptions.maxBodyBytes ?? 1024 * 1024, token: appOptions.token });
  const json = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
    const text = await res.text();
    let data: any = null;
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
    return { status: res.status, data, headers: res.headers };
  };
  /** A fetch that goes straight into the app, for SDK clients. */
  const fetch = (url: string | URL | Request, init?: RequestInit) => Promise.resolve(app.fetch(new Request(url, init)));
  return { app, runtime, json, fetch, logged, close: () => runtime.close() };
}
