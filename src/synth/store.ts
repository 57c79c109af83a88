import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readJsonl } from "../awm1k/jsonl.ts";
import { writeAtomic } from "./cache.ts";

/**
 * A stage's output file (AWM JSONL), keyed by scenario. Each finished item is appended
 * at once, so a killed run keeps everything it finished (a torn last line is skipped when
 * the file is read back); `compact` rewrites the file atomically in a stable order.
 */
export class JsonlStore<T> {
  private readonly records = new Map<string, T>();

  constructor(
    readonly path: string,
    private readonly keyOf: (record: T) => string,
  ) {
    if (existsSync(path)) for (const r of readJsonl(path).records) this.records.set(keyOf(r.value as T), r.value as T);
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  all(): T[] {
    return [...this.records.values()];
  }

  put(record: T): void {
    this.records.set(this.keyOf(record), record);
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, JSON.stringify(record) + "\n");
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  /** Rewrites the file with one line per key, in `order` (or insertion order). */
  compact(order?: string[]): void {
    const keys = order ? order.filter((k) => this.records.has(k)) : [...this.records.keys()];
    writeAtomic(this.path, keys.map((k) => JSON.stringify(this.records.get(k))).join("\n") + (keys.length ? "\n" : ""));
  }
}
