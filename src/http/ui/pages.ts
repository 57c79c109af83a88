import { html } from "hono/html";
import type { DbDiff } from "../../envkit/diff-types.ts";
import type { Episode } from "../../runtime/episode.ts";
import type { Env } from "../../runtime/registry.ts";
import { summary } from "../routes/episodes.ts";
import { age, json, page, type Html } from "./layout.ts";
import { toolForm } from "./schema-form.ts";

/** Live numbers and charts of the last minutes; the script fills them from /ui/stats every 2 s. */
export function overviewPage(o: { envs: number; broken: number; workers: number; created: number }): Html {
  const card = (label: string, stat: string, unit = "") => html`<div class="card"><div class="label">${label}</div><div class="value" data-stat="${stat}" data-unit="${unit}">-</div></div>`;
  const chart = (label: string, series: string) => html`<div class="chart"><div class="label">${label}</div><svg data-series="${series}" role="img" aria-label="${label}, last minutes"></svg></div>`;
  return page(
    "Overview",
    "overview",
    html`<h1>Overview</h1>
      <div data-stats="/ui/stats">
        <div class="cards">
          ${card("Live episodes", "live")} ${card("Episodes created", "created")} ${card("Calls per second", "calls_per_s")} ${card("Error rate", "error_rate", "%")}
          ${card("Latency p50", "p50_ms", "ms")} ${card("Latency p99", "p99_ms", "ms")} ${card("Memory", "rss_mb", "MB")} ${card("Workers", "workers")}
        </div>
        <h2>Last minutes</h2>
        <div class="charts">${chart("Live episodes", "live")} ${chart("Calls per second", "calls_per_s")} ${chart("Error rate", "error_rate")} ${chart("Latency p99 (ms)", "p99_ms")} ${chart("Memory (MB)", "rss_mb")}</div>
        <p class="muted">Updated <span data-updated>-</span>. ${o.envs} envs served${o.broken ? html`, ${o.broken} not servable (see <a href="/ui/envs">Envs</a>)` : ""}.</p>
      </div>`,
  );
}

export function envsPage(envs: Env[], broken: { name: string; reason: string }[]): Html {
  return page(
    "Envs",
    "envs",
    html`<h1>Envs</h1>
      <table>
        <tr><th>Name</th><th>Description</th><th>Tables</th><th>Rows</th><th>Tools</th><th>Tasks</th></tr>
        ${envs.map((e) => html`<tr><td><a href="/ui/envs/${e.name}">${e.name}</a></td><td>${e.description.slice(0, 140)}</td><td class="num">${e.stats.tables}</td><td class="num">${e.stats.rows}</td><td class="num">${e.tools.length}</td><td class="num">${e.tasks.length}</td></tr>`)}
      </table>
      ${broken.length ? html`<h2>Not servable</h2><table><tr><th>Name</th><th>Why</th></tr>${broken.map((b) => html`<tr><td>${b.name}</td><td>${b.reason}</td></tr>`)}</table>` : ""}`,
  );
}

export function envPage(env: Env, schema: string[]): Html {
  return page(
    env.name,
    "envs",
    html`<h1>${env.name}</h1>
      <p>${env.description}</p>
      <p class="muted">${env.stats.tables} tables, ${env.stats.rows} rows, ${env.tools.length} tools, ${env.tasks.length} tasks; clock ${env.now}; user ${env.userId}.</p>
      <h2>Tasks</h2>
      <table>
        <tr><th>#</th><th>Task</th><th></th></tr>
        ${env.tasks.map(
          (t, i) => html`<tr><td class="num">${i}</td><td>${t.prompt}</td><td><form method="post" action="/ui/episodes"><input type="hidden" name="env" value="${env.name}" /><input type="hidden" name="task" value="${i}" /><button type="submit">Start episode</button></form></td></tr>`,
        )}
      </table>
      <h2>Tools</h2>
      ${env.tools.map((t) => html`<details><summary><code>${t.name}</code>: ${t.description.split("\n")[0]}</summary><p>${t.description}</p>${json(t.inputSchema)}</details>`)}
      <h2>Database schema</h2>
      <pre>${schema.join(";\n\n")};</pre>`,
  );
}

export function episodesPage(episodes: Episode[], q: string): Html {
  const rows = episodes.map((e) => summary(e));
  return page(
    "Episodes",
    "episodes",
    html`<h1>Episodes</h1>
      <form method="get" action="/ui/episodes"><label><span>Filter (env, id, verdict, state)</span><input type="text" name="q" value="${q}" /></label><button type="submit">Filter</button></form>
      <p class="muted">${rows.length} episode${rows.length === 1 ? "" : "s"}.</p>
      <table>
        <tr><th>Episode</th><th>Env</th><th>Task</th><th>State</th><th>Age</th><th>Calls</th><th>Errors</th><th>Last verdict</th></tr>
        ${rows.map(
          (r) => html`<tr><td><a href="/ui/episodes/${r.id}"><code>${r.id.slice(0, 15)}…</code></a></td><td>${r.env}</td><td class="num">${r.task ?? "-"}</td><td>${r.state}</td><td class="num">${age(r.age_s)}</td><td class="num">${r.calls}</td><td class="num">${Object.values(r.errors).reduce((a, b) => a + b, 0)}</td><td>${r.last_verdict ?? "-"}</td></tr>`,
        )}
      </table>`,
  );
}

