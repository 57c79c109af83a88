import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True if the text names the amount, leniently: "$9,693.57", "9693.57", "$865" for 86500 cents. */
function mentionsMoney(text: string | undefined, cents: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === cents) return true;
  }
  return false;
}

/** Every number written in the text ("4.5", "8", "21.5"), ignoring thousands separators. */
function numbers(text: string | undefined): number[] {
  if (!text) return [];
  return [...text.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, "")));
}

function mentionsNumber(text: string | undefined, n: number): boolean {
  return numbers(text).some((x) => Math.abs(x - n) < 1e-9);
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9% ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedIds(v: VerifierContext, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => u.key.id as number);
}

function deletedCount(v: VerifierContext, table: string): number {
  return v.diff.tables[table]?.deleted.length ?? 0;
}

function leaveTypeId(db: SqlReader, code: string): number {
  return db.get<{ id: number }>("SELECT id FROM leave_types WHERE code = ?", code)!.id;
}

interface Bal {
  entitled_days: number;
  carried_over_days: number;
  used_days: number;
  pending_days: number;
}
function balance(db: SqlReader, employeeId: number, leaveTypeId: number, year: number): Bal {
  const b = db.get<Bal>("SELECT entitled_days, carried_over_days, used_days, pending_days FROM leave_balances WHERE employee_id = ? AND leave_type_id = ? AND year = ?", employeeId, leaveTypeId, year);
  if (!b) throw new Error(`seed has no balance for employee ${employeeId}, leave type ${leaveTypeId}, ${year}`);
  return b;
}
const avail = (b: Bal) => b.entitled_days + b.carried_over_days - b.used_days - b.pending_days;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function employeeId(db: SqlReader, first: string, last: string): number {
  const e = db.get<{ id: number }>("SELECT id FROM employees WHERE first_name = ? AND last_name = ?", first, last);
  if (!e) throw new Error(`seed has no employee ${first} ${last}`);
  return e.id;
}

interface Req {
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
  decision_note: string | null;
}
function request(db: SqlReader, id: number): Req | undefined {
  return db.get<Req>("SELECT * FROM leave_requests WHERE id = ?", id);
}

/** Ids of seed rows of a table whose given columns differ between initial and final (or that were deleted). */
function changedRows(v: VerifierContext, table: string, cols: string[]): number[] {
  // Table and column names are fixed literals from this file.
  const sel = `SELECT id, ${cols.join(", ")} FROM ${table}`;
  const after = new Map(v.final.all<Row>(sel).map((r) => [r.id as number, r]));
  const out: number[] = [];
  for (const r of v.initial.all<Row>(sel)) {
    const f = after.get(r.id as number);
    if (!f || cols.some((c) => f[c] !== r[c])) out.push(r.id as number);
  }
  return out;
}

