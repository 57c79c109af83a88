import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const Ids = (what: string) =>
  v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("A message id."))), v.minLength(1), v.maxLength(100), v.description(what));
const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-04-13"), v.description(what));
const EmailList = (what: string) => v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("An email address, e.g. dana.whitfield@harborline.com."))), v.description(what)), []);
const Text = (what: string) => v.pipe(v.string(), v.description(what));

const IMPORTANCE = ["low", "normal", "high"] as const;
const LABEL_COLORS = ["gray", "red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"] as const;
const MAX_RECIPIENTS = 50;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const SEP = "\u001f";

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface UserRow {
  id: number;
  full_name: string;
  email: string;
  job_title: string;
  department: string;
  manager_id: number | null;
  phone: string | null;
}
interface FolderRow {
  id: number;
  name: string;
  kind: "inbox" | "sent" | "drafts" | "scheduled" | "archive" | "spam" | "trash" | "custom";
}
interface MessageRow {
  id: number;
  user_id: number;
  thread_id: number;
  folder_id: number;
  folder_kind: FolderRow["kind"];
  folder_name: string;
  status: "received" | "sent" | "draft" | "scheduled";
  from_name: string;
  from_email: string;
  subject: string;
  body: string;
  importance: string;
  is_read: number;
  is_starred: number;
  sent_at: string | null;
  in_reply_to_id: number | null;
  forwarded_from_id: number | null;
  previous_folder_id: number | null;
  trashed_at: string | null;
  created_at: string;
  updated_at: string;
}
interface Person {
  email: string;
  name: string | null;
}
interface Recipients {
  to: Person[];
  cc: Person[];
  bcc: Person[];
}
interface LabelRow {
  id: number;
  name: string;
  color: string;
}
interface ContactRow {
  id: number;
  full_name: string;
  email: string;
  company: string | null;
  job_title: string | null;
  phone: string | null;
  notes: string | null;
  is_favorite: number;
}
interface GroupRow {
  id: number;
  name: string;
  description: string | null;
}
interface FilterRow {
  id: number;
  name: string;
  from_contains: string | null;
  to_contains: string | null;
  subject_contains: string | null;
  has_words: string | null;
  has_attachment: number;
  action_label_id: number | null;
  action_folder_id: number | null;
  action_archive: number;
  action_mark_read: number;
  action_star: number;
  action_importance: string | null;
  is_enabled: number;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function words(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

function split(list: unknown): string[] {
  return typeof list === "string" && list.length ? list.split(SEP) : [];
}

function me(ctx: ToolContext): UserRow {
  const u = ctx.db.get<UserRow>("SELECT id, full_name, email, job_title, department, manager_id, phone FROM users WHERE id = ?", ctx.userId);
  if (!u) throw new ToolError(`user ${ctx.userId} not found`);
  return u;
}

function systemFolder(ctx: ToolContext, kind: FolderRow["kind"]): FolderRow {
  const f = ctx.db.get<FolderRow>("SELECT id, name, kind FROM folders WHERE user_id = ? AND kind = ?", ctx.userId, kind);
  if (!f) throw new ToolError(`your account has no ${kind} folder`);
  return f;
}

function getFolder(ctx: ToolContext, folderId: number): FolderRow {
  const f = ctx.db.get<FolderRow>("SELECT id, name, kind FROM folders WHERE id = ? AND user_id = ?", folderId, ctx.userId);
  if (!f) throw new ToolError(`folder ${folderId} not found`);
  return f;
}

function folderByName(ctx: ToolContext, name: string): FolderRow {
  const f = ctx.db.get<FolderRow>("SELECT id, name, kind FROM folders WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, name.trim());
  if (!f) {
    const names = ctx.db.all<{ name: string }>("SELECT name FROM folders WHERE user_id = ? ORDER BY id", ctx.userId).map((r) => r.name);
    throw new ToolError(`folder "${name.trim()}" not found; your folders are: ${names.join(", ")}`);
  }
  return f;
}

function getLabel(ctx: ToolContext, labelId: number): LabelRow {
  const l = ctx.db.get<LabelRow>("SELECT id, name, color FROM labels WHERE id = ? AND user_id = ?", labelId, ctx.userId);
  if (!l) throw new ToolError(`label ${labelId} not found`);
  return l;
}

function labelByName(ctx: ToolContext, name: string): LabelRow {
  const l = ctx.db.get<LabelRow>("SELECT id, name, color FROM labels WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, name.trim());
  if (!l) {
    const names = ctx.db.all<{ name: string }>("SELECT name FROM labels WHERE user_id = ? ORDER BY name", ctx.userId).map((r) => r.name);
    throw new ToolError(`label "${name.trim()}" not found; your labels are: ${names.join(", ")}`);
  }
  return l;
}

const MESSAGE_SELECT = `SELECT m.*, f.kind AS folder_kind, f.name AS folder_name FROM messages m JOIN folders f ON f.id = m.folder_id`;

function getMessage(ctx: ToolContext, messageId: number): MessageRow {
  const m = ctx.db.get<MessageRow>(`${MESSAGE_SELECT} WHERE m.id = ? AND m.user_id = ?`, messageId, ctx.userId);
  if (!m) throw new ToolError(`message ${messageId} not found`);
  return m;
}

function getMessages(ctx: ToolContext, ids: number[]): MessageRow[] {
  const seen = new Set<number>();
  const out: MessageRow[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(getMessage(ctx, id));
  }
  return out;
}

function getDraft(ctx: ToolContext, draftId: number): MessageRow {
  const m = ctx.db.get<MessageRow>(`${MESSAGE_SELECT} WHERE m.id = ? AND m.user_id = ?`, draftId, ctx.userId);
  if (!m) throw new ToolError(`draft ${draftId} not found`);
  if (m.status === "scheduled") throw new ToolError(`message ${draftId} is scheduled to be sent; cancel the scheduled send first to edit it`);
  if (m.status !== "draft") throw new ToolError(`message ${draftId} is not a draft (it is a ${m.status} message)`);
  if (m.folder_kind === "trash") throw new ToolError(`draft ${draftId} is in Trash; restore it first`);
  return m;
}

function getContact(ctx: ToolContext, contactId: number): ContactRow {
  const c = ctx.db.get<ContactRow>(
    "SELECT id, full_name, email, company, job_title, phone, notes, is_favorite FROM contacts WHERE id = ? AND user_id = ?",
    contactId,
    ctx.userId,
  );
  if (!c) throw new ToolError(`contact ${contactId} not found`);
  return c;
}

function getGroup(ctx: ToolContext, groupId: number): GroupRow {
  const g = ctx.db.get<GroupRow>("SELECT id, name, description FROM contact_groups WHERE id = ? AND user_id = ?", groupId, ctx.userId);
  if (!g) throw new ToolError(`contact group ${groupId} not found`);
  return g;
}

function normEmail(raw: string): string {
  let e = raw.trim();
  const angle = /<([^<>]+)>\s*$/.exec(e);
  if (angle) e = angle[1]!.trim();
  e = e.toLowerCase();
  if (!EMAIL.test(e)) throw new ToolError(`"${raw.trim()}" is not a valid email address`);
  return e;
}

/** The display name for an address: the user's contact, else a colleague in the directory, else none. */
function nameFor(ctx: ToolContext, email: string): string | null {
  const c = ctx.db.get<{ full_name: string }>("SELECT full_name FROM contacts WHERE user_id = ? AND email = ?", ctx.userId, email);
  if (c) return c.full_name;
  const u = ctx.db.get<{ full_name: string }>("SELECT full_name FROM users WHERE email = ?", email);
  return u ? u.full_name : null;
}

/** Validates and de-duplicates recipient lists; `requireOne` for anything about to be sent. */
function buildRecipients(ctx: ToolContext, to: string[], cc: string[], bcc: string[], requireOne: boolean): Recipients {
  const seen = new Map<string, string>();
  const take = (list: string[], kind: string): Person[] =>
    list.map((raw) => {
      const email = normEmail(raw);
      const prev = seen.get(email);
      if (prev) throw new ToolError(`${email} is listed twice (in ${prev} and ${kind}); list each recipient once`);
      seen.set(email, kind);
      return { email, name: nameFor(ctx, email) };
    });
  const r = { to: take(to, "to"), cc: take(cc, "cc"), bcc: take(bcc, "bcc") };
  const n = r.to.length + r.cc.length + r.bcc.length;
  if (requireOne && n === 0) throw new ToolError("add at least one recipient (to, cc or bcc)");
  if (n > MAX_RECIPIENTS) throw new ToolError(`at most ${MAX_RECIPIENTS} recipients per message; this one has ${n}`);
  return r;
}

function readRecipients(db: SqlDatabase, messageId: number): Recipients {
  const rows = db.all<{ kind: "to" | "cc" | "bcc"; email: string; name: string | null }>(
    "SELECT kind, email, name FROM message_recipients WHERE message_id = ? ORDER BY position, id",
    messageId,
  );
  const r: Recipients = { to: [], cc: [], bcc: [] };
  for (const row of rows) r[row.kind].push({ email: row.email, name: row.name });
  return r;
}

function writeRecipients(db: SqlDatabase, messageId: number, r: Recipients) {
  db.run("DELETE FROM message_recipients WHERE message_id = ?", messageId);
  let pos = 0;
  for (const kind of ["to", "cc", "bcc"] as const) {
    for (const p of r[kind]) {
      db.run("INSERT INTO message_recipients (message_id, kind, email, name, position) VALUES (?, ?, ?, ?, ?)", messageId, kind, p.email, p.name, pos++);
    }
  }
}

function newThread(ctx: ToolContext, subject: string): number {
  const clean = subject.replace(/^((re|fwd?):\s*)+/i, "").trim();
  return ctx.db.run("INSERT INTO threads (user_id, subject, created_at, last_message_at) VALUES (?, ?, ?, ?)", ctx.userId, clean || "(no subject)", ctx.timestamp, ctx.timestamp)
    .lastInsertRowid;
}

function touchThread(ctx: ToolContext, threadId: number) {
  ctx.db.run("UPDATE threads SET last_message_at = max(last_message_at, ?) WHERE id = ?", ctx.timestamp, threadId);
}

function signatureText(ctx: ToolContext, include: boolean): string {
  if (!include) return "";
  const s = ctx.db.get<{ body: string }>("SELECT body FROM signatures WHERE user_id = ? AND is_default = 1", ctx.userId);
  return s ? `\n\n-- \n${s.body}` : "";
}

function fmtPerson(p: { name: string | null; email: string }): string {
  return p.name ? `${p.name} <${p.email}>` : p.email;
}

function prefixed(prefix: "Re" | "Fwd", subject: string): string {
  const re = prefix === "Re" ? /^re:/i : /^(fwd?|fw):/i;
  return re.test(subject.trim()) ? subject.trim() : `${prefix}: ${subject.trim()}`;
}

interface NewMessage {
  threadId: number;
  folderId: number;
  status: "sent" | "draft";
  subject: string;
  body: string;
  importance?: string;
  inReplyTo?: number | null;
  forwardedFrom?: number | null;
}

function insertMessage(ctx: ToolContext, n: NewMessage): number {
  const u = me(ctx);
  return ctx.db.run(
    `INSERT INTO messages (user_id, thread_id, folder_id, status, from_name, from_email, subject, body, importance, is_read, is_starred, sent_at,
       in_reply_to_id, forwarded_from_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?)`,
    ctx.userId,
    n.threadId,
    n.folderId,
    n.status,
    u.full_name,
    u.email,
    n.subject,
    n.body,
    n.importance ?? "normal",
    n.status === "sent" ? ctx.timestamp : null,
    n.inReplyTo ?? null,
    n.forwardedFrom ?? null,
    ctx.timestamp,
    ctx.timestamp,
  ).lastInsertRowid;
}

function labelsOf(db: SqlDatabase, messageId: number) {
  return db.all<{ label_id: number; name: string }>(
    "SELECT l.id AS label_id, l.name FROM message_labels ml JOIN labels l ON l.id = ml.label_id WHERE ml.message_id = ? ORDER BY l.name",
    messageId,
  );
}

function messageDetail(ctx: ToolContext, messageId: number) {
  const m = getMessage(ctx, messageId);
  const r = readRecipients(ctx.db, m.id);
  const scheduled = ctx.db.get<{ send_at: string }>("SELECT send_at FROM scheduled_sends WHERE message_id = ? AND status = 'pending'", m.id);
  return {
    message_id: m.id,
    thread_id: m.thread_id,
    folder_id: m.folder_id,
    folder: m.folder_name,
    status: m.status,
    from: { name: m.from_name, email: m.from_email },
    to: r.to,
    cc: r.cc,
    bcc: r.bcc,
    subject: m.subject,
    body: m.body,
    date: m.sent_at ?? m.updated_at,
    sent_at: m.sent_at,
    scheduled_send_at: scheduled?.send_at ?? null,
    importance: m.importance,
    is_read: m.is_read === 1,
    is_starred: m.is_starred === 1,
    labels: labelsOf(ctx.db, m.id),
    attachments: ctx.db.all("SELECT id AS attachment_id, filename, mime_type, size_bytes FROM attachments WHERE message_id = ? ORDER BY id", m.id),
    in_reply_to_id: m.in_reply_to_id,
    forwarded_from_id: m.forwarded_from_id,
    trashed_at: m.trashed_at,
  };
}

const SUMMARY_SELECT = `SELECT m.id AS message_id, m.thread_id, f.name AS folder, m.status, m.from_name, m.from_email,
  (SELECT group_concat(r.email, char(31)) FROM message_recipients r WHERE r.message_id = m.id AND r.kind = 'to') AS to_list,
  m.subject, substr(replace(m.body, char(10), ' '), 1, 140) AS snippet, COALESCE(m.sent_at, m.updated_at) AS date,
  m.is_read, m.is_starred, m.importance,
  (SELECT count(*) FROM attachments a WHERE a.message_id = m.id) AS attachment_count,
  (SELECT group_concat(l.name, char(31)) FROM message_labels ml JOIN labels l ON l.id = ml.label_id WHERE ml.message_id = m.id) AS label_list,
  (SELECT s.send_at FROM scheduled_sends s WHERE s.message_id = m.id AND s.status = 'pending') AS scheduled_send_at`;

function shapeSummary(row: Record<string, unknown>) {
  const { to_list, label_list, is_read, is_starred, ...rest } = row;
  return { ...rest, to: split(to_list), labels: split(label_list), is_read: is_read === 1, is_starred: is_starred === 1 };
}

/** Moves messages to a folder, clearing trash bookkeeping; returns which moved and which were already there. */
function moveTo(ctx: ToolContext, msgs: MessageRow[], folder: FolderRow) {
  const moved: number[] = [];
  const already: number[] = [];
  for (const m of msgs) {
    if (m.folder_id === folder.id) {
      already.push(m.id);
      continue;
    }
    ctx.db.run("UPDATE messages SET folder_id = ?, previous_folder_id = NULL, trashed_at = NULL, updated_at = ? WHERE id = ?", folder.id, ctx.timestamp, m.id);
    moved.push(m.id);
  }
  return { folder_id: folder.id, folder: folder.name, moved_message_ids: moved, already_there_message_ids: already };
}

function assertMovable(m: MessageRow, target: FolderRow) {
  if (m.status === "draft") throw new ToolError(`message ${m.id} is a draft; drafts stay in Drafts (use send_draft or delete_draft)`);
  if (m.status === "scheduled") throw new ToolError(`message ${m.id} is scheduled to be sent; use cancel_scheduled_send first`);
  if (target.kind === "sent" && m.status !== "sent") throw new ToolError(`message ${m.id} was received, not sent; only sent mail can go to Sent`);
}

function parseSendAt(raw: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|\+00:00)?$/.exec(raw.trim());
  if (!m) throw new ToolError(`send_at "${raw}" is not a time like 2026-04-20 08:00 (UTC)`);
  const text = `${m[1]} ${m[2]}:${m[3]}:${m[4] ?? "00"}`;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19).replace("T", " ") !== text) throw new ToolError(`send_at "${raw}" is not a real date and time`);
  return text;
}

function checkDate(raw: string, field: string): string {
  const d = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) throw new ToolError(`${field} ${raw} is not a real date`);
  return raw;
}

