import * as v from "valibot";
import { defineEnv, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

interface UserRow {
  id: number;
  full_name: string;
  email: string;
  job_title: string;
  department: string;
  office: string;
  timezone: string;
  utc_offset_minutes: number;
  work_start: string;
  work_end: string;
  work_days: string;
  is_active: number;
}

interface CalendarRow {
  id: number;
  owner_id: number;
  name: string;
  kind: string;
  color: string;
  description: string;
  is_primary: number;
}

interface EventRow {
  id: number;
  calendar_id: number;
  organizer_id: number;
  series_id: number | null;
  title: string;
  description: string;
  location: string;
  start_at: string;
  end_at: string;
  all_day: number;
  status: string;
  visibility: string;
  show_as: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

interface RoomRow {
  id: number;
  name: string;
  office: string;
  floor: number;
  capacity: number;
  has_video: number;
  has_whiteboard: number;
  has_projector: number;
  is_active: number;
  notes: string;
}

interface BookingRow {
  id: number;
  room_id: number;
  event_id: number;
  start_at: string;
  end_at: string;
  status: string;
}

type Interval = [number, number];

// ---------------------------------------------------------------------------
// Input schemas
// ---------------------------------------------------------------------------

const DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?Z?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?Z?)?$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const id = (desc: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.description(desc));
const optId = (desc: string) => v.optional(id(desc));
const ids = (desc: string) => v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.description(desc)), []);
const text = (desc: string) => v.pipe(v.string(), v.description(desc));
const name = (desc: string) => v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.description(desc));
const optText = (desc: string) => v.optional(v.pipe(v.string(), v.description(desc)));
const flag = (desc: string, dflt: boolean) => v.optional(v.pipe(v.boolean(), v.description(desc)), dflt);
const dateTime = (desc: string) => v.pipe(v.string(), v.regex(DATETIME, "use 'YYYY-MM-DD HH:MM' (UTC)"), v.description(desc));
const date = (desc: string) => v.pipe(v.string(), v.regex(DATE, "use 'YYYY-MM-DD'"), v.description(desc));
const dateOrTime = (desc: string) => v.pipe(v.string(), v.regex(DATE_OR_DATETIME, "use 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' (UTC)"), v.description(desc));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100), v.description("Page size (default 20, max 100)")), 20);
const offset = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Number of items to skip (default 0)")), 0);
const responseValue = v.picklist(["accepted", "declined", "tentative", "needs_action"]);

// ---------------------------------------------------------------------------
// Time helpers (all stored times are UTC 'YYYY-MM-DD HH:MM:SS')
// ---------------------------------------------------------------------------

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function toMs(ts: string): number {
  return Date.parse(`${ts.slice(0, 10)}T${ts.slice(11, 19) || "00:00:00"}Z`);
}

function fmt(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Normalizes 'YYYY-MM-DD HH:MM[:SS]' (or with T/Z) to 'YYYY-MM-DD HH:MM:SS', rejecting impossible dates. */
function normDateTime(s: string, field: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(s.trim());
  if (!m) throw new ToolError(`${field}: '${s}' is not a date and time; use 'YYYY-MM-DD HH:MM' (UTC)`);
  const out = `${m[1]} ${m[2]}:${m[3]}:${m[4] ?? "00"}`;
  const ms = toMs(out);
  if (Number.isNaN(ms) || fmt(ms) !== out) throw new ToolError(`${field}: '${s}' is not a valid date and time`);
  return out;
}

function normDate(s: string, field: string): string {
  const ms = Date.parse(`${s}T00:00:00Z`);
  if (!DATE.test(s) || Number.isNaN(ms) || fmt(ms).slice(0, 10) !== s) throw new ToolError(`${field}: '${s}' is not a valid date (YYYY-MM-DD)`);
  return s;
}

/** A range start: a date means its midnight. */
function rangeFrom(s: string, field: string): string {
  return DATE.test(s) ? `${normDate(s, field)} 00:00:00` : normDateTime(s, field);
}

/** A range end: a date means the end of that day (next midnight), so end dates are inclusive. */
function rangeTo(s: string, field: string): string {
  return DATE.test(s) ? fmt(toMs(`${normDate(s, field)} 00:00:00`) + DAY) : normDateTime(s, field);
}

function hm(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

// ---------------------------------------------------------------------------
// Interval helpers
// ---------------------------------------------------------------------------

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [as, ae] of a) for (const [bs, be] of b) {
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) out.push([s, e]);
  }
  return mergeIntervals(out);
}

function subtract(a: Interval[], busy: Interval[]): Interval[] {
  let cur = mergeIntervals(a);
  for (const [bs, be] of mergeIntervals(busy)) {
    const next: Interval[] = [];
    for (const [s, e] of cur) {
      if (be <= s || bs >= e) next.push([s, e]);
      else {
        if (bs > s) next.push([s, bs]);
        if (be < e) next.push([be, e]);
      }
    }
    cur = next;
  }
  return cur;
}

