import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Metrics } from "../runtime/metrics.ts";

/** Every route needs `Authorization: Bearer TOKEN`; the comparison takes the same time whatever the guess. */
export function requireToken(token: string, metrics: Metrics): MiddlewareHandler {
  const expected = Buffer.from(token);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const given = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      metrics.httpError(401);
      return c.json({ error: { code: "unauthorized", message: "this server needs Authorization: Bearer <token>" } }, 401, { "www-authenticate": "Bearer" });
    }
    await next();
  };
}

/** A body over the limit is a 413 that says so (Bun's own cap, a little higher, only stops bodies without a length). */
export function limitBody(maxBytes: number, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const length = Number(c.req.header("content-length") ?? 0);
    if (length > maxBytes) {
      metrics.httpError(413);
      return c.json({ error: { code: "body_too_large", message: `the request body has ${length} bytes; the limit is ${maxBytes}` } }, 413);
    }
    await next();
  };
}

/** How log lines are written. */
export type LogFormat = "text" | "json";

/** A logger: text lines, or JSON objects a log pipeline can index. */
export function makeLogger(format: LogFormat, write: (line: string) => void = (l) => process.stderr.write(l + "\n")) {
  return {
    log: (msg: string) => write(format === "json" ? JSON.stringify({ ts: new Date().toISOString(), level: "info", msg: msg.replace(/^awm: /, "") }) : msg),
    access: (e: { method: string; path: string; status: number; ms: number; episode?: string }) =>
      write(format === "json" ? JSON.stringify({ ts: new Date().toISOString(), level: "info", msg: "request", ...e }) : `${e.method} ${e.path} ${e.status} ${e.ms.toFixed(2)}ms`),
  };
}

/** One access log line per request: method, path, status, milliseconds, episode id. */
export function accessLog(write: ReturnType<typeof makeLogger>["access"]): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = new URL(c.req.url).pathname;
    write({ method: c.req.method, path, status: c.res.status, ms: performance.now() - started, ...(/\/episodes\/(ep_\w+)/.exec(path) ? { episode: /\/episodes\/(ep_\w+)/.exec(path)![1] } : {}) });
  };
}