function filterDetail(ctx: ToolContext, filterId: number) {
  const f = ctx.db.get<FilterRow & { label_name: string | null; folder_name: string | null }>(
    `SELECT fi.*, l.name AS label_name, fo.name AS folder_name FROM filters fi LEFT JOIN labels l ON l.id = fi.action_label_id
     LEFT JOIN folders fo ON fo.id = fi.action_folder_id WHERE fi.id = ? AND fi.user_id = ?`,
    filterId,
    ctx.userId,
  );
  if (!f) throw new ToolError(`filter ${filterId} not found`);
  return {
    filter_id: f.id,
    name: f.name,
    enabled: f.is_enabled === 1,
    conditions: {
      from_contains: f.from_contains,
      to_contains: f.to_contains,
      subject_contains: f.subject_contains,
      has_words: f.has_words,
      has_attachment: f.has_attachment === 1,
    },
    actions: {
      apply_label_id: f.action_label_id,
      apply_label: f.label_name,
      move_to_folder_id: f.action_folder_id,
      move_to_folder: f.folder_name,
      skip_inbox: f.action_archive === 1,
      mark_read: f.action_mark_read === 1,
      star: f.action_star === 1,
      set_importance: f.action_importance,
    },
  };
}

function contains(hay: string | null | undefined, needle: string): boolean {
  return (hay ?? "").toLowerCase().includes(needle.toLowerCase());
}

function filterMatches(ctx: ToolContext, f: FilterRow, m: MessageRow): boolean {
  if (f.from_contains && !contains(m.from_email, f.from_contains) && !contains(m.from_name, f.from_contains)) return false;
  if (f.to_contains) {
    const r = readRecipients(ctx.db, m.id);
    if (![...r.to, ...r.cc].some((p) => contains(p.email, f.to_contains!) || contains(p.name, f.to_contains!))) return false;
  }
  if (f.subject_contains && !contains(m.subject, f.subject_contains)) return false;
  if (f.has_words && !f.has_words.split(/\s+/).filter(Boolean).every((w) => contains(m.subject, w) || contains(m.body, w))) return false;
  if (f.has_attachment && !ctx.db.get("SELECT 1 FROM attachments WHERE message_id = ?", m.id)) return false;
  return true;
}

function addLabel(ctx: ToolContext, messageId: number, labelId: number): boolean {
  if (ctx.db.get("SELECT 1 FROM message_labels WHERE message_id = ? AND label_id = ?", messageId, labelId)) return false;
  ctx.db.run("INSERT INTO message_labels (message_id, label_id, created_at) VALUES (?, ?, ?)", messageId, labelId, ctx.timestamp);
  return true;
}

function contactDetail(ctx: ToolContext, contactId: number) {
  const c = getContact(ctx, contactId);
  const groups = ctx.db.all<{ group_id: number; name: string }>(
    "SELECT g.id AS group_id, g.name FROM contact_group_members gm JOIN contact_groups g ON g.id = gm.group_id WHERE gm.contact_id = ? ORDER BY g.name",
    c.id,
  );
  const { id, is_favorite, ...rest } = c;
  return { contact_id: id, ...rest, is_favorite: is_favorite === 1, groups };
}

