import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page as sqlPage, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-27"), v.description(what));
const TimeText = (what: string) => v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time like 17:00"), v.description(what));
const Cents = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(what));

const CABINS = ["economy", "premium_economy", "business"] as const;
const FARE_BRANDS = ["basic", "standard", "flex"] as const;
const RELATIONSHIPS = ["partner", "spouse", "child", "parent", "sibling", "friend", "colleague", "other"] as const;
type Cabin = (typeof CABINS)[number];
type FareBrand = (typeof FARE_BRANDS)[number];

/** Fee for a seat in the first three rows of economy ("preferred" seats); every other seat is free. */
const PREFERRED_SEAT_FEE = 3000;
const PREFERRED_ROWS = 3;
const BAG_FEES: Record<"checked" | "oversized", number> = { checked: 4000, oversized: 10000 };
const MAX_ADDED_BAGS = 3;
const MIN_CONNECTION_MIN = 45;
const MAX_CONNECTION_MIN = 360;
const MAX_NIGHTS = 30;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface FlightRow {
  flight_id: number;
  flight_number: string;
  airline_id: number;
  airline: string;
  airline_code: string;
  origin_airport_id: number;
  origin: string;
  origin_city: string;
  origin_country: string;
  destination_airport_id: number;
  destination: string;
  destination_city: string;
  destination_country: string;
  departs_at: string;
  arrives_at: string;
  duration_minutes: number;
  aircraft_id: number;
  aircraft: string;
  status: string;
}
interface FareRow {
  id: number;
  flight_id: number;
  cabin: Cabin;
  fare_brand: FareBrand;
  price_cents: number;
  seats_left: number;
  refundable: number;
  cancel_fee_cents: number;
  changeable: number;
  change_fee_cents: number;
  checked_bags_included: number;
}
interface AircraftRow {
  id: number;
  code: string;
  name: string;
  business_first_row: number | null;
  business_last_row: number | null;
  business_layout: string | null;
  premium_first_row: number | null;
  premium_last_row: number | null;
  premium_layout: string | null;
  economy_first_row: number;
  economy_last_row: number;
  economy_layout: string;
}
interface BookingRow {
  id: number;
  user_id: number;
  reference: string;
  title: string;
  status: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}
interface SegmentRow {
  id: number;
  booking_id: number;
  flight_id: number;
  fare_id: number;
  status: string;
  fare_paid_cents: number;
}
interface ReservationRow {
  id: number;
  booking_id: number;
  room_type_id: number;
  lead_traveler_id: number;
  confirmation_code: string;
  check_in: string;
  check_out: string;
  rooms: number;
  guests: number;
  total_cents: number;
  status: string;
  special_requests: string | null;
}
interface RoomTypeRow {
  id: number;
  hotel_id: number;
  name: string;
  bed_type: string;
  max_guests: number;
  base_rate_cents: number;
  total_rooms: number;
  refundable: number;
  free_cancel_days: number | null;
  breakfast_included: number;
}
interface TravelerRow {
  id: number;
  user_id: number;
  first_name: string;
  last_name: string;
  relationship: string;
  date_of_birth: string;
  passport_number: string | null;
  passport_country: string | null;
  passport_expiry: string | null;
  known_traveler_number: string | null;
}
interface AirportRow {
  id: number;
  iata_code: string;
  name: string;
  city: string;
  country: string;
}
interface PaymentMethodRow {
  id: number;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  status: string;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function page<T>(all: T[], limit: number, offset: number) {
  const items = all.slice(offset, offset + limit);
  return { items, total: all.length, limit, offset, next_offset: offset + items.length < all.length ? offset + items.length : null };
}

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function checkDate(date: string, field: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new ToolError(`${field} ${date} is not a real calendar date`);
  return date;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function nightsOf(checkIn: string, checkOut: string): string[] {
  const out: string[] = [];
  for (let d = checkIn; d < checkOut; d = addDays(d, 1)) out.push(d);
  return out;
}

function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.replace(" ", "T")}Z`) - Date.parse(`${from.replace(" ", "T")}Z`)) / 60000);
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

function likeText(text: string): string {
  return `%${text.trim().replace(/[%_]/g, "")}%`;
}

function nextId(db: SqlDatabase, table: "bookings" | "segment_passengers" | "hotel_reservations"): number {
  const sql = {
    bookings: "SELECT COALESCE(MAX(id), 0) + 1 AS n FROM bookings",
    segment_passengers: "SELECT COALESCE(MAX(id), 0) + 1 AS n FROM segment_passengers",
    hotel_reservations: "SELECT COALESCE(MAX(id), 0) + 1 AS n FROM hotel_reservations",
  }[table];
  return db.get<{ n: number }>(sql)!.n;
}

const REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const REF_SPACE = 32 ** 6;

/** A fresh six-character booking reference, derived from the next booking id so runs are reproducible. */
function newReference(db: SqlDatabase): string {
  let x = (nextId(db, "bookings") * 2654435761) % REF_SPACE;
  for (;;) {
    let code = "";
    let y = x;
    for (let i = 0; i < 6; i++) {
      code += REF_ALPHABET[y % 32];
      y = Math.floor(y / 32);
    }
    if (!db.get("SELECT 1 FROM bookings WHERE reference = ?", code)) return code;
    x = (x + 7919) % REF_SPACE;
  }
}

function newConfirmationCode(db: SqlDatabase, id: number): string {
  let n = (id * 7919 + 4400000) % 10000000;
  for (;;) {
    const code = `MT${String(n).padStart(7, "0")}`;
    if (!db.get("SELECT 1 FROM hotel_reservations WHERE confirmation_code = ?", code)) return code;
    n = (n + 1) % 10000000;
  }
}

function normalizeMemberNumber(raw: string): string {
  const n = raw.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{5,16}$/.test(n)) throw new ToolError(`member number '${raw}' should be 5-16 letters and digits`);
  return n;
}

function travelerName(t: { first_name: string; last_name: string }): string {
  return `${t.first_name} ${t.last_name}`;
}

// ---------------------------------------------------------------------------
// Lookups scoped to the current user
// ---------------------------------------------------------------------------

const FLIGHT_SELECT = `SELECT f.id AS flight_id, f.flight_number, f.airline_id, al.name AS airline, al.iata_code AS airline_code,
  f.origin_airport_id, o.iata_code AS origin, o.city AS origin_city, o.country AS origin_country,
  f.destination_airport_id, d.iata_code AS destination, d.city AS destination_city, d.country AS destination_country,
  f.departs_at, f.arrives_at, f.duration_minutes, f.aircraft_id, ac.name AS aircraft, f.status
  FROM flights f JOIN airlines al ON al.id = f.airline_id JOIN airports o ON o.id = f.origin_airport_id
  JOIN airports d ON d.id = f.destination_airport_id JOIN aircraft ac ON ac.id = f.aircraft_id`;

function getFlight(db: SqlDatabase, flightId: number): FlightRow {
  const f = db.get<FlightRow>(`${FLIGHT_SELECT} WHERE f.id = ?`, flightId);
  if (!f) throw new ToolError(`flight ${flightId} not found`);
  return f;
}

function flightLabel(f: FlightRow): string {
  return `${f.flight_number} ${f.origin}-${f.destination} on ${f.departs_at.slice(0, 10)}`;
}

function assertBookable(ctx: ToolContext, f: FlightRow) {
  if (f.status === "cancelled") throw new ToolError(`flight ${flightLabel(f)} has been cancelled by the airline`);
  if (f.departs_at <= ctx.timestamp || f.status === "departed" || f.status === "landed") throw new ToolError(`flight ${flightLabel(f)} has already departed`);
}

function isInternational(f: FlightRow): boolean {
  return f.origin_country !== f.destination_country;
}

function getTrip(ctx: ToolContext, tripId: number): BookingRow {
  const b = ctx.db.get<BookingRow>("SELECT * FROM bookings WHERE id = ? AND user_id = ?", tripId, ctx.userId);
  if (!b) throw new ToolError(`trip ${tripId} not found`);
  return b;
}

function getSegment(ctx: ToolContext, segmentId: number): SegmentRow {
  const s = ctx.db.get<SegmentRow>(
    "SELECT s.id, s.booking_id, s.flight_id, s.fare_id, s.status, s.fare_paid_cents FROM flight_segments s JOIN bookings b ON b.id = s.booking_id WHERE s.id = ? AND b.user_id = ?",
    segmentId,
    ctx.userId,
  );
  if (!s) throw new ToolError(`flight segment ${segmentId} not found`);
  return s;
}

function getReservation(ctx: ToolContext, reservationId: number): ReservationRow {
  const r = ctx.db.get<ReservationRow>(
    "SELECT r.* FROM hotel_reservations r JOIN bookings b ON b.id = r.booking_id WHERE r.id = ? AND b.user_id = ?",
    reservationId,
    ctx.userId,
  );
  if (!r) throw new ToolError(`hotel reservation ${reservationId} not found`);
  return r;
}

function getTraveler(ctx: ToolContext, travelerId: number): TravelerRow {
  const t = ctx.db.get<TravelerRow>("SELECT * FROM travelers WHERE id = ? AND user_id = ?", travelerId, ctx.userId);
  if (!t) throw new ToolError(`traveler ${travelerId} not found`);
  return t;
}

function selfTraveler(ctx: ToolContext): TravelerRow {
  const t = ctx.db.get<TravelerRow>("SELECT * FROM travelers WHERE user_id = ? AND relationship = 'self'", ctx.userId);
  if (!t) throw new ToolError("your own traveler profile is missing; add it with add_traveler");
  return t;
}

function usablePaymentMethod(ctx: ToolContext, id: number): PaymentMethodRow {
  const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ? AND user_id = ? AND status <> 'removed'", id, ctx.userId);
  if (!pm) throw new ToolError(`payment method ${id} not found`);
  const [year, month] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
  if (pm.status === "expired" || pm.exp_year < year || (pm.exp_year === year && pm.exp_month < month)) {
    throw new ToolError(`${pm.brand} ending ${pm.last4} has expired; choose another payment method`);
  }
  return pm;
}

/** The card that paid for an item (first charge), used for refunds and as the default for add-ons. */
function chargeMethod(db: SqlDatabase, column: "flight_segment_id" | "hotel_reservation_id" | "baggage_id" | "seat_assignment_id", id: number): number | null {
  const sql = {
    flight_segment_id: "SELECT payment_method_id AS pm FROM payments WHERE flight_segment_id = ? AND kind = 'charge' AND baggage_id IS NULL AND seat_assignment_id IS NULL ORDER BY id LIMIT 1",
    hotel_reservation_id: "SELECT payment_method_id AS pm FROM payments WHERE hotel_reservation_id = ? AND kind = 'charge' ORDER BY id LIMIT 1",
    baggage_id: "SELECT payment_method_id AS pm FROM payments WHERE baggage_id = ? AND kind = 'charge' ORDER BY id LIMIT 1",
    seat_assignment_id: "SELECT payment_method_id AS pm FROM payments WHERE seat_assignment_id = ? AND kind = 'charge' ORDER BY id LIMIT 1",
  }[column];
  return db.get<{ pm: number }>(sql, id)?.pm ?? null;
}

function defaultMethodId(ctx: ToolContext): number {
  const pm = ctx.db.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND status = 'active' ORDER BY is_default DESC, id LIMIT 1", ctx.userId);
  if (!pm) throw new ToolError("you have no active payment method");
  return pm.id;
}

interface PaymentLink {
  flight_segment_id?: number | null;
  hotel_reservation_id?: number | null;
  baggage_id?: number | null;
  seat_assignment_id?: number | null;
}

function recordPayment(ctx: ToolContext, bookingId: number, methodId: number, kind: "charge" | "refund", amount: number, description: string, link: PaymentLink): number | null {
  if (amount <= 0) return null;
  return ctx.db.run(
    `INSERT INTO payments (booking_id, payment_method_id, kind, amount_cents, description, flight_segment_id, hotel_reservation_id, baggage_id, seat_assignment_id, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'succeeded', ?)`,
    bookingId,
    methodId,
    kind,
    amount,
    description,
    link.flight_segment_id ?? null,
    link.hotel_reservation_id ?? null,
    link.baggage_id ?? null,
    link.seat_assignment_id ?? null,
    ctx.timestamp,
  ).lastInsertRowid;
}

function touchTrip(ctx: ToolContext, bookingId: number) {
  ctx.db.run("UPDATE bookings SET updated_at = ? WHERE id = ?", ctx.timestamp, bookingId);
}

/** Marks a trip cancelled once nothing on it is still booked. */
function closeTripIfEmpty(ctx: ToolContext, bookingId: number): boolean {
  const live = ctx.db.get<{ n: number }>(
    "SELECT (SELECT count(*) FROM flight_segments WHERE booking_id = ? AND status = 'confirmed') + (SELECT count(*) FROM hotel_reservations WHERE booking_id = ? AND status = 'confirmed') AS n",
    bookingId,
    bookingId,
  )!.n;
  if (live > 0) return false;
  ctx.db.run("UPDATE bookings SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ? AND status = 'confirmed'", ctx.timestamp, ctx.timestamp, bookingId);
  return true;
}

function openTrip(ctx: ToolContext, tripId: number): BookingRow {
  const b = getTrip(ctx, tripId);
  if (b.status !== "confirmed") throw new ToolError(`trip ${b.reference} is ${b.status}; add to a confirmed trip or start a new one`);
  return b;
}

function createTrip(ctx: ToolContext, title: string): BookingRow {
  const reference = newReference(ctx.db);
  const id = ctx.db.run(
    "INSERT INTO bookings (user_id, reference, title, status, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?)",
    ctx.userId,
    reference,
    title,
    ctx.timestamp,
    ctx.timestamp,
  ).lastInsertRowid;
  return ctx.db.get<BookingRow>("SELECT * FROM bookings WHERE id = ?", id)!;
}

// ---------------------------------------------------------------------------
// Airports and airlines
// ---------------------------------------------------------------------------

/** Airports matching an IATA code exactly, or else a city or airport name (partial, case-insensitive). */
function resolveAirports(db: SqlDatabase, text: string, field: string): AirportRow[] {
  const t = text.trim();
  if (!t) throw new ToolError(`${field} is empty: give an airport code like SFO or a city like Seattle`);
  const exact = db.all<AirportRow>("SELECT id, iata_code, name, city, country FROM airports WHERE upper(iata_code) = upper(?)", t);
  if (exact.length) return exact;
  const city = db.all<AirportRow>("SELECT id, iata_code, name, city, country FROM airports WHERE lower(city) = lower(?) ORDER BY iata_code", t);
  if (city.length) return city;
  const like = db.all<AirportRow>("SELECT id, iata_code, name, city, country FROM airports WHERE city LIKE ? OR name LIKE ? ORDER BY iata_code", likeText(t), likeText(t));
  if (!like.length) throw new ToolError(`no airport matches ${field} '${t}'; use search_airports to find its code`);
  return like;
}

function resolveOneAirport(db: SqlDatabase, text: string, field: string): AirportRow {
  const all = resolveAirports(db, text, field);
  if (all.length > 1) throw new ToolError(`${field} '${text.trim()}' matches several airports (${all.map((a) => a.iata_code).join(", ")}); give one airport code`);
  return all[0]!;
}

function resolveAirline(db: SqlDatabase, text: string): { id: number; iata_code: string; name: string; loyalty_program: string } {
  const t = text.trim();
  const exact = db.get<{ id: number; iata_code: string; name: string; loyalty_program: string }>(
    "SELECT id, iata_code, name, loyalty_program FROM airlines WHERE upper(iata_code) = upper(?) OR lower(name) = lower(?) OR lower(loyalty_program) = lower(?)",
    t,
    t,
    t,
  );
  if (exact) return exact;
  const like = db.all<{ id: number; iata_code: string; name: string; loyalty_program: string }>(
    "SELECT id, iata_code, name, loyalty_program FROM airlines WHERE name LIKE ? OR loyalty_program LIKE ? ORDER BY id",
    likeText(t),
    likeText(t),
  );
  if (like.length === 1) return like[0]!;
  if (like.length > 1) throw new ToolError(`airline '${t}' is ambiguous: ${like.map((a) => a.name).join(", ")}`);
  throw new ToolError(`no airline matches '${t}'; use list_airlines`);
}

// ---------------------------------------------------------------------------
// Seats
// ---------------------------------------------------------------------------

type SeatType = "window" | "middle" | "aisle";

function parseLayout(layout: string): { letters: string[]; types: Record<string, SeatType> } {
  const blocks = layout.trim().split(/\s+/);
  const letters: string[] = [];
  const types: Record<string, SeatType> = {};
  blocks.forEach((block, bi) => {
    [...block].forEach((letter, li) => {
      letters.push(letter);
      const isWindow = (bi === 0 && li === 0) || (bi === blocks.length - 1 && li === block.length - 1);
      const isAisle = (li === block.length - 1 && bi < blocks.length - 1) || (li === 0 && bi > 0);
      types[letter] = isWindow ? "window" : isAisle ? "aisle" : "middle";
    });
  });
  return { letters, types };
}

function cabinLayout(ac: AircraftRow, cabin: Cabin): { first: number; last: number; layout: string } | null {
  if (cabin === "business") return ac.business_first_row !== null && ac.business_layout ? { first: ac.business_first_row, last: ac.business_last_row!, layout: ac.business_layout } : null;
  if (cabin === "premium_economy") return ac.premium_first_row !== null && ac.premium_layout ? { first: ac.premium_first_row, last: ac.premium_last_row!, layout: ac.premium_layout } : null;
  return { first: ac.economy_first_row, last: ac.economy_last_row, layout: ac.economy_layout };
}

function seatFee(ac: AircraftRow, cabin: Cabin, row: number): number {
  return cabin === "economy" && row < ac.economy_first_row + PREFERRED_ROWS ? PREFERRED_SEAT_FEE : 0;
}

function getAircraft(db: SqlDatabase, id: number): AircraftRow {
  return db.get<AircraftRow>("SELECT * FROM aircraft WHERE id = ?", id)!;
}

// ---------------------------------------------------------------------------
// Flight search
// ---------------------------------------------------------------------------

interface Itinerary {
  flight_ids: number[];
  stops: number;
  legs: FlightRow[];
  fares: { fare_brand: FareBrand; price_cents: number; total_cents: number; refundable: boolean; changeable: boolean; seats_left: number }[];
  lowest_price_cents: number;
  departs_at: string;
  arrives_at: string;
  total_duration_minutes: number;
  layover: { airport: string; minutes: number } | null;
}

function faresFor(db: SqlDatabase, flightId: number, cabin: Cabin): FareRow[] {
  return db.all<FareRow>("SELECT * FROM fares WHERE flight_id = ? AND cabin = ? ORDER BY price_cents", flightId, cabin);
}

function priceItinerary(db: SqlDatabase, legs: FlightRow[], cabin: Cabin, passengers: number): Itinerary | null {
  const perLeg = legs.map((l) => faresFor(db, l.flight_id, cabin));
  const fares: Itinerary["fares"] = [];
  for (const brand of FARE_BRANDS) {
    const picked = perLeg.map((fs) => fs.find((f) => f.fare_brand === brand && f.seats_left >= passengers));
    if (picked.some((p) => !p)) continue;
    const ps = picked as FareRow[];
    const price = ps.reduce((n, f) => n + f.price_cents, 0);
    fares.push({
      fare_brand: brand,
      price_cents: price,
      total_cents: price * passengers,
      refundable: ps.every((f) => f.refundable === 1),
      changeable: ps.every((f) => f.changeable === 1),
      seats_left: Math.min(...ps.map((f) => f.seats_left)),
    });
  }
  if (!fares.length) return null;
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  const layover = legs.length > 1 ? { airport: first.destination, minutes: minutesBetween(first.arrives_at, legs[1]!.departs_at) } : null;
  return {
    flight_ids: legs.map((l) => l.flight_id),
    stops: legs.length - 1,
    legs,
    fares,
    lowest_price_cents: Math.min(...fares.map((f) => f.price_cents)),
    departs_at: first.departs_at,
    arrives_at: last.arrives_at,
    total_duration_minutes: legs.reduce((n, l) => n + l.duration_minutes, 0) + (layover?.minutes ?? 0),
    layover,
  };
}

function findItineraries(ctx: ToolContext, originIds: number[], destIds: number[], date: string, cabin: Cabin, passengers: number, nonstopOnly: boolean): Itinerary[] {
  const live = "f.status IN ('scheduled', 'delayed') AND f.departs_at > ?";
  const direct = ctx.db.all<FlightRow>(
    `${FLIGHT_SELECT} WHERE f.origin_airport_id IN (${placeholders(originIds.length)}) AND f.destination_airport_id IN (${placeholders(destIds.length)})
     AND substr(f.departs_at, 1, 10) = ? AND ${live} ORDER BY f.departs_at`,
    ...originIds,
    ...destIds,
    date,
    ctx.timestamp,
  );
  const options: Itinerary[] = [];
  for (const f of direct) {
    const it = priceItinerary(ctx.db, [f], cabin, passengers);
    if (it) options.push(it);
  }
  if (!nonstopOnly) {
    const pairs = ctx.db.all<{ a: number; b: number }>(
      `SELECT f.id AS a, g.id AS b FROM flights f JOIN flights g ON g.origin_airport_id = f.destination_airport_id
       WHERE f.origin_airport_id IN (${placeholders(originIds.length)}) AND g.destination_airport_id IN (${placeholders(destIds.length)})
       AND f.destination_airport_id NOT IN (${placeholders(destIds.length)}) AND substr(f.departs_at, 1, 10) = ? AND ${live}
       AND g.status IN ('scheduled', 'delayed')
       AND (julianday(g.departs_at) - julianday(f.arrives_at)) * 1440 BETWEEN ? AND ?
       ORDER BY f.departs_at, g.departs_at`,
      ...originIds,
      ...destIds,
      ...destIds,
      date,
      ctx.timestamp,
      MIN_CONNECTION_MIN,
      MAX_CONNECTION_MIN,
    );
    for (const p of pairs) {
      const it = priceItinerary(ctx.db, [getFlight(ctx.db, p.a), getFlight(ctx.db, p.b)], cabin, passengers);
      if (it) options.push(it);
    }
  }
  return options;
}

function itinerarySummary(it: Itinerary, passengers: number) {
  return {
    flight_ids: it.flight_ids,
    stops: it.stops,
    nonstop: it.stops === 0,
    airlines: [...new Set(it.legs.map((l) => l.airline))].join(" / "),
    departs_at: it.departs_at,
    arrives_at: it.arrives_at,
    total_duration_minutes: it.total_duration_minutes,
    layover: it.layover,
    lowest_price_cents: it.lowest_price_cents,
    lowest_total_cents: it.lowest_price_cents * passengers,
    fares: it.fares,
    legs: it.legs.map((l) => ({
      flight_id: l.flight_id,
      flight_number: l.flight_number,
      airline: l.airline,
      origin: l.origin,
      destination: l.destination,
      departs_at: l.departs_at,
      arrives_at: l.arrives_at,
      duration_minutes: l.duration_minutes,
      aircraft: l.aircraft,
      status: l.status,
    })),
  };
}

// ---------------------------------------------------------------------------
// Hotels
// ---------------------------------------------------------------------------

interface RoomQuote {
  available: boolean;
  reason: string | null;
  nights: { date: string; rate_cents: number }[];
  total_cents: number;
}

interface HotelResult {
  hotel_id: number;
  name: string;
  city: string;
  neighborhood: string;
  star_rating: number;
  guest_rating: number;
  amenities: string;
  matching_room_types: number;
  cheapest_room: {
    room_type_id: number;
    name: string;
    bed_type: string;
    refundable: boolean;
    free_cancellation_until: string | null;
    breakfast_included: boolean;
    nights: number;
    avg_nightly_cents: number;
    total_cents: number;
  };
}

function quoteRoom(db: SqlDatabase, rt: RoomTypeRow, checkIn: string, checkOut: string, rooms: number): RoomQuote {
  const nights: RoomQuote["nights"] = [];
  let reason: string | null = null;
  for (const night of nightsOf(checkIn, checkOut)) {
    const o = db.get<{ rate_cents: number | null; is_closed: number }>("SELECT rate_cents, is_closed FROM room_rate_overrides WHERE room_type_id = ? AND night_date = ?", rt.id, night);
    const booked = db.get<{ n: number }>(
      "SELECT COALESCE(SUM(rooms), 0) AS n FROM hotel_reservations WHERE room_type_id = ? AND status = 'confirmed' AND check_in <= ? AND check_out > ?",
      rt.id,
      night,
      night,
    )!.n;
    if (!reason && (o?.is_closed === 1 || rt.total_rooms - booked < rooms)) reason = `sold out on the night of ${night}`;
    nights.push({ date: night, rate_cents: o?.rate_cents ?? rt.base_rate_cents });
  }
  return { available: reason === null, reason, nights, total_cents: nights.reduce((n, x) => n + x.rate_cents, 0) * rooms };
}

function freeCancelUntil(rt: { refundable: number; free_cancel_days: number | null }, checkIn: string): string | null {
  return rt.refundable === 1 && rt.free_cancel_days !== null ? addDays(checkIn, -rt.free_cancel_days) : null;
}

function cancellationPolicy(rt: { refundable: number; free_cancel_days: number | null }, checkIn: string | null): string {
  if (rt.refundable !== 1) return "Non-refundable: nothing is refunded if cancelled.";
  const until = checkIn ? freeCancelUntil(rt, checkIn) : null;
  const when = until ? `until ${until}` : `until ${rt.free_cancel_days} day(s) before check-in`;
  return `Free cancellation ${when}; after that one night's average rate is kept.`;
}

