import { expect, test } from "bun:test";
import { createSemaphore } from "../../src/verify/semaphore.ts";

test("runs at most its size at once, in the order asked, and frees a slot when a task fails", async () => {
  const s = createSemaphore(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const task = (i: number) => async () => {
    started.push(i);
    most = Math.max(most, ++running);
    await Bun.sleep(10);
    running--;
    if (i === 0) throw new Error("boom");
    return i;
  };
  const outs = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => s.run(task(i))));
  expect(most).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(outs.map((o) => o.status)).toEqual(["rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
  expect(await s.run(async () => "after")).toBe("after");
});
