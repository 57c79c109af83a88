import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Metrics } from "../runtime/metrics.ts";

/** The dashboard's session cookie, holding the token a browser signed in with. */
export const TOKEN_COOKIE = "awm_token";

/** Compares a guess with the token in the same time whatever the guess. */
export function tokenMatches(token: string, guess: string | undefined): boolean {
  const expected = Buffer.from(token);
  const given = Buffer.from(guess ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Every route needs `Authorization: Bearer TOKEN`, or (for browsers on the dashboard) the
 * token in the session cookie; dashboard pages send a browser without it to sign in.
 */
export function requireToken(token: string, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const header = c.req.header("authorization") ?? "";
    if (path === "/ui/login" || tokenMatches(token, header.startsWith("Bearer ") ? header.slice(7) : undefined) || tokenMatches(token, getCookie(c, TOKEN_COOKIE))) {
      await next();
      return;
    }
    metrics.httpError(401);
    if (path === "/ui" || path.startsWith("/ui/")) return c.redirect("/ui/login", 303);
    return c.json({ error: { code: "unauthorized", message: "this server needs Authorization: Bearer <token>" } }, 401, { "www-authenticate": "Bearer" });
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
    const path = c.req.path;
    const episode = /\/episodes\/(ep_\w+)/.exec(path)?.[1];
    write({ method: c.req.method, path, status: c.res.status, ms: performance.now() - started, ...(episode ? { episode } : {}) });
  };
}
