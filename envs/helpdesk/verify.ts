import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

interface TicketState {
  id: number;
  status: string;
  priority: string;
  type: string;
  channel: string;
  requester_id: number;
  organization_id: number | null;
  assignee_id: number | null;
  group_id: number | null;
  problem_id: number | null;
  subject: string;
}

/** The id of the seeded ticket with this exact subject. */
function ticketId(db: SqlReader, subject: string): number {
  const r = db.get<{ id: number }>("SELECT id FROM tickets WHERE subject = ?", subject);
  if (!r) throw new Error(`seed has no ticket '${subject}'`);
  return r.id;
}

function ticket(db: SqlReader, id: number): TicketState {
  return db.get<TicketState>("SELECT * FROM tickets WHERE id = ?", id)!;
}

function idOf(db: SqlReader, table: "users" | "support_groups" | "organizations" | "customers", name: string): number {
  const r = db.get<{ id: number }>(`SELECT id FROM ${table} WHERE name = ?`, name);
  if (!r) throw new Error(`seed has no ${table} row '${name}'`);
  return r.id;
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

/** Comments added during the episode on a ticket (in the final state), by the current user. */
function newAgentComments(v: VerifierContext, ticket: number): { id: number; is_public: number; body: string }[] {
  const ids = inserted(v, "ticket_comments").map((r) => r.id as number);
  if (!ids.length) return [];
  return v.final.all<{ id: number; is_public: number; body: string }>(
    `SELECT id, is_public, body FROM ticket_comments WHERE ticket_id = ? AND author_user_id = ? AND id IN (${ids.map(() => "?").join(",")}) ORDER BY id`,
    ticket,
    v.userId,
    ...ids,
  );
}

function tagsOf(db: SqlReader, ticket: number): string[] {
  return db.all<{ name: string }>("SELECT tg.name FROM ticket_tags tt JOIN tags tg ON tg.id = tt.tag_id WHERE tt.ticket_id = ? ORDER BY tg.name", ticket).map((r) => r.name);
}

function commentCount(db: SqlReader, ticket: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM ticket_comments WHERE ticket_id = ?", ticket)!.n;
}

/** Same ticket fields (and comment count) in both states. */
function unchanged(v: VerifierContext, id: number): boolean {
  const a = ticket(v.initial, id);
  const b = ticket(v.final, id);
  return JSON.stringify(a) === JSON.stringify(b) && commentCount(v.initial, id) === commentCount(v.final, id);
}

function sqlTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];

/** True if the text names the whole number n (as digits or, up to 15, as a word). */
function mentionsNumber(text: string | undefined, n: number): boolean {
  if (!text) return false;
  const t = text.toLowerCase();
  if (new RegExp(`(?<![\\d.,:-])${n}(?![\\d]|[.,:]\\d)`).test(t)) return true;
  const w = NUMBER_WORDS[n];
  return !!w && new RegExp(`\\b${w}\\b`).test(t);
}

/** True if the text states a duration of `total` minutes: "155 minutes", "2 h 35 min", "2 hours and 35 minutes", "2:35", "2.58 hours". */
function mentionsDuration(text: string | undefined, total: number): boolean {
  if (!text) return false;
  const t = text.toLowerCase();
  const h = Math.floor(total / 60);
  const m = total % 60;
  const patterns = [
    new RegExp(`(?<![\\d.])${total}\\s*(?:m\\b|min|mins|minutes)`),
    new RegExp(`(?<![\\d.])${h}\\s*(?:h|hr|hrs|hour|hours)\\b,?\\s*(?:and\\s*)?${m}\\s*(?:m\\b|min|mins|minutes)`),
    new RegExp(`(?<![\\d.])${h}:${String(m).padStart(2, "0")}(?!\\d)`),
    new RegExp(`(?<![\\d.])${(total / 60).toFixed(2)}\\s*(?:h|hr|hrs|hours)`),
  ];
  return patterns.some((p) => p.test(t));
}

