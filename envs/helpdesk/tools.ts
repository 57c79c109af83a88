import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Constants and shared input pieces
// ---------------------------------------------------------------------------

const STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
const SETTABLE_STATUSES = ["open", "pending", "on_hold", "solved"] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const TYPES = ["question", "incident", "problem", "task"] as const;
const CHANNELS = ["email", "web", "chat", "phone", "api"] as const;
const PLANS = ["free", "starter", "growth", "enterprise"] as const;
const KB_BASE_URL = "https://help.ledgerly.com/hc/articles/";

type Status = (typeof STATUSES)[number];
type Priority = (typeof PRIORITIES)[number];

const OptId = (what: string) => v.optional(Id(what));
const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-18"), v.description(what));
const Text = (what: string, max = 5000) => v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(max), v.description(what));
const OptText = (what: string) => v.optional(v.pipe(v.string(), v.description(what)), "");
const TagList = (what: string) => v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("A tag, e.g. refund_approved."))), v.maxLength(20), v.description(what)), []);

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

interface TicketRow {
  id: number;
  subject: string;
  type: string;
  status: Status;
  priority: Priority;
  channel: string;
  requester_id: number;
  organization_id: number | null;
  assignee_id: number | null;
  group_id: number | null;
  problem_id: number | null;
  follow_up_of_id: number | null;
  sla_policy_id: number | null;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  first_responded_at: string | null;
  solved_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}
interface AgentRow {
  id: number;
  name: string;
  email: string;
  role: string;
  is_active: number;
}
interface GroupRow {
  id: number;
  name: string;
  is_restricted: number;
}
interface PolicyRow {
  id: number;
  name: string;
  plan: string;
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
}
interface MacroActionRow {
  position: number;
  action: string;
  value: string | null;
  group_id: number | null;
}
interface ArticleRow {
  id: number;
  title: string;
  slug: string;
  status: string;
  section: string;
}

// ---------------------------------------------------------------------------
// Helpers: paging, time, visibility
// ---------------------------------------------------------------------------

function toMs(ts: string): number {
  return Date.parse(`${ts.length === 10 ? `${ts} 00:00:00` : ts}`.replace(" ", "T") + "Z");
}
function addMinutes(ts: string, minutes: number): string {
  return new Date(toMs(ts) + minutes * 60000).toISOString().slice(0, 19).replace("T", " ");
}
function minutesBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / 60000);
}
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}
function dayStart(d: string): string {
  return `${d} 00:00:00`;
}
function dayEnd(d: string): string {
  return `${d} 23:59:59`;
}

/** SQL: the ticket (alias a) is not in a restricted group the user is not a member of. Needs one parameter: the user id. */
const VISIBLE = (a: string) =>
  `(${a}.group_id IS NULL OR ${a}.group_id NOT IN (SELECT g.id FROM support_groups g WHERE g.is_restricted = 1 AND g.id NOT IN (SELECT m.group_id FROM group_memberships m WHERE m.user_id = ?)))`;
/** SQL: first-response target missed (late reply, or none and past due). Needs one parameter: now. */
const FR_BREACHED = `(t.first_response_due_at IS NOT NULL AND COALESCE(t.first_responded_at, t.solved_at, ?) > t.first_response_due_at)`;
/** SQL: resolution target missed. Needs one parameter: now. */
const RES_BREACHED = `(t.resolution_due_at IS NOT NULL AND COALESCE(t.solved_at, ?) > t.resolution_due_at)`;

const TICKET_SUMMARY = `SELECT t.id AS ticket_id, t.subject, t.status, t.priority, t.type, t.channel,
    t.requester_id, c.name AS requester_name, t.organization_id, o.name AS organization_name,
    t.assignee_id, u.name AS assignee_name, t.group_id, g.name AS group_name, t.problem_id AS problem_ticket_id,
    t.created_at, t.updated_at,
    CASE WHEN ${FR_BREACHED} THEN 1 ELSE 0 END AS first_response_breached,
    CASE WHEN ${RES_BREACHED} THEN 1 ELSE 0 END AS resolution_breached`;
const TICKET_FROM = `FROM tickets t JOIN customers c ON c.id = t.requester_id LEFT JOIN organizations o ON o.id = t.organization_id
    LEFT JOIN users u ON u.id = t.assignee_id LEFT JOIN support_groups g ON g.id = t.group_id`;

const SORTS = {
  updated_desc: "t.updated_at DESC, t.id DESC",
  created_desc: "t.created_at DESC, t.id DESC",
  created_asc: "t.created_at, t.id",
  priority_desc: "CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END DESC, t.created_at, t.id",
  due_asc: "COALESCE(CASE WHEN t.first_responded_at IS NULL THEN t.first_response_due_at END, CASE WHEN t.solved_at IS NULL THEN t.resolution_due_at END, '9999') , t.id",
} as const;
type Sort = keyof typeof SORTS;

interface TicketFilters {
  status?: string;
  priority?: string;
  type?: string;
  channel?: string;
  assignee?: string;
  group_id?: number;
  organization_id?: number;
  organization?: string;
  requester_id?: number;
  requester?: string;
  tag?: string;
  text?: string;
  created_from?: string;
  created_to?: string;
  sla_breached?: string;
  problem_ticket_id?: number;
  sort: Sort;
}

function ticketPage(ctx: ToolContext, f: TicketFilters, limit: number, offset: number) {
  const where: string[] = [VISIBLE("t")];
  const params: (string | number | null)[] = [ctx.userId];
  if (f.status && f.status !== "any") {
    if (f.status === "unsolved") where.push("t.status IN ('new', 'open', 'pending', 'on_hold')");
    else {
      where.push("t.status = ?");
      params.push(f.status);
    }
  }
  for (const [col, val] of [["t.priority", f.priority], ["t.type", f.type], ["t.channel", f.channel]] as const) {
    if (val) {
      where.push(`${col} = ?`);
      params.push(val);
    }
  }
  const assignee = (f.assignee ?? "").trim();
  if (assignee) {
    if (assignee.toLowerCase() === "me") {
      where.push("t.assignee_id = ?");
      params.push(ctx.userId);
    } else if (assignee.toLowerCase() === "unassigned") where.push("t.assignee_id IS NULL");
    else {
      where.push("(u.name LIKE ? OR u.email LIKE ?)");
      params.push(`%${assignee}%`, `%${assignee}%`);
    }
  }
  if (f.group_id !== undefined) {
    where.push("t.group_id = ?");
    params.push(f.group_id);
  }
  if (f.organization_id !== undefined) {
    where.push("t.organization_id = ?");
    params.push(f.organization_id);
  }
  if (f.organization && f.organization.trim()) {
    where.push("o.name LIKE ?");
    params.push(`%${f.organization.trim()}%`);
  }
  if (f.requester_id !== undefined) {
    where.push("t.requester_id = ?");
    params.push(f.requester_id);
  }
  if (f.requester && f.requester.trim()) {
    where.push("(c.name LIKE ? OR c.email LIKE ?)");
    params.push(`%${f.requester.trim()}%`, `%${f.requester.trim()}%`);
  }
  if (f.tag && f.tag.trim()) {
    where.push("EXISTS (SELECT 1 FROM ticket_tags tt JOIN tags tg ON tg.id = tt.tag_id WHERE tt.ticket_id = t.id AND tg.name = ?)");
    params.push(f.tag.trim().toLowerCase());
  }
  for (const w of likeWords(f.text ?? "")) {
    where.push("(t.subject LIKE ? OR EXISTS (SELECT 1 FROM ticket_comments cm WHERE cm.ticket_id = t.id AND cm.body LIKE ?))");
    params.push(w, w);
  }
  if (f.created_from) {
    where.push("t.created_at >= ?");
    params.push(dayStart(f.created_from));
  }
  if (f.created_to) {
    where.push("t.created_at <= ?");
    params.push(dayEnd(f.created_to));
  }
  if (f.sla_breached === "first_response" || f.sla_breached === "any") {
    if (f.sla_breached === "any") {
      where.push(`(${FR_BREACHED} OR ${RES_BREACHED})`);
      params.push(ctx.timestamp, ctx.timestamp);
    } else {
      where.push(FR_BREACHED);
      params.push(ctx.timestamp);
    }
  } else if (f.sla_breached === "resolution") {
    where.push(RES_BREACHED);
    params.push(ctx.timestamp);
  }
  if (f.problem_ticket_id !== undefined) {
    where.push("t.problem_id = ?");
    params.push(f.problem_ticket_id);
  }
  const whereSql = `WHERE ${where.join(" AND ")}`;
  const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${TICKET_FROM} ${whereSql}`, ...params)!.n;
  // The summary's two breach flags take "now" before the WHERE parameters.
  const items = ctx.db.all(`${TICKET_SUMMARY} ${TICKET_FROM} ${whereSql} ORDER BY ${SORTS[f.sort]} LIMIT ? OFFSET ?`, ctx.timestamp, ctx.timestamp, ...params, limit, offset);
  return { items, total, limit, offset, next_offset: offset + items.length < total ? offset + items.length : null };
}

// ---------------------------------------------------------------------------
// Helpers: tickets, agents, groups
// ---------------------------------------------------------------------------

function getTicket(ctx: ToolContext, ticketId: number): TicketRow {
  const t = ctx.db.get<TicketRow>(`SELECT t.* FROM tickets t WHERE t.id = ? AND ${VISIBLE("t")}`, ticketId, ctx.userId);
  if (!t) throw new ToolError(`ticket ${ticketId} not found`);
  return t;
}

function writableTicket(ctx: ToolContext, ticketId: number): TicketRow {
  const t = getTicket(ctx, ticketId);
  if (t.status === "closed") throw new ToolError(`ticket ${ticketId} is closed and read-only; open a follow-up with create_ticket (follow_up_of_ticket_id) instead`);
  return t;
}

function reload(ctx: ToolContext, ticketId: number): TicketRow {
  return ctx.db.get<TicketRow>("SELECT * FROM tickets WHERE id = ?", ticketId)!;
}

function getAgent(ctx: ToolContext, userId: number): AgentRow {
  const a = ctx.db.get<AgentRow>("SELECT id, name, email, role, is_active FROM users WHERE id = ?", userId);
  if (!a) throw new ToolError(`agent ${userId} not found`);
  return a;
}

function getGroup(ctx: ToolContext, groupId: number): GroupRow {
  const g = ctx.db.get<GroupRow>("SELECT id, name, is_restricted FROM support_groups WHERE id = ?", groupId);
  if (!g) throw new ToolError(`group ${groupId} not found`);
  return g;
}

function isMember(ctx: ToolContext, userId: number, groupId: number): boolean {
  return !!ctx.db.get("SELECT 1 FROM group_memberships WHERE user_id = ? AND group_id = ?", userId, groupId);
}

function groupNamesOf(ctx: ToolContext, userId: number): string {
  return (
    ctx.db
      .all<{ name: string }>("SELECT g.name FROM group_memberships m JOIN support_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY m.is_default DESC, g.name", userId)
      .map((g) => g.name)
      .join(", ") || "none"
  );
}

function defaultGroupOf(ctx: ToolContext, userId: number): number | null {
  return ctx.db.get<{ group_id: number }>("SELECT group_id FROM group_memberships WHERE user_id = ? ORDER BY is_default DESC, group_id LIMIT 1", userId)?.group_id ?? null;
}

function audit(ctx: ToolContext, ticketId: number, field: string, oldValue: unknown, newValue: unknown) {
  const o = oldValue === null || oldValue === undefined ? null : String(oldValue);
  const n = newValue === null || newValue === undefined ? null : String(newValue);
  if (o === n) return;
  ctx.db.run("INSERT INTO ticket_audits (ticket_id, user_id, field, old_value, new_value, created_at) VALUES (?, ?, ?, ?, ?, ?)", ticketId, ctx.userId, field, o, n, ctx.timestamp);
}

function touch(ctx: ToolContext, ticketId: number) {
  ctx.db.run("UPDATE tickets SET updated_at = ? WHERE id = ? AND updated_at < ?", ctx.timestamp, ticketId, ctx.timestamp);
}

function planOf(ctx: ToolContext, organizationId: number | null): string {
  if (organizationId === null) return "free";
  return ctx.db.get<{ plan: string }>("SELECT plan FROM organizations WHERE id = ?", organizationId)?.plan ?? "free";
}

function policyFor(ctx: ToolContext, plan: string, priority: string): PolicyRow {
  return ctx.db.get<PolicyRow>("SELECT * FROM sla_policies WHERE plan = ? AND priority = ?", plan, priority)!;
}

/** Validates that an agent can be given tickets. */
function assignableAgent(ctx: ToolContext, userId: number): AgentRow {
  const a = getAgent(ctx, userId);
  if (!a.is_active) throw new ToolError(`${a.name} (agent ${a.id}) is deactivated and can't be assigned tickets`);
  if (a.role === "light_agent") throw new ToolError(`${a.name} (agent ${a.id}) is a light agent and can't be assigned tickets`);
  return a;
}

