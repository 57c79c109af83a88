/** One statement of a SQL script, with the 1-based line it starts on. */
export interface SqlStatement {
  sql: string;
  line: number;
}

/**
 * Splits a SQL script into statements at top-level semicolons. Quotes, comments and
 * CREATE TRIGGER ... BEGIN ... END bodies are respected; empty statements are dropped.
 */
export function splitSql(script: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  const lineOf = lineIndex(script);
  let start = 0;
  let words: string[] = []; // the statement's words so far, upper-cased, to spot triggers
  let word = "";
  const endWord = () => {
    if (word) words.push(word.toUpperCase());
    word = "";
  };
  const push = (end: number) => {
    const text = script.slice(start, end);
    const lead = firstCode(text);
    if (lead >= 0) out.push({ sql: text.trim(), line: lineOf(start + lead) });
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"' || c === "`" || c === "[") {
      endWord();
      i = closingQuote(script, i);
      words.push("'");
    } else if (c === "-" && script[i + 1] === "-") {
      endWord();
      const nl = script.indexOf("\n", i);
      i = nl < 0 ? script.length : nl;
    } else if (c === "/" && script[i + 1] === "*") {
      endWord();
      const end = script.indexOf("*/", i + 2);
      i = end < 0 ? script.length : end + 1;
    } else if (/\w/.test(c)) {
      word += c;
    } else {
      endWord();
      if (c === ";" && !(isTrigger(words) && words[words.length - 1] !== "END")) {
        push(i);
        start = i + 1;
        words = [];
      }
    }
  }
  endWord();
  push(script.length);
  return out;
}

/** Index of the quote that closes the one at `open` (doubled quotes escape). */
function closingQuote(s: string, open: number): number {
  const close = s[open] === "[" ? "]" : s[open]!;
  let j = open + 1;
  while (j < s.length) {
    if (s[j] === close) {
      if (close !== "]" && s[j + 1] === close) j += 2;
      else return j;
    } else j++;
  }
  return s.length;
}

function isTrigger(words: string[]): boolean {
  if (words[0] !== "CREATE") return false;
  const kind = words[1] === "TEMP" || words[1] === "TEMPORARY" ? words[2] : words[1];
  return kind === "TRIGGER";
}

/** Offset of the first character that is neither whitespace nor comment, or -1. */
function firstCode(text: string): number {
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith("--", i)) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
  return -1;
}

/** Maps an offset to its 1-based line number. */
function lineIndex(s: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < s.length; i++) if (s[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
