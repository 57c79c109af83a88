import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

interface Msg {
  id: number;
  user_id: number;
  thread_id: number;
  folder_id: number;
  status: string;
  from_email: string;
  subject: string;
  body: string;
  is_read: number;
  is_starred: number;
  in_reply_to_id: number | null;
  forwarded_from_id: number | null;
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9@. ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True if the text names the amount, leniently: "$2,185.00", "2185", "2,185.00". */
function mentionsMoney(text: string | undefined, cents: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === cents) return true;
  }
  return false;
}

/** True if the text names the date (YYYY-MM-DD) in a common format: 2026-04-24, April 24, Apr 24th, 24 April, 4/24. */
function mentionsDate(text: string | undefined, iso: string): boolean {
  if (!text) return false;
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const full = months[month - 1]!;
  const abbr = full.slice(0, 3);
  const t = text.toLowerCase();
  if (t.includes(iso)) return true;
  const name = `(?:${full}|${abbr}\\.?)`;
  return [
    new RegExp(`\\b${name}\\s+0?${day}(?:st|nd|rd|th)?\\b`),
    new RegExp(`\\b0?${day}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${name}\\b`),
    new RegExp(`(?<![\\d/])0?${month}/0?${day}(?![\\d])`),
  ].some((p) => p.test(t));
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
function mentionsCount(text: string | undefined, n: number): boolean {
  if (!text) return false;
  const t = text.toLowerCase();
  return new RegExp(`(?<![\\d.,])${n}(?![\\d.,]\\d|\\d)`).test(t) || (n < NUMBER_WORDS.length && new RegExp(`\\b${NUMBER_WORDS[n]}\\b`).test(t));
}

/** The part of a body the user wrote: above any quoted reply or forwarded message. */
function ownText(body: string): string {
  const lines: string[] = [];
  for (const line of body.split("\n")) {
    if (/^On .* wrote:\s*$/.test(line) || line.startsWith("---------- Forwarded message")) break;
    if (line.startsWith(">")) continue;
    lines.push(line);
  }
  return lines.join("\n");
}

function message(db: SqlReader, id: number): Msg | undefined {
  return db.get<Msg>("SELECT * FROM messages WHERE id = ?", id);
}

function messageBySubject(db: SqlReader, userId: number, fromEmail: string, subject: string): Msg {
  const m = db.get<Msg>("SELECT * FROM messages WHERE user_id = ? AND lower(from_email) = lower(?) AND subject = ?", userId, fromEmail, subject);
  if (!m) throw new Error(`seed has no message "${subject}" from ${fromEmail}`);
  return m;
}

function recipients(db: SqlReader, messageId: number, kinds: string[] = ["to", "cc", "bcc"]): string[] {
  return db
    .all<{ email: string; kind: string }>("SELECT lower(email) AS email, kind FROM message_recipients WHERE message_id = ?", messageId)
    .filter((r) => kinds.includes(r.kind))
    .map((r) => r.email)
    .sort();
}

function sameSet(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/** Messages of the user created during the episode, as they are now. */
function newMessages(v: VerifierContext, status?: string): Msg[] {
  return inserted(v, "messages")
    .filter((r) => r.user_id === v.userId)
    .map((r) => message(v.final, r.id as number)!)
    .filter((m) => !!m && (status === undefined || m.status === status));
}

function folderId(db: SqlReader, userId: number, kind: string): number {
  const f = db.get<{ id: number }>("SELECT id FROM folders WHERE user_id = ? AND kind = ?", userId, kind);
  if (!f) throw new Error(`seed has no ${kind} folder for user ${userId}`);
  return f.id;
}

function labelId(db: SqlReader, userId: number, name: string): number {
  const l = db.get<{ id: number }>("SELECT id FROM labels WHERE user_id = ? AND name = ?", userId, name);
  if (!l) throw new Error(`seed has no label ${name}`);
  return l.id;
}

function hasLabel(db: SqlReader, messageId: number, label: number): boolean {
  return !!db.get("SELECT 1 FROM message_labels WHERE message_id = ? AND label_id = ?", messageId, label);
}

/** Ids of the user's messages whose folder differs between the initial and final state (deleted ones included). */
function movedMessages(v: VerifierContext): number[] {
  const before = v.initial.all<{ id: number; folder_id: number }>("SELECT id, folder_id FROM messages WHERE user_id = ?", v.userId);
  return before.filter((b) => message(v.final, b.id)?.folder_id !== b.folder_id).map((b) => b.id);
}

const ME = "jordan.ellis@harborline.com";
const DANA = "dana.whitfield@harborline.com";

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Forward Northwind's latest invoice (INV-20588, not the older INV-20417) to ap@ with a note.
  0: (v) => {
    const target = messageBySubject(v.initial, v.userId, "billing@northwindtraders.com", "Invoice INV-20588 for March 2026");
    const sent = newMessages(v, "sent");
    const hit = sent.length === 1 ? sent[0] : undefined;
    const files = hit ? v.final.all<{ filename: string }>("SELECT filename FROM attachments WHERE message_id = ?", hit.id).map((a) => a.filename) : [];
    const isTarget = !!hit && (hit.forwarded_from_id === target.id || (hit.forwarded_from_id === null && hit.subject.includes("INV-20588")));
    return grade(
      {
        forwarded_latest_invoice: isTarget && !hit!.subject.includes("INV-20417"),
        sent_only_to_ap: !!hit && sameSet(recipients(v.final, hit.id), ["ap@harborline.com"]),
        note_included: !!hit && norm(ownText(hit.body)).includes("please process this by friday"),
        invoice_pdf_attached: files.includes("INV-20588.pdf"),
      },
      { expected_message_id: target.id, new_sent_messages: sent.map((m) => ({ id: m.id, subject: m.subject, forwarded_from_id: m.forwarded_from_id })) },
    );
  },

  // 1. Reply all to Dana's offsite email: Thursday works.
  1: (v) => {
    const dana = messageBySubject(v.initial, v.userId, DANA, "Team offsite: Wednesday or Thursday?");
    const expected = [...new Set([DANA, ...recipients(v.initial, dana.id, ["to", "cc"])])].filter((e) => e !== ME).sort();
    const threadIds = v.initial.all<{ id: number }>("SELECT id FROM messages WHERE thread_id = ?", dana.thread_id).map((r) => r.id);
    const sent = newMessages(v, "sent").filter((m) => m.thread_id === dana.thread_id);
    const hit = sent.length === 1 ? sent[0] : undefined;
    return grade(
      {
        replied_in_offsite_thread: !!hit && hit.in_reply_to_id !== null && threadIds.includes(hit.in_reply_to_id),
        everyone_included: !!hit && sameSet(recipients(v.final, hit.id), expected),
        dana_in_to: !!hit && recipients(v.final, hit.id, ["to"]).includes(DANA),
        says_thursday: !!hit && /thursday|may 7|5\/7/i.test(ownText(hit.body)),
      },
      { expected_recipients: expected, replies_in_thread: sent.map((m) => ({ id: m.id, in_reply_to_id: m.in_reply_to_id })) },
    );
  },

  // 2. Archive the Newsletters-labelled Inbox mail received last week (Mon 2026-04-06 .. Sun 2026-04-12).
  2: (v) => {
    const newsletters = labelId(v.initial, v.userId, "Newsletters");
    const inbox = folderId(v.initial, v.userId, "inbox");
    const archive = folderId(v.initial, v.userId, "archive");
    const targets = v.initial
      .all<{ id: number }>(
        `SELECT m.id FROM messages m JOIN message_labels ml ON ml.message_id = m.id WHERE m.user_id = ? AND ml.label_id = ? AND m.folder_id = ?
         AND m.sent_at >= '2026-04-06 00:00:00' AND m.sent_at < '2026-04-13 00:00:00'`,
        v.userId,
        newsletters,
        inbox,
      )
      .map((r) => r.id);
    const archived = targets.filter((id) => message(v.final, id)?.folder_id === archive);
    const others = movedMessages(v).filter((id) => !targets.includes(id));
    return grade(
      {
        last_weeks_newsletters_archived: targets.length > 0 && archived.length === targets.length,
        nothing_else_moved: archived.length > 0 && others.length === 0,
      },
      { target_ids: targets, archived_ids: archived, other_moved_ids: others },
    );
  },

  // 3. Question: unread mail from the manager (Marcus Chen), and which is high importance.
  3: (v) => {
    const mgr = v.initial.get<{ email: string }>("SELECT m.email FROM users u JOIN users m ON m.id = u.manager_id WHERE u.id = ?", v.userId)!;
    const unread = v.initial.all<{ subject: string; importance: string }>(
      `SELECT m.subject, m.importance FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.user_id = ? AND lower(m.from_email) = lower(?) AND m.is_read = 0 AND f.kind NOT IN ('trash', 'spam')`,
      v.userId,
      mgr.email,
    );
    const high = unread.find((m) => m.importance === "high")!;
    const a = norm(v.answer);
    return grade(
      {
        answer_has_count: mentionsCount(v.answer, unread.length),
        answer_names_high_importance_email: a.includes("q2 budget review") || a.includes(norm(high.subject)),
      },
      { expected_count: unread.length, expected_subject: high.subject },
    );
  },

  // 4. Vacation auto-reply 2026-04-27..2026-05-01, subject "Out of office", points to Dana, contacts only.
  4: (v) => {
    const a = v.final.get<{ is_enabled: number; subject: string; body: string; start_date: string; end_date: string | null; contacts_only: number }>(
      "SELECT is_enabled, subject, body, start_date, end_date, contacts_only FROM auto_replies WHERE user_id = ?",
      v.userId,
    );
    return grade(
      {
        auto_reply_on: a?.is_enabled === 1,
        dates_apr27_to_may1: a?.start_date === "2026-04-27" && a?.end_date === "2026-05-01",
        subject_out_of_office: norm(a?.subject) === "out of office",
        message_points_to_dana: (a?.body ?? "").toLowerCase().includes(DANA),
        contacts_only: a?.contacts_only === 1,
      },
      { auto_reply: a ?? null },
    );
  },

  // 5. Scheduled email to the Regional Leads group for Mon 2026-04-20 08:00 UTC.
  5: (v) => {
    const group = v.initial.get<{ id: number }>("SELECT id FROM contact_groups WHERE user_id = ? AND name = 'Regional Leads'", v.userId)!;
    const leads = v.initial
      .all<{ email: string }>("SELECT lower(c.email) AS email FROM contact_group_members gm JOIN contacts c ON c.id = gm.contact_id WHERE gm.group_id = ?", group.id)
      .map((r) => r.email);
    const sends = inserted(v, "scheduled_sends").filter((s) => s.user_id === v.userId && s.status === "pending");
    const s = sends.length === 1 ? sends[0]! : undefined;
    const m = s ? message(v.final, s.message_id as number) : undefined;
    const pending = s ? v.final.get<{ status: string; send_at: string }>("SELECT status, send_at FROM scheduled_sends WHERE id = ?", s.id as number) : undefined;
    return grade(
      {
        scheduled_for_monday_8am: pending?.status === "pending" && pending.send_at === "2026-04-20 08:00:00" && m?.status === "scheduled",
        to_regional_leads: !!m && sameSet(recipients(v.final, m.id), leads),
        subject_correct: !!m && norm(m.subject) === norm("Q2 headcount forecasts due April 24"),
        asks_for_forecasts_by_apr24: !!m && norm(m.body).includes("headcount") && mentionsDate(m.body, "2026-04-24"),
      },
      { expected_recipients: leads, new_scheduled_sends: sends },
    );
  },

  // 6. Label "Carrier Invoices" + filter from billing@swiftlinecarriers.com -> label + skip inbox, applied to the Inbox.
  6: (v) => {
    const label = v.final.get<{ id: number }>("SELECT id FROM labels WHERE user_id = ? AND lower(name) = 'carrier invoices'", v.userId);
    const labelIsNew = !!label && !v.initial.get("SELECT 1 FROM labels WHERE id = ?", label.id);
    const filters = inserted(v, "filters")
      .filter((f) => f.user_id === v.userId)
      .map((f) => v.final.get<Record<string, unknown>>("SELECT * FROM filters WHERE id = ?", f.id as number)!)
      .filter(Boolean);
    const f = filters.find((x) => label && x.action_label_id === label.id) ?? (filters.length === 1 ? filters[0] : undefined);
    const from = String(f?.from_contains ?? "").toLowerCase();
    const matches = (email: string, name: string) => !!from && (email.includes(from) || name.toLowerCase().includes(from));
    const onlyFrom = !!f && f.to_contains === null && f.subject_contains === null && f.has_words === null && f.has_attachment === 0;
    const inbox = folderId(v.initial, v.userId, "inbox");
    const archive = folderId(v.initial, v.userId, "archive");
    const billing = v.initial
      .all<{ id: number }>("SELECT id FROM messages WHERE user_id = ? AND from_email = 'billing@swiftlinecarriers.com' AND folder_id = ?", v.userId, inbox)
      .map((r) => r.id);
    const filed = billing.filter((id) => message(v.final, id)?.folder_id === archive && !!label && hasLabel(v.final, id, label.id));
    const others = movedMessages(v).filter((id) => !billing.includes(id));
    return grade(
      {
        label_created: labelIsNew,
        filter_matches_swiftline_billing_only:
          onlyFrom && matches("billing@swiftlinecarriers.com", "Swiftline Carriers Billing") && !matches("dispatch@swiftlinecarriers.com", "Swiftline Dispatch"),
        filter_labels_and_skips_inbox: !!f && labelIsNew && f.action_label_id === label!.id && f.action_archive === 1 && f.action_folder_id === null && f.is_enabled === 1,
        existing_inbox_invoices_filed: billing.length > 0 && filed.length === billing.length,
        nothing_else_moved: filed.length > 0 && others.length === 0,
      },
      { new_filters: filters, billing_inbox_ids: billing, filed_ids: filed, other_moved_ids: others },
    );
  },

  // 7. Block offers@cargodealshub.net and trash all of its mail (not the look-alike Cargo Dealers Association).
  7: (v) => {
    const sender = "offers@cargodealshub.net";
    const blocked = !!v.final.get("SELECT 1 FROM blocked_senders WHERE user_id = ? AND lower(email) = ?", v.userId, sender);
    const trash = folderId(v.initial, v.userId, "trash");
    const theirs = v.initial.all<{ id: number }>("SELECT id FROM messages WHERE user_id = ? AND lower(from_email) = ?", v.userId, sender).map((r) => r.id);
    const trashed = theirs.filter((id) => message(v.final, id)?.folder_id === trash);
    const others = movedMessages(v).filter((id) => !theirs.includes(id));
    return grade(
      {
        sender_blocked: blocked && !v.initial.get("SELECT 1 FROM blocked_senders WHERE user_id = ? AND lower(email) = ?", v.userId, sender),
        all_their_mail_trashed: theirs.length > 0 && trashed.length === theirs.length,
        no_other_mail_moved: trashed.length > 0 && others.length === 0,
      },
      { their_ids: theirs, trashed_ids: trashed, other_moved_ids: others },
    );
  },

  // 8. Question + action: revised forklift quote is $2,185.00/month; star that email and label it Finance.
  8: (v) => {
    const target = messageBySubject(v.initial, v.userId, "tomas.herrera@summitequipment.com", "Re: Forklift lease quote — Denver DC");
    const finance = labelId(v.initial, v.userId, "Finance");
    const after = message(v.final, target.id);
    const starChanged = v.initial
      .all<{ id: number; is_starred: number }>("SELECT id, is_starred FROM messages WHERE user_id = ? AND id <> ?", v.userId, target.id)
      .filter((m) => message(v.final, m.id)?.is_starred !== m.is_starred);
    const newLabels = inserted(v, "message_labels").filter((l) => l.message_id !== target.id || l.label_id !== finance);
    return grade(
      {
        answer_has_revised_price: mentionsMoney(v.answer, 218500),
        revised_quote_starred: after?.is_starred === 1,
        revised_quote_labelled_finance: hasLabel(v.final, target.id, finance) && !hasLabel(v.initial, target.id, finance),
        nothing_else_starred_or_labelled: after?.is_starred === 1 && starChanged.length === 0 && newLabels.length === 0,
      },
      { target_id: target.id, other_star_changes: starChanged.map((m) => m.id), other_new_labels: newLabels },
    );
  },

  // 9. Send the loading-dock draft to Kevin with Dana added in cc.
  9: (v) => {
    const draft = v.initial.get<Msg>("SELECT * FROM messages WHERE user_id = ? AND status = 'draft' AND subject = 'Loading dock repairs at 4800 Dahlia St'", v.userId)!;
    const after = message(v.final, draft.id);
    const sentFolder = folderId(v.initial, v.userId, "sent");
    const sent = after?.status === "sent" && after.folder_id === sentFolder;
    const otherDrafts = v.initial.all<{ id: number }>("SELECT id FROM messages WHERE user_id = ? AND status = 'draft' AND id <> ?", v.userId, draft.id).map((r) => r.id);
    const otherDraftsKept = otherDrafts.every((id) => message(v.final, id)?.status === "draft");
    return grade(
      {
        draft_sent: sent,
        dana_in_cc: !!after && sameSet(recipients(v.final, after.id, ["cc"]), [DANA]),
        still_to_kevin_only: sent && sameSet(recipients(v.final, draft.id, ["to"]), ["kevin.brandt@frontrangeproperties.com"]) && recipients(v.final, draft.id, ["bcc"]).length === 0,
        text_kept: sent && norm(after!.body).includes("arrange the repair of the door panel and the leveler lip"),
        other_drafts_kept: sent && otherDraftsKept && newMessages(v, "sent").length === 0,
      },
      { draft_id: draft.id, final_status: after?.status ?? "deleted" },
    );
  },
});
