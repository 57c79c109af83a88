import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True if the text names the amount, leniently: "$1,234.50", "1234.50", "1234.5" or "$8" for 800 cents. */
function mentionsMoney(text: string | undefined, cents: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === cents) return true;
  }
  return false;
}

/** Lower-case words only: "&" becomes "and", punctuation becomes spaces, a leading "the" is dropped. */
function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

function mentionsTitle(text: string | undefined, title: string): boolean {
  return !!text && ` ${norm(text)} `.includes(` ${norm(title)} `);
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedKeys(v: VerifierContext, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => u.key.id as number);
}

function deletedCount(v: VerifierContext, table: string): number {
  return v.diff.tables[table]?.deleted.length ?? 0;
}

function today(v: VerifierContext): string {
  return v.now.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

function must<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`seed has no ${what}`);
  return row;
}

function titleId(db: SqlReader, title: string, format: string): number {
  return must(db.get<{ id: number }>("SELECT id FROM titles WHERE title = ? AND format = ?", title, format), `title ${title} (${format})`).id;
}

function branchId(db: SqlReader, name: string): number {
  return must(db.get<{ id: number }>("SELECT id FROM branches WHERE name = ?", name), `branch ${name}`).id;
}

type ActiveLoan = { id: number; title: string; format: string; due_date: string; renewals: number; loan_days: number; daily_fine_cents: number; max_fine_cents: number };
function activeLoans(db: SqlReader, memberId: number): ActiveLoan[] {
  return db.all<ActiveLoan>(
    `SELECT l.id, t.title, t.format, l.due_date, l.renewals, f.loan_days, f.daily_fine_cents, f.max_fine_cents
     FROM loans l JOIN copies c ON c.id = l.copy_id JOIN titles t ON t.id = c.title_id JOIN formats f ON f.code = t.format
     WHERE l.member_id = ? AND l.returned_at IS NULL ORDER BY l.id`,
    memberId,
  );
}

