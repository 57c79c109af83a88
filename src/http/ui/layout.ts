import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import css from "./ui.css" with { type: "text" };
import script from "./live-stats.js" with { type: "text" };

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
export type Section = "overview" | "envs" | "episodes";

/** The page shell: one embedded style sheet and script, a three-link navigation. */
export function page(title: string, section: Section, body: Html): Html {
  const link = (href: string, label: string, s: Section) => html`<a href="${href}" ${s === section ? raw('aria-current="page"') : ""}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · awm</title>
    <style>
      ${raw(css)}
    </style>
  </head>
  <body>
    <header>
      <strong>awm</strong>
      <nav>${link("/ui", "Overview", "overview")} · ${link("/ui/envs", "Envs", "envs")} · ${link("/ui/episodes", "Episodes", "episodes")}</nav>
    </header>
    <main>${body}</main>
    <script>
      ${raw(script)}
    </script>
  </body>
</html>`;
}

/** A JSON value, pretty-printed in a <pre>. */
export function json(value: unknown): Html {
  return html`<pre>${JSON.stringify(value, null, 2)}</pre>`;
}

/** Seconds as "42 s", "3 min", "2 h". */
export function age(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