export interface Flash {
  kind: "call" | "verify";
  title: string;
  ok: boolean;
  body: unknown;
}

export function episodePage(ep: Episode, diff: DbDiff | null, tool: string | undefined, flash: Flash | undefined): Html {
  const s = summary(ep);
  const chosen = ep.env.tools.find((t) => t.name === tool) ?? ep.env.tools[0];
  return page(
    ep.id,
    "episodes",
    html`<h1>Episode <code>${ep.id}</code></h1>
      <p>${ep.env.name}${ep.task === null ? "" : html`, task ${ep.task}: <em>${ep.env.tasks[ep.task]!.prompt}</em>`}</p>
      <p class="muted">${s.state}${ep.lost ? html` (${ep.lost})` : ""}; ${age(s.age_s)} old; ${s.calls} calls; errors ${JSON.stringify(s.errors)}; last verdict ${s.last_verdict ?? "-"}.</p>
      <div>
        <a href="/v1/episodes/${ep.id}/db">Download the database</a> ·
        <form class="inline" method="post" action="/ui/episodes/${ep.id}/close"><button type="submit">Close episode</button></form>
      </div>
      ${flash ? html`<div class="result ${flash.ok ? "" : "error"}" id="result"><p><span class="status">${flash.ok ? "OK" : "ERROR"}</span> <strong>${flash.title}</strong></p>${typeof flash.body === "string" ? html`<pre>${flash.body}</pre>` : json(flash.body)}</div>` : ""}
      <h2>Try a tool</h2>
      <form method="get" action="/ui/episodes/${ep.id}"><label><span>Tool</span><select name="tool">${ep.env.tools.map((t) => html`<option ${t.name === chosen?.name ? "selected" : ""}>${t.name}</option>`)}</select></label><button type="submit">Show its form</button></form>
      ${chosen ? html`<p class="muted">${chosen.description}</p>${toolForm(`/ui/episodes/${ep.id}/call`, chosen)}` : ""}
      <h2>Timeline</h2>
      <section id="timeline">${ep.log.length === 0
        ? html`<p class="muted">No calls yet.</p>`
        : html`<table>
            <tr><th>#</th><th>Tool</th><th>Arguments</th><th>Outcome</th><th>Latency</th></tr>
            ${ep.log.map(
              (c) => html`<tr><td class="num">${c.seq}</td><td><code>${c.tool}</code></td><td>${json(c.arguments ?? {})}</td><td><span class="status">${c.ok ? "OK" : `ERROR (${c.kind})`}</span><pre>${c.ok ? c.result : c.error}</pre></td><td class="num">${c.ms.toFixed(2)} ms</td></tr>`,
            )}
          </table>`}</section>
      <h2>Database diff against the template</h2>
      <section id="diff">${diffView(diff)}</section>
      <h2>Verify</h2>
      ${ep.task === null
        ? html`<p class="muted">This episode has no task.</p>`
        : html`<form method="post" action="/ui/episodes/${ep.id}/verify">
            <label><span>Mode</span><select name="mode"><option value="">the env's default</option><option>code</option><option>python</option><option>judge</option></select></label>
            <label><span>Final answer</span><textarea name="answer"></textarea></label>
            <button type="submit">Verify</button>
          </form>`}`,
  );
}

function diffView(diff: DbDiff | null): Html {
  if (!diff) return html`<p class="muted">The diff is not available (the episode is lost).</p>`;
  const tables = Object.entries(diff.tables);
  if (tables.length === 0) return html`<p>No changes.</p>`;
  return html`<p>${diff.inserted} inserted, ${diff.updated} updated, ${diff.deleted} deleted.</p>
    ${tables.map(
      ([name, t]) => html`<h3><code>${name}</code></h3>
        ${t.inserted.length ? html`<p>Inserted</p>${rowsTable(t.inserted)}` : ""}
        ${t.updated.length
          ? html`<p>Updated</p><table><tr><th>Key</th><th>Column</th><th>Before</th><th>After</th></tr>${t.updated.flatMap((u) =>
              Object.keys(u.after).map((col) => html`<tr><td><code>${JSON.stringify(u.key)}</code></td><td>${col}</td><td><code>${JSON.stringify(u.before[col])}</code></td><td><code>${JSON.stringify(u.after[col])}</code></td></tr>`),
            )}</table>`
          : ""}
        ${t.deleted.length ? html`<p>Deleted</p>${rowsTable(t.deleted)}` : ""}`,
    )}`;
}

function rowsTable(rows: Record<string, unknown>[]): Html {
  const cols = Object.keys(rows[0] ?? {});
  return html`<table><tr>${cols.map((c) => html`<th>${c}</th>`)}</tr>${rows.map((r) => html`<tr>${cols.map((c) => html`<td><code>${JSON.stringify(r[c])}</code></td>`)}</tr>`)}</table>`;
}

export function loginPage(failed: boolean): Html {
  return page(
    "Sign in",
    "overview",
    html`<h1>Sign in</h1>
      ${failed ? html`<p><span class="status">ERROR</span> That token is not this server's.</p>` : ""}
      <form method="post" action="/ui/login"><label><span>Token</span><input type="password" name="token" autocomplete="current-password" /></label><button type="submit">Sign in</button></form>`,
  );
}