/**
 * Changes a ticket's group and/or assignee. assigneeId 0 unassigns. The assignee must belong to the
 * ticket's (new) group; moving to a group the assignee is not in unassigns the ticket. Assigning a new
 * ticket opens it.
 */
function assign(ctx: ToolContext, t: TicketRow, groupId: number | undefined, assigneeId: number | undefined) {
  let newGroup = t.group_id;
  let newAssignee = t.assignee_id;
  const notes: string[] = [];
  if (groupId !== undefined) {
    getGroup(ctx, groupId);
    newGroup = groupId;
  }
  if (assigneeId !== undefined && assigneeId > 0) {
    const a = assignableAgent(ctx, assigneeId);
    if (groupId === undefined && newGroup === null) newGroup = defaultGroupOf(ctx, a.id);
    if (newGroup !== null && !isMember(ctx, a.id, newGroup)) {
      const gname = getGroup(ctx, newGroup).name;
      throw new ToolError(
        groupId === undefined
          ? `${a.name} is not a member of ${gname} (ticket ${t.id}'s group); pass group_id to move it to one of their groups: ${groupNamesOf(ctx, a.id)}`
          : `${a.name} is not a member of ${gname}; their groups: ${groupNamesOf(ctx, a.id)}`,
      );
    }
    newAssignee = a.id;
  } else if (assigneeId === 0) {
    newAssignee = null;
  } else if (newAssignee !== null && newGroup !== null && newGroup !== t.group_id && !isMember(ctx, newAssignee, newGroup)) {
    notes.push(`the previous assignee is not in the new group, so ticket ${t.id} is now unassigned`);
    newAssignee = null;
  }
  let newStatus: Status = t.status;
  if (newAssignee !== null && t.status === "new") newStatus = "open";
  if (newAssignee === null && t.status === "solved") throw new ToolError(`ticket ${t.id} is solved and must keep an assignee`);
  if (newGroup === t.group_id && newAssignee === t.assignee_id && newStatus === t.status) return notes;
  ctx.db.run("UPDATE tickets SET group_id = ?, assignee_id = ?, status = ?, updated_at = ? WHERE id = ?", newGroup, newAssignee, newStatus, ctx.timestamp, t.id);
  audit(ctx, t.id, "group_id", t.group_id, newGroup);
  audit(ctx, t.id, "assignee_id", t.assignee_id, newAssignee);
  audit(ctx, t.id, "status", t.status, newStatus);
  return notes;
}

