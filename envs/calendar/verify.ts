import { defineVerifiers, grade } from "awm/envkit";
import type { SqlReader } from "awm/envkit";

const ME = 1;
const NOW = "2026-03-13 08:30:00";

interface Ev {
  id: number;
  calendar_id: number;
  organizer_id: number;
  title: string;
  start_at: string;
  end_at: string;
  status: string;
}

interface Att {
  id: number;
  event_id: number;
  user_id: number | null;
  contact_id: number | null;
  response_status: string;
}

function maxId(db: SqlReader, table: string): number {
  // Table names here are fixed literals from this file.
  return db.get<{ m: number | null }>(`SELECT MAX(id) AS m FROM ${table}`)!.m ?? 0;
}

/** Events created during the episode (ids above the seed's), optionally filtered by a title substring. */
function newEvents(v: { initial: SqlReader; final: SqlReader }, titleLike: string): Ev[] {
  return v.final.all<Ev>(
    "SELECT * FROM events WHERE id > ? AND organizer_id = ? AND lower(title) LIKE ? AND status != 'cancelled' ORDER BY id",
    maxId(v.initial, "events"),
    ME,
    `%${titleLike.toLowerCase()}%`,
  );
}

function attendees(db: SqlReader, eventId: number): Att[] {
  return db.all<Att>("SELECT id, event_id, user_id, contact_id, response_status FROM event_attendees WHERE event_id = ? ORDER BY id", eventId);
}

