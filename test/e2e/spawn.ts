import type { Subprocess } from "bun";

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
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let url: string | undefined;
  while (!url) {
    const chunk = await Promise.race([reader.read(), Bun.sleep(Math.max(0, deadline - Date.now())).then(() => null)]);
    if (!chunk || chunk.done) {
      proc.kill();
      throw new Error(`server did not start: ${err}`);
    }
    err += decoder.decode(chunk.value);
    url = /at (http:\/\/[^\s/]+)/.exec(err)?.[1];
  }
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
