/** At most `size` tasks at once; the rest wait their turn in order. */
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** A counting semaphore for async tasks. */
export function createSemaphore(size: number): Semaphore {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  return {
    async run(fn) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await fn();
      } finally {
        // Hand the slot straight to the next in line, or give it back.
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
