/** A Python literal that could not be read, with the offset where reading stopped. */
export class PythonLiteralError extends Error {
  override name = "PythonLiteralError";
}

/**
 * Reads a Python literal (what `repr()` prints for dicts, lists, tuples, strings,
 * numbers, True, False, None) into JSON values: AWM files may hold one where JSON was
 * expected. Tuples become arrays.
 */
export function parsePythonLiteral(text: string): unknown {
  const p = new Reader(text);
  const value = p.value();
  p.space();
  if (!p.done()) p.fail("unexpected text after the value");
  return value;
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  fail(why: string): never {
    throw new PythonLiteralError(`${why} at offset ${this.i}`);
  }

  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  value(): unknown {
    this.space();
    const c = this.s[this.i];
    if (c === "{") return this.dict();
    if (c === "[") return this.sequence("]");
    if (c === "(") return this.sequence(")");
    if (c === "'" || c === '"') return this.string();
    if (c !== undefined && /[rRbBuU]/.test(c) && /['"]/.test(this.s[this.i + 1] ?? "")) {
      this.i++;
      return this.string(c === "r" || c === "R");
    }
    for (const [word, v] of [["True", true], ["False", false], ["None", null]] as const) {
      if (this.s.startsWith(word, this.i) && !/\w/.test(this.s[this.i + word.length] ?? "")) {
        this.i += word.length;
        return v;
      }
    }
    const m = /^[-+]?(?:\d[\d_]*\.?[\d_]*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return Number(m[0].replace(/_/g, ""));
    }
    return this.fail(c === undefined ? "unexpected end of text" : `unexpected '${c}'`);
  }

  private dict(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.space();
      if (this.s[this.i] === "}") {
        this.i++;
        return out;
      }
      const key = this.value();
      this.space();
      if (this.s[this.i] !== ":") this.fail("expected ':'");
      this.i++;
      out[typeof key === "string" ? key : JSON.stringify(key)] = this.value();
      this.space();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") this.fail("expected ',' or '}'");
    }
  }

  private sequence(close: string): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.space();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
    }
  }

  private string(raw = false): string {
    const q = this.s[this.i]!;
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const end = triple ? q.repeat(3) : q;
    this.i += end.length;
    let out = "";
    while (!this.s.startsWith(end, this.i)) {
      const c = this.s[this.i];
      if (c === undefined) this.fail("unterminated string");
      if (c === "\\" && !raw) {
        out += this.escape();
        continue;
      }
      if (c === "\n" && !triple) this.fail("newline in string");
      out += c;
      this.i++;
    }
    this.i += end.length;
    return out;
  }

  private escape(): string {
    const c = this.s[this.i + 1];
    this.i += 2;
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
    if (c !== undefined && c in simple) return simple[c]!;
    const hex = (n: number) => {
      const h = this.s.slice(this.i, this.i + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) this.fail("bad escape");
      this.i += n;
      return String.fromCodePoint(parseInt(h, 16));
    };
    if (c === "x") return hex(2);
    if (c === "u") return hex(4);
    if (c === "U") return hex(8);
    return `\\${c ?? ""}`;
  }
}