/** A user's working hours as UTC intervals, clipped to [fromMs, toMs). */
function workIntervals(u: UserRow, fromMs: number, toMs_: number): Interval[] {
  const off = u.utc_offset_minutes * MINUTE;
  const days = u.work_days.split(",").map((d) => d.trim());
  const out: Interval[] = [];
  const first = Math.floor((fromMs + off) / DAY) * DAY - DAY;
  const last = Math.floor((toMs_ + off) / DAY) * DAY + DAY;
  for (let d = first; d <= last; d += DAY) {
    if (!days.includes(WEEKDAYS[new Date(d).getUTCDay()]!)) continue;
    const s = Math.max(d + hm(u.work_start) * MINUTE - off, fromMs);
    const e = Math.min(d + hm(u.work_end) * MINUTE - off, toMs_);
    if (e > s) out.push([s, e]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Data helpers
// ---------------------------------------------------------------------------

function page<T>(items: T[], total: number, lim: number, off: number) {
  return { items, total, limit: lim, offset: off, next_offset: off + items.length < total ? off + items.length : null };
}

function like(s: string): string {
  return `%${s.trim()}%`;
}

function getUser(db: SqlDatabase, userId: number): UserRow {
  const u = db.get<UserRow>("SELECT * FROM users WHERE id = ?", userId);
  if (!u) throw new ToolError(`user ${userId} not found`);
  return u;
}

function activeUser(db: SqlDatabase, userId: number): UserRow {
  const u = getUser(db, userId);
  if (!u.is_active) throw new ToolError(`${u.full_name} (user ${userId}) is no longer active at the company`);
  return u;
}

function publicUser(u: UserRow) {
  return {
    id: u.id,
    full_name: u.full_name,
    email: u.email,
    job_title: u.job_title,
    department: u.department,
    office: u.office,
    timezone: u.timezone,
    utc_offset_minutes: u.utc_offset_minutes,
    working_hours: `${u.work_start}-${u.work_end} local, ${u.work_days}`,
    is_active: u.is_active === 1,
  };
}

/** The current user's permission on a calendar: owner, a share permission, or null. */
function calendarPermission(db: SqlDatabase, me: number, calendarId: number): string | null {
  const cal = db.get<CalendarRow>("SELECT * FROM calendars WHERE id = ?", calendarId);
  if (!cal) return null;
  if (cal.owner_id === me) return "owner";
  const s = db.get<{ permission: string }>("SELECT permission FROM calendar_shares WHERE calendar_id = ? AND user_id = ?", calendarId, me);
  return s?.permission ?? null;
}

function myAttendance(db: SqlDatabase, me: number, eventId: number) {
  return db.get<{ id: number; response_status: string; comment: string }>(
    "SELECT id, response_status, comment FROM event_attendees WHERE event_id = ? AND user_id = ?",
    eventId,
    me,
  );
}

interface Access {
  event: EventRow;
  canEdit: boolean;
  attendee: boolean;
  /** Private event seen only through a calendar share: details hidden. */
  masked: boolean;
}

/** Loads an event the current user may see (own calendar, invited, or shared calendar with read access). */
function loadEvent(db: SqlDatabase, me: number, eventId: number): Access {
  const event = db.get<EventRow>("SELECT * FROM events WHERE id = ?", eventId);
  if (!event) throw new ToolError(`event ${eventId} not found`);
  const perm = calendarPermission(db, me, event.calendar_id);
  const attendee = !!myAttendance(db, me, eventId);
  const canEdit = event.organizer_id === me || perm === "owner" || perm === "edit" || perm === "manage";
  const canRead = canEdit || attendee || perm === "read";
  if (!canRead) throw new ToolError(`event ${eventId} not found`);
  const masked = !canEdit && !attendee && event.visibility === "private";
  return { event, canEdit, attendee, masked };
}

function requireEditable(db: SqlDatabase, me: number, eventId: number): EventRow {
  const a = loadEvent(db, me, eventId);
  if (!a.canEdit) {
    const org = getUser(db, a.event.organizer_id);
    throw new ToolError(`you can't change '${a.event.title}' (event ${eventId}): it is organized by ${org.full_name} and you have no edit access to its calendar`);
  }
  return a.event;
}

function requireUpcoming(ev: EventRow, ctx: ToolContext, what: string) {
  if (ev.status === "cancelled") throw new ToolError(`'${ev.title}' (event ${ev.id}) is cancelled; cannot ${what}`);
  if (ev.end_at <= ctx.timestamp) throw new ToolError(`'${ev.title}' (event ${ev.id}) already took place on ${ev.start_at}; cannot ${what}`);
}

function currentBooking(db: SqlDatabase, eventId: number) {
  return db.get<BookingRow & { room_name: string; capacity: number }>(
    "SELECT b.*, r.name AS room_name, r.capacity FROM room_bookings b JOIN rooms r ON r.id = b.room_id WHERE b.event_id = ? AND b.status = 'confirmed'",
    eventId,
  );
}

function headcount(db: SqlDatabase, eventId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM event_attendees WHERE event_id = ? AND response_status != 'declined'", eventId)!.n;
}

/** Confirmed bookings of a room overlapping [start, end), other than the given event's. */
function roomClashes(db: SqlDatabase, roomId: number, start: string, end: string, exceptEventId: number) {
  return db.all<{ id: number; event_id: number; start_at: string; end_at: string; title: string; visibility: string }>(
    `SELECT b.id, b.event_id, b.start_at, b.end_at, e.title, e.visibility FROM room_bookings b JOIN events e ON e.id = b.event_id
     WHERE b.room_id = ? AND b.status = 'confirmed' AND b.start_at < ? AND b.end_at > ? AND b.event_id != ?`,
    roomId,
    end,
    start,
    exceptEventId,
  );
}

function usableRoom(db: SqlDatabase, roomId: number): RoomRow {
  const room = db.get<RoomRow>("SELECT * FROM rooms WHERE id = ?", roomId);
  if (!room) throw new ToolError(`room ${roomId} not found`);
  if (!room.is_active) throw new ToolError(`room ${room.name} is not bookable: ${room.notes || "inactive"}`);
  return room;
}

function assertRoomFree(db: SqlDatabase, room: RoomRow, start: string, end: string, eventId: number) {
  const clash = roomClashes(db, room.id, start, end, eventId)[0];
  if (clash) {
    throw new ToolError(`room ${room.name} is already booked ${clash.start_at} to ${clash.end_at}${clash.visibility === "private" ? "" : ` for '${clash.title}'`}; pick another room or time`);
  }
}

function bookRoomRow(db: SqlDatabase, ctx: ToolContext, room: RoomRow, ev: EventRow) {
  const people = headcount(db, ev.id);
  if (room.capacity < people) throw new ToolError(`room ${room.name} seats ${room.capacity} but '${ev.title}' has ${people} attendees`);
  assertRoomFree(db, room, ev.start_at, ev.end_at, ev.id);
  const r = db.run(
    "INSERT INTO room_bookings (room_id, event_id, booked_by, start_at, end_at, status, created_at) VALUES (?, ?, ?, ?, ?, 'confirmed', ?)",
    room.id,
    ev.id,
    ctx.userId,
    ev.start_at,
    ev.end_at,
    ctx.timestamp,
  );
  return r.lastInsertRowid;
}

function releaseBooking(db: SqlDatabase, ctx: ToolContext, bookingId: number) {
  db.run("UPDATE room_bookings SET status = 'released', released_at = ? WHERE id = ?", ctx.timestamp, bookingId);
}

/** Busy intervals of a user: non-declined, non-cancelled 'busy' events plus active out-of-office periods. */
function busyFor(db: SqlDatabase, userId: number, from: string, to: string, exceptEventId = 0) {
  const events = db.all<{ event_id: number; start_at: string; end_at: string }>(
    `SELECT e.id AS event_id, e.start_at, e.end_at FROM event_attendees a JOIN events e ON e.id = a.event_id
     WHERE a.user_id = ? AND a.response_status != 'declined' AND e.status != 'cancelled' AND e.show_as = 'busy'
       AND e.start_at < ? AND e.end_at > ? AND e.id != ? ORDER BY e.start_at`,
    userId,
    to,
    from,
    exceptEventId,
  );
  const ooo = db.all<{ start_at: string; end_at: string; message: string }>(
    "SELECT start_at, end_at, message FROM out_of_office WHERE user_id = ? AND status = 'active' AND start_at < ? AND end_at > ? ORDER BY start_at",
    userId,
    to,
    from,
  );
  return { events, ooo };
}

function conflictsForMe(db: SqlDatabase, me: number, start: string, end: string, exceptEventId: number) {
  return db.all<{ id: number; title: string; start_at: string; end_at: string }>(
    `SELECT e.id, e.title, e.start_at, e.end_at FROM event_attendees a JOIN events e ON e.id = a.event_id
     WHERE a.user_id = ? AND a.response_status != 'declined' AND e.status != 'cancelled' AND e.show_as = 'busy'
       AND e.start_at < ? AND e.end_at > ? AND e.id != ? ORDER BY e.start_at`,
    me,
    end,
    start,
    exceptEventId,
  );
}

/** Soft problems for the user attendees of an event at [start, end): out of office, outside hours, double-booked. */
function attendeeWarnings(db: SqlDatabase, eventId: number, start: string, end: string, onlyUserIds?: number[]): string[] {
  const rows = db.all<{ user_id: number }>("SELECT user_id FROM event_attendees WHERE event_id = ? AND user_id IS NOT NULL AND response_status != 'declined'", eventId);
  const warnings: string[] = [];
  const s = toMs(start);
  const e = toMs(end);
  for (const { user_id } of rows) {
    if (onlyUserIds && !onlyUserIds.includes(user_id)) continue;
    const u = getUser(db, user_id);
    const busy = busyFor(db, user_id, start, end, eventId);
    if (busy.ooo.length) warnings.push(`${u.full_name} is out of office then (${busy.ooo[0]!.message || "no message"})`);
    else if (busy.events.length) warnings.push(`${u.full_name} already has another meeting at that time`);
    const work = workIntervals(u, s, e);
    if (!work.some(([a, b]) => a === s && b === e)) warnings.push(`${u.full_name} is outside working hours then (${u.work_start}-${u.work_end} ${u.timezone})`);
  }
  const booking = currentBooking(db, eventId);
  if (booking) {
    const n = headcount(db, eventId);
    if (n > booking.capacity) warnings.push(`room ${booking.room_name} seats ${booking.capacity} but the event now has ${n} attendees; book a bigger room`);
  }
  return warnings;
}

function eventSummary(db: SqlDatabase, me: number, ev: EventRow) {
  const perm = calendarPermission(db, me, ev.calendar_id);
  const mine = myAttendance(db, me, ev.id);
  const masked = ev.visibility === "private" && !mine && ev.organizer_id !== me && perm !== "owner" && perm !== "edit" && perm !== "manage";
  const cal = db.get<{ name: string; owner_id: number }>("SELECT name, owner_id FROM calendars WHERE id = ?", ev.calendar_id)!;
  const org = getUser(db, ev.organizer_id);
  const booking = currentBooking(db, ev.id);
  return {
    id: ev.id,
    title: masked ? "Busy (private)" : ev.title,
    start_at: ev.start_at,
    end_at: ev.end_at,
    all_day: ev.all_day === 1,
    status: ev.status,
    calendar_id: ev.calendar_id,
    calendar: cal.name + (cal.owner_id === me ? "" : ` (${getUser(db, cal.owner_id).full_name})`),
    organizer_id: ev.organizer_id,
    organizer: org.full_name,
    my_response: mine?.response_status ?? null,
    location: masked ? "" : ev.location,
    room: masked ? null : (booking?.room_name ?? null),
    attendee_count: masked ? null : db.get<{ n: number }>("SELECT count(*) AS n FROM event_attendees WHERE event_id = ?", ev.id)!.n,
    series_id: ev.series_id,
    visibility: ev.visibility,
  };
}

function eventDetail(db: SqlDatabase, me: number, eventId: number) {
  const a = loadEvent(db, me, eventId);
  const ev = a.event;
  const summary = eventSummary(db, me, ev);
  if (a.masked) return { ...summary, description: "", details_hidden: "private event: only its time is visible to you" };
  const attendees = db.all<Record<string, unknown>>(
    `SELECT a.id AS attendee_id, CASE WHEN a.user_id IS NOT NULL THEN 'colleague' ELSE 'external' END AS type,
            a.user_id, a.contact_id, COALESCE(u.full_name, c.full_name) AS name, COALESCE(u.email, c.email) AS email,
            a.response_status, a.is_optional, a.comment, g.name AS invited_via_group, (a.user_id = ?) AS is_organizer
     FROM event_attendees a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN contacts c ON c.id = a.contact_id
     LEFT JOIN groups g ON g.id = a.via_group_id WHERE a.event_id = ? ORDER BY a.id`,
    ev.organizer_id,
    ev.id,
  );
  const booking = currentBooking(db, ev.id);
  const room = booking ? db.get<RoomRow>("SELECT * FROM rooms WHERE id = ?", booking.room_id)! : null;
  const series = ev.series_id
    ? db.get("SELECT id, title, frequency, weekday, start_time, duration_minutes, starts_on, until_date, status FROM recurrence_series WHERE id = ?", ev.series_id)
    : null;
  return {
    ...summary,
    description: ev.description,
    show_as: ev.show_as,
    created_at: ev.created_at,
    updated_at: ev.updated_at,
    cancelled_at: ev.cancelled_at,
    can_edit: a.canEdit,
    attendees: attendees.map((r) => ({ ...r, is_optional: r.is_optional === 1, is_organizer: r.is_organizer === 1 })),
    room: room ? { booking_id: booking!.id, room_id: room.id, name: room.name, office: room.office, floor: room.floor, capacity: room.capacity, has_video: room.has_video === 1 } : null,
    series,
    my_reminders: db.all("SELECT id, minutes_before, method FROM reminders WHERE event_id = ? AND user_id = ? ORDER BY minutes_before", ev.id, me),
    agenda: db.all(
      "SELECT ai.id, ai.position, ai.title, u.full_name AS owner, ai.duration_minutes, ai.is_done FROM agenda_items ai LEFT JOIN users u ON u.id = ai.owner_id WHERE ai.event_id = ? ORDER BY ai.position",
      ev.id,
    ),
    notes: db.all("SELECT n.id, u.full_name AS author, n.body, n.created_at FROM event_notes n JOIN users u ON u.id = n.author_id WHERE n.event_id = ? ORDER BY n.created_at, n.id", ev.id),
  };
}

/** Calendar the current user may create events in: one they own or can edit; default their primary calendar. */
function writableCalendar(db: SqlDatabase, me: number, calendarId: number | undefined): CalendarRow {
  if (calendarId === undefined) {
    const cal = db.get<CalendarRow>("SELECT * FROM calendars WHERE owner_id = ? AND is_primary = 1", me);
    if (!cal) throw new ToolError("you have no primary calendar; pass calendar_id");
    return cal;
  }
  const cal = db.get<CalendarRow>("SELECT * FROM calendars WHERE id = ?", calendarId);
  const perm = calendarPermission(db, me, calendarId);
  if (!cal || !perm || perm === "free_busy") throw new ToolError(`calendar ${calendarId} not found`);
  if (perm === "read") throw new ToolError(`you can only view calendar '${cal.name}' (calendar ${calendarId}); you cannot add events to it`);
  return cal;
}

interface Invitees {
  users: { id: number; via: number | null }[];
  contacts: number[];
}

function resolveInvitees(db: SqlDatabase, me: number, userIds: number[], contactIds: number[], groupIds: number[]): Invitees {
  const users: { id: number; via: number | null }[] = [];
  const seen = new Set<number>();
  for (const uid of userIds) {
    activeUser(db, uid);
    if (!seen.has(uid)) users.push({ id: uid, via: null });
    seen.add(uid);
  }
  for (const gid of groupIds) {
    const g = db.get<{ id: number }>("SELECT id FROM groups WHERE id = ?", gid);
    if (!g) throw new ToolError(`group ${gid} not found`);
    const members = db.all<{ user_id: number }>(
      "SELECT gm.user_id FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE gm.group_id = ? AND u.is_active = 1 ORDER BY gm.id",
      gid,
    );
    for (const m of members) {
      if (!seen.has(m.user_id)) users.push({ id: m.user_id, via: gid });
      seen.add(m.user_id);
    }
  }
  const contacts: number[] = [];
  for (const cid of contactIds) {
    const c = db.get<{ id: number }>("SELECT id FROM contacts WHERE id = ? AND owner_id = ?", cid, me);
    if (!c) throw new ToolError(`contact ${cid} not found`);
    if (!contacts.includes(cid)) contacts.push(cid);
  }
  return { users, contacts };
}

function insertAttendees(db: SqlDatabase, ctx: ToolContext, eventId: number, inv: Invitees, optional: boolean) {
  const added: string[] = [];
  const skipped: string[] = [];
  for (const u of inv.users) {
    const user = getUser(db, u.id);
    if (db.get("SELECT id FROM event_attendees WHERE event_id = ? AND user_id = ?", eventId, u.id)) {
      skipped.push(`${user.full_name} (already invited)`);
      continue;
    }
    db.run(
      "INSERT INTO event_attendees (event_id, user_id, via_group_id, response_status, is_optional, invited_at) VALUES (?, ?, ?, 'needs_action', ?, ?)",
      eventId,
      u.id,
      u.via,
      optional ? 1 : 0,
      ctx.timestamp,
    );
    added.push(user.full_name);
  }
  for (const cid of inv.contacts) {
    const c = db.get<{ full_name: string }>("SELECT full_name FROM contacts WHERE id = ?", cid)!;
    if (db.get("SELECT id FROM event_attendees WHERE event_id = ? AND contact_id = ?", eventId, cid)) {
      skipped.push(`${c.full_name} (already invited)`);
      continue;
    }
    db.run(
      "INSERT INTO event_attendees (event_id, contact_id, response_status, is_optional, invited_at) VALUES (?, ?, 'needs_action', ?, ?)",
      eventId,
      cid,
      optional ? 1 : 0,
      ctx.timestamp,
    );
    added.push(c.full_name);
  }
  return { added, skipped };
}

function insertEvent(
  db: SqlDatabase,
  ctx: ToolContext,
  e: { calendarId: number; seriesId: number | null; title: string; description: string; location: string; start: string; end: string; visibility: string; showAs: string },
): number {
  const r = db.run(
    `INSERT INTO events (calendar_id, organizer_id, series_id, title, description, location, start_at, end_at, all_day, status, visibility, show_as, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'confirmed', ?, ?, ?, ?)`,
    e.calendarId,
    ctx.userId,
    e.seriesId,
    e.title,
    e.description,
    e.location,
    e.start,
    e.end,
    e.visibility,
    e.showAs,
    ctx.timestamp,
    ctx.timestamp,
  );
  db.run(
    "INSERT INTO event_attendees (event_id, user_id, response_status, invited_at, responded_at) VALUES (?, ?, 'accepted', ?, ?)",
    r.lastInsertRowid,
    ctx.userId,
    ctx.timestamp,
    ctx.timestamp,
  );
  return r.lastInsertRowid;
}

function checkTimes(start: string, end: string, ctx: ToolContext) {
  if (end <= start) throw new ToolError(`end (${end}) must be after start (${start})`);
  if (toMs(end) - toMs(start) > 12 * 60 * MINUTE) throw new ToolError("a meeting can last at most 12 hours");
  if (start < ctx.timestamp) throw new ToolError(`cannot schedule in the past (it is now ${ctx.timestamp} UTC)`);
}

function resolveEnd(start: string, endAt: string | undefined, duration: number | undefined): string {
  if (endAt !== undefined) return normDateTime(endAt, "end_at");
  if (duration !== undefined) return fmt(toMs(start) + duration * MINUTE);
  throw new ToolError("give end_at or duration_minutes");
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- directory -------------------------------------------------------
    search_users: tool({
      description:
        "Search the company directory of colleagues by name, email, job title or department (case-insensitive partial match). Returns a page of users with id, email, time zone and working hours; inactive (former) employees are left out unless include_inactive is true.",
      input: v.object({
        query: v.optional(text("Text to match in name, email, job title or department; empty lists everyone"), ""),
        department: optText("Only this department, e.g. 'Design', 'Engineering'"),
        include_inactive: flag("Also list people who have left the company (default false)", false),
        limit,
        offset,
      }),
      handler: ({ query, department, include_inactive, limit: lim, offset: off }, ctx) => {
        const where = "(full_name LIKE ? OR email LIKE ? OR job_title LIKE ? OR department LIKE ?) AND (? IS NULL OR department LIKE ?) AND (? = 1 OR is_active = 1)";
        const q = like(query);
        const params = [q, q, q, q, department ?? null, department ? like(department) : null, include_inactive ? 1 : 0];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM users WHERE ${where}`, ...params)!.n;
        const rows = ctx.db.all<UserRow>(`SELECT * FROM users WHERE ${where} ORDER BY full_name LIMIT ? OFFSET ?`, ...params, lim, off);
        return page(rows.map(publicUser), total, lim, off);
      },
    }),

    get_user: tool({
      description: "Get one colleague by id: contact details, time zone, working hours, the groups they belong to and their current or upcoming out-of-office periods. Errors if the user does not exist.",
      input: v.object({ user_id: id("The colleague's user id (from search_users)") }),
      handler: ({ user_id }, ctx) => {
        const u = getUser(ctx.db, user_id);
        return {
          ...publicUser(u),
          groups: ctx.db.all("SELECT g.id, g.name, g.email FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE gm.user_id = ? ORDER BY g.name", user_id),
          out_of_office: ctx.db.all(
            "SELECT id, start_at, end_at, message FROM out_of_office WHERE user_id = ? AND status = 'active' AND end_at > ? ORDER BY start_at",
            user_id,
            ctx.timestamp,
          ),
        };
      },
    }),

    search_groups: tool({
      description: "Search distribution lists / teams (e.g. 'Design Team') by name, email or description (case-insensitive partial match). Returns a page of groups with their member counts.",
      input: v.object({ query: v.optional(text("Text to match in the group's name, email or description"), ""), limit, offset }),
      handler: ({ query, limit: lim, offset: off }, ctx) => {
        const q = like(query);
        const where = "g.name LIKE ? OR g.email LIKE ? OR g.description LIKE ?";
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM groups g WHERE ${where}`, q, q, q)!.n;
        const rows = ctx.db.all(
          `SELECT g.id, g.name, g.email, g.description, (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id) AS member_count
           FROM groups g WHERE ${where} ORDER BY g.name LIMIT ? OFFSET ?`,
          q,
          q,
          q,
          lim,
          off,
        );
        return page(rows, total, lim, off);
      },
    }),

    get_group: tool({
      description: "Get one group with its members (user ids, names, emails, time zones). Errors if the group does not exist.",
      input: v.object({ group_id: id("The group's id (from search_groups)") }),
      handler: ({ group_id }, ctx) => {
        const g = ctx.db.get("SELECT id, name, email, description FROM groups WHERE id = ?", group_id);
        if (!g) throw new ToolError(`group ${group_id} not found`);
        const members = ctx.db.all<UserRow & { role: string }>(
          "SELECT u.*, gm.role FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE gm.group_id = ? ORDER BY u.full_name",
          group_id,
        );
        return { ...g, members: members.map((m) => ({ ...publicUser(m), role: m.role })) };
      },
    }),

    // ----- calendars -------------------------------------------------------
    list_calendars: tool({
      description:
        "List the calendars you own (with who they are shared with and at which permission) and the calendars other people share with you (with your permission: free_busy, read, edit or manage). Paginated.",
      input: v.object({ limit, offset }),
      handler: ({ limit: lim, offset: off }, ctx) => {
        const me = ctx.userId;
        const rows = ctx.db.all<CalendarRow & { owner_name: string; permission: string }>(
          `SELECT * FROM (
             SELECT c.*, u.full_name AS owner_name, 'owner' AS permission FROM calendars c JOIN users u ON u.id = c.owner_id WHERE c.owner_id = ?
             UNION ALL
             SELECT c.*, u.full_name AS owner_name, s.permission FROM calendar_shares s JOIN calendars c ON c.id = s.calendar_id JOIN users u ON u.id = c.owner_id WHERE s.user_id = ?
           ) ORDER BY permission = 'owner' DESC, is_primary DESC, name, id`,
          me,
          me,
        );
        const items = rows.slice(off, off + lim).map((c) => ({
          id: c.id,
          name: c.name,
          kind: c.kind,
          owner: c.owner_name,
          owner_id: c.owner_id,
          is_primary: c.is_primary === 1,
          my_permission: c.permission,
          description: c.description,
          shared_with:
            c.owner_id === me
              ? ctx.db
                  .all<{ user_id: number; full_name: string; email: string; permission: string; is_active: number }>(
                    "SELECT s.user_id, u.full_name, u.email, s.permission, u.is_active FROM calendar_shares s JOIN users u ON u.id = s.user_id WHERE s.calendar_id = ? ORDER BY u.full_name",
                    c.id,
                  )
                  .map((r) => ({ ...r, is_active: r.is_active === 1 }))
              : undefined,
        }));
        return page(items, rows.length, lim, off);
      },
    }),

    create_calendar: tool({
      description: "Create a new calendar owned by you (e.g. a team calendar for launches). Returns the calendar. Errors if you already have a calendar with that name.",
      input: v.object({
        name: name("Calendar name, unique among your calendars"),
        kind: v.optional(v.pipe(v.picklist(["work", "personal", "team"]), v.description("Kind of calendar (default 'team')")), "team"),
        color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, "use a hex colour like #1a73e8"), v.description("Display colour, hex like #1a73e8")), "#1a73e8"),
        description: v.optional(text("What the calendar is for"), ""),
      }),
      handler: ({ name: calName, kind, color, description }, ctx) => {
        if (ctx.db.get("SELECT id FROM calendars WHERE owner_id = ? AND lower(name) = lower(?)", ctx.userId, calName)) {
          throw new ToolError(`you already have a calendar named '${calName}'`);
        }
        const r = ctx.db.run(
          "INSERT INTO calendars (owner_id, name, kind, color, description, is_primary, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
          ctx.userId,
          calName,
          kind,
          color,
          description,
          ctx.timestamp,
        );
        return ctx.db.get("SELECT * FROM calendars WHERE id = ?", r.lastInsertRowid);
      },
    }),

    share_calendar: tool({
      description:
        "Share one of your calendars with a colleague, or change the permission they already have. Permissions: free_busy (times only), read (see event details), edit (add/change events), manage (edit and share). Returns the share and whether it was created, updated or unchanged; errors for calendars you don't own or manage and for inactive users.",
      input: v.object({
        calendar_id: id("The calendar to share (from list_calendars)"),
        user_id: id("The colleague to share with (from search_users)"),
        permission: v.pipe(v.picklist(["free_busy", "read", "edit", "manage"]), v.description("Access level to grant")),
      }),
      handler: ({ calendar_id, user_id, permission }, ctx) => {
        const perm = calendarPermission(ctx.db, ctx.userId, calendar_id);
        const cal = ctx.db.get<CalendarRow>("SELECT * FROM calendars WHERE id = ?", calendar_id);
        if (!cal || !perm || perm === "free_busy") throw new ToolError(`calendar ${calendar_id} not found`);
        if (perm !== "owner" && perm !== "manage") throw new ToolError(`you can't share '${cal.name}': you are not its owner or manager`);
        const u = activeUser(ctx.db, user_id);
        if (user_id === cal.owner_id) throw new ToolError(`${u.full_name} owns '${cal.name}' already`);
        const existing = ctx.db.get<{ id: number; permission: string }>("SELECT id, permission FROM calendar_shares WHERE calendar_id = ? AND user_id = ?", calendar_id, user_id);
        let action: string;
        if (!existing) {
          ctx.db.run("INSERT INTO calendar_shares (calendar_id, user_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", calendar_id, user_id, permission, ctx.timestamp, ctx.timestamp);
          action = "created";
        } else if (existing.permission !== permission) {
          ctx.db.run("UPDATE calendar_shares SET permission = ?, updated_at = ? WHERE id = ?", permission, ctx.timestamp, existing.id);
          action = "updated";
        } else action = "unchanged";
        return { action, calendar_id, calendar: cal.name, user_id, user: u.full_name, permission, previous_permission: existing?.permission ?? null };
      },
    }),

    unshare_calendar: tool({
      description: "Remove a colleague's access to one of your calendars (works for inactive users too). Returns what was removed; errors if they had no access.",
      input: v.object({
        calendar_id: id("The calendar (from list_calendars)"),
        user_id: id("The colleague whose access to remove"),
      }),
      handler: ({ calendar_id, user_id }, ctx) => {
        const perm = calendarPermission(ctx.db, ctx.userId, calendar_id);
        const cal = ctx.db.get<CalendarRow>("SELECT * FROM calendars WHERE id = ?", calendar_id);
        if (!cal || !perm || perm === "free_busy") throw new ToolError(`calendar ${calendar_id} not found`);
        if (perm !== "owner" && perm !== "manage") throw new ToolError(`you can't change sharing of '${cal.name}': you are not its owner or manager`);
        const u = getUser(ctx.db, user_id);
        const s = ctx.db.get<{ id: number; permission: string }>("SELECT id, permission FROM calendar_shares WHERE calendar_id = ? AND user_id = ?", calendar_id, user_id);
        if (!s) throw new ToolError(`${u.full_name} has no access to '${cal.name}'`);
        ctx.db.run("DELETE FROM calendar_shares WHERE id = ?", s.id);
        return { removed: true, calendar_id, calendar: cal.name, user_id, user: u.full_name, previous_permission: s.permission };
      },
    }),

    // ----- events: read ----------------------------------------------------
    search_events: tool({
      description:
        "Search events on your calendars and invitations you received (or, with calendar_id, one calendar shared with you) by text, attendee, invited group, date range (overlap; plain dates are whole days, end inclusive), your role and your response; cancelled events are left out unless include_cancelled. Returns a page of event summaries ordered by start time (UTC).",
      input: v.object({
        query: v.optional(text("Text to match in title, description or location (case-insensitive)"), ""),
        date_from: v.optional(dateOrTime("Only events ending after this ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' UTC)")),
        date_to: v.optional(dateOrTime("Only events starting before this; a plain date includes that whole day")),
        attendee: optText("Only events with an attendee whose name or email contains this text (colleague or external contact)"),
        group_id: optId("Only events the group (from search_groups) was invited to"),
        calendar_id: optId("Search this calendar only (one you own or that is shared with you)"),
        role: v.optional(v.pipe(v.picklist(["any", "organizer", "invitee"]), v.description("'organizer': events you organize; 'invitee': invitations from others (default 'any')")), "any"),
        my_response: v.optional(v.pipe(responseValue, v.description("Only events where your response is this"))),
        include_cancelled: flag("Include cancelled events (default false)", false),
        limit,
        offset,
      }),
      handler: (args, ctx) => {
        const me = ctx.userId;
        const where: string[] = [];
        const params: (string | number | null)[] = [];
        if (args.calendar_id !== undefined) {
          const perm = calendarPermission(ctx.db, me, args.calendar_id);
          if (!perm) throw new ToolError(`calendar ${args.calendar_id} not found`);
          if (perm === "free_busy") throw new ToolError(`you only have free/busy access to calendar ${args.calendar_id}; use get_free_busy for its owner`);
          where.push("e.calendar_id = ?");
          params.push(args.calendar_id);
        } else {
          where.push("(c.owner_id = ? OR EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.user_id = ?))");
          params.push(me, me);
        }
        // Private events seen only through a share never match on their hidden details.
        const fullAccess = `(e.visibility != 'private' OR c.owner_id = ? OR e.organizer_id = ? OR EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.user_id = ?))`;
        if (args.query.trim()) {
          where.push(`(e.title LIKE ? OR e.description LIKE ? OR e.location LIKE ?) AND ${fullAccess}`);
          params.push(like(args.query), like(args.query), like(args.query), me, me, me);
        }
        if (args.attendee !== undefined && args.attendee.trim()) {
          where.push(`EXISTS (SELECT 1 FROM event_attendees a LEFT JOIN users au ON au.id = a.user_id LEFT JOIN contacts ac ON ac.id = a.contact_id
                      WHERE a.event_id = e.id AND (au.full_name LIKE ? OR au.email LIKE ? OR ac.full_name LIKE ? OR ac.email LIKE ?)) AND ${fullAccess}`);
          const q = like(args.attendee);
          params.push(q, q, q, q, me, me, me);
        }
        if (args.group_id !== undefined) {
          if (!ctx.db.get("SELECT id FROM groups WHERE id = ?", args.group_id)) throw new ToolError(`group ${args.group_id} not found`);
          where.push(`EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.via_group_id = ?) AND ${fullAccess}`);
          params.push(args.group_id, me, me, me);
        }
        if (args.date_from !== undefined) {
          where.push("e.end_at > ?");
          params.push(rangeFrom(args.date_from, "date_from"));
        }
        if (args.date_to !== undefined) {
          where.push("e.start_at < ?");
          params.push(rangeTo(args.date_to, "date_to"));
        }
        if (args.role === "organizer") {
          where.push("e.organizer_id = ?");
          params.push(me);
        } else if (args.role === "invitee") {
          where.push("e.organizer_id != ? AND EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.user_id = ?)");
          params.push(me, me);
        }
        if (args.my_response !== undefined) {
          where.push("EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.user_id = ? AND a.response_status = ?)");
          params.push(me, args.my_response);
        }
        if (!args.include_cancelled) where.push("e.status != 'cancelled'");
        const sql = `FROM events e JOIN calendars c ON c.id = e.calendar_id WHERE ${where.join(" AND ")}`;
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${sql}`, ...params)!.n;
        const rows = ctx.db.all<EventRow>(`SELECT e.* ${sql} ORDER BY e.start_at, e.id LIMIT ? OFFSET ?`, ...params, args.limit, args.offset);
        return page(rows.map((r) => eventSummary(ctx.db, me, r)), total, args.limit, args.offset);
      },
    }),

    get_event: tool({
      description:
        "Get one event with everything about it: attendees and their responses, room, series, your reminders, agenda and notes. Private events you only see through a shared calendar show their time only. Errors if the event does not exist or is not visible to you.",
      input: v.object({ event_id: id("The event's id (from search_events or list_invitations)") }),
      handler: ({ event_id }, ctx) => eventDetail(ctx.db, ctx.userId, event_id),
    }),

    list_invitations: tool({
      description:
        "List meeting invitations you received from other people (events you don't organize), by your response (default: still awaiting your reply) and optional date range; by default only events that haven't ended. Cancelled events are left out. Returns a page of event summaries.",
      input: v.object({
        response: v.optional(v.pipe(v.picklist(["needs_action", "accepted", "tentative", "declined", "any"]), v.description("Your response to filter on (default 'needs_action')")), "needs_action"),
        date_from: v.optional(dateOrTime("Only events ending after this (default: now)")),
        date_to: v.optional(dateOrTime("Only events starting before this; a plain date includes that whole day")),
        limit,
        offset,
      }),
      handler: ({ response, date_from, date_to, limit: lim, offset: off }, ctx) => {
        const me = ctx.userId;
        const from = date_from !== undefined ? rangeFrom(date_from, "date_from") : ctx.timestamp;
        const to = date_to !== undefined ? rangeTo(date_to, "date_to") : "9999-12-31 00:00:00";
        const sql = `FROM events e JOIN event_attendees a ON a.event_id = e.id AND a.user_id = ?
                     WHERE e.organizer_id != ? AND e.status != 'cancelled' AND e.end_at > ? AND e.start_at < ? AND (? = 'any' OR a.response_status = ?)`;
        const params = [me, me, from, to, response, response];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${sql}`, ...params)!.n;
        const rows = ctx.db.all<EventRow>(`SELECT e.* ${sql} ORDER BY e.start_at, e.id LIMIT ? OFFSET ?`, ...params, lim, off);
        return page(rows.map((r) => eventSummary(ctx.db, me, r)), total, lim, off);
      },
    }),

    // ----- events: write ---------------------------------------------------
    create_event: tool({
      description:
        "Create a meeting you organize (times in UTC), inviting colleagues (user ids), whole groups (group ids) and your external contacts (contact ids), optionally booking a room. Rejects a room that is taken or too small, an inactive colleague and a time in the past; with reject_if_conflict, also an overlap with your own busy meetings. Returns the created event with warnings (attendees out of office, busy or outside working hours).",
      input: v.object({
        title: name("Meeting title"),
        start_at: dateTime("Start, 'YYYY-MM-DD HH:MM' UTC"),
        end_at: v.optional(dateTime("End, 'YYYY-MM-DD HH:MM' UTC (or give duration_minutes)")),
        duration_minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(720), v.description("Length in minutes, used when end_at is not given"))),
        attendee_user_ids: ids("Colleagues to invite (user ids from search_users)"),
        group_ids: ids("Groups whose members are all invited (from search_groups)"),
        contact_ids: ids("External contacts to invite (your contacts, from search_contacts)"),
        room_id: optId("Room to book for the meeting (from search_rooms)"),
        calendar_id: optId("Calendar to put it on (default: your primary Work calendar)"),
        description: v.optional(text("Agenda or notes shown in the invite"), ""),
        location: optText("Location text (defaults to the room's name, or empty)"),
        visibility: v.optional(v.pipe(v.picklist(["default", "public", "private"]), v.description("Who can see details on shared calendars (default 'default')")), "default"),
        show_as: v.optional(v.pipe(v.picklist(["busy", "free"]), v.description("Whether it blocks your time (default 'busy')")), "busy"),
        reject_if_conflict: flag("Fail instead of creating if it overlaps another of your busy meetings (default false)", false),
      }),
      handler: (args, ctx) => {
        const db = ctx.db;
        const start = normDateTime(args.start_at, "start_at");
        const end = resolveEnd(start, args.end_at, args.duration_minutes);
        checkTimes(start, end, ctx);
        const cal = writableCalendar(db, ctx.userId, args.calendar_id);
        const inv = resolveInvitees(db, ctx.userId, args.attendee_user_ids.filter((u) => u !== ctx.userId), args.contact_ids, args.group_ids);
        inv.users = inv.users.filter((u) => u.id !== ctx.userId);
        if (args.reject_if_conflict) {
          const c = conflictsForMe(db, ctx.userId, start, end, 0);
          if (c.length) throw new ToolError(`conflicts with your meeting${c.length > 1 ? "s" : ""}: ${c.map((x) => `'${x.title}' ${x.start_at}-${x.end_at.slice(11)}`).join(", ")}`);
        }
        const room = args.room_id !== undefined ? usableRoom(db, args.room_id) : null;
        const eventId = insertEvent(db, ctx, {
          calendarId: cal.id,
          seriesId: null,
          title: args.title,
          description: args.description,
          location: args.location ?? room?.name ?? "",
          start,
          end,
          visibility: args.visibility,
          showAs: args.show_as,
        });
        insertAttendees(db, ctx, eventId, inv, false);
        if (room) bookRoomRow(db, ctx, room, db.get<EventRow>("SELECT * FROM events WHERE id = ?", eventId)!);
        const warnings = attendeeWarnings(db, eventId, start, end);
        return { ...eventDetail(db, ctx.userId, eventId), warnings };
      },
    }),

    create_recurring_event: tool({
      description:
        "Create a recurring meeting you organize, such as a weekly standup: a series plus one event per occurrence (daily on weekdays, weekly or biweekly), each with the same attendees and optional room. Rejects a room that is taken for any occurrence. Returns the series and its occurrences.",
      input: v.object({
        title: name("Meeting title"),
        first_start_at: dateTime("Start of the first occurrence, 'YYYY-MM-DD HH:MM' UTC"),
        duration_minutes: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(480), v.description("Length of each occurrence in minutes")),
        frequency: v.pipe(v.picklist(["daily", "weekly", "biweekly"]), v.description("'daily' = every weekday; 'weekly'; 'biweekly' = every two weeks")),
        occurrences: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(26), v.description("How many occurrences to create (2-26)")),
        attendee_user_ids: ids("Colleagues to invite"),
        group_ids: ids("Groups whose members are all invited"),
        contact_ids: ids("External contacts to invite"),
        room_id: optId("Room to book for every occurrence"),
        calendar_id: optId("Calendar to put it on (default: your primary Work calendar)"),
        description: v.optional(text("Description shown in the invite"), ""),
      }),
      handler: (args, ctx) => {
        const db = ctx.db;
        const first = normDateTime(args.first_start_at, "first_start_at");
        checkTimes(first, fmt(toMs(first) + args.duration_minutes * MINUTE), ctx);
        const cal = writableCalendar(db, ctx.userId, args.calendar_id);
        const inv = resolveInvitees(db, ctx.userId, args.attendee_user_ids.filter((u) => u !== ctx.userId), args.contact_ids, args.group_ids);
        const room = args.room_id !== undefined ? usableRoom(db, args.room_id) : null;
        const starts: number[] = [];
        let t = toMs(first);
        while (starts.length < args.occurrences) {
          const wd = new Date(t).getUTCDay();
          if (args.frequency !== "daily" || (wd !== 0 && wd !== 6)) starts.push(t);
          t += args.frequency === "daily" ? DAY : args.frequency === "weekly" ? 7 * DAY : 14 * DAY;
        }
        const lastStart = starts[starts.length - 1]!;
        const s = db.run(
          `INSERT INTO recurrence_series (calendar_id, organizer_id, title, frequency, weekday, start_time, duration_minutes, starts_on, until_date, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`,
          cal.id,
          ctx.userId,
          args.title,
          args.frequency,
          args.frequency === "daily" ? null : WEEKDAYS[new Date(toMs(first)).getUTCDay()]!,
          first.slice(11, 16),
          args.duration_minutes,
          first.slice(0, 10),
          fmt(lastStart).slice(0, 10),
          ctx.timestamp,
        );
        const created: { id: number; start_at: string; end_at: string }[] = [];
        for (const st of starts) {
          const start = fmt(st);
          const end = fmt(st + args.duration_minutes * MINUTE);
          const eventId = insertEvent(db, ctx, {
            calendarId: cal.id,
            seriesId: s.lastInsertRowid,
            title: args.title,
            description: args.description,
            location: room?.name ?? "",
            start,
            end,
            visibility: "default",
            showAs: "busy",
          });
          insertAttendees(db, ctx, eventId, inv, false);
          if (room) bookRoomRow(db, ctx, room, db.get<EventRow>("SELECT * FROM events WHERE id = ?", eventId)!);
          created.push({ id: eventId, start_at: start, end_at: end });
        }
        return { series: db.get("SELECT * FROM recurrence_series WHERE id = ?", s.lastInsertRowid), occurrences: created, room: room?.name ?? null };
      },
    }),

    update_event: tool({
      description: "Change an event's title, description, location, visibility or show-as (not its time: use reschedule_event). You must organize it or have edit access to its calendar. Returns the updated event; errors if nothing was given or the event is cancelled.",
      input: v.object({
        event_id: id("The event to change"),
        title: v.optional(name("New title")),
        description: optText("New description"),
        location: optText("New location text"),
        visibility: v.optional(v.pipe(v.picklist(["default", "public", "private"]), v.description("New visibility"))),
        show_as: v.optional(v.pipe(v.picklist(["busy", "free"]), v.description("New show-as"))),
      }),
      handler: ({ event_id, title, description, location, visibility, show_as }, ctx) => {
        const ev = requireEditable(ctx.db, ctx.userId, event_id);
        if (ev.status === "cancelled") throw new ToolError(`'${ev.title}' (event ${event_id}) is cancelled`);
        if ([title, description, location, visibility, show_as].every((x) => x === undefined)) {
          throw new ToolError("nothing to change: give title, description, location, visibility or show_as");
        }
        ctx.db.run(
          `UPDATE events SET title = COALESCE(?, title), description = COALESCE(?, description), location = COALESCE(?, location),
             visibility = COALESCE(?, visibility), show_as = COALESCE(?, show_as), updated_at = ? WHERE id = ?`,
          title ?? null,
          description ?? null,
          location ?? null,
          visibility ?? null,
          show_as ?? null,
          ctx.timestamp,
          event_id,
        );
        return eventDetail(ctx.db, ctx.userId, event_id);
      },
    }),

    reschedule_event: tool({
      description:
        "Move an upcoming event you organize (or can edit) to a new time, keeping its duration unless end_at is given; for a series only this occurrence moves. Its room moves with it if free then (else an error, unless keep_room is false, which releases it); with reject_if_conflict an overlap with your other busy meetings is rejected. Returns the updated event with attendee warnings.",
      input: v.object({
        event_id: id("The event to move"),
        start_at: dateTime("New start, 'YYYY-MM-DD HH:MM' UTC"),
        end_at: v.optional(dateTime("New end (default: keep the current duration)")),
        keep_room: flag("Keep the booked room at the new time (default true); false releases it", true),
        reject_if_conflict: flag("Fail if the new time overlaps another of your busy meetings (default false)", false),
      }),
      handler: ({ event_id, start_at, end_at, keep_room, reject_if_conflict }, ctx) => {
        const db = ctx.db;
        const ev = requireEditable(db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "reschedule it");
        const start = normDateTime(start_at, "start_at");
        const end = end_at !== undefined ? normDateTime(end_at, "end_at") : fmt(toMs(start) + (toMs(ev.end_at) - toMs(ev.start_at)));
        checkTimes(start, end, ctx);
        if (start === ev.start_at && end === ev.end_at) throw new ToolError(`'${ev.title}' is already at ${start}-${end.slice(11)}`);
        if (reject_if_conflict) {
          const c = conflictsForMe(db, ctx.userId, start, end, event_id);
          if (c.length) throw new ToolError(`conflicts with your meeting${c.length > 1 ? "s" : ""}: ${c.map((x) => `'${x.title}' ${x.start_at}-${x.end_at.slice(11)}`).join(", ")}`);
        }
        const booking = currentBooking(db, event_id);
        let roomNote: string | null = null;
        if (booking) {
          if (keep_room) {
            assertRoomFree(db, usableRoom(db, booking.room_id), start, end, event_id);
            db.run("UPDATE room_bookings SET start_at = ?, end_at = ? WHERE id = ?", start, end, booking.id);
            roomNote = `room ${booking.room_name} moved with the meeting`;
          } else {
            releaseBooking(db, ctx, booking.id);
            if (ev.location === booking.room_name) db.run("UPDATE events SET location = '' WHERE id = ?", event_id);
            roomNote = `room ${booking.room_name} released`;
          }
        }
        db.run("UPDATE events SET start_at = ?, end_at = ?, updated_at = ? WHERE id = ?", start, end, ctx.timestamp, event_id);
        const warnings = attendeeWarnings(db, event_id, start, end);
        return { ...eventDetail(db, ctx.userId, event_id), previous: { start_at: ev.start_at, end_at: ev.end_at }, room_change: roomNote, warnings };
      },
    }),

    cancel_event: tool({
      description:
        "Cancel an upcoming event you organize (or can edit) and release its room; for a recurring meeting, scope 'this_and_following' cancels this and every later occurrence and ends the series. Errors if it is already cancelled or already took place. Returns the cancelled events.",
      input: v.object({
        event_id: id("The event (or first occurrence to cancel)"),
        scope: v.optional(v.pipe(v.picklist(["this", "this_and_following"]), v.description("'this' (default) or, for a series, 'this_and_following'")), "this"),
      }),
      handler: ({ event_id, scope }, ctx) => {
        const db = ctx.db;
        const ev = requireEditable(db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "cancel it");
        let targets: EventRow[] = [ev];
        if (scope === "this_and_following") {
          if (!ev.series_id) throw new ToolError(`'${ev.title}' (event ${event_id}) is not part of a recurring series; use scope 'this'`);
          targets = db.all<EventRow>("SELECT * FROM events WHERE series_id = ? AND start_at >= ? AND status != 'cancelled' ORDER BY start_at", ev.series_id, ev.start_at);
          const earlier = db.get<{ n: number }>("SELECT count(*) AS n FROM events WHERE series_id = ? AND start_at < ?", ev.series_id, ev.start_at)!.n;
          const until = fmt(toMs(ev.start_at.slice(0, 10) + " 00:00:00") - DAY).slice(0, 10);
          const series = db.get<{ starts_on: string }>("SELECT starts_on FROM recurrence_series WHERE id = ?", ev.series_id)!;
          db.run("UPDATE recurrence_series SET until_date = ?, status = 'ended' WHERE id = ?", earlier > 0 && until >= series.starts_on ? until : series.starts_on, ev.series_id);
        }
        const released: string[] = [];
        for (const t of targets) {
          db.run("UPDATE events SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, t.id);
          const b = currentBooking(db, t.id);
          if (b) {
            releaseBooking(db, ctx, b.id);
            released.push(`${b.room_name} (${t.start_at})`);
          }
        }
        return { cancelled: targets.map((t) => ({ id: t.id, title: t.title, start_at: t.start_at })), released_rooms: released };
      },
    }),

    respond_to_invitation: tool({
      description: "RSVP to a meeting you were invited to: accepted, declined or tentative, with an optional comment to the organizer. Errors if you are not invited, you organize it, it is cancelled or it already took place. Returns your new response.",
      input: v.object({
        event_id: id("The event you were invited to"),
        response: v.pipe(v.picklist(["accepted", "declined", "tentative"]), v.description("Your answer")),
        comment: v.optional(text("Optional note to the organizer"), ""),
      }),
      handler: ({ event_id, response, comment }, ctx) => {
        const a = loadEvent(ctx.db, ctx.userId, event_id);
        const ev = a.event;
        const mine = myAttendance(ctx.db, ctx.userId, event_id);
        if (!mine) throw new ToolError(`you are not invited to '${ev.title}' (event ${event_id})`);
        if (ev.organizer_id === ctx.userId) throw new ToolError(`you organize '${ev.title}'; reschedule or cancel it instead of responding`);
        requireUpcoming(ev, ctx, "respond to it");
        ctx.db.run("UPDATE event_attendees SET response_status = ?, comment = ?, responded_at = ? WHERE id = ?", response, comment, ctx.timestamp, mine.id);
        return { event_id, title: ev.title, start_at: ev.start_at, end_at: ev.end_at, previous_response: mine.response_status, response_status: response, comment };
      },
    }),

    add_attendees: tool({
      description:
        "Invite more people to an upcoming event you organize (or can edit): colleagues, whole groups and your external contacts. People already invited are skipped. Returns the event with who was added and warnings (out of office, outside working hours, room now too small).",
      input: v.object({
        event_id: id("The event"),
        user_ids: ids("Colleagues to add"),
        group_ids: ids("Groups whose members are all added"),
        contact_ids: ids("External contacts to add"),
        optional: flag("Mark them as optional attendees (default false)", false),
      }),
      handler: ({ event_id, user_ids, group_ids, contact_ids, optional }, ctx) => {
        const ev = requireEditable(ctx.db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "add attendees");
        if (!user_ids.length && !group_ids.length && !contact_ids.length) throw new ToolError("give user_ids, group_ids or contact_ids to add");
        const inv = resolveInvitees(ctx.db, ctx.userId, user_ids, contact_ids, group_ids);
        const { added, skipped } = insertAttendees(ctx.db, ctx, event_id, inv, optional);
        const warnings = attendeeWarnings(ctx.db, event_id, ev.start_at, ev.end_at, inv.users.map((u) => u.id));
        return { ...eventDetail(ctx.db, ctx.userId, event_id), added, skipped, warnings };
      },
    }),

    remove_attendee: tool({
      description: "Remove one colleague (user_id) or external contact (contact_id) from an upcoming event you organize (or can edit). The organizer cannot be removed. Returns the updated event.",
      input: v.object({
        event_id: id("The event"),
        user_id: optId("Colleague to remove"),
        contact_id: optId("External contact to remove"),
      }),
      handler: ({ event_id, user_id, contact_id }, ctx) => {
        const ev = requireEditable(ctx.db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "remove attendees");
        if ((user_id === undefined) === (contact_id === undefined)) throw new ToolError("give exactly one of user_id or contact_id");
        if (user_id === ev.organizer_id) throw new ToolError("the organizer cannot be removed; cancel the event instead");
        const row =
          user_id !== undefined
            ? ctx.db.get<{ id: number }>("SELECT id FROM event_attendees WHERE event_id = ? AND user_id = ?", event_id, user_id)
            : ctx.db.get<{ id: number }>("SELECT id FROM event_attendees WHERE event_id = ? AND contact_id = ?", event_id, contact_id!);
        if (!row) throw new ToolError(`${user_id !== undefined ? `user ${user_id}` : `contact ${contact_id}`} is not invited to '${ev.title}'`);
        ctx.db.run("DELETE FROM event_attendees WHERE id = ?", row.id);
        return eventDetail(ctx.db, ctx.userId, event_id);
      },
    }),

    // ----- availability ----------------------------------------------------
    get_free_busy: tool({
      description:
        "Show when colleagues (and you) are busy in a time range of up to 14 days: busy blocks from meetings they haven't declined, out-of-office periods and their working hours. Titles are not shown. Plain dates are whole days (end inclusive).",
      input: v.object({
        user_ids: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1, "give at least one user id"), v.maxLength(20), v.description("Colleagues to look up (your own id included if you want yourself)")),
        start: dateOrTime("Range start ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' UTC)"),
        end: dateOrTime("Range end; a plain date includes that whole day"),
      }),
      handler: ({ user_ids, start, end }, ctx) => {
        const from = rangeFrom(start, "start");
        const to = rangeTo(end, "end");
        if (to <= from) throw new ToolError("end must be after start");
        if (toMs(to) - toMs(from) > 14 * DAY) throw new ToolError("the range can span at most 14 days");
        return {
          start: from,
          end: to,
          people: [...new Set(user_ids)].map((uid) => {
            const u = getUser(ctx.db, uid);
            const busy = busyFor(ctx.db, uid, from, to);
            return {
              user_id: u.id,
              name: u.full_name,
              timezone: u.timezone,
              working_hours: `${u.work_start}-${u.work_end} local (${u.work_days})`,
              working_hours_utc: workIntervals(u, toMs(from), toMs(to)).map(([a, b]) => ({ start_at: fmt(a), end_at: fmt(b) })),
              busy: mergeIntervals(busy.events.map((e) => [toMs(e.start_at), toMs(e.end_at)] as Interval)).map(([a, b]) => ({ start_at: fmt(a), end_at: fmt(b) })),
              out_of_office: busy.ooo,
            };
          }),
        };
      },
    }),

    find_free_slots: tool({
      description:
        "Find times on one day (your time zone) when you and the given colleagues are all free: inside everyone's working hours, outside their non-declined busy meetings and out-of-office. Returns the common free windows (UTC) that fit the duration and the earliest slot. Errors if a colleague is unknown.",
      input: v.object({
        user_ids: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.maxLength(20), v.description("Colleagues who must attend (you are added automatically unless include_me is false)")),
        date: date("The day, 'YYYY-MM-DD' (in your time zone)"),
        duration_minutes: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(480), v.description("Meeting length in minutes")),
        include_me: flag("Include your own calendar and working hours (default true)", true),
        earliest: v.optional(v.pipe(v.string(), v.regex(HHMM, "use HH:MM"), v.description("Don't start before this time of day (HH:MM, your time zone)"))),
        latest: v.optional(v.pipe(v.string(), v.regex(HHMM, "use HH:MM"), v.description("Must end by this time of day (HH:MM, your time zone)"))),
      }),
      handler: ({ user_ids, date: day, duration_minutes, include_me, earliest, latest }, ctx) => {
        const db = ctx.db;
        normDate(day, "date");
        const me = getUser(db, ctx.userId);
        const ids_ = [...new Set([...(include_me ? [ctx.userId] : []), ...user_ids])];
        if (!ids_.length) throw new ToolError("give at least one colleague in user_ids");
        const off = me.utc_offset_minutes * MINUTE;
        const dayStart = toMs(`${day} 00:00:00`) - off;
        const dayEnd = dayStart + DAY;
        const nowRounded = Math.ceil(ctx.now.getTime() / (5 * MINUTE)) * 5 * MINUTE;
        let window: Interval[] = [[Math.max(dayStart + (earliest ? hm(earliest) * MINUTE : 0), nowRounded), dayStart + (latest ? hm(latest) * MINUTE : DAY)]];
        if (window[0]![1] <= window[0]![0]) window = [];
        const people = ids_.map((uid) => {
          const u = getUser(db, uid);
          if (!u.is_active) throw new ToolError(`${u.full_name} (user ${uid}) is no longer active at the company`);
          const work = workIntervals(u, dayStart, dayEnd);
          const busy = busyFor(db, uid, fmt(dayStart), fmt(dayEnd));
          const blocks: Interval[] = [...busy.events.map((e) => [toMs(e.start_at), toMs(e.end_at)] as Interval), ...busy.ooo.map((o) => [toMs(o.start_at), toMs(o.end_at)] as Interval)];
          window = subtract(intersect(window, work), blocks);
          return {
            user_id: u.id,
            name: u.full_name,
            timezone: u.timezone,
            working_hours_utc: work.map(([a, b]) => ({ start_at: fmt(a), end_at: fmt(b) })),
            out_of_office: busy.ooo.length > 0,
          };
        });
        const fits = window.filter(([a, b]) => b - a >= duration_minutes * MINUTE);
        return {
          date: day,
          duration_minutes,
          participants: people,
          free_windows: fits.map(([a, b]) => ({ start_at: fmt(a), end_at: fmt(b), minutes: (b - a) / MINUTE })),
          earliest_slot: fits.length ? { start_at: fmt(fits[0]![0]), end_at: fmt(fits[0]![0] + duration_minutes * MINUTE) } : null,
        };
      },
    }),

    // ----- rooms -----------------------------------------------------------
    search_rooms: tool({
      description:
        "Search meeting rooms by name, office, floor, minimum capacity and equipment (video, whiteboard, projector); with available_from and available_to, only rooms free for that whole time. Inactive rooms are left out unless include_inactive. Returns a page of rooms ordered from smallest to largest capacity.",
      input: v.object({
        query: v.optional(text("Text to match in the room name or notes"), ""),
        office: optText("Office, e.g. 'London' or 'Berlin'"),
        min_capacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Seats needed"))),
        floor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Only this floor"))),
        needs_video: flag("Only rooms with video conferencing", false),
        needs_whiteboard: flag("Only rooms with a whiteboard", false),
        needs_projector: flag("Only rooms with a projector", false),
        available_from: v.optional(dateTime("Free from this time ('YYYY-MM-DD HH:MM' UTC); needs available_to")),
        available_to: v.optional(dateTime("Free until this time; needs available_from")),
        include_inactive: flag("Include rooms closed for refurbishment (default false)", false),
        limit,
        offset,
      }),
      handler: (args, ctx) => {
        if ((args.available_from === undefined) !== (args.available_to === undefined)) throw new ToolError("give both available_from and available_to, or neither");
        const from = args.available_from !== undefined ? normDateTime(args.available_from, "available_from") : null;
        const to = args.available_to !== undefined ? normDateTime(args.available_to, "available_to") : null;
        if (from && to && to <= from) throw new ToolError("available_to must be after available_from");
        const where = `(name LIKE ? OR notes LIKE ?) AND (? IS NULL OR office LIKE ?) AND (? IS NULL OR capacity >= ?) AND (? IS NULL OR floor = ?)
          AND (? = 0 OR has_video = 1) AND (? = 0 OR has_whiteboard = 1) AND (? = 0 OR has_projector = 1) AND (? = 1 OR is_active = 1)
          AND (? IS NULL OR NOT EXISTS (SELECT 1 FROM room_bookings b WHERE b.room_id = rooms.id AND b.status = 'confirmed' AND b.start_at < ? AND b.end_at > ?))`;
        const q = like(args.query);
        const params = [
          q,
          q,
          args.office ?? null,
          args.office ? like(args.office) : null,
          args.min_capacity ?? null,
          args.min_capacity ?? null,
          args.floor ?? null,
          args.floor ?? null,
          args.needs_video ? 1 : 0,
          args.needs_whiteboard ? 1 : 0,
          args.needs_projector ? 1 : 0,
          args.include_inactive ? 1 : 0,
          from,
          to,
          from,
        ];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM rooms WHERE ${where}`, ...params)!.n;
        const rows = ctx.db.all<RoomRow>(`SELECT * FROM rooms WHERE ${where} ORDER BY capacity, name LIMIT ? OFFSET ?`, ...params, args.limit, args.offset);
        return page(
          rows.map((r) => ({ ...r, has_video: r.has_video === 1, has_whiteboard: r.has_whiteboard === 1, has_projector: r.has_projector === 1, is_active: r.is_active === 1 })),
          total,
          args.limit,
          args.offset,
        );
      },
    }),

    get_room_schedule: tool({
      description: "Get a room's details and its confirmed bookings on one day (UTC), with the meeting titles (private meetings show as 'Busy') and who booked them. Errors if the room does not exist.",
      input: v.object({
        room_id: id("The room (from search_rooms)"),
        date: date("The day, 'YYYY-MM-DD'"),
      }),
      handler: ({ room_id, date: day }, ctx) => {
        const room = ctx.db.get<RoomRow>("SELECT * FROM rooms WHERE id = ?", room_id);
        if (!room) throw new ToolError(`room ${room_id} not found`);
        const from = rangeFrom(day, "date");
        const to = rangeTo(day, "date");
        const bookings = ctx.db.all<{ booking_id: number; event_id: number; start_at: string; end_at: string; title: string; visibility: string; booked_by: string }>(
          `SELECT b.id AS booking_id, b.event_id, b.start_at, b.end_at, e.title, e.visibility, u.full_name AS booked_by
           FROM room_bookings b JOIN events e ON e.id = b.event_id JOIN users u ON u.id = b.booked_by
           WHERE b.room_id = ? AND b.status = 'confirmed' AND b.start_at < ? AND b.end_at > ? ORDER BY b.start_at`,
          room_id,
          to,
          from,
        );
        return {
          ...room,
          has_video: room.has_video === 1,
          has_whiteboard: room.has_whiteboard === 1,
          has_projector: room.has_projector === 1,
          is_active: room.is_active === 1,
          date: day,
          bookings: bookings.map((b) => ({ booking_id: b.booking_id, event_id: b.event_id, start_at: b.start_at, end_at: b.end_at, title: b.visibility === "private" ? "Busy" : b.title, booked_by: b.booked_by })),
        };
      },
    }),

    book_room: tool({
      description:
        "Book a room for an upcoming event you organize (or can edit) for the event's time, replacing the room it already has, if any. Rejects a room that is inactive, already booked then, or has fewer seats than the event's attendees (not counting those who declined). Returns the event's new room.",
      input: v.object({
        event_id: id("The event that needs the room"),
        room_id: id("The room to book (from search_rooms)"),
      }),
      handler: ({ event_id, room_id }, ctx) => {
        const db = ctx.db;
        const ev = requireEditable(db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "book a room");
        const room = usableRoom(db, room_id);
        const old = currentBooking(db, event_id);
        if (old && old.room_id === room_id) throw new ToolError(`'${ev.title}' is already in ${room.name}`);
        if (old) releaseBooking(db, ctx, old.id);
        const bookingId = bookRoomRow(db, ctx, room, ev);
        if (ev.location === "" || (old && ev.location === old.room_name)) db.run("UPDATE events SET location = ?, updated_at = ? WHERE id = ?", room.name, ctx.timestamp, event_id);
        return {
          booking_id: bookingId,
          event_id,
          title: ev.title,
          start_at: ev.start_at,
          end_at: ev.end_at,
          room: { id: room.id, name: room.name, floor: room.floor, capacity: room.capacity },
          attendees: headcount(db, event_id),
          replaced_room: old?.room_name ?? null,
        };
      },
    }),

    release_room: tool({
      description: "Release the room booked for an upcoming event you organize (or can edit), e.g. when moving it online. Errors if the event has no room. Returns the released booking.",
      input: v.object({ event_id: id("The event whose room to release") }),
      handler: ({ event_id }, ctx) => {
        const ev = requireEditable(ctx.db, ctx.userId, event_id);
        requireUpcoming(ev, ctx, "release its room");
        const b = currentBooking(ctx.db, event_id);
        if (!b) throw new ToolError(`'${ev.title}' (event ${event_id}) has no room booked`);
        releaseBooking(ctx.db, ctx, b.id);
        if (ev.location === b.room_name) ctx.db.run("UPDATE events SET location = '', updated_at = ? WHERE id = ?", ctx.timestamp, event_id);
        return { event_id, title: ev.title, released_room: b.room_name, booking_id: b.id };
      },
    }),

    // ----- reminders -------------------------------------------------------
    add_reminder: tool({
      description: "Add a reminder for yourself before an upcoming event you attend or organize (popup or email, N minutes before; 1440 = a day). Errors on a duplicate reminder. Returns the reminder.",
      input: v.object({
        event_id: id("The event"),
        minutes_before: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(40320), v.description("Minutes before the start (0-40320)")),
        method: v.optional(v.pipe(v.picklist(["popup", "email"]), v.description("How to remind you (default 'popup')")), "popup"),
      }),
      handler: ({ event_id, minutes_before, method }, ctx) => {
        const a = loadEvent(ctx.db, ctx.userId, event_id);
        if (!a.attendee && a.event.organizer_id !== ctx.userId) throw new ToolError(`you are not attending '${a.event.title}' (event ${event_id})`);
        requireUpcoming(a.event, ctx, "set a reminder");
        if (ctx.db.get("SELECT id FROM reminders WHERE event_id = ? AND user_id = ? AND minutes_before = ? AND method = ?", event_id, ctx.userId, minutes_before, method)) {
          throw new ToolError(`you already have a ${method} reminder ${minutes_before} minutes before '${a.event.title}'`);
        }
        const r = ctx.db.run("INSERT INTO reminders (event_id, user_id, minutes_before, method, created_at) VALUES (?, ?, ?, ?, ?)", event_id, ctx.userId, minutes_before, method, ctx.timestamp);
        return { id: r.lastInsertRowid, event_id, title: a.event.title, minutes_before, method, fires_at: fmt(toMs(a.event.start_at) - minutes_before * MINUTE) };
      },
    }),

    delete_reminder: tool({
      description: "Delete one of your reminders by id (ids are listed in get_event's my_reminders). Errors if it is not yours or does not exist.",
      input: v.object({ reminder_id: id("The reminder's id") }),
      handler: ({ reminder_id }, ctx) => {
        const r = ctx.db.get<{ id: number; event_id: number; minutes_before: number; method: string }>("SELECT * FROM reminders WHERE id = ? AND user_id = ?", reminder_id, ctx.userId);
        if (!r) throw new ToolError(`reminder ${reminder_id} not found`);
        ctx.db.run("DELETE FROM reminders WHERE id = ?", reminder_id);
        return { deleted: true, ...r };
      },
    }),

    // ----- out of office ---------------------------------------------------
    set_out_of_office: tool({
      description:
        "Set an out-of-office period for yourself with a message, from plain days ('YYYY-MM-DD', end day inclusive) or UTC times; with decline_invitations, every invitation from others overlapping it is declined with the message as comment (your own meetings are untouched). Errors if it overlaps another active out-of-office of yours. Returns the period and what was declined.",
      input: v.object({
        start: dateOrTime("First day 'YYYY-MM-DD' or start 'YYYY-MM-DD HH:MM' UTC"),
        end: dateOrTime("Last day 'YYYY-MM-DD' (inclusive) or end 'YYYY-MM-DD HH:MM' UTC"),
        message: name("Auto-reply message shown to people who invite you"),
        decline_invitations: flag("Also decline invitations during the period (default false)", false),
      }),
      handler: ({ start, end, message, decline_invitations }, ctx) => {
        const db = ctx.db;
        const from = rangeFrom(start, "start");
        const to = rangeTo(end, "end");
        if (to <= from) throw new ToolError("end must be after start");
        if (to <= ctx.timestamp) throw new ToolError("that period is already over");
        const clash = db.get<{ id: number; start_at: string; end_at: string }>(
          "SELECT id, start_at, end_at FROM out_of_office WHERE user_id = ? AND status = 'active' AND start_at < ? AND end_at > ?",
          ctx.userId,
          to,
          from,
        );
        if (clash) throw new ToolError(`overlaps your out-of-office ${clash.id} (${clash.start_at} to ${clash.end_at}); cancel it first`);
        const r = db.run(
          "INSERT INTO out_of_office (user_id, start_at, end_at, message, auto_decline, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
          ctx.userId,
          from,
          to,
          message,
          decline_invitations ? 1 : 0,
          ctx.timestamp,
        );
        const declined: { event_id: number; title: string; start_at: string }[] = [];
        if (decline_invitations) {
          const rows = db.all<{ attendee_id: number; event_id: number; title: string; start_at: string }>(
            `SELECT a.id AS attendee_id, e.id AS event_id, e.title, e.start_at FROM event_attendees a JOIN events e ON e.id = a.event_id
             WHERE a.user_id = ? AND e.organizer_id != ? AND e.status != 'cancelled' AND a.response_status != 'declined'
               AND e.start_at < ? AND e.end_at > ? AND e.end_at > ? ORDER BY e.start_at`,
            ctx.userId,
            ctx.userId,
            to,
            from,
            ctx.timestamp,
          );
          for (const row of rows) {
            db.run("UPDATE event_attendees SET response_status = 'declined', comment = ?, responded_at = ? WHERE id = ?", message, ctx.timestamp, row.attendee_id);
            declined.push({ event_id: row.event_id, title: row.title, start_at: row.start_at });
          }
        }
        return { out_of_office: db.get("SELECT * FROM out_of_office WHERE id = ?", r.lastInsertRowid), declined };
      },
    }),

    list_out_of_office: tool({
      description: "List out-of-office periods of yours or of a colleague (user_id). By default only current and upcoming active periods; include_past adds finished and cancelled ones. Returns a page.",
      input: v.object({
        user_id: optId("Whose periods (default: you)"),
        include_past: flag("Also include past and cancelled periods (default false)", false),
        limit,
        offset,
      }),
      handler: ({ user_id, include_past, limit: lim, offset: off }, ctx) => {
        const uid = user_id ?? ctx.userId;
        const u = getUser(ctx.db, uid);
        const where = "o.user_id = ? AND (? = 1 OR (o.status = 'active' AND o.end_at > ?))";
        const params = [uid, include_past ? 1 : 0, ctx.timestamp];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM out_of_office o WHERE ${where}`, ...params)!.n;
        const rows = ctx.db.all(`SELECT o.* FROM out_of_office o WHERE ${where} ORDER BY o.start_at LIMIT ? OFFSET ?`, ...params, lim, off);
        return { user: u.full_name, ...page(rows, total, lim, off) };
      },
    }),

    cancel_out_of_office: tool({
      description: "Cancel one of your out-of-office periods (responses already sent are not changed). Errors if it is not yours or already cancelled. Returns the period.",
      input: v.object({ out_of_office_id: id("The out-of-office period's id (from list_out_of_office)") }),
      handler: ({ out_of_office_id }, ctx) => {
        const o = ctx.db.get<{ id: number; status: string; end_at: string }>("SELECT * FROM out_of_office WHERE id = ? AND user_id = ?", out_of_office_id, ctx.userId);
        if (!o) throw new ToolError(`out-of-office ${out_of_office_id} not found`);
        if (o.status === "cancelled") throw new ToolError(`out-of-office ${out_of_office_id} is already cancelled`);
        if (o.end_at <= ctx.timestamp) throw new ToolError(`out-of-office ${out_of_office_id} is already over`);
        ctx.db.run("UPDATE out_of_office SET status = 'cancelled' WHERE id = ?", out_of_office_id);
        return ctx.db.get("SELECT * FROM out_of_office WHERE id = ?", out_of_office_id);
      },
    }),

    // ----- contacts --------------------------------------------------------
    search_contacts: tool({
      description: "Search your external contacts (people outside the company) by name, email, company or job title (case-insensitive partial match). Returns a page of contacts with ids usable as contact_ids when inviting.",
      input: v.object({
        query: v.optional(text("Text to match in name, email, company or job title"), ""),
        company: optText("Only contacts at this company"),
        limit,
        offset,
      }),
      handler: ({ query, company, limit: lim, offset: off }, ctx) => {
        const q = like(query);
        const where = "owner_id = ? AND (full_name LIKE ? OR email LIKE ? OR COALESCE(company, '') LIKE ? OR COALESCE(job_title, '') LIKE ?) AND (? IS NULL OR company LIKE ?)";
        const params = [ctx.userId, q, q, q, q, company ?? null, company ? like(company) : null];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM contacts WHERE ${where}`, ...params)!.n;
        const rows = ctx.db.all(`SELECT * FROM contacts WHERE ${where} ORDER BY full_name LIMIT ? OFFSET ?`, ...params, lim, off);
        return page(rows, total, lim, off);
      },
    }),

    create_contact: tool({
      description: "Add an external contact to your address book. Errors if you already have a contact with that email. Returns the contact.",
      input: v.object({
        full_name: name("Contact's full name"),
        email: v.pipe(v.string(), v.trim(), v.email("must be a valid email"), v.description("Contact's email address")),
        company: optText("Company"),
        job_title: optText("Job title"),
        phone: optText("Phone number"),
        notes: v.optional(text("Free-text notes"), ""),
      }),
      handler: ({ full_name, email, company, job_title, phone, notes }, ctx) => {
        const dup = ctx.db.get<{ id: number; full_name: string }>("SELECT id, full_name FROM contacts WHERE owner_id = ? AND lower(email) = lower(?)", ctx.userId, email);
        if (dup) throw new ToolError(`you already have a contact with email ${email}: ${dup.full_name} (contact ${dup.id})`);
        const r = ctx.db.run(
          "INSERT INTO contacts (owner_id, full_name, email, company, job_title, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ctx.userId,
          full_name,
          email.toLowerCase(),
          company ?? null,
          job_title ?? null,
          phone ?? null,
          notes,
          ctx.timestamp,
          ctx.timestamp,
        );
        return ctx.db.get("SELECT * FROM contacts WHERE id = ?", r.lastInsertRowid);
      },
    }),

    update_contact: tool({
      description: "Update one of your external contacts (name, email, company, job title, phone, notes). Errors if the contact is not yours, nothing was given, or the new email is used by another of your contacts. Returns the contact.",
      input: v.object({
        contact_id: id("The contact (from search_contacts)"),
        full_name: v.optional(name("New full name")),
        email: v.optional(v.pipe(v.string(), v.trim(), v.email("must be a valid email"), v.description("New email"))),
        company: optText("New company"),
        job_title: optText("New job title"),
        phone: optText("New phone number"),
        notes: optText("New notes (replaces the old ones)"),
      }),
      handler: ({ contact_id, full_name, email, company, job_title, phone, notes }, ctx) => {
        const c = ctx.db.get("SELECT id FROM contacts WHERE id = ? AND owner_id = ?", contact_id, ctx.userId);
        if (!c) throw new ToolError(`contact ${contact_id} not found`);
        if ([full_name, email, company, job_title, phone, notes].every((x) => x === undefined)) throw new ToolError("nothing to change");
        if (email !== undefined) {
          const dup = ctx.db.get("SELECT id FROM contacts WHERE owner_id = ? AND lower(email) = lower(?) AND id != ?", ctx.userId, email, contact_id);
          if (dup) throw new ToolError(`another of your contacts already uses ${email}`);
        }
        ctx.db.run(
          `UPDATE contacts SET full_name = COALESCE(?, full_name), email = COALESCE(?, email), company = COALESCE(?, company),
             job_title = COALESCE(?, job_title), phone = COALESCE(?, phone), notes = COALESCE(?, notes), updated_at = ? WHERE id = ?`,
          full_name ?? null,
          email?.toLowerCase() ?? null,
          company ?? null,
          job_title ?? null,
          phone ?? null,
          notes ?? null,
          ctx.timestamp,
          contact_id,
        );
        return ctx.db.get("SELECT * FROM contacts WHERE id = ?", contact_id);
      },
    }),

    // ----- agenda & notes --------------------------------------------------
    add_agenda_item: tool({
      description: "Append an agenda item to an upcoming event you attend or organize, optionally with an owner (a colleague) and a time box. Returns the item with its position.",
      input: v.object({
        event_id: id("The event"),
        title: name("Agenda item"),
        owner_user_id: optId("Colleague who leads this item"),
        duration_minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240), v.description("Time box in minutes (default 10)")), 10),
      }),
      handler: ({ event_id, title, owner_user_id, duration_minutes }, ctx) => {
        const a = loadEvent(ctx.db, ctx.userId, event_id);
        if (!a.attendee && !a.canEdit) throw new ToolError(`you are not attending '${a.event.title}' (event ${event_id})`);
        requireUpcoming(a.event, ctx, "change its agenda");
        if (owner_user_id !== undefined) activeUser(ctx.db, owner_user_id);
        const pos = ctx.db.get<{ p: number }>("SELECT COALESCE(MAX(position), 0) + 1 AS p FROM agenda_items WHERE event_id = ?", event_id)!.p;
        const r = ctx.db.run(
          "INSERT INTO agenda_items (event_id, position, title, owner_id, duration_minutes, is_done, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
          event_id,
          pos,
          title,
          owner_user_id ?? null,
          duration_minutes,
          ctx.timestamp,
        );
        return { id: r.lastInsertRowid, event_id, position: pos, title, owner_user_id: owner_user_id ?? null, duration_minutes };
      },
    }),

    add_event_note: tool({
      description: "Add a note (e.g. decisions, follow-ups) to an event you attend or organize, past or upcoming. Returns the note.",
      input: v.object({
        event_id: id("The event"),
        body: name("The note text"),
      }),
      handler: ({ event_id, body }, ctx) => {
        const a = loadEvent(ctx.db, ctx.userId, event_id);
        if (!a.attendee && !a.canEdit) throw new ToolError(`you are not attending '${a.event.title}' (event ${event_id})`);
        const r = ctx.db.run("INSERT INTO event_notes (event_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", event_id, ctx.userId, body, ctx.timestamp);
        return { id: r.lastInsertRowid, event_id, title: a.event.title, body, created_at: ctx.timestamp };
      },
    }),
  },
});
