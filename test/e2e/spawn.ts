import type { Subprocess } from "bun";
import { AWM, ROOT } from "../helpers.ts";

/** A server process started for a test, with the URL it printed. */
export interface Spawned {
  url: string;
  proc: Subprocess<"ignore", "pipe", "pipe">;
  stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number>;
}

/** Starts `cmd` and waits for it to print "at http://host:port". */
export async function spawnServer(cmd: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<Spawned> {
  const proc = Bun.spawn(cmd, { cwd: options.cwd, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  let err = "";
  const reader = proc.stderr.getReader();
  const decoder = new TextDecoder();
  // One timer for the whole wait, cleared once the URL is in: a pending sleep would keep the
  // calling process alive until its end.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.timeoutMs ?? 30_000)));
  let url: string | undefined;
  while (!url) {
    const chunk = await Promise.race([reader.read(), timeUp]);
    if (!chunk || chunk.done) {
      clearTimeout(timer);
      proc.kill();
      throw new Error(`server did not start: ${err}`);
    }
    err += decoder.decode(chunk.value);
    // The URL ends at a space, slash or quote (a JSON log line follows it with `"}`), and only
    // once that end has arrived: a chunk may stop in the middle of the port.
    url = /at (http:\/\/[^\s/"]+)[\s/"]/.exec(err)?.[1];
  }
  clearTimeout(timer);
  void (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      err += decoder.decode(chunk.value);
    }
  })();
  return {
    url,
    proc,
    stderr: () => err,
    async stop() {
      proc.kill("SIGTERM");
      return await proc.exited;
    },
  };
}

/** Starts `awm serve --port 0 ...args` from source, in the repository root. */
export function serveAwm(args: string[], options: { timeoutMs?: number } = {}): Promise<Spawned> {
  return spawnServer([...AWM, "serve", "--port", "0", ...args], { cwd: ROOT, ...options });
}