function groupDetail(ctx: ToolContext, groupId: number) {
  const g = getGroup(ctx, groupId);
  const members = ctx.db.all(
    `SELECT c.id AS contact_id, c.full_name, c.email, c.company, c.job_title FROM contact_group_members gm JOIN contacts c ON c.id = gm.contact_id
     WHERE gm.group_id = ? ORDER BY c.full_name`,
    g.id,
  );
  return { group_id: g.id, name: g.name, description: g.description, member_count: members.length, members };
}

function autoReplyDetail(ctx: ToolContext) {
  const a = ctx.db.get<{ is_enabled: number; subject: string; body: string; start_date: string; end_date: string | null; contacts_only: number; updated_at: string }>(
    "SELECT is_enabled, subject, body, start_date, end_date, contacts_only, updated_at FROM auto_replies WHERE user_id = ?",
    ctx.userId,
  );
  if (!a) return { enabled: false, subject: null, body: null, start_date: null, end_date: null, contacts_only: false, active_now: false };
  const active = a.is_enabled === 1 && a.start_date <= ctx.today && (a.end_date === null || a.end_date >= ctx.today);
  return {
    enabled: a.is_enabled === 1,
    subject: a.subject,
    body: a.body,
    start_date: a.start_date,
    end_date: a.end_date,
    contacts_only: a.contacts_only === 1,
    active_now: active,
    updated_at: a.updated_at,
  };
}

