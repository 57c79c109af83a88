import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A content-addressed store of model answers: the key is a hash of everything that shapes
 * the answer (model, messages, sampling settings). A re-run with the same prompts is
 * answered from disk and costs nothing. Entries are written atomically.
 */
export class ResponseCache {
  hits = 0;

  constructor(private readonly dir: string) {}

  static key(request: unknown): string {
    return createHash("sha256").update(JSON.stringify(request)).digest("hex");
  }

  get<T>(key: string): T | undefined {
    const path = this.path(key);
    if (!existsSync(path)) return undefined;
    try {
      const value = JSON.parse(readFileSync(path, "utf8")) as T;
      this.hits++;
      return value;
    } catch {
      return undefined; // a torn or foreign file: ask again
    }
  }

  set(key: string, value: unknown): void {
    writeAtomic(this.path(key), JSON.stringify(value));
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** Writes a file so that readers see the old content or the new, never half of it. */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