function loanState(db: SqlReader, id: number): { due_date: string; renewals: number } | undefined {
  return db.get<{ due_date: string; renewals: number }>("SELECT due_date, renewals FROM loans WHERE id = ?", id);
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Renew the loans due this week (Mon 2026-03-16 .. Sun 2026-03-22) that can be renewed:
  //    Tomorrow, and Tomorrow, and Tomorrow (book, +21 days) and Past Lives (DVD, +7 days).
  //    Lessons in Chemistry (someone is waiting) and The God of the Woods (renewal limit) cannot be;
  //    North Woods (due Apr 1) and the two overdue items are not due this week and must stay as they were.
  0: (v) => {
    const loans = activeLoans(v.initial, v.userId);
    const t = today(v);
    const renewedTo = (title: string) => {
      const l = must(
        loans.find((x) => x.title === title),
        `active loan of ${title}`,
      );
      const f = loanState(v.final, l.id);
      return !!f && f.renewals === l.renewals + 1 && f.due_date === addDays(t, l.loan_days);
    };
    const tomorrow = renewedTo("Tomorrow, and Tomorrow, and Tomorrow");
    const pastLives = renewedTo("Past Lives");
    const others = loans.filter((l) => l.title !== "Tomorrow, and Tomorrow, and Tomorrow" && l.title !== "Past Lives");
    const othersUnchanged = others.every((l) => {
      const f = loanState(v.final, l.id);
      return !!f && f.due_date === l.due_date && f.renewals === l.renewals;
    });
    const newFines = inserted(v, "fines").filter((f) => f.member_id === v.userId).length;
    return grade(
      {
        tomorrow_and_tomorrow_renewed: tomorrow,
        past_lives_renewed: pastLives,
        nothing_else_renewed: (tomorrow || pastLives) && othersUnchanged && newFines === 0,
      },
      { expected_new_due_dates: { book: addDays(t, 21), dvd: addDays(t, 7) }, untouched_loans: others.map((l) => l.title) },
    );
  },

  // 1. Hold on Our Missing Hearts (2022, print book), pickup Eastside. Not the large print, ebook or
  //    eaudiobook, and not Celeste Nguyen's 2025 picture book.
  1: (v) => {
    const target = titleId(v.initial, "Our Missing Hearts", "book");
    const eastside = branchId(v.initial, "Eastside Branch");
    // A stray hold the agent placed and cancelled again does no harm; count only live ones.
    const mine = inserted(v, "holds").filter((h) => h.member_id === v.userId && h.status !== "cancelled");
    const hit = mine.find((h) => h.title_id === target);
    return grade(
      {
        hold_on_our_missing_hearts_print: !!hit && hit.status === "waiting",
        pickup_at_eastside: !!hit && hit.pickup_branch_id === eastside,
        no_other_hold_changes: !!hit && mine.length === 1 && updatedKeys(v, "holds").length === 0 && deletedCount(v, "holds") === 0,
      },
      { target_title_id: target, new_holds: mine },
    );
  },

  // 2. Open fines: $3.25 + $3.00 (balance of $5.00) + $1.50 = $7.75. Pay all with the active Visa
  //    (not the Mastercard, not the expired Visa) and say the total.
  2: (v) => {
    const open = v.initial.all<{ id: number; bal: number }>("SELECT id, amount_cents - paid_cents AS bal FROM fines WHERE member_id = ? AND status = 'open'", v.userId);
    const total = open.reduce((n, f) => n + f.bal, 0);
    const t = today(v);
    const [y, m] = [Number(t.slice(0, 4)), Number(t.slice(5, 7))];
    const visa = must(
      v.initial.get<{ id: number }>(
        "SELECT id FROM payment_cards WHERE member_id = ? AND brand = 'Visa' AND status = 'active' AND (exp_year > ? OR (exp_year = ? AND exp_month >= ?))",
        v.userId,
        y,
        y,
        m,
      ),
      "valid Visa",
    ).id;
    const allPaid =
      open.length > 0 &&
      open.every((f) => {
        const r = v.final.get<{ status: string; paid_cents: number; amount_cents: number }>("SELECT status, paid_cents, amount_cents FROM fines WHERE id = ?", f.id);
        return r?.status === "paid" && r.paid_cents === r.amount_cents;
      });
    const payments = inserted(v, "payments").filter((p) => p.member_id === v.userId);
    const paidSum = payments.reduce((n, p) => n + (p.amount_cents as number), 0);
    return grade(
      {
        all_fines_paid: allPaid,
        paid_with_visa: payments.length > 0 && payments.every((p) => p.payment_card_id === visa) && paidSum === total,
        told_total: mentionsMoney(v.answer, total),
      },
      { expected_total_cents: total, visa_card_id: visa, payments },
    );
  },

  // 3. Saturday 2026-03-21 Family Story Time at Central: register Elena and Leo (5), not Maya (13),
  //    and not the Baby Rhyme Time or the Eastside story time.
  3: (v) => {
    const central = branchId(v.initial, "Central Library");
    const event = must(
      v.initial.get<{ id: number }>("SELECT id FROM events WHERE branch_id = ? AND title = 'Saturday Family Story Time' AND starts_at LIKE '2026-03-21%'", central),
      "Saturday story time",
    ).id;
    const son = must(v.initial.get<{ id: number }>("SELECT id FROM members WHERE guardian_id = ? AND full_name = 'Leo Marsh'", v.userId), "son").id;
    const status = (member: number) => v.final.get<{ status: string }>("SELECT status FROM event_registrations WHERE event_id = ? AND member_id = ?", event, member)?.status;
    const meOk = status(v.userId) === "registered";
    const sonOk = status(son) === "registered";
    const changed = [
      ...inserted(v, "event_registrations"),
      ...updatedKeys(v, "event_registrations").map((id) => v.final.get<Row>("SELECT * FROM event_registrations WHERE id = ?", id)!),
    ];
    const onlyThese = changed.every((r) => r.event_id === event && (r.member_id === v.userId || r.member_id === son));
    return grade(
      {
        me_registered: meOk,
        son_registered: sonOk,
        no_other_registrations: (meOk || sonOk) && onlyThese && deletedCount(v, "event_registrations") === 0,
      },
      { event_id: event, son_member_id: son, changed },
    );
  },

  // 4. Westgate, Friday 2026-03-20, 15:00-17:00, 3 people: Study Room C is the only study room that
  //    fits 3 and is free (A holds 2, B is taken 14-16).
  4: (v) => {
    const westgate = branchId(v.initial, "Westgate Branch");
    const room = must(v.initial.get<{ id: number }>("SELECT id FROM rooms WHERE branch_id = ? AND name = 'Study Room C'", westgate), "Westgate Study Room C").id;
    const mine = inserted(v, "room_bookings").filter((b) => b.member_id === v.userId && b.status === "booked");
    const hit = mine.find((b) => b.room_id === room);
    return grade(
      {
        booked_study_room_c: !!hit,
        friday_3_to_5_pm: !!hit && hit.starts_at === "2026-03-20 15:00:00" && hit.ends_at === "2026-03-20 17:00:00",
        for_three_people: !!hit && hit.attendee_count === 3,
        only_one_booking: !!hit && mine.length === 1 && updatedKeys(v, "room_bookings").length === 0,
      },
      { room_id: room, new_bookings: mine },
    );
  },

  // 5. Intermezzo (print) is on the shelf at Northfield and Riverside; of those only Riverside opens
  //    on Sunday (12:00-17:00). Central is open Sunday but its copy is out.
  5: (v) => {
    const intermezzo = titleId(v.initial, "Intermezzo", "book");
    const rows = v.initial.all<{ name: string; opens_at: string; closes_at: string }>(
      `SELECT DISTINCT b.name, h.opens_at, h.closes_at FROM copies c JOIN branches b ON b.id = c.branch_id
       JOIN branch_hours h ON h.branch_id = b.id AND h.weekday = 0 WHERE c.title_id = ? AND c.status = 'available' AND b.status = 'open'`,
      intermezzo,
    );
    const expected = must(rows.length === 1 ? rows[0] : undefined, "single Sunday branch for Intermezzo");
    const text = (v.answer ?? "").toLowerCase();
    const numbers = new Set(text.match(/\d+/g) ?? []);
    const hourForms = (hhmm: string) => {
      const h = Number(hhmm.slice(0, 2));
      return [String(h), String(h % 12 === 0 ? 12 : h % 12)];
    };
    const opens = hourForms(expected.opens_at);
    const closes = hourForms(expected.closes_at);
    const opensOk = opens.some((n) => numbers.has(n)) || (expected.opens_at === "12:00" && text.includes("noon"));
    return grade(
      {
        names_branch: text.includes(expected.name.split(" ")[0]!.toLowerCase()),
        gives_sunday_hours: opensOk && closes.some((n) => numbers.has(n)),
      },
      { expected_branch: expected.name, sunday_hours: `${expected.opens_at}-${expected.closes_at}` },
    );
  },

  // 6. New list "Backman Binge" = Backman novels (fiction, credited as author) never borrowed by the
  //    user in any format: My Grandmother Asked Me..., Beartown, Us Against You, The Winners.
  //    Not A Man Called Ove / Anxious People (borrowed), not the essays, not the Otto DVD.
  6: (v) => {
    const backman = must(v.initial.get<{ id: number }>("SELECT id FROM authors WHERE name = 'Fredrik Backman'"), "Fredrik Backman").id;
    const novels = v.initial
      .all<{ title: string }>(
        `SELECT DISTINCT t.title FROM titles t JOIN title_authors ta ON ta.title_id = t.id JOIN genres g ON g.id = t.genre_id
         WHERE ta.author_id = ? AND ta.role = 'author' AND g.is_fiction = 1`,
        backman,
      )
      .map((r) => r.title);
    const borrowed = new Set(
      v.initial
        .all<{ title: string }>(
          `SELECT t.title FROM loans l JOIN copies c ON c.id = l.copy_id JOIN titles t ON t.id = c.title_id WHERE l.member_id = ?
           UNION SELECT t.title FROM digital_loans d JOIN titles t ON t.id = d.title_id WHERE d.member_id = ?`,
          v.userId,
          v.userId,
        )
        .map((r) => r.title),
    );
    const expected = novels.filter((t) => !borrowed.has(t)).sort();
    const existed = v.initial.get("SELECT 1 FROM reading_lists WHERE member_id = ? AND lower(trim(name)) = 'backman binge'", v.userId);
    const list = existed ? undefined : v.final.get<{ id: number }>("SELECT id FROM reading_lists WHERE member_id = ? AND lower(trim(name)) = 'backman binge'", v.userId);
    const items = list
      ? v.final.all<{ title: string }>("SELECT t.title FROM reading_list_items i JOIN titles t ON t.id = i.title_id WHERE i.list_id = ?", list.id).map((r) => r.title)
      : [];
    const otherItemsTouched =
      deletedCount(v, "reading_list_items") > 0 ||
      updatedKeys(v, "reading_list_items").length > 0 ||
      inserted(v, "reading_list_items").some((i) => i.list_id !== list?.id) ||
      updatedKeys(v, "reading_lists").length > 0 ||
      deletedCount(v, "reading_lists") > 0;
    return grade(
      {
        list_created: !!list,
        has_every_unborrowed_novel: !!list && expected.every((t) => items.includes(t)),
        nothing_else_on_list: !!list && items.length === expected.length && items.every((t) => expected.includes(t)),
        other_lists_untouched: !!list && !otherItemsTouched,
      },
      { expected_titles: expected, list_titles: items },
    );
  },

  // 7. Suspend the user's three waiting holds (James, The Women, Funny Story ebook) until
  //    April 11 (April 10 accepted); the ready hold (The Wager) and everything else untouched.
  7: (v) => {
    const waiting = v.initial.all<{ id: number }>("SELECT id FROM holds WHERE member_id = ? AND status = 'waiting'", v.userId).map((h) => h.id);
    const finals = waiting.map((id) => v.final.get<{ status: string; suspended_until: string | null }>("SELECT status, suspended_until FROM holds WHERE id = ?", id));
    const suspended = finals.filter((h) => h?.status === "suspended");
    const ready = v.initial.all<{ id: number }>("SELECT id FROM holds WHERE member_id = ? AND status = 'ready'", v.userId).map((h) => h.id);
    const readyKept = ready.every((id) => v.final.get<{ status: string }>("SELECT status FROM holds WHERE id = ?", id)?.status === "ready");
    const touched = updatedKeys(v, "holds");
    return grade(
      {
        all_waiting_holds_suspended: waiting.length > 0 && suspended.length === waiting.length,
        resume_on_april_11: suspended.length > 0 && suspended.every((h) => h!.suspended_until === "2026-04-11" || h!.suspended_until === "2026-04-10"),
        ready_hold_left_alone: suspended.length > 0 && readyKept,
        nothing_else_changed: suspended.length > 0 && touched.every((id) => waiting.includes(id)) && inserted(v, "holds").length === 0 && deletedCount(v, "holds") === 0,
      },
      { waiting_hold_ids: waiting, final: finals },
    );
  },

  // 8. Overdue now: The Heaven & Earth Grocery Store (12 days x $0.25 = $3.00) and Oppenheimer
  //    (DVD, 5 days x $1.00 = $5.00): $8.00 altogether.
  8: (v) => {
    const t = today(v);
    const over = activeLoans(v.initial, v.userId).filter((l) => l.due_date < t);
    const fees = over.map((l) => Math.min(daysBetween(l.due_date, t) * l.daily_fine_cents, l.max_fine_cents));
    const total = fees.reduce((n, f) => n + f, 0);
    return grade(
      {
        names_each_overdue_item: over.length > 0 && over.every((l) => mentionsTitle(v.answer, l.title)),
        gives_total_late_fees: over.length > 0 && mentionsMoney(v.answer, total),
      },
      { overdue: over.map((l, i) => ({ title: l.title, due_date: l.due_date, fee_cents: fees[i] })), expected_total_cents: total },
    );
  },

  // 9. Return the Demon Copperhead ebook loan and borrow The Covenant of Water ebook (not the
  //    eaudiobook or print); the other digital loans stay out.
  9: (v) => {
    const dcTitle = titleId(v.initial, "Demon Copperhead", "ebook");
    const covTitle = titleId(v.initial, "The Covenant of Water", "ebook");
    const dc = must(v.initial.get<{ id: number }>("SELECT id FROM digital_loans WHERE member_id = ? AND title_id = ? AND returned_at IS NULL", v.userId, dcTitle), "Demon Copperhead ebook loan").id;
    const returned = v.final.get<{ returned_at: string | null }>("SELECT returned_at FROM digital_loans WHERE id = ?", dc)?.returned_at != null;
    const mine = inserted(v, "digital_loans").filter((d) => d.member_id === v.userId);
    const borrowed = mine.some((d) => d.title_id === covTitle && d.returned_at === null);
    const others = v.initial.all<{ id: number }>("SELECT id FROM digital_loans WHERE member_id = ? AND returned_at IS NULL AND id <> ?", v.userId, dc);
    const othersKept = others.every((o) => v.final.get<{ returned_at: string | null }>("SELECT returned_at FROM digital_loans WHERE id = ?", o.id)?.returned_at === null);
    return grade(
      {
        demon_copperhead_returned: returned,
        covenant_ebook_borrowed: borrowed,
        other_digital_loans_kept: (returned || borrowed) && othersKept && mine.length === 1,
      },
      { new_digital_loans: mine },
    );
  },
});
