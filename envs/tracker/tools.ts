import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

const STATUSES = ["backlog", "todo", "in_progress", "in_review", "done", "cancelled"] as const;
const CLOSED = ["done", "cancelled"];
const PRIORITIES = ["urgent", "high", "medium", "low", "none"] as const;
const TYPES = ["epic", "feature", "bug", "task"] as const;
const ESTIMATES = [1, 2, 3, 5, 8, 13];
const RESOLUTIONS = ["done", "duplicate", "wont_do", "cannot_reproduce"] as const;
const LINK_KINDS = ["blocks", "is_blocked_by", "duplicates", "is_duplicated_by", "relates_to"] as const;
const STATUS_NAMES: Record<string, string> = {
  backlog: "Backlog",
  todo: "To Do",
  in_progress: "In Progress",
  in_review: "In Review",
  done: "Done",
  cancelled: "Cancelled",
};
const PRIORITY_RANK = "CASE i.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-20"), v.description(what));
const IssueKey = (what: string) => v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{2,6}-\d{1,6}$/, "use an issue key like PAY-123"), v.description(what));
const ProjectKey = (what: string) => v.pipe(v.string(), v.trim(), v.minLength(1), v.description(what));
const Estimate = (what: string) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.check((n) => ESTIMATES.includes(n), "estimates are story points: 1, 2, 3, 5, 8 or 13"),
    v.description(what),
  );
const LabelNames = (what: string) => v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.description("A label name, e.g. q2-launch."))), v.minLength(1), v.description(what));

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