function sameSet(a: (number | null)[], b: number[]): boolean {
  const x = [...new Set(a.filter((n): n is number => n !== null))].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

function confirmedRoom(db: SqlReader, eventId: number) {
  return db.get<{ room_id: number; name: string; start_at: string; end_at: string }>(
    "SELECT b.room_id, r.name, b.start_at, b.end_at FROM room_bookings b JOIN rooms r ON r.id = b.room_id WHERE b.event_id = ? AND b.status = 'confirmed'",
    eventId,
  );
}

/** Event rows whose time or status differ between initial and final (ids from the seed only). */
function changedEvents(v: { initial: SqlReader; final: SqlReader }): number[] {
  const before = new Map(v.initial.all<Ev>("SELECT id, start_at, end_at, status FROM events").map((e) => [e.id, e]));
  const out: number[] = [];
  for (const e of v.final.all<Ev>("SELECT id, start_at, end_at, status FROM events")) {
    const b = before.get(e.id);
    if (b && (b.start_at !== e.start_at || b.end_at !== e.end_at || b.status !== e.status)) out.push(e.id);
  }
  for (const id of before.keys()) if (!v.final.get("SELECT id FROM events WHERE id = ?", id)) out.push(id);
  return out;
}

/** My invitations (events organized by others, not cancelled) overlapping [from, to). */
function myInvitations(db: SqlReader, from: string, to: string): Att[] {
  return db.all<Att>(
    `SELECT a.id, a.event_id, a.user_id, a.contact_id, a.response_status FROM event_attendees a JOIN events e ON e.id = a.event_id
     WHERE a.user_id = ? AND e.organizer_id != ? AND e.status != 'cancelled' AND e.start_at < ? AND e.end_at > ? ORDER BY a.id`,
    ME,
    ME,
    to,
    from,
  );
}

/** My attendee rows outside the given ids whose response changed or that disappeared. */
function otherResponsesChanged(v: { initial: SqlReader; final: SqlReader }, except: Set<number>): number[] {
  const out: number[] = [];
  for (const a of v.initial.all<Att>("SELECT id, response_status FROM event_attendees WHERE user_id = ?", ME)) {
    if (except.has(a.id)) continue;
    const f = v.final.get<Att>("SELECT response_status FROM event_attendees WHERE id = ?", a.id);
    if (!f || f.response_status !== a.response_status) out.push(a.id);
  }
  return out;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Whether text names the date of a 'YYYY-MM-DD HH:MM:SS' timestamp, in any common format. */
function mentionsDate(answer: string, ts: string): boolean {
  const a = answer.toLowerCase();
  const month = Number(ts.slice(5, 7));
  const day = Number(ts.slice(8, 10));
  if (a.includes(ts.slice(0, 10))) return true;
  const dayRe = new RegExp(`(^|[^0-9])0?${day}(st|nd|rd|th)?([^0-9]|$)`);
  const monthRe = new RegExp(`\\b${MONTHS[month - 1]}`);
  if (dayRe.test(a) && monthRe.test(a)) return true;
  const m2 = String(month).padStart(2, "0");
  const d2 = String(day).padStart(2, "0");
  return [`${day}/${month}`, `${d2}/${m2}`, `${month}/${day}`, `${m2}/${d2}`, `${day}.${month}.`, `${d2}.${m2}.`].some((s) => a.includes(s));
}

/** Whether text names the time of day of a timestamp, 24-hour ('14:00') or 12-hour ('2pm', '2:00 PM'). */
function mentionsTime(answer: string, ts: string): boolean {
  const a = answer.toLowerCase();
  const h = Number(ts.slice(11, 13));
  const m = ts.slice(14, 16);
  const h24 = new RegExp(`(^|[^0-9])0?${h}[:.h]${m}([^0-9]|$)`);
  if (h24.test(a)) return true;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? "a\\.?m\\.?" : "p\\.?m\\.?";
  const re12 = m === "00" ? new RegExp(`(^|[^0-9])${h12}(:00)?\\s*${suffix}`) : new RegExp(`(^|[^0-9])${h12}[:.]${m}\\s*${suffix}`);
  return re12.test(a);
}

export default defineVerifiers({
  // Move the Thursday 19 March occurrence of the Maya / Priya 1:1 to 15:00 and book the smallest free room for two (Effra).
  0: (v) => {
    const target = v.initial.get<Ev>("SELECT * FROM events WHERE series_id = 1 AND start_at LIKE '2026-03-19%'")!;
    const ev = v.final.get<Ev>("SELECT * FROM events WHERE id = ?", target.id);
    const moved = !!ev && ev.status !== "cancelled" && ev.start_at === "2026-03-19 15:00:00" && ev.end_at === "2026-03-19 15:30:00";
    const othersUntouched = changedEvents(v).every((id) => id === target.id);
    const priyaStill = attendees(v.final, target.id).some((a) => a.user_id === 2);
    const room = confirmedRoom(v.final, target.id);
    const roomOk = !!room && room.name === "Effra" && room.start_at === "2026-03-19 15:00:00" && room.end_at === "2026-03-19 15:30:00";
    return grade(
      { moved_to_3pm: moved && priyaStill, smallest_free_room_booked: roomOk, no_other_meetings_moved: moved && othersUntouched },
      { event_id: target.id, final_time: ev ? `${ev.start_at}-${ev.end_at}` : null, room: room?.name ?? null },
    );
  },

  // Decline every invitation from others on Monday 16 March; nothing else changes.
  1: (v) => {
    const expected = myInvitations(v.initial, "2026-03-16 00:00:00", "2026-03-17 00:00:00");
    const finals = expected.map((a) => v.final.get<Att>("SELECT response_status FROM event_attendees WHERE id = ?", a.id));
    const allDeclined = expected.length > 0 && finals.every((f) => f?.response_status === "declined");
    const changedOther = otherResponsesChanged(v, new Set(expected.map((a) => a.id)));
    const changed = changedEvents(v);
    return grade(
      { monday_invitations_declined: allDeclined, nothing_else_changed: allDeclined && changedOther.length === 0 && changed.length === 0 },
      { expected_events: expected.map((a) => a.event_id), other_responses_changed: changedOther, events_changed: changed },
    );
  },

  // Question: next meeting (not cancelled, not declined by me) the Design Team group is invited to.
  2: (v) => {
    const next = v.initial.get<Ev>(
      `SELECT e.* FROM events e WHERE e.status != 'cancelled' AND e.start_at > ?
         AND EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.user_id = ? AND a.response_status != 'declined')
         AND EXISTS (SELECT 1 FROM event_attendees a JOIN groups g ON g.id = a.via_group_id WHERE a.event_id = e.id AND g.name = 'Design Team')
       ORDER BY e.start_at LIMIT 1`,
      NOW,
      ME,
    )!;
    const answer = v.answer ?? "";
    return grade(
      { answer_has_date: mentionsDate(answer, next.start_at), answer_has_time: mentionsTime(answer, next.start_at) },
      { expected: next.start_at, title: next.title },
    );
  },

  // Create 'API versioning review' at the earliest common 45-minute slot on Tue 17 March: 13:00-13:45 UTC
  // (Maya 09:15-10:00, 11:00-11:30, 12:00-13:00 busy; Elena 10:00-11:30; Lukas 11:30-12:00 and a declined 13:00; all at 14:00).
  3: (v) => {
    const evs = newEvents(v, "api versioning");
    const ev = evs[0];
    const timeOk = !!ev && evs.length === 1 && ev.start_at === "2026-03-17 13:00:00" && ev.end_at === "2026-03-17 13:45:00";
    const att = ev ? attendees(v.final, ev.id) : [];
    const attOk = !!ev && att.every((a) => a.contact_id === null) && sameSet(att.map((a) => a.user_id), [ME, 8, 11]);
    return grade(
      { event_created: evs.length === 1 && ev!.calendar_id === 1, earliest_slot: timeOk, elena_and_lukas_invited: attOk },
      { created: evs.map((e) => `${e.id} ${e.title} ${e.start_at}-${e.end_at}`), attendees: att.map((a) => a.user_id ?? `contact ${a.contact_id}`) },
    );
  },

  // Aisha gets 'read' on Maya's Work calendar; Connor's share on it is removed; other shares untouched.
  4: (v) => {
    const work = v.initial.get<{ id: number }>("SELECT id FROM calendars WHERE owner_id = ? AND name = 'Work'", ME)!.id;
    const aisha = v.final.get<{ permission: string }>("SELECT permission FROM calendar_shares WHERE calendar_id = ? AND user_id = 10", work);
    const connor = v.final.get("SELECT id FROM calendar_shares WHERE calendar_id = ? AND user_id = 23", work);
    const key = (r: { calendar_id: number; user_id: number; permission: string }) => `${r.calendar_id}:${r.user_id}:${r.permission}`;
    const ignore = (r: { calendar_id: number; user_id: number }) => r.calendar_id === work && (r.user_id === 10 || r.user_id === 23);
    const before = v.initial.all<{ calendar_id: number; user_id: number; permission: string }>("SELECT calendar_id, user_id, permission FROM calendar_shares").filter((r) => !ignore(r)).map(key).sort();
    const after = v.final.all<{ calendar_id: number; user_id: number; permission: string }>("SELECT calendar_id, user_id, permission FROM calendar_shares").filter((r) => !ignore(r)).map(key).sort();
    const othersSame = before.length === after.length && before.every((k, i) => k === after[i]);
    const aishaOk = aisha?.permission === "read";
    return grade(
      { aisha_can_view_details: aishaOk, connor_removed: !connor, other_shares_untouched: aishaOk && !connor && othersSame },
      { aisha_permission: aisha?.permission ?? null },
    );
  },

  // Every upcoming Platform sync occurrence cancelled with its room released; past ones and other events untouched.
  5: (v) => {
    const series = v.initial.get<{ id: number }>("SELECT id FROM recurrence_series WHERE title = 'Platform sync' AND organizer_id = ?", ME)!.id;
    const upcoming = v.initial.all<Ev>("SELECT * FROM events WHERE series_id = ? AND start_at > ? ORDER BY start_at", series, NOW);
    const past = v.initial.all<Ev>("SELECT * FROM events WHERE series_id = ? AND start_at <= ?", series, NOW);
    const allCancelled = upcoming.length > 0 && upcoming.every((e) => v.final.get<Ev>("SELECT status FROM events WHERE id = ?", e.id)?.status === "cancelled");
    const roomsReleased = allCancelled && upcoming.every((e) => !confirmedRoom(v.final, e.id));
    const upcomingIds = new Set(upcoming.map((e) => e.id));
    const pastSame = past.every((e) => v.final.get<Ev>("SELECT status FROM events WHERE id = ?", e.id)?.status === e.status);
    const othersChanged = changedEvents(v).filter((id) => !upcomingIds.has(id));
    const nextCancelled = !!upcoming[0] && v.final.get<Ev>("SELECT status FROM events WHERE id = ?", upcoming[0].id)?.status === "cancelled";
    return grade(
      {
        next_occurrence_cancelled: nextCancelled,
        all_upcoming_occurrences_cancelled: allCancelled,
        rooms_released: roomsReleased,
        past_and_other_meetings_untouched: allCancelled && pastSame && othersChanged.length === 0,
      },
      { upcoming: [...upcomingIds], other_events_changed: othersChanged },
    );
  },

  // 'Loomly vendor demo' Fri 20 March 14:00-15:00 with contact Derek Hollis (Loomly, Maya's contact) and Tom Okafor,
  // in the smallest free room with video for 3: Walbrook (Tyburn is taken then, Effra and Counter's Creek have no video).
  6: (v) => {
    const evs = newEvents(v, "loomly");
    const ev = evs[0];
    const derek = v.initial.get<{ id: number }>("SELECT id FROM contacts WHERE owner_id = ? AND full_name = 'Derek Hollis'", ME)!.id;
    const att = ev ? attendees(v.final, ev.id) : [];
    const users = att.filter((a) => a.user_id !== null).map((a) => a.user_id);
    const contacts = att.filter((a) => a.contact_id !== null).map((a) => a.contact_id);
    const room = ev ? confirmedRoom(v.final, ev.id) : undefined;
    return grade(
      {
        demo_scheduled: evs.length === 1 && ev!.start_at === "2026-03-20 14:00:00" && ev!.end_at === "2026-03-20 15:00:00",
        right_attendees: !!ev && sameSet(users, [ME, 6]) && sameSet(contacts, [derek]),
        walbrook_booked: !!room && room.name === "Walbrook",
      },
      { created: evs.map((e) => `${e.id} ${e.title} ${e.start_at}-${e.end_at}`), room: room?.name ?? null, contacts, users },
    );
  },

  // Question: earliest common 30-minute slot on Wed 18 March with Daniel Kim (Los Angeles, 16:00-24:00 UTC):
  // 16:00-16:30 Maya busy, 16:30-17:00 Daniel busy, 17:00 Daniel's declined / Maya's cancelled meetings don't count -> 17:00.
  7: (v) => {
    const answer = v.answer ?? "";
    return grade({ answer_has_start_time: mentionsTime(answer, "2026-03-18 17:00:00") }, { expected: "17:00 (London = UTC)" });
  },

  // Omar and Chloe added to 'Customer advisory board prep' (Tue 17 March 15:00); room moved from Tyburn to Fleet
  // (6 people: Walbrook is taken, Fleet seats 8); the answer names Fleet.
  8: (v) => {
    const ev = v.initial.get<Ev>("SELECT * FROM events WHERE title = 'Customer advisory board prep' AND organizer_id = ?", ME)!;
    const fin = v.final.get<Ev>("SELECT * FROM events WHERE id = ?", ev.id);
    const before = attendees(v.initial, ev.id).map((a) => a.user_id);
    const after = attendees(v.final, ev.id).map((a) => a.user_id);
    const added = after.includes(13) && after.includes(16) && before.every((u) => after.includes(u)) && after.length === before.length + 2;
    const room = confirmedRoom(v.final, ev.id);
    const sameTime = !!fin && fin.status !== "cancelled" && fin.start_at === ev.start_at && fin.end_at === ev.end_at;
    const roomOk = !!room && room.name === "Fleet" && room.start_at === ev.start_at && room.end_at === ev.end_at && sameTime;
    return grade(
      { omar_and_chloe_added: added, moved_to_fleet: roomOk, answer_names_room: /\bfleet\b/i.test(v.answer ?? "") },
      { room: room?.name ?? null, attendees: after },
    );
  },

  // Out-of-office for 23-27 March with the message, and every invitation from others that week declined; nothing else.
  9: (v) => {
    const ooo = v.final.all<{ start_at: string; end_at: string; message: string; status: string }>(
      "SELECT * FROM out_of_office WHERE id > ? AND user_id = ? AND status = 'active'",
      maxId(v.initial, "out_of_office"),
      ME,
    );
    const o = ooo[0];
    const oooOk =
      ooo.length === 1 &&
      o!.start_at >= "2026-03-21 00:00:00" &&
      o!.start_at <= "2026-03-23 09:00:00" &&
      o!.end_at >= "2026-03-27 17:30:00" &&
      o!.end_at <= "2026-03-30 09:00:00" &&
      /annual leave/i.test(o!.message) &&
      /30 march|march 30/i.test(o!.message);
    const expected = myInvitations(v.initial, "2026-03-23 00:00:00", "2026-03-28 00:00:00");
    const allDeclined = expected.length > 0 && expected.every((a) => v.final.get<Att>("SELECT response_status FROM event_attendees WHERE id = ?", a.id)?.response_status === "declined");
    const changedOther = otherResponsesChanged(v, new Set(expected.map((a) => a.id)));
    const changed = changedEvents(v);
    return grade(
      { out_of_office_set: oooOk, week_invitations_declined: allDeclined, nothing_else_changed: allDeclined && changedOther.length === 0 && changed.length === 0 },
      { ooo: ooo.map((x) => `${x.start_at} -> ${x.end_at}: ${x.message}`), expected_events: expected.map((a) => a.event_id), other_responses_changed: changedOther, events_changed: changed },
    );
  },
});