/** Unsolved tickets you can see whose column (requester_id, organization_id, assignee_id) equals the id. */
function unsolvedCount(ctx: ToolContext, column: "requester_id" | "organization_id" | "assignee_id", id: number): number {
  return ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM tickets t WHERE t.${column} = ? AND t.status IN ('new','open','pending','on_hold') AND ${VISIBLE("t")}`, id, ctx.userId)!.n;
}

function hasPublicAgentReply(ctx: ToolContext, ticketId: number): boolean {
  return !!ctx.db.get("SELECT 1 FROM ticket_comments WHERE ticket_id = ? AND is_public = 1 AND author_user_id IS NOT NULL", ticketId);
}

/** Sets a status with the helpdesk rules (solving needs a public reply and an assignee; solving an unassigned ticket assigns it to you). */
function setStatus(ctx: ToolContext, ticketId: number, status: (typeof SETTABLE_STATUSES)[number]) {
  let t = reload(ctx, ticketId);
  if (t.status === status) return;
  if (t.status === "closed") throw new ToolError(`ticket ${ticketId} is closed and read-only`);
  if (status === "solved") {
    if (!hasPublicAgentReply(ctx, ticketId)) throw new ToolError(`ticket ${ticketId} has no public reply yet; reply to the requester before solving it`);
    if (t.assignee_id === null) {
      if (t.group_id !== null && !isMember(ctx, ctx.userId, t.group_id)) {
        throw new ToolError(`ticket ${ticketId} is unassigned and you are not in its group (${getGroup(ctx, t.group_id).name}); assign it before solving`);
      }
      assign(ctx, t, undefined, ctx.userId);
      t = reload(ctx, ticketId);
      if (t.status === status) return;
    }
  }
  const solvedAt = status === "solved" ? ctx.timestamp : null;
  ctx.db.run("UPDATE tickets SET status = ?, solved_at = ?, updated_at = ? WHERE id = ?", status, solvedAt, ctx.timestamp, ticketId);
  audit(ctx, ticketId, "status", t.status, status);
}

/** Adds an agent comment as the current user. A first public reply records the first response and opens a new ticket. */
function addAgentComment(ctx: ToolContext, ticketId: number, body: string, isPublic: boolean): number {
  const t = reload(ctx, ticketId);
  const id = ctx.db.run(
    "INSERT INTO ticket_comments (ticket_id, author_user_id, author_customer_id, is_public, body, created_at) VALUES (?, ?, NULL, ?, ?, ?)",
    ticketId,
    ctx.userId,
    isPublic ? 1 : 0,
    body,
    ctx.timestamp,
  ).lastInsertRowid;
  if (isPublic && t.first_responded_at === null) ctx.db.run("UPDATE tickets SET first_responded_at = ? WHERE id = ?", ctx.timestamp, ticketId);
  touch(ctx, ticketId);
  return id;
}

function normTag(raw: string): string {
  const tag = raw.trim().toLowerCase().replace(/\s+/g, "_");
  if (!/^[a-z0-9][a-z0-9_:.-]{0,49}$/.test(tag)) throw new ToolError(`'${raw}' is not a valid tag: use letters, digits, _ - : or . (max 50 characters)`);
  return tag;
}

function tagsOf(ctx: ToolContext, ticketId: number): string[] {
  return ctx.db.all<{ name: string }>("SELECT tg.name FROM ticket_tags tt JOIN tags tg ON tg.id = tt.tag_id WHERE tt.ticket_id = ? ORDER BY tg.name", ticketId).map((r) => r.name);
}

function addTag(ctx: ToolContext, ticketId: number, raw: string): boolean {
  const name = normTag(raw);
  let tag = ctx.db.get<{ id: number }>("SELECT id FROM tags WHERE name = ?", name);
  if (!tag) tag = { id: ctx.db.run("INSERT INTO tags (name, created_at) VALUES (?, ?)", name, ctx.timestamp).lastInsertRowid };
  if (ctx.db.get("SELECT 1 FROM ticket_tags WHERE ticket_id = ? AND tag_id = ?", ticketId, tag.id)) return false;
  ctx.db.run("INSERT INTO ticket_tags (ticket_id, tag_id, created_at) VALUES (?, ?, ?)", ticketId, tag.id, ctx.timestamp);
  return true;
}

function removeTag(ctx: ToolContext, ticketId: number, raw: string): boolean {
  const name = raw.trim().toLowerCase().replace(/\s+/g, "_");
  const tag = ctx.db.get<{ id: number }>("SELECT id FROM tags WHERE name = ?", name);
  if (!tag) return false;
  return ctx.db.run("DELETE FROM ticket_tags WHERE ticket_id = ? AND tag_id = ?", ticketId, tag.id).changes > 0;
}

function changeTags(ctx: ToolContext, ticketId: number, add: string[], remove: string[]) {
  const added: string[] = [];
  const removed: string[] = [];
  for (const t of add) if (addTag(ctx, ticketId, t)) added.push(normTag(t));
  for (const t of remove) if (removeTag(ctx, ticketId, t)) removed.push(t.trim().toLowerCase().replace(/\s+/g, "_"));
  if (added.length) audit(ctx, ticketId, "tags_added", null, added.join(" "));
  if (removed.length) audit(ctx, ticketId, "tags_removed", removed.join(" "), null);
  if (added.length || removed.length) touch(ctx, ticketId);
  return { added, removed };
}

/** Changes priority and re-applies the SLA policy for the new priority (targets count from the ticket's creation). */
function setPriority(ctx: ToolContext, t: TicketRow, priority: Priority) {
  if (t.priority === priority) return;
  const pol = policyFor(ctx, planOf(ctx, t.organization_id), priority);
  ctx.db.run(
    "UPDATE tickets SET priority = ?, sla_policy_id = ?, first_response_due_at = ?, resolution_due_at = ?, updated_at = ? WHERE id = ?",
    priority,
    pol.id,
    addMinutes(t.created_at, pol.first_response_minutes),
    addMinutes(t.created_at, pol.resolution_minutes),
    ctx.timestamp,
    t.id,
  );
  audit(ctx, t.id, "priority", t.priority, priority);
}

function setType(ctx: ToolContext, t: TicketRow, type: string) {
  if (t.type === type) return;
  if (t.type === "problem" && ctx.db.get("SELECT 1 FROM tickets WHERE problem_id = ?", t.id)) {
    throw new ToolError(`ticket ${t.id} is a problem ticket with linked incidents; unlink them before changing its type`);
  }
  if (t.problem_id !== null && type !== "incident") throw new ToolError(`ticket ${t.id} is linked to problem ticket ${t.problem_id}; unlink it before changing its type`);
  ctx.db.run("UPDATE tickets SET type = ?, updated_at = ? WHERE id = ?", type, ctx.timestamp, t.id);
  audit(ctx, t.id, "type", t.type, type);
}

function slaMetric(target: number | null, due: string | null, achieved: string | null, fallback: string | null, now: string) {
  if (!due) return null;
  if (achieved) {
    const late = achieved > due;
    return { target_minutes: target, due_at: due, achieved_at: achieved, status: late ? "breached" : "met", minutes_late: late ? minutesBetween(due, achieved) : 0 };
  }
  if (fallback) {
    const late = fallback > due;
    return { target_minutes: target, due_at: due, achieved_at: null, status: late ? "breached" : "not_needed", minutes_late: late ? minutesBetween(due, fallback) : 0 };
  }
  if (now > due) return { target_minutes: target, due_at: due, achieved_at: null, status: "breached", minutes_overdue: minutesBetween(due, now) };
  return { target_minutes: target, due_at: due, achieved_at: null, status: "active", minutes_remaining: minutesBetween(now, due) };
}

function slaInfo(ctx: ToolContext, t: TicketRow) {
  const pol = t.sla_policy_id === null ? undefined : ctx.db.get<PolicyRow>("SELECT * FROM sla_policies WHERE id = ?", t.sla_policy_id);
  return {
    policy: pol ? { sla_policy_id: pol.id, name: pol.name, plan: pol.plan, priority: pol.priority } : null,
    first_response: slaMetric(pol?.first_response_minutes ?? null, t.first_response_due_at, t.first_responded_at, t.solved_at, ctx.timestamp),
    resolution: slaMetric(pol?.resolution_minutes ?? null, t.resolution_due_at, t.solved_at, null, ctx.timestamp),
  };
}

function fieldValues(ctx: ToolContext, ticketId: number) {
  return ctx.db.all<{ key: string; title: string; value: string; label: string | null }>(
    `SELECT f.key, f.title, v.value, o.label FROM ticket_field_values v JOIN custom_fields f ON f.id = v.field_id
     LEFT JOIN custom_field_options o ON o.field_id = f.id AND o.value = v.value WHERE v.ticket_id = ? ORDER BY f.position`,
    ticketId,
  );
}

/** Sets (or with an empty value clears) a custom field; validates dropdown options. Returns the stored value or null. */
function setField(ctx: ToolContext, ticketId: number, key: string, rawValue: string): string | null {
  const f = ctx.db.get<{ id: number; key: string; field_type: string; title: string }>("SELECT id, key, field_type, title FROM custom_fields WHERE key = ? AND is_active = 1", key.trim());
  if (!f) {
    const keys = ctx.db.all<{ key: string }>("SELECT key FROM custom_fields WHERE is_active = 1 ORDER BY position").map((r) => r.key);
    throw new ToolError(`custom field '${key}' not found; fields: ${keys.join(", ")}`);
  }
  const old = ctx.db.get<{ value: string }>("SELECT value FROM ticket_field_values WHERE ticket_id = ? AND field_id = ?", ticketId, f.id)?.value ?? null;
  const raw = rawValue.trim();
  let value: string | null = raw === "" ? null : raw;
  if (value !== null && f.field_type === "dropdown") {
    const opt = ctx.db.get<{ value: string }>("SELECT value FROM custom_field_options WHERE field_id = ? AND (lower(value) = lower(?) OR lower(label) = lower(?))", f.id, value, value);
    if (!opt) {
      const opts = ctx.db.all<{ value: string; label: string }>("SELECT value, label FROM custom_field_options WHERE field_id = ? ORDER BY position", f.id);
      throw new ToolError(`'${raw}' is not an option of ${f.title}; options: ${opts.map((o) => `${o.value} (${o.label})`).join(", ")}`);
    }
    value = opt.value;
  }
  if (value !== null && value.length > 200) throw new ToolError(`${f.title} is limited to 200 characters`);
  if (value === old) return value;
  if (value === null) ctx.db.run("DELETE FROM ticket_field_values WHERE ticket_id = ? AND field_id = ?", ticketId, f.id);
  else
    ctx.db.run(
      "INSERT INTO ticket_field_values (ticket_id, field_id, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id, field_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      ticketId,
      f.id,
      value,
      ctx.timestamp,
    );
  audit(ctx, ticketId, `field:${f.key}`, old, value);
  touch(ctx, ticketId);
  return value;
}

function ticketBrief(ctx: ToolContext, ticketId: number) {
  const t = reload(ctx, ticketId);
  const assignee = t.assignee_id === null ? null : ctx.db.get<{ name: string }>("SELECT name FROM users WHERE id = ?", t.assignee_id)!.name;
  const group = t.group_id === null ? null : ctx.db.get<{ name: string }>("SELECT name FROM support_groups WHERE id = ?", t.group_id)!.name;
  return {
    ticket_id: t.id,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    type: t.type,
    assignee_id: t.assignee_id,
    assignee_name: assignee,
    group_id: t.group_id,
    group_name: group,
    problem_ticket_id: t.problem_id,
    tags: tagsOf(ctx, t.id),
    updated_at: t.updated_at,
  };
}

function ticketDetail(ctx: ToolContext, ticketId: number) {
  const t = getTicket(ctx, ticketId);
  const requester = ctx.db.get<Record<string, unknown>>("SELECT id AS customer_id, name, email, phone, job_title FROM customers WHERE id = ?", t.requester_id)!;
  const org = t.organization_id === null ? null : ctx.db.get<Record<string, unknown>>("SELECT id AS organization_id, name, plan FROM organizations WHERE id = ?", t.organization_id);
  const comments = ctx.db.all(
    `SELECT cm.id AS comment_id, CASE WHEN cm.author_user_id IS NOT NULL THEN 'agent' ELSE 'customer' END AS author_type,
       COALESCE(u.name, c.name) AS author_name, cm.is_public AS public, cm.body, cm.created_at
     FROM ticket_comments cm LEFT JOIN users u ON u.id = cm.author_user_id LEFT JOIN customers c ON c.id = cm.author_customer_id
     WHERE cm.ticket_id = ? ORDER BY cm.created_at, cm.id`,
    t.id,
  );
  const mergedInto = ctx.db.get<{ target_ticket_id: number }>("SELECT target_ticket_id FROM ticket_merges WHERE source_ticket_id = ?", t.id)?.target_ticket_id ?? null;
  return {
    ...ticketBrief(ctx, t.id),
    channel: t.channel,
    requester: requester,
    organization: org ?? null,
    follow_up_of_ticket_id: t.follow_up_of_id,
    incident_ticket_ids: t.type === "problem" ? ctx.db.all<{ id: number }>("SELECT id FROM tickets WHERE problem_id = ? ORDER BY id", t.id).map((r) => r.id) : [],
    merged_into_ticket_id: mergedInto,
    merged_from_ticket_ids: ctx.db.all<{ s: number }>("SELECT source_ticket_id AS s FROM ticket_merges WHERE target_ticket_id = ? ORDER BY id", t.id).map((r) => r.s),
    custom_fields: fieldValues(ctx, t.id),
    sla: slaInfo(ctx, t),
    satisfaction: ctx.db.get("SELECT score, comment, created_at FROM satisfaction_ratings WHERE ticket_id = ?", t.id) ?? null,
    linked_articles: ctx.db.all(
      "SELECT a.id AS article_id, a.title, ta.shared_with_requester, ta.created_at FROM ticket_articles ta JOIN kb_articles a ON a.id = ta.article_id WHERE ta.ticket_id = ? ORDER BY ta.id",
      t.id,
    ),
    time_logged_minutes: ctx.db.get<{ n: number }>("SELECT COALESCE(SUM(minutes), 0) AS n FROM time_entries WHERE ticket_id = ?", t.id)!.n,
    created_at: t.created_at,
    solved_at: t.solved_at,
    closed_at: t.closed_at,
    comments,
  };
}

function render(ctx: ToolContext, t: TicketRow, text: string): string {
  const req = ctx.db.get<{ name: string }>("SELECT name FROM customers WHERE id = ?", t.requester_id)!;
  const me = ctx.db.get<{ name: string }>("SELECT name FROM users WHERE id = ?", ctx.userId)!;
  const org = t.organization_id === null ? "" : (ctx.db.get<{ name: string }>("SELECT name FROM organizations WHERE id = ?", t.organization_id)?.name ?? "");
  const values: Record<string, string> = {
    "requester.first_name": firstName(req.name),
    "requester.name": req.name,
    "current_user.name": me.name,
    "current_user.first_name": firstName(me.name),
    "ticket.id": String(t.id),
    "ticket.subject": t.subject,
    "organization.name": org,
  };
  return text.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (m, key: string) => values[key] ?? m);
}

function visibleMacro(ctx: ToolContext, macroId: number) {
  const m = ctx.db.get<{ id: number; title: string; description: string; owner_id: number | null; is_active: number; usage_count: number }>(
    "SELECT id, title, description, owner_id, is_active, usage_count FROM macros WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)",
    macroId,
    ctx.userId,
  );
  if (!m) throw new ToolError(`macro ${macroId} not found`);
  return m;
}

function macroActions(ctx: ToolContext, macroId: number) {
  return ctx.db.all<MacroActionRow>("SELECT position, action, value, group_id FROM macro_actions WHERE macro_id = ? ORDER BY position", macroId);
}

function describeAction(ctx: ToolContext, a: MacroActionRow): string {
  switch (a.action) {
    case "set_group":
      return `set group to ${ctx.db.get<{ name: string }>("SELECT name FROM support_groups WHERE id = ?", a.group_id)?.name ?? a.group_id}`;
    case "assign_to_me":
      return "assign to the agent applying it";
    case "public_reply":
      return `public reply: ${a.value}`;
    case "internal_note":
      return `internal note: ${a.value}`;
    default:
      return `${a.action.replace("_", " ")}: ${a.value}`;
  }
}

function getArticle(ctx: ToolContext, articleId: number): ArticleRow {
  const a = ctx.db.get<ArticleRow>("SELECT a.id, a.title, a.slug, a.status, s.name AS section FROM kb_articles a JOIN kb_sections s ON s.id = a.section_id WHERE a.id = ?", articleId);
  if (!a) throw new ToolError(`article ${articleId} not found`);
  return a;
}

function articleUrl(a: { id: number; slug: string }): string {
  return `${KB_BASE_URL}${a.id}-${a.slug}`;
}

function getCustomer(ctx: ToolContext, customerId: number) {
  const c = ctx.db.get<{ id: number; name: string; email: string; organization_id: number | null }>("SELECT id, name, email, organization_id FROM customers WHERE id = ?", customerId);
  if (!c) throw new ToolError(`customer ${customerId} not found`);
  return c;
}

function getOrganization(ctx: ToolContext, organizationId: number) {
  const o = ctx.db.get<{ id: number; name: string; plan: string }>("SELECT id, name, plan FROM organizations WHERE id = ?", organizationId);
  if (!o) throw new ToolError(`organization ${organizationId} not found`);
  return o;
}

function checkEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new ToolError(`'${email}' is not a valid email address`);
  return e;
}

function viewFilters(view: { status_filter: string | null; priority_filter: string | null; group_id: number | null; assignee_filter: string | null; tag_filter: string | null; sort: string }): TicketFilters {
  return {
    status: view.status_filter ?? undefined,
    priority: view.priority_filter ?? undefined,
    group_id: view.group_id ?? undefined,
    assignee: view.assignee_filter ?? undefined,
    tag: view.tag_filter ?? undefined,
    sort: (view.sort in SORTS ? view.sort : "updated_desc") as Sort,
  };
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- tickets: find and read -----
    search_tickets: tool({
      description:
        "Search tickets you can see with any combination of filters: status ('unsolved' = new/open/pending/on_hold), priority, type, channel, assignee ('me', 'unassigned' or part of an agent's name), group, organization, requester, tag, words in the subject or conversation, creation date range, SLA breached and problem link. Returns a page of ticket summaries with requester, organization, assignee, group and SLA breach flags.",
      input: v.object({
        text: OptText("Words that must all appear in the subject or a comment, e.g. 'quickbooks duplicate'."),
        status: v.optional(v.pipe(v.picklist([...STATUSES, "unsolved", "any"]), v.description("Status filter; 'unsolved' = new, open, pending or on_hold (default any).")), "any"),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("Only this priority."))),
        type: v.optional(v.pipe(v.picklist(TYPES), v.description("Only this ticket type."))),
        channel: v.optional(v.pipe(v.picklist(CHANNELS), v.description("Only tickets that came in through this channel."))),
        assignee: OptText("'me', 'unassigned', or part of an agent's name or email."),
        group_id: OptId("Only tickets in this group (see list_groups)."),
        organization_id: OptId("Only tickets of this organization (see search_organizations)."),
        organization: OptText("Part of the organization's name, e.g. 'Acme Corp'. Note that a partial name can match several organizations."),
        requester_id: OptId("Only tickets requested by this customer."),
        requester: OptText("Part of the requester's name or email."),
        tag: OptText("Only tickets with this exact tag."),
        created_from: v.optional(DateText("Created on or after this date (YYYY-MM-DD, UTC).")),
        created_to: v.optional(DateText("Created on or before this date (YYYY-MM-DD, UTC).")),
        sla_breached: v.optional(v.pipe(v.picklist(["first_response", "resolution", "any"]), v.description("Only tickets whose first-response and/or resolution SLA target was missed."))),
        problem_ticket_id: OptId("Only incidents linked to this problem ticket."),
        sort: v.optional(v.pipe(v.picklist(Object.keys(SORTS) as Sort[]), v.description("Sort order (default updated_desc). due_asc = next SLA deadline first.")), "updated_desc"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const { limit, offset, ...filters } = a;
        return ticketPage(ctx, filters, limit, offset);
      },
    }),

    get_ticket: tool({
      description:
        "Get one ticket with everything about it: requester and organization, assignee, group, tags, custom fields, SLA targets and their status, satisfaction rating, problem/incident and merge links, linked help-center articles, time logged and the full conversation (public replies and internal notes). Errors if the ticket does not exist or is in a restricted group you are not in.",
      input: v.object({ ticket_id: Id("The ticket number, e.g. 4459.") }),
      handler: ({ ticket_id }, ctx) => ticketDetail(ctx, ticket_id),
    }),

    get_ticket_history: tool({
      description: "List a ticket's change history (status, priority, assignee, group, tags, fields, links) oldest first, with who changed what and when. Errors if the ticket does not exist.",
      input: v.object({ ticket_id: Id("The ticket number.") }),
      handler: ({ ticket_id }, ctx) => {
        getTicket(ctx, ticket_id);
        return {
          ticket_id,
          events: ctx.db.all(
            "SELECT a.id AS audit_id, a.field, a.old_value, a.new_value, COALESCE(u.name, 'System') AS changed_by, a.created_at FROM ticket_audits a LEFT JOIN users u ON u.id = a.user_id WHERE a.ticket_id = ? ORDER BY a.created_at, a.id",
            ticket_id,
          ),
        };
      },
    }),

    // ----- conversation -----
    reply_to_ticket: tool({
      description:
        "Post a public reply to the requester on a ticket, optionally changing the status in the same step (e.g. 'pending' while waiting for the customer, 'solved' when done). A reply to a new ticket opens it. Returns the comment id and the ticket's new state. Errors if the ticket is closed, or if solving is not allowed.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        body: Text("The reply text the customer will see."),
        status: v.optional(v.pipe(v.picklist(SETTABLE_STATUSES), v.description("Status to set after replying (default: unchanged; a new ticket becomes open)."))),
      }),
      handler: ({ ticket_id, body, status }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        const commentId = addAgentComment(ctx, ticket_id, body.trim(), true);
        if (status) setStatus(ctx, ticket_id, status);
        else if (t.status === "new") setStatus(ctx, ticket_id, "open");
        return { comment_id: commentId, public: true, ticket: ticketBrief(ctx, ticket_id) };
      },
    }),

    add_internal_note: tool({
      description: "Add an internal note to a ticket (visible to agents only; the customer is not notified). Returns the comment id. Errors if the ticket is closed.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        body: Text("The note text."),
      }),
      handler: ({ ticket_id, body }, ctx) => {
        writableTicket(ctx, ticket_id);
        const commentId = addAgentComment(ctx, ticket_id, body.trim(), false);
        return { comment_id: commentId, public: false, ticket_id };
      },
    }),

    // ----- ticket fields -----
    update_ticket: tool({
      description:
        "Change a ticket's status, priority, type and/or subject; fields left out stay as they are. Changing priority re-applies the SLA policy for the new priority. Rules: 'new' and 'closed' cannot be set; solving needs a public reply on the ticket (an unassigned ticket is assigned to you when you solve it). Returns the updated ticket summary. Errors if the ticket is closed or a rule is broken.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        status: v.optional(v.pipe(v.picklist(SETTABLE_STATUSES), v.description("New status."))),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("New priority."))),
        type: v.optional(v.pipe(v.picklist(TYPES), v.description("New type."))),
        subject: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.description("New subject."))),
      }),
      handler: ({ ticket_id, status, priority, type, subject }, ctx) => {
        let t = writableTicket(ctx, ticket_id);
        if (status === undefined && priority === undefined && type === undefined && subject === undefined) throw new ToolError("nothing to change: give status, priority, type or subject");
        if (subject !== undefined && subject.trim() !== t.subject) {
          ctx.db.run("UPDATE tickets SET subject = ?, updated_at = ? WHERE id = ?", subject.trim(), ctx.timestamp, t.id);
          audit(ctx, t.id, "subject", t.subject, subject.trim());
        }
        if (type !== undefined) setType(ctx, reload(ctx, t.id), type);
        if (priority !== undefined) setPriority(ctx, reload(ctx, t.id), priority);
        if (status !== undefined) setStatus(ctx, t.id, status);
        t = reload(ctx, t.id);
        return { ...ticketBrief(ctx, t.id), sla: slaInfo(ctx, t) };
      },
    }),

    assign_ticket: tool({
      description:
        "Assign a ticket to a group and/or an agent (assignee_id 0 unassigns). The agent must be active, not a light agent, and a member of the ticket's group; with no group given, an ungrouped ticket goes to the agent's default group. Moving a ticket to a group its assignee is not in unassigns it. Assigning a new ticket opens it. Returns the ticket summary. Errors if the ticket is closed or a rule is broken.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        group_id: OptId("Group to move the ticket to (see list_groups)."),
        assignee_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Agent to assign (see list_agents), or 0 to unassign."))),
      }),
      handler: ({ ticket_id, group_id, assignee_id }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        if (group_id === undefined && assignee_id === undefined) throw new ToolError("nothing to change: give group_id and/or assignee_id");
        const notes = assign(ctx, t, group_id, assignee_id);
        return { ...ticketBrief(ctx, ticket_id), notes };
      },
    }),

    bulk_update_tickets: tool({
      description:
        "Apply the same change to several tickets at once, all or nothing: group and/or assignee (same rules as assign_ticket), priority, status (same rules as update_ticket) and tags to add. Returns each ticket's new summary. Errors (and changes nothing) if any ticket is missing, closed, or breaks a rule.",
      input: v.object({
        ticket_ids: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1, "give at least one ticket"), v.maxLength(100), v.description("Ticket numbers to update.")),
        group_id: OptId("Group to move the tickets to."),
        assignee_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Agent to assign, or 0 to unassign."))),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("New priority."))),
        status: v.optional(v.pipe(v.picklist(SETTABLE_STATUSES), v.description("New status."))),
        add_tags: TagList("Tags to add to every ticket."),
      }),
      handler: ({ ticket_ids, group_id, assignee_id, priority, status, add_tags }, ctx) => {
        if (group_id === undefined && assignee_id === undefined && priority === undefined && status === undefined && add_tags.length === 0) {
          throw new ToolError("nothing to change: give group_id, assignee_id, priority, status or add_tags");
        }
        if (new Set(ticket_ids).size !== ticket_ids.length) throw new ToolError("a ticket is listed twice");
        for (const id of ticket_ids) writableTicket(ctx, id);
        const results = [];
        for (const id of ticket_ids) {
          const notes = group_id !== undefined || assignee_id !== undefined ? assign(ctx, reload(ctx, id), group_id, assignee_id) : [];
          if (priority !== undefined) setPriority(ctx, reload(ctx, id), priority);
          if (add_tags.length) changeTags(ctx, id, add_tags, []);
          if (status !== undefined) setStatus(ctx, id, status);
          results.push({ ...ticketBrief(ctx, id), notes });
        }
        return { updated: results.length, tickets: results };
      },
    }),

    add_tags: tool({
      description: "Add tags to a ticket (new tag names are created; names are lower-cased and spaces become underscores). Returns the tags added and the ticket's tags. Errors if the ticket is closed or a tag name is invalid.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        tags: v.pipe(v.array(v.pipe(v.string(), v.description("A tag, e.g. vip."))), v.minLength(1, "give at least one tag"), v.maxLength(20), v.description("Tags to add.")),
      }),
      handler: ({ ticket_id, tags }, ctx) => {
        writableTicket(ctx, ticket_id);
        const r = changeTags(ctx, ticket_id, tags, []);
        return { ticket_id, added: r.added, tags: tagsOf(ctx, ticket_id) };
      },
    }),

    remove_tags: tool({
      description: "Remove tags from a ticket. Returns the tags removed, those that were not on the ticket, and the ticket's tags. Errors if the ticket is closed.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        tags: v.pipe(v.array(v.pipe(v.string(), v.description("A tag to remove."))), v.minLength(1, "give at least one tag"), v.maxLength(20), v.description("Tags to remove.")),
      }),
      handler: ({ ticket_id, tags }, ctx) => {
        writableTicket(ctx, ticket_id);
        const r = changeTags(ctx, ticket_id, [], tags);
        const notPresent = tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, "_")).filter((t) => !r.removed.includes(t));
        return { ticket_id, removed: r.removed, not_present: notPresent, tags: tagsOf(ctx, ticket_id) };
      },
    }),

    list_tags: tool({
      description: "List tags in use, optionally those whose name contains some text, with how many tickets and unsolved tickets carry each. Returns a page of tags.",
      input: v.object({ query: OptText("Part of the tag name, e.g. 'refund'."), limit: Limit, offset: Offset }),
      handler: ({ query, limit, offset }, ctx) => {
        const p = page(
          ctx.db,
          `SELECT tg.id AS tag_id, tg.name, count(tt.ticket_id) AS ticket_count
           FROM tags tg LEFT JOIN ticket_tags tt ON tt.tag_id = tg.id
           WHERE tg.name LIKE ? GROUP BY tg.id ORDER BY ticket_count DESC, tg.name`,
          "SELECT count(*) AS n FROM tags WHERE name LIKE ?",
          [`%${query.trim().toLowerCase().replace(/\s+/g, "_")}%`],
          limit,
          offset,
        );
        const counts = (tagId: number) =>
          ctx.db.get<{ total: number; unsolved: number }>(
            `SELECT count(*) AS total, COALESCE(SUM(CASE WHEN t.status IN ('new','open','pending','on_hold') THEN 1 ELSE 0 END), 0) AS unsolved
             FROM ticket_tags tt JOIN tickets t ON t.id = tt.ticket_id WHERE tt.tag_id = ? AND ${VISIBLE("t")}`,
            tagId,
            ctx.userId,
          )!;
        return {
          ...p,
          items: (p.items as { tag_id: number; name: string }[]).map((t) => {
            const c = counts(t.tag_id);
            return { tag_id: t.tag_id, name: t.name, ticket_count: c.total, unsolved_count: c.unsolved };
          }),
        };
      },
    }),

    list_custom_fields: tool({
      description: "List the ticket custom fields (key, title, type) with the options of dropdown fields (value and label). Use the key and an option value or label with set_ticket_field or create_ticket.",
      input: v.object({}),
      handler: (_a, ctx) =>
        ctx.db
          .all<{ id: number; key: string; title: string; field_type: string; description: string }>("SELECT id, key, title, field_type, description FROM custom_fields WHERE is_active = 1 ORDER BY position")
          .map((f) => ({
            ...f,
            options: f.field_type === "dropdown" ? ctx.db.all("SELECT value, label FROM custom_field_options WHERE field_id = ? ORDER BY position", f.id) : [],
          })),
    }),

    set_ticket_field: tool({
      description: "Set a custom field on a ticket (dropdowns accept the option value or label); an empty value clears it. Returns the ticket's custom fields. Errors if the ticket is closed, the field does not exist or the option is not valid.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        field_key: Text("The field key, e.g. product_area (see list_custom_fields).", 100),
        value: v.pipe(v.string(), v.maxLength(200), v.description("The value, e.g. 'reminders' or 'Reminders & notifications'; empty to clear.")),
      }),
      handler: ({ ticket_id, field_key, value }, ctx) => {
        writableTicket(ctx, ticket_id);
        setField(ctx, ticket_id, field_key, value);
        return { ticket_id, custom_fields: fieldValues(ctx, ticket_id) };
      },
    }),

    // ----- macros -----
    list_macros: tool({
      description: "List the macros you can use (shared macros and your personal ones), optionally matching words in the title or description. Returns a page with macro_id, title, description, whether it is personal, and its actions in order.",
      input: v.object({
        query: OptText("Words in the macro title or description, e.g. 'refund'."),
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list retired macros (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, include_inactive, limit, offset }, ctx) => {
        const where = ["(m.owner_id IS NULL OR m.owner_id = ?)"];
        const params: (string | number)[] = [ctx.userId];
        if (!include_inactive) where.push("m.is_active = 1");
        for (const w of likeWords(query)) {
          where.push("(m.title LIKE ? OR m.description LIKE ?)");
          params.push(w, w);
        }
        const p = page(
          ctx.db,
          `SELECT m.id AS macro_id, m.title, m.description, CASE WHEN m.owner_id IS NULL THEN 0 ELSE 1 END AS personal, m.is_active, m.usage_count FROM macros m WHERE ${where.join(" AND ")} ORDER BY m.title`,
          `SELECT count(*) AS n FROM macros m WHERE ${where.join(" AND ")}`,
          params,
          limit,
          offset,
        );
        return { ...p, items: (p.items as { macro_id: number }[]).map((m) => ({ ...m, actions: macroActions(ctx, m.macro_id).map((a) => describeAction(ctx, a)) })) };
      },
    }),

    get_macro: tool({
      description: "Get one macro with its full action list (status, priority, group, tags, reply or note text with {{placeholders}}). Errors if the macro does not exist or is another agent's personal macro.",
      input: v.object({ macro_id: Id("The macro's id (from list_macros).") }),
      handler: ({ macro_id }, ctx) => {
        const m = visibleMacro(ctx, macro_id);
        return {
          macro_id: m.id,
          title: m.title,
          description: m.description,
          personal: m.owner_id !== null,
          is_active: m.is_active,
          usage_count: m.usage_count,
          actions: macroActions(ctx, m.id).map((a) => ({ position: a.position, action: a.action, value: a.value, group_id: a.group_id, summary: describeAction(ctx, a) })),
        };
      },
    }),

    apply_macro: tool({
      description:
        "Apply a macro to a ticket: runs its actions (group, assign to you, priority, type, tags, public reply or internal note with placeholders like {{requester.first_name}} filled in), then its status change last, with the usual rules. Returns what changed and the ticket summary. Errors if the macro is not yours or shared, is inactive, the ticket is closed, or a rule is broken (nothing is changed then).",
      input: v.object({
        ticket_id: Id("The ticket number."),
        macro_id: Id("The macro's id (from list_macros)."),
      }),
      handler: ({ ticket_id, macro_id }, ctx) => {
        writableTicket(ctx, ticket_id);
        const m = visibleMacro(ctx, macro_id);
        if (!m.is_active) throw new ToolError(`macro '${m.title}' is inactive`);
        const changes: string[] = [];
        let statusAction: string | null = null;
        for (const a of macroActions(ctx, m.id)) {
          const t = reload(ctx, ticket_id);
          switch (a.action) {
            case "set_group":
              assign(ctx, t, a.group_id!, undefined);
              changes.push(describeAction(ctx, a));
              break;
            case "assign_to_me":
              assign(ctx, t, undefined, ctx.userId);
              changes.push("assigned to you");
              break;
            case "set_priority":
              setPriority(ctx, t, a.value as Priority);
              changes.push(`priority set to ${a.value}`);
              break;
            case "set_type":
              setType(ctx, t, a.value!);
              changes.push(`type set to ${a.value}`);
              break;
            case "add_tag":
              if (changeTags(ctx, ticket_id, [a.value!], []).added.length) changes.push(`tag ${a.value} added`);
              break;
            case "remove_tag":
              if (changeTags(ctx, ticket_id, [], [a.value!]).removed.length) changes.push(`tag ${a.value} removed`);
              break;
            case "public_reply":
            case "internal_note": {
              const isPublic = a.action === "public_reply";
              const id = addAgentComment(ctx, ticket_id, render(ctx, t, a.value!), isPublic);
              if (isPublic && t.status === "new") setStatus(ctx, ticket_id, "open");
              changes.push(`${isPublic ? "public reply" : "internal note"} added (comment ${id})`);
              break;
            }
            case "set_status":
              statusAction = a.value;
              break;
          }
        }
        if (statusAction) {
          setStatus(ctx, ticket_id, statusAction as (typeof SETTABLE_STATUSES)[number]);
          changes.push(`status set to ${statusAction}`);
        }
        ctx.db.run("UPDATE macros SET usage_count = usage_count + 1 WHERE id = ?", m.id);
        return { macro: m.title, changes, ticket: ticketBrief(ctx, ticket_id) };
      },
    }),

    // ----- links between tickets -----
    merge_tickets: tool({
      description:
        "Merge a duplicate (source) ticket into another (target): the source's comments move to the target, its tags are copied, both get an internal note about the merge, and the source is closed. Returns both tickets' summaries and how many comments moved. Errors if either ticket is missing or closed, they are the same, or the source is a problem ticket with linked incidents.",
      input: v.object({
        source_ticket_id: Id("The duplicate ticket to close."),
        target_ticket_id: Id("The ticket to keep."),
      }),
      handler: ({ source_ticket_id, target_ticket_id }, ctx) => {
        if (source_ticket_id === target_ticket_id) throw new ToolError("a ticket cannot be merged into itself");
        const src = writableTicket(ctx, source_ticket_id);
        const tgt = writableTicket(ctx, target_ticket_id);
        if (src.type === "problem" && ctx.db.get("SELECT 1 FROM tickets WHERE problem_id = ?", src.id)) {
          throw new ToolError(`ticket ${src.id} is a problem ticket with linked incidents; unlink them before merging it`);
        }
        if (tgt.problem_id === src.id) throw new ToolError(`ticket ${tgt.id} is an incident of ${src.id}; unlink it first`);
        const moved = ctx.db.run("UPDATE ticket_comments SET ticket_id = ? WHERE ticket_id = ?", tgt.id, src.id).changes;
        for (const tag of tagsOf(ctx, src.id)) addTag(ctx, tgt.id, tag);
        ctx.db.run("INSERT INTO ticket_merges (source_ticket_id, target_ticket_id, merged_by, comments_moved, created_at) VALUES (?, ?, ?, ?, ?)", src.id, tgt.id, ctx.userId, moved, ctx.timestamp);
        addAgentComment(ctx, tgt.id, `Ticket #${src.id} (${src.subject}) was merged into this ticket.`, false);
        addAgentComment(ctx, src.id, `This ticket was merged into #${tgt.id} (${tgt.subject}).`, false);
        ctx.db.run("UPDATE tickets SET status = 'closed', solved_at = ?, closed_at = ?, problem_id = NULL, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, ctx.timestamp, src.id);
        audit(ctx, src.id, "status", src.status, "closed");
        audit(ctx, src.id, "merged_into", null, tgt.id);
        audit(ctx, tgt.id, "merged_from", null, src.id);
        return { comments_moved: moved, source: ticketBrief(ctx, src.id), target: ticketBrief(ctx, tgt.id) };
      },
    }),

    link_to_problem: tool({
      description:
        "Link a ticket as an incident of a problem ticket (its type becomes incident), so it can be solved together with the problem. Returns the ticket summary and the problem's incident count. Errors if either ticket is missing or closed, the target is not a problem ticket, the ticket is itself a problem, or it is already linked there.",
      input: v.object({
        ticket_id: Id("The incident ticket to link."),
        problem_ticket_id: Id("The problem ticket (type problem)."),
      }),
      handler: ({ ticket_id, problem_ticket_id }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        const p = getTicket(ctx, problem_ticket_id);
        if (t.id === p.id) throw new ToolError("a ticket cannot be linked to itself");
        if (p.type !== "problem") throw new ToolError(`ticket ${p.id} is a ${p.type}, not a problem ticket`);
        if (p.status === "closed") throw new ToolError(`problem ticket ${p.id} is closed`);
        if (t.type === "problem") throw new ToolError(`ticket ${t.id} is itself a problem ticket`);
        if (t.problem_id === p.id) throw new ToolError(`ticket ${t.id} is already linked to problem ticket ${p.id}`);
        if (t.type !== "incident") setType(ctx, t, "incident");
        ctx.db.run("UPDATE tickets SET problem_id = ?, updated_at = ? WHERE id = ?", p.id, ctx.timestamp, t.id);
        audit(ctx, t.id, "problem_id", t.problem_id, p.id);
        const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE problem_id = ?", p.id)!.n;
        return { ticket: ticketBrief(ctx, t.id), problem_ticket_id: p.id, problem_subject: p.subject, incident_count: n };
      },
    }),

    unlink_from_problem: tool({
      description: "Remove a ticket's link to its problem ticket (it stays an incident). Returns the ticket summary. Errors if the ticket is closed or not linked to a problem.",
      input: v.object({ ticket_id: Id("The incident ticket.") }),
      handler: ({ ticket_id }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        if (t.problem_id === null) throw new ToolError(`ticket ${ticket_id} is not linked to a problem ticket`);
        ctx.db.run("UPDATE tickets SET problem_id = NULL, updated_at = ? WHERE id = ?", ctx.timestamp, t.id);
        audit(ctx, t.id, "problem_id", t.problem_id, null);
        return ticketBrief(ctx, t.id);
      },
    }),

    solve_problem_ticket: tool({
      description:
        "Solve a problem ticket together with all of its linked incidents that are not yet solved: the same public reply is posted to the problem and to each of those incidents, then all are solved (unassigned ones are assigned to you). Returns the problem and the incidents solved. Errors if the ticket is not an unsolved problem ticket or an incident cannot be solved (nothing is changed then).",
      input: v.object({
        problem_ticket_id: Id("The problem ticket."),
        public_reply: Text("The reply sent to the problem's requester and every incident's requester; {{requester.first_name}} is filled in per ticket."),
      }),
      handler: ({ problem_ticket_id, public_reply }, ctx) => {
        const p = writableTicket(ctx, problem_ticket_id);
        if (p.type !== "problem") throw new ToolError(`ticket ${p.id} is a ${p.type}, not a problem ticket`);
        if (p.status === "solved") throw new ToolError(`problem ticket ${p.id} is already solved`);
        const incidents = ctx.db.all<TicketRow>("SELECT * FROM tickets WHERE problem_id = ? AND status NOT IN ('solved', 'closed') ORDER BY id", p.id);
        const solved: unknown[] = [];
        for (const t of [p, ...incidents]) {
          addAgentComment(ctx, t.id, render(ctx, t, public_reply.trim()), true);
          setStatus(ctx, t.id, "solved");
          if (t.id !== p.id) solved.push(ticketBrief(ctx, t.id));
        }
        return { problem: ticketBrief(ctx, p.id), incidents_solved: solved };
      },
    }),

    // ----- creating tickets -----
    create_ticket: tool({
      description:
        "Open a ticket on behalf of a customer (the description is recorded as the customer's first message). Sets the SLA targets from the customer's organization plan and the priority; with an assignee the ticket starts open, otherwise new. Optional group, assignee, tags, custom fields, and the closed ticket this one follows up. Returns the new ticket. Errors if the customer, group, agent or field option does not exist or an assignment rule is broken.",
      input: v.object({
        requester_id: Id("The customer the ticket is for (see search_customers)."),
        subject: Text("Ticket subject.", 200),
        description: Text("What the customer reported, in their words."),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("Priority (default normal).")), "normal"),
        type: v.optional(v.pipe(v.picklist(TYPES), v.description("Type (default question).")), "question"),
        channel: v.optional(v.pipe(v.picklist(CHANNELS), v.description("How the customer reached us (default web); use phone for calls.")), "web"),
        group_id: OptId("Group for the ticket."),
        assignee_id: OptId("Agent to assign."),
        tags: TagList("Tags to add."),
        custom_fields: v.optional(
          v.pipe(
            v.array(v.object({ key: v.pipe(v.string(), v.description("Field key, e.g. product_area.")), value: v.pipe(v.string(), v.description("Value or option label.")) })),
            v.maxLength(10),
            v.description("Custom field values, e.g. [{key: 'product_area', value: 'reminders'}]."),
          ),
          [],
        ),
        follow_up_of_ticket_id: OptId("A closed ticket this one follows up on."),
      }),
      handler: (a, ctx) => {
        const c = getCustomer(ctx, a.requester_id);
        if (a.group_id !== undefined) getGroup(ctx, a.group_id);
        if (a.assignee_id !== undefined) assignableAgent(ctx, a.assignee_id);
        if (a.follow_up_of_ticket_id !== undefined) {
          const src = getTicket(ctx, a.follow_up_of_ticket_id);
          if (src.status !== "closed") throw new ToolError(`ticket ${src.id} is not closed; add to it instead of opening a follow-up`);
        }
        const pol = policyFor(ctx, planOf(ctx, c.organization_id), a.priority);
        const id = ctx.db.run(
          `INSERT INTO tickets (subject, type, status, priority, channel, requester_id, organization_id, assignee_id, group_id, problem_id, follow_up_of_id,
             sla_policy_id, first_response_due_at, resolution_due_at, first_responded_at, solved_at, closed_at, created_at, updated_at)
           VALUES (?, ?, 'new', ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)`,
          a.subject.trim(),
          a.type,
          a.priority,
          a.channel,
          c.id,
          c.organization_id,
          a.follow_up_of_ticket_id ?? null,
          pol.id,
          addMinutes(ctx.timestamp, pol.first_response_minutes),
          addMinutes(ctx.timestamp, pol.resolution_minutes),
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        ctx.db.run(
          "INSERT INTO ticket_comments (ticket_id, author_user_id, author_customer_id, is_public, body, created_at) VALUES (?, NULL, ?, 1, ?, ?)",
          id,
          c.id,
          a.description.trim(),
          ctx.timestamp,
        );
        audit(ctx, id, "created", null, `via ${a.channel}`);
        if (a.group_id !== undefined || a.assignee_id !== undefined) assign(ctx, reload(ctx, id), a.group_id, a.assignee_id);
        if (a.tags.length) changeTags(ctx, id, a.tags, []);
        for (const f of a.custom_fields) setField(ctx, id, f.key, f.value);
        return ticketDetail(ctx, id);
      },
    }),

    // ----- customers and organizations -----
    search_customers: tool({
      description: "Find customers (requesters) by part of their name or email, optionally within one organization. Returns a page with customer_id, name, email, organization and plan, and their unsolved ticket count.",
      input: v.object({
        query: OptText("Part of the name or email, e.g. 'Dana Kim' or '@acmecorp.com'."),
        organization_id: OptId("Only customers of this organization."),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, organization_id, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(query)) {
          where.push("(c.name LIKE ? OR c.email LIKE ?)");
          params.push(w, w);
        }
        if (organization_id !== undefined) {
          where.push("c.organization_id = ?");
          params.push(organization_id);
        }
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const p = page(
          ctx.db,
          `SELECT c.id AS customer_id, c.name, c.email, c.phone, c.job_title, c.organization_id, o.name AS organization_name, COALESCE(o.plan, 'free') AS plan
           FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id ${w} ORDER BY c.name, c.id`,
          `SELECT count(*) AS n FROM customers c ${w}`,
          params,
          limit,
          offset,
        );
        return { ...p, items: (p.items as { customer_id: number }[]).map((c) => ({ ...c, unsolved_tickets: unsolvedCount(ctx, "requester_id", c.customer_id) })) };
      },
    }),

    get_customer: tool({
      description: "Get a customer's profile (contact details, organization and plan, notes) with their 20 most recent tickets you can see. Errors if the customer does not exist.",
      input: v.object({ customer_id: Id("The customer's id.") }),
      handler: ({ customer_id }, ctx) => {
        getCustomer(ctx, customer_id);
        const c = ctx.db.get<Record<string, unknown>>(
          `SELECT c.id AS customer_id, c.name, c.email, c.phone, c.job_title, c.language, c.notes, c.created_at, c.organization_id, o.name AS organization_name, COALESCE(o.plan, 'free') AS plan
           FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?`,
          customer_id,
        )!;
        const tickets = ctx.db.all(
          `SELECT t.id AS ticket_id, t.subject, t.status, t.priority, t.created_at, t.updated_at FROM tickets t WHERE t.requester_id = ? AND ${VISIBLE("t")} ORDER BY t.created_at DESC, t.id DESC LIMIT 20`,
          customer_id,
          ctx.userId,
        );
        return { ...c, tickets };
      },
    }),

    create_customer: tool({
      description: "Add a new customer (requester), optionally in an organization. Returns the new customer. Errors if the email is already used or the organization does not exist.",
      input: v.object({
        name: Text("Full name.", 120),
        email: Text("Email address (must be unique).", 200),
        organization_id: OptId("Their organization, if any (see search_organizations)."),
        phone: OptText("Phone number."),
        job_title: OptText("Job title."),
      }),
      handler: ({ name, email, organization_id, phone, job_title }, ctx) => {
        const e = checkEmail(email);
        if (organization_id !== undefined) getOrganization(ctx, organization_id);
        const dup = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM customers WHERE lower(email) = ?", e);
        if (dup) throw new ToolError(`${e} already belongs to customer ${dup.id} (${dup.name})`);
        const id = ctx.db.run(
          "INSERT INTO customers (organization_id, name, email, phone, job_title, language, notes, created_at) VALUES (?, ?, ?, ?, ?, 'en', '', ?)",
          organization_id ?? null,
          name.trim(),
          e,
          phone.trim() || null,
          job_title.trim() || null,
          ctx.timestamp,
        ).lastInsertRowid;
        return ctx.db.get("SELECT id AS customer_id, name, email, phone, job_title, organization_id, created_at FROM customers WHERE id = ?", id);
      },
    }),

    update_customer: tool({
      description: "Update a customer's name, email, phone, job title, notes or organization (organization_id 0 removes it); fields left out stay as they are. Existing tickets keep their organization. Returns the customer. Errors if the customer or organization does not exist or the email is taken.",
      input: v.object({
        customer_id: Id("The customer's id."),
        name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(120), v.description("New full name."))),
        email: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("New email address."))),
        phone: v.optional(v.pipe(v.string(), v.description("New phone number (empty to clear)."))),
        job_title: v.optional(v.pipe(v.string(), v.description("New job title (empty to clear)."))),
        notes: v.optional(v.pipe(v.string(), v.maxLength(2000), v.description("Replace the agent notes on this customer."))),
        organization_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("New organization id, or 0 for none."))),
      }),
      handler: (a, ctx) => {
        const c = getCustomer(ctx, a.customer_id);
        const sets: string[] = [];
        const params: (string | number | null)[] = [];
        if (a.name !== undefined) {
          sets.push("name = ?");
          params.push(a.name.trim());
        }
        if (a.email !== undefined) {
          const e = checkEmail(a.email);
          const dup = ctx.db.get<{ id: number }>("SELECT id FROM customers WHERE lower(email) = ? AND id <> ?", e, c.id);
          if (dup) throw new ToolError(`${e} already belongs to customer ${dup.id}`);
          sets.push("email = ?");
          params.push(e);
        }
        if (a.phone !== undefined) {
          sets.push("phone = ?");
          params.push(a.phone.trim() || null);
        }
        if (a.job_title !== undefined) {
          sets.push("job_title = ?");
          params.push(a.job_title.trim() || null);
        }
        if (a.notes !== undefined) {
          sets.push("notes = ?");
          params.push(a.notes.trim());
        }
        if (a.organization_id !== undefined) {
          if (a.organization_id > 0) getOrganization(ctx, a.organization_id);
          sets.push("organization_id = ?");
          params.push(a.organization_id > 0 ? a.organization_id : null);
        }
        if (!sets.length) throw new ToolError("nothing to change");
        ctx.db.run(`UPDATE customers SET ${sets.join(", ")} WHERE id = ?`, ...params, c.id);
        return ctx.db.get("SELECT id AS customer_id, name, email, phone, job_title, notes, organization_id FROM customers WHERE id = ?", c.id);
      },
    }),

    search_organizations: tool({
      description: "Find customer organizations by part of their name or domain, optionally by plan. Returns a page with organization_id, name, domain, plan, region, customer count and unsolved ticket count.",
      input: v.object({
        query: OptText("Part of the name or domain, e.g. 'Acme'."),
        plan: v.optional(v.pipe(v.picklist(PLANS), v.description("Only organizations on this plan."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, plan, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (query.trim()) {
          where.push("(o.name LIKE ? OR o.domain LIKE ?)");
          params.push(`%${query.trim()}%`, `%${query.trim()}%`);
        }
        if (plan) {
          where.push("o.plan = ?");
          params.push(plan);
        }
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const p = page(
          ctx.db,
          `SELECT o.id AS organization_id, o.name, o.domain, o.plan, o.region,
             (SELECT count(*) FROM customers c WHERE c.organization_id = o.id) AS customer_count
           FROM organizations o ${w} ORDER BY o.name`,
          `SELECT count(*) AS n FROM organizations o ${w}`,
          params,
          limit,
          offset,
        );
        return { ...p, items: (p.items as { organization_id: number }[]).map((o) => ({ ...o, unsolved_tickets: unsolvedCount(ctx, "organization_id", o.organization_id) })) };
      },
    }),

    get_organization: tool({
      description: "Get an organization with its plan, account manager, notes, the SLA targets of its plan, its customers, and ticket counts by status. Errors if the organization does not exist.",
      input: v.object({ organization_id: Id("The organization's id.") }),
      handler: ({ organization_id }, ctx) => {
        getOrganization(ctx, organization_id);
        const o = ctx.db.get<Record<string, unknown> & { plan: string }>(
          "SELECT o.id AS organization_id, o.name, o.domain, o.plan, o.region, o.notes, o.created_at, o.account_manager_id, u.name AS account_manager_name FROM organizations o LEFT JOIN users u ON u.id = o.account_manager_id WHERE o.id = ?",
          organization_id,
        )!;
        return {
          ...o,
          sla_policies: ctx.db.all("SELECT id AS sla_policy_id, priority, first_response_minutes, resolution_minutes FROM sla_policies WHERE plan = ? ORDER BY first_response_minutes", o.plan),
          customers: ctx.db.all("SELECT id AS customer_id, name, email, job_title FROM customers WHERE organization_id = ? ORDER BY name", organization_id),
          tickets_by_status: ctx.db.all(`SELECT t.status, count(*) AS count FROM tickets t WHERE t.organization_id = ? AND ${VISIBLE("t")} GROUP BY t.status ORDER BY t.status`, organization_id, ctx.userId),
        };
      },
    }),

    // ----- SLA -----
    list_sla_policies: tool({
      description: "List the SLA policies: first-response and resolution targets (calendar minutes) per plan and priority. Customers without an organization are on the free plan.",
      input: v.object({ plan: v.optional(v.pipe(v.picklist(PLANS), v.description("Only this plan."))) }),
      handler: ({ plan }, ctx) =>
        ctx.db.all(
          "SELECT id AS sla_policy_id, name, plan, priority, first_response_minutes, resolution_minutes FROM sla_policies WHERE (? IS NULL OR plan = ?) ORDER BY CASE plan WHEN 'enterprise' THEN 1 WHEN 'growth' THEN 2 WHEN 'starter' THEN 3 ELSE 4 END, first_response_minutes",
          plan ?? null,
          plan ?? null,
        ),
    }),

    get_ticket_sla: tool({
      description: "Show a ticket's SLA: the policy applied, and for first response and resolution the due time, when it was achieved, and whether it is met, active (with minutes remaining) or breached (with minutes late). Errors if the ticket does not exist.",
      input: v.object({ ticket_id: Id("The ticket number.") }),
      handler: ({ ticket_id }, ctx) => {
        const t = getTicket(ctx, ticket_id);
        return { ticket_id: t.id, subject: t.subject, status: t.status, priority: t.priority, created_at: t.created_at, now: ctx.timestamp, ...slaInfo(ctx, t) };
      },
    }),

    sla_breach_report: tool({
      description:
        "Report SLA breaches whose target fell due between two dates (inclusive, UTC) on tickets you can see: first response, resolution, or both. A target is breached when it was achieved late or is still unmet past its due time. Returns counts overall and per group and the breaching tickets (with minutes late).",
      input: v.object({
        from_date: DateText("First day (YYYY-MM-DD)."),
        to_date: DateText("Last day (YYYY-MM-DD)."),
        metric: v.optional(v.pipe(v.picklist(["first_response", "resolution", "both"]), v.description("Which target to report (default both).")), "both"),
        group_id: OptId("Only tickets currently in this group."),
      }),
      handler: ({ from_date, to_date, metric, group_id }, ctx) => {
        if (to_date < from_date) throw new ToolError("to_date is before from_date");
        const rows: { ticket_id: number; subject: string; status: string; priority: string; group_id: number | null; group_name: string | null; assignee_name: string | null; metric: string; due_at: string; achieved_at: string | null }[] = [];
        const specs = [
          { m: "first_response", due: "t.first_response_due_at", ach: "t.first_responded_at", ref: "COALESCE(t.first_responded_at, t.solved_at, ?)" },
          { m: "resolution", due: "t.resolution_due_at", ach: "t.solved_at", ref: "COALESCE(t.solved_at, ?)" },
        ].filter((s) => metric === "both" || s.m === metric);
        for (const s of specs) {
          rows.push(
            ...ctx.db.all<(typeof rows)[number]>(
              `SELECT t.id AS ticket_id, t.subject, t.status, t.priority, t.group_id, g.name AS group_name, u.name AS assignee_name, ? AS metric, ${s.due} AS due_at, ${s.ach} AS achieved_at
               FROM tickets t LEFT JOIN support_groups g ON g.id = t.group_id LEFT JOIN users u ON u.id = t.assignee_id
               WHERE ${VISIBLE("t")} AND ${s.due} IS NOT NULL AND ${s.due} >= ? AND ${s.due} <= ? AND ${s.ref} > ${s.due} AND (? IS NULL OR t.group_id = ?)
               ORDER BY ${s.due}, t.id`,
              s.m,
              ctx.userId,
              dayStart(from_date),
              dayEnd(to_date),
              ctx.timestamp,
              group_id ?? null,
              group_id ?? null,
            ),
          );
        }
        const byGroup = new Map<string, { group_id: number | null; group_name: string; first_response: number; resolution: number; total: number }>();
        for (const r of rows) {
          const k = String(r.group_id);
          const g = byGroup.get(k) ?? { group_id: r.group_id, group_name: r.group_name ?? "(no group)", first_response: 0, resolution: 0, total: 0 };
          if (r.metric === "first_response") g.first_response++;
          else g.resolution++;
          g.total++;
          byGroup.set(k, g);
        }
        return {
          from_date,
          to_date,
          metric,
          as_of: ctx.timestamp,
          first_response_breaches: rows.filter((r) => r.metric === "first_response").length,
          resolution_breaches: rows.filter((r) => r.metric === "resolution").length,
          by_group: [...byGroup.values()].sort((a, b) => b.total - a.total || a.group_name.localeCompare(b.group_name)),
          tickets: rows.map((r) => ({ ...r, minutes_late: minutesBetween(r.due_at, r.achieved_at ?? ctx.timestamp) })),
        };
      },
    }),

    // ----- satisfaction -----
    satisfaction_report: tool({
      description:
        "Customer satisfaction (CSAT) for ratings received between two dates (inclusive, UTC), optionally only for tickets currently in one group or assigned to one agent. Returns total, good, bad, percent good (1 decimal), a per-group and per-agent breakdown, and the ratings with their comments.",
      input: v.object({
        from_date: DateText("First day (YYYY-MM-DD)."),
        to_date: DateText("Last day (YYYY-MM-DD)."),
        group_id: OptId("Only tickets in this group."),
        assignee_id: OptId("Only tickets assigned to this agent."),
      }),
      handler: ({ from_date, to_date, group_id, assignee_id }, ctx) => {
        if (to_date < from_date) throw new ToolError("to_date is before from_date");
        const ratings = ctx.db.all<{ rating_id: number; ticket_id: number; subject: string; score: string; comment: string; created_at: string; customer_name: string; group_name: string | null; assignee_name: string | null }>(
          `SELECT r.id AS rating_id, r.ticket_id, t.subject, r.score, r.comment, r.created_at, c.name AS customer_name, g.name AS group_name, u.name AS assignee_name
           FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id JOIN customers c ON c.id = r.customer_id
           LEFT JOIN support_groups g ON g.id = t.group_id LEFT JOIN users u ON u.id = t.assignee_id
           WHERE ${VISIBLE("t")} AND r.created_at >= ? AND r.created_at <= ? AND (? IS NULL OR t.group_id = ?) AND (? IS NULL OR t.assignee_id = ?)
           ORDER BY r.created_at, r.id`,
          ctx.userId,
          dayStart(from_date),
          dayEnd(to_date),
          group_id ?? null,
          group_id ?? null,
          assignee_id ?? null,
          assignee_id ?? null,
        );
        const pct = (good: number, total: number) => (total ? Math.round((good * 1000) / total) / 10 : null);
        const tally = (key: "group_name" | "assignee_name") => {
          const m = new Map<string, { good: number; bad: number }>();
          for (const r of ratings) {
            const k = r[key] ?? "(none)";
            const e = m.get(k) ?? { good: 0, bad: 0 };
            if (r.score === "good") e.good++;
            else e.bad++;
            m.set(k, e);
          }
          return [...m.entries()].map(([name, e]) => ({ name, total: e.good + e.bad, good: e.good, bad: e.bad, percent_good: pct(e.good, e.good + e.bad) })).sort((a, b) => a.name.localeCompare(b.name));
        };
        const good = ratings.filter((r) => r.score === "good").length;
        return {
          from_date,
          to_date,
          total: ratings.length,
          good,
          bad: ratings.length - good,
          percent_good: pct(good, ratings.length),
          by_group: tally("group_name"),
          by_agent: tally("assignee_name"),
          ratings,
        };
      },
    }),

    // ----- time tracking -----
    log_time: tool({
      description: "Log time you spent on a ticket (minutes, an optional note, and the day worked: default today, not in the future). Returns the entry and the ticket's total logged minutes. Errors if the ticket is closed or the date is invalid.",
      input: v.object({
        ticket_id: Id("The ticket number."),
        minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720), v.description("Minutes worked, 1-720.")),
        note: OptText("What the time was spent on."),
        worked_on: v.optional(DateText("Day the work happened (YYYY-MM-DD, default today).")),
      }),
      handler: ({ ticket_id, minutes, note, worked_on }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        const day = worked_on ?? ctx.today;
        if (Number.isNaN(toMs(day))) throw new ToolError(`${day} is not a valid date`);
        if (day > ctx.today) throw new ToolError(`worked_on ${day} is in the future`);
        if (day < t.created_at.slice(0, 10)) throw new ToolError(`worked_on ${day} is before ticket ${t.id} was created (${t.created_at.slice(0, 10)})`);
        const id = ctx.db.run("INSERT INTO time_entries (ticket_id, user_id, minutes, note, worked_on, created_at) VALUES (?, ?, ?, ?, ?, ?)", t.id, ctx.userId, minutes, note.trim(), day, ctx.timestamp).lastInsertRowid;
        const total = ctx.db.get<{ n: number }>("SELECT COALESCE(SUM(minutes), 0) AS n FROM time_entries WHERE ticket_id = ?", t.id)!.n;
        return { time_entry_id: id, ticket_id: t.id, minutes, note: note.trim(), worked_on: day, ticket_total_minutes: total };
      },
    }),

    list_time_entries: tool({
      description: "List time entries, newest work day first, for one ticket and/or only yours and/or a date range of work days. Returns a page of entries (agent, minutes, note, day) plus the total minutes of all matching entries.",
      input: v.object({
        ticket_id: OptId("Only entries on this ticket."),
        mine_only: v.optional(v.pipe(v.boolean(), v.description("Only your own entries (default false).")), false),
        from_date: v.optional(DateText("Worked on or after this day.")),
        to_date: v.optional(DateText("Worked on or before this day.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ ticket_id, mine_only, from_date, to_date, limit, offset }, ctx) => {
        if (ticket_id !== undefined) getTicket(ctx, ticket_id);
        const where = [VISIBLE("t")];
        const params: (string | number)[] = [ctx.userId];
        if (ticket_id !== undefined) {
          where.push("e.ticket_id = ?");
          params.push(ticket_id);
        }
        if (mine_only) {
          where.push("e.user_id = ?");
          params.push(ctx.userId);
        }
        if (from_date) {
          where.push("e.worked_on >= ?");
          params.push(from_date);
        }
        if (to_date) {
          where.push("e.worked_on <= ?");
          params.push(to_date);
        }
        const from = `FROM time_entries e JOIN tickets t ON t.id = e.ticket_id JOIN users u ON u.id = e.user_id WHERE ${where.join(" AND ")}`;
        const p = page(
          ctx.db,
          `SELECT e.id AS time_entry_id, e.ticket_id, t.subject, e.user_id, u.name AS agent_name, e.minutes, e.note, e.worked_on, e.created_at ${from} ORDER BY e.worked_on DESC, e.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          limit,
          offset,
        );
        return { ...p, total_minutes: ctx.db.get<{ n: number }>(`SELECT COALESCE(SUM(e.minutes), 0) AS n ${from}`, ...params)!.n };
      },
    }),

    delete_time_entry: tool({
      description: "Delete one of your own time entries. Returns the deleted entry. Errors if it does not exist, is another agent's, or is on a closed ticket.",
      input: v.object({ time_entry_id: Id("The time entry's id (from list_time_entries).") }),
      handler: ({ time_entry_id }, ctx) => {
        const e = ctx.db.get<{ id: number; ticket_id: number; user_id: number; minutes: number; worked_on: string }>("SELECT id, ticket_id, user_id, minutes, worked_on FROM time_entries WHERE id = ?", time_entry_id);
        if (!e) throw new ToolError(`time entry ${time_entry_id} not found`);
        getTicket(ctx, e.ticket_id);
        if (e.user_id !== ctx.userId) throw new ToolError(`time entry ${time_entry_id} was logged by another agent; you can only delete your own`);
        writableTicket(ctx, e.ticket_id);
        ctx.db.run("DELETE FROM time_entries WHERE id = ?", e.id);
        return { deleted_time_entry_id: e.id, ticket_id: e.ticket_id, minutes: e.minutes, worked_on: e.worked_on };
      },
    }),

    // ----- knowledge base -----
    search_kb_articles: tool({
      description: "Search help-center articles by words in the title or body, optionally by section and status (default published only). Returns a page with article_id, title, section, status, public URL and view count.",
      input: v.object({
        query: OptText("Words that must all appear in the title or body, e.g. 'recurring invoices'."),
        section: OptText("Part of the section name, e.g. 'Invoicing'."),
        status: v.optional(v.pipe(v.picklist(["published", "draft", "archived", "any"]), v.description("Article status (default published).")), "published"),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, section, status, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(query)) {
          where.push("(a.title LIKE ? OR a.body LIKE ?)");
          params.push(w, w);
        }
        if (section.trim()) {
          where.push("s.name LIKE ?");
          params.push(`%${section.trim()}%`);
        }
        if (status !== "any") {
          where.push("a.status = ?");
          params.push(status);
        }
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const p = page(
          ctx.db,
          `SELECT a.id AS article_id, a.title, a.slug, s.name AS section, a.status, a.view_count, a.helpful_votes, a.updated_at FROM kb_articles a JOIN kb_sections s ON s.id = a.section_id ${w} ORDER BY a.view_count DESC, a.id`,
          `SELECT count(*) AS n FROM kb_articles a JOIN kb_sections s ON s.id = a.section_id ${w}`,
          params,
          limit,
          offset,
        );
        return { ...p, items: (p.items as { article_id: number; slug: string }[]).map(({ slug, ...a }) => ({ ...a, url: articleUrl({ id: a.article_id, slug }) })) };
      },
    }),

    get_kb_article: tool({
      description: "Get a help-center article with its body, section, status, author, public URL and the tickets it is linked to. Errors if the article does not exist.",
      input: v.object({ article_id: Id("The article's id.") }),
      handler: ({ article_id }, ctx) => {
        const a = getArticle(ctx, article_id);
        const full = ctx.db.get<Record<string, unknown>>(
          "SELECT a.body, a.view_count, a.helpful_votes, a.published_at, a.created_at, a.updated_at, u.name AS author_name FROM kb_articles a JOIN users u ON u.id = a.author_id WHERE a.id = ?",
          article_id,
        )!;
        return {
          article_id: a.id,
          title: a.title,
          section: a.section,
          status: a.status,
          url: articleUrl(a),
          ...full,
          linked_tickets: ctx.db.all(`SELECT ta.ticket_id, t.subject, ta.shared_with_requester FROM ticket_articles ta JOIN tickets t ON t.id = ta.ticket_id WHERE ta.article_id = ? AND ${VISIBLE("t")} ORDER BY ta.id`, article_id, ctx.userId),
        };
      },
    }),

    link_article_to_ticket: tool({
      description:
        "Link a published help-center article to a ticket. With share_with_requester, also post it to the customer as a public reply (your optional message, then the article title and URL); a reply to a new ticket opens it. Returns the link and the comment id if shared. Errors if the ticket is closed, the article is not published, or it is already linked (and shared, when sharing).",
      input: v.object({
        ticket_id: Id("The ticket number."),
        article_id: Id("The article's id (from search_kb_articles)."),
        share_with_requester: v.optional(v.pipe(v.boolean(), v.description("Also send the article to the customer as a public reply (default false).")), false),
        message: OptText("Text before the article link in the public reply (default: 'Hi <first name>, this article should help:')."),
      }),
      handler: ({ ticket_id, article_id, share_with_requester, message }, ctx) => {
        const t = writableTicket(ctx, ticket_id);
        const a = getArticle(ctx, article_id);
        if (a.status !== "published") throw new ToolError(`article ${a.id} (${a.title}) is ${a.status}; only published articles can be linked`);
        const existing = ctx.db.get<{ id: number; shared_with_requester: number }>("SELECT id, shared_with_requester FROM ticket_articles WHERE ticket_id = ? AND article_id = ?", t.id, a.id);
        if (existing && (!share_with_requester || existing.shared_with_requester)) throw new ToolError(`article ${a.id} is already linked to ticket ${t.id}`);
        let linkId: number;
        if (existing) {
          ctx.db.run("UPDATE ticket_articles SET shared_with_requester = 1 WHERE id = ?", existing.id);
          linkId = existing.id;
        } else {
          linkId = ctx.db.run(
            "INSERT INTO ticket_articles (ticket_id, article_id, linked_by, shared_with_requester, created_at) VALUES (?, ?, ?, ?, ?)",
            t.id,
            a.id,
            ctx.userId,
            share_with_requester ? 1 : 0,
            ctx.timestamp,
          ).lastInsertRowid;
        }
        let commentId: number | null = null;
        if (share_with_requester) {
          const req = ctx.db.get<{ name: string }>("SELECT name FROM customers WHERE id = ?", t.requester_id)!;
          const intro = message.trim() ? render(ctx, t, message.trim()) : `Hi ${firstName(req.name)}, this article should help:`;
          commentId = addAgentComment(ctx, t.id, `${intro}\n\n${a.title}\n${articleUrl(a)}`, true);
          if (t.status === "new") setStatus(ctx, t.id, "open");
        } else touch(ctx, t.id);
        audit(ctx, t.id, "article_linked", null, a.id);
        return { ticket_article_id: linkId, ticket_id: t.id, article_id: a.id, title: a.title, url: articleUrl(a), shared_with_requester: share_with_requester, comment_id: commentId };
      },
    }),

    // ----- team -----
    list_groups: tool({
      description: "List the agent groups with their members (agent ids and names, default group marked), whether the group is restricted, and how many unsolved tickets each holds.",
      input: v.object({}),
      handler: (_a, ctx) =>
        ctx.db
          .all<{ group_id: number; name: string; description: string; is_restricted: number }>("SELECT id AS group_id, name, description, is_restricted FROM support_groups ORDER BY id")
          .map((g) => ({
            ...g,
            you_are_member: isMember(ctx, ctx.userId, g.group_id),
            unsolved_tickets:
              g.is_restricted && !isMember(ctx, ctx.userId, g.group_id)
                ? null
                : ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE group_id = ? AND status IN ('new','open','pending','on_hold')", g.group_id)!.n,
            members: ctx.db.all(
              "SELECT u.id AS agent_id, u.name, u.role, u.is_active, m.is_default FROM group_memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.name",
              g.group_id,
            ),
          })),
    }),

    list_agents: tool({
      description: "Find support agents by part of their name or email, group or role (deactivated agents only on request). Returns a page with agent_id, name, role, title, groups and unsolved tickets assigned. Light agents and deactivated agents cannot be assigned tickets.",
      input: v.object({
        query: OptText("Part of the name or email, e.g. 'Sofia'."),
        group_id: OptId("Only members of this group."),
        role: v.optional(v.pipe(v.picklist(["admin", "lead", "agent", "light_agent"]), v.description("Only this role."))),
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list deactivated agents (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, group_id, role, include_inactive, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (query.trim()) {
          where.push("(u.name LIKE ? OR u.email LIKE ?)");
          params.push(`%${query.trim()}%`, `%${query.trim()}%`);
        }
        if (group_id !== undefined) {
          where.push("EXISTS (SELECT 1 FROM group_memberships m WHERE m.user_id = u.id AND m.group_id = ?)");
          params.push(group_id);
        }
        if (role) {
          where.push("u.role = ?");
          params.push(role);
        }
        if (!include_inactive) where.push("u.is_active = 1");
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const p = page(
          ctx.db,
          `SELECT u.id AS agent_id, u.name, u.email, u.role, u.title, u.timezone, u.is_active
           FROM users u ${w} ORDER BY u.name`,
          `SELECT count(*) AS n FROM users u ${w}`,
          params,
          limit,
          offset,
        );
        return { ...p, items: (p.items as { agent_id: number }[]).map((a) => ({ ...a, is_you: a.agent_id === ctx.userId, groups: groupNamesOf(ctx, a.agent_id), unsolved_assigned: unsolvedCount(ctx, "assignee_id", a.agent_id) })) };
      },
    }),

    // ----- views -----
    list_views: tool({
      description: "List the ticket views you can use (shared views and your personal ones) with their filters and how many tickets each currently shows.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const views = ctx.db.all<{ view_id: number; name: string; owner_id: number | null; status_filter: string | null; priority_filter: string | null; group_id: number | null; assignee_filter: string | null; tag_filter: string | null; sort: string }>(
          "SELECT id AS view_id, name, owner_id, status_filter, priority_filter, group_id, assignee_filter, tag_filter, sort FROM views WHERE owner_id IS NULL OR owner_id = ? ORDER BY owner_id IS NOT NULL, id",
          ctx.userId,
        );
        return views.map((vw) => ({
          view_id: vw.view_id,
          name: vw.name,
          personal: vw.owner_id !== null,
          filters: { status: vw.status_filter, priority: vw.priority_filter, group_id: vw.group_id, assignee: vw.assignee_filter, tag: vw.tag_filter },
          sort: vw.sort,
          ticket_count: ticketPage(ctx, viewFilters(vw), 1, 0).total,
        }));
      },
    }),

    run_view: tool({
      description: "Show the tickets in one of your views (shared or personal), in the view's sort order. Returns a page of ticket summaries. Errors if the view does not exist or is another agent's personal view.",
      input: v.object({ view_id: Id("The view's id (from list_views)."), limit: Limit, offset: Offset }),
      handler: ({ view_id, limit, offset }, ctx) => {
        const vw = ctx.db.get<{ id: number; name: string; status_filter: string | null; priority_filter: string | null; group_id: number | null; assignee_filter: string | null; tag_filter: string | null; sort: string }>(
          "SELECT * FROM views WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)",
          view_id,
          ctx.userId,
        );
        if (!vw) throw new ToolError(`view ${view_id} not found`);
        return { view_id: vw.id, name: vw.name, ...ticketPage(ctx, viewFilters(vw), limit, offset) };
      },
    }),

    create_view: tool({
      description: "Save a personal view (a named ticket filter) for yourself. Returns the new view. Errors if you already have a view with that name, the group does not exist, or no filter is given.",
      input: v.object({
        name: Text("View name.", 80),
        status: v.optional(v.pipe(v.picklist([...STATUSES, "unsolved"]), v.description("Status filter; 'unsolved' = new, open, pending or on_hold."))),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("Priority filter."))),
        group_id: OptId("Group filter."),
        assignee: v.optional(v.pipe(v.picklist(["me", "unassigned"]), v.description("Assignee filter."))),
        tag: OptText("Tag filter."),
        sort: v.optional(v.pipe(v.picklist(["updated_desc", "created_asc", "created_desc", "priority_desc"]), v.description("Sort order (default updated_desc).")), "updated_desc"),
      }),
      handler: ({ name, status, priority, group_id, assignee, tag, sort }, ctx) => {
        if (group_id !== undefined) getGroup(ctx, group_id);
        if (!status && !priority && group_id === undefined && !assignee && !tag.trim()) throw new ToolError("give at least one filter");
        const dup = ctx.db.get("SELECT 1 FROM views WHERE lower(name) = lower(?) AND (owner_id IS NULL OR owner_id = ?)", name.trim(), ctx.userId);
        if (dup) throw new ToolError(`a view named '${name.trim()}' already exists`);
        const tagName = tag.trim() ? normTag(tag) : null;
        const id = ctx.db.run(
          "INSERT INTO views (name, owner_id, status_filter, priority_filter, group_id, assignee_filter, tag_filter, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          name.trim(),
          ctx.userId,
          status ?? null,
          priority ?? null,
          group_id ?? null,
          assignee ?? null,
          tagName,
          sort,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return { view_id: id, name: name.trim(), personal: true, filters: { status: status ?? null, priority: priority ?? null, group_id: group_id ?? null, assignee: assignee ?? null, tag: tagName }, sort };
      },
    }),

    delete_view: tool({
      description: "Delete one of your personal views. Returns the deleted view's id and name. Errors if the view does not exist or is a shared view (only admins manage those).",
      input: v.object({ view_id: Id("The view's id.") }),
      handler: ({ view_id }, ctx) => {
        const vw = ctx.db.get<{ id: number; name: string; owner_id: number | null }>("SELECT id, name, owner_id FROM views WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)", view_id, ctx.userId);
        if (!vw) throw new ToolError(`view ${view_id} not found`);
        if (vw.owner_id === null) throw new ToolError(`view '${vw.name}' is shared; only admins can delete shared views`);
        ctx.db.run("DELETE FROM views WHERE id = ?", vw.id);
        return { deleted_view_id: vw.id, name: vw.name };
      },
    }),
  },
});