function checkStayDates(ctx: ToolContext, checkIn: string, checkOut: string): number {
  checkDate(checkIn, "check_in");
  checkDate(checkOut, "check_out");
  if (checkOut <= checkIn) throw new ToolError("check_out must be after check_in");
  if (checkIn < ctx.today) throw new ToolError(`check_in ${checkIn} is in the past (today is ${ctx.today})`);
  const n = nightsOf(checkIn, checkOut).length;
  if (n > MAX_NIGHTS) throw new ToolError(`stays are limited to ${MAX_NIGHTS} nights`);
  return n;
}

// ---------------------------------------------------------------------------
// Refund rules
// ---------------------------------------------------------------------------

interface SegmentRefund {
  segment_id: number;
  flight: string;
  passengers: number;
  fare_paid_cents: number;
  fare_refund_cents: number;
  seat_fees_refund_cents: number;
  bag_fees_refund_cents: number;
  refund_cents: number;
  rule: string;
}

function segmentRefund(db: SqlDatabase, seg: SegmentRow): SegmentRefund {
  const f = getFlight(db, seg.flight_id);
  const fare = db.get<FareRow>("SELECT * FROM fares WHERE id = ?", seg.fare_id)!;
  const pax = db.get<{ n: number }>("SELECT count(*) AS n FROM segment_passengers WHERE segment_id = ?", seg.id)!.n;
  const fareRefund = fare.refundable === 1 ? Math.max(0, seg.fare_paid_cents - fare.cancel_fee_cents * pax) : 0;
  const seats = db.get<{ n: number }>(
    "SELECT COALESCE(SUM(sa.fee_cents), 0) AS n FROM seat_assignments sa JOIN segment_passengers sp ON sp.id = sa.segment_passenger_id WHERE sp.segment_id = ? AND sa.status = 'active'",
    seg.id,
  )!.n;
  const bags = db.get<{ n: number }>(
    "SELECT COALESCE(SUM(bg.fee_cents), 0) AS n FROM baggage bg JOIN segment_passengers sp ON sp.id = bg.segment_passenger_id WHERE sp.segment_id = ? AND bg.status = 'active'",
    seg.id,
  )!.n;
  const rule =
    fare.refundable !== 1
      ? `${fare.cabin} ${fare.fare_brand} fare is non-refundable; only seat and bag fees are refunded`
      : fare.cancel_fee_cents > 0
        ? `refundable ${fare.fare_brand} fare minus a ${money(fare.cancel_fee_cents)} cancellation fee per passenger; seat and bag fees refunded`
        : `fully refundable ${fare.fare_brand} fare; seat and bag fees refunded`;
  return {
    segment_id: seg.id,
    flight: flightLabel(f),
    passengers: pax,
    fare_paid_cents: seg.fare_paid_cents,
    fare_refund_cents: fareRefund,
    seat_fees_refund_cents: seats,
    bag_fees_refund_cents: bags,
    refund_cents: fareRefund + seats + bags,
    rule,
  };
}

interface ReservationRefund {
  reservation_id: number;
  hotel: string;
  check_in: string;
  check_out: string;
  total_cents: number;
  refund_cents: number;
  rule: string;
}

