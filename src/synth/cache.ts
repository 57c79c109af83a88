import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "./write-atomic.ts";

/**
 * A content-addressed store of model answers: the key is a hash of everything that shapes
 * the answer (model, messages, sampling settings). A re-run with the same prompts is
 * answered from disk and costs nothing. Entries are written atomically.
 */
export class ResponseCache {
  constructor(private readonly dir: string) {}

  static key(request: unknown): string {
    return createHash("sha256").update(JSON.stringify(request)).digest("hex");
  }

  get<T>(key: string): T | undefined {
    const path = this.path(key);
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, "utf8")) as T;
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
