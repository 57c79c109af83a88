import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readJsonl } from "../awm1k/jsonl.ts";
import { writeAtomic } from "./write-atomic.ts";

/**
 * A stage's output file (AWM JSONL), keyed by scenario, read on first use. Each finished
 * item is appended at once, so a killed run keeps everything it finished. A file that does
 * not hold exactly one readable line per key (a line torn by a kill, a key put twice) is
 * rewritten, not appended to. `compact` rewrites the file atomically, one line per key,
 * when it differs from the records.
 */
export class JsonlStore<T> {
  private loaded: Map<string, T> | null = null;
  /** Records were put since the file was last written whole. */
  private dirty = false;
  /** The file holds more than one readable line per key: rewrite it rather than append to it. */
  private untidy = false;

  constructor(
    readonly path: string,
    private readonly keyOf: (record: T) => string,
  ) {}

  has(key: string): boolean {
    return this.records.has(key);
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  all(): T[] {
    return [...this.records.values()];
  }

  /** Records with their keys. */
  entries(): [string, T][] {
    return [...this.records.entries()];
  }

  put(record: T): void {
    this.records.set(this.keyOf(record), record);
    this.dirty = true;
    if (this.untidy) return this.compact();
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, JSON.stringify(record) + "\n");
  }

  /** Rewrites the file with one line per key, in insertion order; nothing to do when nothing changed. */
  compact(): void {
    if (!this.dirty && !this.untidy) return;
    writeAtomic(this.path, this.all().map((r) => JSON.stringify(r) + "\n").join(""));
    this.dirty = this.untidy = false;
  }

  private get records(): Map<string, T> {
    if (this.loaded) return this.loaded;
    this.loaded = new Map();
    if (existsSync(this.path)) {
      const { records, problems } = readJsonl(this.path);
      for (const r of records) this.loaded.set(this.keyOf(r.value as T), r.value as T);
      this.untidy = problems.length > 0 || records.length !== this.loaded.size;
    }
    return this.loaded;
  }
}
