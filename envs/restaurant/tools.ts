import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-14"), v.description(what));
const TimeText = (what: string) => v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time like 19:30"), v.description(what));
const PartySize = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20), v.description(what));
const Stars = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description(what));

const SEATING = ["any", "indoor", "patio", "bar", "counter", "private_room"] as const;
const OCCASIONS = ["none", "birthday", "anniversary", "date_night", "business", "celebration"] as const;
const DIETARY = ["vegetarian", "vegan", "pescatarian", "gluten_free", "dairy_free", "nut_free", "halal"] as const;
const RES_STATUSES = ["booked", "seated", "completed", "cancelled", "no_show"] as const;
const WAITLIST_STATUSES = ["waiting", "notified", "booked", "expired", "cancelled"] as const;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const WEEK_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const DAY_NAMES: Record<string, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };
const SLOT_MINUTES = 15;
const REVIEW_POINTS = 50;
const REVIEW_WINDOW_DAYS = 60;

const Seating = (what: string) => v.pipe(v.picklist(SEATING), v.description(what));

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface RestaurantRow {
  id: number;
  name: string;
  cuisine: string;
  neighborhood_id: number;
  neighborhood: string;
  address: string;
  postcode: string;
  phone: string;
  description: string;
  price_level: number;
  rating: number;
  rating_count: number;
  turn_minutes: number;
  max_party_size: number;
  booking_window_days: number;
  cancellation_policy_id: number;
  status: string;
}
interface PolicyRow {
  id: number;
  name: string;
  free_cancel_hours: number;
  late_cancel_fee_pence_per_person: number;
  no_show_fee_pence_per_person: number;
  prepaid: number;
  description: string;
}
interface ExperienceRow {
  id: number;
  restaurant_id: number;
  name: string;
  description: string;
  price_pence_per_person: number;
  min_party: number;
  max_party: number;
  weekdays: string;
  first_seating: string;
  last_seating: string;
  duration_minutes: number;
  seating_area_kind: string | null;
  cancellation_policy_id: number;
  starts_on: string;
  ends_on: string;
  is_active: number;
}
interface ReservationRow {
  id: number;
  confirmation_code: string;
  user_id: number;
  restaurant_id: number;
  table_id: number;
  experience_id: number | null;
  party_size: number;
  starts_at: string;
  duration_minutes: number;
  seating_preference: string;
  occasion: string;
  special_requests: string | null;
  status: string;
  payment_method_id: number | null;
  cancellation_fee_pence: number;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}
interface FreeTable {
  id: number;
  label: string;
  min_capacity: number;
  max_capacity: number;
  area: string;
  area_kind: string;
}
interface ServiceRow {
  service: string;
  opens_at: string;
  last_seating: string;
  closes_at: string;
}

// ---------------------------------------------------------------------------
// Helpers: paging, money, dates
// ---------------------------------------------------------------------------

function pages<T>(all: T[], limit: number, offset: number) {
  const items = all.slice(offset, offset + limit);
  return { items, total: all.length, limit, offset, next_offset: offset + items.length < all.length ? offset + items.length : null };
}

function money(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return `${sign}£${Math.floor(abs / 100).toLocaleString("en-GB")}.${String(abs % 100).padStart(2, "0")}`;
}

function priceSymbols(level: number): string {
  return "£".repeat(level);
}

function checkDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new ToolError(`${date} is not a valid date`);
  return date;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function fromMinutes(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function tsDate(ts: string): Date {
  return new Date(`${ts.replace(" ", "T")}Z`);
}

function addMinutes(ts: string, minutes: number): string {
  return new Date(tsDate(ts).getTime() + minutes * 60000).toISOString().slice(0, 19).replace("T", " ");
}

function hoursBetween(fromTs: string, toTs: string): number {
  return (tsDate(toTs).getTime() - tsDate(fromTs).getTime()) / 3600000;
}

function whenText(ts: string): string {
  const date = ts.slice(0, 10);
  return `${DAY_NAMES[weekdayOf(date)]} ${date} at ${ts.slice(11, 16)}`;
}

/** A code from an id: unique per id (7919 is coprime with 36^5). */
function makeCode(prefix: string, id: number, mul: number, add: number): string {
  let n = (id * mul + add) % 36 ** 5;
  let s = "";
  for (let i = 0; i < 5; i++) {
    s = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 36] + s;
    n = Math.floor(n / 36);
  }
  return `${prefix}-${s}`;
}

function nextId(db: SqlDatabase, table: "reservations" | "reward_redemptions"): number {
  return db.get<{ n: number }>(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${table}`)!.n;
}

function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

function splitTags(tags: string): string[] {
  return tags ? tags.split(",").filter(Boolean) : [];
}

// ---------------------------------------------------------------------------
// Helpers: restaurants, availability
// ---------------------------------------------------------------------------

const RESTAURANT_SELECT = `SELECT r.id, r.name, r.cuisine, r.neighborhood_id, n.name AS neighborhood, r.address, r.postcode, r.phone, r.description,
  r.price_level, r.rating, r.rating_count, r.turn_minutes, r.max_party_size, r.booking_window_days, r.cancellation_policy_id, r.status
  FROM restaurants r JOIN neighborhoods n ON n.id = r.neighborhood_id`;

function getRestaurant(db: SqlDatabase, id: number): RestaurantRow {
  const r = db.get<RestaurantRow>(`${RESTAURANT_SELECT} WHERE r.id = ?`, id);
  if (!r) throw new ToolError(`restaurant ${id} not found`);
  return r;
}

function getPolicy(db: SqlDatabase, id: number): PolicyRow {
  return db.get<PolicyRow>("SELECT * FROM cancellation_policies WHERE id = ?", id)!;
}

function getExperience(db: SqlDatabase, id: number): ExperienceRow {
  const e = db.get<ExperienceRow>("SELECT * FROM experiences WHERE id = ?", id);
  if (!e) throw new ToolError(`experience ${id} not found`);
  return e;
}

function dietaryOptions(db: SqlDatabase, restaurantId: number): string[] {
  const rows = db.all<{ dietary_tags: string }>(
    "SELECT mi.dietary_tags FROM menu_items mi JOIN menus m ON m.id = mi.menu_id WHERE m.restaurant_id = ? AND m.is_active = 1 AND mi.is_available = 1",
    restaurantId,
  );
  const set = new Set<string>();
  for (const r of rows) for (const t of splitTags(r.dietary_tags)) set.add(t);
  return DIETARY.filter((t) => set.has(t));
}

function closureOn(db: SqlDatabase, restaurantId: number, date: string): string | null {
  return db.get<{ reason: string }>("SELECT reason FROM closures WHERE restaurant_id = ? AND date = ?", restaurantId, date)?.reason ?? null;
}

function servicesOn(db: SqlDatabase, restaurantId: number, date: string): ServiceRow[] {
  return db.all<ServiceRow>(
    "SELECT service, opens_at, last_seating, closes_at FROM opening_hours WHERE restaurant_id = ? AND weekday = ? ORDER BY opens_at",
    restaurantId,
    weekdayOf(date),
  );
}

function formatServices(services: ServiceRow[]): string {
  return services.map((s) => `${s.service} ${s.opens_at}-${s.last_seating} (last seating)`).join(", ");
}

function freeTables(db: SqlDatabase, restaurantId: number, start: string, duration: number, party: number, areaKind: string | null, excludeReservationId: number): FreeTable[] {
  const end = addMinutes(start, duration);
  return db.all<FreeTable>(
    `SELECT t.id, t.label, t.min_capacity, t.max_capacity, a.name AS area, a.kind AS area_kind
     FROM tables t JOIN dining_areas a ON a.id = t.area_id
     WHERE t.restaurant_id = ? AND t.is_active = 1 AND t.min_capacity <= ? AND t.max_capacity >= ? AND (? IS NULL OR a.kind = ?)
       AND NOT EXISTS (
         SELECT 1 FROM reservations x WHERE x.table_id = t.id AND x.status IN ('booked', 'seated') AND x.id <> ?
           AND x.starts_at < ? AND datetime(x.starts_at, '+' || x.duration_minutes || ' minutes') > ?)
     ORDER BY t.max_capacity, t.min_capacity DESC, t.id`,
    restaurantId,
    party,
    party,
    areaKind,
    areaKind,
    excludeReservationId,
    end,
    start,
  );
}

function areaKindFor(pref: string): string | null {
  return pref === "any" ? null : pref;
}

function experienceBlocker(e: ExperienceRow, date: string, time: string | null, party: number): string | null {
  if (!e.is_active) return `${e.name} is no longer offered`;
  if (date < e.starts_on || date > e.ends_on) return `${e.name} runs from ${e.starts_on} to ${e.ends_on}`;
  const days = e.weekdays.split(",");
  if (!days.includes(weekdayOf(date))) return `${e.name} is only served on ${days.map((d) => DAY_NAMES[d]).join(", ")}`;
  if (time !== null && (time < e.first_seating || time > e.last_seating)) return `${e.name} seatings start between ${e.first_seating} and ${e.last_seating}`;
  if (party < e.min_party || party > e.max_party) return `${e.name} is for parties of ${e.min_party} to ${e.max_party}`;
  return null;
}

interface SlotOptions {
  restaurant: RestaurantRow;
  date: string;
  party: number;
  areaKind: string | null;
  experience: ExperienceRow | null;
  excludeReservationId: number;
}

/** Every bookable start time that day (15-minute steps within each service), with the tables free at it. */
function daySlots(ctx: ToolContext, o: SlotOptions): { time: string; service: string; tables: FreeTable[] }[] {
  if (closureOn(ctx.db, o.restaurant.id, o.date)) return [];
  const duration = o.experience ? o.experience.duration_minutes : o.restaurant.turn_minutes;
  const out: { time: string; service: string; tables: FreeTable[] }[] = [];
  for (const s of servicesOn(ctx.db, o.restaurant.id, o.date)) {
    for (let m = toMinutes(s.opens_at); m <= toMinutes(s.last_seating); m += SLOT_MINUTES) {
      const time = fromMinutes(m);
      const start = `${o.date} ${time}:00`;
      if (start <= ctx.timestamp) continue;
      if (o.experience && (time < o.experience.first_seating || time > o.experience.last_seating)) continue;
      out.push({ time, service: s.service, tables: freeTables(ctx.db, o.restaurant.id, start, duration, o.party, o.areaKind, o.excludeReservationId) });
    }
  }
  return out;
}

/** Checks everything but table availability for a booking at date/time; returns the start timestamp. */
function checkBookable(ctx: ToolContext, r: RestaurantRow, date: string, time: string, party: number, experience: ExperienceRow | null): string {
  if (r.status !== "active") throw new ToolError(`${r.name} is temporarily closed and not taking bookings`);
  checkDate(date);
  const maxParty = experience ? Math.min(experience.max_party, r.max_party_size) : r.max_party_size;
  if (party > maxParty) throw new ToolError(`${r.name} takes online bookings for up to ${maxParty} guests; call ${r.phone} for larger groups`);
  const start = `${date} ${time}:00`;
  if (start <= ctx.timestamp) throw new ToolError(`${date} ${time} is in the past`);
  const lastDate = addDays(ctx.today, r.booking_window_days);
  if (date > lastDate) throw new ToolError(`${r.name} takes bookings up to ${r.booking_window_days} days ahead (until ${lastDate})`);
  const closed = closureOn(ctx.db, r.id, date);
  if (closed) throw new ToolError(`${r.name} is closed on ${date} (${closed})`);
  const services = servicesOn(ctx.db, r.id, date);
  if (services.length === 0) throw new ToolError(`${r.name} is closed on ${DAY_NAMES[weekdayOf(date)]}s`);
  if (toMinutes(time) % SLOT_MINUTES !== 0) throw new ToolError(`bookings start on the quarter hour (e.g. 19:00, 19:15, 19:30)`);
  if (!services.some((s) => time >= s.opens_at && time <= s.last_seating)) {
    throw new ToolError(`${r.name} does not seat at ${time} on ${DAY_NAMES[weekdayOf(date)]}s; bookable times: ${formatServices(services)}`);
  }
  if (experience) {
    if (experience.restaurant_id !== r.id) throw new ToolError(`experience ${experience.id} is not offered by ${r.name}`);
    const why = experienceBlocker(experience, date, time, party);
    if (why) throw new ToolError(why);
  }
  return start;
}

/** Picks a table, preferring `keepTableId`; throws with nearby free times if none. */
function pickTable(ctx: ToolContext, o: SlotOptions, time: string, keepTableId: number | null): FreeTable {
  const start = `${o.date} ${time}:00`;
  const duration = o.experience ? o.experience.duration_minutes : o.restaurant.turn_minutes;
  const free = freeTables(ctx.db, o.restaurant.id, start, duration, o.party, o.areaKind, o.excludeReservationId);
  if (free.length > 0) return free.find((t) => t.id === keepTableId) ?? free[0]!;
  const where = o.areaKind ? ` (${o.areaKind.replace("_", " ")} seating)` : "";
  const near = daySlots(ctx, o)
    .filter((s) => s.tables.length > 0 && Math.abs(toMinutes(s.time) - toMinutes(time)) <= 120)
    .map((s) => s.time);
  const fit = ctx.db.get<{ n: number; biggest: number | null }>(
    "SELECT count(*) AS n, MAX(t.max_capacity) AS biggest FROM tables t JOIN dining_areas a ON a.id = t.area_id WHERE t.restaurant_id = ? AND t.is_active = 1 AND (? IS NULL OR a.kind = ?)",
    o.restaurant.id,
    o.areaKind,
    o.areaKind,
  )!;
  if (o.areaKind !== null && fit.n === 0) throw new ToolError(`${o.restaurant.name} has no ${o.areaKind.replace("_", " ")} seating; choose another seating_preference or 'any'`);
  if (fit.biggest !== null && o.party > fit.biggest) {
    throw new ToolError(`${o.restaurant.name}'s ${o.areaKind ? `${o.areaKind.replace("_", " ")} ` : ""}tables seat at most ${fit.biggest}` + (o.areaKind ? "; choose another seating_preference or 'any'" : ""));
  }
  throw new ToolError(
    `no table for ${o.party}${where} at ${o.restaurant.name} at ${time} on ${o.date}` + (near.length ? `; free times within 2 hours: ${near.join(", ")}` : "; nothing free within 2 hours of that time"),
  );
}