const OptionalText = (what: string) => v.optional(v.pipe(v.string(), v.description(what)));
const OptionalBool = (what: string) => v.optional(v.pipe(v.boolean(), v.description(what)));

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- account -----
    get_my_profile: tool({
      description:
        "Show the signed-in user's profile from the company directory: name, email, job title, department, their manager (name and email) and direct reports, plus the unread count in the Inbox.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const u = me(ctx);
        const manager = u.manager_id
          ? ctx.db.get("SELECT id AS user_id, full_name, email, job_title FROM users WHERE id = ?", u.manager_id) ?? null
          : null;
        const reports = ctx.db.all("SELECT id AS user_id, full_name, email, job_title FROM users WHERE manager_id = ? ORDER BY full_name", u.id);
        const unread = ctx.db.get<{ n: number }>(
          "SELECT count(*) AS n FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.user_id = ? AND f.kind = 'inbox' AND m.is_read = 0",
          u.id,
        )!.n;
        return { user_id: u.id, full_name: u.full_name, email: u.email, job_title: u.job_title, department: u.department, phone: u.phone, manager, direct_reports: reports, inbox_unread: unread };
      },
    }),

    // ----- folders & labels -----
    list_folders: tool({
      description:
        "List the user's mail folders (Inbox, Sent, Drafts, Scheduled, Archive, Spam, Trash and custom folders) with folder_id, kind, message count and unread count.",
      input: v.object({}),
      handler: (_a, ctx) =>
        ctx.db.all(
          `SELECT f.id AS folder_id, f.name, f.kind,
             (SELECT count(*) FROM messages m WHERE m.folder_id = f.id) AS message_count,
             (SELECT count(*) FROM messages m WHERE m.folder_id = f.id AND m.is_read = 0) AS unread_count
           FROM folders f WHERE f.user_id = ? ORDER BY CASE f.kind WHEN 'inbox' THEN 0 WHEN 'sent' THEN 1 WHEN 'drafts' THEN 2 WHEN 'scheduled' THEN 3
             WHEN 'archive' THEN 4 WHEN 'spam' THEN 5 WHEN 'trash' THEN 6 ELSE 7 END, f.name`,
          ctx.userId,
        ),
    }),

    create_folder: tool({
      description: "Create a custom mail folder. Returns the new folder with its folder_id. Errors if a folder with that name already exists (case-insensitive).",
      input: v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("The folder name, e.g. 'Carrier Contracts'.")) }),
      handler: ({ name }, ctx) => {
        const clean = name.trim();
        if (!clean) throw new ToolError("folder name is empty");
        const dup = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM folders WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, clean);
        if (dup) throw new ToolError(`a folder named "${dup.name}" already exists (folder ${dup.id})`);
        const id = ctx.db.run("INSERT INTO folders (user_id, name, kind, created_at) VALUES (?, ?, 'custom', ?)", ctx.userId, clean, ctx.timestamp).lastInsertRowid;
        return { folder_id: id, name: clean, kind: "custom" };
      },
    }),

    list_labels: tool({
      description: "List the user's labels with label_id, colour, and how many messages (and unread messages) carry each, not counting Trash and Spam.",
      input: v.object({}),
      handler: (_a, ctx) =>
        ctx.db.all(
          `SELECT l.id AS label_id, l.name, l.color,
             (SELECT count(*) FROM message_labels ml JOIN messages m ON m.id = ml.message_id JOIN folders f ON f.id = m.folder_id
               WHERE ml.label_id = l.id AND f.kind NOT IN ('trash', 'spam')) AS message_count,
             (SELECT count(*) FROM message_labels ml JOIN messages m ON m.id = ml.message_id JOIN folders f ON f.id = m.folder_id
               WHERE ml.label_id = l.id AND f.kind NOT IN ('trash', 'spam') AND m.is_read = 0) AS unread_count
           FROM labels l WHERE l.user_id = ? ORDER BY l.name`,
          ctx.userId,
        ),
    }),

    create_label: tool({
      description: "Create a label that can be put on messages. Returns the new label with its label_id. Errors if a label with that name already exists (case-insensitive).",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("The label name, e.g. 'Carrier Invoices'.")),
        color: v.optional(v.pipe(v.picklist(LABEL_COLORS), v.description("Label colour (default gray).")), "gray"),
      }),
      handler: ({ name, color }, ctx) => {
        const clean = name.trim();
        if (!clean) throw new ToolError("label name is empty");
        const dup = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM labels WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, clean);
        if (dup) throw new ToolError(`a label named "${dup.name}" already exists (label ${dup.id})`);
        const id = ctx.db.run("INSERT INTO labels (user_id, name, color, created_at) VALUES (?, ?, ?, ?)", ctx.userId, clean, color, ctx.timestamp).lastInsertRowid;
        return { label_id: id, name: clean, color };
      },
    }),

    // ----- reading -----
    search_messages: tool({
      description:
        "Search the user's mail, newest first. Every filter given must match: words in the subject, body, sender or attachment names; sender; recipient; folder; label; read/starred state; attachments; importance; date range (inclusive, UTC). Without a folder, Trash and Spam are left out unless include_trash_and_spam is true. Returns a page of message summaries (message_id, thread_id, folder, from, to, subject, snippet, date, flags, labels). Errors if the folder or label name does not exist.",
      input: v.object({
        query: v.optional(Text("Words to look for (all must appear) in subject, body, sender or attachment file names, e.g. 'invoice March'."), ""),
        from: v.optional(Text("Sender name or address, partial match, e.g. 'northwind' or 'dana.whitfield@harborline.com'."), ""),
        to: v.optional(Text("A recipient (to/cc/bcc) name or address, partial match."), ""),
        folder: v.optional(Text("Folder name, e.g. 'Inbox', 'Archive', 'Sent', 'Drafts', 'Scheduled', 'Spam', 'Trash' or a custom folder."), ""),
        label: v.optional(Text("Label name, e.g. 'Newsletters'."), ""),
        is_read: OptionalBool("true: only read messages; false: only unread ones."),
        is_starred: OptionalBool("true: only starred messages; false: only unstarred ones."),
        has_attachment: OptionalBool("true: only messages with attachments; false: only without."),
        importance: v.optional(v.pipe(v.picklist(IMPORTANCE), v.description("Only messages of this importance."))),
        date_from: v.optional(DateText("Earliest date, YYYY-MM-DD (inclusive).")),
        date_to: v.optional(DateText("Latest date, YYYY-MM-DD (inclusive).")),
        include_trash_and_spam: v.optional(v.pipe(v.boolean(), v.description("When no folder is given, also search Trash and Spam (default false).")), false),
        sort: v.optional(v.pipe(v.picklist(["newest", "oldest"]), v.description("Sort by date (default newest).")), "newest"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = ["m.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        for (const w of words(a.query)) {
          where.push("(m.subject LIKE ? OR m.body LIKE ? OR m.from_name LIKE ? OR m.from_email LIKE ? OR EXISTS (SELECT 1 FROM attachments x WHERE x.message_id = m.id AND x.filename LIKE ?))");
          params.push(w, w, w, w, w);
        }
        if (a.from.trim()) {
          const w = `%${a.from.trim()}%`;
          where.push("(m.from_name LIKE ? OR m.from_email LIKE ?)");
          params.push(w, w);
        }
        if (a.to.trim()) {
          const w = `%${a.to.trim()}%`;
          where.push("EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND (r.email LIKE ? OR r.name LIKE ?))");
          params.push(w, w);
        }
        if (a.folder.trim()) {
          where.push("m.folder_id = ?");
          params.push(folderByName(ctx, a.folder).id);
        } else if (!a.include_trash_and_spam) {
          where.push("f.kind NOT IN ('trash', 'spam')");
        }
        if (a.label.trim()) {
          where.push("EXISTS (SELECT 1 FROM message_labels ml WHERE ml.message_id = m.id AND ml.label_id = ?)");
          params.push(labelByName(ctx, a.label).id);
        }
        if (a.is_read !== undefined) {
          where.push("m.is_read = ?");
          params.push(a.is_read ? 1 : 0);
        }
        if (a.is_starred !== undefined) {
          where.push("m.is_starred = ?");
          params.push(a.is_starred ? 1 : 0);
        }
        if (a.has_attachment !== undefined) where.push(`${a.has_attachment ? "" : "NOT "}EXISTS (SELECT 1 FROM attachments x WHERE x.message_id = m.id)`);
        if (a.importance) {
          where.push("m.importance = ?");
          params.push(a.importance);
        }
        if (a.date_from) {
          where.push("substr(COALESCE(m.sent_at, m.updated_at), 1, 10) >= ?");
          params.push(checkDate(a.date_from, "date_from"));
        }
        if (a.date_to) {
          where.push("substr(COALESCE(m.sent_at, m.updated_at), 1, 10) <= ?");
          params.push(checkDate(a.date_to, "date_to"));
        }
        const from = `FROM messages m JOIN folders f ON f.id = m.folder_id WHERE ${where.join(" AND ")}`;
        const dir = a.sort === "oldest" ? "ASC" : "DESC";
        const res = page(ctx.db, `${SUMMARY_SELECT} ${from} ORDER BY COALESCE(m.sent_at, m.updated_at) ${dir}, m.id ${dir}`, `SELECT count(*) AS n ${from}`, params, a.limit, a.offset);
        return { ...res, items: res.items.map((r) => shapeSummary(r as Record<string, unknown>)) };
      },
    }),

    get_message: tool({
      description:
        "Read one message in full: sender, to/cc/bcc, subject, body, date, folder, flags, labels and attachments. Does not change the message unless mark_read is true. Errors if the message does not exist.",
      input: v.object({
        message_id: Id("The message's id (from search_messages or get_thread)."),
        mark_read: v.optional(v.pipe(v.boolean(), v.description("Also mark the message as read (default false).")), false),
      }),
      handler: ({ message_id, mark_read }, ctx) => {
        const m = getMessage(ctx, message_id);
        if (mark_read && m.is_read === 0) ctx.db.run("UPDATE messages SET is_read = 1, updated_at = ? WHERE id = ?", ctx.timestamp, m.id);
        return messageDetail(ctx, m.id);
      },
    }),

    get_thread: tool({
      description:
        "Read a whole conversation: the thread's subject and every message in it, oldest first, each with sender, recipients, date, folder, flags and body. Errors if the thread does not exist.",
      input: v.object({ thread_id: Id("The thread's id (thread_id from search_messages or get_message).") }),
      handler: ({ thread_id }, ctx) => {
        const t = ctx.db.get<{ id: number; subject: string; created_at: string; last_message_at: string }>(
          "SELECT id, subject, created_at, last_message_at FROM threads WHERE id = ? AND user_id = ?",
          thread_id,
          ctx.userId,
        );
        if (!t) throw new ToolError(`thread ${thread_id} not found`);
        const ids = ctx.db.all<{ id: number }>("SELECT id FROM messages WHERE thread_id = ? ORDER BY COALESCE(sent_at, updated_at), id", t.id);
        return { thread_id: t.id, subject: t.subject, last_message_at: t.last_message_at, message_count: ids.length, messages: ids.map((r) => messageDetail(ctx, r.id)) };
      },
    }),

    // ----- composing -----
    send_message: tool({
      description:
        "Compose and send a new email (a new thread). Recipients are email addresses; each may appear only once across to/cc/bcc. The user's default signature is appended unless include_signature is false. The sent copy goes to Sent. Returns the sent message. Errors on an invalid address, no recipients, or an empty subject.",
      input: v.object({
        to: EmailList("Main recipients' email addresses."),
        cc: EmailList("Cc recipients' email addresses."),
        bcc: EmailList("Bcc recipients' email addresses."),
        subject: v.pipe(v.string(), v.maxLength(300), v.description("The subject line.")),
        body: v.pipe(v.string(), v.maxLength(20000), v.description("The message text.")),
        importance: v.optional(v.pipe(v.picklist(IMPORTANCE), v.description("Importance flag (default normal).")), "normal"),
        include_signature: v.optional(v.pipe(v.boolean(), v.description("Append the default signature (default true).")), true),
      }),
      handler: (a, ctx) => {
        const r = buildRecipients(ctx, a.to, a.cc, a.bcc, true);
        const subject = a.subject.trim();
        if (!subject) throw new ToolError("the subject is empty");
        if (!a.body.trim()) throw new ToolError("the message body is empty");
        const threadId = newThread(ctx, subject);
        const id = insertMessage(ctx, { threadId, folderId: systemFolder(ctx, "sent").id, status: "sent", subject, body: a.body.trim() + signatureText(ctx, a.include_signature), importance: a.importance });
        writeRecipients(ctx.db, id, r);
        return messageDetail(ctx, id);
      },
    }),

    reply_to_message: tool({
      description:
        "Reply to a message in its thread. Reply goes to the sender only; reply_all also includes the other to/cc recipients (never the user). Replying to a message the user sent goes to its original recipients. Subject gets 'Re:', the original is quoted below, the default signature is appended unless include_signature is false. Returns the sent reply. Errors if the message does not exist or is a draft.",
      input: v.object({
        message_id: Id("The message to reply to."),
        body: v.pipe(v.string(), v.minLength(1), v.maxLength(20000), v.description("The reply text (the original is quoted automatically).")),
        reply_all: v.optional(v.pipe(v.boolean(), v.description("Reply to everyone on the message, not just the sender (default false).")), false),
        add_cc: EmailList("Extra addresses to cc on the reply."),
        include_signature: v.optional(v.pipe(v.boolean(), v.description("Append the default signature (default true).")), true),
      }),
      handler: (a, ctx) => {
        const orig = getMessage(ctx, a.message_id);
        if (orig.status === "draft" || orig.status === "scheduled") throw new ToolError(`message ${orig.id} has not been sent yet; you cannot reply to a ${orig.status}`);
        if (!a.body.trim()) throw new ToolError("the reply body is empty");
        const u = me(ctx);
        const mine = u.email.toLowerCase();
        const o = readRecipients(ctx.db, orig.id);
        const fromMe = orig.from_email.toLowerCase() === mine;
        let to: string[];
        let cc: string[] = [];
        if (fromMe) {
          to = o.to.map((p) => p.email);
          if (a.reply_all) cc = o.cc.map((p) => p.email);
        } else {
          to = [orig.from_email];
          if (a.reply_all) {
            to.push(...o.to.map((p) => p.email));
            cc = o.cc.map((p) => p.email);
          }
        }
        const seen = new Set<string>([mine]);
        const uniq = (list: string[]) =>
          list.filter((e) => {
            const k = e.toLowerCase();
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
          });
        to = uniq(to);
        cc = uniq([...cc, ...a.add_cc.map(normEmail)]);
        const r = buildRecipients(ctx, to, cc, [], true);
        const quoted = orig.body
          .split("\n")
          .map((l) => `> ${l}`.trimEnd())
          .join("\n");
        const body = `${a.body.trim()}${signatureText(ctx, a.include_signature)}\n\nOn ${orig.sent_at}, ${fmtPerson({ name: orig.from_name, email: orig.from_email })} wrote:\n${quoted}`;
        const id = insertMessage(ctx, { threadId: orig.thread_id, folderId: systemFolder(ctx, "sent").id, status: "sent", subject: prefixed("Re", orig.subject), body, inReplyTo: orig.id });
        writeRecipients(ctx.db, id, r);
        touchThread(ctx, orig.thread_id);
        return messageDetail(ctx, id);
      },
    }),

    forward_message: tool({
      description:
        "Forward a message, with an optional note on top, to new recipients, in the same thread. Subject gets 'Fwd:', the original headers and body follow the note, and its attachments are included unless include_attachments is false. Returns the sent message. Errors if the message does not exist or is a draft, or on an invalid address.",
      input: v.object({
        message_id: Id("The message to forward."),
        to: v.pipe(v.array(v.pipe(v.string(), v.description("An email address."))), v.minLength(1), v.description("Recipients' email addresses.")),
        cc: EmailList("Cc recipients' email addresses."),
        note: v.optional(v.pipe(v.string(), v.maxLength(20000), v.description("Text to put above the forwarded message.")), ""),
        include_attachments: v.optional(v.pipe(v.boolean(), v.description("Include the original's attachments (default true).")), true),
        include_signature: v.optional(v.pipe(v.boolean(), v.description("Append the default signature after the note (default true).")), true),
      }),
      handler: (a, ctx) => {
        const orig = getMessage(ctx, a.message_id);
        if (orig.status === "draft" || orig.status === "scheduled") throw new ToolError(`message ${orig.id} has not been sent yet; you cannot forward a ${orig.status}`);
        const r = buildRecipients(ctx, a.to, a.cc, [], true);
        const o = readRecipients(ctx.db, orig.id);
        const header = [
          "---------- Forwarded message ---------",
          `From: ${fmtPerson({ name: orig.from_name, email: orig.from_email })}`,
          `Date: ${orig.sent_at}`,
          `Subject: ${orig.subject}`,
          `To: ${o.to.map(fmtPerson).join(", ")}`,
          ...(o.cc.length ? [`Cc: ${o.cc.map(fmtPerson).join(", ")}`] : []),
        ].join("\n");
        const body = `${a.note.trim()}${signatureText(ctx, a.include_signature)}\n\n${header}\n\n${orig.body}`.replace(/^\n+/, "");
        const id = insertMessage(ctx, { threadId: orig.thread_id, folderId: systemFolder(ctx, "sent").id, status: "sent", subject: prefixed("Fwd", orig.subject), body, forwardedFrom: orig.id });
        writeRecipients(ctx.db, id, r);
        if (a.include_attachments) {
          ctx.db.run(
            "INSERT INTO attachments (message_id, filename, mime_type, size_bytes, created_at) SELECT ?, filename, mime_type, size_bytes, ? FROM attachments WHERE message_id = ? ORDER BY id",
            id,
            ctx.timestamp,
            orig.id,
          );
        }
        touchThread(ctx, orig.thread_id);
        return messageDetail(ctx, id);
      },
    }),

    // ----- drafts & scheduling -----
    save_draft: tool({
      description:
        "Save a new draft in Drafts (nothing is sent, no signature is added). Recipients may be empty for now. With reply_to_message_id the draft joins that message's thread and the subject defaults to 'Re: ...'. Returns the draft (its message_id is the draft_id). Errors on an invalid address.",
      input: v.object({
        to: EmailList("Main recipients' email addresses."),
        cc: EmailList("Cc recipients' email addresses."),
        bcc: EmailList("Bcc recipients' email addresses."),
        subject: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("The subject line.")), ""),
        body: v.optional(v.pipe(v.string(), v.maxLength(20000), v.description("The message text.")), ""),
        reply_to_message_id: v.optional(Id("Make the draft a reply to this message (optional).")),
      }),
      handler: (a, ctx) => {
        const r = buildRecipients(ctx, a.to, a.cc, a.bcc, false);
        let subject = a.subject.trim();
        let threadId: number;
        let inReplyTo: number | null = null;
        if (a.reply_to_message_id !== undefined) {
          const orig = getMessage(ctx, a.reply_to_message_id);
          if (orig.status === "draft" || orig.status === "scheduled") throw new ToolError(`message ${orig.id} has not been sent yet; you cannot reply to a ${orig.status}`);
          threadId = orig.thread_id;
          inReplyTo = orig.id;
          if (!subject) subject = prefixed("Re", orig.subject);
        } else {
          threadId = newThread(ctx, subject);
        }
        const id = insertMessage(ctx, { threadId, folderId: systemFolder(ctx, "drafts").id, status: "draft", subject, body: a.body, inReplyTo });
        writeRecipients(ctx.db, id, r);
        return messageDetail(ctx, id);
      },
    }),

    update_draft: tool({
      description:
        "Change a draft. Only the fields given are replaced (a recipient list given replaces that whole list, so include everyone who should stay). Returns the updated draft. Errors if the draft does not exist, was already sent, is scheduled, or an address is invalid.",
      input: v.object({
        draft_id: Id("The draft's message id."),
        to: v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("An email address."))), v.description("New full list of main recipients."))),
        cc: v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("An email address."))), v.description("New full list of cc recipients."))),
        bcc: v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("An email address."))), v.description("New full list of bcc recipients."))),
        subject: OptionalText("New subject line."),
        body: OptionalText("New message text (replaces the whole body)."),
      }),
      handler: (a, ctx) => {
        const d = getDraft(ctx, a.draft_id);
        const cur = readRecipients(ctx.db, d.id);
        const list = (given: string[] | undefined, now: Person[]) => given ?? now.map((p) => p.email);
        const r = buildRecipients(ctx, list(a.to, cur.to), list(a.cc, cur.cc), list(a.bcc, cur.bcc), false);
        const subject = a.subject !== undefined ? a.subject.trim() : d.subject;
        const body = a.body !== undefined ? a.body : d.body;
        if (subject.length > 300) throw new ToolError("the subject is longer than 300 characters");
        ctx.db.run("UPDATE messages SET subject = ?, body = ?, updated_at = ? WHERE id = ?", subject, body, ctx.timestamp, d.id);
        writeRecipients(ctx.db, d.id, r);
        const others = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM messages WHERE thread_id = ? AND id <> ?", d.thread_id, d.id)!.n;
        if (others === 0 && a.subject !== undefined) ctx.db.run("UPDATE threads SET subject = ? WHERE id = ?", subject.replace(/^((re|fwd?):\s*)+/i, "").trim() || "(no subject)", d.thread_id);
        return messageDetail(ctx, d.id);
      },
    }),

    delete_draft: tool({
      description: "Discard a draft permanently. Returns the discarded draft's id and subject. Errors if the draft does not exist or is not a draft (sent mail is trashed with trash_messages instead).",
      input: v.object({ draft_id: Id("The draft's message id.") }),
      handler: ({ draft_id }, ctx) => {
        const m = ctx.db.get<MessageRow>(`${MESSAGE_SELECT} WHERE m.id = ? AND m.user_id = ?`, draft_id, ctx.userId);
        if (!m) throw new ToolError(`draft ${draft_id} not found`);
        if (m.status === "scheduled") throw new ToolError(`message ${draft_id} is scheduled; cancel the scheduled send first`);
        if (m.status !== "draft") throw new ToolError(`message ${draft_id} is not a draft; use trash_messages for sent or received mail`);
        ctx.db.run("DELETE FROM messages WHERE id = ?", m.id);
        const left = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM messages WHERE thread_id = ?", m.thread_id)!.n;
        if (left === 0) ctx.db.run("DELETE FROM threads WHERE id = ?", m.thread_id);
        return { deleted_draft_id: m.id, subject: m.subject };
      },
    }),

    send_draft: tool({
      description: "Send a draft now, exactly as saved (no signature is added). It moves to Sent. Returns the sent message. Errors if the draft does not exist, has no recipients or no subject, or was already sent.",
      input: v.object({ draft_id: Id("The draft's message id.") }),
      handler: ({ draft_id }, ctx) => {
        const d = getDraft(ctx, draft_id);
        const r = readRecipients(ctx.db, d.id);
        if (r.to.length + r.cc.length + r.bcc.length === 0) throw new ToolError(`draft ${d.id} has no recipients; add some with update_draft`);
        if (!d.subject.trim()) throw new ToolError(`draft ${d.id} has no subject; add one with update_draft`);
        if (!d.body.trim()) throw new ToolError(`draft ${d.id} has an empty body`);
        ctx.db.run("UPDATE messages SET status = 'sent', folder_id = ?, sent_at = ?, updated_at = ?, is_read = 1 WHERE id = ?", systemFolder(ctx, "sent").id, ctx.timestamp, ctx.timestamp, d.id);
        touchThread(ctx, d.thread_id);
        return messageDetail(ctx, d.id);
      },
    }),

    schedule_send: tool({
      description:
        "Schedule a draft to be sent automatically at a later time (UTC). The draft moves to the Scheduled folder until then. Returns the scheduled message with scheduled_send_at. Errors if the draft does not exist, has no recipients or subject, or the time is not in the future (at most one year ahead).",
      input: v.object({
        draft_id: Id("The draft's message id (create one with save_draft)."),
        send_at: v.pipe(v.string(), v.description("When to send, UTC, as 'YYYY-MM-DD HH:MM', e.g. '2026-04-20 08:00'.")),
      }),
      handler: ({ draft_id, send_at }, ctx) => {
        const d = getDraft(ctx, draft_id);
        const at = parseSendAt(send_at);
        if (at <= ctx.timestamp) throw new ToolError(`send_at ${at} is not in the future (it is now ${ctx.timestamp} UTC)`);
        const limit = new Date(ctx.now.getTime() + 366 * 86400000).toISOString().slice(0, 19).replace("T", " ");
        if (at > limit) throw new ToolError("messages can be scheduled at most one year ahead");
        const r = readRecipients(ctx.db, d.id);
        if (r.to.length + r.cc.length + r.bcc.length === 0) throw new ToolError(`draft ${d.id} has no recipients; add some with update_draft`);
        if (!d.subject.trim()) throw new ToolError(`draft ${d.id} has no subject; add one with update_draft`);
        if (!d.body.trim()) throw new ToolError(`draft ${d.id} has an empty body`);
        ctx.db.run("UPDATE messages SET status = 'scheduled', folder_id = ?, updated_at = ? WHERE id = ?", systemFolder(ctx, "scheduled").id, ctx.timestamp, d.id);
        ctx.db.run("INSERT INTO scheduled_sends (user_id, message_id, send_at, status, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)", ctx.userId, d.id, at, ctx.timestamp, ctx.timestamp);
        return messageDetail(ctx, d.id);
      },
    }),

    cancel_scheduled_send: tool({
      description: "Cancel a scheduled send: the message goes back to Drafts, unsent, and can be edited or rescheduled. Returns the draft. Errors if the message does not exist or is not scheduled.",
      input: v.object({ message_id: Id("The scheduled message's id (search folder 'Scheduled').") }),
      handler: ({ message_id }, ctx) => {
        const m = getMessage(ctx, message_id);
        if (m.status !== "scheduled") throw new ToolError(`message ${m.id} is not scheduled (it is ${m.status === "received" ? "a received message" : `a ${m.status === "sent" ? "sent message" : "draft"}`})`);
        ctx.db.run("UPDATE scheduled_sends SET status = 'cancelled', updated_at = ? WHERE message_id = ? AND status = 'pending'", ctx.timestamp, m.id);
        ctx.db.run("UPDATE messages SET status = 'draft', folder_id = ?, updated_at = ? WHERE id = ?", systemFolder(ctx, "drafts").id, ctx.timestamp, m.id);
        return messageDetail(ctx, m.id);
      },
    }),

    // ----- organising -----
    move_messages: tool({
      description:
        "Move messages to a folder: Inbox, Archive, Spam, Sent (sent mail only) or a custom folder; moving out of Trash restores them there. Returns the moved ids and those already in the folder. Errors if a message or the folder does not exist, the target is Drafts/Scheduled/Trash (use trash_messages for Trash), or a message is a draft or scheduled.",
      input: v.object({
        message_ids: Ids("The messages to move (1-100 ids)."),
        folder_id: Id("The target folder's id (from list_folders)."),
      }),
      handler: ({ message_ids, folder_id }, ctx) => {
        const folder = getFolder(ctx, folder_id);
        if (folder.kind === "trash") throw new ToolError("use trash_messages to move messages to Trash");
        if (folder.kind === "drafts" || folder.kind === "scheduled") throw new ToolError(`messages cannot be moved into ${folder.name}`);
        const msgs = getMessages(ctx, message_ids);
        for (const m of msgs) if (m.folder_id !== folder.id) assertMovable(m, folder);
        return moveTo(ctx, msgs, folder);
      },
    }),

    archive_messages: tool({
      description: "Archive messages: move them out of the Inbox (or wherever they are) into Archive. Returns the archived ids and those already archived. Errors if a message does not exist or is a draft or scheduled.",
      input: v.object({ message_ids: Ids("The messages to archive (1-100 ids).") }),
      handler: ({ message_ids }, ctx) => {
        const folder = systemFolder(ctx, "archive");
        const msgs = getMessages(ctx, message_ids);
        for (const m of msgs) if (m.folder_id !== folder.id) assertMovable(m, folder);
        return moveTo(ctx, msgs, folder);
      },
    }),

    trash_messages: tool({
      description: "Move messages (or drafts) to Trash, remembering where they were so restore_messages can put them back. Returns the trashed ids and those already in Trash. Errors if a message does not exist or is scheduled (cancel it first).",
      input: v.object({ message_ids: Ids("The messages to trash (1-100 ids).") }),
      handler: ({ message_ids }, ctx) => {
        const trash = systemFolder(ctx, "trash");
        const msgs = getMessages(ctx, message_ids);
        for (const m of msgs) if (m.status === "scheduled") throw new ToolError(`message ${m.id} is scheduled to be sent; use cancel_scheduled_send first`);
        const trashed: number[] = [];
        const already: number[] = [];
        for (const m of msgs) {
          if (m.folder_id === trash.id) {
            already.push(m.id);
            continue;
          }
          ctx.db.run("UPDATE messages SET previous_folder_id = ?, folder_id = ?, trashed_at = ?, updated_at = ? WHERE id = ?", m.folder_id, trash.id, ctx.timestamp, ctx.timestamp, m.id);
          trashed.push(m.id);
        }
        return { trashed_message_ids: trashed, already_in_trash_message_ids: already };
      },
    }),

    restore_messages: tool({
      description: "Take messages out of Trash and put them back in the folder they were trashed from (or Inbox/Sent/Drafts if that folder is gone). Returns where each message went. Errors if a message does not exist or is not in Trash.",
      input: v.object({ message_ids: Ids("The trashed messages to restore (1-100 ids).") }),
      handler: ({ message_ids }, ctx) => {
        const msgs = getMessages(ctx, message_ids);
        for (const m of msgs) if (m.folder_kind !== "trash") throw new ToolError(`message ${m.id} is not in Trash (it is in ${m.folder_name})`);
        const restored = msgs.map((m) => {
          const prev = m.previous_folder_id ? ctx.db.get<FolderRow>("SELECT id, name, kind FROM folders WHERE id = ? AND user_id = ? AND kind <> 'trash'", m.previous_folder_id, ctx.userId) : undefined;
          const dest = prev ?? systemFolder(ctx, m.status === "sent" ? "sent" : m.status === "draft" ? "drafts" : "inbox");
          ctx.db.run("UPDATE messages SET folder_id = ?, previous_folder_id = NULL, trashed_at = NULL, updated_at = ? WHERE id = ?", dest.id, ctx.timestamp, m.id);
          return { message_id: m.id, folder_id: dest.id, folder: dest.name };
        });
        return { restored };
      },
    }),

    mark_read: tool({
      description: "Mark messages as read (read=true) or unread (read=false). Returns how many changed. Errors if a message does not exist.",
      input: v.object({
        message_ids: Ids("The messages to mark (1-100 ids)."),
        read: v.optional(v.pipe(v.boolean(), v.description("true marks read, false marks unread (default true).")), true),
      }),
      handler: ({ message_ids, read }, ctx) => {
        const msgs = getMessages(ctx, message_ids);
        const changed = msgs.filter((m) => m.is_read !== (read ? 1 : 0));
        for (const m of changed) ctx.db.run("UPDATE messages SET is_read = ?, updated_at = ? WHERE id = ?", read ? 1 : 0, ctx.timestamp, m.id);
        return { read, changed_message_ids: changed.map((m) => m.id), unchanged: msgs.length - changed.length };
      },
    }),

    star_messages: tool({
      description: "Star (starred=true) or unstar (starred=false) messages. Returns how many changed. Errors if a message does not exist.",
      input: v.object({
        message_ids: Ids("The messages to star or unstar (1-100 ids)."),
        starred: v.optional(v.pipe(v.boolean(), v.description("true stars, false removes the star (default true).")), true),
      }),
      handler: ({ message_ids, starred }, ctx) => {
        const msgs = getMessages(ctx, message_ids);
        const changed = msgs.filter((m) => m.is_starred !== (starred ? 1 : 0));
        for (const m of changed) ctx.db.run("UPDATE messages SET is_starred = ?, updated_at = ? WHERE id = ?", starred ? 1 : 0, ctx.timestamp, m.id);
        return { starred, changed_message_ids: changed.map((m) => m.id), unchanged: msgs.length - changed.length };
      },
    }),

    apply_label: tool({
      description: "Put a label on messages (messages that already have it are left as they are). Returns the ids labelled. Errors if a message or the label does not exist.",
      input: v.object({
        message_ids: Ids("The messages to label (1-100 ids)."),
        label_id: Id("The label's id (from list_labels or create_label)."),
      }),
      handler: ({ message_ids, label_id }, ctx) => {
        const l = getLabel(ctx, label_id);
        const msgs = getMessages(ctx, message_ids);
        const added = msgs.filter((m) => addLabel(ctx, m.id, l.id)).map((m) => m.id);
        return { label_id: l.id, label: l.name, labelled_message_ids: added, already_labelled: msgs.length - added.length };
      },
    }),

    remove_label: tool({
      description: "Take a label off messages (messages without it are left as they are). Returns the ids it was removed from. Errors if a message or the label does not exist.",
      input: v.object({
        message_ids: Ids("The messages to unlabel (1-100 ids)."),
        label_id: Id("The label's id (from list_labels)."),
      }),
      handler: ({ message_ids, label_id }, ctx) => {
        const l = getLabel(ctx, label_id);
        const msgs = getMessages(ctx, message_ids);
        const removed = msgs.filter((m) => ctx.db.run("DELETE FROM message_labels WHERE message_id = ? AND label_id = ?", m.id, l.id).changes > 0).map((m) => m.id);
        return { label_id: l.id, label: l.name, unlabelled_message_ids: removed, did_not_have_label: msgs.length - removed.length };
      },
    }),

    // ----- filters -----
    list_filters: tool({
      description: "List the user's mail filters (rules run on incoming mail): each filter's conditions and actions, and whether it is enabled.",
      input: v.object({}),
      handler: (_a, ctx) => ctx.db.all<{ id: number }>("SELECT id FROM filters WHERE user_id = ? ORDER BY id", ctx.userId).map((f) => filterDetail(ctx, f.id)),
    }),

    create_filter: tool({
      description:
        "Create a filter for incoming mail. All conditions given must match (case-insensitive 'contains'); then every action given is applied: label, move to a custom folder, skip the inbox (archive), mark read, star, set importance. With apply_to_existing it also runs now on matching messages in the Inbox. Returns the filter and the messages it was applied to. Errors if there is no condition or no action, the label/folder does not exist, or both skip_inbox and a folder are given.",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("A name for the filter, e.g. 'Swiftline invoices'.")),
        from_contains: OptionalText("Sender address or name contains this, e.g. 'billing@swiftlinecarriers.com'."),
        to_contains: OptionalText("A to/cc recipient contains this."),
        subject_contains: OptionalText("Subject contains this."),
        has_words: OptionalText("Every one of these words appears in the subject or body."),
        has_attachment: v.optional(v.pipe(v.boolean(), v.description("Only messages with attachments (default false).")), false),
        apply_label_id: v.optional(Id("Label to apply (from list_labels or create_label).")),
        move_to_folder_id: v.optional(Id("Custom folder to move matching mail to (from list_folders).")),
        skip_inbox: v.optional(v.pipe(v.boolean(), v.description("Archive matching mail instead of leaving it in the Inbox (default false).")), false),
        mark_read: v.optional(v.pipe(v.boolean(), v.description("Mark matching mail as read (default false).")), false),
        star: v.optional(v.pipe(v.boolean(), v.description("Star matching mail (default false).")), false),
        set_importance: v.optional(v.pipe(v.picklist(IMPORTANCE), v.description("Set matching mail to this importance."))),
        apply_to_existing: v.optional(v.pipe(v.boolean(), v.description("Also apply the actions now to matching messages already in the Inbox (default false).")), false),
      }),
      handler: (a, ctx) => {
        const opt = (s: string | undefined) => (s !== undefined && s.trim() ? s.trim() : null);
        const cond = { from: opt(a.from_contains), to: opt(a.to_contains), subject: opt(a.subject_contains), words: opt(a.has_words) };
        if (!cond.from && !cond.to && !cond.subject && !cond.words && !a.has_attachment) throw new ToolError("give at least one condition (from_contains, to_contains, subject_contains, has_words or has_attachment)");
        const label = a.apply_label_id !== undefined ? getLabel(ctx, a.apply_label_id) : null;
        const folder = a.move_to_folder_id !== undefined ? getFolder(ctx, a.move_to_folder_id) : null;
        if (folder && folder.kind !== "custom") throw new ToolError(`filters can only move mail to a custom folder; "${folder.name}" is a system folder (use skip_inbox to archive)`);
        if (folder && a.skip_inbox) throw new ToolError("choose either skip_inbox or move_to_folder_id, not both");
        if (!label && !folder && !a.skip_inbox && !a.mark_read && !a.star && !a.set_importance) throw new ToolError("give at least one action (apply_label_id, move_to_folder_id, skip_inbox, mark_read, star or set_importance)");
        const name = a.name.trim();
        if (!name) throw new ToolError("filter name is empty");
        const id = ctx.db.run(
          `INSERT INTO filters (user_id, name, from_contains, to_contains, subject_contains, has_words, has_attachment, action_label_id, action_folder_id,
             action_archive, action_mark_read, action_star, action_importance, is_enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
          ctx.userId, name, cond.from, cond.to, cond.subject, cond.words, a.has_attachment ? 1 : 0, label?.id ?? null, folder?.id ?? null,
          a.skip_inbox ? 1 : 0, a.mark_read ? 1 : 0, a.star ? 1 : 0, a.set_importance ?? null, ctx.timestamp,
        ).lastInsertRowid;
        const applied: number[] = [];
        if (a.apply_to_existing) {
          const f = ctx.db.get<FilterRow>("SELECT * FROM filters WHERE id = ?", id)!;
          const inbox = systemFolder(ctx, "inbox");
          const candidates = ctx.db.all<MessageRow>(`${MESSAGE_SELECT} WHERE m.user_id = ? AND m.folder_id = ? ORDER BY m.id`, ctx.userId, inbox.id);
          const archive = systemFolder(ctx, "archive");
          for (const m of candidates.filter((c) => filterMatches(ctx, f, c))) {
            if (label) addLabel(ctx, m.id, label.id);
            const dest = folder ?? (a.skip_inbox ? archive : null);
            ctx.db.run(
              `UPDATE messages SET folder_id = ?, is_read = CASE WHEN ? THEN 1 ELSE is_read END, is_starred = CASE WHEN ? THEN 1 ELSE is_starred END,
                 importance = COALESCE(?, importance), updated_at = ? WHERE id = ?`,
              dest?.id ?? m.folder_id, a.mark_read ? 1 : 0, a.star ? 1 : 0, a.set_importance ?? null, ctx.timestamp, m.id,
            );
            applied.push(m.id);
          }
        }
        return { ...filterDetail(ctx, id), applied_to_message_ids: applied };
      },
    }),

    delete_filter: tool({
      description: "Delete a filter. Messages it already acted on are not changed. Returns the deleted filter's id and name. Errors if the filter does not exist.",
      input: v.object({ filter_id: Id("The filter's id (from list_filters).") }),
      handler: ({ filter_id }, ctx) => {
        const f = filterDetail(ctx, filter_id);
        ctx.db.run("DELETE FROM filters WHERE id = ?", filter_id);
        return { deleted_filter_id: f.filter_id, name: f.name };
      },
    }),

    // ----- blocked senders -----
    list_blocked_senders: tool({
      description: "List the addresses the user has blocked (their future mail goes straight to Spam), newest first. Returns a page of { blocked_sender_id, email, blocked_at }.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS blocked_sender_id, email, blocked_at FROM blocked_senders WHERE user_id = ? ORDER BY blocked_at DESC, id DESC",
          "SELECT count(*) AS n FROM blocked_senders WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    block_sender: tool({
      description:
        "Block an email address so its future mail goes to Spam. Existing mail is left where it is unless move_existing_to_spam is true. Returns the block and any moved message ids. Errors if the address is invalid, is the user's own, or is already blocked.",
      input: v.object({
        email: v.pipe(v.string(), v.description("The sender address to block, e.g. 'offers@example.com'.")),
        move_existing_to_spam: v.optional(v.pipe(v.boolean(), v.description("Also move mail already received from this address (outside Trash) to Spam (default false).")), false),
      }),
      handler: ({ email, move_existing_to_spam }, ctx) => {
        const e = normEmail(email);
        if (e === me(ctx).email.toLowerCase()) throw new ToolError("you cannot block your own address");
        if (ctx.db.get("SELECT 1 FROM blocked_senders WHERE user_id = ? AND email = ?", ctx.userId, e)) throw new ToolError(`${e} is already blocked`);
        const id = ctx.db.run("INSERT INTO blocked_senders (user_id, email, blocked_at) VALUES (?, ?, ?)", ctx.userId, e, ctx.timestamp).lastInsertRowid;
        const moved: number[] = [];
        if (move_existing_to_spam) {
          const spam = systemFolder(ctx, "spam");
          const rows = ctx.db.all<{ id: number }>(
            "SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.user_id = ? AND m.status = 'received' AND m.from_email = ? AND f.kind NOT IN ('trash', 'spam') ORDER BY m.id",
            ctx.userId,
            e,
          );
          for (const r of rows) {
            ctx.db.run("UPDATE messages SET folder_id = ?, updated_at = ? WHERE id = ?", spam.id, ctx.timestamp, r.id);
            moved.push(r.id);
          }
        }
        return { blocked_sender_id: id, email: e, blocked_at: ctx.timestamp, moved_to_spam_message_ids: moved };
      },
    }),

    unblock_sender: tool({
      description: "Unblock an address so its mail reaches the Inbox again (mail already in Spam stays there). Returns the unblocked address. Errors if the address is not blocked.",
      input: v.object({ email: v.pipe(v.string(), v.description("The blocked address to unblock.")) }),
      handler: ({ email }, ctx) => {
        const e = normEmail(email);
        const n = ctx.db.run("DELETE FROM blocked_senders WHERE user_id = ? AND email = ?", ctx.userId, e).changes;
        if (n === 0) throw new ToolError(`${e} is not blocked`);
        return { unblocked: e };
      },
    }),

    // ----- vacation responder -----
    get_auto_reply: tool({
      description: "Show the vacation auto-reply settings: whether it is on, subject, message, start and end dates, whether it only answers the user's contacts, and whether it is active today.",
      input: v.object({}),
      handler: (_a, ctx) => autoReplyDetail(ctx),
    }),

    set_auto_reply: tool({
      description:
        "Turn on the vacation auto-reply (replacing any previous settings) with a subject, message and date range (inclusive, UTC dates). Returns the new settings. Errors if the end date is before the start date, the end date is in the past, or the subject or message is empty.",
      input: v.object({
        subject: v.pipe(v.string(), v.maxLength(200), v.description("Subject of the automatic reply, e.g. 'Out of office'.")),
        body: v.pipe(v.string(), v.maxLength(5000), v.description("The automatic reply text.")),
        start_date: v.optional(DateText("First day it is active, YYYY-MM-DD (default today).")),
        end_date: v.optional(DateText("Last day it is active, YYYY-MM-DD (default: until turned off).")),
        contacts_only: v.optional(v.pipe(v.boolean(), v.description("Only reply to people in the user's contacts (default false).")), false),
      }),
      handler: (a, ctx) => {
        const subject = a.subject.trim();
        const body = a.body.trim();
        if (!subject) throw new ToolError("the auto-reply subject is empty");
        if (!body) throw new ToolError("the auto-reply message is empty");
        const start = checkDate(a.start_date ?? ctx.today, "start_date");
        const end = a.end_date === undefined ? null : checkDate(a.end_date, "end_date");
        if (end !== null && end < start) throw new ToolError(`end_date ${end} is before start_date ${start}`);
        if (end !== null && end < ctx.today) throw new ToolError(`end_date ${end} is in the past (today is ${ctx.today})`);
        ctx.db.run(
          `INSERT INTO auto_replies (user_id, is_enabled, subject, body, start_date, end_date, contacts_only, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET is_enabled = 1, subject = excluded.subject, body = excluded.body, start_date = excluded.start_date,
             end_date = excluded.end_date, contacts_only = excluded.contacts_only, updated_at = excluded.updated_at`,
          ctx.userId, subject, body, start, end, a.contacts_only ? 1 : 0, ctx.timestamp,
        );
        return autoReplyDetail(ctx);
      },
    }),

    disable_auto_reply: tool({
      description: "Turn off the vacation auto-reply (its text and dates are kept for next time). Returns the settings. Errors if it is already off.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const n = ctx.db.run("UPDATE auto_replies SET is_enabled = 0, updated_at = ? WHERE user_id = ? AND is_enabled = 1", ctx.timestamp, ctx.userId).changes;
        if (n === 0) throw new ToolError("the auto-reply is already off");
        return autoReplyDetail(ctx);
      },
    }),

    // ----- signatures -----
    list_signatures: tool({
      description: "List the user's email signatures and which one is the default (the one send, reply and forward append).",
      input: v.object({}),
      handler: (_a, ctx) =>
        ctx.db
          .all<{ signature_id: number; name: string; body: string; is_default: number; updated_at: string }>(
            "SELECT id AS signature_id, name, body, is_default, updated_at FROM signatures WHERE user_id = ? ORDER BY is_default DESC, name",
            ctx.userId,
          )
          .map((s) => ({ ...s, is_default: s.is_default === 1 })),
    }),

    save_signature: tool({
      description: "Create a signature, or replace the text of the one with the same name; make_default makes it the signature appended to outgoing mail. Returns the signature. Errors if the text is empty.",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("Signature name, e.g. 'Work' or 'Short'.")),
        body: v.pipe(v.string(), v.maxLength(2000), v.description("Signature text (new lines allowed).")),
        make_default: v.optional(v.pipe(v.boolean(), v.description("Make this the default signature (default false).")), false),
      }),
      handler: ({ name, body, make_default }, ctx) => {
        const n = name.trim();
        const b = body.trim();
        if (!n) throw new ToolError("signature name is empty");
        if (!b) throw new ToolError("signature text is empty");
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM signatures WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, n);
        if (make_default) ctx.db.run("UPDATE signatures SET is_default = 0, updated_at = ? WHERE user_id = ? AND is_default = 1", ctx.timestamp, ctx.userId);
        let id: number;
        if (existing) {
          ctx.db.run("UPDATE signatures SET body = ?, is_default = CASE WHEN ? THEN 1 ELSE is_default END, updated_at = ? WHERE id = ?", b, make_default ? 1 : 0, ctx.timestamp, existing.id);
          id = existing.id;
        } else {
          id = ctx.db.run("INSERT INTO signatures (user_id, name, body, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", ctx.userId, n, b, make_default ? 1 : 0, ctx.timestamp, ctx.timestamp).lastInsertRowid;
        }
        const s = ctx.db.get<{ name: string; body: string; is_default: number }>("SELECT name, body, is_default FROM signatures WHERE id = ?", id)!;
        return { signature_id: id, name: s.name, body: s.body, is_default: s.is_default === 1, created: !existing };
      },
    }),

    // ----- contacts -----
    search_contacts: tool({
      description:
        "Search the user's contacts by words in name, email, company or job title (every word must match, case-insensitive), optionally within one contact group. Returns a page of contacts with contact_id, email, company, title and groups. Errors if the group name does not exist.",
      input: v.object({
        query: v.optional(Text("Words to search for, e.g. 'dana' or 'northwind'. Empty lists everyone."), ""),
        group: v.optional(Text("Only members of the contact group with this exact name (case-insensitive)."), ""),
        favorites_only: v.optional(v.pipe(v.boolean(), v.description("Only favourite contacts (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = ["c.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        for (const w of words(a.query)) {
          where.push("(c.full_name LIKE ? OR c.email LIKE ? OR c.company LIKE ? OR c.job_title LIKE ?)");
          params.push(w, w, w, w);
        }
        if (a.group.trim()) {
          const g = ctx.db.get<{ id: number }>("SELECT id FROM contact_groups WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, a.group.trim());
          if (!g) throw new ToolError(`contact group "${a.group.trim()}" not found`);
          where.push("EXISTS (SELECT 1 FROM contact_group_members gm WHERE gm.contact_id = c.id AND gm.group_id = ?)");
          params.push(g.id);
        }
        if (a.favorites_only) where.push("c.is_favorite = 1");
        const from = `FROM contacts c WHERE ${where.join(" AND ")}`;
        const res = page(
          ctx.db,
          `SELECT c.id AS contact_id, c.full_name, c.email, c.company, c.job_title, c.phone, c.is_favorite,
             (SELECT group_concat(g.name, char(31)) FROM contact_group_members gm JOIN contact_groups g ON g.id = gm.group_id WHERE gm.contact_id = c.id) AS group_list
           ${from} ORDER BY c.full_name, c.id`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
        return {
          ...res,
          items: res.items.map((r) => {
            const { group_list, is_favorite, ...rest } = r as Record<string, unknown>;
            return { ...rest, is_favorite: is_favorite === 1, groups: split(group_list) };
          }),
        };
      },
    }),

    create_contact: tool({
      description: "Add a contact. Returns the new contact with its contact_id. Errors if the email is invalid or a contact with that email already exists.",
      input: v.object({
        full_name: v.pipe(v.string(), v.minLength(1), v.maxLength(120), v.description("The person's full name.")),
        email: v.pipe(v.string(), v.description("Their email address.")),
        company: OptionalText("Company or organisation."),
        job_title: OptionalText("Job title."),
        phone: OptionalText("Phone number."),
        notes: OptionalText("Free-text notes."),
        is_favorite: v.optional(v.pipe(v.boolean(), v.description("Mark as a favourite (default false).")), false),
      }),
      handler: (a, ctx) => {
        const name = a.full_name.trim();
        if (!name) throw new ToolError("full_name is empty");
        const e = normEmail(a.email);
        const dup = ctx.db.get<{ id: number; full_name: string }>("SELECT id, full_name FROM contacts WHERE user_id = ? AND email = ?", ctx.userId, e);
        if (dup) throw new ToolError(`${e} is already a contact (${dup.full_name}, contact ${dup.id})`);
        const clean = (s: string | undefined) => (s !== undefined && s.trim() ? s.trim() : null);
        const id = ctx.db.run(
          "INSERT INTO contacts (user_id, full_name, email, company, job_title, phone, notes, is_favorite, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ctx.userId, name, e, clean(a.company), clean(a.job_title), clean(a.phone), clean(a.notes), a.is_favorite ? 1 : 0, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        return contactDetail(ctx, id);
      },
    }),

    update_contact: tool({
      description: "Change a contact's details; only the fields given change (an empty string clears an optional field). Returns the updated contact. Errors if the contact does not exist or the new email belongs to another contact.",
      input: v.object({
        contact_id: Id("The contact's id (from search_contacts)."),
        full_name: OptionalText("New full name."),
        email: OptionalText("New email address."),
        company: OptionalText("New company."),
        job_title: OptionalText("New job title."),
        phone: OptionalText("New phone number."),
        notes: OptionalText("New notes."),
        is_favorite: OptionalBool("Favourite or not."),
      }),
      handler: (a, ctx) => {
        const c = getContact(ctx, a.contact_id);
        const name = a.full_name !== undefined ? a.full_name.trim() : c.full_name;
        if (!name) throw new ToolError("full_name cannot be empty");
        const email = a.email !== undefined ? normEmail(a.email) : c.email;
        if (email !== c.email.toLowerCase()) {
          const dup = ctx.db.get<{ id: number; full_name: string }>("SELECT id, full_name FROM contacts WHERE user_id = ? AND email = ? AND id <> ?", ctx.userId, email, c.id);
          if (dup) throw new ToolError(`${email} already belongs to contact ${dup.id} (${dup.full_name})`);
        }
        const pick = (given: string | undefined, cur: string | null) => (given === undefined ? cur : given.trim() ? given.trim() : null);
        ctx.db.run(
          "UPDATE contacts SET full_name = ?, email = ?, company = ?, job_title = ?, phone = ?, notes = ?, is_favorite = ?, updated_at = ? WHERE id = ?",
          name, email, pick(a.company, c.company), pick(a.job_title, c.job_title), pick(a.phone, c.phone), pick(a.notes, c.notes),
          a.is_favorite === undefined ? c.is_favorite : a.is_favorite ? 1 : 0, ctx.timestamp, c.id,
        );
        return contactDetail(ctx, c.id);
      },
    }),

    delete_contact: tool({
      description: "Delete a contact (it is also removed from every contact group; mail is not affected). Returns the deleted contact's id and name. Errors if the contact does not exist.",
      input: v.object({ contact_id: Id("The contact's id.") }),
      handler: ({ contact_id }, ctx) => {
        const c = getContact(ctx, contact_id);
        ctx.db.run("DELETE FROM contacts WHERE id = ?", c.id);
        return { deleted_contact_id: c.id, full_name: c.full_name, email: c.email };
      },
    }),

    list_contact_groups: tool({
      description: "List the user's contact groups (mailing lists), optionally filtered by a word in the name, with group_id and member count. Returns a page of groups.",
      input: v.object({
        query: v.optional(Text("Part of the group name, e.g. 'regional'. Empty lists all."), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT g.id AS group_id, g.name, g.description, (SELECT count(*) FROM contact_group_members gm WHERE gm.group_id = g.id) AS member_count
           FROM contact_groups g WHERE g.user_id = ? AND g.name LIKE ? ORDER BY g.name`,
          "SELECT count(*) AS n FROM contact_groups g WHERE g.user_id = ? AND g.name LIKE ?",
          [ctx.userId, `%${query.trim().replace(/[%_]/g, "")}%`],
          limit,
          offset,
        ),
    }),

    get_contact_group: tool({
      description: "Show one contact group with all its members (contact_id, name, email, company, title). Errors if the group does not exist.",
      input: v.object({ group_id: Id("The group's id (from list_contact_groups).") }),
      handler: ({ group_id }, ctx) => groupDetail(ctx, group_id),
    }),

    create_contact_group: tool({
      description: "Create a contact group, optionally with initial members. Returns the group with its members. Errors if a group with that name exists or a contact does not exist.",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("Group name, e.g. 'Offsite Planning'.")),
        description: OptionalText("What the group is for."),
        contact_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("A contact id."))), v.description("Contacts to add (from search_contacts).")), []),
      }),
      handler: ({ name, description, contact_ids }, ctx) => {
        const n = name.trim();
        if (!n) throw new ToolError("group name is empty");
        const dup = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM contact_groups WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, n);
        if (dup) throw new ToolError(`a contact group named "${dup.name}" already exists (group ${dup.id})`);
        const contacts = [...new Set(contact_ids)].map((id) => getContact(ctx, id));
        const id = ctx.db.run("INSERT INTO contact_groups (user_id, name, description, created_at) VALUES (?, ?, ?, ?)", ctx.userId, n, description?.trim() || null, ctx.timestamp).lastInsertRowid;
        for (const c of contacts) ctx.db.run("INSERT INTO contact_group_members (group_id, contact_id, added_at) VALUES (?, ?, ?)", id, c.id, ctx.timestamp);
        return groupDetail(ctx, id);
      },
    }),

    add_contacts_to_group: tool({
      description: "Add contacts to a contact group (contacts already in it are skipped). Returns the group with its members. Errors if the group or a contact does not exist.",
      input: v.object({
        group_id: Id("The group's id."),
        contact_ids: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("A contact id."))), v.minLength(1), v.description("Contacts to add (from search_contacts).")),
      }),
      handler: ({ group_id, contact_ids }, ctx) => {
        const g = getGroup(ctx, group_id);
        const contacts = [...new Set(contact_ids)].map((id) => getContact(ctx, id));
        const added: number[] = [];
        for (const c of contacts) {
          if (ctx.db.get("SELECT 1 FROM contact_group_members WHERE group_id = ? AND contact_id = ?", g.id, c.id)) continue;
          ctx.db.run("INSERT INTO contact_group_members (group_id, contact_id, added_at) VALUES (?, ?, ?)", g.id, c.id, ctx.timestamp);
          added.push(c.id);
        }
        return { added_contact_ids: added, ...groupDetail(ctx, g.id) };
      },
    }),

    remove_contact_from_group: tool({
      description: "Remove one contact from a contact group (the contact itself is kept). Returns the group with its remaining members. Errors if the group or contact does not exist or the contact is not in the group.",
      input: v.object({
        group_id: Id("The group's id."),
        contact_id: Id("The contact to remove from the group."),
      }),
      handler: ({ group_id, contact_id }, ctx) => {
        const g = getGroup(ctx, group_id);
        const c = getContact(ctx, contact_id);
        const n = ctx.db.run("DELETE FROM contact_group_members WHERE group_id = ? AND contact_id = ?", g.id, c.id).changes;
        if (n === 0) throw new ToolError(`${c.full_name} (contact ${c.id}) is not in the group "${g.name}"`);
        return { removed_contact_id: c.id, ...groupDetail(ctx, g.id) };
      },
    }),
  },
});
