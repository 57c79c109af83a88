/**
 * A stage's progress on stderr: a redrawn bar with counts, failures and elapsed time on a
 * terminal; plain lines (each finished item, at most every few percent) otherwise.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private lastLine = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: { isTTY?: boolean; write(s: string): unknown } = process.stderr,
    private readonly quiet = false,
  ) {
    this.draw();
  }

  tick(ok: boolean, note = ""): void {
    this.done++;
    if (!ok) this.failed++;
    this.draw(note);
  }

  finish(): string {
    const line = `${this.label}: ${this.done - this.failed}/${this.total} ok, ${this.failed} failed, ${elapsed(this.started)}`;
    if (!this.quiet) this.out.write(this.out.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
    return line;
  }

  private draw(note = ""): void {
    if (this.quiet || this.total === 0) return;
    const status = `${this.done}/${this.total}, ${this.failed} failed, ${elapsed(this.started)}`;
    if (this.out.isTTY) {
      const width = 24;
      const full = Math.round((this.done / this.total) * width);
      this.out.write(`\r\x1b[2K${this.label} [${"#".repeat(full)}${".".repeat(width - full)}] ${status}${note ? ` ${note}` : ""}`);
      return;
    }
    const step = Math.max(1, Math.floor(this.total / 20));
    if (this.done > 0 && (this.done % step === 0 || this.done === this.total) && this.done !== this.lastLine) {
      this.lastLine = this.done;
      this.out.write(`${this.label}: ${status}${note ? ` (${note})` : ""}\n`);
    }
  }
}

function elapsed(start: number): string {
  const s = Math.round((performance.now() - start) / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