/** Tickets hidden from the user: in a restricted group they are not a member of. */
const VISIBLE = `(t.group_id IS NULL OR t.group_id NOT IN (SELECT g.id FROM support_groups g WHERE g.is_restricted = 1 AND g.id NOT IN (SELECT m.group_id FROM group_memberships m WHERE m.user_id = ?)))`;

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Every unassigned, unsolved urgent Acme Corp ticket -> Billing group, assigned to Sofia Lindqvist.
  0: (v) => {
    const acme = idOf(v.initial, "organizations", "Acme Corp");
    const billing = idOf(v.initial, "support_groups", "Billing");
    const sofia = idOf(v.initial, "users", "Sofia Lindqvist");
    const targets = v.initial
      .all<{ id: number }>(
        `SELECT t.id FROM tickets t WHERE t.organization_id = ? AND t.priority = 'urgent' AND t.assignee_id IS NULL AND t.status IN ('new','open','pending','on_hold') AND ${VISIBLE} ORDER BY t.id`,
        acme,
        v.userId,
      )
      .map((r) => r.id);
    const after = targets.map((id) => ticket(v.final, id));
    const anyMoved = after.some((t) => t.group_id === billing || t.assignee_id === sofia);
    const others = v.initial.all<{ id: number; group_id: number | null; assignee_id: number | null }>("SELECT id, group_id, assignee_id FROM tickets ORDER BY id").filter((o) => !targets.includes(o.id));
    const othersChanged = others.filter((o) => {
      const f = ticket(v.final, o.id);
      return f.group_id !== o.group_id || f.assignee_id !== o.assignee_id;
    });
    return grade(
      {
        all_in_billing: targets.length > 0 && after.every((t) => t.group_id === billing),
        all_assigned_to_sofia: targets.length > 0 && after.every((t) => t.assignee_id === sofia),
        no_other_ticket_reassigned: anyMoved && othersChanged.length === 0,
      },
      { target_ticket_ids: targets, other_tickets_changed: othersChanged.map((o) => o.id) },
    );
  },

  // 1. Merge Tomasz Nowak's newer failed-payment ticket into the older one.
  1: (v) => {
    const older = ticketId(v.initial, "Card payment failed but customer was still charged");
    const newer = ticketId(v.initial, "Customer charged even though payment showed failed");
    const unrelated = ticketId(v.initial, "Inventory CSV export is missing SKUs");
    const merged = !!v.final.get("SELECT 1 FROM ticket_merges WHERE source_ticket_id = ? AND target_ticket_id = ?", newer, older);
    const newerComments = v.initial.all<{ id: number }>("SELECT id FROM ticket_comments WHERE ticket_id = ?", newer).map((r) => r.id);
    const moved = newerComments.length > 0 && newerComments.every((id) => v.final.get<{ ticket_id: number }>("SELECT ticket_id FROM ticket_comments WHERE id = ?", id)?.ticket_id === older);
    return grade(
      {
        newer_ticket_closed: ticket(v.final, newer).status === "closed",
        merged_into_older: merged,
        comments_moved_to_older: moved,
        older_ticket_kept_open: merged && !["closed", "solved"].includes(ticket(v.final, older).status),
        unrelated_ticket_untouched: merged && ticket(v.final, unrelated).status === ticket(v.initial, unrelated).status && !v.final.get("SELECT 1 FROM ticket_merges WHERE source_ticket_id = ? OR target_ticket_id = ?", unrelated, unrelated),
      },
      { older, newer },
    );
  },

  // 2. 'Refund approved' macro on Dana Kim's (Brightwater Dental) open ticket, not Dana Kimball's.
  2: (v) => {
    const dana = ticketId(v.initial, "Refund for duplicate annual plan charge");
    const kimball = ticketId(v.initial, "Refund for unused seats after downsizing");
    const t = ticket(v.final, dana);
    const tags = tagsOf(v.final, dana);
    const replies = newAgentComments(v, dana).filter((c) => c.is_public === 1);
    const approved = replies.some((c) => /refund has been approved/i.test(c.body) && /\bDana\b/.test(c.body));
    const kimballSame = unchanged(v, kimball) && JSON.stringify(tagsOf(v.initial, kimball)) === JSON.stringify(tagsOf(v.final, kimball));
    return grade(
      {
        approval_reply_sent: approved,
        tag_refund_approved: tags.includes("refund_approved"),
        tag_refund_requested_removed: !tags.includes("refund_requested"),
        ticket_solved: t.status === "solved",
        other_dana_untouched: approved && kimballSame,
      },
      { ticket_id: dana, final_status: t.status, tags },
    );
  },

  // 3. Question: first-response SLA breaches this week (due Monday 00:00 .. now), and the group with the most.
  3: (v) => {
    const now = sqlTime(v.now);
    const d = new Date(v.now);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const weekStart = `${d.toISOString().slice(0, 10)} 00:00:00`;
    const rows = v.initial.all<{ id: number; group_name: string | null }>(
      `SELECT t.id, g.name AS group_name FROM tickets t LEFT JOIN support_groups g ON g.id = t.group_id
       WHERE ${VISIBLE} AND t.first_response_due_at >= ? AND t.first_response_due_at <= ? AND COALESCE(t.first_responded_at, t.solved_at, ?) > t.first_response_due_at`,
      v.userId,
      weekStart,
      now,
      now,
    );
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.group_name ?? "(no group)", (counts.get(r.group_name ?? "(no group)") ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const groupWords = norm(top[0]).replace(/ support$/, "");
    const a = norm(v.answer).replace(/\bone\b/g, "1");
    return grade(
      {
        answer_has_count: mentionsNumber(v.answer, rows.length),
        answer_names_top_group: !!v.answer && a.includes(groupWords),
      },
      { expected_count: rows.length, by_group: Object.fromEntries(counts), top_group: top[0] },
    );
  },

  // 4. Log 45 min on the open Northwind SSO ticket for 2026-03-17, and report the ticket's total.
  4: (v) => {
    const sso = ticketId(v.initial, "SAML SSO login fails for newly provisioned users");
    const entries = inserted(v, "time_entries");
    const mine = entries.filter((e) => e.ticket_id === sso && e.user_id === v.userId);
    const hit = mine.length === 1 && mine[0]!.minutes === 45 && mine[0]!.worked_on === "2026-03-17";
    const total = v.initial.get<{ n: number }>("SELECT COALESCE(SUM(minutes), 0) AS n FROM time_entries WHERE ticket_id = ?", sso)!.n + 45;
    return grade(
      {
        time_logged_45_min_yesterday: hit,
        nothing_else_logged: hit && entries.length === 1 && !v.diff.tables.time_entries?.deleted.length,
        answer_has_total: mentionsDuration(v.answer, total),
      },
      { ticket_id: sso, expected_total_minutes: total, new_entries: entries },
    );
  },

  // 5. Phone ticket for Marta Silva (Pinecrest), high, Technical Support, assigned to me, product area reminders.
  5: (v) => {
    const marta = v.initial.get<{ id: number }>("SELECT c.id FROM customers c JOIN organizations o ON o.id = c.organization_id WHERE c.name = 'Marta Silva' AND o.name = 'Pinecrest Property Management'")!.id;
    const tech = idOf(v.initial, "support_groups", "Technical Support");
    const created = inserted(v, "tickets").filter((t) => t.requester_id === marta);
    const t = created.length === 1 ? ticket(v.final, created[0]!.id as number) : undefined;
    const area = t ? v.final.get<{ value: string }>("SELECT fv.value FROM ticket_field_values fv JOIN custom_fields f ON f.id = fv.field_id WHERE fv.ticket_id = ? AND f.key = 'product_area'", t.id)?.value : undefined;
    return grade(
      {
        ticket_created_for_marta_silva: !!t && inserted(v, "tickets").length === 1,
        subject_exact: !!t && norm(t.subject) === "late fee reminders not sending",
        high_priority: t?.priority === "high",
        phone_channel: t?.channel === "phone",
        in_technical_support: t?.group_id === tech,
        assigned_to_me: t?.assignee_id === v.userId,
        product_area_reminders: area === "reminders",
      },
      { requester_id: marta, new_tickets: inserted(v, "tickets").map((r) => r.id) },
    );
  },

  // 6. Link the three unsolved QuickBooks duplicate-invoice tickets to the QuickBooks problem ticket, nothing else.
  6: (v) => {
    const problem = ticketId(v.initial, "QuickBooks sync duplicating invoices");
    const incidents = ["Invoices duplicated after QuickBooks sync", "QuickBooks created double invoices overnight", "Every synced invoice appears twice in QBO"].map((s) => ticketId(v.initial, s));
    const linked = incidents.map((id) => ticket(v.final, id).problem_id === problem);
    const wrong = v.final
      .all<{ id: number }>("SELECT id FROM tickets WHERE problem_id = ?", problem)
      .map((r) => r.id)
      .filter((id) => !incidents.includes(id));
    return grade(
      {
        duplicated_after_sync_linked: linked[0]!,
        double_invoices_overnight_linked: linked[1]!,
        appears_twice_in_qbo_linked: linked[2]!,
        no_other_ticket_linked: linked.some(Boolean) && wrong.length === 0,
      },
      { problem_ticket_id: problem, incident_ids: incidents, wrongly_linked: wrong },
    );
  },

  // 7. Question: Billing group's CSAT in February 2026 (percent good and number of ratings).
  7: (v) => {
    const billing = idOf(v.initial, "support_groups", "Billing");
    const r = v.initial.get<{ total: number; good: number }>(
      `SELECT count(*) AS total, COALESCE(SUM(CASE WHEN r.score = 'good' THEN 1 ELSE 0 END), 0) AS good FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE t.group_id = ? AND r.created_at >= '2026-02-01 00:00:00' AND r.created_at < '2026-03-01 00:00:00'`,
      billing,
    )!;
    const pct = Math.round((r.good * 1000) / r.total) / 10;
    const pctText = Number.isInteger(pct) ? `${pct}(?:\\.0+)?` : String(pct).replace(".", "\\.");
    const hasPct = !!v.answer && new RegExp(`(?<![\\d.])${pctText}\\s*(?:%|percent)`, "i").test(v.answer);
    return grade({ answer_has_percentage: hasPct, answer_has_rating_count: mentionsNumber(v.answer, r.total) }, { expected_percent: pct, expected_total: r.total, expected_good: r.good });
  },

  // 8. Share the published "How to set up recurring invoices" article with Liam O'Connor on his open ticket and set it to pending.
  8: (v) => {
    const liam = ticketId(v.initial, "How do I set up recurring invoices for catering clients?");
    const logo = ticketId(v.initial, "Logo looks blurry on invoice PDFs");
    const article = v.initial.get<{ id: number; slug: string }>("SELECT id, slug FROM kb_articles WHERE title = 'How to set up recurring invoices'")!;
    const wrongArticles = v.initial.all<{ id: number; slug: string }>("SELECT id, slug FROM kb_articles WHERE id <> ? AND (title LIKE '%recurring%')", article.id);
    const replies = newAgentComments(v, liam).filter((c) => c.is_public === 1);
    const sent = replies.some((c) => c.body.includes(`articles/${article.id}-${article.slug}`));
    const wrongSent = replies.some((c) => wrongArticles.some((w) => c.body.includes(`articles/${w.id}-${w.slug}`)));
    return grade(
      {
        article_sent_publicly: sent,
        ticket_pending: ticket(v.final, liam).status === "pending",
        no_wrong_article_sent: sent && !wrongSent,
        other_liam_ticket_untouched: sent && unchanged(v, logo),
      },
      { ticket_id: liam, article_id: article.id },
    );
  },

  // 9. Solve the Stripe payout problem ticket and its unsolved incidents with a public "fix is live, within 24 hours" reply.
  9: (v) => {
    const problem = ticketId(v.initial, "Stripe payouts delayed 2–3 days since March 9");
    const open = v.initial.all<{ id: number }>("SELECT id FROM tickets WHERE problem_id = ? AND status NOT IN ('solved','closed') ORDER BY id", problem).map((r) => r.id);
    const distractor = ticketId(v.initial, "Payout sent to our old bank account");
    const replied = (id: number) => newAgentComments(v, id).some((c) => c.is_public === 1 && /24/.test(c.body));
    const all = [problem, ...open];
    const problemSolved = ticket(v.final, problem).status === "solved";
    return grade(
      {
        problem_solved: problemSolved,
        incidents_solved: open.length > 0 && open.every((id) => ticket(v.final, id).status === "solved"),
        everyone_got_the_reply: all.every(replied),
        unrelated_payout_ticket_untouched: problemSolved && unchanged(v, distractor),
      },
      { problem_ticket_id: problem, incident_ids: open },
    );
  },
});