function reservationRefund(ctx: ToolContext, r: ReservationRow): ReservationRefund {
  const rt = ctx.db.get<RoomTypeRow & { hotel_name: string }>(
    "SELECT rt.*, h.name AS hotel_name FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id WHERE rt.id = ?",
    r.room_type_id,
  )!;
  const nights = nightsOf(r.check_in, r.check_out).length;
  const until = freeCancelUntil(rt, r.check_in);
  let refund = 0;
  let rule: string;
  if (rt.refundable !== 1) rule = "non-refundable rate";
  else if (until !== null && ctx.today <= until) {
    refund = r.total_cents;
    rule = `free cancellation until ${until}`;
  } else {
    refund = r.total_cents - Math.round(r.total_cents / nights);
    rule = `free cancellation ended on ${until}; one night's average rate is kept`;
  }
  return { reservation_id: r.id, hotel: `${rt.hotel_name}, ${rt.name}`, check_in: r.check_in, check_out: r.check_out, total_cents: r.total_cents, refund_cents: refund, rule };
}

function assertSegmentOpen(ctx: ToolContext, seg: SegmentRow): FlightRow {
  const f = getFlight(ctx.db, seg.flight_id);
  if (seg.status !== "confirmed") throw new ToolError(`flight segment ${seg.id} (${flightLabel(f)}) is ${seg.status}`);
  if (f.departs_at <= ctx.timestamp || f.status === "departed" || f.status === "landed") throw new ToolError(`flight ${flightLabel(f)} has already departed`);
  return f;
}

function assertReservationOpen(ctx: ToolContext, r: ReservationRow) {
  if (r.status !== "confirmed") throw new ToolError(`hotel reservation ${r.id} (${r.confirmation_code}) is ${r.status}`);
  if (r.check_in <= ctx.today) throw new ToolError(`hotel reservation ${r.confirmation_code} has already started (check-in ${r.check_in})`);
}

/** Releases a segment's seats, refunding their fees; returns how many were released and the amount refunded. */
function releaseSeats(ctx: ToolContext, seg: SegmentRow, f: FlightRow): { released: number; refunded: number } {
  const seats = ctx.db.all<{ id: number; seat_number: string; fee_cents: number }>(
    "SELECT sa.id, sa.seat_number, sa.fee_cents FROM seat_assignments sa JOIN segment_passengers sp ON sp.id = sa.segment_passenger_id WHERE sp.segment_id = ? AND sa.status = 'active'",
    seg.id,
  );
  let refunded = 0;
  for (const s of seats) {
    ctx.db.run("UPDATE seat_assignments SET status = 'released', released_at = ? WHERE id = ?", ctx.timestamp, s.id);
    if (s.fee_cents > 0) {
      const pm = chargeMethod(ctx.db, "seat_assignment_id", s.id) ?? defaultMethodId(ctx);
      recordPayment(ctx, seg.booking_id, pm, "refund", s.fee_cents, `Refund of seat ${s.seat_number} on ${f.flight_number}`, { flight_segment_id: seg.id, seat_assignment_id: s.id });
      refunded += s.fee_cents;
    }
  }
  return { released: seats.length, refunded };
}

