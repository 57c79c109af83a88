import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const OptId = (what: string) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description(what)));
const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-20"), v.description(what));
const TimeText = (what: string) => v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time like 15:00"), v.description(what));
const MemberArg = OptId("Act for a family member linked to your card (their member_id from get_account). Omit for yourself.");

const FORMATS = ["book", "large_print", "audiobook_cd", "dvd", "ebook", "eaudiobook"] as const;
const EVENT_KINDS = ["story_time", "author_talk", "book_club", "workshop", "film_screening", "class"] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ACTIVE_HOLD = "('waiting', 'suspended', 'ready')";
const MAX_ROOM_DAYS_AHEAD = 14;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface MemberRow {
  id: number;
  card_number: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  birth_date: string;
  membership_type: string;
  guardian_id: number | null;
  home_branch_id: number;
  preferred_pickup_branch_id: number;
  status: string;
  joined_at: string;
  expires_on: string;
}
interface MembershipRow {
  code: string;
  name: string;
  max_loans: number;
  max_holds: number;
  max_digital_loans: number;
  max_renewals: number;
  fine_free: number;
  block_threshold_cents: number;
}
interface TitleRow {
  id: number;
  title: string;
  subtitle: string | null;
  series: string | null;
  format: string;
  isbn: string | null;
  genre_id: number;
  audience: string;
  publication_year: number;
  publisher: string;
  language: string;
  length: string | null;
  subjects: string;
  summary: string;
  license_count: number;
  is_digital: number;
  loan_days: number;
  format_name: string;
  genre: string;
}
interface BranchRow {
  id: number;
  name: string;
  code: string;
  address: string;
  phone: string;
  status: string;
  is_pickup_location: number;
  notes: string | null;
}
interface LoanRow {
  id: number;
  member_id: number;
  copy_id: number;
  branch_id: number;
  checked_out_at: string;
  due_date: string;
  renewals: number;
  last_renewed_at: string | null;
  returned_at: string | null;
  title_id: number;
  title: string;
  format: string;
  barcode: string;
  loan_days: number;
  daily_fine_cents: number;
  max_fine_cents: number;
}
interface HoldRow {
  id: number;
  member_id: number;
  title_id: number;
  pickup_branch_id: number | null;
  status: string;
  placed_at: string;
  suspended_until: string | null;
  copy_id: number | null;
  ready_at: string | null;
  pickup_by: string | null;
  closed_at: string | null;
}
interface FineRow {
  id: number;
  member_id: number;
  loan_id: number | null;
  kind: string;
  description: string;
  amount_cents: number;
  paid_cents: number;
  status: string;
  assessed_at: string;
  resolved_at: string | null;
}
interface EventRow {
  id: number;
  branch_id: number;
  room_id: number | null;
  title: string;
  kind: string;
  description: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  min_age: number | null;
  max_age: number | null;
  caregivers_allowed: number;
  registration_required: number;
  status: string;
}
interface RoomRow {
  id: number;
  branch_id: number;
  name: string;
  kind: string;
  capacity: number;
  features: string;
  bookable: number;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function parseDate(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

function validDate(date: string, field: string): string {
  const d = parseDate(date);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new ToolError(`${field} ${date} is not a valid date`);
  return date;
}

function addDays(date: string, days: number): string {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b).getTime() - parseDate(a).getTime()) / 86400000);
}

function weekday(date: string): number {
  return parseDate(date).getUTCDay();
}

function ageOn(birth: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  if (date.slice(5, 10) < birth.slice(5, 10)) age -= 1;
  return age;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

function me(ctx: ToolContext): MemberRow {
  return ctx.db.get<MemberRow>("SELECT * FROM members WHERE id = ?", ctx.userId)!;
}

/** The user's own id plus the ids of the children/teens linked to their card. */
function familyIds(ctx: ToolContext): number[] {
  const kids = ctx.db.all<{ id: number }>("SELECT id FROM members WHERE guardian_id = ? ORDER BY id", ctx.userId).map((r) => r.id);
  return [ctx.userId, ...kids];
}

function inFamily(ctx: ToolContext, memberId: number): boolean {
  return familyIds(ctx).includes(memberId);
}

/** The member to act for: yourself by default, or a family member linked to your card. */
function memberFor(ctx: ToolContext, memberId: number | undefined): MemberRow {
  const id = memberId ?? ctx.userId;
  if (!inFamily(ctx, id)) throw new ToolError(`member ${id} not found on your account`);
  return ctx.db.get<MemberRow>("SELECT * FROM members WHERE id = ?", id)!;
}

function membership(ctx: ToolContext, m: MemberRow): MembershipRow {
  return ctx.db.get<MembershipRow>("SELECT * FROM membership_types WHERE code = ?", m.membership_type)!;
}

function balanceCents(db: SqlDatabase, memberId: number): number {
  return db.get<{ n: number }>("SELECT COALESCE(SUM(amount_cents - paid_cents), 0) AS n FROM fines WHERE member_id = ? AND status = 'open'", memberId)!.n;
}

/** Why this member may not borrow, renew or place holds right now, or null. */
function accountBlocker(ctx: ToolContext, m: MemberRow): string | null {
  if (m.status === "suspended") return `${m.full_name}'s card is suspended; please contact the library`;
  if (m.status === "expired" || m.expires_on < ctx.today) return `${m.full_name}'s card expired on ${m.expires_on}; renew it at any branch`;
  const type = membership(ctx, m);
  const owed = balanceCents(ctx.db, m.id);
  if (owed >= type.block_threshold_cents) {
    return `${m.full_name}'s account is blocked: ${money(owed)} in unpaid fines (limit ${money(type.block_threshold_cents)}); pay fines first`;
  }
  return null;
}

function getBranch(ctx: ToolContext, branchId: number): BranchRow {
  const b = ctx.db.get<BranchRow>("SELECT * FROM branches WHERE id = ?", branchId);
  if (!b) throw new ToolError(`branch ${branchId} not found`);
  return b;
}

function pickupBranch(ctx: ToolContext, branchId: number): BranchRow {
  const b = getBranch(ctx, branchId);
  if (b.status !== "open" || !b.is_pickup_location) throw new ToolError(`${b.name} is not a hold pickup location right now${b.notes ? ` (${b.notes})` : ""}`);
  return b;
}

function hoursFor(ctx: ToolContext, branchId: number, date: string): { opens_at: string; closes_at: string } | null {
  return ctx.db.get<{ opens_at: string; closes_at: string }>("SELECT opens_at, closes_at FROM branch_hours WHERE branch_id = ? AND weekday = ?", branchId, weekday(date)) ?? null;
}

/** Opening hours per weekday, Monday first: "09:00-20:00" or "closed". */
function weeklyHours(ctx: ToolContext, branchId: number): Record<string, string> {
  const rows = ctx.db.all<{ weekday: number; opens_at: string; closes_at: string }>("SELECT weekday, opens_at, closes_at FROM branch_hours WHERE branch_id = ?", branchId);
  const out: Record<string, string> = {};
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    const r = rows.find((x) => x.weekday === d);
    out[WEEKDAYS[d]!] = r ? `${r.opens_at}-${r.closes_at}` : "closed";
  }
  return out;
}

const TITLE_SELECT = `SELECT t.*, f.is_digital, f.loan_days, f.name AS format_name, g.name AS genre
  FROM titles t JOIN formats f ON f.code = t.format JOIN genres g ON g.id = t.genre_id`;

function getTitle(ctx: ToolContext, titleId: number): TitleRow {
  const t = ctx.db.get<TitleRow>(`${TITLE_SELECT} WHERE t.id = ?`, titleId);
  if (!t) throw new ToolError(`title ${titleId} not found`);
  return t;
}

function creditLine(db: SqlDatabase, titleId: number): string {
  const rows = db.all<{ name: string; role: string }>(
    "SELECT a.name, ta.role FROM title_authors ta JOIN authors a ON a.id = ta.author_id WHERE ta.title_id = ? ORDER BY ta.position",
    titleId,
  );
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of rows) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    parts.push(r.role === "author" ? r.name : `${r.name} (${r.role})`);
  }
  return parts.join(", ");
}

function activeDigitalLoans(db: SqlDatabase, titleId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM digital_loans WHERE title_id = ? AND returned_at IS NULL", titleId)!.n;
}

function waitingHolds(db: SqlDatabase, titleId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM holds WHERE title_id = ? AND status IN ('waiting', 'suspended')", titleId)!.n;
}

function queuePosition(db: SqlDatabase, h: { id: number; title_id: number; placed_at: string; status: string }): number | null {
  if (h.status !== "waiting" && h.status !== "suspended") return null;
  return (
    db.get<{ n: number }>(
      "SELECT count(*) AS n FROM holds WHERE title_id = ? AND status IN ('waiting', 'suspended') AND (placed_at < ? OR (placed_at = ? AND id < ?))",
      h.title_id,
      h.placed_at,
      h.placed_at,
      h.id,
    )!.n + 1
  );
}

const LOAN_SELECT = `SELECT l.*, c.title_id, t.title, t.format, c.barcode, f.loan_days, f.daily_fine_cents, f.max_fine_cents
  FROM loans l JOIN copies c ON c.id = l.copy_id JOIN titles t ON t.id = c.title_id JOIN formats f ON f.code = t.format`;

function getLoan(ctx: ToolContext, loanId: number): LoanRow {
  const l = ctx.db.get<LoanRow>(`${LOAN_SELECT} WHERE l.id = ?`, loanId);
  if (!l || !inFamily(ctx, l.member_id)) throw new ToolError(`loan ${loanId} not found`);
  return l;
}

function daysOverdue(ctx: ToolContext, l: { due_date: string; returned_at: string | null }): number {
  if (l.returned_at) return 0;
  return Math.max(0, daysBetween(l.due_date, ctx.today));
}

function accruedFine(ctx: ToolContext, l: LoanRow, fineFree: boolean): number {
  if (fineFree) return 0;
  return Math.min(daysOverdue(ctx, l) * l.daily_fine_cents, l.max_fine_cents);
}

/** Why this loan cannot be renewed today, or null. */
function renewBlocker(ctx: ToolContext, l: LoanRow, m: MemberRow): string | null {
  if (l.returned_at) return `it was returned on ${l.returned_at.slice(0, 10)}`;
  const acct = accountBlocker(ctx, m);
  if (acct) return acct;
  const type = membership(ctx, m);
  if (l.renewals >= type.max_renewals) return `it has already been renewed ${l.renewals} time(s), the limit for ${type.name} cards`;
  const late = daysOverdue(ctx, l);
  if (late > 30) return `it is ${late} days overdue; items more than 30 days overdue must be returned`;
  const others = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM holds WHERE title_id = ? AND status = 'waiting' AND member_id <> ?", l.title_id, l.member_id)!.n;
  if (others > 0) return `${others} other member(s) are waiting for this title`;
  const newDue = addDays(ctx.today, l.loan_days);
  if (newDue <= l.due_date) return `renewing today would not extend the due date (${l.due_date}); try again closer to the due date`;
  return null;
}

function loanView(ctx: ToolContext, l: LoanRow, m: MemberRow) {
  const type = membership(ctx, m);
  const blocker = l.returned_at ? null : renewBlocker(ctx, l, m);
  return {
    loan_id: l.id,
    member_id: l.member_id,
    member_name: m.full_name,
    title_id: l.title_id,
    title: l.title,
    authors: creditLine(ctx.db, l.title_id),
    format: l.format,
    barcode: l.barcode,
    checked_out_at: l.checked_out_at,
    due_date: l.due_date,
    returned_at: l.returned_at,
    renewals: l.renewals,
    renewals_left: Math.max(0, type.max_renewals - l.renewals),
    days_overdue: daysOverdue(ctx, l),
    accrued_late_fee_cents: accruedFine(ctx, l, !!type.fine_free),
    renewable: l.returned_at ? false : blocker === null,
    renew_blocker: blocker,
  };
}

