// The serving core never depends on the parts that call models or parse flags (DESIGN.md, Layout).
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.ts";

const CORE = ["runtime", "db", "mcp", "envkit", "verify"];
const FORBIDDEN = [/^openai(\/|$)/, /\/(judge|synth|agent|cli)\//];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => join(d.parentPath, d.name));
}

test("runtime, db, mcp, envkit and verify import no model client, judge, synth, agent or cli code", () => {
  const offenders: string[] = [];
  for (const part of CORE) {
    for (const file of files(join(ROOT, "src", part))) {
      for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1]!;
        if (FORBIDDEN.some((re) => re.test(spec) || re.test(`/${spec.replace(/^(\.\.\/)+/, "")}/`))) offenders.push(`${file.slice(ROOT.length + 1)} imports ${spec}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});