function userConflict(ctx: ToolContext, start: string, duration: number, excludeId: number) {
  const end = addMinutes(start, duration);
  const c = ctx.db.get<{ id: number; name: string; starts_at: string }>(
    `SELECT x.id, r.name, x.starts_at FROM reservations x JOIN restaurants r ON r.id = x.restaurant_id
     WHERE x.user_id = ? AND x.status = 'booked' AND x.id <> ? AND x.starts_at < ? AND datetime(x.starts_at, '+' || x.duration_minutes || ' minutes') > ?`,
    ctx.userId,
    excludeId,
    end,
    start,
  );
  if (c) throw new ToolError(`you already have a booking at ${c.name} on ${whenText(c.starts_at)} (reservation ${c.id}) that overlaps this time; move or cancel it first`);
}

function cardName(db: SqlDatabase, id: number | null): string | null {
  if (id === null) return null;
  const pm = db.get<{ brand: string; last4: string }>("SELECT brand, last4 FROM payment_methods WHERE id = ?", id);
  return pm ? `${pm.brand} ending ${pm.last4}` : null;
}

/** The card to hold on a booking: the one given (must be usable), else the default card when one is required. */
function resolveCard(ctx: ToolContext, paymentMethodId: number | undefined, required: boolean): number | null {
  if (paymentMethodId !== undefined) {
    const pm = ctx.db.get<{ id: number; brand: string; last4: string; status: string; exp_month: number; exp_year: number }>(
      "SELECT * FROM payment_methods WHERE id = ? AND user_id = ? AND status <> 'removed'",
      paymentMethodId,
      ctx.userId,
    );
    if (!pm) throw new ToolError(`payment method ${paymentMethodId} not found`);
    const [year, month] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
    if (pm.status === "expired" || pm.exp_year < year || (pm.exp_year === year && pm.exp_month < month)) {
      throw new ToolError(`${pm.brand} ending ${pm.last4} has expired; choose another card (see list_payment_methods)`);
    }
    return pm.id;
  }
  if (!required) return null;
  const def = ctx.db.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND status = 'active' ORDER BY is_default DESC, id LIMIT 1", ctx.userId);
  if (!def) throw new ToolError("this booking needs a card on file; add a card first");
  return def.id;
}

function notify(ctx: ToolContext, kind: string, title: string, body: string, reservationId: number | null, waitlistId: number | null = null) {
  ctx.db.run(
    "INSERT INTO notifications (user_id, kind, title, body, reservation_id, waitlist_entry_id, is_read, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
    ctx.userId,
    kind,
    title,
    body,
    reservationId,
    waitlistId,
    ctx.timestamp,
  );
}

// ---------------------------------------------------------------------------
// Helpers: reservations
// ---------------------------------------------------------------------------

function getReservation(ctx: ToolContext, id: number): ReservationRow {
  const r = ctx.db.get<ReservationRow>("SELECT * FROM reservations WHERE id = ? AND user_id = ?", id, ctx.userId);
  if (!r) throw new ToolError(`reservation ${id} not found`);
  return r;
}

function assertChangeable(ctx: ToolContext, r: ReservationRow, restaurantName: string) {
  if (r.status !== "booked") throw new ToolError(`your ${restaurantName} reservation ${r.id} is ${r.status.replace("_", "-")} and can no longer be changed`);
  if (r.starts_at <= ctx.timestamp) throw new ToolError(`your ${restaurantName} reservation ${r.id} started at ${r.starts_at.slice(0, 16)}; it can no longer be changed`);
}

function reservationPolicy(ctx: ToolContext, r: ReservationRow): PolicyRow {
  if (r.experience_id !== null) {
    const e = ctx.db.get<{ cancellation_policy_id: number }>("SELECT cancellation_policy_id FROM experiences WHERE id = ?", r.experience_id);
    if (e) return getPolicy(ctx.db, e.cancellation_policy_id);
  }
  const rest = ctx.db.get<{ cancellation_policy_id: number }>("SELECT cancellation_policy_id FROM restaurants WHERE id = ?", r.restaurant_id)!;
  return getPolicy(ctx.db, rest.cancellation_policy_id);
}

function prepaidBalance(db: SqlDatabase, reservationId: number): number {
  return db.get<{ n: number }>(
    "SELECT COALESCE(SUM(CASE kind WHEN 'prepayment' THEN amount_pence WHEN 'refund' THEN -amount_pence ELSE 0 END), 0) AS n FROM payments WHERE reservation_id = ? AND status = 'succeeded'",
    reservationId,
  )!.n;
}

/** What cancelling now would cost, per the booking's policy. */
function cancellationTerms(ctx: ToolContext, r: ReservationRow) {
  const policy = reservationPolicy(ctx, r);
  const hours = hoursBetween(ctx.timestamp, r.starts_at);
  const deadline = addMinutes(r.starts_at, -policy.free_cancel_hours * 60);
  const late = hours < policy.free_cancel_hours;
  const prepaid = policy.prepaid === 1 ? prepaidBalance(ctx.db, r.id) : 0;
  const fee = policy.prepaid ? 0 : late ? policy.late_cancel_fee_pence_per_person * r.party_size : 0;
  const refund = policy.prepaid && !late ? prepaid : 0;
  const forfeited = policy.prepaid && late ? prepaid : 0;
  let summary: string;
  if (policy.prepaid) summary = late ? `Inside the ${policy.free_cancel_hours}-hour window: the ${money(prepaid)} prepayment is forfeited (no refund).` : `Full refund of ${money(prepaid)}.`;
  else summary = fee > 0 ? `Inside the ${policy.free_cancel_hours}-hour window: a late-cancellation fee of ${money(fee)} (${money(policy.late_cancel_fee_pence_per_person)} x ${r.party_size}) will be charged.` : "Free cancellation: no fee.";
  return {
    policy: policy.name,
    policy_description: policy.description,
    free_cancellation_until: deadline,
    hours_until_booking: Math.round(hours * 10) / 10,
    within_free_window: !late,
    fee_pence: fee,
    fee: money(fee),
    prepaid_pence: prepaid,
    refund_pence: refund,
    forfeited_pence: forfeited,
    summary,
  };
}

function reservationView(ctx: ToolContext, id: number) {
  const r = ctx.db.get<Record<string, unknown>>(
    `SELECT x.id AS reservation_id, x.confirmation_code, x.status, x.restaurant_id, r.name AS restaurant_name, r.cuisine, n.name AS neighborhood,
       r.address, r.phone, x.starts_at, x.duration_minutes, x.party_size, x.seating_preference, a.name AS seating_area, a.kind AS seating_area_kind,
       t.label AS table_label, x.occasion, x.special_requests, x.experience_id, e.name AS experience_name, x.payment_method_id,
       x.cancellation_fee_pence, x.created_at, x.updated_at, x.cancelled_at
     FROM reservations x JOIN restaurants r ON r.id = x.restaurant_id JOIN neighborhoods n ON n.id = r.neighborhood_id
     JOIN tables t ON t.id = x.table_id JOIN dining_areas a ON a.id = t.area_id LEFT JOIN experiences e ON e.id = x.experience_id
     WHERE x.id = ? AND x.user_id = ?`,
    id,
    ctx.userId,
  );
  if (!r) throw new ToolError(`reservation ${id} not found`);
  const starts = r.starts_at as string;
  return {
    ...r,
    date: starts.slice(0, 10),
    time: starts.slice(11, 16),
    weekday: DAY_NAMES[weekdayOf(starts.slice(0, 10))],
    ends_at: addMinutes(starts, r.duration_minutes as number),
    card_on_file: cardName(ctx.db, r.payment_method_id as number | null),
  };
}

const RES_LIST_SELECT = `SELECT x.id AS reservation_id, x.confirmation_code, x.status, x.restaurant_id, r.name AS restaurant_name, r.cuisine, n.name AS neighborhood,
  x.starts_at, substr(x.starts_at, 1, 10) AS date, substr(x.starts_at, 12, 5) AS time, x.party_size, a.kind AS seating_area_kind, x.occasion,
  x.special_requests, e.name AS experience_name, x.cancellation_fee_pence
  FROM reservations x JOIN restaurants r ON r.id = x.restaurant_id JOIN neighborhoods n ON n.id = r.neighborhood_id
  JOIN tables t ON t.id = x.table_id JOIN dining_areas a ON a.id = t.area_id LEFT JOIN experiences e ON e.id = x.experience_id`;

function loyaltyBalance(db: SqlDatabase, userId: number): number {
  return db.get<{ n: number }>("SELECT COALESCE(SUM(points), 0) AS n FROM loyalty_transactions WHERE user_id = ?", userId)!.n;
}