function getHold(ctx: ToolContext, holdId: number): HoldRow {
  const h = ctx.db.get<HoldRow>("SELECT * FROM holds WHERE id = ?", holdId);
  if (!h || !inFamily(ctx, h.member_id)) throw new ToolError(`hold ${holdId} not found`);
  return h;
}

function holdView(ctx: ToolContext, holdId: number) {
  const h = ctx.db.get<Record<string, unknown> & HoldRow>(
    `SELECT h.*, t.title, t.format, m.full_name AS member_name, b.name AS pickup_branch
     FROM holds h JOIN titles t ON t.id = h.title_id JOIN members m ON m.id = h.member_id LEFT JOIN branches b ON b.id = h.pickup_branch_id WHERE h.id = ?`,
    holdId,
  )!;
  return {
    hold_id: h.id,
    member_id: h.member_id,
    member_name: h.member_name,
    title_id: h.title_id,
    title: h.title,
    authors: creditLine(ctx.db, h.title_id),
    format: h.format,
    status: h.status,
    pickup_branch_id: h.pickup_branch_id,
    pickup_branch: h.pickup_branch ?? null,
    placed_at: h.placed_at,
    queue_position: queuePosition(ctx.db, h),
    suspended_until: h.suspended_until,
    ready_at: h.ready_at,
    pickup_by: h.pickup_by,
    closed_at: h.closed_at,
  };
}

function getFine(ctx: ToolContext, fineId: number): FineRow {
  const f = ctx.db.get<FineRow>("SELECT * FROM fines WHERE id = ?", fineId);
  if (!f || !inFamily(ctx, f.member_id)) throw new ToolError(`fine ${fineId} not found`);
  return f;
}

function getReadingList(ctx: ToolContext, listId: number) {
  const l = ctx.db.get<{ id: number; name: string; description: string; is_public: number; created_at: string; updated_at: string }>(
    "SELECT id, name, description, is_public, created_at, updated_at FROM reading_lists WHERE id = ? AND member_id = ?",
    listId,
    ctx.userId,
  );
  if (!l) throw new ToolError(`reading list ${listId} not found`);
  return l;
}

function readingListView(ctx: ToolContext, listId: number) {
  const l = getReadingList(ctx, listId);
  const items = ctx.db
    .all<{ item_id: number; title_id: number; title: string; format: string; publication_year: number; note: string; added_at: string }>(
      `SELECT i.id AS item_id, i.title_id, t.title, t.format, t.publication_year, i.note, i.added_at
       FROM reading_list_items i JOIN titles t ON t.id = i.title_id WHERE i.list_id = ? ORDER BY i.added_at, i.id`,
      listId,
    )
    .map((i) => ({ ...i, authors: creditLine(ctx.db, i.title_id) }));
  return { list_id: l.id, name: l.name, description: l.description, is_public: l.is_public === 1, created_at: l.created_at, updated_at: l.updated_at, item_count: items.length, items };
}

function getEvent(ctx: ToolContext, eventId: number): EventRow {
  const e = ctx.db.get<EventRow>("SELECT * FROM events WHERE id = ?", eventId);
  if (!e) throw new ToolError(`event ${eventId} not found`);
  return e;
}

function registeredCount(db: SqlDatabase, eventId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM event_registrations WHERE event_id = ? AND status = 'registered'", eventId)!.n;
}

function ageRange(e: EventRow): string {
  if (e.min_age === null && e.max_age === null) return "all ages";
  if (e.max_age === null) return `ages ${e.min_age}+`;
  if (e.min_age === null || e.min_age === 0) return `up to age ${e.max_age}`;
  return `ages ${e.min_age}-${e.max_age}`;
}

function inAgeRange(e: EventRow, age: number): boolean {
  return (e.min_age === null || age >= e.min_age) && (e.max_age === null || age <= e.max_age);
}

function getRoom(ctx: ToolContext, roomId: number): RoomRow {
  const r = ctx.db.get<RoomRow>("SELECT * FROM rooms WHERE id = ?", roomId);
  if (!r) throw new ToolError(`room ${roomId} not found`);
  return r;
}

/** Busy intervals of a room on a date: bookings and events held there. */
function roomBusy(ctx: ToolContext, roomId: number, date: string) {
  const bookings = ctx.db.all<{ starts_at: string; ends_at: string }>(
    "SELECT starts_at, ends_at FROM room_bookings WHERE room_id = ? AND status = 'booked' AND substr(starts_at, 1, 10) = ? ORDER BY starts_at",
    roomId,
    date,
  );
  const events = ctx.db.all<{ starts_at: string; ends_at: string; title: string }>(
    "SELECT starts_at, ends_at, title FROM events WHERE room_id = ? AND status = 'scheduled' AND substr(starts_at, 1, 10) = ? ORDER BY starts_at",
    roomId,
    date,
  );
  return [
    ...bookings.map((b) => ({ start: b.starts_at.slice(11, 16), end: b.ends_at.slice(11, 16), reason: "booked" })),
    ...events.map((e) => ({ start: e.starts_at.slice(11, 16), end: e.ends_at.slice(11, 16), reason: `event: ${e.title}` })),
  ].sort((a, b) => a.start.localeCompare(b.start));
}

function freeWindows(opens: string, closes: string, busy: { start: string; end: string }[]) {
  const out: { start: string; end: string }[] = [];
  let cursor = opens;
  for (const b of busy) {
    if (b.start > cursor) out.push({ start: cursor, end: b.start < closes ? b.start : closes });
    if (b.end > cursor) cursor = b.end;
  }
  if (cursor < closes) out.push({ start: cursor, end: closes });
  return out.filter((w) => w.end > w.start);
}

function cardExpired(ctx: ToolContext, c: { exp_month: number; exp_year: number }): boolean {
  const y = Number(ctx.today.slice(0, 4));
  const mo = Number(ctx.today.slice(5, 7));
  return c.exp_year < y || (c.exp_year === y && c.exp_month < mo);
}

function nextMemberId(db: SqlDatabase): number {
  return db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM members")!.n;
}

