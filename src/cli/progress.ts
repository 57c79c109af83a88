/** A one-line progress counter on stderr for loading many envs; silent when stderr is not a terminal. */
export function loadProgress(label = "loading envs"): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    if (total < 10) return;
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? "\n" : ""}`);
  };
}
