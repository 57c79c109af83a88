import { defineVerifiers, grade } from "awm/envkit";
import type { SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

interface Issue {
  id: number;
  key: string;
  project_id: number;
  title: string;
  type: string;
  status: string;
  priority: string;
  estimate: number | null;
  assignee_id: number | null;
  sprint_id: number | null;
  resolution: string | null;
}

function issue(db: SqlReader, key: string): Issue {
  const i = db.get<Issue>("SELECT * FROM issues WHERE key = ?", key);
  if (!i) throw new Error(`seed has no issue ${key}`);
  return i;
}
function userId(db: SqlReader, fullName: string): number {
  const u = db.get<{ id: number }>("SELECT id FROM users WHERE full_name = ?", fullName);
  if (!u) throw new Error(`seed has no user ${fullName}`);
  return u.id;
}
function sprintId(db: SqlReader, name: string): number {
  const s = db.get<{ id: number }>("SELECT id FROM sprints WHERE name = ?", name);
  if (!s) throw new Error(`seed has no sprint ${name}`);
  return s.id;
}
function projectId(db: SqlReader, key: string): number {
  return db.get<{ id: number }>("SELECT id FROM projects WHERE key = ?", key)!.id;
}
/** issue key -> column value, for every issue. */
function column(db: SqlReader, col: "sprint_id" | "assignee_id" | "status"): Map<string, unknown> {
  return new Map(db.all<{ key: string; v: unknown }>(`SELECT key, ${col} AS v FROM issues`).map((r) => [r.key, r.v]));
}
/** Keys whose column changed between initial and final, other than those expected to. */
function changedOtherThan(v: VerifierContext, col: "sprint_id" | "assignee_id" | "status", expected: string[]): string[] {
  const before = column(v.initial, col);
  const after = column(v.final, col);
  return [...before.keys()].filter((k) => !expected.includes(k) && before.get(k) !== after.get(k));
}
function sprintKeys(db: SqlReader, id: number): string[] {
  return db.all<{ key: string }>("SELECT key FROM issues WHERE sprint_id = ? ORDER BY key", id).map((r) => r.key);
}
function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");
}
/** Every number written in the text (commas dropped). */
function numbersIn(text: string | undefined): number[] {
  if (!text) return [];
  return [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ""))).filter((n) => !Number.isNaN(n));
}
function mentionsKey(text: string | undefined, key: string): boolean {
  if (!text) return false;
  const [p, n] = key.split("-");
  return new RegExp(`\\b${p}[- ]?${n}\\b`, "i").test(text);
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Priya Raman's in-progress PAY bugs (PAY-142, PAY-156 in Sprint 23; PAY-161 in no sprint) -> PAY Sprint 24.
  0: (v) => {
    const priya = userId(v.initial, "Priya Raman");
    const next = sprintId(v.initial, "PAY Sprint 24");
    const targets = v.initial
      .all<{ key: string }>("SELECT key FROM issues WHERE project_id = ? AND assignee_id = ? AND type = 'bug' AND status = 'in_progress' ORDER BY key", projectId(v.initial, "PAY"), priya)
      .map((r) => r.key);
    const moved = targets.filter((k) => issue(v.final, k).sprint_id === next);
    const allMoved = targets.length > 0 && moved.length === targets.length;
    const others = changedOtherThan(v, "sprint_id", targets);
    const statusChanged = changedOtherThan(v, "status", []);
    return grade(
      {
        bugs_in_next_sprint: allMoved,
        no_other_issue_moved: moved.length > 0 && others.length === 0,
        statuses_untouched: moved.length > 0 && statusChanged.length === 0,
        next_sprint_still_planned: moved.length > 0 && v.final.get<{ state: string }>("SELECT state FROM sprints WHERE id = ?", next)!.state === "planned",
      },
      { expected_issues: targets, moved, other_issues_moved: others, status_changes: statusChanged },
    );
  },

  // 1. PAY-231 cancelled as a duplicate of PAY-198, with the link and a comment naming PAY-198.
  1: (v) => {
    const dup = issue(v.final, "PAY-231");
    const orig = issue(v.final, "PAY-198");
    const origBefore = issue(v.initial, "PAY-198");
    const link = v.final.get("SELECT id FROM issue_links WHERE source_issue_id = ? AND target_issue_id = ? AND link_type = 'duplicates'", dup.id, orig.id);
    const linkBefore = v.initial.get("SELECT id FROM issue_links WHERE source_issue_id = ? AND target_issue_id = ? AND link_type = 'duplicates'", dup.id, orig.id);
    const comments = (v.diff.tables.comments?.inserted ?? []).filter((c) => c.issue_id === dup.id && c.author_id === v.userId);
    const closed = dup.status === "cancelled" && dup.resolution === "duplicate";
    return grade(
      {
        closed_as_duplicate: closed,
        duplicate_link_added: !!link && !linkBefore,
        comment_points_to_pay_198: comments.some((c) => mentionsKey(String(c.body), "PAY-198")),
        original_left_open: closed && orig.status === origBefore.status && orig.resolution === null,
      },
      { status: dup.status, resolution: dup.resolution, new_comments: comments.length },
    );
  },

  // 2. Question: most open (not done, not cancelled) points in PAY Sprint 23, by assignee.
  2: (v) => {
    const sprint = sprintId(v.initial, "PAY Sprint 23");
    const rows = v.initial.all<{ assignee_id: number; full_name: string; pts: number }>(
      `SELECT i.assignee_id, u.full_name, SUM(i.estimate) AS pts FROM issues i JOIN users u ON u.id = i.assignee_id
       WHERE i.sprint_id = ? AND i.status NOT IN ('done', 'cancelled') AND i.estimate IS NOT NULL GROUP BY i.assignee_id ORDER BY pts DESC`,
      sprint,
    );
    const top = rows[0]!;
    const [first, last] = top.full_name.split(" ");
    const text = (v.answer ?? "").toLowerCase();
    // Two users are called Priya; the last name (or "Priya" without the other Priya's surname) identifies her.
    const others = v.initial.all<{ full_name: string }>("SELECT full_name FROM users WHERE full_name LIKE ? AND id <> ?", `${first} %`, top.assignee_id);
    const named = text.includes(last!.toLowerCase()) || (text.includes(first!.toLowerCase()) && !others.some((o) => text.includes(o.full_name.split(" ")[1]!.toLowerCase())));
    return grade({ names_top_assignee: named, gives_points: numbersIn(v.answer).includes(top.pts) }, { expected: top, ranking: rows });
  },

  // 3. RISK Sprint 8 started, holding exactly the RISK To Do issues labelled q2-launch (wherever they were).
  3: (v) => {
    const sprint = sprintId(v.initial, "RISK Sprint 8");
    const later = sprintId(v.initial, "RISK Sprint 9");
    const expected = v.initial
      .all<{ key: string }>(
        `SELECT i.key FROM issues i JOIN issue_labels il ON il.issue_id = i.id JOIN labels l ON l.id = il.label_id
         WHERE i.project_id = ? AND i.status = 'todo' AND l.name = 'q2-launch' ORDER BY i.key`,
        projectId(v.initial, "RISK"),
      )
      .map((r) => r.key);
    const s = v.final.get<{ state: string; started_at: string | null }>("SELECT state, started_at FROM sprints WHERE id = ?", sprint)!;
    const inSprint = sprintKeys(v.final, sprint);
    const others = changedOtherThan(v, "sprint_id", expected);
    const started = s.state === "active" && s.started_at !== null;
    return grade(
      {
        sprint_started: started,
        all_q2_todo_issues_in_sprint: expected.every((k) => inSprint.includes(k)),
        nothing_else_in_sprint: inSprint.length > 0 && sameSet(inSprint, expected),
        no_other_issue_moved: inSprint.length > 0 && others.length === 0,
        following_sprint_untouched: started && v.final.get<{ state: string }>("SELECT state FROM sprints WHERE id = ?", later)!.state === "planned",
      },
      { expected, in_sprint: inSprint, other_issues_moved: others },
    );
  },

  // 4. PAY Sprint 23 completed: started work -> Sprint 24, unstarted -> backlog, closed issues stay.
  4: (v) => {
    const sprint = sprintId(v.initial, "PAY Sprint 23");
    const next = sprintId(v.initial, "PAY Sprint 24");
    const initial = v.initial.all<{ key: string; status: string }>("SELECT key, status FROM issues WHERE sprint_id = ?", sprint);
    const closed = initial.filter((i) => i.status === "done" || i.status === "cancelled").map((i) => i.key);
    const started = initial.filter((i) => i.status === "in_progress" || i.status === "in_review").map((i) => i.key);
    const unstarted = initial.filter((i) => i.status === "backlog" || i.status === "todo").map((i) => i.key);
    const s = v.final.get<{ state: string; completed_at: string | null }>("SELECT state, completed_at FROM sprints WHERE id = ?", sprint)!;
    const done = s.state === "closed" && s.completed_at !== null;
    const others = changedOtherThan(v, "sprint_id", [...started, ...unstarted]);
    return grade(
      {
        sprint_completed: done,
        started_work_carried_to_next_sprint: started.every((k) => issue(v.final, k).sprint_id === next),
        unstarted_work_sent_to_backlog: unstarted.every((k) => issue(v.final, k).sprint_id === null),
        closed_issues_stay_in_sprint: done && closed.every((k) => issue(v.final, k).sprint_id === sprint),
        nothing_else_changed: done && others.length === 0 && changedOtherThan(v, "status", []).length === 0,
        next_sprint_not_started: done && v.final.get<{ state: string }>("SELECT state FROM sprints WHERE id = ?", next)!.state === "planned",
      },
      { started, unstarted, closed, other_issues_moved: others },
    );
  },

  // 5. New PAY bug with exact fields, labels, sprint and a "blocks PAY-209" link.
  5: (v) => {
    const title = "refund webhook retries double-post ledger entries";
    const pay = projectId(v.initial, "PAY");
    const created = (v.diff.tables.issues?.inserted ?? []).filter(
      (i) => i.project_id === pay && String(i.title).trim().replace(/^["']|["']$/g, "").toLowerCase() === title,
    );
    const n = created.length === 1 ? v.final.get<Issue>("SELECT * FROM issues WHERE id = ?", created[0]!.id as number)! : undefined;
    const labels = n ? v.final.all<{ name: string }>("SELECT l.name FROM issue_labels il JOIN labels l ON l.id = il.label_id WHERE il.issue_id = ?", n.id).map((r) => r.name) : [];
    const target = issue(v.initial, "PAY-209");
    const blocks = n ? v.final.get("SELECT 1 FROM issue_links WHERE source_issue_id = ? AND target_issue_id = ? AND link_type = 'blocks'", n.id, target.id) : undefined;
    return grade(
      {
        one_bug_created: !!n && n.type === "bug",
        high_priority: n?.priority === "high",
        three_points: n?.estimate === 3,
        assigned_to_sofia: n?.assignee_id === userId(v.initial, "Sofia Marchetti"),
        in_current_sprint: n?.sprint_id === sprintId(v.initial, "PAY Sprint 23"),
        labels_ledger_and_customer_reported: sameSet(labels, ["customer-reported", "ledger"]),
        blocks_pay_209: !!blocks,
      },
      { created: created.length, labels },
    );
  },

  // 6. Question: mean completed points of the last three closed PAY sprints.
  6: (v) => {
    const rows = v.initial.all<{ completed_points: number }>(
      "SELECT completed_points FROM sprints WHERE project_id = ? AND state = 'closed' ORDER BY end_date DESC LIMIT 3",
      projectId(v.initial, "PAY"),
    );
    const avg = rows.reduce((n, r) => n + r.completed_points, 0) / rows.length;
    const hit = numbersIn(v.answer).some((x) => Math.abs(x - avg) < 0.05);
    return grade({ answer_has_average: hit }, { expected: avg, sprints: rows.map((r) => r.completed_points) });
  },

  // 7. Jonah's open issues in PAY Sprint 23 -> Sofia; his other open PAY issues -> unassigned; nothing else reassigned.
  7: (v) => {
    const jonah = userId(v.initial, "Jonah Feld");
    const sofia = userId(v.initial, "Sofia Marchetti");
    const sprint = sprintId(v.initial, "PAY Sprint 23");
    const open = v.initial.all<{ key: string; sprint_id: number | null }>(
      "SELECT key, sprint_id FROM issues WHERE project_id = ? AND assignee_id = ? AND status NOT IN ('done', 'cancelled')",
      projectId(v.initial, "PAY"),
      jonah,
    );
    const handOver = open.filter((i) => i.sprint_id === sprint).map((i) => i.key);
    const release = open.filter((i) => i.sprint_id !== sprint).map((i) => i.key);
    const others = changedOtherThan(v, "assignee_id", [...handOver, ...release]);
    const handed = handOver.every((k) => issue(v.final, k).assignee_id === sofia);
    const released = release.every((k) => issue(v.final, k).assignee_id === null);
    return grade(
      {
        sprint_issues_handed_to_sofia: handed,
        other_open_issues_unassigned: released,
        nothing_else_reassigned: (handed || released) && others.length === 0,
      },
      { hand_over: handOver, unassign: release, other_reassigned: others },
    );
  },

  // 8. PAY-190 closed as done; the answer names the remaining open blocker(s) of PAY-212.
  8: (v) => {
    const fix = issue(v.final, "PAY-190");
    const target = issue(v.initial, "PAY-212");
    const still = v.initial
      .all<{ key: string }>(
        `SELECT s.key FROM issue_links l JOIN issues s ON s.id = l.source_issue_id
         WHERE l.target_issue_id = ? AND l.link_type = 'blocks' AND s.status NOT IN ('done', 'cancelled') AND s.key <> 'PAY-190'`,
        target.id,
      )
      .map((r) => r.key);
    const done = fix.status === "done" && fix.resolution === "done";
    return grade(
      {
        pay_190_done: done,
        answer_names_remaining_blockers: still.length > 0 && still.every((k) => mentionsKey(v.answer, k)),
        pay_212_untouched: done && issue(v.final, "PAY-212").status === target.status,
      },
      { remaining_blockers: still },
    );
  },

  // 9. 150 minutes logged on PAY-172 for 2026-03-17, PAY-172 in review, Kwame watching.
  9: (v) => {
    const task = issue(v.initial, "PAY-172");
    const kwame = userId(v.initial, "Kwame Asante");
    const logs = (v.diff.tables.worklogs?.inserted ?? []).filter((w) => w.user_id === v.userId);
    const onTask = logs.filter((w) => w.issue_id === task.id);
    const watching = (v.diff.tables.watchers?.inserted ?? []).some((w) => w.issue_id === task.id && w.user_id === kwame);
    return grade(
      {
        time_logged: onTask.length === 1 && onTask[0]!.minutes === 150 && onTask[0]!.work_date === "2026-03-17",
        only_one_entry: onTask.length === 1 && logs.length === 1,
        in_review: issue(v.final, "PAY-172").status === "in_review",
        kwame_watching: watching,
      },
      { new_worklogs: logs },
    );
  },
});