function nextPaymentId(db: SqlDatabase): number {
  return db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM payments")!.n;
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- catalog -----
    search_catalog: tool({
      description:
        "Search the library catalog by words in the title, subtitle, series, subjects, ISBN or author/creator name (every word must match, case-insensitive), with optional filters. Each format is its own record (print book, large print, ebook, eaudiobook, DVD). Returns a page of titles with title_id, creators, format, year, copies available and holds waiting; use get_title for per-branch availability.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to search for, e.g. 'our missing hearts' or 'hockey sweden'. Empty lists everything.")), ""),
        author: v.optional(v.pipe(v.string(), v.description("Only titles with a creator whose name contains this text, e.g. 'Backman'.")), ""),
        format: v.optional(v.pipe(v.picklist(FORMATS), v.description("Only this format."))),
        genre: v.optional(v.pipe(v.string(), v.description("Genre name (partial match), e.g. 'Mystery' or 'Picture Books'.")), ""),
        audience: v.optional(v.pipe(v.picklist(["adult", "teen", "children"]), v.description("Only titles for this audience."))),
        available_at_branch_id: OptId("Only physical titles with a copy on the shelf (available) at this branch."),
        available_now: v.optional(v.pipe(v.boolean(), v.description("Only titles you could take home or borrow digitally right now (default false).")), false),
        sort: v.optional(v.pipe(v.picklist(["title", "newest", "oldest"]), v.description("Sort order (default title).")), "title"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push(
            "(t.title LIKE ? OR IFNULL(t.subtitle, '') LIKE ? OR IFNULL(t.series, '') LIKE ? OR t.subjects LIKE ? OR IFNULL(t.isbn, '') LIKE ? OR EXISTS (SELECT 1 FROM title_authors x JOIN authors au ON au.id = x.author_id WHERE x.title_id = t.id AND au.name LIKE ?))",
          );
          params.push(w, w, w, w, w, w);
        }
        if (a.author.trim()) {
          where.push("EXISTS (SELECT 1 FROM title_authors x JOIN authors au ON au.id = x.author_id WHERE x.title_id = t.id AND au.name LIKE ?)");
          params.push(`%${a.author.trim()}%`);
        }
        if (a.format) {
          where.push("t.format = ?");
          params.push(a.format);
        }
        if (a.genre.trim()) {
          where.push("g.name LIKE ?");
          params.push(`%${a.genre.trim()}%`);
        }
        if (a.audience) {
          where.push("t.audience = ?");
          params.push(a.audience);
        }
        if (a.available_at_branch_id !== undefined) {
          getBranch(ctx, a.available_at_branch_id);
          where.push("EXISTS (SELECT 1 FROM copies c WHERE c.title_id = t.id AND c.branch_id = ? AND c.status = 'available')");
          params.push(a.available_at_branch_id);
        }
        if (a.available_now) {
          where.push(
            "((f.is_digital = 0 AND EXISTS (SELECT 1 FROM copies c WHERE c.title_id = t.id AND c.status = 'available')) OR (f.is_digital = 1 AND t.license_count > (SELECT count(*) FROM digital_loans d WHERE d.title_id = t.id AND d.returned_at IS NULL)))",
          );
        }
        const from = `FROM titles t JOIN formats f ON f.code = t.format JOIN genres g ON g.id = t.genre_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        const order = { title: "t.title, t.format, t.id", newest: "t.publication_year DESC, t.title, t.id", oldest: "t.publication_year, t.title, t.id" }[a.sort];
        return page(
          ctx.db,
          `SELECT t.id AS title_id, t.title, t.subtitle, t.series, t.format, f.is_digital, t.publication_year, g.name AS genre, t.audience,
             (SELECT count(*) FROM copies c WHERE c.title_id = t.id AND c.status NOT IN ('lost', 'withdrawn')) AS copies_total,
             (SELECT count(*) FROM copies c WHERE c.title_id = t.id AND c.status = 'available') AS copies_available,
             t.license_count,
             (SELECT count(*) FROM digital_loans d WHERE d.title_id = t.id AND d.returned_at IS NULL) AS licenses_in_use,
             (SELECT count(*) FROM holds h WHERE h.title_id = t.id AND h.status IN ('waiting', 'suspended')) AS holds_waiting
           ${from} ORDER BY ${order}`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
          (r) => {
            const digital = r.is_digital === 1;
            return {
              title_id: r.title_id,
              title: r.title,
              subtitle: r.subtitle,
              series: r.series,
              creators: creditLine(ctx.db, r.title_id as number),
              format: r.format,
              publication_year: r.publication_year,
              genre: r.genre,
              audience: r.audience,
              copies_total: digital ? null : r.copies_total,
              copies_available: digital ? null : r.copies_available,
              digital_licenses_available: digital ? Math.max(0, (r.license_count as number) - (r.licenses_in_use as number)) : null,
              holds_waiting: r.holds_waiting,
            };
          },
        );
      },
    }),

    get_title: tool({
      description:
        "Full catalog record for one title: creators, format, ISBN, subjects, summary, copies per branch (available / on loan / on hold shelf / in transit and the next due date), digital license availability, the holds queue length, other formats of the same work, average rating with recent reviews, and your own loan/hold status for it. Errors if the title does not exist.",
      input: v.object({ title_id: Id("The title's id (from search_catalog).") }),
      handler: ({ title_id }, ctx) => {
        const t = getTitle(ctx, title_id);
        const creators = ctx.db.all<{ author_id: number; name: string; role: string }>(
          "SELECT a.id AS author_id, a.name, ta.role FROM title_authors ta JOIN authors a ON a.id = ta.author_id WHERE ta.title_id = ? ORDER BY ta.position",
          title_id,
        );
        const branches = t.is_digital
          ? []
          : ctx.db.all(
              `SELECT b.id AS branch_id, b.name AS branch, b.status AS branch_status,
                 SUM(c.status = 'available') AS available, SUM(c.status = 'on_loan') AS on_loan, SUM(c.status = 'on_hold_shelf') AS on_hold_shelf,
                 SUM(c.status = 'in_transit') AS in_transit, MIN(c.call_number) AS call_number,
                 (SELECT MIN(l.due_date) FROM loans l JOIN copies c2 ON c2.id = l.copy_id WHERE c2.title_id = ? AND c2.branch_id = b.id AND l.returned_at IS NULL) AS next_due_date
               FROM copies c JOIN branches b ON b.id = c.branch_id WHERE c.title_id = ? AND c.status NOT IN ('lost', 'withdrawn')
               GROUP BY b.id ORDER BY b.id`,
              title_id,
              title_id,
            );
        const inUse = activeDigitalLoans(ctx.db, title_id);
        const primary = creators.find((c) => c.role === "author" || c.role === "director");
        const otherFormats = primary
          ? ctx.db.all(
              `SELECT t.id AS title_id, t.format, t.publication_year FROM titles t JOIN title_authors ta ON ta.title_id = t.id
               WHERE lower(t.title) = lower(?) AND ta.author_id = ? AND ta.role = ? AND t.id <> ? ORDER BY t.id`,
              t.title,
              primary.author_id,
              primary.role,
              title_id,
            )
          : [];
        const rating = ctx.db.get<{ avg: number | null; n: number }>("SELECT ROUND(AVG(rating), 1) AS avg, count(*) AS n FROM reviews WHERE title_id = ?", title_id)!;
        const reviews = ctx.db.all(
          `SELECT r.id AS review_id, r.rating, r.body, substr(m.full_name, 1, instr(m.full_name || ' ', ' ') - 1) AS reviewer, r.created_at
           FROM reviews r JOIN members m ON m.id = r.member_id WHERE r.title_id = ? ORDER BY r.created_at DESC LIMIT 5`,
          title_id,
        );
        const fam = familyIds(ctx);
        const marks = fam.map(() => "?").join(",");
        const myLoans = t.is_digital
          ? ctx.db.all(`SELECT id AS digital_loan_id, member_id, expires_on FROM digital_loans WHERE title_id = ? AND returned_at IS NULL AND member_id IN (${marks})`, title_id, ...fam)
          : ctx.db.all(
              `SELECT l.id AS loan_id, l.member_id, l.due_date FROM loans l JOIN copies c ON c.id = l.copy_id WHERE c.title_id = ? AND l.returned_at IS NULL AND l.member_id IN (${marks})`,
              title_id,
              ...fam,
            );
        const myHolds = ctx.db
          .all<{ id: number }>(`SELECT id FROM holds WHERE title_id = ? AND status IN ${ACTIVE_HOLD} AND member_id IN (${marks})`, title_id, ...fam)
          .map((h) => holdView(ctx, h.id));
        return {
          title_id: t.id,
          title: t.title,
          subtitle: t.subtitle,
          series: t.series,
          creators,
          format: t.format,
          format_name: t.format_name,
          is_digital: t.is_digital === 1,
          loan_days: t.loan_days,
          isbn: t.isbn,
          genre: t.genre,
          audience: t.audience,
          publication_year: t.publication_year,
          publisher: t.publisher,
          language: t.language,
          length: t.length,
          subjects: t.subjects,
          summary: t.summary,
          copies_by_branch: branches,
          digital: t.is_digital ? { license_count: t.license_count, in_use: inUse, available: Math.max(0, t.license_count - inUse) } : null,
          holds_waiting: waitingHolds(ctx.db, title_id),
          other_formats: otherFormats,
          average_rating: rating.avg,
          review_count: rating.n,
          recent_reviews: reviews,
          your_loans: myLoans,
          your_holds: myHolds,
        };
      },
    }),

    search_authors: tool({
      description:
        "Find authors, illustrators, narrators and directors by name (partial, case-insensitive). Returns each creator's author_id, name, birth year and the titles they are credited on (title_id, title, format, year, roles), newest first.",
      input: v.object({
        query: v.pipe(v.string(), v.minLength(1), v.description("Part of the creator's name, e.g. 'Celeste' or 'Rooney'.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) => {
        const w = `%${query.trim()}%`;
        return page(
          ctx.db,
          "SELECT a.id AS author_id, a.name, a.birth_year, a.bio FROM authors a WHERE a.name LIKE ? OR a.sort_name LIKE ? ORDER BY a.sort_name",
          "SELECT count(*) AS n FROM authors a WHERE a.name LIKE ? OR a.sort_name LIKE ?",
          [w, w],
          limit,
          offset,
          (r) => ({
            ...r,
            titles: ctx.db.all(
              `SELECT t.id AS title_id, t.title, t.format, t.publication_year, group_concat(ta.role, ', ') AS roles FROM title_authors ta JOIN titles t ON t.id = ta.title_id
               WHERE ta.author_id = ? GROUP BY t.id ORDER BY t.publication_year DESC, t.title, t.id`,
              r.author_id as number,
            ),
          }),
        );
      },
    }),

    // ----- branches -----
    list_branches: tool({
      description: "List the library branches with branch_id, address, phone, status (open or temporarily closed), whether holds can be picked up there, and weekly opening hours per weekday (24-hour 'HH:MM-HH:MM' or 'closed').",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(ctx.db, "SELECT * FROM branches ORDER BY id", "SELECT count(*) AS n FROM branches", [], limit, offset, (r) => {
          const b = r as unknown as BranchRow;
          const today = hoursFor(ctx, b.id, ctx.today);
          return {
            branch_id: b.id,
            name: b.name,
            code: b.code,
            address: b.address,
            phone: b.phone,
            status: b.status,
            is_pickup_location: b.is_pickup_location === 1,
            notes: b.notes,
            today: b.status !== "open" || !today ? "closed today" : `open today ${today.opens_at}-${today.closes_at}`,
            hours: weeklyHours(ctx, b.id),
          };
        }),
    }),

    get_branch: tool({
      description:
        "One branch in detail: address, status, weekly hours, its rooms (with capacity and whether they can be booked) and its upcoming events over the next 14 days. Errors if the branch does not exist.",
      input: v.object({ branch_id: Id("The branch's id (from list_branches).") }),
      handler: ({ branch_id }, ctx) => {
        const b = getBranch(ctx, branch_id);
        return {
          branch_id: b.id,
          name: b.name,
          code: b.code,
          address: b.address,
          phone: b.phone,
          status: b.status,
          is_pickup_location: b.is_pickup_location === 1,
          notes: b.notes,
          hours: weeklyHours(ctx, b.id),
          rooms: ctx.db
            .all<{ room_id: number; name: string; kind: string; capacity: number; features: string; bookable: number }>(
              "SELECT id AS room_id, name, kind, capacity, features, bookable FROM rooms WHERE branch_id = ? ORDER BY id",
              b.id,
            )
            .map((r) => ({ ...r, bookable: r.bookable === 1 })),
          upcoming_events: ctx.db.all(
            "SELECT id AS event_id, title, kind, starts_at, ends_at, status FROM events WHERE branch_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at",
            b.id,
            ctx.timestamp,
            `${addDays(ctx.today, 14)} 23:59:59`,
          ),
        };
      },
    }),

    // ----- account -----
    get_account: tool({
      description:
        "Your library account: card number, card type and its limits (loans, holds, digital loans, renewals), card status and expiry, home and preferred pickup branch, counts of loans/holds, the fines balance you can pay now (balance_due_cents) and late fees still accruing on overdue items, notification preferences, and the family members (children/teens) linked to your card with their member_id.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const summary = (m: MemberRow) => {
          const type = membership(ctx, m);
          const loans = ctx.db.all<LoanRow>(`${LOAN_SELECT} WHERE l.member_id = ? AND l.returned_at IS NULL`, m.id);
          const accruing = loans.reduce((n, l) => n + accruedFine(ctx, l, !!type.fine_free), 0);
          return {
            member_id: m.id,
            full_name: m.full_name,
            card_number: m.card_number,
            age: ageOn(m.birth_date, ctx.today),
            birth_date: m.birth_date,
            membership_type: m.membership_type,
            card_status: m.status,
            card_expires_on: m.expires_on,
            home_branch: ctx.db.get<{ name: string }>("SELECT name FROM branches WHERE id = ?", m.home_branch_id)!.name,
            preferred_pickup_branch_id: m.preferred_pickup_branch_id,
            preferred_pickup_branch: ctx.db.get<{ name: string }>("SELECT name FROM branches WHERE id = ?", m.preferred_pickup_branch_id)!.name,
            loans_out: loans.length,
            overdue_items: loans.filter((l) => l.due_date < ctx.today).length,
            active_holds: ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM holds WHERE member_id = ? AND status IN ${ACTIVE_HOLD}`, m.id)!.n,
            digital_loans_out: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM digital_loans WHERE member_id = ? AND returned_at IS NULL", m.id)!.n,
            balance_due_cents: balanceCents(ctx.db, m.id),
            accruing_late_fees_cents: accruing,
            blocked_reason: accountBlocker(ctx, m),
          };
        };
        const self = me(ctx);
        const type = membership(ctx, self);
        const kids = ctx.db.all<MemberRow>("SELECT * FROM members WHERE guardian_id = ? ORDER BY id", ctx.userId);
        const prefs = ctx.db.get<{ email_enabled: number; sms_enabled: number; hold_ready_channel: string; due_reminder_days: number; newsletter: number; updated_at: string }>(
          "SELECT email_enabled, sms_enabled, hold_ready_channel, due_reminder_days, newsletter, updated_at FROM notification_preferences WHERE member_id = ?",
          ctx.userId,
        );
        return {
          ...summary(self),
          email: self.email,
          phone: self.phone,
          member_since: self.joined_at.slice(0, 10),
          limits: {
            card_type: type.name,
            max_loans: type.max_loans,
            max_holds: type.max_holds,
            max_digital_loans: type.max_digital_loans,
            max_renewals_per_item: type.max_renewals,
            fine_free: type.fine_free === 1,
            blocked_at_balance_cents: type.block_threshold_cents,
          },
          notification_preferences: prefs
            ? { email_enabled: prefs.email_enabled === 1, sms_enabled: prefs.sms_enabled === 1, hold_ready_channel: prefs.hold_ready_channel, due_reminder_days: prefs.due_reminder_days, newsletter: prefs.newsletter === 1, updated_at: prefs.updated_at }
            : null,
          family_members: kids.map(summary),
        };
      },
    }),

    set_preferred_pickup_branch: tool({
      description:
        "Change the default hold pickup branch for you or a linked family member. Optionally also moves that member's waiting/suspended physical holds to the new branch. Errors if the branch is closed or not a pickup location, or is already the preferred branch.",
      input: v.object({
        branch_id: Id("The new pickup branch's id."),
        member_id: MemberArg,
        move_waiting_holds: v.optional(v.pipe(v.boolean(), v.description("Also move this member's waiting and suspended holds to the new branch (default false).")), false),
      }),
      handler: ({ branch_id, member_id, move_waiting_holds }, ctx) => {
        const m = memberFor(ctx, member_id);
        const b = pickupBranch(ctx, branch_id);
        if (m.preferred_pickup_branch_id === branch_id) throw new ToolError(`${b.name} is already ${m.full_name}'s preferred pickup branch`);
        ctx.db.run("UPDATE members SET preferred_pickup_branch_id = ? WHERE id = ?", branch_id, m.id);
        let moved = 0;
        if (move_waiting_holds) {
          moved = ctx.db.run(
            "UPDATE holds SET pickup_branch_id = ? WHERE member_id = ? AND status IN ('waiting', 'suspended') AND pickup_branch_id IS NOT NULL AND pickup_branch_id <> ?",
            branch_id,
            m.id,
            branch_id,
          ).changes;
        }
        return { member_id: m.id, member_name: m.full_name, preferred_pickup_branch_id: b.id, preferred_pickup_branch: b.name, holds_moved: moved };
      },
    }),

    update_notification_preferences: tool({
      description:
        "Change how you are notified: email and text (SMS) on/off, the channel for 'hold ready' notices, how many days before the due date to send a reminder, and the newsletter. Only the fields given change. Errors if nothing changes or if SMS notices are chosen without SMS enabled and a phone number.",
      input: v.object({
        email_enabled: v.optional(v.pipe(v.boolean(), v.description("Receive email notices."))),
        sms_enabled: v.optional(v.pipe(v.boolean(), v.description("Receive text-message notices (needs a phone number on file)."))),
        hold_ready_channel: v.optional(v.pipe(v.picklist(["email", "sms", "both"]), v.description("How to tell you a hold is ready for pickup."))),
        due_reminder_days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7), v.description("Days before the due date to send a reminder, 0-7 (0 = no reminder)."))),
        newsletter: v.optional(v.pipe(v.boolean(), v.description("Receive the monthly events newsletter."))),
      }),
      handler: (a, ctx) => {
        const self = me(ctx);
        const cur = ctx.db.get<{ email_enabled: number; sms_enabled: number; hold_ready_channel: string; due_reminder_days: number; newsletter: number }>(
          "SELECT email_enabled, sms_enabled, hold_ready_channel, due_reminder_days, newsletter FROM notification_preferences WHERE member_id = ?",
          ctx.userId,
        ) ?? { email_enabled: 1, sms_enabled: 0, hold_ready_channel: "email", due_reminder_days: 3, newsletter: 0 };
        const next = {
          email_enabled: a.email_enabled === undefined ? cur.email_enabled : a.email_enabled ? 1 : 0,
          sms_enabled: a.sms_enabled === undefined ? cur.sms_enabled : a.sms_enabled ? 1 : 0,
          hold_ready_channel: a.hold_ready_channel ?? cur.hold_ready_channel,
          due_reminder_days: a.due_reminder_days ?? cur.due_reminder_days,
          newsletter: a.newsletter === undefined ? cur.newsletter : a.newsletter ? 1 : 0,
        };
        if (JSON.stringify(next) === JSON.stringify(cur)) throw new ToolError("nothing to change: these are already your preferences");
        if (next.sms_enabled && !self.phone) throw new ToolError("add a phone number at a branch before turning on text notices");
        if (next.hold_ready_channel !== "email" && !next.sms_enabled) throw new ToolError(`hold_ready_channel '${next.hold_ready_channel}' needs text notices on (sms_enabled true)`);
        if (next.hold_ready_channel !== "sms" && !next.email_enabled) throw new ToolError(`hold_ready_channel '${next.hold_ready_channel}' needs email notices on (email_enabled true)`);
        ctx.db.run(
          `INSERT INTO notification_preferences (member_id, email_enabled, sms_enabled, hold_ready_channel, due_reminder_days, newsletter, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(member_id) DO UPDATE SET email_enabled = excluded.email_enabled, sms_enabled = excluded.sms_enabled, hold_ready_channel = excluded.hold_ready_channel,
             due_reminder_days = excluded.due_reminder_days, newsletter = excluded.newsletter, updated_at = excluded.updated_at`,
          ctx.userId,
          next.email_enabled,
          next.sms_enabled,
          next.hold_ready_channel,
          next.due_reminder_days,
          next.newsletter,
          ctx.timestamp,
        );
        return { member_id: ctx.userId, ...next, email_enabled: next.email_enabled === 1, sms_enabled: next.sms_enabled === 1, newsletter: next.newsletter === 1, updated_at: ctx.timestamp };
      },
    }),

    add_family_member: tool({
      description:
        "Issue a library card for a child or teen (under 18) linked to your account, so you can manage their loans, holds and event sign-ups; under 13 gets a Child card, 13-17 a Teen card, expiring with yours. Returns the new member_id and card number. Errors for adults, future birth dates or a duplicate.",
      input: v.object({
        full_name: v.pipe(v.string(), v.minLength(3), v.maxLength(80), v.description("The child's full name, e.g. 'Nora Marsh'.")),
        birth_date: DateText("The child's date of birth, YYYY-MM-DD."),
        preferred_pickup_branch_id: OptId("Their hold pickup branch; defaults to yours."),
      }),
      handler: ({ full_name, birth_date, preferred_pickup_branch_id }, ctx) => {
        const self = me(ctx);
        const name = full_name.trim().replace(/\s+/g, " ");
        validDate(birth_date, "birth_date");
        if (birth_date > ctx.today) throw new ToolError(`birth_date ${birth_date} is in the future`);
        const age = ageOn(birth_date, ctx.today);
        if (age >= 18) throw new ToolError(`${name} is ${age}; adults need their own card (apply at any branch with photo ID)`);
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM members WHERE guardian_id = ? AND lower(full_name) = lower(?) AND birth_date = ?", ctx.userId, name, birth_date);
        if (dup) throw new ToolError(`${name} already has a card on your account (member ${dup.id})`);
        const pickup = preferred_pickup_branch_id ?? self.preferred_pickup_branch_id;
        pickupBranch(ctx, pickup);
        const id = nextMemberId(ctx.db);
        const card = `21987000${String(400000 + id)}`;
        if (ctx.db.get("SELECT 1 FROM members WHERE card_number = ?", card)) throw new ToolError("could not issue a card number; please try again");
        const type = age < 13 ? "child" : "teen";
        ctx.db.run(
          `INSERT INTO members (id, card_number, full_name, email, phone, birth_date, membership_type, guardian_id, home_branch_id, preferred_pickup_branch_id, status, joined_at, expires_on)
           VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, 'active', ?, ?)`,
          id,
          card,
          name,
          birth_date,
          type,
          ctx.userId,
          self.home_branch_id,
          pickup,
          ctx.timestamp,
          self.expires_on,
        );
        return {
          member_id: id,
          full_name: name,
          card_number: card,
          membership_type: type,
          age,
          guardian_id: ctx.userId,
          preferred_pickup_branch_id: pickup,
          card_expires_on: self.expires_on,
        };
      },
    }),

    list_payment_cards: tool({
      description: "List the payment cards saved on your account (brand, last 4 digits, expiry, default flag, and whether it is expired). Use a payment_card_id with pay_fines.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id, brand, last4, exp_month, exp_year, is_default FROM payment_cards WHERE member_id = ? AND status = 'active' ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM payment_cards WHERE member_id = ? AND status = 'active'",
          [ctx.userId],
          limit,
          offset,
          (r) => {
            const c = r as { id: number; brand: string; last4: string; exp_month: number; exp_year: number; is_default: number };
            return {
              payment_card_id: c.id,
              brand: c.brand,
              last4: c.last4,
              expires: `${String(c.exp_month).padStart(2, "0")}/${c.exp_year}`,
              is_default: c.is_default === 1,
              expired: cardExpired(ctx, c),
            };
          },
        ),
    }),

    // ----- physical loans -----
    list_loans: tool({
      description:
        "List checked-out physical items (books, DVDs, ...) for you or a linked family member. Each has loan_id, title, due_date, renewals used/left, days overdue, late fees accrued so far, and whether it can be renewed now (with the reason if not). Filter by status and due-date range.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["active", "overdue", "returned", "all"]), v.description("active = still checked out (default), overdue = checked out and past due, returned = history, all.")), "active"),
        member_id: MemberArg,
        due_from: v.optional(DateText("Only loans due on or after this date.")),
        due_to: v.optional(DateText("Only loans due on or before this date.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const m = memberFor(ctx, a.member_id);
        const where = ["l.member_id = ?"];
        const params: (string | number)[] = [m.id];
        if (a.status === "active") where.push("l.returned_at IS NULL");
        if (a.status === "overdue") {
          where.push("l.returned_at IS NULL AND l.due_date < ?");
          params.push(ctx.today);
        }
        if (a.status === "returned") where.push("l.returned_at IS NOT NULL");
        if (a.due_from) {
          where.push("l.due_date >= ?");
          params.push(a.due_from);
        }
        if (a.due_to) {
          where.push("l.due_date <= ?");
          params.push(a.due_to);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `${LOAN_SELECT} WHERE ${cond} ORDER BY (l.returned_at IS NOT NULL), l.due_date, l.id`,
          `SELECT count(*) AS n FROM loans l WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
          (r) => loanView(ctx, r as unknown as LoanRow, m),
        );
      },
    }),

    renew_loan: tool({
      description:
        "Renew one checked-out item: the new due date is today plus the format's loan period (21 days for books, 7 for DVDs), and renewing an overdue item charges the late fee accrued so far. Refused if the renewal limit is reached, another member is waiting for the title, the item is over 30 days overdue, the account is blocked by unpaid fines, or renewing would not extend the due date. Returns the updated loan.",
      input: v.object({ loan_id: Id("The loan's id (from list_loans).") }),
      handler: ({ loan_id }, ctx) => {
        const l = getLoan(ctx, loan_id);
        const m = memberFor(ctx, l.member_id);
        const blocker = renewBlocker(ctx, l, m);
        if (blocker) throw new ToolError(`cannot renew "${l.title}" (loan ${l.id}): ${blocker}`);
        const type = membership(ctx, m);
        const late = daysOverdue(ctx, l);
        const fee = accruedFine(ctx, l, !!type.fine_free);
        let fineId: number | null = null;
        if (fee > 0) {
          fineId = ctx.db.run(
            "INSERT INTO fines (member_id, loan_id, kind, description, amount_cents, paid_cents, status, assessed_at) VALUES (?, ?, 'overdue', ?, ?, 0, 'open', ?)",
            m.id,
            l.id,
            `Overdue: ${l.title} (${late} days late, charged at renewal)`,
            fee,
            ctx.timestamp,
          ).lastInsertRowid;
        }
        const newDue = addDays(ctx.today, l.loan_days);
        ctx.db.run("UPDATE loans SET due_date = ?, renewals = renewals + 1, last_renewed_at = ? WHERE id = ?", newDue, ctx.timestamp, l.id);
        const updated = getLoan(ctx, l.id);
        return { ...loanView(ctx, updated, m), previous_due_date: l.due_date, late_fee_charged_cents: fee, fine_id: fineId };
      },
    }),

    // ----- digital -----
    list_digital_loans: tool({
      description: "List ebook and eaudiobook loans for you or a linked family member, with digital_loan_id, title, format, borrowed date and the date access expires.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["active", "returned", "all"]), v.description("active (default), returned, or all.")), "active"),
        member_id: MemberArg,
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const m = memberFor(ctx, a.member_id);
        const cond = `d.member_id = ?${a.status === "active" ? " AND d.returned_at IS NULL" : a.status === "returned" ? " AND d.returned_at IS NOT NULL" : ""}`;
        const type = membership(ctx, m);
        const active = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM digital_loans WHERE member_id = ? AND returned_at IS NULL", m.id)!.n;
        return {
          ...page(
            ctx.db,
            `SELECT d.id AS digital_loan_id, d.member_id, d.title_id, t.title, t.format, d.borrowed_at, d.expires_on, d.returned_at
             FROM digital_loans d JOIN titles t ON t.id = d.title_id WHERE ${cond} ORDER BY (d.returned_at IS NOT NULL), d.expires_on, d.id`,
            `SELECT count(*) AS n FROM digital_loans d WHERE ${cond}`,
            [m.id],
            a.limit,
            a.offset,
            (r) => ({ ...r, authors: creditLine(ctx.db, r.title_id as number) }),
          ),
          digital_loans_out: active,
          digital_loan_limit: type.max_digital_loans,
        };
      },
    }),

    borrow_digital: tool({
      description:
        "Borrow an ebook or eaudiobook right away for you or a linked family member (access for 21 days). Fulfils that member's own hold on the title if they had one. Errors if the title is not digital, all licenses are in use (place a hold instead), the member already has it, the member is at their digital loan limit (return one first), or the account is blocked.",
      input: v.object({ title_id: Id("The ebook/eaudiobook title's id."), member_id: MemberArg }),
      handler: ({ title_id, member_id }, ctx) => {
        const t = getTitle(ctx, title_id);
        const m = memberFor(ctx, member_id);
        if (!t.is_digital) throw new ToolError(`"${t.title}" (title ${t.id}) is a ${t.format_name.toLowerCase()}, not a digital title; place a hold or borrow it at a branch`);
        const blocker = accountBlocker(ctx, m);
        if (blocker) throw new ToolError(blocker);
        if (ctx.db.get("SELECT 1 FROM digital_loans WHERE member_id = ? AND title_id = ? AND returned_at IS NULL", m.id, t.id)) {
          throw new ToolError(`${m.full_name} already has "${t.title}" (${t.format}) checked out`);
        }
        const type = membership(ctx, m);
        const out = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM digital_loans WHERE member_id = ? AND returned_at IS NULL", m.id)!.n;
        if (out >= type.max_digital_loans) throw new ToolError(`${m.full_name} already has ${out} digital loans, the limit for ${type.name} cards; return one first`);
        const inUse = activeDigitalLoans(ctx.db, t.id);
        if (inUse >= t.license_count) {
          throw new ToolError(`all ${t.license_count} licenses for "${t.title}" (${t.format}) are checked out (${waitingHolds(ctx.db, t.id)} holds waiting); place a hold instead`);
        }
        const expires = addDays(ctx.today, t.loan_days);
        const id = ctx.db.run("INSERT INTO digital_loans (member_id, title_id, borrowed_at, expires_on) VALUES (?, ?, ?, ?)", m.id, t.id, ctx.timestamp, expires).lastInsertRowid;
        const fulfilled = ctx.db.run(
          "UPDATE holds SET status = 'fulfilled', closed_at = ? WHERE member_id = ? AND title_id = ? AND status IN ('waiting', 'suspended', 'ready')",
          ctx.timestamp,
          m.id,
          t.id,
        ).changes;
        return { digital_loan_id: id, member_id: m.id, title_id: t.id, title: t.title, format: t.format, borrowed_at: ctx.timestamp, expires_on: expires, holds_fulfilled: fulfilled };
      },
    }),

    return_digital: tool({
      description: "Return an ebook or eaudiobook early so the license goes to the next reader and the slot frees up toward your digital loan limit. Errors if the digital loan is not found or already returned.",
      input: v.object({ digital_loan_id: Id("The digital loan's id (from list_digital_loans).") }),
      handler: ({ digital_loan_id }, ctx) => {
        const d = ctx.db.get<{ id: number; member_id: number; title_id: number; returned_at: string | null }>("SELECT * FROM digital_loans WHERE id = ?", digital_loan_id);
        if (!d || !inFamily(ctx, d.member_id)) throw new ToolError(`digital loan ${digital_loan_id} not found`);
        const t = getTitle(ctx, d.title_id);
        if (d.returned_at) throw new ToolError(`"${t.title}" (digital loan ${d.id}) was already returned on ${d.returned_at.slice(0, 10)}`);
        ctx.db.run("UPDATE digital_loans SET returned_at = ? WHERE id = ?", ctx.timestamp, d.id);
        return { digital_loan_id: d.id, title_id: t.id, title: t.title, format: t.format, returned_at: ctx.timestamp };
      },
    }),

    // ----- holds -----
    list_holds: tool({
      description:
        "List holds for you or a linked family member with hold_id, title, format, status (waiting, suspended, ready, fulfilled, cancelled, expired), pickup branch, your position in the queue, suspension end date, and the pickup deadline for ready holds.",
      input: v.object({
        status: v.optional(
          v.pipe(v.picklist(["active", "waiting", "suspended", "ready", "closed", "all"]), v.description("active = waiting, suspended or ready (default); closed = fulfilled, cancelled or expired.")),
          "active",
        ),
        member_id: MemberArg,
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const m = memberFor(ctx, a.member_id);
        const statusCond = {
          active: `AND status IN ${ACTIVE_HOLD}`,
          waiting: "AND status = 'waiting'",
          suspended: "AND status = 'suspended'",
          ready: "AND status = 'ready'",
          closed: "AND status IN ('fulfilled', 'cancelled', 'expired')",
          all: "",
        }[a.status];
        return page(
          ctx.db,
          `SELECT id FROM holds WHERE member_id = ? ${statusCond} ORDER BY placed_at DESC, id DESC`,
          `SELECT count(*) AS n FROM holds WHERE member_id = ? ${statusCond}`,
          [m.id],
          a.limit,
          a.offset,
          (r) => holdView(ctx, r.id as number),
        );
      },
    }),

    place_hold: tool({
      description:
        "Place a hold on a title for you or a linked family member; physical items go to the pickup branch (default: the member's preferred pickup branch), digital holds need none. Errors if the member already has an active hold on or a loan of this title, is at the hold limit or blocked by fines, if the pickup branch is closed, if the title has no circulating copies, or if a digital title can be borrowed right now. Returns the hold with its queue position.",
      input: v.object({
        title_id: Id("The title's id (the exact format you want: print, large print, ebook...)."),
        pickup_branch_id: OptId("Branch to pick up a physical item at; defaults to the member's preferred pickup branch. Ignored for digital titles."),
        member_id: MemberArg,
      }),
      handler: ({ title_id, pickup_branch_id, member_id }, ctx) => {
        const t = getTitle(ctx, title_id);
        const m = memberFor(ctx, member_id);
        let pickup: number | null = null;
        if (!t.is_digital) {
          pickup = pickup_branch_id ?? m.preferred_pickup_branch_id;
          pickupBranch(ctx, pickup);
        } else if (pickup_branch_id !== undefined) {
          getBranch(ctx, pickup_branch_id);
        }
        const blocker = accountBlocker(ctx, m);
        if (blocker) throw new ToolError(blocker);
        const dup = ctx.db.get<{ id: number; status: string }>(`SELECT id, status FROM holds WHERE member_id = ? AND title_id = ? AND status IN ${ACTIVE_HOLD}`, m.id, t.id);
        if (dup) throw new ToolError(`${m.full_name} already has a ${dup.status} hold on "${t.title}" (${t.format}) (hold ${dup.id})`);
        const onLoan = t.is_digital
          ? ctx.db.get("SELECT 1 FROM digital_loans WHERE member_id = ? AND title_id = ? AND returned_at IS NULL", m.id, t.id)
          : ctx.db.get("SELECT 1 FROM loans l JOIN copies c ON c.id = l.copy_id WHERE l.member_id = ? AND c.title_id = ? AND l.returned_at IS NULL", m.id, t.id);
        if (onLoan) throw new ToolError(`${m.full_name} already has "${t.title}" (${t.format}) checked out`);
        if (t.is_digital) {
          const free = t.license_count - activeDigitalLoans(ctx.db, t.id);
          if (free > 0) throw new ToolError(`"${t.title}" (${t.format}) has ${free} license(s) free right now; borrow it with borrow_digital instead of placing a hold`);
        } else {
          const circulating = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM copies WHERE title_id = ? AND status NOT IN ('lost', 'withdrawn')", t.id)!.n;
          if (circulating === 0) throw new ToolError(`"${t.title}" (${t.format}) has no circulating copies and cannot be placed on hold`);
        }
        const type = membership(ctx, m);
        const active = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM holds WHERE member_id = ? AND status IN ${ACTIVE_HOLD}`, m.id)!.n;
        if (active >= type.max_holds) throw new ToolError(`${m.full_name} already has ${active} active holds, the limit for ${type.name} cards`);
        const id = ctx.db.run("INSERT INTO holds (member_id, title_id, pickup_branch_id, status, placed_at) VALUES (?, ?, ?, 'waiting', ?)", m.id, t.id, pickup, ctx.timestamp).lastInsertRowid;
        return holdView(ctx, id);
      },
    }),

    cancel_hold: tool({
      description: "Cancel a waiting, suspended or ready hold (a ready item goes back on the shelf). Errors if the hold is not found or is already closed (fulfilled, cancelled or expired).",
      input: v.object({ hold_id: Id("The hold's id (from list_holds).") }),
      handler: ({ hold_id }, ctx) => {
        const h = getHold(ctx, hold_id);
        if (!["waiting", "suspended", "ready"].includes(h.status)) throw new ToolError(`hold ${h.id} is already ${h.status}`);
        ctx.db.run("UPDATE holds SET status = 'cancelled', closed_at = ?, suspended_until = NULL WHERE id = ?", ctx.timestamp, h.id);
        if (h.status === "ready" && h.copy_id) ctx.db.run("UPDATE copies SET status = 'available' WHERE id = ? AND status = 'on_hold_shelf'", h.copy_id);
        return holdView(ctx, h.id);
      },
    }),

    suspend_hold: tool({
      description:
        "Pause (freeze) a waiting hold until a date: it keeps its place in the queue but will not be filled before then, and becomes active again on that date. Calling it on a suspended hold changes the date. Errors for holds already ready for pickup or closed, or a date not in the future (max one year ahead).",
      input: v.object({
        hold_id: Id("The hold's id (from list_holds)."),
        until: DateText("The date the hold becomes active again, YYYY-MM-DD."),
      }),
      handler: ({ hold_id, until }, ctx) => {
        const h = getHold(ctx, hold_id);
        validDate(until, "until");
        if (h.status === "ready") throw new ToolError(`hold ${h.id} is already on the hold shelf (pick up by ${h.pickup_by}); it cannot be suspended`);
        if (h.status !== "waiting" && h.status !== "suspended") throw new ToolError(`hold ${h.id} is ${h.status} and cannot be suspended`);
        if (until <= ctx.today) throw new ToolError(`until must be after today (${ctx.today})`);
        if (until > addDays(ctx.today, 365)) throw new ToolError("holds can be suspended for at most one year");
        ctx.db.run("UPDATE holds SET status = 'suspended', suspended_until = ? WHERE id = ?", until, h.id);
        return holdView(ctx, h.id);
      },
    }),

    resume_hold: tool({
      description: "Reactivate a suspended hold now, keeping its place in the queue. Errors if the hold is not suspended.",
      input: v.object({ hold_id: Id("The hold's id (from list_holds).") }),
      handler: ({ hold_id }, ctx) => {
        const h = getHold(ctx, hold_id);
        if (h.status !== "suspended") throw new ToolError(`hold ${h.id} is ${h.status}, not suspended`);
        ctx.db.run("UPDATE holds SET status = 'waiting', suspended_until = NULL WHERE id = ?", h.id);
        return holdView(ctx, h.id);
      },
    }),

    change_hold_pickup: tool({
      description: "Change where a waiting or suspended physical hold will be picked up. Errors for digital holds, holds already ready or closed, the same branch, or a branch that is not a pickup location.",
      input: v.object({
        hold_id: Id("The hold's id (from list_holds)."),
        pickup_branch_id: Id("The new pickup branch's id."),
      }),
      handler: ({ hold_id, pickup_branch_id }, ctx) => {
        const h = getHold(ctx, hold_id);
        const b = pickupBranch(ctx, pickup_branch_id);
        if (h.pickup_branch_id === null) throw new ToolError(`hold ${h.id} is for a digital title and has no pickup branch`);
        if (h.status === "ready") throw new ToolError(`hold ${h.id} is already waiting on the hold shelf; it cannot be moved`);
        if (h.status !== "waiting" && h.status !== "suspended") throw new ToolError(`hold ${h.id} is ${h.status}`);
        if (h.pickup_branch_id === b.id) throw new ToolError(`hold ${h.id} is already set for pickup at ${b.name}`);
        ctx.db.run("UPDATE holds SET pickup_branch_id = ? WHERE id = ?", b.id, h.id);
        return holdView(ctx, h.id);
      },
    }),

    // ----- fines and payments -----
    list_fines: tool({
      description:
        "List fines and fees for you or a linked family member: fine_id, kind, description, amount, amount already paid, balance and status. The result's balance_due_cents is the member's total unpaid balance (late fees still accruing on items not yet returned are not included; see list_loans).",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["open", "paid", "waived", "all"]), v.description("open = unpaid (default), paid, waived, or all.")), "open"),
        member_id: MemberArg,
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const m = memberFor(ctx, a.member_id);
        const cond = a.status === "all" ? "member_id = ?" : "member_id = ? AND status = ?";
        const params: (string | number)[] = a.status === "all" ? [m.id] : [m.id, a.status];
        return {
          ...page(
            ctx.db,
            `SELECT id AS fine_id, member_id, loan_id, kind, description, amount_cents, paid_cents, amount_cents - paid_cents AS balance_cents, status, assessed_at, resolved_at
             FROM fines WHERE ${cond} ORDER BY assessed_at, id`,
            `SELECT count(*) AS n FROM fines WHERE ${cond}`,
            params,
            a.limit,
            a.offset,
          ),
          member_id: m.id,
          balance_due_cents: balanceCents(ctx.db, m.id),
          balance_due: money(balanceCents(ctx.db, m.id)),
        };
      },
    }),

    pay_fines: tool({
      description:
        "Pay open fines in full with a saved card: all of your own open fines by default, or the fine_ids given (a linked family member's fines may be included). Returns the receipt number and the amount charged. Errors if the card is expired or not yours, a fine is not open, or there is nothing to pay.",
      input: v.object({
        payment_card_id: Id("The saved card to charge (from list_payment_cards)."),
        fine_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.description("Fines to pay in full; omit to pay all of your own open fines."))),
      }),
      handler: ({ payment_card_id, fine_ids }, ctx) => {
        const card = ctx.db.get<{ id: number; brand: string; last4: string; exp_month: number; exp_year: number }>(
          "SELECT id, brand, last4, exp_month, exp_year FROM payment_cards WHERE id = ? AND member_id = ? AND status = 'active'",
          payment_card_id,
          ctx.userId,
        );
        if (!card) throw new ToolError(`payment card ${payment_card_id} not found`);
        if (cardExpired(ctx, card)) throw new ToolError(`${card.brand} ending ${card.last4} expired ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}; choose another card`);
        let fines: FineRow[];
        if (fine_ids && fine_ids.length > 0) {
          if (new Set(fine_ids).size !== fine_ids.length) throw new ToolError("a fine is listed twice in fine_ids");
          fines = fine_ids.map((id) => {
            const f = getFine(ctx, id);
            if (f.status !== "open") throw new ToolError(`fine ${f.id} is already ${f.status}`);
            return f;
          });
        } else {
          fines = ctx.db.all<FineRow>("SELECT * FROM fines WHERE member_id = ? AND status = 'open' ORDER BY assessed_at, id", ctx.userId);
          if (fines.length === 0) throw new ToolError("you have no open fines to pay");
        }
        const total = fines.reduce((n, f) => n + f.amount_cents - f.paid_cents, 0);
        const id = nextPaymentId(ctx.db);
        const receipt = `BPL-${ctx.today.slice(0, 4)}-${100000 + id}`;
        ctx.db.run(
          "INSERT INTO payments (id, member_id, payment_card_id, method, amount_cents, receipt_number, paid_at) VALUES (?, ?, ?, 'card', ?, ?, ?)",
          id,
          ctx.userId,
          card.id,
          total,
          receipt,
          ctx.timestamp,
        );
        for (const f of fines) {
          ctx.db.run("INSERT INTO payment_allocations (payment_id, fine_id, amount_cents) VALUES (?, ?, ?)", id, f.id, f.amount_cents - f.paid_cents);
          ctx.db.run("UPDATE fines SET paid_cents = amount_cents, status = 'paid', resolved_at = ? WHERE id = ?", ctx.timestamp, f.id);
        }
        return {
          payment_id: id,
          receipt_number: receipt,
          amount_cents: total,
          amount: money(total),
          card: `${card.brand} ending ${card.last4}`,
          paid_at: ctx.timestamp,
          fines_paid: fines.map((f) => ({ fine_id: f.id, description: f.description, paid_cents: f.amount_cents - f.paid_cents })),
          remaining_balance_cents: balanceCents(ctx.db, ctx.userId),
        };
      },
    }),

    list_payments: tool({
      description: "Your payment history: receipt number, amount, card used, date, and which fines each payment covered.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT p.id AS payment_id, p.receipt_number, p.method, p.amount_cents, p.paid_at, c.brand AS card_brand, c.last4 AS card_last4
           FROM payments p LEFT JOIN payment_cards c ON c.id = p.payment_card_id WHERE p.member_id = ? ORDER BY p.paid_at DESC, p.id DESC`,
          "SELECT count(*) AS n FROM payments WHERE member_id = ?",
          [ctx.userId],
          limit,
          offset,
          (r) => ({
            ...r,
            fines: ctx.db.all(
              "SELECT a.fine_id, f.description, a.amount_cents FROM payment_allocations a JOIN fines f ON f.id = a.fine_id WHERE a.payment_id = ? ORDER BY a.id",
              r.payment_id as number,
            ),
          }),
        ),
    }),

    // ----- reading lists -----
    list_reading_lists: tool({
      description: "List your reading lists with list_id, name, description, public flag and number of titles.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT l.id AS list_id, l.name, l.description, l.is_public, (SELECT count(*) FROM reading_list_items i WHERE i.list_id = l.id) AS item_count, l.created_at, l.updated_at
           FROM reading_lists l WHERE l.member_id = ? ORDER BY l.name`,
          "SELECT count(*) AS n FROM reading_lists WHERE member_id = ?",
          [ctx.userId],
          limit,
          offset,
          (r) => ({ ...r, is_public: r.is_public === 1 }),
        ),
    }),

    get_reading_list: tool({
      description: "One of your reading lists with all its titles (title_id, title, format, creators, note). Errors if the list is not yours or does not exist.",
      input: v.object({ list_id: Id("The reading list's id.") }),
      handler: ({ list_id }, ctx) => readingListView(ctx, list_id),
    }),

    create_reading_list: tool({
      description:
        "Create a new reading list, optionally filled with titles right away; names are unique per member (case-insensitive). Returns the list with its items. Errors on a duplicate name, an unknown title or a title listed twice.",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("The list's name, e.g. 'Summer Reading'.")),
        description: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("A short description.")), ""),
        is_public: v.optional(v.pipe(v.boolean(), v.description("Show the list on your public profile (default false).")), false),
        title_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.description("Titles to add, in order.")), []),
      }),
      handler: ({ name, description, is_public, title_ids }, ctx) => {
        const clean = name.trim();
        if (!clean) throw new ToolError("name must not be blank");
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM reading_lists WHERE member_id = ? AND lower(name) = lower(?)", ctx.userId, clean);
        if (dup) throw new ToolError(`you already have a reading list named "${clean}" (list ${dup.id})`);
        if (new Set(title_ids).size !== title_ids.length) throw new ToolError("a title is listed twice in title_ids");
        for (const id of title_ids) getTitle(ctx, id);
        const listId = ctx.db.run(
          "INSERT INTO reading_lists (member_id, name, description, is_public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
          ctx.userId,
          clean,
          description.trim(),
          is_public ? 1 : 0,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        for (const id of title_ids) ctx.db.run("INSERT INTO reading_list_items (list_id, title_id, note, added_at) VALUES (?, ?, '', ?)", listId, id, ctx.timestamp);
        return readingListView(ctx, listId);
      },
    }),

    update_reading_list: tool({
      description: "Rename a reading list or change its description or visibility; only the fields given change. Errors if the list is not found, nothing changes, or the new name is taken.",
      input: v.object({
        list_id: Id("The reading list's id."),
        name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("New name."))),
        description: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("New description."))),
        is_public: v.optional(v.pipe(v.boolean(), v.description("New visibility."))),
      }),
      handler: ({ list_id, name, description, is_public }, ctx) => {
        const l = getReadingList(ctx, list_id);
        const next = {
          name: name === undefined ? l.name : name.trim(),
          description: description === undefined ? l.description : description.trim(),
          is_public: is_public === undefined ? l.is_public : is_public ? 1 : 0,
        };
        if (!next.name) throw new ToolError("name must not be blank");
        if (next.name === l.name && next.description === l.description && next.is_public === l.is_public) throw new ToolError("nothing to change");
        if (next.name.toLowerCase() !== l.name.toLowerCase()) {
          const dup = ctx.db.get<{ id: number }>("SELECT id FROM reading_lists WHERE member_id = ? AND lower(name) = lower(?) AND id <> ?", ctx.userId, next.name, l.id);
          if (dup) throw new ToolError(`you already have a reading list named "${next.name}" (list ${dup.id})`);
        }
        ctx.db.run("UPDATE reading_lists SET name = ?, description = ?, is_public = ?, updated_at = ? WHERE id = ?", next.name, next.description, next.is_public, ctx.timestamp, l.id);
        return readingListView(ctx, l.id);
      },
    }),

    delete_reading_list: tool({
      description: "Delete one of your reading lists and everything on it. Returns what was deleted. Errors if the list is not found.",
      input: v.object({ list_id: Id("The reading list's id.") }),
      handler: ({ list_id }, ctx) => {
        const view = readingListView(ctx, list_id);
        ctx.db.run("DELETE FROM reading_list_items WHERE list_id = ?", list_id);
        ctx.db.run("DELETE FROM reading_lists WHERE id = ?", list_id);
        return { deleted: true, list_id, name: view.name, items_removed: view.item_count };
      },
    }),

    add_to_reading_list: tool({
      description: "Add a title to one of your reading lists, with an optional note. Errors if the list or title is not found, or the title is already on the list.",
      input: v.object({
        list_id: Id("The reading list's id."),
        title_id: Id("The title to add."),
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("A short note, e.g. 'recommended by Sam'.")), ""),
      }),
      handler: ({ list_id, title_id, note }, ctx) => {
        const l = getReadingList(ctx, list_id);
        const t = getTitle(ctx, title_id);
        if (ctx.db.get("SELECT 1 FROM reading_list_items WHERE list_id = ? AND title_id = ?", l.id, t.id)) throw new ToolError(`"${t.title}" (${t.format}) is already on "${l.name}"`);
        ctx.db.run("INSERT INTO reading_list_items (list_id, title_id, note, added_at) VALUES (?, ?, ?, ?)", l.id, t.id, note.trim(), ctx.timestamp);
        ctx.db.run("UPDATE reading_lists SET updated_at = ? WHERE id = ?", ctx.timestamp, l.id);
        return readingListView(ctx, l.id);
      },
    }),

    remove_from_reading_list: tool({
      description: "Remove a title from one of your reading lists. Errors if the list is not found or the title is not on it.",
      input: v.object({ list_id: Id("The reading list's id."), title_id: Id("The title to remove.") }),
      handler: ({ list_id, title_id }, ctx) => {
        const l = getReadingList(ctx, list_id);
        const r = ctx.db.run("DELETE FROM reading_list_items WHERE list_id = ? AND title_id = ?", l.id, title_id);
        if (r.changes === 0) throw new ToolError(`title ${title_id} is not on "${l.name}"`);
        ctx.db.run("UPDATE reading_lists SET updated_at = ? WHERE id = ?", ctx.timestamp, l.id);
        return readingListView(ctx, l.id);
      },
    }),

    // ----- reviews -----
    write_review: tool({
      description: "Rate and review a title with 1-5 stars and optional text; one review per title per member (use update_review to change it). Returns the review. Errors if the title does not exist or you already reviewed it.",
      input: v.object({
        title_id: Id("The title to review."),
        rating: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Stars, 1-5.")),
        body: v.optional(v.pipe(v.string(), v.maxLength(2000), v.description("Review text.")), ""),
      }),
      handler: ({ title_id, rating, body }, ctx) => {
        const t = getTitle(ctx, title_id);
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM reviews WHERE member_id = ? AND title_id = ?", ctx.userId, t.id);
        if (dup) throw new ToolError(`you already reviewed "${t.title}" (review ${dup.id}); use update_review`);
        const id = ctx.db.run(
          "INSERT INTO reviews (member_id, title_id, rating, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
          ctx.userId,
          t.id,
          rating,
          body.trim(),
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return { review_id: id, title_id: t.id, title: t.title, format: t.format, rating, body: body.trim(), created_at: ctx.timestamp };
      },
    }),

    update_review: tool({
      description: "Change the rating and/or text of one of your reviews. Errors if the review is not yours or nothing changes.",
      input: v.object({
        review_id: Id("The review's id (from list_my_reviews)."),
        rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("New star rating, 1-5."))),
        body: v.optional(v.pipe(v.string(), v.maxLength(2000), v.description("New review text."))),
      }),
      handler: ({ review_id, rating, body }, ctx) => {
        const r = ctx.db.get<{ id: number; title_id: number; rating: number; body: string }>("SELECT id, title_id, rating, body FROM reviews WHERE id = ? AND member_id = ?", review_id, ctx.userId);
        if (!r) throw new ToolError(`review ${review_id} not found`);
        const next = { rating: rating ?? r.rating, body: body === undefined ? r.body : body.trim() };
        if (next.rating === r.rating && next.body === r.body) throw new ToolError("nothing to change");
        ctx.db.run("UPDATE reviews SET rating = ?, body = ?, updated_at = ? WHERE id = ?", next.rating, next.body, ctx.timestamp, r.id);
        return { review_id: r.id, title_id: r.title_id, ...next, updated_at: ctx.timestamp };
      },
    }),

    delete_review: tool({
      description: "Delete one of your reviews. Errors if the review is not found or not yours.",
      input: v.object({ review_id: Id("The review's id (from list_my_reviews).") }),
      handler: ({ review_id }, ctx) => {
        const r = ctx.db.get<{ id: number; title_id: number }>("SELECT id, title_id FROM reviews WHERE id = ? AND member_id = ?", review_id, ctx.userId);
        if (!r) throw new ToolError(`review ${review_id} not found`);
        ctx.db.run("DELETE FROM reviews WHERE id = ?", r.id);
        return { deleted: true, review_id: r.id, title_id: r.title_id };
      },
    }),

    list_my_reviews: tool({
      description: "List the reviews you have written, newest first, with review_id, title, format, rating and text.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT r.id AS review_id, r.title_id, t.title, t.format, r.rating, r.body, r.created_at, r.updated_at
           FROM reviews r JOIN titles t ON t.id = r.title_id WHERE r.member_id = ? ORDER BY r.created_at DESC, r.id DESC`,
          "SELECT count(*) AS n FROM reviews WHERE member_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    // ----- events -----
    search_events: tool({
      description:
        "Find library events (story times, author talks, book clubs, workshops, film screenings, classes) by words in the title or description, branch, kind, date range and age. Defaults to upcoming scheduled events. Returns event_id, branch, start/end time, age range, capacity and spots left.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words in the event title or description, e.g. 'story time'.")), ""),
        branch_id: OptId("Only events at this branch."),
        kind: v.optional(v.pipe(v.picklist(EVENT_KINDS), v.description("Only this kind of event."))),
        date_from: v.optional(DateText("Only events on or after this date (default today).")),
        date_to: v.optional(DateText("Only events on or before this date.")),
        age: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120), v.description("Only events open to someone of this age."))),
        include_cancelled: v.optional(v.pipe(v.boolean(), v.description("Also list cancelled events (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(e.title LIKE ? OR e.description LIKE ? OR replace(e.kind, '_', ' ') LIKE ?)");
          params.push(w, w, w);
        }
        if (a.branch_id !== undefined) {
          getBranch(ctx, a.branch_id);
          where.push("e.branch_id = ?");
          params.push(a.branch_id);
        }
        if (a.kind) {
          where.push("e.kind = ?");
          params.push(a.kind);
        }
        where.push("substr(e.starts_at, 1, 10) >= ?");
        params.push(a.date_from ?? ctx.today);
        if (a.date_to) {
          where.push("substr(e.starts_at, 1, 10) <= ?");
          params.push(a.date_to);
        }
        if (a.age !== undefined) {
          where.push("(e.min_age IS NULL OR e.min_age <= ?) AND (e.max_age IS NULL OR e.max_age >= ?)");
          params.push(a.age, a.age);
        }
        if (!a.include_cancelled) where.push("e.status = 'scheduled'");
        const from = `FROM events e JOIN branches b ON b.id = e.branch_id WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT e.*, b.name AS branch ${from} ORDER BY e.starts_at, e.id`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
          (r) => {
            const e = r as unknown as EventRow & { branch: string };
            return {
              event_id: e.id,
              title: e.title,
              kind: e.kind,
              branch_id: e.branch_id,
              branch: e.branch,
              day: WEEKDAYS[weekday(e.starts_at.slice(0, 10))],
              starts_at: e.starts_at,
              ends_at: e.ends_at,
              ages: ageRange(e),
              caregivers_allowed: e.caregivers_allowed === 1,
              registration_required: e.registration_required === 1,
              capacity: e.capacity,
              spots_left: Math.max(0, e.capacity - registeredCount(ctx.db, e.id)),
              status: e.status,
            };
          },
        );
      },
    }),

    get_event: tool({
      description:
        "One event in detail: description, branch and room, times, age rules (adults may attend children's events only as caregivers when the event allows it and a child from their family is registered), capacity and spots left, and for you and each family member whether they are registered or eligible.",
      input: v.object({ event_id: Id("The event's id (from search_events).") }),
      handler: ({ event_id }, ctx) => {
        const e = getEvent(ctx, event_id);
        const date = e.starts_at.slice(0, 10);
        const family = familyIds(ctx).map((id) => ctx.db.get<MemberRow>("SELECT * FROM members WHERE id = ?", id)!);
        return {
          event_id: e.id,
          title: e.title,
          kind: e.kind,
          description: e.description,
          branch_id: e.branch_id,
          branch: ctx.db.get<{ name: string }>("SELECT name FROM branches WHERE id = ?", e.branch_id)!.name,
          room: e.room_id ? ctx.db.get<{ name: string }>("SELECT name FROM rooms WHERE id = ?", e.room_id)!.name : null,
          day: WEEKDAYS[weekday(date)],
          starts_at: e.starts_at,
          ends_at: e.ends_at,
          ages: ageRange(e),
          min_age: e.min_age,
          max_age: e.max_age,
          caregivers_allowed: e.caregivers_allowed === 1,
          registration_required: e.registration_required === 1,
          capacity: e.capacity,
          registered: registeredCount(ctx.db, e.id),
          spots_left: Math.max(0, e.capacity - registeredCount(ctx.db, e.id)),
          status: e.status,
          your_family: family.map((m) => {
            const age = ageOn(m.birth_date, date);
            const reg = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM event_registrations WHERE event_id = ? AND member_id = ?", e.id, m.id);
            return {
              member_id: m.id,
              name: m.full_name,
              age_on_event_day: age,
              in_age_range: inAgeRange(e, age),
              may_attend_as_caregiver: !inAgeRange(e, age) && age >= 18 && e.caregivers_allowed === 1,
              registration_id: reg?.id ?? null,
              registration_status: reg?.status ?? null,
            };
          }),
        };
      },
    }),

    register_for_event: tool({
      description:
        "Register yourself and/or linked family members for an event in one call; each person must fit the age range, except that an adult may come as a caregiver when the event allows caregivers and a child of the family is registered too (in this call or already). Errors if the event is cancelled, already started, drop-in only, full (says how many spots are left), or someone is already registered. Returns the registrations.",
      input: v.object({
        event_id: Id("The event's id."),
        member_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1), v.description("Who to register: your member_id and/or family members' ids. Default: just you."))),
      }),
      handler: ({ event_id, member_ids }, ctx) => {
        const e = getEvent(ctx, event_id);
        if (e.status !== "scheduled") throw new ToolError(`"${e.title}" on ${e.starts_at.slice(0, 10)} has been cancelled`);
        if (e.starts_at <= ctx.timestamp) throw new ToolError(`"${e.title}" (event ${e.id}) already started on ${e.starts_at}; registration is closed`);
        if (!e.registration_required) throw new ToolError(`"${e.title}" is a drop-in event; no registration is needed`);
        const ids = member_ids ?? [ctx.userId];
        if (new Set(ids).size !== ids.length) throw new ToolError("a member is listed twice in member_ids");
        const people = ids.map((id) => memberFor(ctx, id));
        const date = e.starts_at.slice(0, 10);
        for (const p of people) {
          const reg = ctx.db.get<{ status: string }>("SELECT status FROM event_registrations WHERE event_id = ? AND member_id = ?", e.id, p.id);
          if (reg && reg.status !== "cancelled") throw new ToolError(`${p.full_name} is already registered for "${e.title}"`);
        }
        const eligible = people.filter((p) => inAgeRange(e, ageOn(p.birth_date, date)));
        const fam = familyIds(ctx);
        const familyChildAlready = ctx.db.get(
          `SELECT 1 FROM event_registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = ? AND r.status = 'registered' AND r.member_id IN (${fam.map(() => "?").join(",")})`,
          e.id,
          ...fam,
        );
        for (const p of people) {
          const age = ageOn(p.birth_date, date);
          if (inAgeRange(e, age)) continue;
          const caregiver = age >= 18 && e.caregivers_allowed === 1 && (eligible.length > 0 || !!familyChildAlready);
          if (!caregiver) {
            const why = age >= 18 && e.caregivers_allowed === 1 ? "; adults may only attend as caregivers alongside a registered child" : "";
            throw new ToolError(`${p.full_name} (age ${age} on ${date}) cannot register for "${e.title}" (${ageRange(e)})${why}`);
          }
        }
        const left = e.capacity - registeredCount(ctx.db, e.id);
        if (people.length > left) throw new ToolError(`"${e.title}" has only ${Math.max(0, left)} spot(s) left; cannot register ${people.length}`);
        const out = people.map((p) => {
          const old = ctx.db.get<{ id: number }>("SELECT id FROM event_registrations WHERE event_id = ? AND member_id = ?", e.id, p.id);
          let regId: number;
          if (old) {
            ctx.db.run("UPDATE event_registrations SET status = 'registered', registered_at = ?, cancelled_at = NULL WHERE id = ?", ctx.timestamp, old.id);
            regId = old.id;
          } else {
            regId = ctx.db.run("INSERT INTO event_registrations (event_id, member_id, status, registered_at) VALUES (?, ?, 'registered', ?)", e.id, p.id, ctx.timestamp).lastInsertRowid;
          }
          return { registration_id: regId, member_id: p.id, name: p.full_name, as_caregiver: !inAgeRange(e, ageOn(p.birth_date, date)) };
        });
        return { event_id: e.id, title: e.title, starts_at: e.starts_at, registrations: out, spots_left: e.capacity - registeredCount(ctx.db, e.id) };
      },
    }),

    cancel_event_registration: tool({
      description: "Cancel one registration (yours or a family member's) for an event that has not started yet, freeing the spot. Errors if not found, already cancelled, or the event already started.",
      input: v.object({ registration_id: Id("The registration's id (from list_event_registrations or get_event).") }),
      handler: ({ registration_id }, ctx) => {
        const r = ctx.db.get<{ id: number; event_id: number; member_id: number; status: string }>("SELECT * FROM event_registrations WHERE id = ?", registration_id);
        if (!r || !inFamily(ctx, r.member_id)) throw new ToolError(`registration ${registration_id} not found`);
        const e = getEvent(ctx, r.event_id);
        if (r.status !== "registered") throw new ToolError(`registration ${r.id} is already ${r.status}`);
        if (e.starts_at <= ctx.timestamp) throw new ToolError(`"${e.title}" already started; the registration cannot be cancelled`);
        ctx.db.run("UPDATE event_registrations SET status = 'cancelled', cancelled_at = ? WHERE id = ?", ctx.timestamp, r.id);
        return { registration_id: r.id, event_id: e.id, title: e.title, member_id: r.member_id, status: "cancelled", spots_left: e.capacity - registeredCount(ctx.db, e.id) };
      },
    }),

    list_event_registrations: tool({
      description: "List event registrations for you and your linked family members (registration_id, event, who, status). Defaults to upcoming events only.",
      input: v.object({
        upcoming_only: v.optional(v.pipe(v.boolean(), v.description("Only events that have not started yet (default true).")), true),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ upcoming_only, limit, offset }, ctx) => {
        const fam = familyIds(ctx);
        const cond = `r.member_id IN (${fam.map(() => "?").join(",")})${upcoming_only ? " AND e.starts_at > ?" : ""}`;
        const params: (string | number)[] = upcoming_only ? [...fam, ctx.timestamp] : [...fam];
        return page(
          ctx.db,
          `SELECT r.id AS registration_id, r.event_id, e.title, e.kind, b.name AS branch, e.starts_at, e.ends_at, e.status AS event_status,
             r.member_id, m.full_name AS member_name, r.status, r.registered_at, r.cancelled_at
           FROM event_registrations r JOIN events e ON e.id = r.event_id JOIN branches b ON b.id = e.branch_id JOIN members m ON m.id = r.member_id
           WHERE ${cond} ORDER BY e.starts_at, r.id`,
          `SELECT count(*) AS n FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE ${cond}`,
          params,
          limit,
          offset,
        );
      },
    }),

    // ----- rooms -----
    find_room_availability: tool({
      description:
        "Show a branch's rooms for one date: opening hours that day, each room's kind and capacity, the times it is already taken (bookings and events) and the free windows. Use it before book_room. Errors if the branch does not exist.",
      input: v.object({
        branch_id: Id("The branch's id."),
        date: DateText("The date, YYYY-MM-DD."),
        min_capacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Only rooms that fit at least this many people."))),
        kind: v.optional(v.pipe(v.picklist(["study", "meeting", "program"]), v.description("Only this kind of room."))),
      }),
      handler: ({ branch_id, date, min_capacity, kind }, ctx) => {
        const b = getBranch(ctx, branch_id);
        validDate(date, "date");
        const hours = b.status === "open" ? hoursFor(ctx, b.id, date) : null;
        const rooms = ctx.db.all<RoomRow>(
          "SELECT * FROM rooms WHERE branch_id = ? AND (? IS NULL OR capacity >= ?) AND (? IS NULL OR kind = ?) ORDER BY id",
          b.id,
          min_capacity ?? null,
          min_capacity ?? null,
          kind ?? null,
          kind ?? null,
        );
        return {
          branch_id: b.id,
          branch: b.name,
          date,
          day: WEEKDAYS[weekday(date)],
          open: !!hours,
          opens_at: hours?.opens_at ?? null,
          closes_at: hours?.closes_at ?? null,
          rooms: rooms.map((r) => {
            const busy = roomBusy(ctx, r.id, date);
            return {
              room_id: r.id,
              name: r.name,
              kind: r.kind,
              capacity: r.capacity,
              features: r.features,
              bookable: r.bookable === 1,
              booked: busy,
              free: hours && r.bookable ? freeWindows(hours.opens_at, hours.closes_at, busy) : [],
            };
          }),
        };
      },
    }),

    book_room: tool({
      description:
        "Book a study or meeting room for yourself: on the hour or half hour, within the branch's opening hours that day, up to 3 hours (study) or 4 hours (meeting), at most 14 days ahead, for no more people (attendee_count, including you) than the room holds. Errors if the room is taken then, you have another booking at that time, or any rule is broken. Returns the booking.",
      input: v.object({
        room_id: Id("The room's id (from find_room_availability)."),
        date: DateText("The date, YYYY-MM-DD."),
        start_time: TimeText("Start time, 24-hour HH:MM, e.g. 15:00."),
        end_time: TimeText("End time, 24-hour HH:MM, e.g. 17:00."),
        attendee_count: v.pipe(v.number(), v.integer(), v.minValue(1), v.description("How many people will use the room, including you.")),
        purpose: v.optional(v.pipe(v.string(), v.maxLength(120), v.description("What the room is for, e.g. 'group study'.")), ""),
      }),
      handler: ({ room_id, date, start_time, end_time, attendee_count, purpose }, ctx) => {
        const r = getRoom(ctx, room_id);
        const b = getBranch(ctx, r.branch_id);
        validDate(date, "date");
        const label = `${r.name} at ${b.name}`;
        if (!r.bookable) throw new ToolError(`${label} is reserved for library programs and cannot be booked`);
        if (b.status !== "open") throw new ToolError(`${b.name} is temporarily closed`);
        const s = toMinutes(start_time);
        const en = toMinutes(end_time);
        if (s % 30 !== 0 || en % 30 !== 0) throw new ToolError("bookings start and end on the hour or half hour");
        if (en <= s) throw new ToolError("end_time must be after start_time");
        const maxMinutes = r.kind === "meeting" ? 240 : 180;
        if (en - s > maxMinutes) throw new ToolError(`${r.kind} rooms can be booked for at most ${maxMinutes / 60} hours`);
        const startsAt = `${date} ${start_time}:00`;
        const endsAt = `${date} ${end_time}:00`;
        if (startsAt <= ctx.timestamp) throw new ToolError("that time has already passed");
        if (date > addDays(ctx.today, MAX_ROOM_DAYS_AHEAD)) throw new ToolError(`rooms can be booked at most ${MAX_ROOM_DAYS_AHEAD} days ahead (through ${addDays(ctx.today, MAX_ROOM_DAYS_AHEAD)})`);
        const hours = hoursFor(ctx, b.id, date);
        if (!hours) throw new ToolError(`${b.name} is closed on ${WEEKDAYS[weekday(date)]}s`);
        if (start_time < hours.opens_at || end_time > hours.closes_at) {
          throw new ToolError(`${b.name} is open ${hours.opens_at}-${hours.closes_at} on ${WEEKDAYS[weekday(date)]}s; the booking must fit inside those hours`);
        }
        if (attendee_count > r.capacity) throw new ToolError(`${label} holds ${r.capacity} people; you asked for ${attendee_count}`);
        const clash = roomBusy(ctx, r.id, date).find((x) => x.start < end_time && x.end > start_time);
        if (clash) throw new ToolError(`${label} is already taken ${clash.start}-${clash.end} on ${date} (${clash.reason})`);
        const mine = ctx.db.get<{ id: number; name: string; starts_at: string; ends_at: string }>(
          `SELECT rb.id, ro.name, rb.starts_at, rb.ends_at FROM room_bookings rb JOIN rooms ro ON ro.id = rb.room_id
           WHERE rb.member_id = ? AND rb.status = 'booked' AND rb.starts_at < ? AND rb.ends_at > ?`,
          ctx.userId,
          endsAt,
          startsAt,
        );
        if (mine) throw new ToolError(`you already have ${mine.name} booked ${mine.starts_at.slice(11, 16)}-${mine.ends_at.slice(11, 16)} on ${date} (booking ${mine.id})`);
        const id = ctx.db.run(
          "INSERT INTO room_bookings (room_id, member_id, starts_at, ends_at, attendee_count, purpose, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)",
          r.id,
          ctx.userId,
          startsAt,
          endsAt,
          attendee_count,
          purpose.trim(),
          ctx.timestamp,
        ).lastInsertRowid;
        return { booking_id: id, room_id: r.id, room: r.name, branch: b.name, starts_at: startsAt, ends_at: endsAt, attendee_count, purpose: purpose.trim(), status: "booked" };
      },
    }),

    cancel_room_booking: tool({
      description: "Cancel one of your upcoming room bookings. Errors if it is not found, not yours, already cancelled or already past.",
      input: v.object({ booking_id: Id("The booking's id (from list_room_bookings).") }),
      handler: ({ booking_id }, ctx) => {
        const bk = ctx.db.get<{ id: number; status: string; starts_at: string; room_id: number }>("SELECT id, status, starts_at, room_id FROM room_bookings WHERE id = ? AND member_id = ?", booking_id, ctx.userId);
        if (!bk) throw new ToolError(`room booking ${booking_id} not found`);
        if (bk.status !== "booked") throw new ToolError(`room booking ${bk.id} is ${bk.status}`);
        if (bk.starts_at <= ctx.timestamp) throw new ToolError(`room booking ${bk.id} has already started`);
        ctx.db.run("UPDATE room_bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ?", ctx.timestamp, bk.id);
        return { booking_id: bk.id, status: "cancelled", cancelled_at: ctx.timestamp };
      },
    }),

    list_room_bookings: tool({
      description: "List your room bookings (booking_id, room, branch, times, attendees, status), soonest first. Defaults to upcoming bookings.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["upcoming", "past", "cancelled", "all"]), v.description("upcoming (default), past, cancelled, or all.")), "upcoming"),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) => {
        const cond = {
          upcoming: "AND rb.status = 'booked' AND rb.ends_at > ?",
          past: "AND rb.status IN ('completed', 'no_show', 'booked') AND rb.ends_at <= ?",
          cancelled: "AND rb.status = 'cancelled' AND ? IS NOT NULL",
          all: "AND ? IS NOT NULL",
        }[status];
        return page(
          ctx.db,
          `SELECT rb.id AS booking_id, rb.room_id, ro.name AS room, b.name AS branch, rb.starts_at, rb.ends_at, rb.attendee_count, rb.purpose, rb.status, rb.created_at, rb.cancelled_at
           FROM room_bookings rb JOIN rooms ro ON ro.id = rb.room_id JOIN branches b ON b.id = ro.branch_id WHERE rb.member_id = ? ${cond} ORDER BY rb.starts_at, rb.id`,
          `SELECT count(*) AS n FROM room_bookings rb WHERE rb.member_id = ? ${cond}`,
          [ctx.userId, ctx.timestamp],
          limit,
          offset,
        );
      },
    }),
  },
});
