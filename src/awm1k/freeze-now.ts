/**
 * AWM sample data says "3 days ago" as `datetime('now', '-3 days')` and defaults columns
 * to CURRENT_TIMESTAMP, so a database built today differs from one built tomorrow. The
 * importer pins every such "now" to one instant (the env clock), so that every episode
 * of the env starts from the same rows, and the tools' clock agrees with the data's.
 */
export function freezeNow(sql: string, now: Date): { sql: string; replaced: number } {
  const iso = now.toISOString();
  const ts = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  let replaced = 0;
  const out = mapOutsideStrings(sql, (code) =>
    code
      .replace(/\bCURRENT_TIMESTAMP\b/gi, () => (replaced++, `'${ts}'`))
      .replace(/\bCURRENT_DATE\b/gi, () => (replaced++, `'${ts.slice(0, 10)}'`))
      .replace(/\bCURRENT_TIME\b/gi, () => (replaced++, `'${ts.slice(11)}'`)),
  )
    .replace(/\b(datetime|date|time|julianday|unixepoch)(\s*\(\s*)'now'/gi, (_m, fn: string, open: string) => (replaced++, `${fn}${open}'${ts}'`))
    .replace(/\b(strftime\s*\(\s*'(?:[^']|'')*'\s*,\s*)'now'/gi, (_m, head: string) => (replaced++, `${head}'${ts}'`));
  return { sql: out, replaced };
}

/** Applies `fn` to the parts of `sql` outside quoted strings and identifiers. */
function mapOutsideStrings(sql: string, fn: (code: string) => string): string {
  let out = "";
  let code = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === "`") {
      out += fn(code);
      code = "";
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else code += c;
  }
  return out + fn(code);
}