interface ProjectRow {
  id: number;
  team_id: number;
  key: string;
  name: string;
  status: string;
  lead_user_id: number;
  next_issue_number: number;
  team_name: string;
  team_lead_id: number;
}
interface IssueRow {
  id: number;
  project_id: number;
  key: string;
  title: string;
  type: string;
  status: string;
  priority: string;
  estimate: number | null;
  assignee_id: number | null;
  reporter_id: number;
  parent_id: number | null;
  component_id: number | null;
  sprint_id: number | null;
  due_date: string | null;
  resolution: string | null;
  created_at: string;
}
interface UserRow {
  id: number;
  full_name: string;
  is_active: number;
}
interface SprintRow {
  id: number;
  project_id: number;
  name: string;
  goal: string;
  state: string;
  start_date: string;
  end_date: string;
  started_at: string | null;
  completed_at: string | null;
  committed_points: number | null;
  completed_points: number | null;
}
interface Criteria {
  query?: string;
  project_key?: string;
  statuses?: string[];
  open_only?: boolean;
  assignee_id?: number;
  unassigned?: boolean;
  reporter_id?: number;
  label?: string;
  priorities?: string[];
  type?: string;
  sprint_id?: number;
  no_sprint?: boolean;
  parent_key?: string;
  component?: string;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function page(db: SqlDatabase, select: string, count: string, params: (string | number)[], limit: number, offset: number, countParams = params) {
  const total = db.get<{ n: number }>(count, ...countParams)!.n;
  const items = db.all(`${select} LIMIT ? OFFSET ?`, ...params, limit, offset);
  return { items, total, limit, offset, next_offset: offset + items.length < total ? offset + items.length : null };
}

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function assertDate(s: string, what: string) {
  if (!validDate(s)) throw new ToolError(`${what} ${s} is not a real calendar date`);
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function likeWords(text: string | undefined): string[] {
  return (text ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/%/g, "")}%`);
}

function memberTeams(ctx: ToolContext): number[] {
  return ctx.db.all<{ team_id: number }>("SELECT team_id FROM team_members WHERE user_id = ?", ctx.userId).map((r) => r.team_id);
}
const VISIBLE = "p.team_id IN (SELECT team_id FROM team_members WHERE user_id = ?)";

function getUser(ctx: ToolContext, userId: number): UserRow {
  const u = ctx.db.get<UserRow>("SELECT id, full_name, is_active FROM users WHERE id = ?", userId);
  if (!u) throw new ToolError(`user ${userId} not found`);
  return u;
}
function userName(ctx: ToolContext, userId: number | null): string | null {
  if (userId === null) return null;
  return ctx.db.get<{ full_name: string }>("SELECT full_name FROM users WHERE id = ?", userId)?.full_name ?? null;
}

/** A project the current user's teams own; `write` also refuses archived projects. */
function getProject(ctx: ToolContext, key: string, write = false): ProjectRow {
  const p = ctx.db.get<ProjectRow>(
    "SELECT p.*, t.name AS team_name, t.lead_user_id AS team_lead_id FROM projects p JOIN teams t ON t.id = p.team_id WHERE p.key = ? COLLATE NOCASE",
    key.trim(),
  );
  if (!p) throw new ToolError(`project ${key.trim().toUpperCase()} not found`);
  if (!memberTeams(ctx).includes(p.team_id)) throw new ToolError(`project ${p.key} belongs to the ${p.team_name} team, which you are not a member of`);
  if (write && p.status === "archived") throw new ToolError(`project ${p.key} is archived and read-only`);
  return p;
}
function projectById(ctx: ToolContext, projectId: number): ProjectRow {
  return ctx.db.get<ProjectRow>("SELECT p.*, t.name AS team_name, t.lead_user_id AS team_lead_id FROM projects p JOIN teams t ON t.id = p.team_id WHERE p.id = ?", projectId)!;
}

/** An issue by key in a project the user can see; `write` also refuses archived projects. */
function getIssue(ctx: ToolContext, key: string, write = false): IssueRow {
  const k = key.trim().toUpperCase();
  const i = ctx.db.get<IssueRow>("SELECT * FROM issues WHERE key = ?", k);
  if (!i) throw new ToolError(`issue ${k} not found`);
  const p = projectById(ctx, i.project_id);
  if (!memberTeams(ctx).includes(p.team_id)) throw new ToolError(`issue ${k} not found (project ${p.key} is visible to the ${p.team_name} team only)`);
  if (write && p.status === "archived") throw new ToolError(`issue ${k} is in archived project ${p.key} and is read-only`);
  return i;
}

function getSprint(ctx: ToolContext, sprintId: number): SprintRow & { project_key: string; team_id: number; team_lead_id: number; project_status: string } {
  const s = ctx.db.get<SprintRow & { project_key: string; team_id: number; team_lead_id: number; project_status: string }>(
    `SELECT s.*, p.key AS project_key, p.team_id, t.lead_user_id AS team_lead_id, p.status AS project_status
     FROM sprints s JOIN projects p ON p.id = s.project_id JOIN teams t ON t.id = p.team_id WHERE s.id = ?`,
    sprintId,
  );
  if (!s || !memberTeams(ctx).includes(s.team_id)) throw new ToolError(`sprint ${sprintId} not found`);
  return s;
}

/** A user who may be assigned or watch issues of the project: active and on the owning team. */
function assignableUser(ctx: ToolContext, userId: number, project: ProjectRow): UserRow {
  const u = getUser(ctx, userId);
  if (!u.is_active) throw new ToolError(`${u.full_name} (user ${userId}) is deactivated and cannot be assigned or added to issues`);
  const member = ctx.db.get("SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ?", project.team_id, userId);
  if (!member) throw new ToolError(`${u.full_name} (user ${userId}) is not a member of the ${project.team_name} team, which owns ${project.key}`);
  return u;
}

function logActivity(ctx: ToolContext, issueId: number, action: string, field: string | null, oldValue: unknown, newValue: unknown) {
  const s = (x: unknown) => (x === null || x === undefined ? null : String(x));
  ctx.db.run(
    "INSERT INTO activity (issue_id, actor_id, action, field, old_value, new_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    issueId,
    ctx.userId,
    action,
    field,
    s(oldValue),
    s(newValue),
    ctx.timestamp,
  );
}
function touch(ctx: ToolContext, issueId: number) {
  ctx.db.run("UPDATE issues SET updated_at = ? WHERE id = ?", ctx.timestamp, issueId);
}
function addWatcher(ctx: ToolContext, issueId: number, userId: number) {
  ctx.db.run("INSERT OR IGNORE INTO watchers (issue_id, user_id, created_at) VALUES (?, ?, ?)", issueId, userId, ctx.timestamp);
}
function labelIds(ctx: ToolContext, names: string[]): { id: number; name: string }[] {
  const found: { id: number; name: string }[] = [];
  const missing: string[] = [];
  for (const n of names) {
    const l = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM labels WHERE name = ? COLLATE NOCASE", n.trim());
    if (l) {
      if (!found.some((f) => f.id === l.id)) found.push(l);
    } else missing.push(n.trim());
  }
  if (missing.length) throw new ToolError(`label(s) not found: ${missing.join(", ")}; see list_labels or create_label`);
  return found;
}
function componentId(ctx: ToolContext, project: ProjectRow, name: string): number {
  const c = ctx.db.get<{ id: number }>("SELECT id FROM components WHERE project_id = ? AND name = ? COLLATE NOCASE", project.id, name.trim());
  if (!c) {
    const names = ctx.db.all<{ name: string }>("SELECT name FROM components WHERE project_id = ? ORDER BY name", project.id).map((r) => r.name);
    throw new ToolError(`component '${name.trim()}' not found in ${project.key}; components: ${names.join(", ") || "none"}`);
  }
  return c.id;
}
function openBlockers(ctx: ToolContext, issueId: number): { key: string; status: string }[] {
  return ctx.db.all<{ key: string; status: string }>(
    `SELECT s.key, s.status FROM issue_links l JOIN issues s ON s.id = l.source_issue_id
     WHERE l.target_issue_id = ? AND l.link_type = 'blocks' AND s.status NOT IN ('done', 'cancelled') ORDER BY s.project_id, s.number`,
    issueId,
  );
}
function allowedTransitions(ctx: ToolContext, status: string): { to_status: string; name: string }[] {
  return ctx.db.all<{ to_status: string; name: string }>(
    "SELECT w.to_status, w.name FROM workflow_transitions w JOIN statuses s ON s.key = w.to_status WHERE w.from_status = ? ORDER BY s.position",
    status,
  );
}

const ISSUE_SELECT = `SELECT i.key, i.title, i.type, i.status, i.priority, i.estimate, i.assignee_id, a.full_name AS assignee_name,
  p.key AS project_key, i.sprint_id, s.name AS sprint_name, par.key AS parent_key, c.name AS component, i.due_date, i.resolution,
  (SELECT group_concat(name, ',') FROM (SELECT l.name FROM issue_labels il JOIN labels l ON l.id = il.label_id WHERE il.issue_id = i.id ORDER BY l.name)) AS labels,
  i.created_at, i.updated_at
  FROM issues i JOIN projects p ON p.id = i.project_id LEFT JOIN users a ON a.id = i.assignee_id LEFT JOIN sprints s ON s.id = i.sprint_id
  LEFT JOIN issues par ON par.id = i.parent_id LEFT JOIN components c ON c.id = i.component_id`;

function splitLabels<T extends { labels?: unknown }>(rows: T[]): T[] {
  for (const r of rows) (r as Record<string, unknown>).labels = r.labels ? String(r.labels).split(",") : [];
  return rows;
}

function issueBrief(ctx: ToolContext, issueId: number) {
  return splitLabels([ctx.db.get<Record<string, unknown>>(`${ISSUE_SELECT} WHERE i.id = ?`, issueId)!])[0]!;
}

function issueDetail(ctx: ToolContext, issue: IssueRow) {
  const base = issueBrief(ctx, issue.id);
  const extra = ctx.db.get<Record<string, unknown>>(
    `SELECT i.description, i.reporter_id, r.full_name AS reporter_name, i.resolved_at, pr.name AS project_name, s.state AS sprint_state, par.title AS parent_title
     FROM issues i JOIN projects pr ON pr.id = i.project_id JOIN users r ON r.id = i.reporter_id LEFT JOIN sprints s ON s.id = i.sprint_id LEFT JOIN issues par ON par.id = i.parent_id WHERE i.id = ?`,
    issue.id,
  )!;
  const children = ctx.db.all(
    `SELECT i.key, i.title, i.type, i.status, i.estimate, i.assignee_id, a.full_name AS assignee_name FROM issues i LEFT JOIN users a ON a.id = i.assignee_id
     WHERE i.parent_id = ? ORDER BY i.number`,
    issue.id,
  );
  const links = ctx.db.all(
    `SELECT l.id AS link_id,
       CASE l.link_type WHEN 'blocks' THEN 'blocks' WHEN 'duplicates' THEN 'duplicates' ELSE 'relates to' END AS relation,
       o.key AS issue_key, o.title, o.status FROM issue_links l JOIN issues o ON o.id = l.target_issue_id WHERE l.source_issue_id = ?
     UNION ALL
     SELECT l.id AS link_id,
       CASE l.link_type WHEN 'blocks' THEN 'is blocked by' WHEN 'duplicates' THEN 'is duplicated by' ELSE 'relates to' END AS relation,
       o.key AS issue_key, o.title, o.status FROM issue_links l JOIN issues o ON o.id = l.source_issue_id WHERE l.target_issue_id = ?
     ORDER BY link_id`,
    issue.id,
    issue.id,
  );
  const comments = ctx.db.all(
    `SELECT c.id AS comment_id, c.author_id, u.full_name AS author_name, c.body, c.created_at, c.edited_at
     FROM comments c JOIN users u ON u.id = c.author_id WHERE c.issue_id = ? ORDER BY c.created_at, c.id`,
    issue.id,
  );
  const watchers = ctx.db.all("SELECT u.id AS user_id, u.full_name FROM watchers w JOIN users u ON u.id = w.user_id WHERE w.issue_id = ? ORDER BY u.full_name", issue.id);
  const attachments = ctx.db.all(
    `SELECT a.id AS attachment_id, a.filename, a.content_type, a.size_bytes, a.uploader_id, u.full_name AS uploader_name, a.created_at
     FROM attachments a JOIN users u ON u.id = a.uploader_id WHERE a.issue_id = ? ORDER BY a.id`,
    issue.id,
  );
  const worklogs = ctx.db.all<{ minutes: number }>(
    `SELECT w.id AS worklog_id, w.user_id, u.full_name AS user_name, w.minutes, w.work_date, w.note FROM worklogs w JOIN users u ON u.id = w.user_id
     WHERE w.issue_id = ? ORDER BY w.work_date, w.id`,
    issue.id,
  );
  const logged = worklogs.reduce((n, w) => n + w.minutes, 0);
  return {
    ...base,
    project_name: extra.project_name,
    description: extra.description,
    reporter_id: extra.reporter_id,
    reporter_name: extra.reporter_name,
    sprint_state: extra.sprint_state ?? null,
    parent_title: extra.parent_title ?? null,
    resolved_at: extra.resolved_at,
    children,
    links,
    open_blockers: openBlockers(ctx, issue.id).map((b) => `${b.key} (${STATUS_NAMES[b.status]})`),
    allowed_transitions: allowedTransitions(ctx, issue.status),
    comments,
    watchers,
    attachments,
    time_logged_minutes: logged,
    worklogs,
  };
}

/** Builds the WHERE clause shared by search_issues and run_saved_filter. */
function searchIssues(ctx: ToolContext, c: Criteria, sort: string, limit: number, offset: number) {
  const where: string[] = [VISIBLE];
  const params: (string | number)[] = [ctx.userId];
  for (const w of likeWords(c.query)) {
    where.push("(i.title LIKE ? OR i.description LIKE ? OR i.key LIKE ?)");
    params.push(w, w, w);
  }
  if (c.project_key) {
    const p = getProject(ctx, c.project_key);
    where.push("i.project_id = ?");
    params.push(p.id);
  }
  if (c.statuses && c.statuses.length) {
    where.push(`i.status IN (${c.statuses.map(() => "?").join(", ")})`);
    params.push(...c.statuses);
  }
  if (c.open_only) where.push("i.status NOT IN ('done', 'cancelled')");
  if (c.assignee_id !== undefined) {
    where.push("i.assignee_id = ?");
    params.push(c.assignee_id);
  }
  if (c.unassigned) where.push("i.assignee_id IS NULL");
  if (c.reporter_id !== undefined) {
    where.push("i.reporter_id = ?");
    params.push(c.reporter_id);
  }
  if (c.label) {
    where.push("EXISTS (SELECT 1 FROM issue_labels il JOIN labels l ON l.id = il.label_id WHERE il.issue_id = i.id AND l.name = ? COLLATE NOCASE)");
    params.push(c.label.trim());
  }
  if (c.priorities && c.priorities.length) {
    where.push(`i.priority IN (${c.priorities.map(() => "?").join(", ")})`);
    params.push(...c.priorities);
  }
  if (c.type) {
    where.push("i.type = ?");
    params.push(c.type);
  }
  if (c.sprint_id !== undefined) {
    where.push("i.sprint_id = ?");
    params.push(c.sprint_id);
  }
  if (c.no_sprint) where.push("i.sprint_id IS NULL");
  if (c.parent_key) {
    where.push("par.key = ?");
    params.push(c.parent_key.trim().toUpperCase());
  }
  if (c.component) {
    where.push("c.name LIKE ?");
    params.push(`%${c.component.trim()}%`);
  }
  const order =
    { key: "p.key, i.number", updated: "i.updated_at DESC, i.id DESC", created: "i.created_at DESC, i.id DESC", priority: `${PRIORITY_RANK}, p.key, i.number` }[sort] ??
    "p.key, i.number";
  const w = `WHERE ${where.join(" AND ")}`;
  const from = `FROM issues i JOIN projects p ON p.id = i.project_id LEFT JOIN issues par ON par.id = i.parent_id LEFT JOIN components c ON c.id = i.component_id`;
  const result = page(ctx.db, `${ISSUE_SELECT} ${w} ORDER BY ${order}`, `SELECT count(*) AS n ${from} ${w}`, params, limit, offset);
  splitLabels(result.items as { labels?: unknown }[]);
  const points = ctx.db.get<{ n: number | null }>(`SELECT SUM(i.estimate) AS n ${from} ${w}`, ...params)!.n ?? 0;
  return { ...result, total_points: points };
}

const CriteriaFields = {
  query: v.optional(v.pipe(v.string(), v.description("Words that must all appear in the key, title or description (case-insensitive)."))),
  project_key: v.optional(v.pipe(v.string(), v.description("Only this project, by key (e.g. PAY) - case-insensitive."))),
  statuses: v.optional(v.pipe(v.array(v.picklist(STATUSES)), v.description("Only these statuses: backlog, todo, in_progress, in_review, done, cancelled."))),
  open_only: v.optional(v.pipe(v.boolean(), v.description("Only issues that are not done or cancelled (default false)."))),
  assignee_id: v.optional(Id("Only issues assigned to this user (user_id from list_users or get_me).")),
  unassigned: v.optional(v.pipe(v.boolean(), v.description("Only issues with no assignee."))),
  reporter_id: v.optional(Id("Only issues reported by this user.")),
  label: v.optional(v.pipe(v.string(), v.description("Only issues carrying this label (exact name, case-insensitive)."))),
  priorities: v.optional(v.pipe(v.array(v.picklist(PRIORITIES)), v.description("Only these priorities: urgent, high, medium, low, none."))),
  type: v.optional(v.pipe(v.picklist(TYPES), v.description("Only this issue type: epic, feature, bug or task."))),
  sprint_id: v.optional(Id("Only issues in this sprint (sprint_id from list_sprints).")),
  no_sprint: v.optional(v.pipe(v.boolean(), v.description("Only issues that are in no sprint (the backlog)."))),
  parent_key: v.optional(v.pipe(v.string(), v.description("Only children of this epic or parent issue, e.g. PAY-101."))),
  component: v.optional(v.pipe(v.string(), v.description("Only issues whose component name contains this text, e.g. Webhooks."))),
};

function sprintPoints(ctx: ToolContext, sprintId: number) {
  const r = ctx.db.get<{ issues: number; total: number | null; done: number | null; open: number | null }>(
    `SELECT count(*) AS issues, SUM(CASE WHEN status <> 'cancelled' THEN estimate END) AS total,
       SUM(CASE WHEN status = 'done' THEN estimate END) AS done,
       SUM(CASE WHEN status NOT IN ('done', 'cancelled') THEN estimate END) AS open
     FROM issues WHERE sprint_id = ?`,
    sprintId,
  )!;
  return { issue_count: r.issues, total_points: r.total ?? 0, done_points: r.done ?? 0, open_points: r.open ?? 0 };
}

function requireTeamLead(ctx: ToolContext, sprint: { team_lead_id: number; project_key: string; name: string }, verb: string) {
  if (sprint.team_lead_id !== ctx.userId) {
    throw new ToolError(`only the team lead (${userName(ctx, sprint.team_lead_id)}) can ${verb} sprints in ${sprint.project_key}`);
  }
}

function nextPlannedSprint(ctx: ToolContext, projectId: number, exceptId: number): SprintRow | undefined {
  return ctx.db.get<SprintRow>(
    "SELECT * FROM sprints WHERE project_id = ? AND state = 'planned' AND id <> ? ORDER BY start_date, id LIMIT 1",
    projectId,
    exceptId,
  );
}

function parseCriteria(text: string): Criteria {
  try {
    return JSON.parse(text) as Criteria;
  } catch {
    return {};
  }
}

function filterRow(ctx: ToolContext, filterId: number) {
  const f = ctx.db.get<{ id: number; owner_id: number; name: string; criteria: string; is_shared: number; created_at: string }>(
    "SELECT * FROM saved_filters WHERE id = ? AND (owner_id = ? OR is_shared = 1)",
    filterId,
    ctx.userId,
  );
  if (!f) throw new ToolError(`saved filter ${filterId} not found`);
  return f;
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- people, teams, projects -----
    get_me: tool({
      description: "Show the signed-in user: profile, teams (with role), the projects they can see, and today's date. Use it to learn your own user_id.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const me = ctx.db.get<Record<string, unknown>>("SELECT id AS user_id, full_name, handle, email, title, timezone FROM users WHERE id = ?", ctx.userId)!;
        const teams = ctx.db.all(
          "SELECT t.id AS team_id, t.name, tm.role FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = ? ORDER BY t.name",
          ctx.userId,
        );
        const projects = ctx.db.all(
          `SELECT p.key, p.name, p.status, t.name AS team FROM projects p JOIN teams t ON t.id = p.team_id WHERE ${VISIBLE} ORDER BY p.key`,
          ctx.userId,
        );
        return { ...me, today: ctx.today, now: ctx.timestamp, teams, projects };
      },
    }),

    list_users: tool({
      description:
        "Search the company directory by name, handle, email or title (every word must match, case-insensitive), optionally within one team. Returns a page of users with user_id, title, teams and whether they are active.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match, e.g. 'priya' or 'qa engineer'. Empty lists everyone.")), ""),
        team_id: v.optional(Id("Only members of this team (team_id from list_teams).")),
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list deactivated users (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(u.full_name LIKE ? OR u.handle LIKE ? OR u.email LIKE ? OR u.title LIKE ?)");
          params.push(w, w, w, w);
        }
        if (a.team_id !== undefined) {
          if (!ctx.db.get("SELECT 1 FROM teams WHERE id = ?", a.team_id)) throw new ToolError(`team ${a.team_id} not found`);
          where.push("EXISTS (SELECT 1 FROM team_members x WHERE x.user_id = u.id AND x.team_id = ?)");
          params.push(a.team_id);
        }
        if (!a.include_inactive) where.push("u.is_active = 1");
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        return page(
          ctx.db,
          `SELECT u.id AS user_id, u.full_name, u.handle, u.email, u.title, u.is_active,
             (SELECT group_concat(t.name || ' (' || tm.role || ')', ', ') FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = u.id) AS teams
           FROM users u ${w} ORDER BY u.full_name`,
          `SELECT count(*) AS n FROM users u ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    list_teams: tool({
      description: "List all teams with their lead, member count, projects, and whether you are a member. Returns a page of teams.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT t.id AS team_id, t.name, t.description, t.lead_user_id, u.full_name AS lead_name,
             (SELECT count(*) FROM team_members m WHERE m.team_id = t.id) AS member_count,
             (SELECT group_concat(p.key, ', ') FROM projects p WHERE p.team_id = t.id) AS projects,
             EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = ?) AS is_member
           FROM teams t JOIN users u ON u.id = t.lead_user_id ORDER BY t.name`,
          "SELECT count(*) AS n FROM teams",
          [ctx.userId],
          limit,
          offset,
          [],
        ),
    }),

    get_team: tool({
      description: "Get one team: its lead, members (user_id, role, title, active) and projects. Errors if the team does not exist.",
      input: v.object({ team_id: Id("The team's id (from list_teams or get_me).") }),
      handler: ({ team_id }, ctx) => {
        const t = ctx.db.get<Record<string, unknown>>(
          "SELECT t.id AS team_id, t.name, t.description, t.lead_user_id, u.full_name AS lead_name, t.created_at FROM teams t JOIN users u ON u.id = t.lead_user_id WHERE t.id = ?",
          team_id,
        );
        if (!t) throw new ToolError(`team ${team_id} not found`);
        const members = ctx.db.all(
          "SELECT u.id AS user_id, u.full_name, u.handle, u.title, m.role, u.is_active, m.joined_at FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = ? ORDER BY m.role = 'lead' DESC, u.full_name",
          team_id,
        );
        const projects = ctx.db.all("SELECT key, name, status FROM projects WHERE team_id = ? ORDER BY key", team_id);
        return { ...t, members, projects };
      },
    }),

    list_projects: tool({
      description:
        "List the projects of your teams (key, name, team, lead, status) with open-issue counts and the active sprint. Archived projects are read-only and hidden unless asked for.",
      input: v.object({
        include_archived: v.optional(v.pipe(v.boolean(), v.description("Also list archived projects (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const w = `WHERE ${VISIBLE} AND (? = 1 OR p.status = 'active')`;
        return page(
          ctx.db,
          `SELECT p.key, p.name, p.description, p.status, t.name AS team, p.lead_user_id, u.full_name AS lead_name,
             (SELECT count(*) FROM issues i WHERE i.project_id = p.id AND i.status NOT IN ('done', 'cancelled')) AS open_issues,
             (SELECT s.id FROM sprints s WHERE s.project_id = p.id AND s.state = 'active') AS active_sprint_id,
             (SELECT s.name FROM sprints s WHERE s.project_id = p.id AND s.state = 'active') AS active_sprint_name
           FROM projects p JOIN teams t ON t.id = p.team_id JOIN users u ON u.id = p.lead_user_id ${w} ORDER BY p.key`,
          `SELECT count(*) AS n FROM projects p ${w}`,
          [ctx.userId, a.include_archived ? 1 : 0],
          a.limit,
          a.offset,
        );
      },
    }),

    get_project: tool({
      description:
        "Get one project by key: team, lead, components, issue counts by status, and its active and planned sprints. Errors if the project does not exist or belongs to a team you are not on.",
      input: v.object({ project_key: ProjectKey("The project key, e.g. PAY (case-insensitive).") }),
      handler: ({ project_key }, ctx) => {
        const p = getProject(ctx, project_key);
        const info = ctx.db.get<Record<string, unknown>>(
          "SELECT p.key, p.name, p.description, p.status, p.lead_user_id, u.full_name AS lead_name, p.created_at FROM projects p JOIN users u ON u.id = p.lead_user_id WHERE p.id = ?",
          p.id,
        )!;
        const components = ctx.db.all(
          "SELECT c.id AS component_id, c.name, c.description, c.lead_user_id, u.full_name AS lead_name FROM components c LEFT JOIN users u ON u.id = c.lead_user_id WHERE c.project_id = ? ORDER BY c.name",
          p.id,
        );
        const counts = ctx.db.all(
          "SELECT s.key AS status, count(i.id) AS issues FROM statuses s LEFT JOIN issues i ON i.status = s.key AND i.project_id = ? GROUP BY s.key ORDER BY s.position",
          p.id,
        );
        const sprints = ctx.db.all(
          "SELECT id AS sprint_id, name, state, start_date, end_date FROM sprints WHERE project_id = ? AND state <> 'closed' ORDER BY start_date, id",
          p.id,
        );
        return { ...info, team_id: p.team_id, team: p.team_name, team_lead_id: p.team_lead_id, components, issue_counts: counts, open_sprints: sprints };
      },
    }),

    list_workflow: tool({
      description:
        "Show the issue workflow shared by all projects: the statuses in order and which transitions are allowed between them, plus the rules transition_issue enforces.",
      input: v.object({}),
      handler: (_a, ctx) => ({
        statuses: ctx.db.all("SELECT key, name, category FROM statuses ORDER BY position"),
        transitions: ctx.db.all("SELECT from_status, to_status, name FROM workflow_transitions ORDER BY id"),
        rules: [
          "Issues must have an assignee to move to in_progress or in_review.",
          "An issue can only be closed as done from in_review, and not while an open issue blocks it or while it has open child issues.",
          "Cancelling takes a resolution: wont_do (default), duplicate (needs duplicate_of_key) or cannot_reproduce.",
          "Reopening a done or cancelled issue clears its resolution.",
        ],
      }),
    }),

    // ----- issues: read -----
    search_issues: tool({
      description:
        "Search issues in your teams' projects by text and filters (project, statuses, assignee, reporter, label, priorities, type, sprint, backlog, parent, component). Returns a page of issues (key, title, status, priority, estimate, assignee, sprint, labels) plus total_points, the sum of estimates over all matches.",
      input: v.object({
        ...CriteriaFields,
        sort: v.optional(v.pipe(v.picklist(["key", "updated", "created", "priority"]), v.description("Order: key (default), updated or created (newest first), priority (urgent first).")), "key"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const { sort, limit, offset, ...criteria } = a;
        return searchIssues(ctx, criteria, sort, limit, offset);
      },
    }),

    get_issue: tool({
      description:
        "Get one issue by key with everything on it: description, parent and children, links (blocks / is blocked by / duplicates / relates to, with link_id), open blockers, allowed transitions, comments, watchers, attachments and logged work. Errors if the issue does not exist or is not visible to you.",
      input: v.object({ issue_key: IssueKey("The issue key, e.g. PAY-142.") }),
      handler: ({ issue_key }, ctx) => issueDetail(ctx, getIssue(ctx, issue_key)),
    }),

    get_issue_activity: tool({
      description: "List an issue's history (created, status changes, assignments, sprint moves, links, labels, comments, logged work), oldest first. Returns a page of entries.",
      input: v.object({ issue_key: IssueKey("The issue key, e.g. PAY-198."), limit: Limit, offset: Offset }),
      handler: ({ issue_key, limit, offset }, ctx) => {
        const i = getIssue(ctx, issue_key);
        return page(
          ctx.db,
          "SELECT a.id AS activity_id, a.action, a.field, a.old_value, a.new_value, a.actor_id, u.full_name AS actor_name, a.created_at FROM activity a JOIN users u ON u.id = a.actor_id WHERE a.issue_id = ? ORDER BY a.created_at, a.id",
          "SELECT count(*) AS n FROM activity WHERE issue_id = ?",
          [i.id],
          limit,
          offset,
        );
      },
    }),

    // ----- issues: write -----
    create_issue: tool({
      description:
        "Create an issue in a project you are a member of; you are the reporter and you and the assignee start watching it. Returns the new issue with its key. Errors if the project is archived, the assignee is inactive or not on the team, the sprint is closed or in another project, or a label/component/parent does not exist.",
      input: v.object({
        project_key: ProjectKey("Project key, e.g. PAY."),
        title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200), v.description("Short summary, up to 200 characters.")),
        type: v.pipe(v.picklist(TYPES), v.description("epic, feature, bug or task.")),
        description: v.optional(v.pipe(v.string(), v.description("Longer description (optional).")), ""),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("urgent, high, medium (default), low or none.")), "medium"),
        estimate: v.optional(Estimate("Story points: 1, 2, 3, 5, 8 or 13 (optional).")),
        assignee_id: v.optional(Id("User to assign (optional; must be an active member of the project's team).")),
        parent_key: v.optional(v.pipe(v.string(), v.description("Epic or parent issue key in the same project, e.g. PAY-101 (optional)."))),
        component: v.optional(v.pipe(v.string(), v.description("Component name in the project, e.g. Webhooks (optional)."))),
        labels: v.optional(v.pipe(v.array(v.pipe(v.string(), v.description("A label name."))), v.description("Existing label names to add (optional)."))),
        sprint_id: v.optional(Id("Put the issue straight into this planned or active sprint of the same project (optional).")),
        due_date: v.optional(DateText("Due date YYYY-MM-DD (optional, not in the past).")),
        status: v.optional(v.pipe(v.picklist(["backlog", "todo"]), v.description("Starting status: backlog or todo. Default: todo if a sprint is given, else backlog."))),
      }),
      handler: (a, ctx) => {
        const sprint = a.sprint_id !== undefined ? getSprint(ctx, a.sprint_id) : undefined;
        const assignee = a.assignee_id !== undefined ? getUser(ctx, a.assignee_id) : undefined;
        const p = getProject(ctx, a.project_key, true);
        if (assignee) assignableUser(ctx, assignee.id, p);
        if (sprint) {
          if (sprint.project_id !== p.id) throw new ToolError(`sprint ${sprint.id} (${sprint.name}) belongs to ${sprint.project_key}, not ${p.key}`);
          if (sprint.state === "closed") throw new ToolError(`sprint ${sprint.name} is closed`);
          if (a.type === "epic") throw new ToolError("epics are not planned into sprints; add their child issues instead");
        }
        let parentId: number | null = null;
        if (a.parent_key && a.parent_key.trim()) {
          if (a.type === "epic") throw new ToolError("an epic cannot have a parent");
          const parent = getIssue(ctx, a.parent_key);
          if (parent.project_id !== p.id) throw new ToolError(`parent ${parent.key} is not in project ${p.key}`);
          if (CLOSED.includes(parent.status)) throw new ToolError(`parent ${parent.key} is ${STATUS_NAMES[parent.status]}; reopen it first`);
          parentId = parent.id;
        }
        const compId = a.component && a.component.trim() ? componentId(ctx, p, a.component) : null;
        const labels = a.labels && a.labels.length ? labelIds(ctx, a.labels) : [];
        if (a.due_date) {
          assertDate(a.due_date, "due date");
          if (a.due_date < ctx.today) throw new ToolError(`due date ${a.due_date} is in the past (today is ${ctx.today})`);
        }
        const status = a.status ?? (sprint ? "todo" : "backlog");
        const number = p.next_issue_number;
        const key = `${p.key}-${number}`;
        const id = ctx.db.run(
          `INSERT INTO issues (project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          p.id,
          number,
          key,
          a.title,
          a.description,
          a.type,
          status,
          a.priority,
          a.estimate ?? null,
          assignee?.id ?? null,
          ctx.userId,
          parentId,
          compId,
          sprint?.id ?? null,
          a.due_date ?? null,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        ctx.db.run("UPDATE projects SET next_issue_number = ? WHERE id = ?", number + 1, p.id);
        for (const l of labels) ctx.db.run("INSERT INTO issue_labels (issue_id, label_id, added_at) VALUES (?, ?, ?)", id, l.id, ctx.timestamp);
        addWatcher(ctx, id, ctx.userId);
        if (assignee) addWatcher(ctx, id, assignee.id);
        logActivity(ctx, id, "created", null, null, key);
        return issueDetail(ctx, getIssue(ctx, key));
      },
    }),