interface Enr {
  id: number;
  plan_id: number;
  coverage_tier: string;
  status: string;
  benefit_type: string;
  effective_date: string;
}
function activeEnrollments(db: SqlReader, employeeId: number, type: string, year: number): Enr[] {
  return db.all<Enr>(
    `SELECT be.id, be.plan_id, be.coverage_tier, be.status, p.benefit_type, be.effective_date FROM benefit_enrollments be JOIN benefit_plans p ON p.id = be.plan_id
     WHERE be.employee_id = ? AND be.status = 'active' AND p.benefit_type = ? AND p.plan_year = ? ORDER BY be.id`,
    employeeId,
    type,
    year,
  );
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Vacation Fri May 22 – Fri May 29 with a half last day: 22, 26, 27, 28 + 0.5 (Memorial Day and the weekend skipped) = 4.5 days.
  0: (v) => {
    const vac = leaveTypeId(v.initial, "VAC");
    const before = balance(v.initial, v.userId, vac, 2026);
    const after = balance(v.final, v.userId, vac, 2026);
    const mine = inserted(v, "leave_requests").filter((r) => r.employee_id === v.userId);
    const r = mine.length === 1 ? request(v.final, mine[0]!.id as number) : undefined;
    const manager = v.initial.get<{ manager_id: number }>("SELECT manager_id FROM employees WHERE id = ?", v.userId)!.manager_id;
    const expectedDays = 4.5;
    const left = avail(before) - expectedDays;
    const booked = !!r && r.leave_type_id === vac && r.start_date === "2026-05-22" && r.end_date === "2026-05-29";
    return grade(
      {
        vacation_requested_may_22_to_29: booked && r!.status === "pending" && r!.approver_id === manager,
        last_day_is_half_day: booked && r!.last_day_half === 1 && r!.first_day_half === 0 && close(r!.days, expectedDays),
        balance_reserved: booked && close(after.pending_days, before.pending_days + expectedDays) && close(after.used_days, before.used_days),
        answer_days_used: mentionsNumber(v.answer, expectedDays),
        answer_days_left: mentionsNumber(v.answer, left),
      },
      { expected_days: expectedDays, expected_days_left: left, new_requests: mine },
    );
  },

  // 1. Approve Sam Okafor's pending vacation (Apr 27 – May 1); reject Priya Raman's overlapping one (Apr 28–30) with a note; nothing else.
  1: (v) => {
    const vac = leaveTypeId(v.initial, "VAC");
    const sam = employeeId(v.initial, "Samuel", "Okafor");
    const priya = employeeId(v.initial, "Priya", "Raman");
    const samReq = v.initial.get<Req>("SELECT * FROM leave_requests WHERE employee_id = ? AND leave_type_id = ? AND status = 'pending'", sam, vac)!;
    const priyaReq = v.initial.get<Req>(
      "SELECT * FROM leave_requests WHERE employee_id = ? AND leave_type_id = ? AND status = 'pending' AND start_date <= ? AND end_date >= ?",
      priya,
      vac,
      samReq.end_date,
      samReq.start_date,
    )!;
    const s = request(v.final, samReq.id);
    const p = request(v.final, priyaReq.id);
    const samApproved = s?.status === "approved" && s.approver_id === v.userId;
    const priyaRejected = p?.status === "rejected" && p.approver_id === v.userId;
    const sb0 = balance(v.initial, sam, vac, 2026);
    const sb1 = balance(v.final, sam, vac, 2026);
    const pb0 = balance(v.initial, priya, vac, 2026);
    const pb1 = balance(v.final, priya, vac, 2026);
    const others = changedRows(v, "leave_requests", ["status", "approver_id", "decided_at"]).filter((id) => id !== samReq.id && id !== priyaReq.id);
    return grade(
      {
        sam_request_approved: samApproved,
        sam_balance_moved_to_used: samApproved && close(sb1.used_days, sb0.used_days + samReq.days) && close(sb1.pending_days, sb0.pending_days - samReq.days),
        priya_overlapping_request_rejected: priyaRejected,
        rejection_note_explains_sam_is_out: priyaRejected && /\b(sam|samuel|okafor)\b/i.test(p!.decision_note ?? ""),
        priya_days_released: priyaRejected && close(pb1.pending_days, pb0.pending_days - priyaReq.days) && close(pb1.used_days, pb0.used_days),
        no_other_leave_changed: (samApproved || priyaRejected) && others.length === 0 && inserted(v, "leave_requests").length === 0,
      },
      { sam_request_id: samReq.id, priya_request_id: priyaReq.id, other_changed_requests: others },
    );
  },

  // 2. New expense report: Lodging $212.40 on 2026-04-08 (The Maven Hotel) + Ground Transportation $38.50 on 2026-04-09 (Yellow Cab), receipts, submitted to the manager.
  2: (v) => {
    const lodging = v.initial.get<{ id: number }>("SELECT id FROM expense_categories WHERE code = 'LODG'")!.id;
    const ground = v.initial.get<{ id: number }>("SELECT id FROM expense_categories WHERE code = 'GRND'")!.id;
    const manager = v.initial.get<{ manager_id: number }>("SELECT manager_id FROM employees WHERE id = ?", v.userId)!.manager_id;
    const reports = inserted(v, "expense_reports").filter((r) => r.employee_id === v.userId);
    const r = reports.length === 1 ? v.final.get<Row>("SELECT * FROM expense_reports WHERE id = ?", reports[0]!.id as number) : undefined;
    const items = r ? v.final.all<{ category_id: number; expense_date: string; amount_cents: number; has_receipt: number }>("SELECT category_id, expense_date, amount_cents, has_receipt FROM expense_items WHERE report_id = ? ORDER BY expense_date, id", r.id as number) : [];
    const hotel = items.filter((i) => i.category_id === lodging && i.amount_cents === 21240 && i.expense_date === "2026-04-08" && i.has_receipt === 1);
    const taxi = items.filter((i) => i.category_id === ground && i.amount_cents === 3850 && i.expense_date === "2026-04-09" && i.has_receipt === 1);
    const otherReportsChanged = changedRows(v, "expense_reports", ["status", "total_cents"]);
    return grade(
      {
        one_new_report_submitted: !!r && r.status === "submitted" && r.approver_id === manager,
        about_denver_trip: !!r && /denver/i.test(`${r.title} ${r.purpose ?? ""}`),
        hotel_item_correct: hotel.length === 1,
        taxi_item_correct: taxi.length === 1,
        no_extra_items: !!r && items.length === 2 && r.total_cents === 25090,
        other_reports_untouched: !!r && otherReportsChanged.length === 0,
      },
      { new_reports: reports, items, other_reports_changed: otherReportsChanged },
    );
  },

  // 3. February 2026 payslip: net pay and the 401(k) contribution line.
  3: (v) => {
    const p = v.initial.get<{ id: number; net_cents: number }>("SELECT id, net_cents FROM payslips WHERE employee_id = ? AND pay_date BETWEEN '2026-02-01' AND '2026-02-28' AND pay_type = 'regular'", v.userId)!;
    const k = v.initial.get<{ amount_cents: number }>("SELECT amount_cents FROM payslip_lines WHERE payslip_id = ? AND label LIKE '401(k)%'", p.id)!;
    return grade(
      { answer_net_pay: mentionsMoney(v.answer, p.net_cents), answer_401k: mentionsMoney(v.answer, k.amount_cents) },
      { expected_net_cents: p.net_cents, expected_401k_cents: k.amount_cents },
    );
  },

  // 4. Add Nora Ellis (child, 2026-03-28); medical and dental -> family on the same 2026 plans; vision (and life) untouched.
  4: (v) => {
    const nora = inserted(v, "dependents").filter(
      (d) => d.employee_id === v.userId && norm(d.first_name) === "nora" && norm(d.last_name) === "ellis" && d.relationship === "child" && d.date_of_birth === "2026-03-28",
    );
    const check = (type: string) => {
      const was = activeEnrollments(v.initial, v.userId, type, 2026);
      const now = activeEnrollments(v.final, v.userId, type, 2026);
      return { was, now, ok: was.length === 1 && now.length === 1 && now[0]!.plan_id === was[0]!.plan_id && now[0]!.coverage_tier === "family" };
    };
    const med = check("medical");
    const den = check("dental");
    const unchanged = (type: string) => {
      const was = activeEnrollments(v.initial, v.userId, type, 2026);
      const now = activeEnrollments(v.final, v.userId, type, 2026);
      return JSON.stringify(was) === JSON.stringify(now);
    };
    const changedSomething = nora.length > 0 || med.ok || den.ok;
    return grade(
      {
        nora_added_as_child: nora.length === 1 && inserted(v, "dependents").length === 1,
        medical_family_same_plan: med.ok,
        dental_family_same_plan: den.ok,
        vision_and_life_unchanged: changedSomething && unchanged("vision") && unchanged("life"),
      },
      { medical_now: med.now, dental_now: den.now },
    );
  },

  // 5. Timesheet week of 2026-04-06: Friday 2026-04-10 gets DP-101 6h and ADM-001 2h, then the week is submitted.
  5: (v) => {
    const ts = v.initial.get<{ id: number }>("SELECT id FROM timesheets WHERE employee_id = ? AND week_start = '2026-04-06'", v.userId)!;
    const atlas = v.initial.get<{ id: number }>("SELECT id FROM projects WHERE code = 'DP-101'")!.id;
    const admin = v.initial.get<{ id: number }>("SELECT id FROM projects WHERE code = 'ADM-001'")!.id;
    const manager = v.initial.get<{ manager_id: number }>("SELECT manager_id FROM employees WHERE id = ?", v.userId)!.manager_id;
    const fin = v.final.get<{ status: string; total_hours: number; approver_id: number | null }>("SELECT status, total_hours, approver_id FROM timesheets WHERE id = ?", ts.id)!;
    const friday = v.final.all<{ project_id: number; hours: number }>("SELECT project_id, hours FROM time_entries WHERE timesheet_id = ? AND work_date = '2026-04-10' ORDER BY project_id", ts.id);
    const atlasOk = friday.some((e) => e.project_id === atlas && e.hours === 6);
    const adminOk = friday.some((e) => e.project_id === admin && e.hours === 2);
    const seedEntriesChanged = changedRows(v, "time_entries", ["timesheet_id", "project_id", "work_date", "hours"]);
    const otherSheets = changedRows(v, "timesheets", ["status"]).filter((id) => id !== ts.id);
    const newSheets = inserted(v, "timesheets").length;
    return grade(
      {
        friday_atlas_6h: atlasOk,
        friday_admin_2h: adminOk,
        friday_has_nothing_else: (atlasOk || adminOk) && friday.length === 2,
        timesheet_submitted: fin.status === "submitted" && fin.approver_id === manager && fin.total_hours === 40,
        other_entries_and_weeks_untouched: (atlasOk || adminOk || fin.status === "submitted") && seedEntriesChanged.length === 0 && otherSheets.length === 0 && newSheets === 0,
      },
      { friday_entries: friday, timesheet: fin, seed_entries_changed: seedEntriesChanged, other_timesheets_changed: otherSheets },
    );
  },

  // 6. Cancel the approved June 15–19 vacation (4 days, Juneteenth skipped) and enroll in the Austin in-person LEAD-101 session (June 16–17).
  6: (v) => {
    const vac = leaveTypeId(v.initial, "VAC");
    const june = v.initial.get<Req>("SELECT * FROM leave_requests WHERE employee_id = ? AND leave_type_id = ? AND status = 'approved' AND start_date LIKE '2026-06-%'", v.userId, vac)!;
    const after = request(v.final, june.id);
    const b0 = balance(v.initial, v.userId, vac, 2026);
    const b1 = balance(v.final, v.userId, vac, 2026);
    const session = v.initial.get<{ id: number }>(
      "SELECT s.id FROM training_sessions s JOIN training_courses c ON c.id = s.course_id JOIN locations l ON l.id = s.location_id WHERE c.code = 'LEAD-101' AND s.delivery = 'in_person' AND l.city = 'Austin' AND s.status = 'scheduled'",
    )!;
    const mine = v.final.get<{ status: string }>("SELECT status FROM training_enrollments WHERE session_id = ? AND employee_id = ?", session.id, v.userId);
    const cancelled = after?.status === "cancelled";
    const enrolled = mine?.status === "enrolled";
    const otherLeave = changedRows(v, "leave_requests", ["status"]).filter((id) => id !== june.id);
    const otherTraining = [
      ...changedRows(v, "training_enrollments", ["status"]),
      ...inserted(v, "training_enrollments")
        .filter((r) => r.session_id !== session.id)
        .map((r) => r.id as number),
    ];
    return grade(
      {
        june_vacation_cancelled: cancelled,
        vacation_days_restored: cancelled && close(b1.used_days, b0.used_days - june.days) && close(b1.pending_days, b0.pending_days),
        enrolled_in_austin_leadership_session: enrolled,
        nothing_else_changed: (cancelled || enrolled) && otherLeave.length === 0 && otherTraining.length === 0 && inserted(v, "leave_requests").length === 0,
      },
      { june_request_id: june.id, session_id: session.id, other_leave_changed: otherLeave, other_training_changed: otherTraining },
    );
  },

  // 7. Current direct report with the most vacation days available in 2026 (Lucas Meyer, 21.5; the terminated Kevin Lam does not count).
  7: (v) => {
    const vac = leaveTypeId(v.initial, "VAC");
    const rows = v.initial.all<{ first_name: string; last_name: string; preferred_name: string | null } & Bal>(
      `SELECT e.first_name, e.last_name, e.preferred_name, b.entitled_days, b.carried_over_days, b.used_days, b.pending_days
       FROM employees e JOIN leave_balances b ON b.employee_id = e.id WHERE e.manager_id = ? AND e.status <> 'terminated' AND b.leave_type_id = ? AND b.year = 2026`,
      v.userId,
      vac,
    );
    const best = rows.reduce((a, b) => (avail(b) > avail(a) ? b : a));
    const text = (v.answer ?? "").toLowerCase();
    const named = text.includes(best.last_name.toLowerCase()) || new RegExp(`\\b${(best.preferred_name ?? best.first_name).toLowerCase()}\\b`).test(text);
    return grade({ answer_names_report: named, answer_days: mentionsNumber(v.answer, avail(best)) }, { expected: `${best.first_name} ${best.last_name}`, expected_days: avail(best) });
  },

  // 8. Reject Hannah's duplicate submitted "Chicago client visit – taxis" report (note: already reimbursed); approve Lucas's Snowflake Summit report.
  8: (v) => {
    const hannah = employeeId(v.initial, "Hannah", "Brooks");
    const lucas = employeeId(v.initial, "Lucas", "Meyer");
    const dup = v.initial.get<{ id: number }>("SELECT id FROM expense_reports WHERE employee_id = ? AND status = 'submitted' AND title LIKE 'Chicago client visit%'", hannah)!;
    const snow = v.initial.get<{ id: number }>("SELECT id FROM expense_reports WHERE employee_id = ? AND status = 'submitted' AND title LIKE '%Snowflake Summit%'", lucas)!;
    const d = v.final.get<{ status: string; approver_id: number | null; decision_note: string | null }>("SELECT status, approver_id, decision_note FROM expense_reports WHERE id = ?", dup.id)!;
    const s = v.final.get<{ status: string; approver_id: number | null }>("SELECT status, approver_id FROM expense_reports WHERE id = ?", snow.id)!;
    const rejected = d.status === "rejected" && d.approver_id === v.userId;
    const approved = s.status === "approved" && s.approver_id === v.userId;
    const others = changedRows(v, "expense_reports", ["status", "approver_id"]).filter((id) => id !== dup.id && id !== snow.id);
    return grade(
      {
        duplicate_rejected: rejected,
        note_says_already_reimbursed: rejected && /reimburs/i.test(d.decision_note ?? ""),
        snowflake_registration_approved: approved,
        other_reports_untouched: (rejected || approved) && others.length === 0 && inserted(v, "expense_reports").length === 0,
      },
      { duplicate_report_id: dup.id, snowflake_report_id: snow.id, other_reports_changed: others },
    );
  },

  // 9. On-call goal -> 40% with a check-in note; new goal "Publish the data platform H2 roadmap" due 2026-06-30.
  9: (v) => {
    const goal = v.initial.get<{ id: number }>("SELECT id FROM goals WHERE employee_id = ? AND title LIKE '%on-call pages%' AND status <> 'cancelled'", v.userId)!;
    const g = v.final.get<{ progress_pct: number; status: string }>("SELECT progress_pct, status FROM goals WHERE id = ?", goal.id);
    const checkins = inserted(v, "goal_checkins").filter((c) => c.goal_id === goal.id);
    const checkin = checkins.length === 1 ? checkins[0]! : undefined;
    const newGoals = inserted(v, "goals").filter((x) => x.employee_id === v.userId);
    const ng = newGoals.length === 1 ? newGoals[0]! : undefined;
    const progressOk = g?.progress_pct === 40 && g.status === "in_progress";
    const otherGoals = changedRows(v, "goals", ["title", "progress_pct", "status", "due_date"]).filter((id) => id !== goal.id);
    const stray = inserted(v, "goal_checkins").filter((c) => c.goal_id !== goal.id).length;
    return grade(
      {
        oncall_goal_at_40: progressOk,
        checkin_logged: !!checkin && checkin.progress_pct === 40 && norm(checkin.note).includes("alert dedup rules shipped") && norm(checkin.note).includes("12%"),
        roadmap_goal_created: !!ng && norm(ng.title) === "publish the data platform h2 roadmap",
        roadmap_goal_due_june_30: !!ng && ng.due_date === "2026-06-30",
        other_goals_untouched: (progressOk || !!ng) && otherGoals.length === 0 && stray === 0 && deletedCount(v, "goals") === 0,
      },
      { goal_id: goal.id, new_checkins: checkins, new_goals: newGoals, other_goals_changed: otherGoals, updated_goal_ids: updatedIds(v, "goals") },
    );
  },
});