function cancelSegment(ctx: ToolContext, seg: SegmentRow): SegmentRefund {
  const f = assertSegmentOpen(ctx, seg);
  const quote = segmentRefund(ctx.db, seg);
  releaseSeats(ctx, seg, f);
  const bags = ctx.db.all<{ id: number; fee_cents: number; quantity: number; kind: string }>(
    "SELECT bg.id, bg.fee_cents, bg.quantity, bg.kind FROM baggage bg JOIN segment_passengers sp ON sp.id = bg.segment_passenger_id WHERE sp.segment_id = ? AND bg.status = 'active'",
    seg.id,
  );
  for (const b of bags) {
    ctx.db.run("UPDATE baggage SET status = 'cancelled', cancelled_at = ? WHERE id = ?", ctx.timestamp, b.id);
    const pm = chargeMethod(ctx.db, "baggage_id", b.id) ?? defaultMethodId(ctx);
    recordPayment(ctx, seg.booking_id, pm, "refund", b.fee_cents, `Refund of ${b.quantity} ${b.kind} bag(s) on ${f.flight_number}`, { flight_segment_id: seg.id, baggage_id: b.id });
  }
  ctx.db.run("UPDATE fares SET seats_left = seats_left + ? WHERE id = ?", quote.passengers, seg.fare_id);
  ctx.db.run("UPDATE flight_segments SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, seg.id);
  const pm = chargeMethod(ctx.db, "flight_segment_id", seg.id) ?? defaultMethodId(ctx);
  recordPayment(ctx, seg.booking_id, pm, "refund", quote.fare_refund_cents, `Refund for cancelled flight ${f.flight_number} ${f.origin}-${f.destination}`, { flight_segment_id: seg.id });
  return quote;
}

function cancelReservation(ctx: ToolContext, r: ReservationRow): ReservationRefund {
  assertReservationOpen(ctx, r);
  const quote = reservationRefund(ctx, r);
  ctx.db.run("UPDATE hotel_reservations SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, r.id);
  const pm = chargeMethod(ctx.db, "hotel_reservation_id", r.id) ?? defaultMethodId(ctx);
  recordPayment(ctx, r.booking_id, pm, "refund", quote.refund_cents, `Refund for cancelled stay at ${quote.hotel}`, { hotel_reservation_id: r.id });
  return quote;
}

// ---------------------------------------------------------------------------
// Trip views
// ---------------------------------------------------------------------------

function tripSegments(ctx: ToolContext, bookingId: number) {
  const segs = ctx.db.all<SegmentRow & { created_at: string; cancelled_at: string | null }>(
    "SELECT s.id, s.booking_id, s.flight_id, s.fare_id, s.status, s.fare_paid_cents, s.created_at, s.cancelled_at FROM flight_segments s JOIN flights f ON f.id = s.flight_id WHERE s.booking_id = ? ORDER BY f.departs_at, s.id",
    bookingId,
  );
  return segs.map((s) => {
    const f = getFlight(ctx.db, s.flight_id);
    const fare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE id = ?", s.fare_id)!;
    const passengers = ctx.db
      .all<{ sp_id: number; traveler_id: number; first_name: string; last_name: string; ticket_number: string; loyalty_number: string | null }>(
        "SELECT sp.id AS sp_id, sp.traveler_id, t.first_name, t.last_name, sp.ticket_number, sp.loyalty_number FROM segment_passengers sp JOIN travelers t ON t.id = sp.traveler_id WHERE sp.segment_id = ? ORDER BY sp.id",
        s.id,
      )
      .map((p) => {
        const seat = ctx.db.get<{ seat_number: string; fee_cents: number }>("SELECT seat_number, fee_cents FROM seat_assignments WHERE segment_passenger_id = ? AND status = 'active'", p.sp_id);
        const bags = ctx.db.all("SELECT id AS bag_id, kind, quantity, fee_cents, status FROM baggage WHERE segment_passenger_id = ? ORDER BY id", p.sp_id);
        return {
          traveler_id: p.traveler_id,
          name: travelerName(p),
          ticket_number: p.ticket_number,
          loyalty_number: p.loyalty_number,
          seat: seat?.seat_number ?? null,
          seat_fee_cents: seat?.fee_cents ?? 0,
          added_bags: bags,
        };
      });
    return {
      segment_id: s.id,
      status: s.status,
      flight_id: f.flight_id,
      flight_number: f.flight_number,
      airline: f.airline,
      origin: f.origin,
      origin_city: f.origin_city,
      destination: f.destination,
      destination_city: f.destination_city,
      departs_at: f.departs_at,
      arrives_at: f.arrives_at,
      flight_status: f.status,
      aircraft: f.aircraft,
      fare_id: fare.id,
      cabin: fare.cabin,
      fare_brand: fare.fare_brand,
      fare_paid_cents: s.fare_paid_cents,
      refundable: fare.refundable === 1,
      cancel_fee_per_passenger_cents: fare.cancel_fee_cents,
      changeable: fare.changeable === 1,
      change_fee_per_passenger_cents: fare.change_fee_cents,
      checked_bags_included: fare.checked_bags_included,
      cancelled_at: s.cancelled_at,
      passengers,
    };
  });
}

function tripHotels(ctx: ToolContext, bookingId: number) {
  return ctx.db
    .all<ReservationRow & { hotel_id: number; hotel: string; city: string; room_type: string; refundable: number; free_cancel_days: number | null; breakfast_included: number; lead_first: string; lead_last: string; cancelled_at: string | null }>(
      `SELECT r.*, h.id AS hotel_id, h.name AS hotel, h.city, rt.name AS room_type, rt.refundable, rt.free_cancel_days, rt.breakfast_included,
         t.first_name AS lead_first, t.last_name AS lead_last
       FROM hotel_reservations r JOIN room_types rt ON rt.id = r.room_type_id JOIN hotels h ON h.id = rt.hotel_id JOIN travelers t ON t.id = r.lead_traveler_id
       WHERE r.booking_id = ? ORDER BY r.check_in, r.id`,
      bookingId,
    )
    .map((r) => ({
      reservation_id: r.id,
      confirmation_code: r.confirmation_code,
      status: r.status,
      hotel_id: r.hotel_id,
      hotel: r.hotel,
      city: r.city,
      room_type_id: r.room_type_id,
      room_type: r.room_type,
      check_in: r.check_in,
      check_out: r.check_out,
      nights: nightsOf(r.check_in, r.check_out).length,
      rooms: r.rooms,
      guests: r.guests,
      lead_traveler: `${r.lead_first} ${r.lead_last}`,
      breakfast_included: r.breakfast_included === 1,
      total_cents: r.total_cents,
      cancellation_policy: cancellationPolicy(r, r.check_in),
      special_requests: r.special_requests,
      cancelled_at: r.cancelled_at,
    }));
}

function tripTotals(db: SqlDatabase, bookingId: number) {
  const t = db.get<{ charged: number; refunded: number }>(
    "SELECT COALESCE(SUM(CASE WHEN kind = 'charge' THEN amount_cents END), 0) AS charged, COALESCE(SUM(CASE WHEN kind = 'refund' THEN amount_cents END), 0) AS refunded FROM payments WHERE booking_id = ? AND status = 'succeeded'",
    bookingId,
  )!;
  return { charged_cents: t.charged, refunded_cents: t.refunded, net_paid_cents: t.charged - t.refunded, net_paid: money(t.charged - t.refunded) };
}

function tripSummary(ctx: ToolContext, b: BookingRow) {
  const cancelled = b.status === "cancelled";
  const segs = ctx.db.all<{ departs_at: string; arrives_at: string; origin_city: string; destination_city: string; status: string }>(
    `SELECT f.departs_at, f.arrives_at, o.city AS origin_city, d.city AS destination_city, s.status FROM flight_segments s JOIN flights f ON f.id = s.flight_id
     JOIN airports o ON o.id = f.origin_airport_id JOIN airports d ON d.id = f.destination_airport_id WHERE s.booking_id = ? ORDER BY f.departs_at`,
    b.id,
  ).filter((s) => cancelled || s.status !== "cancelled");
  const stays = ctx.db.all<{ check_in: string; check_out: string; city: string; hotel: string; status: string }>(
    "SELECT r.check_in, r.check_out, h.city, h.name AS hotel, r.status FROM hotel_reservations r JOIN room_types rt ON rt.id = r.room_type_id JOIN hotels h ON h.id = rt.hotel_id WHERE r.booking_id = ? ORDER BY r.check_in",
    b.id,
  ).filter((r) => cancelled || r.status !== "cancelled");
  const starts = [...segs.map((s) => s.departs_at.slice(0, 10)), ...stays.map((r) => r.check_in)].sort();
  const ends = [...segs.map((s) => s.arrives_at.slice(0, 10)), ...stays.map((r) => r.check_out)].sort();
  const home = segs[0]?.origin_city;
  const places = [...new Set([...segs.map((s) => s.destination_city).filter((c) => c !== home), ...stays.map((r) => r.city)])];
  const travelers = ctx.db.all<{ name: string }>(
    `SELECT DISTINCT t.first_name || ' ' || t.last_name AS name FROM travelers t WHERE t.id IN (
       SELECT sp.traveler_id FROM segment_passengers sp JOIN flight_segments s ON s.id = sp.segment_id WHERE s.booking_id = ?
       UNION SELECT lead_traveler_id FROM hotel_reservations WHERE booking_id = ?) ORDER BY t.id`,
    b.id,
    b.id,
  );
  return {
    trip_id: b.id,
    reference: b.reference,
    title: b.title,
    status: b.status,
    start_date: starts[0] ?? null,
    end_date: ends[ends.length - 1] ?? null,
    destinations: places,
    travelers: travelers.map((t) => t.name),
    flights: segs.length,
    hotel_stays: stays.length,
    hotels: stays.map((s) => s.hotel),
    ...tripTotals(ctx.db, b.id),
  };
}

// ---------------------------------------------------------------------------
// Price alerts
// ---------------------------------------------------------------------------

function lowestPrice(ctx: ToolContext, originId: number, destId: number, date: string, cabin: Cabin, nonstopOnly: boolean): number | null {
  if (date < ctx.today) return null;
  const options = findItineraries(ctx, [originId], [destId], date, cabin, 1, nonstopOnly);
  return options.length ? Math.min(...options.map((o) => o.lowest_price_cents)) : null;
}

interface AlertRow {
  id: number;
  origin_airport_id: number;
  destination_airport_id: number;
  origin: string;
  destination: string;
  depart_date: string;
  cabin: Cabin;
  nonstop_only: number;
  target_price_cents: number;
  status: string;
  created_at: string;
}

function alertView(ctx: ToolContext, a: AlertRow) {
  const low = lowestPrice(ctx, a.origin_airport_id, a.destination_airport_id, a.depart_date, a.cabin, a.nonstop_only === 1);
  return {
    alert_id: a.id,
    origin: a.origin,
    destination: a.destination,
    depart_date: a.depart_date,
    cabin: a.cabin,
    nonstop_only: a.nonstop_only === 1,
    target_price_cents: a.target_price_cents,
    status: a.status,
    current_lowest_price_cents: low,
    below_target: low !== null && low <= a.target_price_cents,
    created_at: a.created_at,
  };
}

const ALERT_SELECT = `SELECT pa.id, pa.origin_airport_id, pa.destination_airport_id, o.iata_code AS origin, d.iata_code AS destination, pa.depart_date, pa.cabin,
  pa.nonstop_only, pa.target_price_cents, pa.status, pa.created_at
  FROM price_alerts pa JOIN airports o ON o.id = pa.origin_airport_id JOIN airports d ON d.id = pa.destination_airport_id`;

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- reference data -----
    search_airports: tool({
      description: "Find airports by IATA code, city, airport name or country code (partial, case-insensitive). Returns a page of airports with their codes; cities like Chicago have more than one airport.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Code, city or name to look for, e.g. 'Chicago' or 'LIS'. Empty lists all airports.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) => {
        const w = likeText(query);
        return sqlPage(
          ctx.db,
          "SELECT id AS airport_id, iata_code, name, city, country, timezone FROM airports WHERE iata_code LIKE ? OR city LIKE ? OR name LIKE ? OR country LIKE ? ORDER BY city, iata_code",
          "SELECT count(*) AS n FROM airports WHERE iata_code LIKE ? OR city LIKE ? OR name LIKE ? OR country LIKE ?",
          [w, w, w, w],
          limit,
          offset,
        );
      },
    }),

    list_airlines: tool({
      description: "List the airlines sold on the site with their two-letter code, frequent-flyer program and alliance. Returns a page of airlines.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        sqlPage(ctx.db, "SELECT id AS airline_id, iata_code, name, loyalty_program, alliance FROM airlines ORDER BY name", "SELECT count(*) AS n FROM airlines", [], limit, offset),
    }),

    // ----- flights -----
    search_flights: tool({
      description:
        "Search flights for one departure date (local time): nonstop flights and one-stop connections (45 min to 6 h layover), priced per passenger for the cabin, per fare brand (basic / standard / flex), counting only fares with enough seats for all passengers. Returns a page of options with flight_ids (pass them to book_flight), legs, fares and lowest price. Errors if an airport or city is unknown.",
      input: v.object({
        origin: v.pipe(v.string(), v.minLength(1), v.description("Departure airport code (SFO) or city (San Francisco). A city searches all its airports.")),
        destination: v.pipe(v.string(), v.minLength(1), v.description("Arrival airport code (SEA) or city (Seattle).")),
        date: DateText("Departure date, YYYY-MM-DD (local date at the origin)."),
        cabin: v.optional(v.pipe(v.picklist(CABINS), v.description("Cabin: economy, premium_economy or business (default economy).")), "economy"),
        passengers: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9), v.description("Number of travellers who need seats (default 1).")), 1),
        nonstop_only: v.optional(v.pipe(v.boolean(), v.description("Only nonstop flights (default false).")), false),
        max_price_cents: v.optional(Cents("Only options whose lowest per-passenger price is at or below this, in cents.")),
        airline: v.optional(v.pipe(v.string(), v.description("Only options flown entirely by this airline (code or name)."))),
        depart_after: v.optional(TimeText("Only options leaving at or after this local time, HH:MM.")),
        depart_before: v.optional(TimeText("Only options leaving at or before this local time, HH:MM.")),
        sort: v.optional(v.pipe(v.picklist(["price", "departure", "arrival", "duration"]), v.description("Sort order (default price, cheapest first).")), "price"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        checkDate(a.date, "date");
        if (a.date < ctx.today) throw new ToolError(`date ${a.date} is in the past (today is ${ctx.today})`);
        const origins = resolveAirports(ctx.db, a.origin, "origin");
        const dests = resolveAirports(ctx.db, a.destination, "destination");
        const airline = a.airline?.trim() ? resolveAirline(ctx.db, a.airline) : null;
        let options = findItineraries(ctx, origins.map((o) => o.id), dests.map((d) => d.id), a.date, a.cabin, a.passengers, a.nonstop_only);
        if (airline) options = options.filter((o) => o.legs.every((l) => l.airline_id === airline.id));
        if (a.max_price_cents !== undefined) options = options.filter((o) => o.lowest_price_cents <= a.max_price_cents!);
        if (a.depart_after) options = options.filter((o) => o.departs_at.slice(11, 16) >= a.depart_after!);
        if (a.depart_before) options = options.filter((o) => o.departs_at.slice(11, 16) <= a.depart_before!);
        const cmp = {
          price: (x: Itinerary, y: Itinerary) => x.lowest_price_cents - y.lowest_price_cents || x.departs_at.localeCompare(y.departs_at),
          departure: (x: Itinerary, y: Itinerary) => x.departs_at.localeCompare(y.departs_at) || x.lowest_price_cents - y.lowest_price_cents,
          arrival: (x: Itinerary, y: Itinerary) => x.arrives_at.localeCompare(y.arrives_at) || x.lowest_price_cents - y.lowest_price_cents,
          duration: (x: Itinerary, y: Itinerary) => x.total_duration_minutes - y.total_duration_minutes || x.lowest_price_cents - y.lowest_price_cents,
        }[a.sort];
        options.sort(cmp);
        return {
          origin_airports: origins.map((o) => o.iata_code),
          destination_airports: dests.map((d) => d.iata_code),
          date: a.date,
          cabin: a.cabin,
          passengers: a.passengers,
          ...page(options.map((o) => itinerarySummary(o, a.passengers)), a.limit, a.offset),
        };
      },
    }),

    get_flight: tool({
      description:
        "Get one flight's schedule (local times), aircraft and status, with every fare: fare_id, cabin, brand, price per passenger, seats left, refund and change rules and included bags; also the seat and bag fees. Errors if the flight does not exist.",
      input: v.object({ flight_id: Id("The flight's id (from search_flights or get_trip).") }),
      handler: ({ flight_id }, ctx) => {
        const f = getFlight(ctx.db, flight_id);
        const fares = ctx.db
          .all<FareRow>("SELECT * FROM fares WHERE flight_id = ? ORDER BY CASE cabin WHEN 'economy' THEN 0 WHEN 'premium_economy' THEN 1 ELSE 2 END, price_cents", flight_id)
          .map((x) => ({
            fare_id: x.id,
            cabin: x.cabin,
            fare_brand: x.fare_brand,
            price_cents: x.price_cents,
            seats_left: x.seats_left,
            refundable: x.refundable === 1,
            cancel_fee_per_passenger_cents: x.refundable === 1 ? x.cancel_fee_cents : null,
            changeable: x.changeable === 1,
            change_fee_per_passenger_cents: x.changeable === 1 ? x.change_fee_cents : null,
            checked_bags_included: x.checked_bags_included,
          }));
        return {
          ...f,
          international: isInternational(f),
          passport_rule: isInternational(f) ? "Every traveller needs a passport valid at least 6 months after departure." : null,
          fares,
          extras: {
            preferred_seat_fee_cents: PREFERRED_SEAT_FEE,
            preferred_seats: `the first ${PREFERRED_ROWS} economy rows; every other seat is free to choose`,
            checked_bag_fee_cents: BAG_FEES.checked,
            oversized_bag_fee_cents: BAG_FEES.oversized,
          },
        };
      },
    }),

    get_seat_map: tool({
      description:
        "Show the seat map of one cabin on a flight: for each row, the seats still free and those taken, the seat fee (first 3 economy rows cost $30; others are free), and whether each letter is a window, middle or aisle seat. Errors if the flight does not exist or has no such cabin.",
      input: v.object({
        flight_id: Id("The flight's id."),
        cabin: v.optional(v.pipe(v.picklist(CABINS), v.description("Cabin to show (default economy).")), "economy"),
      }),
      handler: ({ flight_id, cabin }, ctx) => {
        const f = getFlight(ctx.db, flight_id);
        const ac = getAircraft(ctx.db, f.aircraft_id);
        const cl = cabinLayout(ac, cabin);
        const sold = ctx.db.get("SELECT 1 FROM fares WHERE flight_id = ? AND cabin = ?", flight_id, cabin);
        if (!cl || !sold) throw new ToolError(`flight ${flightLabel(f)} has no ${cabin} cabin`);
        const { letters, types } = parseLayout(cl.layout);
        const taken = new Set(ctx.db.all<{ seat_number: string }>("SELECT seat_number FROM seat_assignments WHERE flight_id = ? AND status = 'active'", flight_id).map((s) => s.seat_number));
        const rows = Array.from({ length: cl.last - cl.first + 1 }, (_, i) => {
          const r = cl.first + i;
          return { row: r, seat_fee_cents: seatFee(ac, cabin, r), available: letters.filter((l) => !taken.has(`${r}${l}`)), taken: letters.filter((l) => taken.has(`${r}${l}`)) };
        });
        const free = rows.reduce((n, r) => n + r.available.length, 0);
        return { flight_id, flight_number: f.flight_number, aircraft: ac.name, cabin, layout: cl.layout, seat_types: types, available_seats: free, rows };
      },
    }),

    // ----- hotels -----
    search_hotels: tool({
      description:
        "Search hotels in a city for a stay (check-in to check-out date), showing for each hotel its cheapest room type that is available every night for the rooms and guests asked, with the stay total and cancellation terms. Returns a page of hotels; use get_hotel for all room types.",
      input: v.object({
        city: v.pipe(v.string(), v.minLength(1), v.description("City, e.g. 'Boston' (partial match).")),
        check_in: DateText("Check-in date, YYYY-MM-DD."),
        check_out: DateText("Check-out date, YYYY-MM-DD (after check-in)."),
        guests: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12), v.description("Total guests (default 1).")), 1),
        rooms: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Rooms needed (default 1).")), 1),
        min_stars: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(5), v.description("Minimum star rating, e.g. 4."))),
        min_guest_rating: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10), v.description("Minimum guest review score out of 10."))),
        max_nightly_price_cents: v.optional(Cents("Maximum average price per room per night, in cents.")),
        free_cancellation_only: v.optional(v.pipe(v.boolean(), v.description("Only consider refundable rates whose free-cancellation deadline has not passed (default false).")), false),
        sort: v.optional(v.pipe(v.picklist(["price", "guest_rating", "stars"]), v.description("Sort order (default price, cheapest stay first).")), "price"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const nights = checkStayDates(ctx, a.check_in, a.check_out);
        const hotels = ctx.db.all<{ id: number; name: string; city: string; country: string; neighborhood: string; star_rating: number; guest_rating: number; amenities: string }>(
          "SELECT id, name, city, country, neighborhood, star_rating, guest_rating, amenities FROM hotels WHERE city LIKE ? ORDER BY name",
          likeText(a.city),
        );
        const results: HotelResult[] = [];
        for (const h of hotels) {
          if (a.min_stars !== undefined && h.star_rating < a.min_stars) continue;
          if (a.min_guest_rating !== undefined && h.guest_rating < a.min_guest_rating) continue;
          const quotes = ctx.db
            .all<RoomTypeRow>("SELECT * FROM room_types WHERE hotel_id = ? ORDER BY base_rate_cents", h.id)
            .filter((rt) => rt.max_guests * a.rooms >= a.guests)
            .map((rt) => ({ rt, q: quoteRoom(ctx.db, rt, a.check_in, a.check_out, a.rooms), until: freeCancelUntil(rt, a.check_in) }))
            .filter((x) => x.q.available)
            .filter((x) => !a.free_cancellation_only || (x.until !== null && x.until >= ctx.today))
            .filter((x) => a.max_nightly_price_cents === undefined || Math.round(x.q.total_cents / nights / a.rooms) <= a.max_nightly_price_cents);
          if (!quotes.length) continue;
          quotes.sort((x, y) => x.q.total_cents - y.q.total_cents);
          const best = quotes[0]!;
          results.push({
            hotel_id: h.id,
            name: h.name,
            city: h.city,
            neighborhood: h.neighborhood,
            star_rating: h.star_rating,
            guest_rating: h.guest_rating,
            amenities: h.amenities,
            matching_room_types: quotes.length,
            cheapest_room: {
              room_type_id: best.rt.id,
              name: best.rt.name,
              bed_type: best.rt.bed_type,
              refundable: best.rt.refundable === 1,
              free_cancellation_until: best.until,
              breakfast_included: best.rt.breakfast_included === 1,
              nights,
              avg_nightly_cents: Math.round(best.q.total_cents / nights / a.rooms),
              total_cents: best.q.total_cents,
            },
          });
        }
        const cmp = {
          price: (x: HotelResult, y: HotelResult) => x.cheapest_room.total_cents - y.cheapest_room.total_cents || x.hotel_id - y.hotel_id,
          guest_rating: (x: HotelResult, y: HotelResult) => y.guest_rating - x.guest_rating || x.cheapest_room.total_cents - y.cheapest_room.total_cents,
          stars: (x: HotelResult, y: HotelResult) => y.star_rating - x.star_rating || x.cheapest_room.total_cents - y.cheapest_room.total_cents,
        }[a.sort];
        results.sort(cmp);
        return { check_in: a.check_in, check_out: a.check_out, nights, guests: a.guests, rooms: a.rooms, ...page(results, a.limit, a.offset) };
      },
    }),

    get_hotel: tool({
      description:
        "Get one hotel with all its room types (room_type_id, beds, max guests, base nightly rate, breakfast, cancellation terms). With check_in and check_out it also gives each room type's availability, nightly rates and stay total. Errors if the hotel does not exist.",
      input: v.object({
        hotel_id: Id("The hotel's id (from search_hotels)."),
        check_in: v.optional(DateText("Check-in date, YYYY-MM-DD (give with check_out to price a stay).")),
        check_out: v.optional(DateText("Check-out date, YYYY-MM-DD.")),
        rooms: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Rooms needed (default 1).")), 1),
      }),
      handler: ({ hotel_id, check_in, check_out, rooms }, ctx) => {
        const h = ctx.db.get<Record<string, unknown>>("SELECT id AS hotel_id, name, city, country, neighborhood, address, star_rating, guest_rating, check_in_time, check_out_time, amenities FROM hotels WHERE id = ?", hotel_id);
        if (!h) throw new ToolError(`hotel ${hotel_id} not found`);
        if ((check_in === undefined) !== (check_out === undefined)) throw new ToolError("give both check_in and check_out, or neither");
        if (check_in && check_out) checkStayDates(ctx, check_in, check_out);
        const roomTypes = ctx.db.all<RoomTypeRow>("SELECT * FROM room_types WHERE hotel_id = ? ORDER BY base_rate_cents", hotel_id).map((rt) => {
          const base = {
            room_type_id: rt.id,
            name: rt.name,
            bed_type: rt.bed_type,
            max_guests: rt.max_guests,
            base_rate_cents: rt.base_rate_cents,
            breakfast_included: rt.breakfast_included === 1,
            refundable: rt.refundable === 1,
            cancellation_policy: cancellationPolicy(rt, check_in ?? null),
          };
          if (!check_in || !check_out) return base;
          const q = quoteRoom(ctx.db, rt, check_in, check_out, rooms);
          return { ...base, available: q.available, unavailable_reason: q.reason, free_cancellation_until: freeCancelUntil(rt, check_in), nightly_rates: q.nights, total_cents: q.total_cents };
        });
        return { ...h, room_types: roomTypes };
      },
    }),

    // ----- account -----
    get_profile: tool({
      description: "Show the signed-in traveller's account: name, contact details, home airport, default payment method, and how many saved travellers and upcoming trips they have.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const u = ctx.db.get<Record<string, unknown>>(
          "SELECT u.id AS user_id, u.full_name, u.email, u.phone, a.iata_code AS home_airport, a.city AS home_city, u.member_since FROM users u LEFT JOIN airports a ON a.id = u.home_airport_id WHERE u.id = ?",
          ctx.userId,
        )!;
        const pm = ctx.db.get("SELECT id AS payment_method_id, brand, last4 FROM payment_methods WHERE user_id = ? AND is_default = 1 AND status = 'active'", ctx.userId) ?? null;
        const counts = ctx.db.get<{ travelers: number; upcoming: number }>(
          "SELECT (SELECT count(*) FROM travelers WHERE user_id = ?) AS travelers, (SELECT count(*) FROM bookings WHERE user_id = ? AND status = 'confirmed') AS upcoming",
          ctx.userId,
          ctx.userId,
        )!;
        return { ...u, default_payment_method: pm, saved_travelers: counts.travelers, upcoming_trips: counts.upcoming, today: ctx.today };
      },
    }),

    list_payment_methods: tool({
      description: "List the signed-in traveller's saved cards with payment_method_id, brand, last 4 digits, expiry, status (active or expired) and which is the default. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        sqlPage(
          ctx.db,
          "SELECT id AS payment_method_id, brand, last4, exp_month, exp_year, cardholder_name, status, is_default FROM payment_methods WHERE user_id = ? AND status <> 'removed' ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM payment_methods WHERE user_id = ? AND status <> 'removed'",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    list_travelers: tool({
      description:
        "List saved travellers (the account holder, relationship 'self', and companions) with traveler_id, relationship, date of birth, passport details, Known Traveler Number and frequent-flyer numbers. Optional name filter. Returns a page.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Part of a first or last name, e.g. 'Sam'. Empty lists everyone.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) => {
        const w = likeText(query);
        const res = sqlPage(
          ctx.db,
          `SELECT id AS traveler_id, first_name, last_name, relationship, date_of_birth, passport_number, passport_country, passport_expiry, known_traveler_number
           FROM travelers WHERE user_id = ? AND (first_name LIKE ? OR last_name LIKE ? OR (first_name || ' ' || last_name) LIKE ?) ORDER BY relationship <> 'self', id`,
          "SELECT count(*) AS n FROM travelers WHERE user_id = ? AND (first_name LIKE ? OR last_name LIKE ? OR (first_name || ' ' || last_name) LIKE ?)",
          [ctx.userId, w, w, w],
          limit,
          offset,
        );
        const items = (res.items as { traveler_id: number }[]).map((t) => ({
          ...t,
          loyalty_accounts: ctx.db.all(
            "SELECT la.id AS loyalty_account_id, al.name AS airline, al.iata_code AS airline_code, al.loyalty_program, la.member_number, la.tier FROM loyalty_accounts la JOIN airlines al ON al.id = la.airline_id WHERE la.traveler_id = ? ORDER BY la.id",
            t.traveler_id,
          ),
        }));
        return { ...res, items };
      },
    }),

    add_traveler: tool({
      description:
        "Save a new travel companion so they can be booked; a passport (number, country, expiry) is needed for international flights. Returns the new traveler. Errors if the same person (name and date of birth) is already saved.",
      input: v.object({
        first_name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("First name as on the passport.")),
        last_name: v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("Last name as on the passport.")),
        relationship: v.pipe(v.picklist(RELATIONSHIPS), v.description("How they relate to you: partner, spouse, child, parent, sibling, friend, colleague or other.")),
        date_of_birth: DateText("Date of birth, YYYY-MM-DD."),
        passport_number: v.optional(v.pipe(v.string(), v.minLength(5), v.maxLength(20), v.description("Passport number (optional)."))),
        passport_country: v.optional(v.pipe(v.string(), v.length(2), v.description("Two-letter issuing country code, e.g. US (default US when a passport is given)."))),
        passport_expiry: v.optional(DateText("Passport expiry date, YYYY-MM-DD (required with a passport number).")),
        known_traveler_number: v.optional(v.pipe(v.string(), v.minLength(5), v.maxLength(20), v.description("Known Traveler Number for expedited security (optional)."))),
      }),
      handler: (a, ctx) => {
        checkDate(a.date_of_birth, "date_of_birth");
        if (a.date_of_birth >= ctx.today) throw new ToolError("date_of_birth must be in the past");
        if (a.passport_number && !a.passport_expiry) throw new ToolError("give passport_expiry together with passport_number");
        if (!a.passport_number && (a.passport_expiry || a.passport_country)) throw new ToolError("give passport_number together with the passport's country and expiry");
        if (a.passport_expiry) {
          checkDate(a.passport_expiry, "passport_expiry");
          if (a.passport_expiry < ctx.today) throw new ToolError(`passport expired on ${a.passport_expiry}`);
        }
        const first = a.first_name.trim();
        const last = a.last_name.trim();
        if (ctx.db.get("SELECT 1 FROM travelers WHERE user_id = ? AND lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND date_of_birth = ?", ctx.userId, first, last, a.date_of_birth)) {
          throw new ToolError(`${first} ${last} (born ${a.date_of_birth}) is already a saved traveler`);
        }
        const id = ctx.db.run(
          `INSERT INTO travelers (user_id, first_name, last_name, relationship, date_of_birth, passport_number, passport_country, passport_expiry, known_traveler_number, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ctx.userId,
          first,
          last,
          a.relationship,
          a.date_of_birth,
          a.passport_number?.trim().toUpperCase() ?? null,
          a.passport_number ? (a.passport_country ?? "US").toUpperCase() : null,
          a.passport_expiry ?? null,
          a.known_traveler_number?.trim().toUpperCase() ?? null,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return ctx.db.get("SELECT id AS traveler_id, first_name, last_name, relationship, date_of_birth, passport_number, passport_country, passport_expiry, known_traveler_number FROM travelers WHERE id = ?", id);
      },
    }),

    update_traveler: tool({
      description:
        "Edit a saved traveller's name, date of birth, passport (number, country, expiry) or Known Traveler Number; fields left out stay as they are. Returns the updated traveler. Errors if the traveler is not yours or the passport has already expired.",
      input: v.object({
        traveler_id: Id("The traveler's id (from list_travelers)."),
        first_name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("New first name."))),
        last_name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.description("New last name."))),
        date_of_birth: v.optional(DateText("New date of birth, YYYY-MM-DD.")),
        passport_number: v.optional(v.pipe(v.string(), v.minLength(5), v.maxLength(20), v.description("New passport number."))),
        passport_country: v.optional(v.pipe(v.string(), v.length(2), v.description("Two-letter issuing country code."))),
        passport_expiry: v.optional(DateText("New passport expiry date, YYYY-MM-DD.")),
        known_traveler_number: v.optional(v.pipe(v.string(), v.maxLength(20), v.description("New Known Traveler Number; empty string clears it."))),
      }),
      handler: (a, ctx) => {
        const t = getTraveler(ctx, a.traveler_id);
        const fields = [a.first_name, a.last_name, a.date_of_birth, a.passport_number, a.passport_country, a.passport_expiry, a.known_traveler_number];
        if (fields.every((f) => f === undefined)) throw new ToolError("nothing to change: give at least one field");
        if (a.date_of_birth) {
          checkDate(a.date_of_birth, "date_of_birth");
          if (a.date_of_birth >= ctx.today) throw new ToolError("date_of_birth must be in the past");
        }
        if (a.passport_expiry) {
          checkDate(a.passport_expiry, "passport_expiry");
          if (a.passport_expiry < ctx.today) throw new ToolError(`passport expired on ${a.passport_expiry}`);
        }
        const passport = a.passport_number?.trim().toUpperCase() ?? t.passport_number;
        const expiry = a.passport_expiry ?? t.passport_expiry;
        const country = a.passport_country?.toUpperCase() ?? t.passport_country ?? (passport ? "US" : null);
        if (passport && !expiry) throw new ToolError("give passport_expiry together with passport_number");
        const first = a.first_name?.trim() ?? t.first_name;
        const last = a.last_name?.trim() ?? t.last_name;
        const dob = a.date_of_birth ?? t.date_of_birth;
        if (ctx.db.get("SELECT 1 FROM travelers WHERE user_id = ? AND lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND date_of_birth = ? AND id <> ?", ctx.userId, first, last, dob, t.id)) {
          throw new ToolError(`another saved traveler is already ${first} ${last} (born ${dob})`);
        }
        const ktn = a.known_traveler_number === undefined ? t.known_traveler_number : a.known_traveler_number.trim().toUpperCase() || null;
        ctx.db.run(
          "UPDATE travelers SET first_name = ?, last_name = ?, date_of_birth = ?, passport_number = ?, passport_country = ?, passport_expiry = ?, known_traveler_number = ?, updated_at = ? WHERE id = ?",
          first,
          last,
          dob,
          passport,
          country,
          expiry,
          ktn,
          ctx.timestamp,
          t.id,
        );
        return ctx.db.get("SELECT id AS traveler_id, first_name, last_name, relationship, date_of_birth, passport_number, passport_country, passport_expiry, known_traveler_number, updated_at FROM travelers WHERE id = ?", t.id);
      },
    }),

    add_loyalty_account: tool({
      description:
        "Save a traveller's frequent-flyer number for an airline (spaces and dashes are dropped); new bookings on that airline pick it up, and apply_to_upcoming_flights also puts it on the traveller's already-booked upcoming flights with that airline. Returns the account and the flights updated. Errors if the traveller already has a number for that airline.",
      input: v.object({
        traveler_id: Id("The traveler's id (from list_travelers)."),
        airline: v.pipe(v.string(), v.minLength(1), v.description("Airline code, name or program name, e.g. 'NW', 'Northwind Air' or 'Northwind Miles'.")),
        member_number: v.pipe(v.string(), v.minLength(5), v.maxLength(24), v.description("The membership number, e.g. 'NW 4471 8820'.")),
        apply_to_upcoming_flights: v.optional(v.pipe(v.boolean(), v.description("Also put the number on this traveller's upcoming confirmed flights with that airline (default false).")), false),
      }),
      handler: (a, ctx) => {
        const t = getTraveler(ctx, a.traveler_id);
        const al = resolveAirline(ctx.db, a.airline);
        const number = normalizeMemberNumber(a.member_number);
        const existing = ctx.db.get<{ member_number: string }>("SELECT member_number FROM loyalty_accounts WHERE traveler_id = ? AND airline_id = ?", t.id, al.id);
        if (existing) throw new ToolError(`${travelerName(t)} already has a ${al.loyalty_program} number (${existing.member_number}); remove it first with remove_loyalty_account`);
        const id = ctx.db.run("INSERT INTO loyalty_accounts (traveler_id, airline_id, member_number, tier, created_at) VALUES (?, ?, ?, 'Member', ?)", t.id, al.id, number, ctx.timestamp).lastInsertRowid;
        const updated: { segment_id: number; flight_number: string; departs_at: string; trip_reference: string }[] = [];
        if (a.apply_to_upcoming_flights) {
          const rows = ctx.db.all<{ sp_id: number; segment_id: number; flight_number: string; departs_at: string; reference: string }>(
            `SELECT sp.id AS sp_id, s.id AS segment_id, f.flight_number, f.departs_at, b.reference FROM segment_passengers sp
             JOIN flight_segments s ON s.id = sp.segment_id JOIN flights f ON f.id = s.flight_id JOIN bookings b ON b.id = s.booking_id
             WHERE sp.traveler_id = ? AND b.user_id = ? AND s.status = 'confirmed' AND f.airline_id = ? AND f.departs_at > ? ORDER BY f.departs_at`,
            t.id,
            ctx.userId,
            al.id,
            ctx.timestamp,
          );
          for (const r of rows) {
            ctx.db.run("UPDATE segment_passengers SET loyalty_number = ? WHERE id = ?", number, r.sp_id);
            updated.push({ segment_id: r.segment_id, flight_number: r.flight_number, departs_at: r.departs_at, trip_reference: r.reference });
          }
        }
        return { loyalty_account_id: id, traveler_id: t.id, traveler: travelerName(t), airline: al.name, loyalty_program: al.loyalty_program, member_number: number, flights_updated: updated };
      },
    }),

    remove_loyalty_account: tool({
      description: 
        "Delete a saved frequent-flyer number from a traveller's profile; flights already booked keep the number they carry. Returns what was removed. Errors if the account is not one of your travellers'.",
      input: v.object({ loyalty_account_id: Id("The loyalty account's id (from list_travelers).") }),
      handler: ({ loyalty_account_id }, ctx) => {
        const la = ctx.db.get<{ id: number; member_number: string; first_name: string; last_name: string; program: string }>(
          `SELECT la.id, la.member_number, t.first_name, t.last_name, al.loyalty_program AS program FROM loyalty_accounts la
           JOIN travelers t ON t.id = la.traveler_id JOIN airlines al ON al.id = la.airline_id WHERE la.id = ? AND t.user_id = ?`,
          loyalty_account_id,
          ctx.userId,
        );
        if (!la) throw new ToolError(`loyalty account ${loyalty_account_id} not found`);
        ctx.db.run("DELETE FROM loyalty_accounts WHERE id = ?", la.id);
        return { removed_loyalty_account_id: la.id, traveler: travelerName(la), loyalty_program: la.program, member_number: la.member_number };
      },
    }),

    // ----- booking -----
    book_flight: tool({
      description:
        "Book one or more flights (a nonstop, a connection, or outbound and return legs) in one cabin and fare brand for saved travellers in one step: takes seats from each fare's inventory, issues tickets (with saved frequent-flyer numbers) and charges the card per flight, on a new trip unless trip_id is given. Returns the trip, segments and amount charged. Errors if a flight is cancelled or departed, the fare is missing or sold out, a traveller is already on the flight, a passport is missing or expires within 6 months of an international departure, or the card is expired.",
      input: v.object({
        flight_ids: v.pipe(v.array(Id("A flight id.")), v.minLength(1), v.maxLength(4), v.description("The flights to book, in travel order (from search_flights).")),
        cabin: v.pipe(v.picklist(CABINS), v.description("Cabin for every flight: economy, premium_economy or business.")),
        fare_brand: v.pipe(v.picklist(FARE_BRANDS), v.description("Fare brand for every flight: basic, standard or flex.")),
        traveler_ids: v.pipe(v.array(Id("A saved traveler id.")), v.minLength(1), v.maxLength(9), v.description("Who flies (from list_travelers); include yourself if you travel.")),
        payment_method_id: Id("The card to charge (from list_payment_methods)."),
        trip_id: v.optional(Id("Add the flights to this existing confirmed trip instead of creating a new one.")),
        trip_title: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("Name for the new trip (default 'Trip to <city>')."))),
      }),
      handler: (a, ctx) => {
        if (new Set(a.flight_ids).size !== a.flight_ids.length) throw new ToolError("a flight is listed twice in flight_ids");
        if (new Set(a.traveler_ids).size !== a.traveler_ids.length) throw new ToolError("a traveler is listed twice in traveler_ids");
        const flights = a.flight_ids.map((id) => getFlight(ctx.db, id));
        const travelers = a.traveler_ids.map((id) => getTraveler(ctx, id));
        const pax = travelers.length;
        const fares = flights.map((f) => {
          assertBookable(ctx, f);
          const fare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE flight_id = ? AND cabin = ? AND fare_brand = ?", f.flight_id, a.cabin, a.fare_brand);
          if (!fare) {
            const offered = ctx.db.all<{ cabin: string; fare_brand: string }>("SELECT cabin, fare_brand FROM fares WHERE flight_id = ? ORDER BY price_cents", f.flight_id);
            throw new ToolError(`flight ${flightLabel(f)} has no ${a.cabin} ${a.fare_brand} fare; it offers ${offered.map((o) => `${o.cabin} ${o.fare_brand}`).join(", ")}`);
          }
          if (fare.seats_left < pax) throw new ToolError(`only ${fare.seats_left} ${a.cabin} ${a.fare_brand} seat(s) left on ${flightLabel(f)}; ${pax} needed`);
          return fare;
        });
        for (let i = 1; i < flights.length; i++) {
          if (flights[i]!.departs_at.slice(0, 10) < flights[i - 1]!.arrives_at.slice(0, 10) || (flights[i]!.origin_airport_id === flights[i - 1]!.destination_airport_id && flights[i]!.departs_at < flights[i - 1]!.arrives_at)) {
            throw new ToolError(`flight ${flightLabel(flights[i]!)} leaves before ${flightLabel(flights[i - 1]!)} arrives; list flights in travel order`);
          }
        }
        for (const f of flights) {
          for (const t of travelers) {
            const dup = ctx.db.get<{ reference: string }>(
              "SELECT b.reference FROM segment_passengers sp JOIN flight_segments s ON s.id = sp.segment_id JOIN bookings b ON b.id = s.booking_id WHERE s.flight_id = ? AND sp.traveler_id = ? AND s.status = 'confirmed'",
              f.flight_id,
              t.id,
            );
            if (dup) throw new ToolError(`${travelerName(t)} is already booked on ${flightLabel(f)} (trip ${dup.reference})`);
            if (isInternational(f)) {
              const needed = addMonths(f.departs_at.slice(0, 10), 6);
              if (!t.passport_number || !t.passport_expiry) throw new ToolError(`${travelerName(t)} has no passport on file, which ${flightLabel(f)} requires; add it with update_traveler`);
              if (t.passport_expiry < needed) throw new ToolError(`${travelerName(t)}'s passport expires on ${t.passport_expiry}; ${flightLabel(f)} needs one valid until at least ${needed}. Update it with update_traveler`);
            }
          }
        }
        const pm = usablePaymentMethod(ctx, a.payment_method_id);
        let trip: BookingRow;
        if (a.trip_id !== undefined) trip = openTrip(ctx, a.trip_id);
        else {
          const home = flights[0]!.origin_airport_id;
          const last = flights[flights.length - 1]!;
          const away = last.destination_airport_id !== home ? last : flights[Math.max(0, Math.ceil(flights.length / 2) - 1)]!;
          trip = createTrip(ctx, a.trip_title?.trim() || `Trip to ${away.destination_city}`);
        }
        let charged = 0;
        const segments = flights.map((f, i) => {
          const fare = fares[i]!;
          const total = fare.price_cents * pax;
          const segId = ctx.db.run(
            "INSERT INTO flight_segments (booking_id, flight_id, fare_id, status, fare_paid_cents, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?, ?)",
            trip.id,
            f.flight_id,
            fare.id,
            total,
            ctx.timestamp,
            ctx.timestamp,
          ).lastInsertRowid;
          ctx.db.run("UPDATE fares SET seats_left = seats_left - ? WHERE id = ?", pax, fare.id);
          const prefix = ctx.db.get<{ p: string }>("SELECT ticket_prefix AS p FROM airlines WHERE id = ?", f.airline_id)!.p;
          const passengers = travelers.map((t) => {
            const spId = nextId(ctx.db, "segment_passengers");
            const ticket = `${prefix}${7000000000 + spId}`;
            const loyalty = ctx.db.get<{ member_number: string }>("SELECT member_number FROM loyalty_accounts WHERE traveler_id = ? AND airline_id = ?", t.id, f.airline_id)?.member_number ?? null;
            ctx.db.run("INSERT INTO segment_passengers (id, segment_id, traveler_id, ticket_number, loyalty_number) VALUES (?, ?, ?, ?, ?)", spId, segId, t.id, ticket, loyalty);
            return { traveler_id: t.id, name: travelerName(t), ticket_number: ticket, loyalty_number: loyalty };
          });
          recordPayment(ctx, trip.id, pm.id, "charge", total, `Flight ${f.flight_number} ${f.origin}-${f.destination}, ${a.cabin} ${a.fare_brand}, ${pax} passenger${pax > 1 ? "s" : ""}`, { flight_segment_id: segId });
          charged += total;
          return {
            segment_id: segId,
            flight_id: f.flight_id,
            flight_number: f.flight_number,
            origin: f.origin,
            destination: f.destination,
            departs_at: f.departs_at,
            arrives_at: f.arrives_at,
            fare_id: fare.id,
            cabin: a.cabin,
            fare_brand: a.fare_brand,
            price_per_passenger_cents: fare.price_cents,
            total_cents: total,
            passengers,
          };
        });
        touchTrip(ctx, trip.id);
        return {
          trip_id: trip.id,
          reference: trip.reference,
          title: trip.title,
          segments,
          charged_cents: charged,
          charged: money(charged),
          payment_method: `${pm.brand} ending ${pm.last4}`,
        };
      },
    }),

    book_hotel: tool({
      description:
        "Reserve a hotel room type for a stay and charge the full stay to a card, on a new trip unless trip_id is given. Returns the reservation with its confirmation code, nightly rates, total and cancellation terms. Errors if the room type is not available every night, the guests exceed its capacity, the dates are invalid, or the card is expired.",
      input: v.object({
        room_type_id: Id("The room type to book (from search_hotels or get_hotel)."),
        check_in: DateText("Check-in date, YYYY-MM-DD."),
        check_out: DateText("Check-out date, YYYY-MM-DD."),
        guests: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12), v.description("Total guests staying.")),
        payment_method_id: Id("The card to charge (from list_payment_methods)."),
        rooms: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Number of rooms (default 1).")), 1),
        trip_id: v.optional(Id("Add the stay to this existing confirmed trip instead of creating a new one.")),
        trip_title: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description("Name for the new trip (default '<city> stay')."))),
        lead_traveler_id: v.optional(Id("Saved traveler the room is booked under (default: yourself).")),
        special_requests: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Requests for the hotel, e.g. 'late arrival' (optional)."))),
      }),
      handler: (a, ctx) => {
        const rt = ctx.db.get<RoomTypeRow & { hotel_name: string; city: string }>(
          "SELECT rt.*, h.name AS hotel_name, h.city FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id WHERE rt.id = ?",
          a.room_type_id,
        );
        if (!rt) throw new ToolError(`room type ${a.room_type_id} not found`);
        const nights = checkStayDates(ctx, a.check_in, a.check_out);
        if (a.guests > rt.max_guests * a.rooms) throw new ToolError(`${rt.name} sleeps ${rt.max_guests} per room; ${a.guests} guests need more rooms`);
        const lead = a.lead_traveler_id !== undefined ? getTraveler(ctx, a.lead_traveler_id) : selfTraveler(ctx);
        const q = quoteRoom(ctx.db, rt, a.check_in, a.check_out, a.rooms);
        if (!q.available) throw new ToolError(`${rt.hotel_name} ${rt.name} is not available: ${q.reason}`);
        const pm = usablePaymentMethod(ctx, a.payment_method_id);
        const trip = a.trip_id !== undefined ? openTrip(ctx, a.trip_id) : createTrip(ctx, a.trip_title?.trim() || `${rt.city} stay`);
        const id = nextId(ctx.db, "hotel_reservations");
        const code = newConfirmationCode(ctx.db, id);
        ctx.db.run(
          `INSERT INTO hotel_reservations (id, booking_id, room_type_id, lead_traveler_id, confirmation_code, check_in, check_out, rooms, guests, total_cents, status, special_requests, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?)`,
          id,
          trip.id,
          rt.id,
          lead.id,
          code,
          a.check_in,
          a.check_out,
          a.rooms,
          a.guests,
          q.total_cents,
          a.special_requests?.trim() || null,
          ctx.timestamp,
          ctx.timestamp,
        );
        recordPayment(ctx, trip.id, pm.id, "charge", q.total_cents, `${rt.hotel_name}, ${rt.name}, ${nights} night${nights > 1 ? "s" : ""}`, { hotel_reservation_id: id });
        touchTrip(ctx, trip.id);
        return {
          trip_id: trip.id,
          reference: trip.reference,
          reservation_id: id,
          confirmation_code: code,
          hotel: rt.hotel_name,
          room_type: rt.name,
          check_in: a.check_in,
          check_out: a.check_out,
          nights,
          rooms: a.rooms,
          guests: a.guests,
          lead_traveler: travelerName(lead),
          nightly_rates: q.nights,
          total_cents: q.total_cents,
          total: money(q.total_cents),
          cancellation_policy: cancellationPolicy(rt, a.check_in),
          payment_method: `${pm.brand} ending ${pm.last4}`,
        };
      },
    }),

    // ----- trips -----
    list_trips: tool({
      description:
        "List your trips (bookings) with trip_id, reference, title, status, dates, destinations, travellers, number of flights and hotel stays, and net amount paid. Filter by status and by text (title, reference, city, airport code or hotel name). Returns a page, soonest first.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["upcoming", "past", "cancelled", "all"]), v.description("upcoming (confirmed), past (completed), cancelled, or all (default).")), "all"),
        query: v.optional(v.pipe(v.string(), v.description("Text to match, e.g. 'Lisbon', 'ORD' or 'PT6H3L'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, query, limit, offset }, ctx) => {
        const statusSql = { upcoming: "confirmed", past: "completed", cancelled: "cancelled", all: null }[status];
        const w = likeText(query);
        const trips = ctx.db.all<BookingRow>(
          `SELECT b.* FROM bookings b WHERE b.user_id = ? AND (? IS NULL OR b.status = ?) AND (
             b.title LIKE ? OR b.reference LIKE ?
             OR EXISTS (SELECT 1 FROM flight_segments s JOIN flights f ON f.id = s.flight_id JOIN airports o ON o.id = f.origin_airport_id JOIN airports d ON d.id = f.destination_airport_id
                        WHERE s.booking_id = b.id AND (o.city LIKE ? OR d.city LIKE ? OR o.iata_code LIKE ? OR d.iata_code LIKE ? OR f.flight_number LIKE ?))
             OR EXISTS (SELECT 1 FROM hotel_reservations r JOIN room_types rt ON rt.id = r.room_type_id JOIN hotels h ON h.id = rt.hotel_id
                        WHERE r.booking_id = b.id AND (h.name LIKE ? OR h.city LIKE ?)))`,
          ctx.userId,
          statusSql,
          statusSql,
          w,
          w,
          w,
          w,
          w,
          w,
          w,
          w,
          w,
        );
        const items = trips.map((b) => tripSummary(ctx, b)).sort((x, y) => (x.start_date ?? "").localeCompare(y.start_date ?? "") || x.trip_id - y.trip_id);
        return page(items, limit, offset);
      },
    }),

    get_trip: tool({
      description:
        "Get a trip's full itinerary: every flight segment (segment_id, flight, local times, cabin and fare rules, fare paid, passengers with tickets, seats, bags and frequent-flyer numbers), every hotel reservation (reservation_id, dates, room, total, cancellation terms), all payments and refunds, and totals. Errors if the trip is not yours.",
      input: v.object({ trip_id: Id("The trip's id (from list_trips).") }),
      handler: ({ trip_id }, ctx) => {
        const b = getTrip(ctx, trip_id);
        return {
          ...tripSummary(ctx, b),
          created_at: b.created_at,
          cancelled_at: b.cancelled_at,
          flight_segments: tripSegments(ctx, b.id),
          hotel_reservations: tripHotels(ctx, b.id),
          payments: ctx.db.all(
            `SELECT p.id AS payment_id, p.kind, p.amount_cents, p.description, pm.brand || ' ending ' || pm.last4 AS card, p.status, p.created_at
             FROM payments p JOIN payment_methods pm ON pm.id = p.payment_method_id WHERE p.booking_id = ? ORDER BY p.id`,
            b.id,
          ),
        };
      },
    }),

    list_payments: tool({
      description: "List your card charges and refunds, newest first, optionally for one trip or of one kind. Returns a page with amount, description, card and trip reference.",
      input: v.object({
        trip_id: v.optional(Id("Only payments of this trip.")),
        kind: v.optional(v.pipe(v.picklist(["charge", "refund"]), v.description("Only charges or only refunds."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ trip_id, kind, limit, offset }, ctx) => {
        if (trip_id !== undefined) getTrip(ctx, trip_id);
        const where = "b.user_id = ? AND (? IS NULL OR p.booking_id = ?) AND (? IS NULL OR p.kind = ?)";
        const params = [ctx.userId, trip_id ?? null, trip_id ?? null, kind ?? null, kind ?? null];
        return sqlPage(
          ctx.db,
          `SELECT p.id AS payment_id, p.booking_id AS trip_id, b.reference, p.kind, p.amount_cents, p.description, pm.brand || ' ending ' || pm.last4 AS card, p.status, p.created_at
           FROM payments p JOIN bookings b ON b.id = p.booking_id JOIN payment_methods pm ON pm.id = p.payment_method_id WHERE ${where} ORDER BY p.created_at DESC, p.id DESC`,
          `SELECT count(*) AS n FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE ${where}`,
          params,
          limit,
          offset,
        );
      },
    }),

    // ----- extras -----
    select_seats: tool({
      description:
        "Choose seats for passengers of one booked flight segment; each seat must be free and in the fare's cabin, and a passenger's previous seat is released with its fee refunded. Seats in the first 3 economy rows cost $30 each, charged to payment_method_id or else to the card that paid for the flight; returns the seats and any charge. Errors if a seat is taken, not in the cabin, picked twice, or a traveller is not on the segment.",
      input: v.object({
        segment_id: Id("The flight segment's id (from get_trip)."),
        seats: v.pipe(
          v.array(
            v.object({
              traveler_id: Id("A passenger on this segment."),
              seat: v.pipe(v.string(), v.regex(/^\s*\d{1,2}\s*[A-Ka-k]\s*$/, "use a seat like 25A"), v.description("Seat number, e.g. '25A'.")),
            }),
          ),
          v.minLength(1),
          v.maxLength(9),
          v.description("One entry per passenger to seat."),
        ),
        payment_method_id: v.optional(Id("Card for any seat fee (default: the card that paid for the flight).")),
      }),
      handler: (a, ctx) => {
        const seg = getSegment(ctx, a.segment_id);
        const f = assertSegmentOpen(ctx, seg);
        const fare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE id = ?", seg.fare_id)!;
        const ac = getAircraft(ctx.db, f.aircraft_id);
        const cl = cabinLayout(ac, fare.cabin)!;
        const { letters, types } = parseLayout(cl.layout);
        const picks = a.seats.map((s) => {
          const sp = ctx.db.get<{ id: number; first_name: string; last_name: string }>(
            "SELECT sp.id, t.first_name, t.last_name FROM segment_passengers sp JOIN travelers t ON t.id = sp.traveler_id WHERE sp.segment_id = ? AND sp.traveler_id = ?",
            seg.id,
            s.traveler_id,
          );
          if (!sp) {
            getTraveler(ctx, s.traveler_id);
            throw new ToolError(`traveler ${s.traveler_id} is not a passenger on segment ${seg.id} (${flightLabel(f)})`);
          }
          const seat = s.seat.replace(/\s+/g, "").toUpperCase();
          const row = Number(seat.slice(0, -1));
          const letter = seat.slice(-1);
          if (row < cl.first || row > cl.last || !letters.includes(letter)) {
            throw new ToolError(`seat ${seat} is not a ${fare.cabin} seat on ${f.flight_number} (${fare.cabin} is rows ${cl.first}-${cl.last}, seats ${letters.join("")})`);
          }
          return { sp_id: sp.id, traveler_id: s.traveler_id, name: travelerName(sp), seat, row, type: types[letter]!, fee: seatFee(ac, fare.cabin, row) };
        });
        if (new Set(picks.map((p) => p.sp_id)).size !== picks.length) throw new ToolError("a traveler is listed twice in seats");
        if (new Set(picks.map((p) => p.seat)).size !== picks.length) throw new ToolError("the same seat is picked for two travelers");
        const movers = picks.map((p) => p.sp_id);
        for (const p of picks) {
          const holder = ctx.db.get<{ segment_passenger_id: number }>("SELECT segment_passenger_id FROM seat_assignments WHERE flight_id = ? AND seat_number = ? AND status = 'active'", f.flight_id, p.seat);
          if (holder && !movers.includes(holder.segment_passenger_id)) throw new ToolError(`seat ${p.seat} on ${f.flight_number} is already taken; use get_seat_map to see free seats`);
        }
        const totalFee = picks.reduce((n, p) => n + p.fee, 0);
        if (a.payment_method_id !== undefined) usablePaymentMethod(ctx, a.payment_method_id);
        const pmId = totalFee > 0 ? usablePaymentMethod(ctx, a.payment_method_id ?? chargeMethod(ctx.db, "flight_segment_id", seg.id) ?? defaultMethodId(ctx)).id : 0;
        let refunded = 0;
        for (const p of picks) {
          const old = ctx.db.get<{ id: number; seat_number: string; fee_cents: number }>("SELECT id, seat_number, fee_cents FROM seat_assignments WHERE segment_passenger_id = ? AND status = 'active'", p.sp_id);
          if (old) {
            ctx.db.run("UPDATE seat_assignments SET status = 'released', released_at = ? WHERE id = ?", ctx.timestamp, old.id);
            if (old.fee_cents > 0) {
              const pm = chargeMethod(ctx.db, "seat_assignment_id", old.id) ?? defaultMethodId(ctx);
              recordPayment(ctx, seg.booking_id, pm, "refund", old.fee_cents, `Refund of seat ${old.seat_number} on ${f.flight_number}`, { flight_segment_id: seg.id, seat_assignment_id: old.id });
              refunded += old.fee_cents;
            }
          }
        }
        const assigned = picks.map((p) => {
          const id = ctx.db.run(
            "INSERT INTO seat_assignments (segment_passenger_id, flight_id, seat_number, fee_cents, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
            p.sp_id,
            f.flight_id,
            p.seat,
            p.fee,
            ctx.timestamp,
          ).lastInsertRowid;
          if (p.fee > 0) recordPayment(ctx, seg.booking_id, pmId, "charge", p.fee, `Seat ${p.seat} on ${f.flight_number}`, { flight_segment_id: seg.id, seat_assignment_id: id });
          return { traveler_id: p.traveler_id, name: p.name, seat: p.seat, seat_type: p.type, fee_cents: p.fee };
        });
        touchTrip(ctx, seg.booking_id);
        return { segment_id: seg.id, flight_number: f.flight_number, cabin: fare.cabin, seats: assigned, charged_cents: totalFee, refunded_cents: refunded };
      },
    }),

    add_bags: tool({
      description:
        "Buy extra bags beyond the fare's allowance for passengers on one booked flight segment: $40 per checked bag, $100 per oversized item, at most 3 added per passenger per flight, charged to payment_method_id or else to the card that paid for the flight. Returns the bag ids and the charge. Errors if a traveller is not on the segment, the limit is exceeded, or the flight has departed.",
      input: v.object({
        segment_id: Id("The flight segment's id (from get_trip)."),
        traveler_ids: v.pipe(v.array(Id("A passenger on this segment.")), v.minLength(1), v.maxLength(9), v.description("Passengers who each get the bags.")),
        quantity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3), v.description("Bags per passenger (default 1).")), 1),
        kind: v.optional(v.pipe(v.picklist(["checked", "oversized"]), v.description("checked (standard, up to 23 kg) or oversized (sports gear, default checked).")), "checked"),
        payment_method_id: v.optional(Id("Card to charge (default: the card that paid for the flight).")),
      }),
      handler: (a, ctx) => {
        const seg = getSegment(ctx, a.segment_id);
        if (new Set(a.traveler_ids).size !== a.traveler_ids.length) throw new ToolError("a traveler is listed twice in traveler_ids");
        const f = assertSegmentOpen(ctx, seg);
        const fare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE id = ?", seg.fare_id)!;
        const pax = a.traveler_ids.map((tid) => {
          const sp = ctx.db.get<{ id: number; first_name: string; last_name: string }>(
            "SELECT sp.id, t.first_name, t.last_name FROM segment_passengers sp JOIN travelers t ON t.id = sp.traveler_id WHERE sp.segment_id = ? AND sp.traveler_id = ?",
            seg.id,
            tid,
          );
          if (!sp) {
            getTraveler(ctx, tid);
            throw new ToolError(`traveler ${tid} is not a passenger on segment ${seg.id} (${flightLabel(f)})`);
          }
          const have = ctx.db.get<{ n: number }>("SELECT COALESCE(SUM(quantity), 0) AS n FROM baggage WHERE segment_passenger_id = ? AND status = 'active'", sp.id)!.n;
          if (have + a.quantity > MAX_ADDED_BAGS) throw new ToolError(`${travelerName(sp)} already has ${have} added bag(s) on ${f.flight_number}; at most ${MAX_ADDED_BAGS} can be added`);
          return { sp_id: sp.id, traveler_id: tid, name: travelerName(sp), had: have };
        });
        const pm = usablePaymentMethod(ctx, a.payment_method_id ?? chargeMethod(ctx.db, "flight_segment_id", seg.id) ?? defaultMethodId(ctx));
        const fee = BAG_FEES[a.kind] * a.quantity;
        const bags = pax.map((p) => {
          const id = ctx.db.run(
            "INSERT INTO baggage (segment_passenger_id, kind, quantity, fee_cents, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
            p.sp_id,
            a.kind,
            a.quantity,
            fee,
            ctx.timestamp,
          ).lastInsertRowid;
          recordPayment(ctx, seg.booking_id, pm.id, "charge", fee, `${a.quantity} ${a.kind} bag${a.quantity > 1 ? "s" : ""} for ${p.name} on ${f.flight_number}`, { flight_segment_id: seg.id, baggage_id: id });
          return { bag_id: id, traveler_id: p.traveler_id, name: p.name, kind: a.kind, quantity: a.quantity, fee_cents: fee, added_bags_now: p.had + a.quantity };
        });
        touchTrip(ctx, seg.booking_id);
        return { segment_id: seg.id, flight_number: f.flight_number, checked_bags_included_in_fare: fare.checked_bags_included, bags, charged_cents: fee * pax.length, payment_method: `${pm.brand} ending ${pm.last4}` };
      },
    }),

    remove_bags: tool({
      description: "Cancel an added-bag purchase (one bag_id from get_trip) before the flight departs and refund its fee to the card that paid. Returns the refund. Errors if it is already cancelled or the flight has departed.",
      input: v.object({ bag_id: Id("The bag purchase's id (added_bags in get_trip).") }),
      handler: ({ bag_id }, ctx) => {
        const bag = ctx.db.get<{ id: number; segment_id: number; kind: string; quantity: number; fee_cents: number; status: string }>(
          `SELECT bg.id, sp.segment_id, bg.kind, bg.quantity, bg.fee_cents, bg.status FROM baggage bg JOIN segment_passengers sp ON sp.id = bg.segment_passenger_id
           JOIN flight_segments s ON s.id = sp.segment_id JOIN bookings b ON b.id = s.booking_id WHERE bg.id = ? AND b.user_id = ?`,
          bag_id,
          ctx.userId,
        );
        if (!bag) throw new ToolError(`bag ${bag_id} not found`);
        if (bag.status !== "active") throw new ToolError(`bag ${bag_id} is already cancelled`);
        const seg = getSegment(ctx, bag.segment_id);
        const f = assertSegmentOpen(ctx, seg);
        ctx.db.run("UPDATE baggage SET status = 'cancelled', cancelled_at = ? WHERE id = ?", ctx.timestamp, bag.id);
        const pm = chargeMethod(ctx.db, "baggage_id", bag.id) ?? defaultMethodId(ctx);
        recordPayment(ctx, seg.booking_id, pm, "refund", bag.fee_cents, `Refund of ${bag.quantity} ${bag.kind} bag(s) on ${f.flight_number}`, { flight_segment_id: seg.id, baggage_id: bag.id });
        touchTrip(ctx, seg.booking_id);
        return { bag_id: bag.id, status: "cancelled", refunded_cents: bag.fee_cents };
      },
    }),

    // ----- changes and cancellations -----
    change_flight: tool({
      description:
        "Move a booked flight segment to another flight of the same airline on the same route (any date), keeping cabin, fare brand, passengers and bags, for the fare's change fee per passenger plus any fare difference (a cheaper fare's difference is refunded only on refundable fares). Seats on the old flight are released with fees refunded (pick new ones with select_seats); returns the new flight and the amounts charged and refunded. Errors on basic (unchangeable) fares, other airlines or routes, departed flights, or too few seats.",
      input: v.object({
        segment_id: Id("The booked flight segment to change (from get_trip)."),
        new_flight_id: Id("The flight to move to (from search_flights)."),
        payment_method_id: v.optional(Id("Card for the change cost (default: the card that paid for the flight).")),
      }),
      handler: (a, ctx) => {
        const seg = getSegment(ctx, a.segment_id);
        const f = assertSegmentOpen(ctx, seg);
        const nf = getFlight(ctx.db, a.new_flight_id);
        const fare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE id = ?", seg.fare_id)!;
        if (nf.flight_id === f.flight_id) throw new ToolError(`segment ${seg.id} is already on ${flightLabel(f)}`);
        if (fare.changeable !== 1) throw new ToolError(`the ${fare.cabin} ${fare.fare_brand} fare on ${flightLabel(f)} cannot be changed; cancel and rebook instead`);
        assertBookable(ctx, nf);
        if (nf.airline_id !== f.airline_id) throw new ToolError(`changes must stay with ${f.airline}; ${nf.flight_number} is operated by ${nf.airline}`);
        if (nf.origin_airport_id !== f.origin_airport_id || nf.destination_airport_id !== f.destination_airport_id) {
          throw new ToolError(`${nf.flight_number} flies ${nf.origin}-${nf.destination}; changes must keep the route ${f.origin}-${f.destination}`);
        }
        const nfare = ctx.db.get<FareRow>("SELECT * FROM fares WHERE flight_id = ? AND cabin = ? AND fare_brand = ?", nf.flight_id, fare.cabin, fare.fare_brand);
        if (!nfare) throw new ToolError(`${flightLabel(nf)} has no ${fare.cabin} ${fare.fare_brand} fare`);
        const passengers = ctx.db.all<{ traveler_id: number; first_name: string; last_name: string }>(
          "SELECT sp.traveler_id, t.first_name, t.last_name FROM segment_passengers sp JOIN travelers t ON t.id = sp.traveler_id WHERE sp.segment_id = ?",
          seg.id,
        );
        const pax = passengers.length;
        if (nfare.seats_left < pax) throw new ToolError(`only ${nfare.seats_left} ${fare.cabin} ${fare.fare_brand} seat(s) left on ${flightLabel(nf)}; ${pax} needed`);
        for (const p of passengers) {
          const dup = ctx.db.get("SELECT 1 FROM segment_passengers sp JOIN flight_segments s ON s.id = sp.segment_id WHERE s.flight_id = ? AND sp.traveler_id = ? AND s.status = 'confirmed'", nf.flight_id, p.traveler_id);
          if (dup) throw new ToolError(`${travelerName(p)} is already booked on ${flightLabel(nf)}`);
        }
        const newTotal = nfare.price_cents * pax;
        const diff = newTotal - seg.fare_paid_cents;
        const changeFee = fare.change_fee_cents * pax;
        const charge = changeFee + Math.max(0, diff);
        const refund = diff < 0 && fare.refundable === 1 ? -diff : 0;
        const farePaid = diff > 0 || refund > 0 ? newTotal : seg.fare_paid_cents;
        const pmId = charge > 0 ? usablePaymentMethod(ctx, a.payment_method_id ?? chargeMethod(ctx.db, "flight_segment_id", seg.id) ?? defaultMethodId(ctx)).id : null;
        const seats = releaseSeats(ctx, seg, f);
        ctx.db.run("UPDATE fares SET seats_left = seats_left + ? WHERE id = ?", pax, fare.id);
        ctx.db.run("UPDATE fares SET seats_left = seats_left - ? WHERE id = ?", pax, nfare.id);
        ctx.db.run("UPDATE flight_segments SET flight_id = ?, fare_id = ?, fare_paid_cents = ?, updated_at = ? WHERE id = ?", nf.flight_id, nfare.id, farePaid, ctx.timestamp, seg.id);
        if (pmId !== null) {
          recordPayment(ctx, seg.booking_id, pmId, "charge", charge, `Change ${f.flight_number} ${f.departs_at.slice(0, 16)} to ${nf.flight_number} ${nf.departs_at.slice(0, 16)}: change fee ${money(changeFee)} + fare difference ${money(Math.max(0, diff))}`, { flight_segment_id: seg.id });
        }
        if (refund > 0) {
          const pm = chargeMethod(ctx.db, "flight_segment_id", seg.id) ?? defaultMethodId(ctx);
          recordPayment(ctx, seg.booking_id, pm, "refund", refund, `Fare difference refund for change to ${nf.flight_number}`, { flight_segment_id: seg.id });
        }
        touchTrip(ctx, seg.booking_id);
        return {
          segment_id: seg.id,
          old_flight: { flight_id: f.flight_id, flight_number: f.flight_number, departs_at: f.departs_at, price_per_passenger_cents: fare.price_cents },
          new_flight: { flight_id: nf.flight_id, flight_number: nf.flight_number, departs_at: nf.departs_at, arrives_at: nf.arrives_at, fare_id: nfare.id, price_per_passenger_cents: nfare.price_cents },
          passengers: pax,
          change_fee_cents: changeFee,
          fare_difference_cents: diff,
          charged_cents: charge,
          refunded_cents: refund + seats.refunded,
          seats_released: seats.released,
          note: seats.released > 0 ? "Seats on the old flight were released; pick new ones with select_seats." : null,
        };
      },
    }),

    preview_cancellation: tool({
      description:
        "Work out, without cancelling anything, what you would get back if you cancelled a whole trip today: per flight (refundable fares refund what was paid minus the cancellation fee per passenger, basic fares nothing; seat and bag fees always come back) and per hotel stay (full refund until the free-cancellation date, then one night is kept; non-refundable rates nothing). Returns the breakdown and total refund. Errors if the trip is not yours or not confirmed.",
      input: v.object({ trip_id: Id("The trip's id (from list_trips).") }),
      handler: ({ trip_id }, ctx) => {
        const b = getTrip(ctx, trip_id);
        if (b.status !== "confirmed") throw new ToolError(`trip ${b.reference} is ${b.status}; nothing to cancel`);
        const segs = ctx.db.all<SegmentRow>("SELECT id, booking_id, flight_id, fare_id, status, fare_paid_cents FROM flight_segments WHERE booking_id = ? AND status = 'confirmed' ORDER BY id", b.id);
        const stays = ctx.db.all<ReservationRow>("SELECT * FROM hotel_reservations WHERE booking_id = ? AND status = 'confirmed' ORDER BY check_in, id", b.id);
        const flights = segs.map((s) => segmentRefund(ctx.db, s));
        const hotels = stays.map((r) => reservationRefund(ctx, r));
        const total = flights.reduce((n, x) => n + x.refund_cents, 0) + hotels.reduce((n, x) => n + x.refund_cents, 0);
        const paid = tripTotals(ctx.db, b.id);
        return {
          trip_id: b.id,
          reference: b.reference,
          title: b.title,
          flights,
          hotels,
          total_refund_cents: total,
          total_refund: money(total),
          net_paid_cents: paid.net_paid_cents,
          you_would_lose_cents: paid.net_paid_cents - total,
        };
      },
    }),

    cancel_trip: tool({
      description:
        "Cancel a whole trip: every booked flight segment and hotel stay on it, refunding each under its rules (see preview_cancellation) to the card that paid, releasing seats and returning seats to inventory. Returns the breakdown and total refund. Errors if the trip is not confirmed or has already started.",
      input: v.object({ trip_id: Id("The trip's id (from list_trips).") }),
      handler: ({ trip_id }, ctx) => {
        const b = getTrip(ctx, trip_id);
        if (b.status !== "confirmed") throw new ToolError(`trip ${b.reference} is already ${b.status}`);
        const segs = ctx.db.all<SegmentRow>("SELECT id, booking_id, flight_id, fare_id, status, fare_paid_cents FROM flight_segments WHERE booking_id = ? AND status = 'confirmed' ORDER BY id", b.id);
        const stays = ctx.db.all<ReservationRow>("SELECT * FROM hotel_reservations WHERE booking_id = ? AND status = 'confirmed' ORDER BY check_in, id", b.id);
        for (const s of segs) {
          const f = getFlight(ctx.db, s.flight_id);
          if (f.departs_at <= ctx.timestamp) throw new ToolError(`trip ${b.reference} has started (${flightLabel(f)} has departed); cancel the remaining items one by one`);
        }
        for (const r of stays) if (r.check_in <= ctx.today) throw new ToolError(`trip ${b.reference} has started (hotel check-in ${r.check_in}); cancel the remaining items one by one`);
        const flights = segs.map((s) => cancelSegment(ctx, s));
        const hotels = stays.map((r) => cancelReservation(ctx, r));
        ctx.db.run("UPDATE bookings SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, b.id);
        const total = flights.reduce((n, x) => n + x.refund_cents, 0) + hotels.reduce((n, x) => n + x.refund_cents, 0);
        return { trip_id: b.id, reference: b.reference, status: "cancelled", flights, hotels, total_refund_cents: total, total_refund: money(total) };
      },
    }),

    cancel_flight_segment: tool({
      description:
        "Cancel one booked flight segment for all its passengers and keep the rest of the trip: refundable fares refund what was paid minus the cancellation fee per passenger, basic fares nothing, seat and bag fees always, and the seats go back to inventory. Returns the refund; the trip is cancelled once nothing is left on it. Errors if the segment is not confirmed or has departed.",
      input: v.object({ segment_id: Id("The flight segment's id (from get_trip).") }),
      handler: ({ segment_id }, ctx) => {
        const seg = getSegment(ctx, segment_id);
        const out = cancelSegment(ctx, seg);
        touchTrip(ctx, seg.booking_id);
        const tripCancelled = closeTripIfEmpty(ctx, seg.booking_id);
        return { ...out, status: "cancelled", refund: money(out.refund_cents), trip_cancelled: tripCancelled };
      },
    }),

    cancel_hotel_reservation: tool({
      description:
        "Cancel one hotel reservation and keep the rest of the trip: the full stay is refunded until the free-cancellation date, afterwards all but one night's average rate, and nothing on non-refundable rates. Returns the refund; the trip is cancelled once nothing is left on it. Errors if the stay is not confirmed or has started.",
      input: v.object({ reservation_id: Id("The hotel reservation's id (from get_trip).") }),
      handler: ({ reservation_id }, ctx) => {
        const r = getReservation(ctx, reservation_id);
        const out = cancelReservation(ctx, r);
        touchTrip(ctx, r.booking_id);
        const tripCancelled = closeTripIfEmpty(ctx, r.booking_id);
        return { ...out, confirmation_code: r.confirmation_code, status: "cancelled", refund: money(out.refund_cents), trip_cancelled: tripCancelled };
      },
    }),

    update_hotel_reservation: tool({
      description: 
        "Change a confirmed hotel reservation's special requests, number of guests (within the room's capacity) or lead traveller; the price does not change. Returns the updated reservation. Errors if the stay has started, is cancelled, or is over capacity.",
      input: v.object({
        reservation_id: Id("The hotel reservation's id (from get_trip)."),
        special_requests: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("New requests for the hotel; empty string clears them."))),
        guests: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12), v.description("New total number of guests."))),
        lead_traveler_id: v.optional(Id("Saved traveler the room should be under.")),
      }),
      handler: (a, ctx) => {
        const r = getReservation(ctx, a.reservation_id);
        if (a.special_requests === undefined && a.guests === undefined && a.lead_traveler_id === undefined) throw new ToolError("nothing to change: give special_requests, guests or lead_traveler_id");
        const lead = a.lead_traveler_id !== undefined ? getTraveler(ctx, a.lead_traveler_id) : null;
        assertReservationOpen(ctx, r);
        const rt = ctx.db.get<RoomTypeRow>("SELECT * FROM room_types WHERE id = ?", r.room_type_id)!;
        const guests = a.guests ?? r.guests;
        if (guests > rt.max_guests * r.rooms) throw new ToolError(`${rt.name} sleeps ${rt.max_guests} per room; ${guests} guests do not fit in ${r.rooms} room(s)`);
        const requests = a.special_requests === undefined ? r.special_requests : a.special_requests.trim() || null;
        ctx.db.run(
          "UPDATE hotel_reservations SET special_requests = ?, guests = ?, lead_traveler_id = ?, updated_at = ? WHERE id = ?",
          requests,
          guests,
          lead?.id ?? r.lead_traveler_id,
          ctx.timestamp,
          r.id,
        );
        touchTrip(ctx, r.booking_id);
        return tripHotels(ctx, r.booking_id).find((x) => x.reservation_id === r.id);
      },
    }),

    // ----- price alerts -----
    create_price_alert: tool({
      description:
        "Watch a route and date: you are alerted when the lowest per-passenger price in the cabin drops to the target or below. Returns the alert with today's lowest price. Errors if an airport is unknown or ambiguous, the date is past, or an alert for the same route, date and cabin already exists.",
      input: v.object({
        origin: v.pipe(v.string(), v.minLength(1), v.description("Departure airport code, e.g. SFO (a city works if it has one airport).")),
        destination: v.pipe(v.string(), v.minLength(1), v.description("Arrival airport code, e.g. LIS.")),
        depart_date: DateText("Departure date to watch, YYYY-MM-DD."),
        target_price_cents: v.pipe(v.number(), v.integer(), v.minValue(100), v.description("Alert when the price per passenger is at or below this, in cents.")),
        cabin: v.optional(v.pipe(v.picklist(CABINS), v.description("Cabin to watch (default economy).")), "economy"),
        nonstop_only: v.optional(v.pipe(v.boolean(), v.description("Only watch nonstop flights (default false).")), false),
      }),
      handler: (a, ctx) => {
        checkDate(a.depart_date, "depart_date");
        if (a.depart_date < ctx.today) throw new ToolError(`depart_date ${a.depart_date} is in the past`);
        const o = resolveOneAirport(ctx.db, a.origin, "origin");
        const d = resolveOneAirport(ctx.db, a.destination, "destination");
        if (o.id === d.id) throw new ToolError("origin and destination are the same airport");
        const dup = ctx.db.get<{ id: number }>(
          "SELECT id FROM price_alerts WHERE user_id = ? AND origin_airport_id = ? AND destination_airport_id = ? AND depart_date = ? AND cabin = ? AND status <> 'triggered'",
          ctx.userId,
          o.id,
          d.id,
          a.depart_date,
          a.cabin,
        );
        if (dup) throw new ToolError(`you already watch ${o.iata_code}-${d.iata_code} on ${a.depart_date} in ${a.cabin} (alert ${dup.id})`);
        const id = ctx.db.run(
          "INSERT INTO price_alerts (user_id, origin_airport_id, destination_airport_id, depart_date, cabin, nonstop_only, target_price_cents, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)",
          ctx.userId,
          o.id,
          d.id,
          a.depart_date,
          a.cabin,
          a.nonstop_only ? 1 : 0,
          a.target_price_cents,
          ctx.timestamp,
        ).lastInsertRowid;
        return alertView(ctx, ctx.db.get<AlertRow>(`${ALERT_SELECT} WHERE pa.id = ?`, id)!);
      },
    }),

    list_price_alerts: tool({
      description: "List your fare alerts with route, date, cabin, target price, status and today's lowest matching price. Returns a page.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["active", "paused", "triggered", "all"]), v.description("Filter by status (default all).")), "all"),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) => {
        const rows = ctx.db.all<AlertRow>(`${ALERT_SELECT} WHERE pa.user_id = ? AND (? = 'all' OR pa.status = ?) ORDER BY pa.depart_date, pa.id`, ctx.userId, status, status);
        return page(rows.map((r) => alertView(ctx, r)), limit, offset);
      },
    }),

    delete_price_alert: tool({
      description: "Delete one of your fare alerts. Returns the deleted alert's route and date. Errors if the alert is not yours.",
      input: v.object({ alert_id: Id("The alert's id (from list_price_alerts).") }),
      handler: ({ alert_id }, ctx) => {
        const a = ctx.db.get<{ id: number; origin: string; destination: string; depart_date: string }>(`${ALERT_SELECT} WHERE pa.id = ? AND pa.user_id = ?`, alert_id, ctx.userId);
        if (!a) throw new ToolError(`price alert ${alert_id} not found`);
        ctx.db.run("DELETE FROM price_alerts WHERE id = ?", alert_id);
        return { deleted_alert_id: alert_id, route: `${a.origin}-${a.destination}`, depart_date: a.depart_date };
      },
    }),
  },
});
