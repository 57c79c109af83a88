import { readFileSync } from "node:fs";
import { SqlConnection } from "./connection.ts";
import type { Template } from "./types.ts";

/** Opens a built template file for reading and cloning. */
export function openTemplate(path: string): Template {
  const conn = SqlConnection.openTemplate(path);
  let cached: Uint8Array | undefined;
  return {
    path,
    conn,
    bytes: () => (cached ??= readFileSync(path)),
    close: () => conn.close(),
  };
}
