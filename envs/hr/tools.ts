import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-04-15"), v.description(what));
const Year = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100), v.description(what));
const Text = (what: string, max = 200) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), v.description(what));
const Decision = v.pipe(v.picklist(["approve", "reject"]), v.description("'approve' or 'reject'."));

const LEAVE_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
const EXPENSE_STATUSES = ["draft", "submitted", "approved", "rejected", "reimbursed"] as const;
const TIERS = ["employee_only", "employee_spouse", "employee_children", "family"] as const;
const BENEFIT_TYPES = ["medical", "dental", "vision", "life"] as const;
const GOAL_STATUSES = ["not_started", "in_progress", "completed", "cancelled"] as const;
const GOAL_CATEGORIES = ["business", "team", "development"] as const;
const RELATIONSHIPS = ["spouse", "domestic_partner", "child"] as const;
const EXPENSE_WINDOW_DAYS = 90;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface EmployeeRow {
  id: number;
  employee_number: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  work_email: string;
  work_phone: string | null;
  mobile_phone: string | null;
  personal_email: string | null;
  title: string;
  department_id: number;
  location_id: number;
  manager_id: number | null;
  employment_type: string;
  status: string;
  hire_date: string;
  termination_date: string | null;
}
interface LeaveTypeRow {
  id: number;
  code: string;
  name: string;
  tracks_balance: number;
  allows_half_day: number;
  requires_approval: number;
  allows_backdating: number;
  min_notice_days: number;
  is_active: number;
}
interface BalanceRow {
  id: number;
  entitled_days: number;
  carried_over_days: number;
  used_days: number;
  pending_days: number;
}
interface LeaveRequestRow {
  id: number;
  employee_id: number;
  leave_type_id: number;
  start_date: string;
  end_date: string;
  first_day_half: number;
  last_day_half: number;
  days: number;
  status: string;
  approver_id: number | null;
}
interface CategoryRow {
  id: number;
  code: string;
  name: string;
  max_amount_cents: number;
  receipt_required_above_cents: number;
  is_active: number;
}
interface ExpenseReportRow {
  id: number;
  report_number: string;
  employee_id: number;
  title: string;
  status: string;
  total_cents: number;
}
interface ProjectRow {
  id: number;
  code: string;
  name: string;
  status: string;
  start_date: string;
  end_date: string | null;
}
interface TimesheetRow {
  id: number;
  employee_id: number;
  week_start: string;
  status: string;
  total_hours: number;
}
interface PlanRow {
  id: number;
  plan_code: string;
  benefit_type: string;
  name: string;
  plan_year: number;
  is_active: number;
}
interface WindowRow {
  id: number;
  employee_id: number | null;
  kind: string;
  name: string;
  plan_year: number;
  starts_on: string;
  ends_on: string;
  coverage_effective_date: string;
}
interface GoalRow {
  id: number;
  employee_id: number;
  title: string;
  description: string | null;
  category: string;
  cycle_year: number;
  due_date: string;
  progress_pct: number;
  status: string;
}
interface SessionRow {
  id: number;
  course_id: number;
  title: string;
  code: string;
  delivery: string;
  location_id: number | null;
  start_date: string;
  end_date: string;
  capacity: number;
  status: string;
}
interface ContactRow {
  id: number;
  employee_id: number;
  name: string;
  relationship: string;
  phone: string;
  email: string | null;
  is_primary: number;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type Param = string | number | null;

/** One page of a query. `selectParams` bind placeholders in the SELECT list, which come before those of the WHERE clause. */
function page(db: SqlDatabase, select: string, count: string, params: Param[], limit: number, offset: number, selectParams: Param[] = []) {
  const total = db.get<{ n: number }>(count, ...params)!.n;
  const items = db.all(`${select} LIMIT ? OFFSET ?`, ...selectParams, ...params, limit, offset);
  return { items, total, limit, offset, next_offset: offset + items.length < total ? offset + items.length : null };
}

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function checkDate(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new ToolError(`${field} ${value} is not a real calendar date`);
  return value;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** 0 = Sunday ... 6 = Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function mondayOf(date: string): string {
  const wd = weekday(date);
  return addDays(date, wd === 0 ? -6 : 1 - wd);
}

function thisYear(ctx: ToolContext): number {
  return Number(ctx.today.slice(0, 4));
}

function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

const NAME = (a: string) => `(COALESCE(${a}.preferred_name, ${a}.first_name) || ' ' || ${a}.last_name)`;

function displayName(e: { preferred_name: string | null; first_name: string; last_name: string }): string {
  return `${e.preferred_name ?? e.first_name} ${e.last_name}`;
}

function getEmployee(db: SqlDatabase, id: number): EmployeeRow {
  const e = db.get<EmployeeRow>("SELECT * FROM employees WHERE id = ?", id);
  if (!e) throw new ToolError(`employee ${id} not found`);
  return e;
}

function me(ctx: ToolContext): EmployeeRow {
  return getEmployee(ctx.db, ctx.userId);
}

function isDirectReport(ctx: ToolContext, employeeId: number): boolean {
  return !!ctx.db.get("SELECT 1 FROM employees WHERE id = ? AND manager_id = ? AND status <> 'terminated'", employeeId, ctx.userId);
}

/** The current user, or one of their current direct reports (managers may view their team's records). */
function selfOrReport(ctx: ToolContext, employeeId: number | undefined): EmployeeRow {
  if (employeeId === undefined || employeeId === ctx.userId) return me(ctx);
  const e = getEmployee(ctx.db, employeeId);
  if (!isDirectReport(ctx, employeeId)) throw new ToolError(`${displayName(e)} (employee ${employeeId}) is not one of your direct reports; you can only view your own and your direct reports' records`);
  return e;
}

function managerOf(ctx: ToolContext): number {
  const m = me(ctx).manager_id;
  if (m === null) throw new ToolError("you have no manager on file to approve this; contact People Operations");
  return m;
}

function employeeCard(db: SqlDatabase, e: EmployeeRow, includePrivate: boolean) {
  const dept = db.get<{ id: number; name: string }>("SELECT id, name FROM departments WHERE id = ?", e.department_id)!;
  const loc = db.get<{ id: number; name: string; city: string; timezone: string }>("SELECT id, name, city, timezone FROM locations WHERE id = ?", e.location_id)!;
  const mgr = e.manager_id === null ? undefined : db.get<EmployeeRow>("SELECT * FROM employees WHERE id = ?", e.manager_id);
  const reports = db.all(
    `SELECT e.id AS employee_id, ${NAME("e")} AS name, e.title, e.status, l.name AS location FROM employees e JOIN locations l ON l.id = e.location_id
     WHERE e.manager_id = ? AND e.status <> 'terminated' ORDER BY e.last_name, e.first_name`,
    e.id,
  );
  return {
    employee_id: e.id,
    employee_number: e.employee_number,
    name: displayName(e),
    first_name: e.first_name,
    last_name: e.last_name,
    preferred_name: e.preferred_name,
    pronouns: e.pronouns,
    title: e.title,
    department: { department_id: dept.id, name: dept.name },
    location: { location_id: loc.id, name: loc.name, city: loc.city, timezone: loc.timezone },
    manager: mgr ? { employee_id: mgr.id, name: displayName(mgr), title: mgr.title } : null,
    work_email: e.work_email,
    work_phone: e.work_phone,
    ...(includePrivate ? { mobile_phone: e.mobile_phone, personal_email: e.personal_email } : {}),
    employment_type: e.employment_type,
    status: e.status,
    hire_date: e.hire_date,
    termination_date: e.termination_date,
    direct_reports: reports,
  };
}

// ----- leave -----

function getLeaveType(db: SqlDatabase, id: number): LeaveTypeRow {
  const t = db.get<LeaveTypeRow>("SELECT * FROM leave_types WHERE id = ?", id);
  if (!t) throw new ToolError(`leave type ${id} not found`);
  return t;
}

function getBalance(db: SqlDatabase, employeeId: number, leaveTypeId: number, year: number): BalanceRow | undefined {
  return db.get<BalanceRow>("SELECT id, entitled_days, carried_over_days, used_days, pending_days FROM leave_balances WHERE employee_id = ? AND leave_type_id = ? AND year = ?", employeeId, leaveTypeId, year);
}

function available(b: BalanceRow): number {
  return b.entitled_days + b.carried_over_days - b.used_days - b.pending_days;
}

function adjustBalance(ctx: ToolContext, employeeId: number, leaveTypeId: number, year: number, usedDelta: number, pendingDelta: number) {
  const t = getLeaveType(ctx.db, leaveTypeId);
  if (!t.tracks_balance) return;
  const b = getBalance(ctx.db, employeeId, leaveTypeId, year);
  if (!b) throw new ToolError(`no ${t.name} balance for ${year}`);
  ctx.db.run(
    "UPDATE leave_balances SET used_days = MAX(0, used_days + ?), pending_days = MAX(0, pending_days + ?), updated_at = ? WHERE id = ?",
    usedDelta,
    pendingDelta,
    ctx.timestamp,
    b.id,
  );
}

interface LeaveCount {
  days: number;
  working_dates: string[];
  excluded_dates: { date: string; reason: string }[];
}

/** Working days between two dates for an employee's location: weekends and public holidays are not counted. */
function countLeave(ctx: ToolContext, emp: EmployeeRow, start: string, end: string, firstHalf: boolean, lastHalf: boolean): LeaveCount {
  checkDate(start, "start_date");
  checkDate(end, "end_date");
  if (end < start) throw new ToolError(`end_date ${end} is before start_date ${start}`);
  if (start.slice(0, 4) !== end.slice(0, 4)) throw new ToolError("a leave request cannot span two calendar years; split it into one request per year");
  if (daysBetween(start, end) > 180) throw new ToolError("a single leave request can cover at most 180 calendar days");
  const holidays = new Map(
    ctx.db
      .all<{ holiday_date: string; name: string }>("SELECT holiday_date, name FROM public_holidays WHERE location_id = ? AND holiday_date BETWEEN ? AND ?", emp.location_id, start, end)
      .map((h) => [h.holiday_date, h.name]),
  );
  const working: string[] = [];
  const excluded: { date: string; reason: string }[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const wd = weekday(d);
    if (wd === 0 || wd === 6) excluded.push({ date: d, reason: wd === 0 ? "Sunday" : "Saturday" });
    else if (holidays.has(d)) excluded.push({ date: d, reason: `public holiday: ${holidays.get(d)}` });
    else working.push(d);
  }
  if (working.length === 0) throw new ToolError(`there are no working days between ${start} and ${end} (only weekends and public holidays)`);
  if (firstHalf && !working.includes(start)) throw new ToolError(`first_day_half: ${start} is not a working day`);
  if (lastHalf && !working.includes(end)) throw new ToolError(`last_day_half: ${end} is not a working day`);
  let days = working.length;
  if (start === end) {
    if (firstHalf && lastHalf) throw new ToolError("a single-day request can be a half day (first_day_half or last_day_half), not both");
    if (firstHalf || lastHalf) days = 0.5;
  } else {
    days -= (firstHalf ? 0.5 : 0) + (lastHalf ? 0.5 : 0);
  }
  return { days, working_dates: working, excluded_dates: excluded };
}

function leaveRequestView(db: SqlDatabase, id: number) {
  return db.get(
    `SELECT r.id AS leave_request_id, r.employee_id, ${NAME("e")} AS employee_name, r.leave_type_id, t.name AS leave_type, r.start_date, r.end_date,
       r.first_day_half, r.last_day_half, r.days, r.reason, r.status, r.approver_id, ${NAME("a")} AS approver_name, r.decision_note, r.decided_at, r.cancelled_at, r.created_at
     FROM leave_requests r JOIN employees e ON e.id = r.employee_id JOIN leave_types t ON t.id = r.leave_type_id LEFT JOIN employees a ON a.id = r.approver_id
     WHERE r.id = ?`,
    id,
  );
}

function balanceView(db: SqlDatabase, employeeId: number, year: number) {
  return db
    .all<{ leave_type_id: number; code: string; name: string; entitled_days: number; carried_over_days: number; used_days: number; pending_days: number }>(
      `SELECT b.leave_type_id, t.code, t.name, b.entitled_days, b.carried_over_days, b.used_days, b.pending_days
       FROM leave_balances b JOIN leave_types t ON t.id = b.leave_type_id WHERE b.employee_id = ? AND b.year = ? ORDER BY t.id`,
      employeeId,
      year,
    )
    .map((b) => ({ ...b, available_days: b.entitled_days + b.carried_over_days - b.used_days - b.pending_days }));
}

// ----- expenses -----

function getCategory(db: SqlDatabase, id: number): CategoryRow {
  const c = db.get<CategoryRow>("SELECT * FROM expense_categories WHERE id = ?", id);
  if (!c) throw new ToolError(`expense category ${id} not found`);
  return c;
}

interface ItemInput {
  category_id: number;
  expense_date: string;
  merchant: string;
  description: string;
  amount_cents: number;
  has_receipt: boolean;
}

function validateItem(ctx: ToolContext, item: ItemInput): CategoryRow {
  const c = getCategory(ctx.db, item.category_id);
  if (!c.is_active) throw new ToolError(`expense category ${c.name} is retired and can no longer be claimed`);
  checkDate(item.expense_date, "expense_date");
  if (item.expense_date > ctx.today) throw new ToolError(`expense_date ${item.expense_date} is in the future`);
  if (daysBetween(item.expense_date, ctx.today) > EXPENSE_WINDOW_DAYS) throw new ToolError(`expenses must be claimed within ${EXPENSE_WINDOW_DAYS} days; ${item.expense_date} is too old`);
  if (item.amount_cents > c.max_amount_cents) throw new ToolError(`${money(item.amount_cents)} exceeds the ${money(c.max_amount_cents)} per-item limit for ${c.name}`);
  if (!item.has_receipt && item.amount_cents > c.receipt_required_above_cents) {
    throw new ToolError(
      c.receipt_required_above_cents === 0
        ? `a receipt is required for every ${c.name} expense (set has_receipt: true once it is attached)`
        : `a receipt is required for ${c.name} expenses over ${money(c.receipt_required_above_cents)} (set has_receipt: true once it is attached)`,
    );
  }
  return c;
}

function insertItem(ctx: ToolContext, reportId: number, item: ItemInput): number {
  return ctx.db.run(
    "INSERT INTO expense_items (report_id, category_id, expense_date, merchant, description, amount_cents, has_receipt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    reportId,
    item.category_id,
    item.expense_date,
    item.merchant,
    item.description || null,
    item.amount_cents,
    item.has_receipt ? 1 : 0,
    ctx.timestamp,
  ).lastInsertRowid;
}

function refreshReportTotal(ctx: ToolContext, reportId: number) {
  ctx.db.run(
    "UPDATE expense_reports SET total_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM expense_items WHERE report_id = ?), updated_at = ? WHERE id = ?",
    reportId,
    ctx.timestamp,
    reportId,
  );
}

function myReport(ctx: ToolContext, id: number): ExpenseReportRow {
  const r = ctx.db.get<ExpenseReportRow>("SELECT id, report_number, employee_id, title, status, total_cents FROM expense_reports WHERE id = ? AND employee_id = ?", id, ctx.userId);
  if (!r) throw new ToolError(`expense report ${id} not found`);
  return r;
}

function assertDraft(r: ExpenseReportRow) {
  if (r.status !== "draft") throw new ToolError(`expense report ${r.report_number} is ${r.status}; only draft reports can be changed`);
}

function reportDetail(db: SqlDatabase, id: number) {
  const r = db.get<Record<string, unknown> & { total_cents: number }>(
    `SELECT r.id AS expense_report_id, r.report_number, r.employee_id, ${NAME("e")} AS employee_name, r.title, r.purpose, r.project_id, p.name AS project_name,
       r.status, r.total_cents, r.approver_id, ${NAME("a")} AS approver_name, r.decision_note, r.submitted_at, r.decided_at, r.reimbursed_at, r.created_at, r.updated_at
     FROM expense_reports r JOIN employees e ON e.id = r.employee_id LEFT JOIN employees a ON a.id = r.approver_id LEFT JOIN projects p ON p.id = r.project_id
     WHERE r.id = ?`,
    id,
  )!;
  const items = db.all(
    `SELECT i.id AS expense_item_id, i.category_id, c.name AS category, i.expense_date, i.merchant, i.description, i.amount_cents, i.has_receipt
     FROM expense_items i JOIN expense_categories c ON c.id = i.category_id WHERE i.report_id = ? ORDER BY i.expense_date, i.id`,
    id,
  );
  return { ...r, total: money(r.total_cents), items };
}

function nextReportNumber(ctx: ToolContext): string {
  const yy = ctx.today.slice(2, 4);
  const last = ctx.db.get<{ n: number | null }>("SELECT MAX(CAST(substr(report_number, 8) AS INTEGER)) AS n FROM expense_reports WHERE report_number LIKE ?", `EXP-${yy}-%`)!.n ?? 0;
  return `EXP-${yy}-${String(last + 1).padStart(4, "0")}`;
}

// ----- time -----

function getProject(db: SqlDatabase, id: number): ProjectRow {
  const p = db.get<ProjectRow>("SELECT id, code, name, status, start_date, end_date FROM projects WHERE id = ?", id);
  if (!p) throw new ToolError(`project ${id} not found`);
  return p;
}

function findTimesheet(ctx: ToolContext, weekStart: string): TimesheetRow | undefined {
  return ctx.db.get<TimesheetRow>("SELECT id, employee_id, week_start, status, total_hours FROM timesheets WHERE employee_id = ? AND week_start = ?", ctx.userId, weekStart);
}

function assertEditable(ts: TimesheetRow) {
  if (ts.status === "submitted" || ts.status === "approved") throw new ToolError(`your timesheet for the week of ${ts.week_start} is ${ts.status} and can no longer be changed`);
}

function refreshTimesheetTotal(ctx: ToolContext, timesheetId: number) {
  ctx.db.run(
    "UPDATE timesheets SET total_hours = (SELECT COALESCE(SUM(hours), 0) FROM time_entries WHERE timesheet_id = ?), updated_at = ? WHERE id = ?",
    timesheetId,
    ctx.timestamp,
    timesheetId,
  );
}

function timesheetView(ctx: ToolContext, weekStart: string) {
  const ts = ctx.db.get<Record<string, unknown> & { id: number }>(
    `SELECT t.id, t.status, t.total_hours, t.approver_id, ${NAME("a")} AS approver_name, t.decision_note, t.submitted_at, t.decided_at
     FROM timesheets t LEFT JOIN employees a ON a.id = t.approver_id WHERE t.employee_id = ? AND t.week_start = ?`,
    ctx.userId,
    weekStart,
  );
  const entries = ts
    ? ctx.db.all<{ work_date: string; hours: number }>(
        `SELECT te.id AS time_entry_id, te.work_date, te.project_id, p.code AS project_code, p.name AS project_name, te.hours, te.note
         FROM time_entries te JOIN projects p ON p.id = te.project_id WHERE te.timesheet_id = ? ORDER BY te.work_date, te.id`,
        ts.id,
      )
    : [];
  const daily: Record<string, number> = {};
  for (let i = 0; i < 7; i++) daily[addDays(weekStart, i)] = 0;
  for (const e of entries) daily[e.work_date] = (daily[e.work_date] ?? 0) + e.hours;
  return {
    timesheet_id: ts?.id ?? null,
    week_start: weekStart,
    week_end: addDays(weekStart, 6),
    status: ts ? ts.status : "not_started",
    total_hours: entries.reduce((n, e) => n + e.hours, 0),
    daily_totals: daily,
    approver_id: ts?.approver_id ?? null,
    approver_name: ts?.approver_name ?? null,
    decision_note: ts?.decision_note ?? null,
    submitted_at: ts?.submitted_at ?? null,
    decided_at: ts?.decided_at ?? null,
    entries,
  };
}

// ----- benefits -----

function getPlan(db: SqlDatabase, id: number): PlanRow {
  const p = db.get<PlanRow>("SELECT id, plan_code, benefit_type, name, plan_year, is_active FROM benefit_plans WHERE id = ?", id);
  if (!p) throw new ToolError(`benefit plan ${id} not found`);
  return p;
}

function openWindows(ctx: ToolContext): WindowRow[] {
  return ctx.db.all<WindowRow>(
    "SELECT * FROM enrollment_windows WHERE (employee_id IS NULL OR employee_id = ?) AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id",
    ctx.userId,
    ctx.today,
    ctx.today,
  );
}

function windowFor(ctx: ToolContext, planYear: number): WindowRow {
  const w = openWindows(ctx).find((x) => x.plan_year === planYear);
  if (w) return w;
  const upcoming = ctx.db.get<WindowRow>(
    "SELECT * FROM enrollment_windows WHERE (employee_id IS NULL OR employee_id = ?) AND plan_year = ? AND starts_on > ? ORDER BY starts_on LIMIT 1",
    ctx.userId,
    planYear,
    ctx.today,
  );
  throw new ToolError(
    `benefit elections for plan year ${planYear} can only be changed during an enrollment window (open enrollment, new hire or a qualifying life event)` +
      (upcoming ? `; the next one is ${upcoming.name}, ${upcoming.starts_on} to ${upcoming.ends_on}` : "; none is open for you now"),
  );
}

function enrollmentsView(db: SqlDatabase, employeeId: number, planYear: number, activeOnly: boolean) {
  return db.all(
    `SELECT be.id AS enrollment_id, p.benefit_type, be.plan_id, p.name AS plan_name, p.provider, p.plan_year, be.coverage_tier, be.monthly_cost_cents,
       be.status, be.effective_date, be.end_date
     FROM benefit_enrollments be JOIN benefit_plans p ON p.id = be.plan_id
     WHERE be.employee_id = ? AND p.plan_year = ? AND (? = 0 OR be.status = 'active') ORDER BY p.benefit_type, be.effective_date`,
    employeeId,
    planYear,
    activeOnly ? 1 : 0,
  );
}

// ----- goals -----

function myGoal(ctx: ToolContext, id: number): GoalRow {
  const g = ctx.db.get<GoalRow>("SELECT * FROM goals WHERE id = ? AND employee_id = ?", id, ctx.userId);
  if (!g) {
    const other = ctx.db.get<{ employee_id: number }>("SELECT employee_id FROM goals WHERE id = ?", id);
    if (other && isDirectReport(ctx, other.employee_id)) throw new ToolError(`goal ${id} belongs to one of your direct reports; you can view it but only its owner can change it`);
    throw new ToolError(`goal ${id} not found`);
  }
  return g;
}

function goalDetail(db: SqlDatabase, id: number) {
  const g = db.get(`SELECT g.id AS goal_id, g.employee_id, ${NAME("e")} AS owner_name, g.title, g.description, g.category, g.cycle_year, g.due_date, g.progress_pct, g.status, g.created_at, g.updated_at
     FROM goals g JOIN employees e ON e.id = g.employee_id WHERE g.id = ?`, id);
  const checkins = db.all(
    `SELECT c.id AS checkin_id, c.progress_pct, c.note, c.author_id, ${NAME("a")} AS author_name, c.created_at FROM goal_checkins c JOIN employees a ON a.id = c.author_id WHERE c.goal_id = ? ORDER BY c.created_at, c.id`,
    id,
  );
  return { ...(g as object), checkins };
}

function statusForProgress(progress: number, current: string): string {
  if (progress >= 100) return "completed";
  if (progress > 0) return "in_progress";
  return current === "completed" ? "in_progress" : current;
}

// ----- training -----

function getSession(db: SqlDatabase, id: number): SessionRow {
  const s = db.get<SessionRow>(
    "SELECT s.id, s.course_id, c.title, c.code, s.delivery, s.location_id, s.start_date, s.end_date, s.capacity, s.status FROM training_sessions s JOIN training_courses c ON c.id = s.course_id WHERE s.id = ?",
    id,
  );
  if (!s) throw new ToolError(`training session ${id} not found`);
  return s;
}

function seatsTaken(db: SqlDatabase, sessionId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM training_enrollments WHERE session_id = ? AND status IN ('enrolled', 'completed')", sessionId)!.n;
}

const SESSION_SELECT = `SELECT s.id AS session_id, s.course_id, c.code AS course_code, c.title, c.category, c.provider, c.duration_hours, c.is_mandatory,
    s.delivery, s.location_id, l.name AS location, s.start_date, s.end_date, s.instructor, s.status, s.capacity,
    (SELECT count(*) FROM training_enrollments x WHERE x.session_id = s.id AND x.status IN ('enrolled', 'completed')) AS seats_taken,
    s.capacity - (SELECT count(*) FROM training_enrollments x WHERE x.session_id = s.id AND x.status IN ('enrolled', 'completed')) AS seats_left,
    (SELECT count(*) FROM training_enrollments x WHERE x.session_id = s.id AND x.status = 'waitlisted') AS waitlist_count,
    (SELECT x.status FROM training_enrollments x WHERE x.session_id = s.id AND x.employee_id = ?) AS my_status
  FROM training_sessions s JOIN training_courses c ON c.id = s.course_id LEFT JOIN locations l ON l.id = s.location_id`;

// ----- announcements -----

function visibleAnnouncementsWhere(): string {
  return `a.published_at <= ? AND (a.audience = 'all'
    OR (a.audience = 'location' AND a.location_id = ?)
    OR (a.audience = 'department' AND (a.department_id = ? OR a.department_id = (SELECT parent_id FROM departments WHERE id = ?))))`;
}

// ----- emergency contacts -----

function myContact(ctx: ToolContext, id: number): ContactRow {
  const c = ctx.db.get<ContactRow>("SELECT * FROM emergency_contacts WHERE id = ? AND employee_id = ?", id, ctx.userId);
  if (!c) throw new ToolError(`emergency contact ${id} not found`);
  return c;
}

function listContacts(ctx: ToolContext) {
  return ctx.db.all(
    "SELECT id AS emergency_contact_id, name, relationship, phone, email, is_primary, updated_at FROM emergency_contacts WHERE employee_id = ? ORDER BY is_primary DESC, id",
    ctx.userId,
  );
}

const PHONE = /^\+?[0-9 ().-]{7,20}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

const ExpenseItemFields = {
  category_id: Id("Expense category id (see list_expense_categories), e.g. Lodging or Ground Transportation."),
  expense_date: DateText("Date the expense was incurred, YYYY-MM-DD (not in the future, at most 90 days ago)."),
  merchant: Text("Merchant or vendor, e.g. 'The Maven Hotel' or 'Yellow Cab'.", 120),
  description: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Short description, e.g. 'Hotel, 1 night' (optional).")), ""),
  amount_cents: v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Amount in US cents, e.g. 21240 for $212.40.")),
  has_receipt: v.optional(v.pipe(v.boolean(), v.description("True if an itemised receipt is attached (default false).")), false),
};

export default defineEnv({
  tools: {
    // ======================= profile & org chart =======================
    get_my_profile: tool({
      description:
        "Show the signed-in employee's profile: name, title, department, location, manager and current direct reports (the user's place in the org chart), plus contact details.",
      input: v.object({}),
      handler: (_args, ctx) => employeeCard(ctx.db, me(ctx), true),
    }),

    update_my_profile: tool({
      description:
        "Update the signed-in employee's personal details (preferred name, pronouns, mobile phone, personal email); pass only what changes, an empty string clears an optional field. Returns the updated profile.",
      input: v.object({
        preferred_name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(60), v.description("Name to show instead of the legal first name; '' clears it."))),
        pronouns: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(30), v.description("Pronouns, e.g. 'she/her'; '' clears them."))),
        mobile_phone: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(25), v.description("Mobile phone, e.g. '+1 512-555-0198'; '' clears it."))),
        personal_email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120), v.description("Personal email address; '' clears it."))),
      }),
      handler: (a, ctx) => {
        const fields: [string, string | undefined][] = [
          ["preferred_name", a.preferred_name],
          ["pronouns", a.pronouns],
          ["mobile_phone", a.mobile_phone],
          ["personal_email", a.personal_email],
        ];
        const changes = fields.filter(([, val]) => val !== undefined);
        if (changes.length === 0) throw new ToolError("nothing to update: pass at least one field");
        if (a.mobile_phone && !PHONE.test(a.mobile_phone)) throw new ToolError(`mobile_phone '${a.mobile_phone}' is not a valid phone number`);
        if (a.personal_email && !EMAIL.test(a.personal_email)) throw new ToolError(`personal_email '${a.personal_email}' is not a valid email address`);
        for (const [col, val] of changes) {
          // Column names come from the fixed list above, never from input.
          ctx.db.run(`UPDATE employees SET ${col} = ?, updated_at = ? WHERE id = ?`, val === "" ? null : val!, ctx.timestamp, ctx.userId);
        }
        return employeeCard(ctx.db, me(ctx), true);
      },
    }),

    search_employees: tool({
      description:
        "Search the company directory by name, title or email (every word must match, case-insensitive), optionally by department or location. Returns a page of employees with employee_id, title, department, location and manager; former employees only when asked.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match against names, preferred names, titles and emails, e.g. 'Sam' or 'data engineer'. Empty lists everyone.")), ""),
        department: v.optional(v.pipe(v.string(), v.description("Department name (partial match), e.g. 'Data Platform'.")), ""),
        location: v.optional(v.pipe(v.string(), v.description("Office name or city (partial match), e.g. 'Denver'.")), ""),
        include_former: v.optional(v.pipe(v.boolean(), v.description("Also list terminated (former) employees (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: Param[] = [];
        for (const w of likeWords(a.query)) {
          where.push(`(e.first_name LIKE ? OR e.last_name LIKE ? OR e.preferred_name LIKE ? OR ${NAME("e")} LIKE ? OR (e.first_name || ' ' || e.last_name) LIKE ? OR e.title LIKE ? OR e.work_email LIKE ?)`);
          params.push(w, w, w, w, w, w, w);
        }
        if (a.department.trim()) {
          where.push("d.name LIKE ?");
          params.push(`%${a.department.trim()}%`);
        }
        if (a.location.trim()) {
          where.push("(l.name LIKE ? OR l.city LIKE ?)");
          params.push(`%${a.location.trim()}%`, `%${a.location.trim()}%`);
        }
        if (!a.include_former) where.push("e.status <> 'terminated'");
        const from = "FROM employees e JOIN departments d ON d.id = e.department_id JOIN locations l ON l.id = e.location_id LEFT JOIN employees m ON m.id = e.manager_id";
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        return page(
          ctx.db,
          `SELECT e.id AS employee_id, ${NAME("e")} AS name, e.first_name, e.last_name, e.title, d.name AS department, l.name AS location,
             e.manager_id, ${NAME("m")} AS manager_name, e.status, e.work_email ${from} ${w} ORDER BY e.last_name, e.first_name, e.id`,
          `SELECT count(*) AS n ${from} ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_employee: tool({
      description:
        "Show one employee's directory card: title, department, location, work contact details, their manager and their current direct reports (for walking the org chart). Errors if the employee does not exist.",
      input: v.object({ employee_id: Id("The employee's id (from search_employees or an org chart).") }),
      handler: ({ employee_id }, ctx) => employeeCard(ctx.db, getEmployee(ctx.db, employee_id), employee_id === ctx.userId),
    }),

    // ======================= leave =======================
    list_leave_types: tool({
      description:
        "List the leave types (vacation, sick, personal, parental, ...) with their rules: annual days, carry-over, whether half days are allowed, whether approval is needed, notice required and whether a balance is tracked.",
      input: v.object({
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list retired leave types (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) =>
        page(
          ctx.db,
          `SELECT id AS leave_type_id, code, name, description, accrual_rule, annual_days, max_carryover_days, tracks_balance, allows_half_day, requires_approval,
             allows_backdating, min_notice_days, is_paid, is_active FROM leave_types WHERE (? = 1 OR is_active = 1) ORDER BY id`,
          "SELECT count(*) AS n FROM leave_types WHERE (? = 1 OR is_active = 1)",
          [a.include_inactive ? 1 : 0],
          a.limit,
          a.offset,
        ),
    }),

    get_leave_balances: tool({
      description:
        "Leave balances for a year (default this year): entitled, carried over, used (approved, including booked future leave), pending, and available days per leave type. Defaults to you; managers may pass a direct report's employee_id.",
      input: v.object({
        year: v.optional(Year("Calendar year, e.g. 2026 (default: this year).")),
        employee_id: v.optional(Id("A direct report's employee id (default: yourself).")),
      }),
      handler: (a, ctx) => {
        const e = selfOrReport(ctx, a.employee_id);
        const year = a.year ?? thisYear(ctx);
        return { employee_id: e.id, employee_name: displayName(e), year, balances: balanceView(ctx.db, e.id, year) };
      },
    }),

    list_public_holidays: tool({
      description:
        "List the public holidays of an office for a year (default: your own office, this year). Holidays and weekends are not counted as leave days.",
      input: v.object({
        year: v.optional(Year("Calendar year (default: this year).")),
        location_id: v.optional(Id("Office location id (default: your office).")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const locId = a.location_id ?? me(ctx).location_id;
        const loc = ctx.db.get<{ name: string }>("SELECT name FROM locations WHERE id = ?", locId);
        if (!loc) throw new ToolError(`location ${locId} not found`);
        const year = String(a.year ?? thisYear(ctx));
        const res = page(
          ctx.db,
          "SELECT id AS holiday_id, holiday_date, name FROM public_holidays WHERE location_id = ? AND substr(holiday_date, 1, 4) = ? ORDER BY holiday_date",
          "SELECT count(*) AS n FROM public_holidays WHERE location_id = ? AND substr(holiday_date, 1, 4) = ?",
          [locId, year],
          a.limit,
          a.offset,
        );
        return { location_id: locId, location: loc.name, year: Number(year), ...res };
      },
    }),

    calculate_leave_days: tool({
      description:
        "Preview how many leave days a date range would use for you without booking anything: weekends and your office's public holidays are skipped, and a half first/last day counts 0.5. With leave_type_id it also shows your available balance before and after.",
      input: v.object({
        start_date: DateText("First day of leave, YYYY-MM-DD."),
        end_date: DateText("Last day of leave, YYYY-MM-DD (same as start_date for one day)."),
        first_day_half: v.optional(v.pipe(v.boolean(), v.description("Count the first day as a half day (default false).")), false),
        last_day_half: v.optional(v.pipe(v.boolean(), v.description("Count the last day as a half day (default false).")), false),
        leave_type_id: v.optional(Id("Leave type id, to include your balance before and after.")),
      }),
      handler: (a, ctx) => {
        const e = me(ctx);
        const t = a.leave_type_id === undefined ? undefined : getLeaveType(ctx.db, a.leave_type_id);
        if (t && !t.allows_half_day && (a.first_day_half || a.last_day_half)) throw new ToolError(`${t.name} must be taken in full days`);
        const c = countLeave(ctx, e, a.start_date, a.end_date, a.first_day_half, a.last_day_half);
        let balance = null;
        if (t && t.tracks_balance) {
          const b = getBalance(ctx.db, e.id, t.id, Number(a.start_date.slice(0, 4)));
          balance = b ? { leave_type: t.name, available_before: available(b), available_after: available(b) - c.days } : { leave_type: t.name, available_before: 0, available_after: -c.days };
        }
        return { start_date: a.start_date, end_date: a.end_date, days: c.days, working_dates: c.working_dates, excluded_dates: c.excluded_dates, balance };
      },
    }),

    request_leave: tool({
      description:
        "Request leave for yourself. Days are counted in working days (weekends and your office's holidays skipped; half first/last day = 0.5). Rejects overlaps with your pending/approved leave, insufficient balance, short notice and half days where not allowed. Returns the request (pending for your manager, or approved at once for types that need no approval) and your new balance.",
      input: v.object({
        leave_type_id: Id("Leave type id (see list_leave_types), e.g. Vacation."),
        start_date: DateText("First day of leave, YYYY-MM-DD."),
        end_date: DateText("Last day of leave, YYYY-MM-DD (same as start_date for one day)."),
        first_day_half: v.optional(v.pipe(v.boolean(), v.description("Take only half of the first day (counts 0.5). Default false.")), false),
        last_day_half: v.optional(v.pipe(v.boolean(), v.description("Take only half of the last day (counts 0.5). Default false.")), false),
        reason: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Optional note for your manager.")), ""),
      }),
      handler: (a, ctx) => {
        const e = me(ctx);
        const t = getLeaveType(ctx.db, a.leave_type_id);
        if (!t.is_active) throw new ToolError(`${t.name} is retired and can no longer be requested`);
        if (!t.allows_half_day && (a.first_day_half || a.last_day_half)) throw new ToolError(`${t.name} must be taken in full days`);
        const c = countLeave(ctx, e, a.start_date, a.end_date, a.first_day_half, a.last_day_half);
        if (a.start_date < ctx.today && !t.allows_backdating) throw new ToolError(`${t.name} cannot be requested for past dates (${a.start_date} is before today, ${ctx.today})`);
        if (a.start_date >= ctx.today && daysBetween(ctx.today, a.start_date) < t.min_notice_days) {
          throw new ToolError(`${t.name} needs at least ${t.min_notice_days} days' notice; the earliest start date is ${addDays(ctx.today, t.min_notice_days)}`);
        }
        const clash = ctx.db.get<{ id: number; start_date: string; end_date: string; status: string }>(
          "SELECT id, start_date, end_date, status FROM leave_requests WHERE employee_id = ? AND status IN ('pending', 'approved') AND start_date <= ? AND end_date >= ? ORDER BY start_date LIMIT 1",
          e.id,
          a.end_date,
          a.start_date,
        );
        if (clash) throw new ToolError(`this overlaps your ${clash.status} leave request ${clash.id} (${clash.start_date} to ${clash.end_date})`);
        const year = Number(a.start_date.slice(0, 4));
        let after: number | null = null;
        if (t.tracks_balance) {
          const b = getBalance(ctx.db, e.id, t.id, year);
          if (!b) throw new ToolError(`you have no ${t.name} balance for ${year}`);
          const avail = available(b);
          if (c.days > avail) throw new ToolError(`insufficient ${t.name} balance: this needs ${c.days} day(s) but you have ${avail} available for ${year}`);
          after = avail - c.days;
        }
        const autoApprove = !t.requires_approval;
        const approver = autoApprove ? null : managerOf(ctx);
        const id = ctx.db.run(
          `INSERT INTO leave_requests (employee_id, leave_type_id, start_date, end_date, first_day_half, last_day_half, days, reason, status, approver_id, decided_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          e.id,
          t.id,
          a.start_date,
          a.end_date,
          a.first_day_half ? 1 : 0,
          a.last_day_half ? 1 : 0,
          c.days,
          a.reason.trim() || null,
          autoApprove ? "approved" : "pending",
          approver,
          autoApprove ? ctx.timestamp : null,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        adjustBalance(ctx, e.id, t.id, year, autoApprove ? c.days : 0, autoApprove ? 0 : c.days);
        return { ...(leaveRequestView(ctx.db, id) as object), working_dates: c.working_dates, excluded_dates: c.excluded_dates, available_days_after: after };
      },
    }),

    list_leave_requests: tool({
      description: "List your own leave requests (newest first), optionally by status, year or leave type. Returns leave_request_id, type, dates, days, status and the approver's decision.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(LEAVE_STATUSES), v.description("Only requests in this status."))),
        year: v.optional(Year("Only requests starting in this year.")),
        leave_type_id: v.optional(Id("Only this leave type.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["r.employee_id = ?"];
        const params: Param[] = [ctx.userId];
        if (a.status) {
          where.push("r.status = ?");
          params.push(a.status);
        }
        if (a.year !== undefined) {
          where.push("substr(r.start_date, 1, 4) = ?");
          params.push(String(a.year));
        }
        if (a.leave_type_id !== undefined) {
          getLeaveType(ctx.db, a.leave_type_id);
          where.push("r.leave_type_id = ?");
          params.push(a.leave_type_id);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT r.id AS leave_request_id, t.name AS leave_type, r.leave_type_id, r.start_date, r.end_date, r.first_day_half, r.last_day_half, r.days, r.reason, r.status,
             ${NAME("a")} AS approver_name, r.decision_note, r.decided_at, r.created_at
           FROM leave_requests r JOIN leave_types t ON t.id = r.leave_type_id LEFT JOIN employees a ON a.id = r.approver_id ${w} ORDER BY r.start_date DESC, r.id DESC`,
          `SELECT count(*) AS n FROM leave_requests r ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    cancel_leave_request: tool({
      description:
        "Cancel one of your own pending or approved leave requests that has not started yet; the days go back to your balance. Errors if it is not yours, already rejected/cancelled, or already started.",
      input: v.object({ leave_request_id: Id("Id of your leave request (from list_leave_requests).") }),
      handler: ({ leave_request_id }, ctx) => {
        const r = ctx.db.get<LeaveRequestRow>("SELECT * FROM leave_requests WHERE id = ? AND employee_id = ?", leave_request_id, ctx.userId);
        if (!r) throw new ToolError(`leave request ${leave_request_id} not found`);
        if (r.status !== "pending" && r.status !== "approved") throw new ToolError(`leave request ${r.id} is already ${r.status}`);
        if (r.start_date <= ctx.today) throw new ToolError(`leave request ${r.id} started on ${r.start_date} and can no longer be cancelled here; ask People Operations`);
        ctx.db.run("UPDATE leave_requests SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, r.id);
        const year = Number(r.start_date.slice(0, 4));
        adjustBalance(ctx, r.employee_id, r.leave_type_id, year, r.status === "approved" ? -r.days : 0, r.status === "pending" ? -r.days : 0);
        const t = getLeaveType(ctx.db, r.leave_type_id);
        const b = getBalance(ctx.db, r.employee_id, r.leave_type_id, year);
        return { ...(leaveRequestView(ctx.db, r.id) as object), days_restored: r.days, available_days_now: t.tracks_balance && b ? available(b) : null };
      },
    }),

    list_team_leave_requests: tool({
      description:
        "As a manager, list your direct reports' leave requests (default: pending ones awaiting your decision), optionally for one report or a date range. Each request lists other team leave (pending or approved) that overlaps it.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist([...LEAVE_STATUSES, "all"]), v.description("Status filter (default 'pending'; 'all' for every status).")), "pending"),
        employee_id: v.optional(Id("Only this direct report.")),
        from_date: v.optional(DateText("Only leave ending on or after this date.")),
        to_date: v.optional(DateText("Only leave starting on or before this date.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["e.manager_id = ?", "e.status <> 'terminated'"];
        const params: Param[] = [ctx.userId];
        if (a.status !== "all") {
          where.push("r.status = ?");
          params.push(a.status);
        }
        if (a.employee_id !== undefined) {
          selfOrReport(ctx, a.employee_id);
          where.push("r.employee_id = ?");
          params.push(a.employee_id);
        }
        if (a.from_date) {
          where.push("r.end_date >= ?");
          params.push(checkDate(a.from_date, "from_date"));
        }
        if (a.to_date) {
          where.push("r.start_date <= ?");
          params.push(checkDate(a.to_date, "to_date"));
        }
        const from = "FROM leave_requests r JOIN employees e ON e.id = r.employee_id JOIN leave_types t ON t.id = r.leave_type_id";
        const w = `WHERE ${where.join(" AND ")}`;
        const res = page(
          ctx.db,
          `SELECT r.id AS leave_request_id, r.employee_id, ${NAME("e")} AS employee_name, t.name AS leave_type, r.start_date, r.end_date, r.first_day_half, r.last_day_half,
             r.days, r.reason, r.status, r.decision_note, r.decided_at, r.created_at ${from} ${w} ORDER BY r.start_date, r.id`,
          `SELECT count(*) AS n ${from} ${w}`,
          params,
          a.limit,
          a.offset,
        );
        const items = (res.items as { leave_request_id: number; employee_id: number; start_date: string; end_date: string }[]).map((r) => ({
          ...r,
          overlapping_team_leave: ctx.db.all(
            `SELECT x.id AS leave_request_id, ${NAME("e")} AS employee_name, x.start_date, x.end_date, x.status FROM leave_requests x JOIN employees e ON e.id = x.employee_id
             WHERE e.manager_id = ? AND e.status <> 'terminated' AND x.employee_id <> ? AND x.status IN ('pending', 'approved') AND x.start_date <= ? AND x.end_date >= ? ORDER BY x.start_date`,
            ctx.userId,
            r.employee_id,
            r.end_date,
            r.start_date,
          ),
        }));
        return { ...res, items };
      },
    }),

    review_leave_request: tool({
      description:
        "As a manager, approve or reject a pending leave request from one of your direct reports. Approving moves the days from pending to used; rejecting releases them. A note is required when rejecting. Errors if the request is not your report's or not pending.",
      input: v.object({
        leave_request_id: Id("The leave request id (from list_team_leave_requests)."),
        decision: Decision,
        note: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Message to the employee; required when rejecting.")), ""),
      }),
      handler: (a, ctx) => {
        const r = ctx.db.get<LeaveRequestRow>("SELECT * FROM leave_requests WHERE id = ?", a.leave_request_id);
        if (!r) throw new ToolError(`leave request ${a.leave_request_id} not found`);
        if (r.employee_id === ctx.userId) throw new ToolError("you cannot decide your own leave request");
        if (!isDirectReport(ctx, r.employee_id)) throw new ToolError(`leave request ${r.id} is not from one of your direct reports`);
        if (r.status !== "pending") throw new ToolError(`leave request ${r.id} is already ${r.status}`);
        const note = a.note.trim();
        if (a.decision === "reject" && !note) throw new ToolError("a note explaining the rejection is required");
        const status = a.decision === "approve" ? "approved" : "rejected";
        ctx.db.run(
          "UPDATE leave_requests SET status = ?, approver_id = ?, decision_note = ?, decided_at = ?, updated_at = ? WHERE id = ?",
          status,
          ctx.userId,
          note || null,
          ctx.timestamp,
          ctx.timestamp,
          r.id,
        );
        const year = Number(r.start_date.slice(0, 4));
        adjustBalance(ctx, r.employee_id, r.leave_type_id, year, status === "approved" ? r.days : 0, -r.days);
        return leaveRequestView(ctx.db, r.id);
      },
    }),

    // ======================= expenses =======================
    list_expense_categories: tool({
      description:
        "List expense categories with their per-item limit and the amount above which a receipt is required (0 = always). Use the category id when adding expense items.",
      input: v.object({
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list retired categories (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const res = page(
          ctx.db,
          "SELECT id AS category_id, code, name, description, max_amount_cents, receipt_required_above_cents, is_active FROM expense_categories WHERE (? = 1 OR is_active = 1) ORDER BY id",
          "SELECT count(*) AS n FROM expense_categories WHERE (? = 1 OR is_active = 1)",
          [a.include_inactive ? 1 : 0],
          a.limit,
          a.offset,
        );
        const items = (res.items as { max_amount_cents: number; receipt_required_above_cents: number }[]).map((c) => ({
          ...c,
          max_amount: money(c.max_amount_cents),
          receipt_rule: c.receipt_required_above_cents === 0 ? "receipt always required" : `receipt required over ${money(c.receipt_required_above_cents)}`,
        }));
        return { ...res, items };
      },
    }),

    list_expense_reports: tool({
      description: "List your own expense reports (newest first), optionally by status or words in the title/purpose. Returns expense_report_id, report number, status, total and item count.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match in the title or purpose, e.g. 'Denver'.")), ""),
        status: v.optional(v.pipe(v.picklist(EXPENSE_STATUSES), v.description("Only reports in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["r.employee_id = ?"];
        const params: Param[] = [ctx.userId];
        for (const w of likeWords(a.query)) {
          where.push("(r.title LIKE ? OR r.purpose LIKE ? OR r.report_number LIKE ?)");
          params.push(w, w, w);
        }
        if (a.status) {
          where.push("r.status = ?");
          params.push(a.status);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT r.id AS expense_report_id, r.report_number, r.title, r.status, r.total_cents, (SELECT count(*) FROM expense_items i WHERE i.report_id = r.id) AS item_count,
             r.submitted_at, r.decided_at, r.reimbursed_at, r.created_at FROM expense_reports r ${w} ORDER BY r.created_at DESC, r.id DESC`,
          `SELECT count(*) AS n FROM expense_reports r ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_expense_report: tool({
      description: "Show one expense report with its items (category, date, merchant, amount, receipt). Works for your own reports and, as a manager, your direct reports' reports.",
      input: v.object({ expense_report_id: Id("The expense report id.") }),
      handler: ({ expense_report_id }, ctx) => {
        const r = ctx.db.get<{ employee_id: number }>("SELECT employee_id FROM expense_reports WHERE id = ?", expense_report_id);
        if (!r || (r.employee_id !== ctx.userId && !isDirectReport(ctx, r.employee_id))) throw new ToolError(`expense report ${expense_report_id} not found`);
        return reportDetail(ctx.db, expense_report_id);
      },
    }),

    create_expense_report: tool({
      description:
        "Create a draft expense report for yourself, optionally with its items in one call. Each item is checked against its category's per-item limit and receipt rule and must be dated within the last 90 days. Returns the draft; submit it with submit_expense_report.",
      input: v.object({
        title: Text("Report title, e.g. 'Denver offsite – April 2026'.", 120),
        purpose: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Business purpose (optional).")), ""),
        project_id: v.optional(Id("Project to charge (optional; must be active).")),
        items: v.optional(v.pipe(v.array(v.object(ExpenseItemFields)), v.maxLength(50), v.description("Expense lines to add right away (optional).")), []),
      }),
      handler: (a, ctx) => {
        if (a.project_id !== undefined) {
          const p = getProject(ctx.db, a.project_id);
          if (p.status !== "active") throw new ToolError(`project ${p.name} is ${p.status.replace("_", " ")}; expenses can only be charged to active projects`);
        }
        for (const item of a.items) validateItem(ctx, item);
        const id = ctx.db.run(
          "INSERT INTO expense_reports (report_number, employee_id, title, purpose, project_id, status, total_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'draft', 0, ?, ?)",
          nextReportNumber(ctx),
          ctx.userId,
          a.title,
          a.purpose.trim() || null,
          a.project_id ?? null,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        for (const item of a.items) insertItem(ctx, id, item);
        refreshReportTotal(ctx, id);
        return reportDetail(ctx.db, id);
      },
    }),

    add_expense_item: tool({
      description:
        "Add an expense line to one of your draft expense reports. Errors if the report is not a draft, the amount is over the category limit, a required receipt is missing, or the date is in the future or over 90 days ago. Returns the updated report.",
      input: v.object({ expense_report_id: Id("Your draft expense report's id."), ...ExpenseItemFields }),
      handler: (a, ctx) => {
        const r = myReport(ctx, a.expense_report_id);
        assertDraft(r);
        validateItem(ctx, a);
        insertItem(ctx, r.id, a);
        refreshReportTotal(ctx, r.id);
        return reportDetail(ctx.db, r.id);
      },
    }),

    remove_expense_item: tool({
      description: "Remove one line from one of your draft expense reports. Returns the updated report. Errors if the item is not yours or its report is no longer a draft.",
      input: v.object({ expense_item_id: Id("The expense item id (from get_expense_report).") }),
      handler: ({ expense_item_id }, ctx) => {
        const item = ctx.db.get<{ report_id: number }>(
          "SELECT i.report_id FROM expense_items i JOIN expense_reports r ON r.id = i.report_id WHERE i.id = ? AND r.employee_id = ?",
          expense_item_id,
          ctx.userId,
        );
        if (!item) throw new ToolError(`expense item ${expense_item_id} not found`);
        assertDraft(myReport(ctx, item.report_id));
        ctx.db.run("DELETE FROM expense_items WHERE id = ?", expense_item_id);
        refreshReportTotal(ctx, item.report_id);
        return reportDetail(ctx.db, item.report_id);
      },
    }),

    submit_expense_report: tool({
      description:
        "Submit one of your draft expense reports to your manager for approval. Errors if it has no items, is not a draft, or an item breaks a category rule. Returns the submitted report.",
      input: v.object({ expense_report_id: Id("Your draft expense report's id.") }),
      handler: ({ expense_report_id }, ctx) => {
        const r = myReport(ctx, expense_report_id);
        assertDraft(r);
        const items = ctx.db.all<{ category_id: number; merchant: string; amount_cents: number; has_receipt: number }>(
          "SELECT category_id, merchant, amount_cents, has_receipt FROM expense_items WHERE report_id = ?",
          r.id,
        );
        if (items.length === 0) throw new ToolError(`expense report ${r.report_number} has no items; add at least one before submitting`);
        for (const i of items) {
          const c = getCategory(ctx.db, i.category_id);
          if (!c.is_active) throw new ToolError(`an item uses the retired category ${c.name}; remove it before submitting`);
          if (i.amount_cents > c.max_amount_cents) throw new ToolError(`an item of ${money(i.amount_cents)} exceeds the ${c.name} limit of ${money(c.max_amount_cents)}`);
          if (!i.has_receipt && i.amount_cents > c.receipt_required_above_cents) throw new ToolError(`the ${c.name} item from ${i.merchant} needs a receipt`);
        }
        ctx.db.run(
          "UPDATE expense_reports SET status = 'submitted', approver_id = ?, submitted_at = ?, decision_note = NULL, updated_at = ? WHERE id = ?",
          managerOf(ctx),
          ctx.timestamp,
          ctx.timestamp,
          r.id,
        );
        refreshReportTotal(ctx, r.id);
        return reportDetail(ctx.db, r.id);
      },
    }),

    delete_expense_report: tool({
      description: "Delete one of your draft expense reports and its items. Errors if the report is not yours or has already been submitted.",
      input: v.object({ expense_report_id: Id("Your draft expense report's id.") }),
      handler: ({ expense_report_id }, ctx) => {
        const r = myReport(ctx, expense_report_id);
        assertDraft(r);
        ctx.db.run("DELETE FROM expense_items WHERE report_id = ?", r.id);
        ctx.db.run("DELETE FROM expense_reports WHERE id = ?", r.id);
        return { expense_report_id: r.id, report_number: r.report_number, deleted: true };
      },
    }),

    list_team_expense_reports: tool({
      description:
        "As a manager, list your direct reports' expense reports (default: submitted ones awaiting your approval), optionally for one report. Returns expense_report_id, employee, title, total, item count and dates.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist([...EXPENSE_STATUSES, "all"]), v.description("Status filter (default 'submitted'; 'all' for every status except drafts).")), "submitted"),
        employee_id: v.optional(Id("Only this direct report.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["e.manager_id = ?", "e.status <> 'terminated'"];
        const params: Param[] = [ctx.userId];
        if (a.status === "all") where.push("r.status <> 'draft'");
        else {
          where.push("r.status = ?");
          params.push(a.status);
        }
        if (a.employee_id !== undefined) {
          selfOrReport(ctx, a.employee_id);
          where.push("r.employee_id = ?");
          params.push(a.employee_id);
        }
        const from = "FROM expense_reports r JOIN employees e ON e.id = r.employee_id";
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT r.id AS expense_report_id, r.report_number, r.employee_id, ${NAME("e")} AS employee_name, r.title, r.purpose, r.status, r.total_cents,
             (SELECT count(*) FROM expense_items i WHERE i.report_id = r.id) AS item_count, r.submitted_at, r.decided_at, r.reimbursed_at
           ${from} ${w} ORDER BY r.submitted_at DESC, r.id DESC`,
          `SELECT count(*) AS n ${from} ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    review_expense_report: tool({
      description:
        "As a manager, approve or reject a submitted expense report from one of your direct reports (a note is required when rejecting). Errors if it is not your report's or not awaiting approval. Returns the updated report.",
      input: v.object({
        expense_report_id: Id("The expense report id (from list_team_expense_reports)."),
        decision: Decision,
        note: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Message to the employee; required when rejecting.")), ""),
      }),
      handler: (a, ctx) => {
        const r = ctx.db.get<ExpenseReportRow>("SELECT id, report_number, employee_id, title, status, total_cents FROM expense_reports WHERE id = ?", a.expense_report_id);
        if (!r) throw new ToolError(`expense report ${a.expense_report_id} not found`);
        if (r.employee_id === ctx.userId) throw new ToolError("you cannot approve your own expense report");
        if (!isDirectReport(ctx, r.employee_id)) throw new ToolError(`expense report ${r.id} is not from one of your direct reports`);
        if (r.status !== "submitted") throw new ToolError(`expense report ${r.report_number} is ${r.status}, not awaiting approval`);
        const note = a.note.trim();
        if (a.decision === "reject" && !note) throw new ToolError("a note explaining the rejection is required");
        ctx.db.run(
          "UPDATE expense_reports SET status = ?, approver_id = ?, decision_note = ?, decided_at = ?, updated_at = ? WHERE id = ?",
          a.decision === "approve" ? "approved" : "rejected",
          ctx.userId,
          note || null,
          ctx.timestamp,
          ctx.timestamp,
          r.id,
        );
        return reportDetail(ctx.db, r.id);
      },
    }),

    // ======================= time tracking =======================
    list_projects: tool({
      description: "Search projects you can log time to, by name or code (default: active projects only). Returns project_id, code, name, status and dates.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match in the project name, code or client, e.g. 'Atlas'.")), ""),
        status: v.optional(v.pipe(v.picklist(["active", "on_hold", "closed", "all"]), v.description("Status filter (default 'active').")), "active"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: Param[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(p.name LIKE ? OR p.code LIKE ? OR p.client LIKE ?)");
          params.push(w, w, w);
        }
        if (a.status !== "all") {
          where.push("p.status = ?");
          params.push(a.status);
        }
        const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
        return page(
          ctx.db,
          `SELECT p.id AS project_id, p.code, p.name, p.client, d.name AS department, p.status, p.billable, p.start_date, p.end_date
           FROM projects p LEFT JOIN departments d ON d.id = p.department_id ${w} ORDER BY p.code`,
          `SELECT count(*) AS n FROM projects p ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_timesheet: tool({
      description:
        "Show your weekly timesheet (Monday to Sunday) for the week containing a date (default: this week): status, entries with time_entry_id, daily totals and week total. Status is 'not_started' if nothing was logged that week.",
      input: v.object({ week_of: v.optional(DateText("Any date in the week, YYYY-MM-DD (default: today).")) }),
      handler: (a, ctx) => timesheetView(ctx, mondayOf(checkDate(a.week_of ?? ctx.today, "week_of"))),
    }),

    log_time: tool({
      description:
        "Record your hours for one project on one day (replacing the hours already logged for that project and day). The project must be active, the day not in the future, the day's total at most 24 hours, and the week's timesheet not yet submitted. Returns the entry and the day's and week's totals.",
      input: v.object({
        work_date: DateText("The day worked, YYYY-MM-DD (today or earlier)."),
        project_id: Id("Project id (from list_projects)."),
        hours: v.pipe(v.number(), v.minValue(0.25), v.maxValue(24), v.description("Hours for that project that day, in steps of 0.25 (e.g. 6 or 7.5).")),
        note: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("What you worked on (optional).")), ""),
      }),
      handler: (a, ctx) => {
        const e = me(ctx);
        checkDate(a.work_date, "work_date");
        if (a.work_date > ctx.today) throw new ToolError(`cannot log time for ${a.work_date}: it is in the future`);
        if (a.work_date < e.hire_date) throw new ToolError(`cannot log time before your hire date (${e.hire_date})`);
        if (Math.round(a.hours * 4) !== a.hours * 4) throw new ToolError("hours must be in steps of 0.25");
        const p = getProject(ctx.db, a.project_id);
        if (p.status !== "active") throw new ToolError(`project ${p.code} ${p.name} is ${p.status.replace("_", " ")}; time can only be logged to active projects`);
        if (a.work_date < p.start_date || (p.end_date && a.work_date > p.end_date)) throw new ToolError(`project ${p.code} runs from ${p.start_date} to ${p.end_date ?? "(open)"}; ${a.work_date} is outside it`);
        const weekStart = mondayOf(a.work_date);
        let ts = findTimesheet(ctx, weekStart);
        if (ts) assertEditable(ts);
        else {
          const id = ctx.db.run(
            "INSERT INTO timesheets (employee_id, week_start, status, total_hours, created_at, updated_at) VALUES (?, ?, 'open', 0, ?, ?)",
            ctx.userId,
            weekStart,
            ctx.timestamp,
            ctx.timestamp,
          ).lastInsertRowid;
          ts = { id, employee_id: ctx.userId, week_start: weekStart, status: "open", total_hours: 0 };
        }
        const existing = ctx.db.get<{ id: number; hours: number }>("SELECT id, hours FROM time_entries WHERE timesheet_id = ? AND project_id = ? AND work_date = ?", ts.id, p.id, a.work_date);
        const others = ctx.db.get<{ h: number }>("SELECT COALESCE(SUM(hours), 0) AS h FROM time_entries WHERE timesheet_id = ? AND work_date = ? AND id <> ?", ts.id, a.work_date, existing?.id ?? 0)!.h;
        if (others + a.hours > 24) throw new ToolError(`that would make ${others + a.hours} hours on ${a.work_date}; a day can have at most 24 hours (${others} already logged to other projects)`);
        let entryId: number;
        if (existing) {
          ctx.db.run("UPDATE time_entries SET hours = ?, note = ?, updated_at = ? WHERE id = ?", a.hours, a.note.trim() || null, ctx.timestamp, existing.id);
          entryId = existing.id;
        } else {
          entryId = ctx.db.run(
            "INSERT INTO time_entries (timesheet_id, project_id, work_date, hours, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ts.id,
            p.id,
            a.work_date,
            a.hours,
            a.note.trim() || null,
            ctx.timestamp,
            ctx.timestamp,
          ).lastInsertRowid;
        }
        if (ts.status === "rejected") ctx.db.run("UPDATE timesheets SET status = 'open' WHERE id = ?", ts.id);
        refreshTimesheetTotal(ctx, ts.id);
        const week = ctx.db.get<{ total_hours: number }>("SELECT total_hours FROM timesheets WHERE id = ?", ts.id)!.total_hours;
        return {
          time_entry_id: entryId,
          timesheet_id: ts.id,
          week_start: weekStart,
          work_date: a.work_date,
          project_id: p.id,
          project: `${p.code} ${p.name}`,
          hours: a.hours,
          replaced_hours: existing?.hours ?? null,
          day_total_hours: others + a.hours,
          week_total_hours: week,
        };
      },
    }),

    delete_time_entry: tool({
      description: "Delete one of your time entries from a timesheet that has not been submitted. Returns the week's new total.",
      input: v.object({ time_entry_id: Id("The time entry id (from get_timesheet).") }),
      handler: ({ time_entry_id }, ctx) => {
        const te = ctx.db.get<{ id: number; timesheet_id: number }>(
          "SELECT te.id, te.timesheet_id FROM time_entries te JOIN timesheets t ON t.id = te.timesheet_id WHERE te.id = ? AND t.employee_id = ?",
          time_entry_id,
          ctx.userId,
        );
        if (!te) throw new ToolError(`time entry ${time_entry_id} not found`);
        const ts = ctx.db.get<TimesheetRow>("SELECT id, employee_id, week_start, status, total_hours FROM timesheets WHERE id = ?", te.timesheet_id)!;
        assertEditable(ts);
        ctx.db.run("DELETE FROM time_entries WHERE id = ?", te.id);
        refreshTimesheetTotal(ctx, ts.id);
        return { time_entry_id: te.id, deleted: true, week_start: ts.week_start, week_total_hours: ctx.db.get<{ h: number }>("SELECT total_hours AS h FROM timesheets WHERE id = ?", ts.id)!.h };
      },
    }),

    submit_timesheet: tool({
      description:
        "Submit your timesheet for the week containing a date to your manager for approval; after that it can no longer be edited. Errors if nothing was logged, the week has not started, or it is already submitted/approved.",
      input: v.object({ week_of: DateText("Any date in the week to submit, YYYY-MM-DD.") }),
      handler: (a, ctx) => {
        const weekStart = mondayOf(checkDate(a.week_of, "week_of"));
        if (weekStart > ctx.today) throw new ToolError(`the week of ${weekStart} has not started yet`);
        const ts = findTimesheet(ctx, weekStart);
        if (!ts) throw new ToolError(`you have no time logged for the week of ${weekStart}; log time first`);
        assertEditable(ts);
        const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM time_entries WHERE timesheet_id = ?", ts.id)!.n;
        if (n === 0) throw new ToolError(`your timesheet for the week of ${weekStart} has no entries`);
        refreshTimesheetTotal(ctx, ts.id);
        ctx.db.run(
          "UPDATE timesheets SET status = 'submitted', approver_id = ?, submitted_at = ?, decision_note = NULL, decided_at = NULL, updated_at = ? WHERE id = ?",
          managerOf(ctx),
          ctx.timestamp,
          ctx.timestamp,
          ts.id,
        );
        return timesheetView(ctx, weekStart);
      },
    }),

    // ======================= payroll =======================
    list_payslips: tool({
      description: "List your payslips (newest first), optionally for one year: pay date, period, gross and net pay. Use get_payslip for the line-by-line breakdown.",
      input: v.object({
        year: v.optional(Year("Only payslips paid in this year.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["employee_id = ?"];
        const params: Param[] = [ctx.userId];
        if (a.year !== undefined) {
          where.push("substr(pay_date, 1, 4) = ?");
          params.push(String(a.year));
        }
        const w = `WHERE ${where.join(" AND ")}`;
        const res = page(
          ctx.db,
          `SELECT id AS payslip_id, pay_date, period_start, period_end, pay_type, gross_cents, pretax_deductions_cents, taxes_cents, posttax_deductions_cents, net_cents FROM payslips ${w} ORDER BY pay_date DESC, id DESC`,
          `SELECT count(*) AS n FROM payslips ${w}`,
          params,
          a.limit,
          a.offset,
        );
        const items = (res.items as { gross_cents: number; net_cents: number }[]).map((p) => ({ ...p, gross: money(p.gross_cents), net: money(p.net_cents) }));
        return { ...res, items };
      },
    }),

    get_payslip: tool({
      description: "Show one of your payslips with every line: earnings, pre-tax deductions (401(k), insurance premiums), taxes and post-tax deductions, and the net pay. Payslips are read-only.",
      input: v.object({ payslip_id: Id("The payslip id (from list_payslips).") }),
      handler: ({ payslip_id }, ctx) => {
        const p = ctx.db.get<Record<string, unknown> & { gross_cents: number; net_cents: number }>(
          "SELECT id AS payslip_id, pay_date, period_start, period_end, pay_type, gross_cents, pretax_deductions_cents, taxes_cents, posttax_deductions_cents, net_cents FROM payslips WHERE id = ? AND employee_id = ?",
          payslip_id,
          ctx.userId,
        );
        if (!p) throw new ToolError(`payslip ${payslip_id} not found`);
        const lines = ctx.db.all<{ line_type: string; label: string; amount_cents: number }>("SELECT line_type, label, amount_cents FROM payslip_lines WHERE payslip_id = ? ORDER BY id", payslip_id);
        const group = (t: string) => lines.filter((l) => l.line_type === t).map((l) => ({ label: l.label, amount_cents: l.amount_cents, amount: money(l.amount_cents) }));
        return {
          ...p,
          gross: money(p.gross_cents),
          net: money(p.net_cents),
          earnings: group("earning"),
          pretax_deductions: group("pretax_deduction"),
          taxes: group("tax"),
          posttax_deductions: group("posttax_deduction"),
        };
      },
    }),

    // ======================= benefits =======================
    list_benefit_plans: tool({
      description: "List benefit plans for a plan year (default: this year), optionally one benefit type, with the monthly employee cost for each coverage tier.",
      input: v.object({
        benefit_type: v.optional(v.pipe(v.picklist(BENEFIT_TYPES), v.description("Only this benefit type."))),
        plan_year: v.optional(Year("Plan year (default: this year).")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["plan_year = ?"];
        const params: Param[] = [a.plan_year ?? thisYear(ctx)];
        if (a.benefit_type) {
          where.push("benefit_type = ?");
          params.push(a.benefit_type);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        const res = page(
          ctx.db,
          `SELECT id AS plan_id, plan_code, benefit_type, name, provider, plan_year, description, is_active FROM benefit_plans ${w} ORDER BY benefit_type, name`,
          `SELECT count(*) AS n FROM benefit_plans ${w}`,
          params,
          a.limit,
          a.offset,
        );
        const items = (res.items as { plan_id: number }[]).map((p) => ({
          ...p,
          monthly_cost_by_tier: Object.fromEntries(
            ctx.db
              .all<{ coverage_tier: string; c: number }>("SELECT coverage_tier, monthly_employee_cost_cents AS c FROM benefit_plan_rates WHERE plan_id = ? ORDER BY id", p.plan_id)
              .map((r) => [r.coverage_tier, r.c]),
          ),
        }));
        return { ...res, items };
      },
    }),

    get_my_benefits: tool({
      description:
        "Show your benefit elections for a plan year (default: this year) with plan, coverage tier and monthly cost, plus your dependents and any enrollment window open to you now (the only time elections can change).",
      input: v.object({ plan_year: v.optional(Year("Plan year (default: this year).")) }),
      handler: (a, ctx) => {
        const year = a.plan_year ?? thisYear(ctx);
        return {
          plan_year: year,
          active_enrollments: enrollmentsView(ctx.db, ctx.userId, year, true),
          enrollment_history: enrollmentsView(ctx.db, ctx.userId, year, false),
          dependents: ctx.db.all("SELECT id AS dependent_id, first_name, last_name, relationship, date_of_birth FROM dependents WHERE employee_id = ? ORDER BY id", ctx.userId),
          open_enrollment_windows: openWindows(ctx).map((w) => ({ window_id: w.id, kind: w.kind, name: w.name, plan_year: w.plan_year, starts_on: w.starts_on, ends_on: w.ends_on, coverage_effective_date: w.coverage_effective_date })),
        };
      },
    }),

    enroll_in_benefit_plan: tool({
      description:
        "Elect a benefit plan and coverage tier during an enrollment window open to you; it replaces your current plan of the same type from the window's effective date. The tier must match your dependents (spouse/partner and/or children). Returns your active elections.",
      input: v.object({
        plan_id: Id("Benefit plan id (from list_benefit_plans) for the plan year being changed."),
        coverage_tier: v.pipe(v.picklist(TIERS), v.description("Who is covered: employee_only, employee_spouse, employee_children or family.")),
      }),
      handler: (a, ctx) => {
        const plan = getPlan(ctx.db, a.plan_id);
        if (!plan.is_active) throw new ToolError(`${plan.name} (${plan.plan_year}) is no longer offered`);
        const w = windowFor(ctx, plan.plan_year);
        const rate = ctx.db.get<{ c: number }>("SELECT monthly_employee_cost_cents AS c FROM benefit_plan_rates WHERE plan_id = ? AND coverage_tier = ?", plan.id, a.coverage_tier);
        if (!rate) throw new ToolError(`${plan.name} does not offer ${a.coverage_tier} coverage`);
        const deps = ctx.db.all<{ relationship: string }>("SELECT relationship FROM dependents WHERE employee_id = ?", ctx.userId);
        const partner = deps.some((d) => d.relationship !== "child");
        const child = deps.some((d) => d.relationship === "child");
        const needPartner = a.coverage_tier === "employee_spouse" || a.coverage_tier === "family";
        const needChild = a.coverage_tier === "employee_children" || a.coverage_tier === "family";
        if (needPartner && !partner) throw new ToolError(`${a.coverage_tier} coverage needs a spouse or domestic partner in your dependents; add them first with add_dependent`);
        if (needChild && !child) throw new ToolError(`${a.coverage_tier} coverage needs at least one child in your dependents; add them first with add_dependent`);
        const current = ctx.db.get<{ id: number; plan_id: number; coverage_tier: string; effective_date: string }>(
          `SELECT be.id, be.plan_id, be.coverage_tier, be.effective_date FROM benefit_enrollments be JOIN benefit_plans p ON p.id = be.plan_id
           WHERE be.employee_id = ? AND be.status = 'active' AND p.benefit_type = ? AND p.plan_year = ?`,
          ctx.userId,
          plan.benefit_type,
          plan.plan_year,
        );
        if (current && current.plan_id === plan.id && current.coverage_tier === a.coverage_tier) throw new ToolError(`you are already enrolled in ${plan.name} with ${a.coverage_tier} coverage`);
        if (current && current.effective_date >= w.coverage_effective_date) {
          // Elected earlier in this same window: change that election in place.
          ctx.db.run(
            "UPDATE benefit_enrollments SET plan_id = ?, coverage_tier = ?, monthly_cost_cents = ?, window_id = ?, updated_at = ? WHERE id = ?",
            plan.id,
            a.coverage_tier,
            rate.c,
            w.id,
            ctx.timestamp,
            current.id,
          );
        } else {
          if (current) {
            ctx.db.run("UPDATE benefit_enrollments SET status = 'ended', end_date = ?, updated_at = ? WHERE id = ?", addDays(w.coverage_effective_date, -1), ctx.timestamp, current.id);
          }
          ctx.db.run(
            `INSERT INTO benefit_enrollments (employee_id, plan_id, coverage_tier, monthly_cost_cents, status, effective_date, end_date, window_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'active', ?, NULL, ?, ?, ?)`,
            ctx.userId,
            plan.id,
            a.coverage_tier,
            rate.c,
            w.coverage_effective_date,
            w.id,
            ctx.timestamp,
            ctx.timestamp,
          );
        }
        return { window: w.name, effective_date: w.coverage_effective_date, active_enrollments: enrollmentsView(ctx.db, ctx.userId, plan.plan_year, true) };
      },
    }),

    waive_benefit: tool({
      description: "Drop (waive) your current coverage of one benefit type during an enrollment window open to you; coverage ends the day before the window's effective date. Returns your active elections.",
      input: v.object({
        benefit_type: v.pipe(v.picklist(BENEFIT_TYPES), v.description("The benefit to drop: medical, dental, vision or life.")),
        plan_year: v.optional(Year("Plan year (default: this year).")),
      }),
      handler: (a, ctx) => {
        const year = a.plan_year ?? thisYear(ctx);
        const w = windowFor(ctx, year);
        const current = ctx.db.get<{ id: number; effective_date: string }>(
          `SELECT be.id, be.effective_date FROM benefit_enrollments be JOIN benefit_plans p ON p.id = be.plan_id
           WHERE be.employee_id = ? AND be.status = 'active' AND p.benefit_type = ? AND p.plan_year = ?`,
          ctx.userId,
          a.benefit_type,
          year,
        );
        if (!current) throw new ToolError(`you have no active ${a.benefit_type} coverage for ${year}`);
        const end = current.effective_date >= w.coverage_effective_date ? current.effective_date : addDays(w.coverage_effective_date, -1);
        ctx.db.run("UPDATE benefit_enrollments SET status = 'ended', end_date = ?, updated_at = ? WHERE id = ?", end, ctx.timestamp, current.id);
        return { waived: a.benefit_type, coverage_ends: end, active_enrollments: enrollmentsView(ctx.db, ctx.userId, year, true) };
      },
    }),

    list_dependents: tool({
      description: "List your dependents (spouse/partner and children) that can be covered by your benefits.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: (a, ctx) =>
        page(
          ctx.db,
          "SELECT id AS dependent_id, first_name, last_name, relationship, date_of_birth, created_at FROM dependents WHERE employee_id = ? ORDER BY id",
          "SELECT count(*) AS n FROM dependents WHERE employee_id = ?",
          [ctx.userId],
          a.limit,
          a.offset,
        ),
    }),

    add_dependent: tool({
      description:
        "Add a dependent (spouse, domestic partner or child) to your record so they can be covered. Errors on a future birth date, a duplicate, or a second spouse/partner. Returns the new dependent.",
      input: v.object({
        first_name: Text("Dependent's first name.", 60),
        last_name: Text("Dependent's last name.", 60),
        relationship: v.pipe(v.picklist(RELATIONSHIPS), v.description("spouse, domestic_partner or child.")),
        date_of_birth: DateText("Date of birth, YYYY-MM-DD."),
      }),
      handler: (a, ctx) => {
        checkDate(a.date_of_birth, "date_of_birth");
        if (a.date_of_birth > ctx.today) throw new ToolError(`date_of_birth ${a.date_of_birth} is in the future`);
        const dup = ctx.db.get("SELECT 1 FROM dependents WHERE employee_id = ? AND lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND date_of_birth = ?", ctx.userId, a.first_name, a.last_name, a.date_of_birth);
        if (dup) throw new ToolError(`${a.first_name} ${a.last_name} (born ${a.date_of_birth}) is already one of your dependents`);
        if (a.relationship !== "child" && ctx.db.get("SELECT 1 FROM dependents WHERE employee_id = ? AND relationship IN ('spouse', 'domestic_partner')", ctx.userId)) {
          throw new ToolError("you already have a spouse or domestic partner on file");
        }
        const id = ctx.db.run(
          "INSERT INTO dependents (employee_id, first_name, last_name, relationship, date_of_birth, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          ctx.userId,
          a.first_name,
          a.last_name,
          a.relationship,
          a.date_of_birth,
          ctx.timestamp,
        ).lastInsertRowid;
        return { dependent_id: id, first_name: a.first_name, last_name: a.last_name, relationship: a.relationship, date_of_birth: a.date_of_birth };
      },
    }),

    // ======================= goals =======================
    list_goals: tool({
      description: "List performance goals (default: yours; managers may pass a direct report's employee_id), optionally by cycle year or status. Returns goal_id, title, due date, progress and status.",
      input: v.object({
        employee_id: v.optional(Id("A direct report's employee id (default: yourself).")),
        year: v.optional(Year("Only goals of this cycle year.")),
        status: v.optional(v.pipe(v.picklist(GOAL_STATUSES), v.description("Only goals in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const e = selfOrReport(ctx, a.employee_id);
        const where = ["employee_id = ?"];
        const params: Param[] = [e.id];
        if (a.year !== undefined) {
          where.push("cycle_year = ?");
          params.push(a.year);
        }
        if (a.status) {
          where.push("status = ?");
          params.push(a.status);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT id AS goal_id, title, category, cycle_year, due_date, progress_pct, status, updated_at FROM goals ${w} ORDER BY cycle_year DESC, due_date, id`,
          `SELECT count(*) AS n FROM goals ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_goal: tool({
      description: "Show one goal (yours or a direct report's) with its description and check-in history.",
      input: v.object({ goal_id: Id("The goal id.") }),
      handler: ({ goal_id }, ctx) => {
        const g = ctx.db.get<{ employee_id: number }>("SELECT employee_id FROM goals WHERE id = ?", goal_id);
        if (!g || (g.employee_id !== ctx.userId && !isDirectReport(ctx, g.employee_id))) throw new ToolError(`goal ${goal_id} not found`);
        return goalDetail(ctx.db, goal_id);
      },
    }),

    create_goal: tool({
      description: "Create a new performance goal for yourself (not started, 0%). The cycle year is the due date's year. Errors on a past due date or a duplicate title in the same cycle. Returns the goal.",
      input: v.object({
        title: Text("Goal title, e.g. 'Publish the data platform H2 roadmap'.", 160),
        due_date: DateText("Due date, YYYY-MM-DD (today or later)."),
        category: v.optional(v.pipe(v.picklist(GOAL_CATEGORIES), v.description("business, team or development (default business).")), "business"),
        description: v.optional(v.pipe(v.string(), v.maxLength(1000), v.description("Details or success criteria (optional).")), ""),
      }),
      handler: (a, ctx) => {
        checkDate(a.due_date, "due_date");
        if (a.due_date < ctx.today) throw new ToolError(`due_date ${a.due_date} is in the past`);
        const year = Number(a.due_date.slice(0, 4));
        if (ctx.db.get("SELECT 1 FROM goals WHERE employee_id = ? AND cycle_year = ? AND lower(title) = lower(?) AND status <> 'cancelled'", ctx.userId, year, a.title)) {
          throw new ToolError(`you already have a ${year} goal titled '${a.title}'`);
        }
        const id = ctx.db.run(
          "INSERT INTO goals (employee_id, title, description, category, cycle_year, due_date, progress_pct, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 'not_started', ?, ?, ?)",
          ctx.userId,
          a.title,
          a.description.trim() || null,
          a.category,
          year,
          a.due_date,
          ctx.userId,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return goalDetail(ctx.db, id);
      },
    }),

    update_goal: tool({
      description:
        "Edit one of your goals: title, description, due date, progress (0-100) or status. Progress 100 marks it completed and progress above 0 moves a not-started goal to in progress. Cancelled goals cannot be edited. Returns the goal.",
      input: v.object({
        goal_id: Id("Your goal's id."),
        title: v.optional(Text("New title.", 160)),
        description: v.optional(v.pipe(v.string(), v.maxLength(1000), v.description("New description."))),
        due_date: v.optional(DateText("New due date, YYYY-MM-DD (today or later).")),
        progress_pct: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100), v.description("Progress in percent, 0-100."))),
        status: v.optional(v.pipe(v.picklist(GOAL_STATUSES), v.description("New status."))),
      }),
      handler: (a, ctx) => {
        const g = myGoal(ctx, a.goal_id);
        if (g.status === "cancelled") throw new ToolError(`goal ${g.id} is cancelled and can no longer be edited`);
        if ([a.title, a.description, a.due_date, a.progress_pct, a.status].every((x) => x === undefined)) throw new ToolError("nothing to update: pass at least one field");
        if (a.due_date !== undefined) {
          checkDate(a.due_date, "due_date");
          if (a.due_date < ctx.today) throw new ToolError(`due_date ${a.due_date} is in the past`);
        }
        let progress = a.progress_pct ?? g.progress_pct;
        let status = a.status ?? (a.progress_pct !== undefined ? statusForProgress(a.progress_pct, g.status) : g.status);
        if (a.status === "completed") {
          if (a.progress_pct !== undefined && a.progress_pct < 100) throw new ToolError("a completed goal must be at 100% progress");
          progress = 100;
        }
        if (status === "not_started" && progress > 0) throw new ToolError("a not-started goal must be at 0% progress");
        if (status === "in_progress" && progress >= 100) status = "completed";
        ctx.db.run(
          "UPDATE goals SET title = ?, description = ?, due_date = ?, cycle_year = ?, progress_pct = ?, status = ?, updated_at = ? WHERE id = ?",
          a.title ?? g.title,
          a.description === undefined ? g.description : a.description.trim() || null,
          a.due_date ?? g.due_date,
          Number((a.due_date ?? g.due_date).slice(0, 4)),
          progress,
          status,
          ctx.timestamp,
          g.id,
        );
        return goalDetail(ctx.db, g.id);
      },
    }),

    add_goal_checkin: tool({
      description:
        "Record a progress check-in on one of your goals: a note plus the new progress percent, which also becomes the goal's progress (100 completes it). Errors on cancelled or completed goals. Returns the goal with its check-ins.",
      input: v.object({
        goal_id: Id("Your goal's id."),
        progress_pct: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100), v.description("Progress now, in percent (0-100).")),
        note: Text("What changed since the last check-in.", 1000),
      }),
      handler: (a, ctx) => {
        const g = myGoal(ctx, a.goal_id);
        if (g.status === "cancelled" || g.status === "completed") throw new ToolError(`goal ${g.id} is ${g.status}; check-ins are only for open goals`);
        ctx.db.run("INSERT INTO goal_checkins (goal_id, author_id, progress_pct, note, created_at) VALUES (?, ?, ?, ?, ?)", g.id, ctx.userId, a.progress_pct, a.note, ctx.timestamp);
        ctx.db.run("UPDATE goals SET progress_pct = ?, status = ?, updated_at = ? WHERE id = ?", a.progress_pct, statusForProgress(a.progress_pct, g.status), ctx.timestamp, g.id);
        return goalDetail(ctx.db, g.id);
      },
    }),

    delete_goal: tool({
      description: "Delete one of your goals that has no check-ins yet (goals with history should be cancelled with update_goal instead).",
      input: v.object({ goal_id: Id("Your goal's id.") }),
      handler: ({ goal_id }, ctx) => {
        const g = myGoal(ctx, goal_id);
        const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM goal_checkins WHERE goal_id = ?", g.id)!.n;
        if (n > 0) throw new ToolError(`goal ${g.id} has ${n} check-in(s); set its status to cancelled instead of deleting it`);
        ctx.db.run("DELETE FROM goals WHERE id = ?", g.id);
        return { goal_id: g.id, title: g.title, deleted: true };
      },
    }),

    // ======================= training =======================
    search_training_sessions: tool({
      description:
        "Search upcoming scheduled training sessions by course title, code or category, optionally by date range, office or delivery (in person / virtual). Returns session_id, course, dates, seats left, waitlist size and your own enrollment status.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match in the course title, code, provider or category, e.g. 'leadership'.")), ""),
        from_date: v.optional(DateText("Only sessions starting on or after this date (default: today).")),
        to_date: v.optional(DateText("Only sessions starting on or before this date.")),
        location_id: v.optional(Id("Only in-person sessions at this office.")),
        delivery: v.optional(v.pipe(v.picklist(["in_person", "virtual"]), v.description("Only this delivery mode."))),
        only_with_seats: v.optional(v.pipe(v.boolean(), v.description("Hide full sessions (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["s.status = 'scheduled'", "s.start_date >= ?"];
        const params: Param[] = [a.from_date ? checkDate(a.from_date, "from_date") : ctx.today];
        for (const w of likeWords(a.query)) {
          where.push("(c.title LIKE ? OR c.code LIKE ? OR c.provider LIKE ? OR c.category LIKE ?)");
          params.push(w, w, w, w);
        }
        if (a.to_date) {
          where.push("s.start_date <= ?");
          params.push(checkDate(a.to_date, "to_date"));
        }
        if (a.location_id !== undefined) {
          where.push("s.location_id = ?");
          params.push(a.location_id);
        }
        if (a.delivery) {
          where.push("s.delivery = ?");
          params.push(a.delivery);
        }
        if (a.only_with_seats) where.push("s.capacity > (SELECT count(*) FROM training_enrollments x WHERE x.session_id = s.id AND x.status IN ('enrolled', 'completed'))");
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `${SESSION_SELECT} ${w} ORDER BY s.start_date, s.id`,
          `SELECT count(*) AS n FROM training_sessions s JOIN training_courses c ON c.id = s.course_id ${w}`,
          params,
          a.limit,
          a.offset,
          [ctx.userId],
        );
      },
    }),

    enroll_in_training: tool({
      description:
        "Enroll yourself in an upcoming training session. If it is full you get an error unless join_waitlist is true. Errors if you are already enrolled or waitlisted, or if you have pending/approved leave on the session dates. Returns your enrollment.",
      input: v.object({
        session_id: Id("Training session id (from search_training_sessions)."),
        join_waitlist: v.optional(v.pipe(v.boolean(), v.description("Join the waitlist if the session is full (default false).")), false),
      }),
      handler: (a, ctx) => {
        const s = getSession(ctx.db, a.session_id);
        if (s.status !== "scheduled") throw new ToolError(`session ${s.id} of ${s.title} is ${s.status}`);
        if (s.start_date <= ctx.today) throw new ToolError(`session ${s.id} of ${s.title} has already started`);
        const existing = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM training_enrollments WHERE session_id = ? AND employee_id = ?", s.id, ctx.userId);
        if (existing && existing.status !== "cancelled") throw new ToolError(`you are already ${existing.status} in this session`);
        const leave = ctx.db.get<{ id: number; start_date: string; end_date: string; status: string }>(
          "SELECT id, start_date, end_date, status FROM leave_requests WHERE employee_id = ? AND status IN ('pending', 'approved') AND start_date <= ? AND end_date >= ? LIMIT 1",
          ctx.userId,
          s.end_date,
          s.start_date,
        );
        if (leave) throw new ToolError(`you have ${leave.status} leave from ${leave.start_date} to ${leave.end_date} (request ${leave.id}) overlapping this session (${s.start_date} to ${s.end_date})`);
        const full = seatsTaken(ctx.db, s.id) >= s.capacity;
        if (full && !a.join_waitlist) throw new ToolError(`session ${s.id} of ${s.title} is full (${s.capacity} seats); pass join_waitlist: true to join the waitlist`);
        const status = full ? "waitlisted" : "enrolled";
        let id: number;
        if (existing) {
          ctx.db.run("UPDATE training_enrollments SET status = ?, enrolled_at = ?, updated_at = ? WHERE id = ?", status, ctx.timestamp, ctx.timestamp, existing.id);
          id = existing.id;
        } else {
          id = ctx.db.run("INSERT INTO training_enrollments (session_id, employee_id, status, enrolled_at, updated_at) VALUES (?, ?, ?, ?, ?)", s.id, ctx.userId, status, ctx.timestamp, ctx.timestamp).lastInsertRowid;
        }
        return { enrollment_id: id, session_id: s.id, course: s.title, start_date: s.start_date, end_date: s.end_date, delivery: s.delivery, status, seats_left: s.capacity - seatsTaken(ctx.db, s.id) };
      },
    }),

    list_my_training: tool({
      description: "List your training enrollments (enrolled, waitlisted, completed, cancelled) with course and session dates.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["enrolled", "waitlisted", "cancelled", "completed"]), v.description("Only enrollments in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["te.employee_id = ?"];
        const params: Param[] = [ctx.userId];
        if (a.status) {
          where.push("te.status = ?");
          params.push(a.status);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT te.id AS enrollment_id, te.status, te.enrolled_at, s.id AS session_id, c.code AS course_code, c.title, s.delivery, l.name AS location, s.start_date, s.end_date, s.status AS session_status
           FROM training_enrollments te JOIN training_sessions s ON s.id = te.session_id JOIN training_courses c ON c.id = s.course_id LEFT JOIN locations l ON l.id = s.location_id
           ${w} ORDER BY s.start_date DESC, te.id`,
          `SELECT count(*) AS n FROM training_enrollments te ${w}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    cancel_training_enrollment: tool({
      description:
        "Cancel your enrollment or waitlist spot in a training session that has not started. A freed seat goes to the first person on the waitlist. Returns the cancelled enrollment.",
      input: v.object({ enrollment_id: Id("Your enrollment id (from list_my_training).") }),
      handler: ({ enrollment_id }, ctx) => {
        const te = ctx.db.get<{ id: number; session_id: number; status: string }>("SELECT id, session_id, status FROM training_enrollments WHERE id = ? AND employee_id = ?", enrollment_id, ctx.userId);
        if (!te) throw new ToolError(`training enrollment ${enrollment_id} not found`);
        if (te.status !== "enrolled" && te.status !== "waitlisted") throw new ToolError(`training enrollment ${te.id} is already ${te.status}`);
        const s = getSession(ctx.db, te.session_id);
        if (s.start_date <= ctx.today) throw new ToolError(`session ${s.id} of ${s.title} has already started`);
        ctx.db.run("UPDATE training_enrollments SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, te.id);
        let promoted: number | null = null;
        if (te.status === "enrolled") {
          const next = ctx.db.get<{ id: number; employee_id: number }>("SELECT id, employee_id FROM training_enrollments WHERE session_id = ? AND status = 'waitlisted' ORDER BY enrolled_at, id LIMIT 1", s.id);
          if (next && seatsTaken(ctx.db, s.id) < s.capacity) {
            ctx.db.run("UPDATE training_enrollments SET status = 'enrolled', updated_at = ? WHERE id = ?", ctx.timestamp, next.id);
            promoted = next.employee_id;
          }
        }
        return { enrollment_id: te.id, session_id: s.id, course: s.title, status: "cancelled", waitlisted_colleague_promoted: promoted !== null };
      },
    }),

    // ======================= announcements =======================
    list_announcements: tool({
      description:
        "List company announcements visible to you (company-wide, your department and its parent, your office), pinned first then newest. Shows whether each needs your acknowledgement and whether you gave it.",
      input: v.object({
        only_unacknowledged: v.optional(v.pipe(v.boolean(), v.description("Only announcements that need your acknowledgement and do not have it yet (default false).")), false),
        include_expired: v.optional(v.pipe(v.boolean(), v.description("Also list expired announcements (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const e = me(ctx);
        const where = [visibleAnnouncementsWhere()];
        const params: Param[] = [ctx.timestamp, e.location_id, e.department_id, e.department_id];
        if (!a.include_expired) {
          where.push("(a.expires_at IS NULL OR a.expires_at > ?)");
          params.push(ctx.timestamp);
        }
        if (a.only_unacknowledged) {
          where.push("a.requires_ack = 1 AND NOT EXISTS (SELECT 1 FROM announcement_acknowledgements k WHERE k.announcement_id = a.id AND k.employee_id = ?)");
          params.push(ctx.userId);
        }
        const w = `WHERE ${where.join(" AND ")}`;
        const res = page(
          ctx.db,
          `SELECT a.id AS announcement_id, a.title, a.body, ${NAME("au")} AS author, a.audience, a.requires_ack, a.is_pinned, a.published_at, a.expires_at,
             (SELECT k.acknowledged_at FROM announcement_acknowledgements k WHERE k.announcement_id = a.id AND k.employee_id = ?) AS acknowledged_at
           FROM announcements a LEFT JOIN employees au ON au.id = a.author_id ${w} ORDER BY a.is_pinned DESC, a.published_at DESC, a.id DESC`,
          `SELECT count(*) AS n FROM announcements a ${w}`,
          params,
          a.limit,
          a.offset,
          [ctx.userId],
        );
        return res;
      },
    }),

    acknowledge_announcement: tool({
      description: "Acknowledge that you have read an announcement that requires acknowledgement (e.g. a policy update). Errors if it does not need one or you already acknowledged it.",
      input: v.object({ announcement_id: Id("The announcement id (from list_announcements).") }),
      handler: ({ announcement_id }, ctx) => {
        const e = me(ctx);
        const an = ctx.db.get<{ id: number; title: string; requires_ack: number }>(
          `SELECT a.id, a.title, a.requires_ack FROM announcements a WHERE a.id = ? AND ${visibleAnnouncementsWhere()}`,
          announcement_id,
          ctx.timestamp,
          e.location_id,
          e.department_id,
          e.department_id,
        );
        if (!an) throw new ToolError(`announcement ${announcement_id} not found`);
        if (!an.requires_ack) throw new ToolError(`'${an.title}' does not need an acknowledgement`);
        const done = ctx.db.get<{ acknowledged_at: string }>("SELECT acknowledged_at FROM announcement_acknowledgements WHERE announcement_id = ? AND employee_id = ?", an.id, ctx.userId);
        if (done) throw new ToolError(`you already acknowledged '${an.title}' on ${done.acknowledged_at}`);
        ctx.db.run("INSERT INTO announcement_acknowledgements (announcement_id, employee_id, acknowledged_at) VALUES (?, ?, ?)", an.id, ctx.userId, ctx.timestamp);
        return { announcement_id: an.id, title: an.title, acknowledged_at: ctx.timestamp };
      },
    }),

    // ======================= emergency contacts =======================
    list_emergency_contacts: tool({
      description: "List your emergency contacts, primary first.",
      input: v.object({}),
      handler: (_args, ctx) => ({ items: listContacts(ctx) }),
    }),

    add_emergency_contact: tool({
      description: "Add an emergency contact. Making it primary (or adding your first contact) demotes the previous primary. Returns all your contacts.",
      input: v.object({
        name: Text("Contact's full name.", 120),
        relationship: Text("Relationship to you, e.g. 'Spouse', 'Mother', 'Friend'.", 40),
        phone: Text("Phone number, e.g. '+1 512-555-0187'.", 25),
        email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120), v.description("Email address (optional).")), ""),
        is_primary: v.optional(v.pipe(v.boolean(), v.description("Make this the primary contact (default false).")), false),
      }),
      handler: (a, ctx) => {
        if (!PHONE.test(a.phone)) throw new ToolError(`phone '${a.phone}' is not a valid phone number`);
        if (a.email && !EMAIL.test(a.email)) throw new ToolError(`email '${a.email}' is not a valid email address`);
        if (ctx.db.get("SELECT 1 FROM emergency_contacts WHERE employee_id = ? AND lower(name) = lower(?)", ctx.userId, a.name)) throw new ToolError(`${a.name} is already one of your emergency contacts; use update_emergency_contact`);
        const count = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM emergency_contacts WHERE employee_id = ?", ctx.userId)!.n;
        if (count >= 5) throw new ToolError("you can have at most 5 emergency contacts");
        const primary = a.is_primary || count === 0;
        if (primary) ctx.db.run("UPDATE emergency_contacts SET is_primary = 0, updated_at = ? WHERE employee_id = ? AND is_primary = 1", ctx.timestamp, ctx.userId);
        const id = ctx.db.run(
          "INSERT INTO emergency_contacts (employee_id, name, relationship, phone, email, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          ctx.userId,
          a.name,
          a.relationship,
          a.phone,
          a.email || null,
          primary ? 1 : 0,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return { emergency_contact_id: id, items: listContacts(ctx) };
      },
    }),

    update_emergency_contact: tool({
      description: "Change one of your emergency contacts (name, relationship, phone, email) or make it primary; pass only what changes. Returns all your contacts.",
      input: v.object({
        emergency_contact_id: Id("The contact's id (from list_emergency_contacts)."),
        name: v.optional(Text("New full name.", 120)),
        relationship: v.optional(Text("New relationship.", 40)),
        phone: v.optional(Text("New phone number.", 25)),
        email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120), v.description("New email; '' clears it."))),
        is_primary: v.optional(v.pipe(v.boolean(), v.description("true makes this the primary contact (the old primary is demoted). To move the primary role away, promote another contact."))),
      }),
      handler: (a, ctx) => {
        const c = myContact(ctx, a.emergency_contact_id);
        if ([a.name, a.relationship, a.phone, a.email, a.is_primary].every((x) => x === undefined)) throw new ToolError("nothing to update: pass at least one field");
        if (a.phone !== undefined && !PHONE.test(a.phone)) throw new ToolError(`phone '${a.phone}' is not a valid phone number`);
        if (a.email && !EMAIL.test(a.email)) throw new ToolError(`email '${a.email}' is not a valid email address`);
        if (a.name !== undefined && ctx.db.get("SELECT 1 FROM emergency_contacts WHERE employee_id = ? AND lower(name) = lower(?) AND id <> ?", ctx.userId, a.name, c.id)) {
          throw new ToolError(`${a.name} is already one of your emergency contacts`);
        }
        if (a.is_primary === false && c.is_primary) throw new ToolError(`${c.name} is your primary contact; make another contact primary instead`);
        if (a.is_primary) ctx.db.run("UPDATE emergency_contacts SET is_primary = 0, updated_at = ? WHERE employee_id = ? AND is_primary = 1 AND id <> ?", ctx.timestamp, ctx.userId, c.id);
        ctx.db.run(
          "UPDATE emergency_contacts SET name = ?, relationship = ?, phone = ?, email = ?, is_primary = ?, updated_at = ? WHERE id = ?",
          a.name ?? c.name,
          a.relationship ?? c.relationship,
          a.phone ?? c.phone,
          a.email === undefined ? c.email : a.email || null,
          a.is_primary ? 1 : c.is_primary,
          ctx.timestamp,
          c.id,
        );
        return { emergency_contact_id: c.id, items: listContacts(ctx) };
      },
    }),

    delete_emergency_contact: tool({
      description: "Remove one of your emergency contacts. You must keep at least one, and the primary contact can only be removed after another contact is made primary.",
      input: v.object({ emergency_contact_id: Id("The contact's id (from list_emergency_contacts).") }),
      handler: ({ emergency_contact_id }, ctx) => {
        const c = myContact(ctx, emergency_contact_id);
        const count = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM emergency_contacts WHERE employee_id = ?", ctx.userId)!.n;
        if (count <= 1) throw new ToolError("you must keep at least one emergency contact");
        if (c.is_primary) throw new ToolError(`${c.name} is your primary contact; make another contact primary first`);
        ctx.db.run("DELETE FROM emergency_contacts WHERE id = ?", c.id);
        return { emergency_contact_id: c.id, deleted: true, items: listContacts(ctx) };
      },
    }),
  },
});