    update_issue: tool({
      description:
        "Change an issue's fields: title, description, type, priority, estimate, due date, component or parent (pass null to clear estimate, due_date, component or parent_key). Use transition_issue for status, assign_issue for the assignee, move_issues_to_sprint for sprints. Returns the updated issue.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-172."),
        title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200), v.description("New title."))),
        description: v.optional(v.pipe(v.string(), v.description("New description (replaces the old one)."))),
        type: v.optional(v.pipe(v.picklist(TYPES), v.description("New type: epic, feature, bug or task."))),
        priority: v.optional(v.pipe(v.picklist(PRIORITIES), v.description("New priority: urgent, high, medium, low or none."))),
        estimate: v.optional(v.pipe(v.nullable(Estimate("Story points.")), v.description("New story points (1, 2, 3, 5, 8, 13), or null to clear."))),
        due_date: v.optional(v.pipe(v.nullable(DateText("A date.")), v.description("New due date YYYY-MM-DD, or null to clear."))),
        component: v.optional(v.pipe(v.nullable(v.string()), v.description("Component name in the issue's project, or null to clear."))),
        parent_key: v.optional(v.pipe(v.nullable(v.string()), v.description("New epic/parent key in the same project, or null to detach."))),
      }),
      handler: (a, ctx) => {
        const i = getIssue(ctx, a.issue_key, true);
        const p = projectById(ctx, i.project_id);
        const changes: [string, unknown, unknown, unknown, unknown][] = [];
        const set = (field: string, oldV: unknown, newV: unknown, oldShow: unknown = oldV, newShow: unknown = newV) => {
          if (oldV !== newV) changes.push([field, oldV, newV, oldShow, newShow]);
        };
        const componentName = (id: number | null) => (id === null ? null : ctx.db.get<{ name: string }>("SELECT name FROM components WHERE id = ?", id)!.name);
        const issueKeyOf = (id: number | null) => (id === null ? null : ctx.db.get<{ key: string }>("SELECT key FROM issues WHERE id = ?", id)!.key);
        if (a.title !== undefined) set("title", i.title, a.title);
        if (a.description !== undefined) set("description", (ctx.db.get<{ d: string }>("SELECT description AS d FROM issues WHERE id = ?", i.id)!).d, a.description);
        if (a.type !== undefined) {
          if (a.type === "epic" && i.parent_id !== null) throw new ToolError(`${i.key} has a parent; an epic cannot have one`);
          if (a.type === "epic" && i.sprint_id !== null) throw new ToolError(`${i.key} is in a sprint; epics are not planned into sprints`);
          if (i.type === "epic" && a.type !== "epic" && ctx.db.get("SELECT 1 FROM issues WHERE parent_id = ?", i.id)) throw new ToolError(`${i.key} still has child issues; move them before changing its type`);
          set("type", i.type, a.type);
        }
        if (a.priority !== undefined) set("priority", i.priority, a.priority);
        if (a.estimate !== undefined) set("estimate", i.estimate, a.estimate);
        if (a.due_date !== undefined) {
          if (a.due_date !== null) assertDate(a.due_date, "due date");
          set("due_date", i.due_date, a.due_date);
        }
        if (a.component !== undefined) {
          const next = a.component === null || !a.component.trim() ? null : componentId(ctx, p, a.component);
          set("component_id", i.component_id, next, componentName(i.component_id), componentName(next));
        }
        if (a.parent_key !== undefined) {
          let parentId: number | null = null;
          if (a.parent_key !== null && a.parent_key.trim()) {
            const parent = getIssue(ctx, a.parent_key);
            if (i.type === "epic") throw new ToolError("an epic cannot have a parent");
            if (parent.id === i.id) throw new ToolError(`${i.key} cannot be its own parent`);
            if (parent.project_id !== i.project_id) throw new ToolError(`parent ${parent.key} is not in project ${p.key}`);
            for (let cur: number | null = parent.parent_id; cur !== null; ) {
              if (cur === i.id) throw new ToolError(`${parent.key} is under ${i.key}; that would make a loop`);
              cur = ctx.db.get<{ parent_id: number | null }>("SELECT parent_id FROM issues WHERE id = ?", cur)!.parent_id;
            }
            parentId = parent.id;
          }
          set("parent_id", i.parent_id, parentId, issueKeyOf(i.parent_id), issueKeyOf(parentId));
        }
        if (a.title === undefined && a.description === undefined && a.type === undefined && a.priority === undefined && a.estimate === undefined && a.due_date === undefined && a.component === undefined && a.parent_key === undefined) {
          throw new ToolError("nothing to update: pass at least one field");
        }
        const shown: Record<string, string> = { component_id: "component", parent_id: "parent" };
        for (const [field, , newV, oldShow, newShow] of changes) {
          ctx.db.run(`UPDATE issues SET ${field} = ? WHERE id = ?`, newV as string | number | null, i.id);
          logActivity(ctx, i.id, "updated", shown[field] ?? field, field === "description" ? null : oldShow, field === "description" ? "(edited)" : newShow);
        }
        if (changes.length) touch(ctx, i.id);
        return { changed_fields: changes.map((c) => shown[c[0]] ?? c[0]), issue: issueBrief(ctx, i.id) };
      },
    }),

    transition_issue: tool({
      description:
        "Move an issue to another status following the workflow (see list_workflow), optionally with a resolution and a comment. Closing as a duplicate: to_status 'cancelled', resolution 'duplicate' and duplicate_of_key (a 'duplicates' link is added). Errors if the move is not allowed, the issue needs an assignee, or it would close while blocked by open issues or with open child issues.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-190."),
        to_status: v.pipe(v.picklist(STATUSES), v.description("Target status: backlog, todo, in_progress, in_review, done or cancelled.")),
        resolution: v.optional(v.pipe(v.picklist(RESOLUTIONS), v.description("For done: done (default). For cancelled: wont_do (default), duplicate or cannot_reproduce."))),
        duplicate_of_key: v.optional(v.pipe(v.string(), v.description("With resolution duplicate: the issue this one duplicates, e.g. PAY-198."))),
        comment: v.optional(v.pipe(v.string(), v.description("A comment to add with the change (optional)."))),
      }),
      handler: (a, ctx) => {
        const i = getIssue(ctx, a.issue_key, true);
        const to = a.to_status;
        if (i.status === to) throw new ToolError(`${i.key} is already ${STATUS_NAMES[to]}`);
        const allowed = allowedTransitions(ctx, i.status);
        if (!allowed.some((t) => t.to_status === to)) {
          throw new ToolError(`${i.key} cannot move from ${STATUS_NAMES[i.status]} to ${STATUS_NAMES[to]}; allowed: ${allowed.map((t) => t.to_status).join(", ")}`);
        }
        if ((to === "in_progress" || to === "in_review") && i.assignee_id === null) throw new ToolError(`${i.key} has no assignee; assign it before moving it to ${STATUS_NAMES[to]}`);
        let resolution: string | null = null;
        let duplicateOf: IssueRow | undefined;
        if (to === "done") {
          if (a.resolution && a.resolution !== "done") throw new ToolError(`resolution ${a.resolution} goes with status cancelled, not done`);
          if (a.duplicate_of_key) throw new ToolError("to close as a duplicate use to_status cancelled with resolution duplicate");
          const blockers = openBlockers(ctx, i.id);
          if (blockers.length) throw new ToolError(`${i.key} cannot be closed: it is blocked by ${blockers.map((b) => `${b.key} (${STATUS_NAMES[b.status]})`).join(", ")}`);
          const kids = ctx.db.all<{ key: string }>("SELECT key FROM issues WHERE parent_id = ? AND status NOT IN ('done', 'cancelled') ORDER BY number", i.id);
          if (kids.length) throw new ToolError(`${i.key} cannot be closed: child issues are still open: ${kids.map((k) => k.key).join(", ")}`);
          resolution = "done";
        } else if (to === "cancelled") {
          if (a.resolution === "done") throw new ToolError("resolution done goes with status done; use wont_do, duplicate or cannot_reproduce to cancel");
          resolution = a.resolution ?? (a.duplicate_of_key ? "duplicate" : "wont_do");
          if (resolution === "duplicate") {
            if (!a.duplicate_of_key || !a.duplicate_of_key.trim()) throw new ToolError("resolution duplicate needs duplicate_of_key: the issue this one duplicates");
            duplicateOf = getIssue(ctx, a.duplicate_of_key);
            if (duplicateOf.id === i.id) throw new ToolError(`${i.key} cannot duplicate itself`);
            if (duplicateOf.resolution === "duplicate") throw new ToolError(`${duplicateOf.key} is itself closed as a duplicate; point to the original issue`);
          } else if (a.duplicate_of_key) throw new ToolError("duplicate_of_key only goes with resolution duplicate");
        } else if (a.resolution || a.duplicate_of_key) {
          throw new ToolError(`a resolution only applies when moving to done or cancelled, not ${STATUS_NAMES[to]}`);
        }
        const closing = CLOSED.includes(to);
        ctx.db.run(
          "UPDATE issues SET status = ?, resolution = ?, resolved_at = ?, updated_at = ? WHERE id = ?",
          to,
          resolution,
          closing ? ctx.timestamp : null,
          ctx.timestamp,
          i.id,
        );
        logActivity(ctx, i.id, "transitioned", "status", i.status, to);
        if (closing) logActivity(ctx, i.id, "updated", "resolution", i.resolution, resolution);
        if (duplicateOf) {
          const exists = ctx.db.get("SELECT 1 FROM issue_links WHERE source_issue_id = ? AND target_issue_id = ? AND link_type = 'duplicates'", i.id, duplicateOf.id);
          if (!exists) {
            ctx.db.run(
              "INSERT INTO issue_links (source_issue_id, target_issue_id, link_type, created_by, created_at) VALUES (?, ?, 'duplicates', ?, ?)",
              i.id,
              duplicateOf.id,
              ctx.userId,
              ctx.timestamp,
            );
            logActivity(ctx, i.id, "linked", "link", null, `duplicates ${duplicateOf.key}`);
            logActivity(ctx, duplicateOf.id, "linked", "link", null, `is duplicated by ${i.key}`);
          }
        }
        let commentId: number | null = null;
        if (a.comment && a.comment.trim()) {
          commentId = ctx.db.run("INSERT INTO comments (issue_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", i.id, ctx.userId, a.comment.trim(), ctx.timestamp).lastInsertRowid;
          logActivity(ctx, i.id, "commented", null, null, `comment ${commentId}`);
        }
        return {
          key: i.key,
          from_status: i.status,
          status: to,
          resolution,
          duplicate_of: duplicateOf?.key ?? null,
          comment_id: commentId,
          allowed_next: allowedTransitions(ctx, to),
        };
      },
    }),

    assign_issue: tool({
      description:
        "Assign an issue to a user (who also starts watching it), or pass assignee_id null to unassign. Returns the issue's key with old and new assignee. Errors if the user is inactive or not on the team that owns the project.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-168."),
        assignee_id: v.pipe(v.nullable(Id("A user id.")), v.description("The user to assign (user_id from list_users), or null to unassign.")),
      }),
      handler: ({ issue_key, assignee_id }, ctx) => {
        const user = assignee_id !== null ? getUser(ctx, assignee_id) : null;
        const i = getIssue(ctx, issue_key, true);
        const p = projectById(ctx, i.project_id);
        if (user) assignableUser(ctx, user.id, p);
        const before = { user_id: i.assignee_id, name: userName(ctx, i.assignee_id) };
        if (i.assignee_id === assignee_id) return { key: i.key, changed: false, previous_assignee: before, assignee: before };
        ctx.db.run("UPDATE issues SET assignee_id = ?, updated_at = ? WHERE id = ?", assignee_id, ctx.timestamp, i.id);
        if (user) addWatcher(ctx, i.id, user.id);
        logActivity(ctx, i.id, "assigned", "assignee", before.name, user?.full_name ?? null);
        return { key: i.key, changed: true, previous_assignee: before, assignee: user ? { user_id: user.id, name: user.full_name } : null };
      },
    }),

    // ----- comments -----
    add_comment: tool({
      description: "Add a comment to an issue as the current user. Returns the new comment with its comment_id. Errors if the issue is missing or in an archived project.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-231."),
        body: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(10000), v.description("The comment text (plain text or Markdown).")),
      }),
      handler: ({ issue_key, body }, ctx) => {
        const i = getIssue(ctx, issue_key, true);
        const id = ctx.db.run("INSERT INTO comments (issue_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", i.id, ctx.userId, body, ctx.timestamp).lastInsertRowid;
        logActivity(ctx, i.id, "commented", null, null, `comment ${id}`);
        touch(ctx, i.id);
        return { comment_id: id, issue_key: i.key, body, created_at: ctx.timestamp };
      },
    }),

    update_comment: tool({
      description: "Edit the text of one of your own comments. Returns the updated comment. Errors if the comment does not exist or was written by someone else.",
      input: v.object({
        comment_id: Id("The comment's id (from get_issue)."),
        body: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(10000), v.description("The new comment text.")),
      }),
      handler: ({ comment_id, body }, ctx) => {
        const c = ctx.db.get<{ id: number; issue_id: number; author_id: number; key: string }>(
          "SELECT c.id, c.issue_id, c.author_id, i.key FROM comments c JOIN issues i ON i.id = c.issue_id WHERE c.id = ?",
          comment_id,
        );
        if (!c) throw new ToolError(`comment ${comment_id} not found`);
        getIssue(ctx, c.key, true);
        if (c.author_id !== ctx.userId) throw new ToolError(`comment ${comment_id} was written by ${userName(ctx, c.author_id)}; you can only edit your own comments`);
        ctx.db.run("UPDATE comments SET body = ?, edited_at = ? WHERE id = ?", body, ctx.timestamp, comment_id);
        return { comment_id, issue_key: c.key, body, edited_at: ctx.timestamp };
      },
    }),

    delete_comment: tool({
      description: "Delete one of your own comments. Returns the deleted comment's id and issue. Errors if the comment does not exist or was written by someone else.",
      input: v.object({ comment_id: Id("The comment's id (from get_issue).") }),
      handler: ({ comment_id }, ctx) => {
        const c = ctx.db.get<{ id: number; issue_id: number; author_id: number; key: string }>(
          "SELECT c.id, c.issue_id, c.author_id, i.key FROM comments c JOIN issues i ON i.id = c.issue_id WHERE c.id = ?",
          comment_id,
        );
        if (!c) throw new ToolError(`comment ${comment_id} not found`);
        getIssue(ctx, c.key, true);
        if (c.author_id !== ctx.userId) throw new ToolError(`comment ${comment_id} was written by ${userName(ctx, c.author_id)}; you can only delete your own comments`);
        ctx.db.run("DELETE FROM comments WHERE id = ?", comment_id);
        touch(ctx, c.issue_id);
        return { deleted_comment_id: comment_id, issue_key: c.key };
      },
    }),

    // ----- links -----
    link_issues: tool({
      description:
        "Link two issues: issue_key <link_type> other_issue_key, where link_type is blocks, is_blocked_by, duplicates, is_duplicated_by or relates_to. Returns the link with its link_id. Errors if the link already exists, links an issue to itself, or would make two issues block each other.",
      input: v.object({
        issue_key: IssueKey("The issue the sentence starts with, e.g. PAY-233 in 'PAY-233 blocks PAY-209'."),
        link_type: v.pipe(v.picklist(LINK_KINDS), v.description("blocks, is_blocked_by, duplicates, is_duplicated_by or relates_to.")),
        other_issue_key: IssueKey("The other issue, e.g. PAY-209."),
      }),
      handler: ({ issue_key, link_type, other_issue_key }, ctx) => {
        const a = getIssue(ctx, issue_key, true);
        const b = getIssue(ctx, other_issue_key, true);
        if (a.id === b.id) throw new ToolError(`an issue cannot be linked to itself (${a.key})`);
        const [src, dst, type] =
          link_type === "blocks" ? [a, b, "blocks"] : link_type === "is_blocked_by" ? [b, a, "blocks"] : link_type === "duplicates" ? [a, b, "duplicates"] : link_type === "is_duplicated_by" ? [b, a, "duplicates"] : [a, b, "relates"];
        const same = ctx.db.get<{ id: number }>(
          type === "relates"
            ? "SELECT id FROM issue_links WHERE link_type = 'relates' AND ((source_issue_id = ? AND target_issue_id = ?) OR (source_issue_id = ? AND target_issue_id = ?))"
            : "SELECT id FROM issue_links WHERE link_type = ? AND source_issue_id = ? AND target_issue_id = ?",
          ...(type === "relates" ? [src.id, dst.id, dst.id, src.id] : [type, src.id, dst.id]),
        );
        if (same) throw new ToolError(`that link already exists (link ${same.id})`);
        if (type === "blocks" && ctx.db.get("SELECT 1 FROM issue_links WHERE link_type = 'blocks' AND source_issue_id = ? AND target_issue_id = ?", dst.id, src.id)) {
          throw new ToolError(`${dst.key} already blocks ${src.key}; two issues cannot block each other`);
        }
        const id = ctx.db.run(
          "INSERT INTO issue_links (source_issue_id, target_issue_id, link_type, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
          src.id,
          dst.id,
          type,
          ctx.userId,
          ctx.timestamp,
        ).lastInsertRowid;
        const forward = type === "blocks" ? "blocks" : type === "duplicates" ? "duplicates" : "relates to";
        const backward = type === "blocks" ? "is blocked by" : type === "duplicates" ? "is duplicated by" : "relates to";
        logActivity(ctx, src.id, "linked", "link", null, `${forward} ${dst.key}`);
        logActivity(ctx, dst.id, "linked", "link", null, `${backward} ${src.key}`);
        touch(ctx, src.id);
        touch(ctx, dst.id);
        return { link_id: id, link: `${src.key} ${forward} ${dst.key}` };
      },
    }),

    unlink_issues: tool({
      description: "Remove a link between two issues by its link_id (from get_issue). Returns the removed link. Errors if the link does not exist.",
      input: v.object({ link_id: Id("The link's id (from the links of get_issue).") }),
      handler: ({ link_id }, ctx) => {
        const l = ctx.db.get<{ id: number; link_type: string; src: string; dst: string; src_id: number; dst_id: number }>(
          "SELECT l.id, l.link_type, s.key AS src, d.key AS dst, s.id AS src_id, d.id AS dst_id FROM issue_links l JOIN issues s ON s.id = l.source_issue_id JOIN issues d ON d.id = l.target_issue_id WHERE l.id = ?",
          link_id,
        );
        if (!l) throw new ToolError(`link ${link_id} not found`);
        try {
          getIssue(ctx, l.src, true);
          getIssue(ctx, l.dst, true);
        } catch {
          throw new ToolError(`link ${link_id} not found`);
        }
        ctx.db.run("DELETE FROM issue_links WHERE id = ?", link_id);
        const text = `${l.src} ${l.link_type === "relates" ? "relates to" : l.link_type} ${l.dst}`;
        logActivity(ctx, l.src_id, "unlinked", "link", text, null);
        logActivity(ctx, l.dst_id, "unlinked", "link", text, null);
        return { removed_link_id: link_id, link: text };
      },
    }),

    // ----- labels -----
    list_labels: tool({
      description: "List the workspace's labels (name, colour, description) with how many open issues in your projects carry each. Optional text filter; returns a page.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Only labels whose name contains this text.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT l.id AS label_id, l.name, l.color, l.description,
             (SELECT count(*) FROM issue_labels il JOIN issues i ON i.id = il.issue_id JOIN projects p ON p.id = i.project_id
              WHERE il.label_id = l.id AND i.status NOT IN ('done', 'cancelled') AND ${VISIBLE}) AS open_issues
           FROM labels l WHERE l.name LIKE ? ORDER BY l.name`,
          "SELECT count(*) AS n FROM labels l WHERE l.name LIKE ?",
          [ctx.userId, `%${query.trim()}%`],
          limit,
          offset,
          [`%${query.trim()}%`],
        ),
    }),

    create_label: tool({
      description: "Create a workspace label. Returns the label. Errors if a label with that name (case-insensitive) already exists.",
      input: v.object({
        name: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, "use letters, digits and hyphens, up to 40 characters"), v.description("Label name, e.g. eu-beta.")),
        color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, "use a hex colour like #0ea5e9"), v.description("Hex colour (default #6b7280).")), "#6b7280"),
        description: v.optional(v.pipe(v.string(), v.description("What the label means (optional).")), ""),
      }),
      handler: ({ name, color, description }, ctx) => {
        const clash = ctx.db.get<{ name: string }>("SELECT name FROM labels WHERE name = ? COLLATE NOCASE", name);
        if (clash) throw new ToolError(`label ${clash.name} already exists`);
        const id = ctx.db.run(
          "INSERT INTO labels (name, color, description, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
          name,
          color.toLowerCase(),
          description,
          ctx.userId,
          ctx.timestamp,
        ).lastInsertRowid;
        return { label_id: id, name, color: color.toLowerCase(), description };
      },
    }),

    add_labels: tool({
      description: "Add existing labels to an issue. Returns the labels added, those it already had, and the issue's labels now. Errors if a label does not exist (create it with create_label).",
      input: v.object({ issue_key: IssueKey("The issue key, e.g. PAY-185."), labels: LabelNames("Label names to add, e.g. ['ledger'].") }),
      handler: ({ issue_key, labels }, ctx) => {
        const i = getIssue(ctx, issue_key, true);
        const added: string[] = [];
        const already: string[] = [];
        for (const l of labelIds(ctx, labels)) {
          if (ctx.db.get("SELECT 1 FROM issue_labels WHERE issue_id = ? AND label_id = ?", i.id, l.id)) {
            already.push(l.name);
            continue;
          }
          ctx.db.run("INSERT INTO issue_labels (issue_id, label_id, added_at) VALUES (?, ?, ?)", i.id, l.id, ctx.timestamp);
          logActivity(ctx, i.id, "labeled", "labels", null, l.name);
          added.push(l.name);
        }
        if (added.length) touch(ctx, i.id);
        return { key: i.key, added, already_present: already, labels: issueBrief(ctx, i.id).labels };
      },
    }),

    remove_labels: tool({
      description: "Remove labels from an issue. Returns the issue's labels now. Errors if the issue does not carry one of the labels.",
      input: v.object({ issue_key: IssueKey("The issue key, e.g. PAY-185."), labels: LabelNames("Label names to remove.") }),
      handler: ({ issue_key, labels }, ctx) => {
        const i = getIssue(ctx, issue_key, true);
        for (const l of labelIds(ctx, labels)) {
          const r = ctx.db.run("DELETE FROM issue_labels WHERE issue_id = ? AND label_id = ?", i.id, l.id);
          if (r.changes === 0) throw new ToolError(`${i.key} does not have the label ${l.name}`);
          logActivity(ctx, i.id, "unlabeled", "labels", l.name, null);
        }
        touch(ctx, i.id);
        return { key: i.key, removed: labels, labels: issueBrief(ctx, i.id).labels };
      },
    }),

    // ----- sprints -----
    list_sprints: tool({
      description:
        "List sprints of your projects, optionally for one project and/or state (planned, active, closed), ordered by project and start date. Returns a page with sprint_id, dates, state and point totals (total, done, open).",
      input: v.object({
        project_key: v.optional(v.pipe(v.string(), v.description("Only this project, e.g. PAY."))),
        state: v.optional(v.pipe(v.picklist(["planned", "active", "closed"]), v.description("Only sprints in this state."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = [VISIBLE];
        const params: (string | number)[] = [ctx.userId];
        if (a.project_key) {
          where.push("s.project_id = ?");
          params.push(getProject(ctx, a.project_key).id);
        }
        if (a.state) {
          where.push("s.state = ?");
          params.push(a.state);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT s.id AS sprint_id, p.key AS project_key, s.name, s.goal, s.state, s.start_date, s.end_date, s.started_at, s.completed_at,
             (SELECT count(*) FROM issues i WHERE i.sprint_id = s.id) AS issue_count,
             COALESCE((SELECT SUM(estimate) FROM issues i WHERE i.sprint_id = s.id AND i.status <> 'cancelled'), 0) AS total_points,
             COALESCE((SELECT SUM(estimate) FROM issues i WHERE i.sprint_id = s.id AND i.status = 'done'), 0) AS done_points,
             COALESCE((SELECT SUM(estimate) FROM issues i WHERE i.sprint_id = s.id AND i.status NOT IN ('done', 'cancelled')), 0) AS open_points
           FROM sprints s JOIN projects p ON p.id = s.project_id ${w} ORDER BY p.key, s.start_date, s.id`,
          `SELECT count(*) AS n FROM sprints s JOIN projects p ON p.id = s.project_id ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_sprint: tool({
      description:
        "Get one sprint: goal, dates, state, days left, point totals, points per status, and every issue in it (key, title, status, estimate, assignee). Errors if the sprint does not exist in your projects.",
      input: v.object({ sprint_id: Id("The sprint's id (from list_sprints).") }),
      handler: ({ sprint_id }, ctx) => {
        const s = getSprint(ctx, sprint_id);
        const issues = splitLabels(ctx.db.all<{ labels?: unknown }>(`${ISSUE_SELECT} WHERE i.sprint_id = ? ORDER BY i.number`, sprint_id));
        const byStatus = ctx.db.all(
          "SELECT st.key AS status, count(i.id) AS issues, COALESCE(SUM(i.estimate), 0) AS points FROM statuses st LEFT JOIN issues i ON i.status = st.key AND i.sprint_id = ? GROUP BY st.key ORDER BY st.position",
          sprint_id,
        );
        return {
          sprint_id: s.id,
          project_key: s.project_key,
          name: s.name,
          goal: s.goal,
          state: s.state,
          start_date: s.start_date,
          end_date: s.end_date,
          started_at: s.started_at,
          completed_at: s.completed_at,
          committed_points: s.committed_points,
          completed_points: s.completed_points,
          days_left: s.state === "closed" ? 0 : Math.max(0, daysBetween(ctx.today, s.end_date)),
          ...sprintPoints(ctx, s.id),
          by_status: byStatus,
          issues,
        };
      },
    }),

    create_sprint: tool({
      description: "Create a planned sprint in a project you are a member of. Returns the sprint. Errors if the name is taken in that project, the dates are invalid, or the project is archived.",
      input: v.object({
        project_key: ProjectKey("Project key, e.g. PAY."),
        name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.description("Sprint name, e.g. PAY Sprint 26.")),
        start_date: DateText("First day, YYYY-MM-DD (today or later)."),
        end_date: DateText("Last day, YYYY-MM-DD, after start_date."),
        goal: v.optional(v.pipe(v.string(), v.description("Sprint goal (optional).")), ""),
      }),
      handler: (a, ctx) => {
        const p = getProject(ctx, a.project_key, true);
        assertDate(a.start_date, "start date");
        assertDate(a.end_date, "end date");
        if (a.start_date < ctx.today) throw new ToolError(`start date ${a.start_date} is in the past (today is ${ctx.today})`);
        if (a.end_date <= a.start_date) throw new ToolError("end_date must be after start_date");
        if (ctx.db.get("SELECT 1 FROM sprints WHERE project_id = ? AND name = ? COLLATE NOCASE", p.id, a.name)) throw new ToolError(`${p.key} already has a sprint named ${a.name}`);
        const id = ctx.db.run(
          "INSERT INTO sprints (project_id, name, goal, state, start_date, end_date, created_at) VALUES (?, ?, ?, 'planned', ?, ?, ?)",
          p.id,
          a.name,
          a.goal,
          a.start_date,
          a.end_date,
          ctx.timestamp,
        ).lastInsertRowid;
        return { sprint_id: id, project_key: p.key, name: a.name, goal: a.goal, state: "planned", start_date: a.start_date, end_date: a.end_date };
      },
    }),

    update_sprint: tool({
      description: "Rename a planned or active sprint or change its goal or dates (an active sprint's start date is fixed). Returns the sprint. Errors if the sprint is closed or the dates are invalid.",
      input: v.object({
        sprint_id: Id("The sprint's id."),
        name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.description("New name."))),
        goal: v.optional(v.pipe(v.string(), v.description("New goal."))),
        start_date: v.optional(DateText("New first day (planned sprints only).")),
        end_date: v.optional(DateText("New last day.")),
      }),
      handler: (a, ctx) => {
        const s = getSprint(ctx, a.sprint_id);
        if (s.project_status === "archived") throw new ToolError(`project ${s.project_key} is archived and read-only`);
        if (s.state === "closed") throw new ToolError(`sprint ${s.name} is closed and cannot be changed`);
        if (a.name === undefined && a.goal === undefined && a.start_date === undefined && a.end_date === undefined) throw new ToolError("nothing to update: pass at least one field");
        if (a.start_date !== undefined) {
          assertDate(a.start_date, "start date");
          if (s.state === "active" && a.start_date !== s.start_date) throw new ToolError(`sprint ${s.name} has already started; its start date cannot change`);
        }
        if (a.end_date !== undefined) assertDate(a.end_date, "end date");
        const start = a.start_date ?? s.start_date;
        const end = a.end_date ?? s.end_date;
        if (end <= start) throw new ToolError("end_date must be after start_date");
        if (s.state === "active" && end < ctx.today) throw new ToolError(`an active sprint cannot end in the past (today is ${ctx.today})`);
        const name = a.name ?? s.name;
        if (name.toLowerCase() !== s.name.toLowerCase() && ctx.db.get("SELECT 1 FROM sprints WHERE project_id = ? AND name = ? COLLATE NOCASE AND id <> ?", s.project_id, name, s.id)) {
          throw new ToolError(`${s.project_key} already has a sprint named ${name}`);
        }
        ctx.db.run("UPDATE sprints SET name = ?, goal = ?, start_date = ?, end_date = ? WHERE id = ?", name, a.goal ?? s.goal, start, end, s.id);
        return { sprint_id: s.id, project_key: s.project_key, name, goal: a.goal ?? s.goal, state: s.state, start_date: start, end_date: end };
      },
    }),

    start_sprint: tool({
      description:
        "Start a planned sprint today (team lead only). Its committed points are the estimates of the issues in it at start; optionally set a new end date. Returns the sprint. Errors if the sprint is not planned, the project already has an active sprint, or you do not lead the team.",
      input: v.object({
        sprint_id: Id("The planned sprint to start."),
        end_date: v.optional(DateText("New last day, YYYY-MM-DD (default: keep the planned end date).")),
      }),
      handler: ({ sprint_id, end_date }, ctx) => {
        const s = getSprint(ctx, sprint_id);
        if (s.project_status === "archived") throw new ToolError(`project ${s.project_key} is archived and read-only`);
        requireTeamLead(ctx, s, "start");
        if (s.state !== "planned") throw new ToolError(`sprint ${s.name} is already ${s.state}`);
        const active = ctx.db.get<{ name: string }>("SELECT name FROM sprints WHERE project_id = ? AND state = 'active'", s.project_id);
        if (active) throw new ToolError(`${s.project_key} already has an active sprint (${active.name}); complete it first`);
        if (end_date !== undefined) assertDate(end_date, "end date");
        const end = end_date ?? s.end_date;
        if (end <= ctx.today) throw new ToolError(`the sprint would end on ${end}, which is not after today (${ctx.today}); pass a later end_date`);
        const committed = sprintPoints(ctx, s.id);
        ctx.db.run(
          "UPDATE sprints SET state = 'active', start_date = ?, end_date = ?, started_at = ?, committed_points = ? WHERE id = ?",
          ctx.today,
          end,
          ctx.timestamp,
          committed.total_points,
          s.id,
        );
        return {
          sprint_id: s.id,
          project_key: s.project_key,
          name: s.name,
          state: "active",
          start_date: ctx.today,
          end_date: end,
          committed_points: committed.total_points,
          issue_count: committed.issue_count,
          warning: committed.issue_count === 0 ? "the sprint has no issues yet; add some with move_issues_to_sprint" : null,
        };
      },
    }),

    complete_sprint: tool({
      description:
        "Complete the active sprint (team lead only): done and cancelled issues stay in it, and every other issue moves to the next planned sprint of the project (the earliest by start date) or to the backlog. Returns the completed and moved issues. Errors if the sprint is not active, there is no planned sprint to move to, or you do not lead the team.",
      input: v.object({
        sprint_id: Id("The active sprint to complete."),
        move_open_issues_to: v.optional(v.pipe(v.picklist(["next_sprint", "backlog"]), v.description("Where unfinished issues go: next_sprint (default) or backlog.")), "next_sprint"),
      }),
      handler: ({ sprint_id, move_open_issues_to }, ctx) => {
        const s = getSprint(ctx, sprint_id);
        if (s.project_status === "archived") throw new ToolError(`project ${s.project_key} is archived and read-only`);
        requireTeamLead(ctx, s, "complete");
        if (s.state !== "active") throw new ToolError(`sprint ${s.name} is ${s.state}, not active`);
        let target: SprintRow | undefined;
        if (move_open_issues_to === "next_sprint") {
          target = nextPlannedSprint(ctx, s.project_id, s.id);
          if (!target) throw new ToolError(`${s.project_key} has no planned sprint after ${s.name}; create one with create_sprint or move unfinished issues to the backlog`);
        }
        const open = ctx.db.all<{ id: number; key: string; status: string; estimate: number | null }>(
          "SELECT id, key, status, estimate FROM issues WHERE sprint_id = ? AND status NOT IN ('done', 'cancelled') ORDER BY number",
          s.id,
        );
        for (const i of open) {
          ctx.db.run("UPDATE issues SET sprint_id = ?, updated_at = ? WHERE id = ?", target?.id ?? null, ctx.timestamp, i.id);
          logActivity(ctx, i.id, "sprint_changed", "sprint", s.name, target?.name ?? null);
        }
        const done = sprintPoints(ctx, s.id).done_points;
        ctx.db.run("UPDATE sprints SET state = 'closed', completed_at = ?, completed_points = ? WHERE id = ?", ctx.timestamp, done, s.id);
        const completed = ctx.db.all<{ key: string }>("SELECT key FROM issues WHERE sprint_id = ? AND status = 'done' ORDER BY number", s.id).map((r) => r.key);
        return {
          sprint_id: s.id,
          name: s.name,
          state: "closed",
          committed_points: s.committed_points,
          completed_points: done,
          completed_issues: completed,
          moved_issues: open.map((i) => i.key),
          moved_points: open.reduce((n, i) => n + (i.estimate ?? 0), 0),
          moved_to: target ? { sprint_id: target.id, name: target.name } : "backlog",
        };
      },
    }),

    move_issues_to_sprint: tool({
      description:
        "Move issues into a planned or active sprint of their project, or pass sprint_id null to send them back to the backlog. Returns which issues moved and which were already there. Errors if an issue is done/cancelled, an epic, or in a different project than the sprint.",
      input: v.object({
        issue_keys: v.pipe(v.array(IssueKey("An issue key, e.g. PAY-142.")), v.minLength(1), v.maxLength(50), v.description("The issues to move (1-50 keys).")),
        sprint_id: v.pipe(v.nullable(Id("A sprint id.")), v.description("The target sprint (sprint_id from list_sprints), or null for the backlog.")),
      }),
      handler: ({ issue_keys, sprint_id }, ctx) => {
        const target = sprint_id !== null ? getSprint(ctx, sprint_id) : null;
        if (target && target.state === "closed") throw new ToolError(`sprint ${target.name} is closed; pick a planned or active sprint`);
        const moved: string[] = [];
        const unchanged: string[] = [];
        const seen = new Set<string>();
        for (const k of issue_keys) {
          const i = getIssue(ctx, k, true);
          if (seen.has(i.key)) continue;
          seen.add(i.key);
          if (target && i.project_id !== target.project_id) throw new ToolError(`${i.key} is not in ${target.project_key}; ${target.name} only takes ${target.project_key} issues`);
          if (i.type === "epic") throw new ToolError(`${i.key} is an epic; epics are not planned into sprints`);
          if (CLOSED.includes(i.status)) throw new ToolError(`${i.key} is ${STATUS_NAMES[i.status]}; closed issues stay in the sprint they were finished in`);
          if (i.sprint_id === (target?.id ?? null)) {
            unchanged.push(i.key);
            continue;
          }
          const from = i.sprint_id !== null ? ctx.db.get<{ name: string; state: string }>("SELECT name, state FROM sprints WHERE id = ?", i.sprint_id)! : null;
          ctx.db.run("UPDATE issues SET sprint_id = ?, updated_at = ? WHERE id = ?", target?.id ?? null, ctx.timestamp, i.id);
          logActivity(ctx, i.id, "sprint_changed", "sprint", from?.name ?? null, target?.name ?? null);
          moved.push(i.key);
        }
        return { moved, already_there: unchanged, sprint: target ? { sprint_id: target.id, name: target.name, state: target.state } : "backlog" };
      },
    }),

    get_velocity: tool({
      description:
        "Velocity report for a project: its most recent closed sprints (newest first) with committed and completed points, the average completed over the sprints listed, and the active sprint's progress so far.",
      input: v.object({
        project_key: ProjectKey("Project key, e.g. PAY."),
        sprint_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12), v.description("How many recent closed sprints to include (1-12, default 6).")), 6),
      }),
      handler: ({ project_key, sprint_count }, ctx) => {
        const p = getProject(ctx, project_key);
        const sprints = ctx.db.all<{ sprint_id: number; name: string; start_date: string; end_date: string; committed_points: number | null; completed_points: number }>(
          "SELECT id AS sprint_id, name, start_date, end_date, committed_points, completed_points FROM sprints WHERE project_id = ? AND state = 'closed' ORDER BY end_date DESC, id DESC LIMIT ?",
          p.id,
          sprint_count,
        );
        const avg = sprints.length ? Math.round((sprints.reduce((n, s) => n + s.completed_points, 0) / sprints.length) * 100) / 100 : null;
        const active = ctx.db.get<{ id: number; name: string; committed_points: number | null }>("SELECT id, name, committed_points FROM sprints WHERE project_id = ? AND state = 'active'", p.id);
        return {
          project_key: p.key,
          closed_sprints: sprints.map((s) => ({
            ...s,
            completion_rate: s.committed_points ? `${Math.round((s.completed_points / s.committed_points) * 100)}%` : null,
          })),
          sprints_counted: sprints.length,
          average_completed_points: avg,
          active_sprint: active ? { sprint_id: active.id, name: active.name, committed_points: active.committed_points, ...sprintPoints(ctx, active.id) } : null,
        };
      },
    }),

    get_burndown: tool({
      description:
        "Burndown for an active or closed sprint: for each day from start to end (up to today), the open points remaining of the issues now in the sprint (cancelled excluded) and the ideal line. Errors if the sprint has not started.",
      input: v.object({ sprint_id: Id("The sprint's id.") }),
      handler: ({ sprint_id }, ctx) => {
        const s = getSprint(ctx, sprint_id);
        if (s.state === "planned") throw new ToolError(`sprint ${s.name} has not started yet`);
        const issues = ctx.db.all<{ estimate: number | null; status: string; resolved_at: string | null }>(
          "SELECT estimate, status, resolved_at FROM issues WHERE sprint_id = ? AND status <> 'cancelled'",
          s.id,
        );
        const scope = issues.reduce((n, i) => n + (i.estimate ?? 0), 0);
        const length = Math.max(1, daysBetween(s.start_date, s.end_date));
        const last = s.state === "closed" ? s.end_date : ctx.today < s.end_date ? ctx.today : s.end_date;
        const days = [];
        for (let d = s.start_date, n = 0; d <= last; d = addDays(d, 1), n++) {
          const burned = issues.filter((i) => i.status === "done" && i.resolved_at !== null && i.resolved_at.slice(0, 10) <= d).reduce((x, i) => x + (i.estimate ?? 0), 0);
          days.push({ date: d, remaining_points: scope - burned, ideal_points: Math.round(scope * (1 - Math.min(n, length) / length) * 10) / 10 });
        }
        const pts = sprintPoints(ctx, s.id);
        return {
          sprint_id: s.id,
          name: s.name,
          state: s.state,
          start_date: s.start_date,
          end_date: s.end_date,
          scope_points: scope,
          done_points: pts.done_points,
          remaining_points: pts.open_points,
          unestimated_open_issues: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM issues WHERE sprint_id = ? AND estimate IS NULL AND status NOT IN ('done', 'cancelled')", s.id)!.n,
          days_left: s.state === "closed" ? 0 : Math.max(0, daysBetween(ctx.today, s.end_date)),
          days,
        };
      },
    }),

    // ----- watchers, time, attachments -----
    watch_issue: tool({
      description: "Add a watcher to an issue: yourself by default, or a teammate (user_id). Returns the issue's watchers. Errors if that user already watches it, is inactive, or is not on the project's team.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-172."),
        user_id: v.optional(Id("Who should watch it (default: you).")),
      }),
      handler: ({ issue_key, user_id }, ctx) => {
        const uid = user_id ?? ctx.userId;
        const user = getUser(ctx, uid);
        const i = getIssue(ctx, issue_key, true);
        assignableUser(ctx, uid, projectById(ctx, i.project_id));
        if (ctx.db.get("SELECT 1 FROM watchers WHERE issue_id = ? AND user_id = ?", i.id, uid)) throw new ToolError(`${user.full_name} already watches ${i.key}`);
        ctx.db.run("INSERT INTO watchers (issue_id, user_id, created_at) VALUES (?, ?, ?)", i.id, uid, ctx.timestamp);
        return { key: i.key, added: { user_id: uid, name: user.full_name }, watchers: ctx.db.all("SELECT u.id AS user_id, u.full_name FROM watchers w JOIN users u ON u.id = w.user_id WHERE w.issue_id = ? ORDER BY u.full_name", i.id) };
      },
    }),

    unwatch_issue: tool({
      description: "Remove a watcher from an issue: yourself by default, or another user (user_id). Returns the issue's watchers. Errors if that user is not watching it.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-198."),
        user_id: v.optional(Id("Who should stop watching (default: you).")),
      }),
      handler: ({ issue_key, user_id }, ctx) => {
        const uid = user_id ?? ctx.userId;
        const user = getUser(ctx, uid);
        const i = getIssue(ctx, issue_key, true);
        const r = ctx.db.run("DELETE FROM watchers WHERE issue_id = ? AND user_id = ?", i.id, uid);
        if (r.changes === 0) throw new ToolError(`${user.full_name} is not watching ${i.key}`);
        return { key: i.key, removed: { user_id: uid, name: user.full_name }, watchers: ctx.db.all("SELECT u.id AS user_id, u.full_name FROM watchers w JOIN users u ON u.id = w.user_id WHERE w.issue_id = ? ORDER BY u.full_name", i.id) };
      },
    }),

    log_work: tool({
      description:
        "Log time you spent on an issue, in minutes, for a given day (default today). Returns the worklog entry and the issue's total logged minutes. Errors if the date is in the future or before the issue was created.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-172."),
        minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440), v.description("Time spent in minutes, 1-1440 (2.5 hours = 150).")),
        work_date: v.optional(DateText("The day the work was done, YYYY-MM-DD (default today).")),
        note: v.optional(v.pipe(v.string(), v.description("What you worked on (optional).")), ""),
      }),
      handler: ({ issue_key, minutes, work_date, note }, ctx) => {
        const i = getIssue(ctx, issue_key, true);
        const day = work_date ?? ctx.today;
        assertDate(day, "work date");
        if (day > ctx.today) throw new ToolError(`work date ${day} is in the future (today is ${ctx.today})`);
        if (day < i.created_at.slice(0, 10)) throw new ToolError(`${i.key} was created on ${i.created_at.slice(0, 10)}; cannot log work before that`);
        const id = ctx.db.run(
          "INSERT INTO worklogs (issue_id, user_id, minutes, work_date, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          i.id,
          ctx.userId,
          minutes,
          day,
          note.trim(),
          ctx.timestamp,
        ).lastInsertRowid;
        logActivity(ctx, i.id, "work_logged", "time", null, `${minutes}m on ${day}`);
        touch(ctx, i.id);
        const total = ctx.db.get<{ n: number }>("SELECT COALESCE(SUM(minutes), 0) AS n FROM worklogs WHERE issue_id = ?", i.id)!.n;
        return { worklog_id: id, issue_key: i.key, minutes, work_date: day, note: note.trim(), issue_total_minutes: total };
      },
    }),

    delete_worklog: tool({
      description: "Delete one of your own worklog entries. Returns the deleted entry. Errors if it does not exist or was logged by someone else.",
      input: v.object({ worklog_id: Id("The worklog's id (from get_issue).") }),
      handler: ({ worklog_id }, ctx) => {
        const w = ctx.db.get<{ id: number; user_id: number; minutes: number; work_date: string; key: string }>(
          "SELECT w.id, w.user_id, w.minutes, w.work_date, i.key FROM worklogs w JOIN issues i ON i.id = w.issue_id WHERE w.id = ?",
          worklog_id,
        );
        if (!w) throw new ToolError(`worklog ${worklog_id} not found`);
        getIssue(ctx, w.key, true);
        if (w.user_id !== ctx.userId) throw new ToolError(`worklog ${worklog_id} was logged by ${userName(ctx, w.user_id)}; you can only delete your own`);
        ctx.db.run("DELETE FROM worklogs WHERE id = ?", worklog_id);
        return { deleted_worklog_id: worklog_id, issue_key: w.key, minutes: w.minutes, work_date: w.work_date };
      },
    }),

    add_attachment: tool({
      description: "Attach a file's metadata (name, MIME type, size) to an issue as the current user. Returns the attachment with its attachment_id. Errors if the file is larger than 50 MB.",
      input: v.object({
        issue_key: IssueKey("The issue key, e.g. PAY-231."),
        filename: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255), v.description("File name, e.g. repro.log.")),
        content_type: v.optional(v.pipe(v.string(), v.description("MIME type (default application/octet-stream).")), "application/octet-stream"),
        size_bytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.description("File size in bytes (at most 52428800).")),
      }),
      handler: ({ issue_key, filename, content_type, size_bytes }, ctx) => {
        const i = getIssue(ctx, issue_key, true);
        if (size_bytes > 52428800) throw new ToolError(`${filename} is ${Math.round(size_bytes / 1048576)} MB; attachments are limited to 50 MB`);
        const id = ctx.db.run(
          "INSERT INTO attachments (issue_id, uploader_id, filename, content_type, size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          i.id,
          ctx.userId,
          filename,
          content_type,
          size_bytes,
          ctx.timestamp,
        ).lastInsertRowid;
        logActivity(ctx, i.id, "attachment_added", "attachment", null, filename);
        touch(ctx, i.id);
        return { attachment_id: id, issue_key: i.key, filename, content_type, size_bytes, created_at: ctx.timestamp };
      },
    }),

    remove_attachment: tool({
      description: "Remove an attachment you uploaded. Returns the removed attachment. Errors if it does not exist or someone else uploaded it.",
      input: v.object({ attachment_id: Id("The attachment's id (from get_issue).") }),
      handler: ({ attachment_id }, ctx) => {
        const a = ctx.db.get<{ id: number; issue_id: number; uploader_id: number; filename: string; key: string }>(
          "SELECT a.id, a.issue_id, a.uploader_id, a.filename, i.key FROM attachments a JOIN issues i ON i.id = a.issue_id WHERE a.id = ?",
          attachment_id,
        );
        if (!a) throw new ToolError(`attachment ${attachment_id} not found`);
        getIssue(ctx, a.key, true);
        if (a.uploader_id !== ctx.userId) throw new ToolError(`attachment ${attachment_id} was uploaded by ${userName(ctx, a.uploader_id)}; you can only remove your own`);
        ctx.db.run("DELETE FROM attachments WHERE id = ?", attachment_id);
        logActivity(ctx, a.issue_id, "attachment_removed", "attachment", a.filename, null);
        touch(ctx, a.issue_id);
        return { removed_attachment_id: attachment_id, issue_key: a.key, filename: a.filename };
      },
    }),

    // ----- saved filters -----
    list_saved_filters: tool({
      description: "List your saved issue filters and those teammates shared, with their criteria. Returns a page with filter_id, name, owner, shared flag and criteria.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) => {
        const r = page(
          ctx.db,
          `SELECT f.id AS filter_id, f.name, f.owner_id, u.full_name AS owner_name, f.is_shared, f.criteria, f.created_at
           FROM saved_filters f JOIN users u ON u.id = f.owner_id WHERE f.owner_id = ? OR f.is_shared = 1 ORDER BY f.owner_id <> ?, f.name`,
          "SELECT count(*) AS n FROM saved_filters f WHERE f.owner_id = ? OR f.is_shared = 1",
          [ctx.userId, ctx.userId],
          limit,
          offset,
          [ctx.userId],
        );
        for (const it of r.items as { criteria: unknown }[]) it.criteria = parseCriteria(String(it.criteria));
        return r;
      },
    }),

    create_saved_filter: tool({
      description: "Save a named issue filter (same criteria as search_issues), private by default or shared with teammates. Returns the filter. Errors if you already have a filter with that name or no criteria are given.",
      input: v.object({
        name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.description("Filter name, e.g. 'EU beta blockers'.")),
        is_shared: v.optional(v.pipe(v.boolean(), v.description("Share with teammates (default false).")), false),
        ...CriteriaFields,
      }),
      handler: (a, ctx) => {
        const { name, is_shared, ...criteria } = a;
        if (criteria.assignee_id !== undefined) getUser(ctx, criteria.assignee_id);
        if (criteria.reporter_id !== undefined) getUser(ctx, criteria.reporter_id);
        if (criteria.sprint_id !== undefined) getSprint(ctx, criteria.sprint_id);
        if (criteria.project_key) criteria.project_key = getProject(ctx, criteria.project_key).key;
        const clean = Object.fromEntries(Object.entries(criteria).filter(([, x]) => x !== undefined && x !== "" && !(Array.isArray(x) && x.length === 0)));
        if (Object.keys(clean).length === 0) throw new ToolError("a saved filter needs at least one criterion");
        if (ctx.db.get("SELECT 1 FROM saved_filters WHERE owner_id = ? AND name = ? COLLATE NOCASE", ctx.userId, name)) throw new ToolError(`you already have a filter named ${name}`);
        const id = ctx.db.run(
          "INSERT INTO saved_filters (owner_id, name, criteria, is_shared, created_at) VALUES (?, ?, ?, ?, ?)",
          ctx.userId,
          name,
          JSON.stringify(clean),
          is_shared ? 1 : 0,
          ctx.timestamp,
        ).lastInsertRowid;
        return { filter_id: id, name, is_shared, criteria: clean };
      },
    }),

    run_saved_filter: tool({
      description: "Run a saved filter (yours or a shared one) and return a page of matching issues, like search_issues. Errors if the filter does not exist.",
      input: v.object({ filter_id: Id("The filter's id (from list_saved_filters)."), limit: Limit, offset: Offset }),
      handler: ({ filter_id, limit, offset }, ctx) => {
        const f = filterRow(ctx, filter_id);
        return { filter_id: f.id, name: f.name, criteria: parseCriteria(f.criteria), ...searchIssues(ctx, parseCriteria(f.criteria), "key", limit, offset) };
      },
    }),

    delete_saved_filter: tool({
      description: "Delete one of your own saved filters. Returns the deleted filter's id and name. Errors if it does not exist or belongs to someone else.",
      input: v.object({ filter_id: Id("The filter's id (from list_saved_filters).") }),
      handler: ({ filter_id }, ctx) => {
        const f = filterRow(ctx, filter_id);
        if (f.owner_id !== ctx.userId) throw new ToolError(`filter ${filter_id} (${f.name}) belongs to ${userName(ctx, f.owner_id)}; you can only delete your own`);
        ctx.db.run("DELETE FROM saved_filters WHERE id = ?", filter_id);
        return { deleted_filter_id: filter_id, name: f.name };
      },
    }),
  },
});