function getOwnList(ctx: ToolContext, listId: number) {
  const l = ctx.db.get<{ id: number; name: string; description: string | null; created_at: string; updated_at: string }>(
    "SELECT id, name, description, created_at, updated_at FROM saved_lists WHERE id = ? AND user_id = ?",
    listId,
    ctx.userId,
  );
  if (!l) throw new ToolError(`saved list ${listId} not found`);
  return l;
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- discovery -----
    search_restaurants: tool({
      description:
        "Search London restaurants by words in the name, cuisine or description, with filters for cuisine, neighbourhood, price level (1-4, £ to ££££), minimum rating, a dietary option on the menu, seating type, and being open at a date/time. Returns a page of restaurants (restaurant_id, cuisine, neighbourhood, price, rating, dietary options, seating kinds). Temporarily closed restaurants are left out unless include_closed is true.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match in name, cuisine or description, e.g. 'sushi' or 'Bistro Lune'. Empty matches all.")), ""),
        cuisine: v.optional(v.pipe(v.string(), v.description("Cuisine (partial, case-insensitive), e.g. 'Italian', 'Japanese'.")), ""),
        neighborhood: v.optional(v.pipe(v.string(), v.description("Neighbourhood name (partial), e.g. 'Soho', 'Covent Garden'.")), ""),
        min_price_level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4), v.description("Lowest price level, 1 (£) to 4 (££££)."))),
        max_price_level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4), v.description("Highest price level, 1 (£) to 4 (££££)."))),
        min_rating: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(5), v.description("Only restaurants rated at least this (0-5)."))),
        dietary: v.optional(v.pipe(v.picklist(DIETARY), v.description("Only restaurants with at least one available menu item carrying this dietary tag."))),
        seating: v.optional(v.pipe(v.picklist(["indoor", "patio", "bar", "counter", "private_room"]), v.description("Only restaurants with this kind of seating area."))),
        open_on: v.optional(DateText("Only restaurants open on this date (YYYY-MM-DD), honouring closures.")),
        open_at: v.optional(TimeText("With open_on: only restaurants taking seatings at this time (HH:MM, 24-hour).")),
        include_closed: v.optional(v.pipe(v.boolean(), v.description("Also list temporarily closed restaurants (default false).")), false),
        sort: v.optional(v.pipe(v.picklist(["rating", "name", "price_low", "price_high", "most_reviewed"]), v.description("Sort order (default rating, highest first).")), "rating"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number | null)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(r.name LIKE ? OR r.cuisine LIKE ? OR r.description LIKE ? OR n.name LIKE ?)");
          params.push(w, w, w, w);
        }
        if (a.cuisine.trim()) {
          where.push("r.cuisine LIKE ?");
          params.push(`%${a.cuisine.trim()}%`);
        }
        if (a.neighborhood.trim()) {
          where.push("(n.name LIKE ? OR n.area LIKE ?)");
          params.push(`%${a.neighborhood.trim()}%`, `%${a.neighborhood.trim()}%`);
        }
        if (a.min_price_level !== undefined) {
          where.push("r.price_level >= ?");
          params.push(a.min_price_level);
        }
        if (a.max_price_level !== undefined) {
          where.push("r.price_level <= ?");
          params.push(a.max_price_level);
        }
        if (a.min_rating !== undefined) {
          where.push("r.rating >= ?");
          params.push(a.min_rating);
        }
        if (a.dietary) {
          where.push(
            "EXISTS (SELECT 1 FROM menu_items mi JOIN menus m ON m.id = mi.menu_id WHERE m.restaurant_id = r.id AND m.is_active = 1 AND mi.is_available = 1 AND (',' || mi.dietary_tags || ',') LIKE ?)",
          );
          params.push(`%,${a.dietary},%`);
        }
        if (a.seating) {
          where.push("EXISTS (SELECT 1 FROM dining_areas da JOIN tables t ON t.area_id = da.id WHERE da.restaurant_id = r.id AND da.kind = ? AND t.is_active = 1)");
          params.push(a.seating);
        }
        if (a.open_at !== undefined && a.open_on === undefined) throw new ToolError("open_at needs open_on (the date) as well");
        if (a.open_on !== undefined) {
          checkDate(a.open_on);
          where.push("NOT EXISTS (SELECT 1 FROM closures c WHERE c.restaurant_id = r.id AND c.date = ?)");
          params.push(a.open_on);
          if (a.open_at !== undefined) {
            where.push("EXISTS (SELECT 1 FROM opening_hours oh WHERE oh.restaurant_id = r.id AND oh.weekday = ? AND oh.opens_at <= ? AND oh.last_seating >= ?)");
            params.push(weekdayOf(a.open_on), a.open_at, a.open_at);
          } else {
            where.push("EXISTS (SELECT 1 FROM opening_hours oh WHERE oh.restaurant_id = r.id AND oh.weekday = ?)");
            params.push(weekdayOf(a.open_on));
          }
        }
        if (!a.include_closed) where.push("r.status = 'active'");
        const from = `FROM restaurants r JOIN neighborhoods n ON n.id = r.neighborhood_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        const order = {
          rating: "r.rating DESC, r.rating_count DESC, r.name",
          name: "r.name",
          price_low: "r.price_level, r.rating DESC, r.name",
          price_high: "r.price_level DESC, r.rating DESC, r.name",
          most_reviewed: "r.rating_count DESC, r.name",
        }[a.sort];
        const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${from}`, ...params)!.n;
        const rows = ctx.db.all<Record<string, unknown>>(
          `SELECT r.id AS restaurant_id, r.name, r.cuisine, n.name AS neighborhood, r.price_level, r.rating, r.rating_count, r.status,
             (SELECT group_concat(DISTINCT da.kind) FROM dining_areas da JOIN tables t ON t.area_id = da.id WHERE da.restaurant_id = r.id AND t.is_active = 1) AS seating_kinds,
             EXISTS (SELECT 1 FROM favorites f WHERE f.restaurant_id = r.id AND f.user_id = ?) AS is_favorite
           ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
          ctx.userId,
          ...params,
          a.limit,
          a.offset,
        );
        const items = rows.map((r) => ({
          ...r,
          price: priceSymbols(r.price_level as number),
          seating_kinds: String(r.seating_kinds ?? "").split(",").filter(Boolean),
          dietary_options: dietaryOptions(ctx.db, r.restaurant_id as number),
          is_favorite: r.is_favorite === 1,
        }));
        const result = { items, total, limit: a.limit, offset: a.offset, next_offset: a.offset + items.length < total ? a.offset + items.length : null };
        return result;
      },
    }),

    list_neighborhoods: tool({
      description: "List the London neighbourhoods covered, with their wider area and how many open restaurants each has. Returns a page of neighbourhoods.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT n.id AS neighborhood_id, n.name, n.area,
             (SELECT count(*) FROM restaurants r WHERE r.neighborhood_id = n.id AND r.status = 'active') AS restaurant_count,
             (SELECT group_concat(DISTINCT r.cuisine) FROM restaurants r WHERE r.neighborhood_id = n.id AND r.status = 'active') AS cuisines
           FROM neighborhoods n ORDER BY n.name`,
          "SELECT count(*) AS n FROM neighborhoods",
          [],
          limit,
          offset,
        ),
    }),

    get_restaurant: tool({
      description:
        "Get one restaurant's full details: address, phone, price, rating, weekly opening hours with last seatings, upcoming closures, seating areas and table sizes, maximum online party size, cancellation policy, tasting experiences and dietary options. Errors if the restaurant does not exist.",
      input: v.object({ restaurant_id: Id("The restaurant's id (from search_restaurants).") }),
      handler: ({ restaurant_id }, ctx) => {
        const r = getRestaurant(ctx.db, restaurant_id);
        const hours = ctx.db.all<{ weekday: string } & ServiceRow>(
          "SELECT weekday, service, opens_at, last_seating, closes_at FROM opening_hours WHERE restaurant_id = ? ORDER BY opens_at",
          restaurant_id,
        );
        const policy = getPolicy(ctx.db, r.cancellation_policy_id);
        const areas = ctx.db.all<{ area_id: number; name: string; kind: string; tables: number; min_seats: number | null; max_seats: number | null }>(
          `SELECT a.id AS area_id, a.name, a.kind, count(t.id) AS tables, MIN(t.min_capacity) AS min_seats, MAX(t.max_capacity) AS max_seats
           FROM dining_areas a LEFT JOIN tables t ON t.area_id = a.id AND t.is_active = 1 WHERE a.restaurant_id = ? GROUP BY a.id ORDER BY a.id`,
          restaurant_id,
        );
        return {
          restaurant_id: r.id,
          name: r.name,
          cuisine: r.cuisine,
          neighborhood: r.neighborhood,
          address: `${r.address}, London ${r.postcode}`,
          phone: r.phone,
          description: r.description,
          price_level: r.price_level,
          price: priceSymbols(r.price_level),
          rating: r.rating,
          rating_count: r.rating_count,
          status: r.status,
          typical_visit_minutes: r.turn_minutes,
          max_party_size_online: r.max_party_size,
          books_up_to_days_ahead: r.booking_window_days,
          opening_hours: WEEK_ORDER.map((d) => ({
            weekday: DAY_NAMES[d],
            services: hours.filter((h) => h.weekday === d).map(({ service, opens_at, last_seating, closes_at }) => ({ service, opens_at, last_seating, closes_at })),
          })),
          upcoming_closures: ctx.db.all("SELECT date, reason FROM closures WHERE restaurant_id = ? AND date >= ? ORDER BY date", restaurant_id, ctx.today),
          seating_areas: areas.map((a) => ({ ...a, available: a.tables > 0 })),
          cancellation_policy: {
            name: policy.name,
            free_cancel_hours: policy.free_cancel_hours,
            late_cancel_fee_per_person: money(policy.late_cancel_fee_pence_per_person),
            no_show_fee_per_person: money(policy.no_show_fee_pence_per_person),
            card_required: policy.late_cancel_fee_pence_per_person > 0 || policy.no_show_fee_pence_per_person > 0,
            description: policy.description,
          },
          experiences: ctx.db.all(
            "SELECT id AS experience_id, name, price_pence_per_person, min_party, max_party, weekdays, first_seating, last_seating FROM experiences WHERE restaurant_id = ? AND is_active = 1 ORDER BY id",
            restaurant_id,
          ),
          dietary_options: dietaryOptions(ctx.db, restaurant_id),
          is_favorite: !!ctx.db.get("SELECT 1 FROM favorites WHERE user_id = ? AND restaurant_id = ?", ctx.userId, restaurant_id),
        };
      },
    }),

    get_menu: tool({
      description:
        "Get a restaurant's active menus (e.g. Lunch, Dinner, All Day) with each dish's section, description, price and dietary tags, optionally only one service or only dishes with a dietary tag. Errors if the restaurant does not exist.",
      input: v.object({
        restaurant_id: Id("The restaurant's id."),
        service: v.optional(v.pipe(v.picklist(["all_day", "brunch", "lunch", "dinner"]), v.description("Only menus for this service (all_day menus are always included)."))),
        dietary: v.optional(v.pipe(v.picklist(DIETARY), v.description("Only dishes carrying this dietary tag."))),
      }),
      handler: ({ restaurant_id, service, dietary }, ctx) => {
        const r = getRestaurant(ctx.db, restaurant_id);
        const menus = ctx.db.all<{ menu_id: number; name: string; service: string }>(
          "SELECT id AS menu_id, name, service FROM menus WHERE restaurant_id = ? AND is_active = 1 AND (? IS NULL OR service = ? OR service = 'all_day') ORDER BY id",
          restaurant_id,
          service ?? null,
          service ?? null,
        );
        return {
          restaurant_id,
          restaurant_name: r.name,
          menus: menus.map((m) => ({
            ...m,
            items: ctx.db
              .all<{ menu_item_id: number; section: string; name: string; description: string; price_pence: number; dietary_tags: string; is_available: number }>(
                "SELECT id AS menu_item_id, section, name, description, price_pence, dietary_tags, is_available FROM menu_items WHERE menu_id = ? ORDER BY id",
                m.menu_id,
              )
              .filter((i) => !dietary || splitTags(i.dietary_tags).includes(dietary))
              .map((i) => ({ ...i, price: money(i.price_pence), dietary_tags: splitTags(i.dietary_tags), is_available: i.is_available === 1 })),
          })),
        };
      },
    }),

    list_restaurant_reviews: tool({
      description: "List diners' reviews of one restaurant, newest first, optionally only those with at least a given star rating. Returns a page of reviews (reviewer, stars, food/service/ambience scores, text, visit date). Errors if the restaurant does not exist.",
      input: v.object({
        restaurant_id: Id("The restaurant's id."),
        min_rating: v.optional(Stars("Only reviews with at least this many stars (default 1)."), 1),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ restaurant_id, min_rating, limit, offset }, ctx) => {
        getRestaurant(ctx.db, restaurant_id);
        return page(
          ctx.db,
          `SELECT rv.id AS review_id, substr(u.full_name, 1, instr(u.full_name, ' ')) || substr(u.full_name, instr(u.full_name, ' ') + 1, 1) || '.' AS reviewer,
             rv.rating, rv.food_rating, rv.service_rating, rv.ambience_rating, rv.body, substr(x.starts_at, 1, 10) AS visit_date, rv.created_at
           FROM reviews rv JOIN users u ON u.id = rv.user_id JOIN reservations x ON x.id = rv.reservation_id
           WHERE rv.restaurant_id = ? AND rv.rating >= ? ORDER BY rv.created_at DESC, rv.id DESC`,
          "SELECT count(*) AS n FROM reviews WHERE restaurant_id = ? AND rating >= ?",
          [restaurant_id, min_rating],
          limit,
          offset,
        );
      },
    }),

    list_experiences: tool({
      description:
        "List prepaid tasting menus and other ticketed experiences (price per person, party limits, days and seating times), optionally for one restaurant, matching words, or offered on a given date. Book them with book_experience. Returns a page.",
      input: v.object({
        restaurant_id: v.optional(Id("Only this restaurant's experiences.")),
        query: v.optional(v.pipe(v.string(), v.description("Words to match in the experience or restaurant name, e.g. 'tasting'.")), ""),
        date: v.optional(DateText("Only experiences offered on this date (YYYY-MM-DD).")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        if (a.restaurant_id !== undefined) getRestaurant(ctx.db, a.restaurant_id);
        if (a.date !== undefined) checkDate(a.date);
        const where = ["e.is_active = 1", "r.status = 'active'"];
        const params: (string | number)[] = [];
        if (a.restaurant_id !== undefined) {
          where.push("e.restaurant_id = ?");
          params.push(a.restaurant_id);
        }
        for (const w of likeWords(a.query)) {
          where.push("(e.name LIKE ? OR e.description LIKE ? OR r.name LIKE ?)");
          params.push(w, w, w);
        }
        if (a.date !== undefined) {
          where.push("e.starts_on <= ? AND e.ends_on >= ? AND (',' || e.weekdays || ',') LIKE ?");
          params.push(a.date, a.date, `%,${weekdayOf(a.date)},%`);
        }
        const rows = ctx.db
          .all<Record<string, unknown>>(
            `SELECT e.id AS experience_id, e.name, e.restaurant_id, r.name AS restaurant_name, e.description, e.price_pence_per_person, e.min_party, e.max_party,
               e.weekdays, e.first_seating, e.last_seating, e.duration_minutes, e.seating_area_kind, e.starts_on, e.ends_on, p.name AS cancellation_policy
             FROM experiences e JOIN restaurants r ON r.id = e.restaurant_id JOIN cancellation_policies p ON p.id = e.cancellation_policy_id
             WHERE ${where.join(" AND ")} ORDER BY r.name, e.id`,
            ...params,
          )
          .map((e) => ({ ...e, price_per_person: money(e.price_pence_per_person as number), weekdays: String(e.weekdays).split(",").map((d) => DAY_NAMES[d]) }));
        return pages(rows, a.limit, a.offset);
      },
    }),

    // ----- availability and booking -----
    check_availability: tool({
      description:
        "List the start times a restaurant can seat a party on a date (15-minute steps within each service), optionally within a time window, in a seating area, or for a tasting experience. Returns the day's services and each free time with the seating kinds available; an empty list means fully booked (join_waitlist) or closed (see closed_reason). Errors if the restaurant is unknown or closed for refurbishment, the party is too large, or the date is outside the booking window.",
      input: v.object({
        restaurant_id: Id("The restaurant's id."),
        date: DateText("The date (YYYY-MM-DD)."),
        party_size: PartySize("Number of guests, 1-20."),
        time_from: v.optional(TimeText("Earliest start time to list (HH:MM, default the first seating).")),
        time_to: v.optional(TimeText("Latest start time to list (HH:MM, default the last seating).")),
        seating_preference: v.optional(Seating("Only times with a table in this kind of area (default any)."), "any"),
        experience_id: v.optional(Id("Check times for this tasting experience instead of a regular table.")),
      }),
      handler: (a, ctx) => {
        const r = getRestaurant(ctx.db, a.restaurant_id);
        const exp = a.experience_id !== undefined ? getExperience(ctx.db, a.experience_id) : null;
        if (exp && exp.restaurant_id !== r.id) throw new ToolError(`experience ${exp.id} is not offered by ${r.name}`);
        if (r.status !== "active") throw new ToolError(`${r.name} is temporarily closed and not taking bookings`);
        checkDate(a.date);
        const maxParty = exp ? Math.min(exp.max_party, r.max_party_size) : r.max_party_size;
        if (a.party_size > maxParty) throw new ToolError(`${r.name} takes online bookings for up to ${maxParty} guests; call ${r.phone} for larger groups`);
        if (a.date < ctx.today) throw new ToolError(`${a.date} is in the past`);
        const lastDate = addDays(ctx.today, r.booking_window_days);
        if (a.date > lastDate) throw new ToolError(`${r.name} takes bookings up to ${r.booking_window_days} days ahead (until ${lastDate})`);
        const services = servicesOn(ctx.db, r.id, a.date);
        const closure = closureOn(ctx.db, r.id, a.date);
        let closed: string | null = closure ? `closed on ${a.date}: ${closure}` : services.length === 0 ? `closed on ${DAY_NAMES[weekdayOf(a.date)]}s` : null;
        const expPref = exp?.seating_area_kind ?? null;
        const areaKind = expPref ?? areaKindFor(a.seating_preference);
        if (exp && !closed) {
          const why = experienceBlocker(exp, a.date, null, a.party_size);
          if (why) closed = why;
        }
        const all = closed ? [] : daySlots(ctx, { restaurant: r, date: a.date, party: a.party_size, areaKind, experience: exp, excludeReservationId: 0 });
        const inWindow = (t: string) => (a.time_from === undefined || t >= a.time_from) && (a.time_to === undefined || t <= a.time_to);
        const free = all.filter((s) => s.tables.length > 0);
        const slots = free
          .filter((s) => inWindow(s.time))
          .map((s) => ({ time: s.time, service: s.service, seating_kinds: [...new Set(s.tables.map((t) => t.area_kind))], tables_free: s.tables.length }));
        const windowed = a.time_from !== undefined || a.time_to !== undefined;
        return {
          restaurant_id: r.id,
          restaurant_name: r.name,
          date: a.date,
          weekday: DAY_NAMES[weekdayOf(a.date)],
          party_size: a.party_size,
          seating_preference: expPref ?? a.seating_preference,
          experience: exp ? { experience_id: exp.id, name: exp.name, duration_minutes: exp.duration_minutes, price_per_person: money(exp.price_pence_per_person) } : null,
          services,
          closed_reason: closed,
          available_times: slots,
          other_free_times_that_day: windowed ? free.filter((s) => !inWindow(s.time)).map((s) => s.time) : undefined,
          note: closed || slots.length > 0
            ? undefined
            : !services.some((s) => s.opens_at <= (a.time_to ?? "23:59") && s.last_seating >= (a.time_from ?? "00:00"))
              ? `${r.name} does not seat in the requested window on ${DAY_NAMES[weekdayOf(a.date)]}s; bookable times: ${formatServices(services)}`
              : all.length === 0
                ? "No bookable times are left that day."
                : "Fully booked for this party in the requested window; use join_waitlist to be notified if a table opens up.",
        };
      },
    }),

    book_reservation: tool({
      description:
        "Book a regular table for the current user at a restaurant, date and time, assigning the smallest free table that fits the party in the preferred seating area. A card is held on the booking when the restaurant's cancellation policy has fees (the default card unless payment_method_id is given). Returns the reservation with its confirmation code. Errors if the restaurant is closed then, the party is too large, no suitable table is free (nearby free times are listed), or the user already has an overlapping booking.",
      input: v.object({
        restaurant_id: Id("The restaurant's id."),
        date: DateText("The date (YYYY-MM-DD)."),
        time: TimeText("Start time (HH:MM, 24-hour, on the quarter hour)."),
        party_size: PartySize("Number of guests, 1-20."),
        seating_preference: v.optional(Seating("Seating area kind (default any)."), "any"),
        occasion: v.optional(v.pipe(v.picklist(OCCASIONS), v.description("The occasion, if any (default none).")), "none"),
        special_requests: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Notes for the restaurant, e.g. 'high chair please'."))),
        payment_method_id: v.optional(Id("Card to hold on the booking (from list_payment_methods); defaults to your default card when one is needed.")),
      }),
      handler: (a, ctx) => {
        const r = getRestaurant(ctx.db, a.restaurant_id);
        const start = checkBookable(ctx, r, a.date, a.time, a.party_size, null);
        const policy = getPolicy(ctx.db, r.cancellation_policy_id);
        const needsCard = policy.late_cancel_fee_pence_per_person > 0 || policy.no_show_fee_pence_per_person > 0;
        const card = resolveCard(ctx, a.payment_method_id, needsCard);
        const table = pickTable(ctx, { restaurant: r, date: a.date, party: a.party_size, areaKind: areaKindFor(a.seating_preference), experience: null, excludeReservationId: 0 }, a.time, null);
        userConflict(ctx, start, r.turn_minutes, 0);
        const id = nextId(ctx.db, "reservations");
        const code = makeCode("TH", id, 7919, 104729);
        ctx.db.run(
          `INSERT INTO reservations (id, confirmation_code, user_id, restaurant_id, table_id, experience_id, party_size, starts_at, duration_minutes, seating_preference,
             occasion, special_requests, status, payment_method_id, cancellation_fee_pence, created_at, updated_at, cancelled_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'booked', ?, 0, ?, ?, NULL)`,
          id, code, ctx.userId, r.id, table.id, a.party_size, start, r.turn_minutes, a.seating_preference, a.occasion, a.special_requests?.trim() || null, card, ctx.timestamp, ctx.timestamp,
        );
        ctx.db.run(
          "UPDATE waitlist_entries SET status = 'booked', updated_at = ? WHERE user_id = ? AND restaurant_id = ? AND date = ? AND status IN ('waiting', 'notified')",
          ctx.timestamp, ctx.userId, r.id, a.date,
        );
        notify(ctx, "booking_confirmed", `Booked: ${r.name}`, `Table for ${a.party_size} on ${whenText(start)}. Confirmation ${code}.`, id);
        return { ...reservationView(ctx, id), cancellation_policy: policy.description };
      },
    }),

    book_experience: tool({
      description:
        "Book a prepaid tasting experience (from list_experiences) for a date and seating time: reserves a table for the experience's duration and charges price x party size to the chosen card (default card if none given). Returns the reservation and the payment. Errors if the experience is not offered that day/time or for that party size, no table is free, the card is expired, or the user has an overlapping booking.",
      input: v.object({
        experience_id: Id("The experience's id (from list_experiences or get_restaurant)."),
        date: DateText("The date (YYYY-MM-DD)."),
        time: TimeText("Seating time (HH:MM, 24-hour, within the experience's seating times)."),
        party_size: PartySize("Number of guests (tickets), within the experience's party limits."),
        payment_method_id: v.optional(Id("Card to charge (from list_payment_methods); defaults to your default card.")),
        occasion: v.optional(v.pipe(v.picklist(OCCASIONS), v.description("The occasion, if any (default none).")), "none"),
        special_requests: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Notes for the restaurant, e.g. allergies."))),
      }),
      handler: (a, ctx) => {
        const exp = getExperience(ctx.db, a.experience_id);
        const r = getRestaurant(ctx.db, exp.restaurant_id);
        const start = checkBookable(ctx, r, a.date, a.time, a.party_size, exp);
        const card = resolveCard(ctx, a.payment_method_id, true)!;
        const pref = exp.seating_area_kind ?? "any";
        const table = pickTable(ctx, { restaurant: r, date: a.date, party: a.party_size, areaKind: exp.seating_area_kind, experience: exp, excludeReservationId: 0 }, a.time, null);
        userConflict(ctx, start, exp.duration_minutes, 0);
        const id = nextId(ctx.db, "reservations");
        const code = makeCode("TH", id, 7919, 104729);
        const total = exp.price_pence_per_person * a.party_size;
        ctx.db.run(
          `INSERT INTO reservations (id, confirmation_code, user_id, restaurant_id, table_id, experience_id, party_size, starts_at, duration_minutes, seating_preference,
             occasion, special_requests, status, payment_method_id, cancellation_fee_pence, created_at, updated_at, cancelled_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, 0, ?, ?, NULL)`,
          id, code, ctx.userId, r.id, table.id, exp.id, a.party_size, start, exp.duration_minutes, pref, a.occasion, a.special_requests?.trim() || null, card, ctx.timestamp, ctx.timestamp,
        );
        const payId = ctx.db.run(
          "INSERT INTO payments (user_id, reservation_id, payment_method_id, kind, amount_pence, status, created_at) VALUES (?, ?, ?, 'prepayment', ?, 'succeeded', ?)",
          ctx.userId, id, card, total, ctx.timestamp,
        ).lastInsertRowid;
        notify(ctx, "booking_confirmed", `Booked: ${exp.name} at ${r.name}`, `${a.party_size} tickets on ${whenText(start)}, ${money(total)} charged. Confirmation ${code}.`, id);
        return {
          ...reservationView(ctx, id),
          payment: { payment_id: payId, kind: "prepayment", amount_pence: total, amount: money(total), card: cardName(ctx.db, card) },
          cancellation_policy: getPolicy(ctx.db, exp.cancellation_policy_id).description,
        };
      },
    }),

    list_reservations: tool({
      description:
        "List the current user's reservations. scope 'upcoming' (default) gives booked future visits soonest first; 'past' gives everything else (completed, cancelled, no-show, or already started) newest first; 'all' gives both. Filter by restaurant name, status or date range. Returns a page of reservations with reservation_id, restaurant, cuisine, date, time, party size and status.",
      input: v.object({
        scope: v.optional(v.pipe(v.picklist(["upcoming", "past", "all"]), v.description("Which reservations (default upcoming).")), "upcoming"),
        restaurant: v.optional(v.pipe(v.string(), v.description("Restaurant name or cuisine (partial), e.g. 'Lune' or 'sushi'.")), ""),
        status: v.optional(v.pipe(v.picklist(RES_STATUSES), v.description("Only this status."))),
        date_from: v.optional(DateText("Only visits on or after this date (YYYY-MM-DD).")),
        date_to: v.optional(DateText("Only visits on or before this date (YYYY-MM-DD).")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["x.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.scope === "upcoming") {
          where.push("x.status = 'booked' AND x.starts_at > ?");
          params.push(ctx.timestamp);
        } else if (a.scope === "past") {
          where.push("NOT (x.status = 'booked' AND x.starts_at > ?)");
          params.push(ctx.timestamp);
        }
        for (const w of likeWords(a.restaurant)) {
          where.push("(r.name LIKE ? OR r.cuisine LIKE ? OR r.description LIKE ?)");
          params.push(w, w, w);
        }
        if (a.status) {
          where.push("x.status = ?");
          params.push(a.status);
        }
        if (a.date_from) {
          where.push("x.starts_at >= ?");
          params.push(`${checkDate(a.date_from)} 00:00:00`);
        }
        if (a.date_to) {
          where.push("x.starts_at <= ?");
          params.push(`${checkDate(a.date_to)} 23:59:59`);
        }
        const w = where.join(" AND ");
        const result = page(
          ctx.db,
          `${RES_LIST_SELECT} WHERE ${w} ORDER BY x.starts_at ${a.scope === "upcoming" ? "ASC" : "DESC"}, x.id`,
          `SELECT count(*) AS n FROM reservations x JOIN restaurants r ON r.id = x.restaurant_id WHERE ${w}`,
          params,
          a.limit,
          a.offset,
        );
        result.items = (result.items as Record<string, unknown>[]).map((x) => ({ ...x, weekday: DAY_NAMES[weekdayOf(x.date as string)] }));
        return result;
      },
    }),

    get_reservation: tool({
      description:
        "Get one of the current user's reservations in full: restaurant, date and time, party, seating area and table, occasion, special requests, experience, card on file, payments, applied rewards, and what cancelling right now would cost. Errors if the reservation is not the user's.",
      input: v.object({ reservation_id: Id("The reservation's id (from list_reservations).") }),
      handler: ({ reservation_id }, ctx) => {
        const view = reservationView(ctx, reservation_id);
        const r = getReservation(ctx, reservation_id);
        const changeable = r.status === "booked" && r.starts_at > ctx.timestamp;
        return {
          ...view,
          can_modify_or_cancel: changeable,
          cancellation_if_cancelled_now: changeable ? cancellationTerms(ctx, r) : null,
          payments: ctx.db
            .all<{ payment_id: number; kind: string; amount_pence: number; status: string; payment_method_id: number; created_at: string }>(
              "SELECT id AS payment_id, kind, amount_pence, status, payment_method_id, created_at FROM payments WHERE reservation_id = ? ORDER BY id",
              reservation_id,
            )
            .map((p) => ({ ...p, amount: money(p.amount_pence), card: cardName(ctx.db, p.payment_method_id) })),
          rewards: ctx.db.all(
            "SELECT rr.id AS redemption_id, rr.code, w.name AS reward, rr.points_spent, rr.status FROM reward_redemptions rr JOIN rewards w ON w.id = rr.reward_id WHERE rr.reservation_id = ? ORDER BY rr.id",
            reservation_id,
          ),
          review_id: ctx.db.get<{ id: number }>("SELECT id FROM reviews WHERE reservation_id = ?", reservation_id)?.id ?? null,
        };
      },
    }),

    modify_reservation: tool({
      description:
        "Change the date, time, party size and/or seating preference of one of the user's upcoming bookings, re-checking opening hours, party limits and table availability (the current table is kept when it still fits and is free). Fields left out stay as they are. Returns the updated reservation. Errors if the booking is not upcoming, nothing changes, no table fits at the new time (free times nearby are listed), or a prepaid experience's party size would change.",
      input: v.object({
        reservation_id: Id("The reservation's id."),
        date: v.optional(DateText("New date (YYYY-MM-DD).")),
        time: v.optional(TimeText("New start time (HH:MM, 24-hour).")),
        party_size: v.optional(PartySize("New number of guests.")),
        seating_preference: v.optional(Seating("New seating area kind; 'any' drops the preference.")),
      }),
      handler: (a, ctx) => {
        const cur = getReservation(ctx, a.reservation_id);
        const r = getRestaurant(ctx.db, cur.restaurant_id);
        assertChangeable(ctx, cur, r.name);
        const date = a.date ?? cur.starts_at.slice(0, 10);
        const time = a.time ?? cur.starts_at.slice(11, 16);
        const party = a.party_size ?? cur.party_size;
        const pref = a.seating_preference ?? cur.seating_preference;
        if (`${date} ${time}:00` === cur.starts_at && party === cur.party_size && pref === cur.seating_preference) throw new ToolError("nothing to change: give a new date, time, party size or seating preference");
        const exp = cur.experience_id !== null ? getExperience(ctx.db, cur.experience_id) : null;
        if (exp && party !== cur.party_size) throw new ToolError(`${exp.name} tickets are prepaid for ${cur.party_size}; cancel and rebook to change the party size`);
        const start = checkBookable(ctx, r, date, time, party, exp);
        const areaKind = exp?.seating_area_kind ?? areaKindFor(pref);
        const table = pickTable(ctx, { restaurant: r, date, party, areaKind, experience: exp, excludeReservationId: cur.id }, time, cur.table_id);
        userConflict(ctx, start, cur.duration_minutes, cur.id);
        ctx.db.run(
          "UPDATE reservations SET starts_at = ?, party_size = ?, seating_preference = ?, table_id = ?, updated_at = ? WHERE id = ?",
          start, party, pref, table.id, ctx.timestamp, cur.id,
        );
        notify(ctx, "booking_modified", `Updated: ${r.name}`, `Now a table for ${party} on ${whenText(start)}.`, cur.id);
        return {
          ...reservationView(ctx, cur.id),
          previous: { starts_at: cur.starts_at, party_size: cur.party_size, seating_preference: cur.seating_preference },
        };
      },
    }),

    preview_cancellation: tool({
      description:
        "Show what cancelling one of the user's upcoming bookings right now would cost under its cancellation policy: the free-cancellation deadline, any late fee, and any prepaid refund or forfeit. Changes nothing. Errors if the booking is not the user's or is not upcoming.",
      input: v.object({ reservation_id: Id("The reservation's id.") }),
      handler: ({ reservation_id }, ctx) => {
        const r = getReservation(ctx, reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        assertChangeable(ctx, r, name);
        return { reservation_id, restaurant_name: name, starts_at: r.starts_at, party_size: r.party_size, card_on_file: cardName(ctx.db, r.payment_method_id), ...cancellationTerms(ctx, r) };
      },
    }),

    cancel_reservation: tool({
      description:
        "Cancel one of the user's upcoming bookings. Inside the policy's free-cancellation window a late fee (per person) is charged to the card on the booking, or a prepaid experience's payment is forfeited; outside it, prepaid tickets are refunded in full. Rewards applied to the booking are cancelled and their points returned. Returns the fee, refund and what happened. Errors if the booking is not the user's or is not upcoming.",
      input: v.object({ reservation_id: Id("The reservation's id.") }),
      handler: ({ reservation_id }, ctx) => {
        const r = getReservation(ctx, reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        assertChangeable(ctx, r, name);
        const terms = cancellationTerms(ctx, r);
        let feeCard: number | null = null;
        if (terms.fee_pence > 0) {
          feeCard = r.payment_method_id ?? resolveCard(ctx, undefined, true);
          ctx.db.run(
            "INSERT INTO payments (user_id, reservation_id, payment_method_id, kind, amount_pence, status, created_at) VALUES (?, ?, ?, 'cancellation_fee', ?, 'succeeded', ?)",
            ctx.userId, r.id, feeCard, terms.fee_pence, ctx.timestamp,
          );
        }
        if (terms.refund_pence > 0) {
          const payCard = ctx.db.get<{ payment_method_id: number }>("SELECT payment_method_id FROM payments WHERE reservation_id = ? AND kind = 'prepayment' ORDER BY id LIMIT 1", r.id)!.payment_method_id;
          ctx.db.run(
            "INSERT INTO payments (user_id, reservation_id, payment_method_id, kind, amount_pence, status, created_at) VALUES (?, ?, ?, 'refund', ?, 'succeeded', ?)",
            ctx.userId, r.id, payCard, terms.refund_pence, ctx.timestamp,
          );
        }
        const charged = terms.fee_pence + terms.forfeited_pence;
        ctx.db.run(
          "UPDATE reservations SET status = 'cancelled', cancelled_at = ?, updated_at = ?, cancellation_fee_pence = ? WHERE id = ?",
          ctx.timestamp, ctx.timestamp, charged, r.id,
        );
        const redemptions = ctx.db.all<{ id: number; points_spent: number; reward: string }>(
          "SELECT rr.id, rr.points_spent, w.name AS reward FROM reward_redemptions rr JOIN rewards w ON w.id = rr.reward_id WHERE rr.reservation_id = ? AND rr.status = 'reserved'",
          r.id,
        );
        for (const rd of redemptions) {
          ctx.db.run("UPDATE reward_redemptions SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, rd.id);
          ctx.db.run(
            "INSERT INTO loyalty_transactions (user_id, kind, points, reservation_id, redemption_id, description, created_at) VALUES (?, 'refund', ?, ?, ?, ?, ?)",
            ctx.userId, rd.points_spent, r.id, rd.id, `Returned: ${rd.reward} (booking cancelled)`, ctx.timestamp,
          );
        }
        const body = terms.fee_pence > 0
          ? `Cancelled inside the ${terms.policy} window; a ${money(terms.fee_pence)} fee was charged to ${cardName(ctx.db, feeCard)}.`
          : terms.refund_pence > 0
            ? `Cancelled; ${money(terms.refund_pence)} will be refunded.`
            : terms.forfeited_pence > 0
              ? `Cancelled; the ${money(terms.forfeited_pence)} prepayment was forfeited.`
              : "Cancelled free of charge.";
        notify(ctx, "booking_cancelled", `Cancelled: ${name}`, `Your booking on ${whenText(r.starts_at)}. ${body}`, r.id);
        return {
          reservation_id: r.id,
          confirmation_code: r.confirmation_code,
          restaurant_name: name,
          starts_at: r.starts_at,
          status: "cancelled",
          fee_charged_pence: terms.fee_pence,
          fee_charged: money(terms.fee_pence),
          fee_card: cardName(ctx.db, feeCard),
          refund_pence: terms.refund_pence,
          forfeited_pence: terms.forfeited_pence,
          points_returned: redemptions.reduce((n, x) => n + x.points_spent, 0),
          summary: body,
        };
      },
    }),

    add_special_request: tool({
      description: "Add a note for the restaurant to one of the user's upcoming bookings (appended to any existing requests), e.g. 'quiet table please' or 'one guest is coeliac'. Returns the booking's requests. Errors if the booking is not upcoming.",
      input: v.object({
        reservation_id: Id("The reservation's id."),
        request: v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.description("The request to add.")),
      }),
      handler: ({ reservation_id, request }, ctx) => {
        const r = getReservation(ctx, reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        assertChangeable(ctx, r, name);
        const text = request.trim();
        if (!text) throw new ToolError("the request is empty");
        const combined = r.special_requests ? `${r.special_requests}; ${text}` : text;
        if (combined.length > 1000) throw new ToolError("special requests are limited to 1000 characters in total");
        ctx.db.run("UPDATE reservations SET special_requests = ?, updated_at = ? WHERE id = ?", combined, ctx.timestamp, r.id);
        return { reservation_id: r.id, restaurant_name: name, starts_at: r.starts_at, special_requests: combined };
      },
    }),

    set_occasion: tool({
      description: "Set the occasion on one of the user's upcoming bookings (birthday, anniversary, date night, business, celebration, or none) so the restaurant can prepare. Returns the booking's occasion. Errors if the booking is not upcoming.",
      input: v.object({
        reservation_id: Id("The reservation's id."),
        occasion: v.pipe(v.picklist(OCCASIONS), v.description("The occasion.")),
      }),
      handler: ({ reservation_id, occasion }, ctx) => {
        const r = getReservation(ctx, reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        assertChangeable(ctx, r, name);
        if (r.occasion === occasion) throw new ToolError(`the occasion is already ${occasion}`);
        ctx.db.run("UPDATE reservations SET occasion = ?, updated_at = ? WHERE id = ?", occasion, ctx.timestamp, r.id);
        return { reservation_id: r.id, restaurant_name: name, starts_at: r.starts_at, occasion, previous_occasion: r.occasion };
      },
    }),

    // ----- waitlist -----
    join_waitlist: tool({
      description:
        "Join a restaurant's waitlist for a date, party size and window of start times when no table is free, to be notified if one opens up. Returns the waitlist entry. Errors if a table is actually free in that window (book it instead; the free times are listed), the restaurant does not seat in that window, or the user is already waiting there that day.",
      input: v.object({
        restaurant_id: Id("The restaurant's id."),
        date: DateText("The date (YYYY-MM-DD)."),
        party_size: PartySize("Number of guests."),
        earliest_time: TimeText("Earliest acceptable start time (HH:MM)."),
        latest_time: TimeText("Latest acceptable start time (HH:MM)."),
        seating_preference: v.optional(Seating("Seating area kind (default any)."), "any"),
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("A note for the restaurant (optional)."))),
      }),
      handler: (a, ctx) => {
        const r = getRestaurant(ctx.db, a.restaurant_id);
        if (r.status !== "active") throw new ToolError(`${r.name} is temporarily closed`);
        checkDate(a.date);
        if (a.earliest_time > a.latest_time) throw new ToolError("earliest_time must not be after latest_time");
        if (a.party_size > r.max_party_size) throw new ToolError(`${r.name} takes online bookings for up to ${r.max_party_size} guests; call ${r.phone}`);
        if (`${a.date} ${a.latest_time}:00` <= ctx.timestamp) throw new ToolError("that window has already passed");
        const lastDate = addDays(ctx.today, r.booking_window_days);
        if (a.date > lastDate) throw new ToolError(`${r.name} takes bookings up to ${r.booking_window_days} days ahead (until ${lastDate})`);
        const closed = closureOn(ctx.db, r.id, a.date);
        if (closed) throw new ToolError(`${r.name} is closed on ${a.date} (${closed})`);
        const services = servicesOn(ctx.db, r.id, a.date);
        if (!services.some((s) => s.opens_at <= a.latest_time && s.last_seating >= a.earliest_time)) {
          throw new ToolError(`${r.name} does not seat between ${a.earliest_time} and ${a.latest_time} on ${DAY_NAMES[weekdayOf(a.date)]}s` + (services.length ? `; bookable times: ${formatServices(services)}` : ""));
        }
        const areaKind = areaKindFor(a.seating_preference);
        const free = daySlots(ctx, { restaurant: r, date: a.date, party: a.party_size, areaKind, experience: null, excludeReservationId: 0 })
          .filter((s) => s.tables.length > 0 && s.time >= a.earliest_time && s.time <= a.latest_time)
          .map((s) => s.time);
        if (free.length > 0) throw new ToolError(`${r.name} has tables free for ${a.party_size} at ${free.join(", ")}; book one with book_reservation instead of joining the waitlist`);
        const dup = ctx.db.get<{ id: number }>(
          "SELECT id FROM waitlist_entries WHERE user_id = ? AND restaurant_id = ? AND date = ? AND status IN ('waiting', 'notified')",
          ctx.userId, r.id, a.date,
        );
        if (dup) throw new ToolError(`you are already on ${r.name}'s waitlist for ${a.date} (entry ${dup.id}); leave it first to change it`);
        const id = ctx.db.run(
          `INSERT INTO waitlist_entries (user_id, restaurant_id, date, party_size, earliest_time, latest_time, seating_preference, status, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)`,
          ctx.userId, r.id, a.date, a.party_size, a.earliest_time, a.latest_time, a.seating_preference, a.note?.trim() || null, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        notify(ctx, "waitlist", `You're on the ${r.name} waitlist`, `We'll let you know if a table for ${a.party_size} opens up on ${a.date} between ${a.earliest_time} and ${a.latest_time}.`, null, id);
        return ctx.db.get(
          "SELECT w.id AS waitlist_entry_id, w.restaurant_id, r.name AS restaurant_name, w.date, w.party_size, w.earliest_time, w.latest_time, w.seating_preference, w.status, w.note, w.created_at FROM waitlist_entries w JOIN restaurants r ON r.id = w.restaurant_id WHERE w.id = ?",
          id,
        );
      },
    }),

    list_waitlist: tool({
      description: "List the current user's waitlist entries, newest date first, optionally only one status (waiting, notified, booked, expired, cancelled). Returns a page of entries with waitlist_entry_id, restaurant, date, party size and time window.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(WAITLIST_STATUSES), v.description("Only this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT w.id AS waitlist_entry_id, w.restaurant_id, r.name AS restaurant_name, w.date, w.party_size, w.earliest_time, w.latest_time, w.seating_preference,
             w.status, w.note, w.created_at FROM waitlist_entries w JOIN restaurants r ON r.id = w.restaurant_id
           WHERE w.user_id = ? AND (? IS NULL OR w.status = ?) ORDER BY w.date DESC, w.id DESC`,
          "SELECT count(*) AS n FROM waitlist_entries w WHERE w.user_id = ? AND (? IS NULL OR w.status = ?)",
          [ctx.userId, status ?? null, status ?? null],
          limit,
          offset,
        ),
    }),

    leave_waitlist: tool({
      description: "Leave a waitlist (the entry becomes cancelled). Returns the entry. Errors if the entry is not the user's or is no longer waiting.",
      input: v.object({ waitlist_entry_id: Id("The waitlist entry's id (from list_waitlist).") }),
      handler: ({ waitlist_entry_id }, ctx) => {
        const w = ctx.db.get<{ id: number; status: string; name: string; date: string }>(
          "SELECT w.id, w.status, r.name, w.date FROM waitlist_entries w JOIN restaurants r ON r.id = w.restaurant_id WHERE w.id = ? AND w.user_id = ?",
          waitlist_entry_id,
          ctx.userId,
        );
        if (!w) throw new ToolError(`waitlist entry ${waitlist_entry_id} not found`);
        if (!["waiting", "notified"].includes(w.status)) throw new ToolError(`waitlist entry ${waitlist_entry_id} is already ${w.status}`);
        ctx.db.run("UPDATE waitlist_entries SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, waitlist_entry_id);
        return { waitlist_entry_id, restaurant_name: w.name, date: w.date, status: "cancelled" };
      },
    }),

    // ----- reviews -----
    write_review: tool({
      description:
        `Review a completed visit (one review per reservation, within ${REVIEW_WINDOW_DAYS} days of the visit) with 1-5 stars, optional food/service/ambience scores and text; earns ${REVIEW_POINTS} loyalty points. Returns the review and points earned. Errors if the reservation is not the user's, was not completed, is already reviewed (use update_review), or is too old.`,
      input: v.object({
        reservation_id: Id("The completed visit's reservation id (from list_reservations with scope 'past')."),
        rating: Stars("Overall stars, 1-5."),
        body: v.pipe(v.string(), v.minLength(1), v.maxLength(2000), v.description("The review text.")),
        food_rating: v.optional(Stars("Food score, 1-5.")),
        service_rating: v.optional(Stars("Service score, 1-5.")),
        ambience_rating: v.optional(Stars("Ambience score, 1-5.")),
      }),
      handler: (a, ctx) => {
        const r = getReservation(ctx, a.reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        if (r.status !== "completed") throw new ToolError(`you can only review a completed visit; your ${name} reservation ${r.id} is ${r.status.replace("_", "-")}`);
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM reviews WHERE reservation_id = ?", r.id);
        if (existing) throw new ToolError(`you already reviewed this visit to ${name} (review ${existing.id}); use update_review to change it`);
        const visit = r.starts_at.slice(0, 10);
        if (addDays(visit, REVIEW_WINDOW_DAYS) < ctx.today) throw new ToolError(`reviews must be written within ${REVIEW_WINDOW_DAYS} days of the visit (${visit})`);
        const body = a.body.trim();
        if (!body) throw new ToolError("the review text is empty");
        const id = ctx.db.run(
          `INSERT INTO reviews (user_id, restaurant_id, reservation_id, rating, food_rating, service_rating, ambience_rating, body, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ctx.userId, r.restaurant_id, r.id, a.rating, a.food_rating ?? null, a.service_rating ?? null, a.ambience_rating ?? null, body, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        ctx.db.run(
          "INSERT INTO loyalty_transactions (user_id, kind, points, reservation_id, redemption_id, description, created_at) VALUES (?, 'earn', ?, ?, NULL, ?, ?)",
          ctx.userId, REVIEW_POINTS, r.id, `Reviewed ${name}`, ctx.timestamp,
        );
        return {
          review_id: id,
          reservation_id: r.id,
          restaurant_id: r.restaurant_id,
          restaurant_name: name,
          visit_date: visit,
          rating: a.rating,
          food_rating: a.food_rating ?? null,
          service_rating: a.service_rating ?? null,
          ambience_rating: a.ambience_rating ?? null,
          body,
          points_earned: REVIEW_POINTS,
          points_balance: loyaltyBalance(ctx.db, ctx.userId),
        };
      },
    }),

    update_review: tool({
      description: "Edit one of the user's reviews (fields left out stay as they are). Returns the updated review. Errors if the review is not the user's or nothing changes.",
      input: v.object({
        review_id: Id("The review's id (from list_my_reviews)."),
        rating: v.optional(Stars("New overall stars, 1-5.")),
        body: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(2000), v.description("New review text."))),
        food_rating: v.optional(Stars("New food score, 1-5.")),
        service_rating: v.optional(Stars("New service score, 1-5.")),
        ambience_rating: v.optional(Stars("New ambience score, 1-5.")),
      }),
      handler: (a, ctx) => {
        const cur = ctx.db.get<{ id: number; rating: number; body: string; food_rating: number | null; service_rating: number | null; ambience_rating: number | null }>(
          "SELECT * FROM reviews WHERE id = ? AND user_id = ?",
          a.review_id,
          ctx.userId,
        );
        if (!cur) throw new ToolError(`review ${a.review_id} not found`);
        if ([a.rating, a.body, a.food_rating, a.service_rating, a.ambience_rating].every((x) => x === undefined)) throw new ToolError("nothing to change: give at least one field");
        const body = a.body !== undefined ? a.body.trim() : cur.body;
        if (!body) throw new ToolError("the review text is empty");
        ctx.db.run(
          "UPDATE reviews SET rating = ?, body = ?, food_rating = ?, service_rating = ?, ambience_rating = ?, updated_at = ? WHERE id = ?",
          a.rating ?? cur.rating, body, a.food_rating ?? cur.food_rating, a.service_rating ?? cur.service_rating, a.ambience_rating ?? cur.ambience_rating, ctx.timestamp, cur.id,
        );
        return ctx.db.get(
          "SELECT rv.id AS review_id, rv.reservation_id, rv.restaurant_id, r.name AS restaurant_name, rv.rating, rv.food_rating, rv.service_rating, rv.ambience_rating, rv.body, rv.created_at, rv.updated_at FROM reviews rv JOIN restaurants r ON r.id = rv.restaurant_id WHERE rv.id = ?",
          cur.id,
        );
      },
    }),

    list_my_reviews: tool({
      description: "List the reviews the current user has written, newest first, with the restaurant and visit date. Returns a page of reviews.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT rv.id AS review_id, rv.reservation_id, rv.restaurant_id, r.name AS restaurant_name, substr(x.starts_at, 1, 10) AS visit_date, rv.rating,
             rv.food_rating, rv.service_rating, rv.ambience_rating, rv.body, rv.created_at, rv.updated_at
           FROM reviews rv JOIN restaurants r ON r.id = rv.restaurant_id JOIN reservations x ON x.id = rv.reservation_id
           WHERE rv.user_id = ? ORDER BY rv.created_at DESC, rv.id DESC`,
          "SELECT count(*) AS n FROM reviews WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    // ----- favourites and lists -----
    list_favorites: tool({
      description: "List the current user's favourite restaurants, most recently added first. Returns a page with restaurant_id, name, cuisine, neighbourhood and rating.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT f.restaurant_id, r.name, r.cuisine, n.name AS neighborhood, r.price_level, r.rating, r.status, f.created_at AS added_at
           FROM favorites f JOIN restaurants r ON r.id = f.restaurant_id JOIN neighborhoods n ON n.id = r.neighborhood_id
           WHERE f.user_id = ? ORDER BY f.created_at DESC, f.id DESC`,
          "SELECT count(*) AS n FROM favorites WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    add_favorite: tool({
      description: "Add a restaurant to the current user's favourites. Returns the restaurant added. Errors if it does not exist or is already a favourite.",
      input: v.object({ restaurant_id: Id("The restaurant's id.") }),
      handler: ({ restaurant_id }, ctx) => {
        const r = getRestaurant(ctx.db, restaurant_id);
        if (ctx.db.get("SELECT 1 FROM favorites WHERE user_id = ? AND restaurant_id = ?", ctx.userId, restaurant_id)) throw new ToolError(`${r.name} is already in your favourites`);
        ctx.db.run("INSERT INTO favorites (user_id, restaurant_id, created_at) VALUES (?, ?, ?)", ctx.userId, restaurant_id, ctx.timestamp);
        return { restaurant_id, name: r.name, is_favorite: true, added_at: ctx.timestamp };
      },
    }),

    remove_favorite: tool({
      description: "Remove a restaurant from the current user's favourites. Returns the restaurant removed. Errors if it is not a favourite.",
      input: v.object({ restaurant_id: Id("The restaurant's id.") }),
      handler: ({ restaurant_id }, ctx) => {
        const r = getRestaurant(ctx.db, restaurant_id);
        const changes = ctx.db.run("DELETE FROM favorites WHERE user_id = ? AND restaurant_id = ?", ctx.userId, restaurant_id).changes;
        if (changes === 0) throw new ToolError(`${r.name} is not in your favourites`);
        return { restaurant_id, name: r.name, is_favorite: false };
      },
    }),

    list_saved_lists: tool({
      description: "List the current user's saved restaurant lists (e.g. 'Birthday ideas') with list_id, description and how many restaurants each holds. Returns a page; use get_saved_list for the restaurants.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT l.id AS list_id, l.name, l.description, (SELECT count(*) FROM saved_list_items i WHERE i.list_id = l.id) AS restaurant_count, l.created_at, l.updated_at
           FROM saved_lists l WHERE l.user_id = ? ORDER BY l.name`,
          "SELECT count(*) AS n FROM saved_lists WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    get_saved_list: tool({
      description: "Get one of the user's saved lists with its restaurants (restaurant_id, name, cuisine, neighbourhood, rating, note). Errors if the list is not the user's.",
      input: v.object({ list_id: Id("The list's id (from list_saved_lists).") }),
      handler: ({ list_id }, ctx) => {
        const l = getOwnList(ctx, list_id);
        return {
          list_id: l.id,
          name: l.name,
          description: l.description,
          created_at: l.created_at,
          updated_at: l.updated_at,
          restaurants: ctx.db.all(
            `SELECT i.restaurant_id, r.name, r.cuisine, n.name AS neighborhood, r.price_level, r.rating, i.note, i.added_at
             FROM saved_list_items i JOIN restaurants r ON r.id = i.restaurant_id JOIN neighborhoods n ON n.id = r.neighborhood_id WHERE i.list_id = ? ORDER BY i.added_at, i.id`,
            list_id,
          ),
        };
      },
    }),

    create_saved_list: tool({
      description: "Create a new, empty saved list of restaurants with a name unique among the user's lists. Returns the new list. Errors if the name is already used.",
      input: v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("The list's name, e.g. 'Date night'.")),
        description: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("A short description (optional)."))),
      }),
      handler: ({ name, description }, ctx) => {
        const n = name.trim();
        if (!n) throw new ToolError("the list name is empty");
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM saved_lists WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, n);
        if (dup) throw new ToolError(`you already have a list named '${n}' (list ${dup.id})`);
        const id = ctx.db.run(
          "INSERT INTO saved_lists (user_id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
          ctx.userId, n, description?.trim() || null, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        return { list_id: id, name: n, description: description?.trim() || null, restaurant_count: 0, created_at: ctx.timestamp };
      },
    }),

    add_to_saved_list: tool({
      description: "Add a restaurant to one of the user's saved lists, with an optional note. Returns the list entry. Errors if the list or restaurant does not exist or the restaurant is already on the list.",
      input: v.object({
        list_id: Id("The list's id."),
        restaurant_id: Id("The restaurant's id."),
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("A note (optional)."))),
      }),
      handler: ({ list_id, restaurant_id, note }, ctx) => {
        const l = getOwnList(ctx, list_id);
        const r = getRestaurant(ctx.db, restaurant_id);
        if (ctx.db.get("SELECT 1 FROM saved_list_items WHERE list_id = ? AND restaurant_id = ?", list_id, restaurant_id)) throw new ToolError(`${r.name} is already on '${l.name}'`);
        ctx.db.run("INSERT INTO saved_list_items (list_id, restaurant_id, note, added_at) VALUES (?, ?, ?, ?)", list_id, restaurant_id, note?.trim() || null, ctx.timestamp);
        ctx.db.run("UPDATE saved_lists SET updated_at = ? WHERE id = ?", ctx.timestamp, list_id);
        return { list_id, list_name: l.name, restaurant_id, restaurant_name: r.name, note: note?.trim() || null };
      },
    }),

    remove_from_saved_list: tool({
      description: "Remove a restaurant from one of the user's saved lists. Returns what was removed. Errors if the list is not the user's or the restaurant is not on it.",
      input: v.object({
        list_id: Id("The list's id."),
        restaurant_id: Id("The restaurant's id."),
      }),
      handler: ({ list_id, restaurant_id }, ctx) => {
        const l = getOwnList(ctx, list_id);
        const r = getRestaurant(ctx.db, restaurant_id);
        const changes = ctx.db.run("DELETE FROM saved_list_items WHERE list_id = ? AND restaurant_id = ?", list_id, restaurant_id).changes;
        if (changes === 0) throw new ToolError(`${r.name} is not on '${l.name}'`);
        ctx.db.run("UPDATE saved_lists SET updated_at = ? WHERE id = ?", ctx.timestamp, list_id);
        return { list_id, list_name: l.name, removed_restaurant_id: restaurant_id, restaurant_name: r.name };
      },
    }),

    delete_saved_list: tool({
      description: "Delete one of the user's saved lists and its entries (the restaurants themselves are unaffected). Returns the deleted list's id and name. Errors if the list is not the user's.",
      input: v.object({ list_id: Id("The list's id.") }),
      handler: ({ list_id }, ctx) => {
        const l = getOwnList(ctx, list_id);
        ctx.db.run("DELETE FROM saved_lists WHERE id = ?", list_id);
        return { deleted_list_id: list_id, name: l.name };
      },
    }),

    // ----- loyalty -----
    get_loyalty_summary: tool({
      description:
        "Show the current user's Tablehop loyalty points: current balance, lifetime earned and spent, rewards reserved on upcoming bookings, and every active reward with its cost and how many more points it needs. Points: 100 per completed visit, 50 per review.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const balance = loyaltyBalance(ctx.db, ctx.userId);
        const sums = ctx.db.get<{ earned: number; spent: number }>(
          "SELECT COALESCE(SUM(CASE WHEN points > 0 THEN points ELSE 0 END), 0) AS earned, COALESCE(SUM(CASE WHEN points < 0 THEN -points ELSE 0 END), 0) AS spent FROM loyalty_transactions WHERE user_id = ?",
          ctx.userId,
        )!;
        const rewards = ctx.db.all<{ reward_id: number; name: string; description: string; points_cost: number }>(
          "SELECT id AS reward_id, name, description, points_cost FROM rewards WHERE is_active = 1 ORDER BY points_cost, id",
        );
        return {
          points_balance: balance,
          lifetime_points_in: sums.earned,
          lifetime_points_out: sums.spent,
          reserved_rewards: ctx.db.all(
            `SELECT rr.id AS redemption_id, rr.code, w.name AS reward, rr.points_spent, rr.reservation_id, r.name AS restaurant_name, x.starts_at
             FROM reward_redemptions rr JOIN rewards w ON w.id = rr.reward_id JOIN reservations x ON x.id = rr.reservation_id JOIN restaurants r ON r.id = x.restaurant_id
             WHERE rr.user_id = ? AND rr.status = 'reserved' ORDER BY x.starts_at`,
            ctx.userId,
          ),
          rewards: rewards.map((w) => ({ ...w, can_redeem: balance >= w.points_cost, points_needed: Math.max(0, w.points_cost - balance) })),
        };
      },
    }),

    list_loyalty_transactions: tool({
      description: "List the current user's loyalty point history (earned, bonus, redeemed, refunded, expired), newest first. Returns a page of transactions.",
      input: v.object({
        kind: v.optional(v.pipe(v.picklist(["earn", "bonus", "redeem", "refund", "expire", "adjust"]), v.description("Only this kind of transaction."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ kind, limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS transaction_id, kind, points, description, reservation_id, redemption_id, created_at FROM loyalty_transactions WHERE user_id = ? AND (? IS NULL OR kind = ?) ORDER BY created_at DESC, id DESC",
          "SELECT count(*) AS n FROM loyalty_transactions WHERE user_id = ? AND (? IS NULL OR kind = ?)",
          [ctx.userId, kind ?? null, kind ?? null],
          limit,
          offset,
        ),
    }),

    list_rewards: tool({
      description: "List the rewards that loyalty points can buy (reward_id, name, points cost), cheapest first, with whether the user can afford each now. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) => {
        const balance = loyaltyBalance(ctx.db, ctx.userId);
        const rows = ctx.db
          .all<{ reward_id: number; name: string; description: string; points_cost: number }>("SELECT id AS reward_id, name, description, points_cost FROM rewards WHERE is_active = 1 ORDER BY points_cost, id")
          .map((w) => ({ ...w, can_redeem: balance >= w.points_cost, points_needed: Math.max(0, w.points_cost - balance) }));
        return { ...pages(rows, limit, offset), points_balance: balance };
      },
    }),

    redeem_reward: tool({
      description:
        "Spend loyalty points on a reward and attach it to one of the user's upcoming bookings (one reward per booking); the restaurant applies it on the night. Returns the redemption code and new balance. Errors if the reward is inactive, the booking is not upcoming or already has a reward, or the balance is too low.",
      input: v.object({
        reward_id: Id("The reward's id (from list_rewards)."),
        reservation_id: Id("The upcoming booking to apply it to."),
      }),
      handler: ({ reward_id, reservation_id }, ctx) => {
        const w = ctx.db.get<{ id: number; name: string; points_cost: number; is_active: number }>("SELECT * FROM rewards WHERE id = ?", reward_id);
        if (!w) throw new ToolError(`reward ${reward_id} not found`);
        const r = getReservation(ctx, reservation_id);
        const name = getRestaurant(ctx.db, r.restaurant_id).name;
        if (!w.is_active) throw new ToolError(`${w.name} is no longer offered`);
        assertChangeable(ctx, r, name);
        const already = ctx.db.get<{ reward: string }>(
          "SELECT w.name AS reward FROM reward_redemptions rr JOIN rewards w ON w.id = rr.reward_id WHERE rr.reservation_id = ? AND rr.status = 'reserved'",
          r.id,
        );
        if (already) throw new ToolError(`this booking already has a reward (${already.reward}); only one reward per booking`);
        const balance = loyaltyBalance(ctx.db, ctx.userId);
        if (balance < w.points_cost) throw new ToolError(`${w.name} costs ${w.points_cost} points and you have ${balance} (${w.points_cost - balance} short)`);
        const id = nextId(ctx.db, "reward_redemptions");
        const code = makeCode("RW", id, 6007, 7727);
        ctx.db.run(
          "INSERT INTO reward_redemptions (id, code, user_id, reward_id, reservation_id, points_spent, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'reserved', ?, ?)",
          id, code, ctx.userId, w.id, r.id, w.points_cost, ctx.timestamp, ctx.timestamp,
        );
        ctx.db.run(
          "INSERT INTO loyalty_transactions (user_id, kind, points, reservation_id, redemption_id, description, created_at) VALUES (?, 'redeem', ?, ?, ?, ?, ?)",
          ctx.userId, -w.points_cost, r.id, id, `Redeemed: ${w.name}`, ctx.timestamp,
        );
        notify(ctx, "loyalty", `Reward added: ${w.name}`, `${w.name} will be applied to your booking at ${name} on ${whenText(r.starts_at)}. Code ${code}.`, r.id);
        return { redemption_id: id, code, reward: w.name, points_spent: w.points_cost, reservation_id: r.id, restaurant_name: name, starts_at: r.starts_at, points_balance: balance - w.points_cost };
      },
    }),

    // ----- account -----
    get_profile: tool({
      description: "Show the current user's profile: name, email, phone, home neighbourhood, dietary preferences, default card, loyalty balance, and counts of upcoming bookings and favourites.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const u = ctx.db.get<Record<string, unknown>>(
          "SELECT u.id AS user_id, u.full_name, u.email, u.phone, n.name AS home_neighborhood, u.member_since FROM users u LEFT JOIN neighborhoods n ON n.id = u.home_neighborhood_id WHERE u.id = ?",
          ctx.userId,
        );
        if (!u) throw new ToolError(`user ${ctx.userId} not found`);
        const def = ctx.db.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND is_default = 1 AND status = 'active'", ctx.userId);
        return {
          ...u,
          dietary_preferences: ctx.db.all<{ tag: string }>("SELECT tag FROM dietary_preferences WHERE user_id = ? ORDER BY tag", ctx.userId).map((d) => d.tag),
          default_card: def ? { payment_method_id: def.id, card: cardName(ctx.db, def.id) } : null,
          points_balance: loyaltyBalance(ctx.db, ctx.userId),
          upcoming_reservations: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM reservations WHERE user_id = ? AND status = 'booked' AND starts_at > ?", ctx.userId, ctx.timestamp)!.n,
          favorites: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM favorites WHERE user_id = ?", ctx.userId)!.n,
        };
      },
    }),

    update_dietary_preferences: tool({
      description: "Replace the current user's dietary preferences with the given set (an empty list clears them). Returns the new preferences.",
      input: v.object({
        tags: v.pipe(v.array(v.picklist(DIETARY)), v.maxLength(7), v.description("The complete set of dietary preferences, e.g. ['gluten_free', 'vegetarian'].")),
      }),
      handler: ({ tags }, ctx) => {
        const unique = [...new Set(tags)].sort();
        const before = ctx.db.all<{ tag: string }>("SELECT tag FROM dietary_preferences WHERE user_id = ? ORDER BY tag", ctx.userId).map((d) => d.tag);
        ctx.db.run("DELETE FROM dietary_preferences WHERE user_id = ?", ctx.userId);
        for (const t of unique) ctx.db.run("INSERT INTO dietary_preferences (user_id, tag) VALUES (?, ?)", ctx.userId, t);
        return { dietary_preferences: unique, previous: before };
      },
    }),

    list_payment_methods: tool({
      description: "List the current user's saved cards (payment_method_id, brand, last 4 digits, expiry, status active/expired, default). Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS payment_method_id, brand, last4, exp_month, exp_year, status, is_default FROM payment_methods WHERE user_id = ? AND status <> 'removed' ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM payment_methods WHERE user_id = ? AND status <> 'removed'",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    list_notifications: tool({
      description: "List the current user's notifications (booking confirmations, reminders, waitlist and loyalty messages), newest first, optionally only unread ones. Returns a page.",
      input: v.object({
        unread_only: v.optional(v.pipe(v.boolean(), v.description("Only unread notifications (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ unread_only, limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS notification_id, kind, title, body, reservation_id, waitlist_entry_id, is_read, created_at FROM notifications WHERE user_id = ? AND (? = 0 OR is_read = 0) ORDER BY created_at DESC, id DESC",
          "SELECT count(*) AS n FROM notifications WHERE user_id = ? AND (? = 0 OR is_read = 0)",
          [ctx.userId, unread_only ? 1 : 0],
          limit,
          offset,
        ),
    }),

    mark_notifications_read: tool({
      description: "Mark notifications as read: the given ids, or all unread ones when none are given. Returns how many changed. Errors if an id is not one of the user's notifications.",
      input: v.object({
        notification_ids: v.optional(v.pipe(v.array(Id("A notification id.")), v.maxLength(100), v.description("Notification ids (from list_notifications); leave out to mark all as read."))),
      }),
      handler: ({ notification_ids }, ctx) => {
        if (!notification_ids || notification_ids.length === 0) {
          const n = ctx.db.run("UPDATE notifications SET is_read = 1 WHERE user_id = ? AND is_read = 0", ctx.userId).changes;
          return { marked_read: n };
        }
        for (const id of notification_ids) {
          if (!ctx.db.get("SELECT 1 FROM notifications WHERE id = ? AND user_id = ?", id, ctx.userId)) throw new ToolError(`notification ${id} not found`);
        }
        let n = 0;
        for (const id of new Set(notification_ids)) n += ctx.db.run("UPDATE notifications SET is_read = 1 WHERE id = ? AND is_read = 0", id).changes;
        return { marked_read: n };
      },
    }),
  },
});
