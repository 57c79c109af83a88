import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces and business rules
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-17"), v.description(what));
const Passengers = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8), v.description("Number of riders, 1-8 (default 1). Must fit the ride type's capacity.")), 1);
const StopIds = v.optional(
  v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("A place id."))), v.maxLength(3), v.description("Up to 3 intermediate stops, in visiting order (place ids).")),
  [],
);

const RIDE_STATUSES = ["requested", "accepted", "in_progress", "completed", "cancelled"] as const;
const ACTIVE = ["requested", "accepted", "in_progress"];
const PLACE_CATEGORIES = ["address", "airport", "landmark", "restaurant", "venue", "transit", "shop", "gym", "hotel", "office", "park"] as const;
const TICKET_STATUSES = ["open", "in_review", "resolved", "closed"] as const;
const TICKET_CATEGORIES = ["lost_item", "fare_dispute", "driver_feedback", "payment", "other"] as const;
const DISPUTE_REASONS = ["route_detour", "wrong_fare", "unexpected_fee", "ride_not_taken", "other"] as const;

const TIP_WINDOW_DAYS = 7;
const RATING_WINDOW_DAYS = 14;
const SWITCH_WINDOW_DAYS = 7;
const SUPPORT_WINDOW_DAYS = 30;
const MAX_STOPS = 3;
const MAX_TIP_CENTS = 20000;
const MAX_FAVORITES = 10;
const SCHEDULE_MIN_LEAD_MIN = 30;
const SCHEDULE_MAX_DAYS = 30;
const SCHEDULE_FREE_CANCEL_MIN = 60;
const DETOUR_THRESHOLD_PCT = 120;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface PlaceRow {
  id: number;
  name: string;
  address: string;
  zone_id: number;
  category: string;
  zone_name: string;
  is_airport: number;
  airport_fee_cents: number;
}
interface RideTypeRow {
  id: number;
  name: string;
  description: string;
  capacity: number;
  base_fare_cents: number;
  per_km_cents: number;
  per_minute_cents: number;
  minimum_fare_cents: number;
  booking_fee_cents: number;
  cancellation_fee_cents: number;
  free_cancel_minutes: number;
  is_active: number;
}
interface PaymentMethodRow {
  id: number;
  user_id: number;
  kind: string;
  brand: string;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  balance_cents: number | null;
  is_default: number;
  status: string;
}
interface ProfileRow {
  id: number;
  company_name: string;
  payment_method_id: number;
  requires_expense_code: number;
  status: string;
}
interface PromoRow {
  user_promo_id: number;
  status: string;
  promotion_id: number;
  code: string;
  description: string;
  discount_type: "percent" | "fixed";
  discount_value: number;
  max_discount_cents: number | null;
  min_fare_cents: number;
  ride_type_id: number | null;
  starts_at: string;
  expires_at: string;
  is_active: number;
}
interface RideRow {
  id: number;
  user_id: number;
  ride_type_id: number;
  status: string;
  driver_id: number | null;
  vehicle_id: number | null;
  pickup_place_id: number;
  dropoff_place_id: number;
  passengers: number;
  payment_method_id: number;
  business_profile_id: number | null;
  expense_code_id: number | null;
  user_promo_id: number | null;
  surge_pct: number;
  est_distance_m: number;
  distance_m: number | null;
  upfront_fare_cents: number;
  fare_cents: number | null;
  discount_cents: number;
  tip_cents: number;
  requested_at: string;
  accepted_at: string | null;
  completed_at: string | null;
}
interface Quote {
  ride_type_id: number;
  ride_type: string;
  capacity: number;
  surge_pct: number;
  distance_m: number;
  duration_s: number;
  base_fare_cents: number;
  distance_fare_cents: number;
  time_fare_cents: number;
  surge_cents: number;
  min_fare_adjustment_cents: number;
  booking_fee_cents: number;
  airport_fee_cents: number;
  total_cents: number;
}
interface Billing {
  payment_method_id: number;
  business_profile_id: number | null;
  expense_code_id: number | null;
  payment_label: string;
  company_name: string | null;
  expense_code: string | null;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** a / b rounded half up, for non-negative integers (the same rounding the seed uses). */
function rdiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

function toDate(ts: string): Date {
  return new Date(`${ts.replace(" ", "T")}Z`);
}

function toTs(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function addDaysTs(ts: string, days: number): string {
  return toTs(new Date(toDate(ts).getTime() + days * 86400000));
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

function paymentLabel(pm: { kind: string; brand: string; last4: string | null; balance_cents?: number | null }): string {
  if (pm.kind === "card") return `${pm.brand} ending ${pm.last4}`;
  return pm.brand;
}

const PLACE_SELECT = `SELECT p.id, p.name, p.address, p.zone_id, p.category, z.name AS zone_name, z.is_airport, z.airport_fee_cents
  FROM places p JOIN zones z ON z.id = p.zone_id`;

function getPlace(db: SqlDatabase, placeId: number): PlaceRow {
  const p = db.get<PlaceRow>(`${PLACE_SELECT} WHERE p.id = ?`, placeId);
  if (!p) throw new ToolError(`place ${placeId} not found`);
  return p;
}

function placeOut(p: PlaceRow) {
  return { place_id: p.id, name: p.name, address: p.address, zone: p.zone_name };
}

function getRideType(db: SqlDatabase, id: number): RideTypeRow {
  const rt = db.get<RideTypeRow>("SELECT * FROM ride_types WHERE id = ?", id);
  if (!rt) throw new ToolError(`ride type ${id} not found`);
  if (!rt.is_active) throw new ToolError(`ride type ${rt.name} is not available right now`);
  return rt;
}

function route(db: SqlDatabase, a: number, b: number): { distance_m: number; duration_s: number } {
  const r = db.get<{ distance_m: number; duration_s: number }>(
    "SELECT distance_m, duration_s FROM zone_routes WHERE from_zone_id = ? AND to_zone_id = ?",
    Math.min(a, b),
    Math.max(a, b),
  );
  if (!r) throw new ToolError(`no route between zones ${a} and ${b}`);
  return r;
}

/** Surge multiplier (percent) for pickups in a zone at a time: the highest matching rule, else 100. */
function surgeAt(db: SqlDatabase, zoneId: number, at: Date): number {
  const day = at.getUTCDay();
  const dayType = day === 0 || day === 6 ? "weekend" : "weekday";
  const r = db.get<{ m: number | null }>(
    "SELECT MAX(multiplier_pct) AS m FROM surge_rules WHERE zone_id = ? AND day_type IN (?, 'daily') AND start_hour <= ? AND end_hour > ?",
    zoneId,
    dayType,
    at.getUTCHours(),
    at.getUTCHours(),
  )!;
  return r.m ?? 100;
}

/** Prices a trip through the given places (pickup, stops..., dropoff) for one ride type at a surge. */
function quote(db: SqlDatabase, rt: RideTypeRow, places: PlaceRow[], surgePct: number): Quote {
  let distance = 0;
  let duration = 0;
  for (let i = 0; i + 1 < places.length; i++) {
    const r = route(db, places[i]!.zone_id, places[i + 1]!.zone_id);
    distance += r.distance_m;
    duration += r.duration_s;
  }
  const distanceFare = rdiv(rt.per_km_cents * distance, 1000);
  const timeFare = rdiv(rt.per_minute_cents * duration, 60);
  const sub = rt.base_fare_cents + distanceFare + timeFare;
  const surged = rdiv(sub * surgePct, 100);
  const fare = Math.max(surged, rt.minimum_fare_cents);
  const airport = Math.max(places[0]!.airport_fee_cents, places[places.length - 1]!.airport_fee_cents);
  return {
    ride_type_id: rt.id,
    ride_type: rt.name,
    capacity: rt.capacity,
    surge_pct: surgePct,
    distance_m: distance,
    duration_s: duration,
    base_fare_cents: rt.base_fare_cents,
    distance_fare_cents: distanceFare,
    time_fare_cents: timeFare,
    surge_cents: surged - sub,
    min_fare_adjustment_cents: fare - surged,
    booking_fee_cents: rt.booking_fee_cents,
    airport_fee_cents: airport,
    total_cents: fare + rt.booking_fee_cents + airport,
  };
}

function quoteOut(q: Quote) {
  return {
    ride_type_id: q.ride_type_id,
    ride_type: q.ride_type,
    capacity: q.capacity,
    surge_multiplier: q.surge_pct / 100,
    est_distance_km: Math.round(q.distance_m / 100) / 10,
    est_duration_min: Math.round(q.duration_s / 60),
    breakdown: {
      base_fare_cents: q.base_fare_cents,
      distance_fare_cents: q.distance_fare_cents,
      time_fare_cents: q.time_fare_cents,
      surge_cents: q.surge_cents,
      min_fare_adjustment_cents: q.min_fare_adjustment_cents,
      booking_fee_cents: q.booking_fee_cents,
      airport_fee_cents: q.airport_fee_cents,
    },
    fare_cents: q.total_cents,
    fare: money(q.total_cents),
  };
}

/** Distinct places of a route; checks they exist and that consecutive places differ. */
function routePlaces(db: SqlDatabase, pickupId: number, stopIds: number[], dropoffId: number): PlaceRow[] {
  const places = [pickupId, ...stopIds, dropoffId].map((id) => getPlace(db, id));
  if (pickupId === dropoffId) throw new ToolError("pickup and dropoff must be different places");
  for (let i = 0; i + 1 < places.length; i++) {
    if (places[i]!.id === places[i + 1]!.id) throw new ToolError(`${places[i]!.name} appears twice in a row on the route`);
  }
  return places;
}

function cardExpired(pm: PaymentMethodRow, today: string): boolean {
  if (pm.status === "expired") return true;
  if (pm.kind !== "card" || pm.exp_year === null || pm.exp_month === null) return false;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return pm.exp_year < y || (pm.exp_year === y && pm.exp_month < m);
}

function getPaymentMethod(ctx: ToolContext, id: number): PaymentMethodRow {
  const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ? AND user_id = ? AND status <> 'removed'", id, ctx.userId);
  if (!pm) throw new ToolError(`payment method ${id} not found`);
  return pm;
}

function usablePaymentMethod(ctx: ToolContext, id: number): PaymentMethodRow {
  const pm = getPaymentMethod(ctx, id);
  if (cardExpired(pm, ctx.today)) throw new ToolError(`${paymentLabel(pm)} has expired; choose another payment method`);
  return pm;
}

function getProfile(ctx: ToolContext, id: number): ProfileRow {
  const bp = ctx.db.get<ProfileRow>("SELECT * FROM business_profiles WHERE id = ? AND user_id = ?", id, ctx.userId);
  if (!bp) throw new ToolError(`business profile ${id} not found`);
  return bp;
}

/** Resolves who pays: a business profile (its card, plus an expense code) or a personal payment method (default if none given). */
function resolveBilling(ctx: ToolContext, a: { payment_method_id?: number; business_profile_id?: number; expense_code?: string }): Billing {
  const code = a.expense_code?.trim() ?? "";
  if (a.business_profile_id !== undefined) {
    const bp = getProfile(ctx, a.business_profile_id);
    if (bp.status !== "active") throw new ToolError(`business profile ${bp.company_name} is inactive`);
    if (a.payment_method_id !== undefined && a.payment_method_id !== bp.payment_method_id) {
      throw new ToolError(`rides on the ${bp.company_name} profile are charged to the profile's own card; leave payment_method_id out`);
    }
    const pm = usablePaymentMethod(ctx, bp.payment_method_id);
    let codeId: number | null = null;
    let codeText: string | null = null;
    if (code) {
      const ec = ctx.db.get<{ id: number; code: string; is_active: number }>(
        "SELECT id, code, is_active FROM expense_codes WHERE business_profile_id = ? AND upper(code) = upper(?)",
        bp.id,
        code,
      );
      if (!ec) {
        const codes = ctx.db.all<{ code: string }>("SELECT code FROM expense_codes WHERE business_profile_id = ? AND is_active = 1 ORDER BY code", bp.id).map((c) => c.code);
        throw new ToolError(`expense code ${code} not found on ${bp.company_name}; active codes: ${codes.join(", ") || "none"}`);
      }
      if (!ec.is_active) throw new ToolError(`expense code ${ec.code} is no longer active on ${bp.company_name}`);
      codeId = ec.id;
      codeText = ec.code;
    } else if (bp.requires_expense_code) {
      throw new ToolError(`${bp.company_name} requires an expense code on every ride; see list_business_profiles`);
    }
    return { payment_method_id: pm.id, business_profile_id: bp.id, expense_code_id: codeId, payment_label: paymentLabel(pm), company_name: bp.company_name, expense_code: codeText };
  }
  if (code) throw new ToolError("an expense code needs a business_profile_id");
  let pmId = a.payment_method_id;
  if (pmId === undefined) {
    const def = ctx.db.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND is_default = 1 AND status = 'active'", ctx.userId);
    if (!def) throw new ToolError("you have no default payment method; pass payment_method_id");
    pmId = def.id;
  }
  const pm = usablePaymentMethod(ctx, pmId);
  return { payment_method_id: pm.id, business_profile_id: null, expense_code_id: null, payment_label: paymentLabel(pm), company_name: null, expense_code: null };
}

function findUserPromo(ctx: ToolContext, code: string): PromoRow {
  const p = ctx.db.get<PromoRow>(
    `SELECT up.id AS user_promo_id, up.status, pr.id AS promotion_id, pr.code, pr.description, pr.discount_type, pr.discount_value, pr.max_discount_cents,
       pr.min_fare_cents, pr.ride_type_id, pr.starts_at, pr.expires_at, pr.is_active
     FROM user_promos up JOIN promotions pr ON pr.id = up.promotion_id WHERE up.user_id = ? AND upper(pr.code) = upper(?)`,
    ctx.userId,
    code.trim(),
  );
  if (!p) throw new ToolError(`promo code ${code.trim().toUpperCase()} is not on your account; add it with apply_promo_code first`);
  return p;
}

function promoDiscount(p: { discount_type: string; discount_value: number; max_discount_cents: number | null }, total: number): number {
  let d = p.discount_type === "percent" ? rdiv(total * p.discount_value, 100) : p.discount_value;
  if (p.max_discount_cents !== null) d = Math.min(d, p.max_discount_cents);
  return Math.min(d, total);
}

/** Checks a promo on the account can be used on a ride of this type and fare; returns the discount. */
function promoFor(ctx: ToolContext, p: PromoRow, rt: RideTypeRow, total: number, business: boolean): number {
  if (p.status === "redeemed") throw new ToolError(`promo ${p.code} has already been used`);
  if (p.status === "expired" || ctx.timestamp > p.expires_at) throw new ToolError(`promo ${p.code} expired on ${p.expires_at.slice(0, 10)}`);
  if (!p.is_active) throw new ToolError(`promo ${p.code} is paused`);
  if (ctx.timestamp < p.starts_at) throw new ToolError(`promo ${p.code} starts on ${p.starts_at.slice(0, 10)}`);
  if (business) throw new ToolError("promo codes cannot be used on business-profile rides");
  if (p.ride_type_id !== null && p.ride_type_id !== rt.id) {
    const name = ctx.db.get<{ name: string }>("SELECT name FROM ride_types WHERE id = ?", p.ride_type_id)?.name ?? "another ride type";
    throw new ToolError(`promo ${p.code} only applies to ${name} rides`);
  }
  if (total < p.min_fare_cents) throw new ToolError(`promo ${p.code} needs a fare of at least ${money(p.min_fare_cents)}; this one is ${money(total)}`);
  return promoDiscount(p, total);
}

function getRide(ctx: ToolContext, rideId: number): RideRow {
  const r = ctx.db.get<RideRow>("SELECT * FROM rides WHERE id = ? AND user_id = ?", rideId, ctx.userId);
  if (!r) throw new ToolError(`ride ${rideId} not found`);
  return r;
}

function rideName(ctx: ToolContext, r: RideRow): string {
  const p = ctx.db.get<{ a: string; b: string }>("SELECT pa.name AS a, pb.name AS b FROM places pa, places pb WHERE pa.id = ? AND pb.id = ?", r.pickup_place_id, r.dropoff_place_id)!;
  return `ride ${r.id} (${p.a} to ${p.b}, ${r.requested_at.slice(0, 16)})`;
}

function minutesBetween(from: string, to: Date): number {
  return (to.getTime() - toDate(from).getTime()) / 60000;
}

/** Re-prices an active ride after its route changed (stops or destination), keeping its locked surge and promo. */
function repriceActiveRide(ctx: ToolContext, r: RideRow, dropoffId: number) {
  const stops = ctx.db.all<{ place_id: number }>("SELECT place_id FROM ride_stops WHERE ride_id = ? AND status = 'pending' ORDER BY seq", r.id).map((s) => s.place_id);
  const places = routePlaces(ctx.db, r.pickup_place_id, stops, dropoffId);
  const rt = ctx.db.get<RideTypeRow>("SELECT * FROM ride_types WHERE id = ?", r.ride_type_id)!;
  const q = quote(ctx.db, rt, places, r.surge_pct);
  let discount = 0;
  if (r.user_promo_id !== null) {
    const p = ctx.db.get<{ discount_type: string; discount_value: number; max_discount_cents: number | null }>(
      "SELECT pr.discount_type, pr.discount_value, pr.max_discount_cents FROM user_promos up JOIN promotions pr ON pr.id = up.promotion_id WHERE up.id = ?",
      r.user_promo_id,
    )!;
    discount = promoDiscount(p, q.total_cents);
  }
  ctx.db.run(
    `UPDATE rides SET dropoff_place_id = ?, est_distance_m = ?, est_duration_s = ?, base_fare_cents = ?, distance_fare_cents = ?, time_fare_cents = ?, surge_cents = ?,
       min_fare_adjustment_cents = ?, booking_fee_cents = ?, airport_fee_cents = ?, upfront_fare_cents = ?, discount_cents = ? WHERE id = ?`,
    dropoffId, q.distance_m, q.duration_s, q.base_fare_cents, q.distance_fare_cents, q.time_fare_cents, q.surge_cents,
    q.min_fare_adjustment_cents, q.booking_fee_cents, q.airport_fee_cents, q.total_cents, discount, r.id,
  );
}

function chargeTotals(db: SqlDatabase, rideId: number) {
  return db.get<{ charged: number; refunded: number }>(
    `SELECT COALESCE((SELECT SUM(amount_cents) FROM charges WHERE ride_id = ? AND status = 'succeeded'), 0) AS charged,
       COALESCE((SELECT SUM(r.amount_cents) FROM refunds r JOIN charges c ON c.id = r.charge_id WHERE c.ride_id = ?), 0) AS refunded`,
    rideId,
    rideId,
  )!;
}

/** Takes money from a payment method (wallet balance must cover it). Returns the new charge id. */
function charge(ctx: ToolContext, pmId: number, profileId: number | null, kind: string, amount: number, ref: { ride_id?: number; scheduled_ride_id?: number }): number {
  const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ?", pmId)!;
  if (pm.kind === "wallet") {
    if ((pm.balance_cents ?? 0) < amount) throw new ToolError(`${pm.brand} balance is ${money(pm.balance_cents ?? 0)}, not enough for ${money(amount)}; choose another payment method`);
    ctx.db.run("UPDATE payment_methods SET balance_cents = balance_cents - ? WHERE id = ?", amount, pmId);
  }
  return ctx.db.run(
    "INSERT INTO charges (user_id, ride_id, scheduled_ride_id, payment_method_id, business_profile_id, kind, amount_cents, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'succeeded', ?)",
    ctx.userId, ref.ride_id ?? null, ref.scheduled_ride_id ?? null, pmId, profileId, kind, amount, ctx.timestamp,
  ).lastInsertRowid;
}

/** Gives money back on a charge, to the charge's payment method. */
function refund(ctx: ToolContext, chargeId: number, amount: number, reason: string, ticketId: number | null): number {
  const c = ctx.db.get<{ payment_method_id: number }>("SELECT payment_method_id FROM charges WHERE id = ?", chargeId)!;
  ctx.db.run("UPDATE payment_methods SET balance_cents = balance_cents + ? WHERE id = ? AND kind = 'wallet'", amount, c.payment_method_id);
  return ctx.db.run("INSERT INTO refunds (charge_id, support_ticket_id, amount_cents, reason, created_at) VALUES (?, ?, ?, ?, ?)", chargeId, ticketId, amount, reason, ctx.timestamp).lastInsertRowid;
}

/** Succeeded charges of a ride with what is still refundable on each. */
function openCharges(db: SqlDatabase, rideId: number) {
  return db.all<{ id: number; kind: string; amount_cents: number; payment_method_id: number; refundable: number }>(
    `SELECT c.id, c.kind, c.amount_cents, c.payment_method_id, c.amount_cents - COALESCE((SELECT SUM(amount_cents) FROM refunds r WHERE r.charge_id = c.id), 0) AS refundable
     FROM charges c WHERE c.ride_id = ? AND c.status = 'succeeded' ORDER BY c.id`,
    rideId,
  );
}

function newTicket(ctx: ToolContext, t: { ride_id: number | null; category: string; subject: string; description: string; contact_phone: string | null; status: string; resolution: string | null }): number {
  const id = ctx.db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM support_tickets")!.n;
  ctx.db.run(
    `INSERT INTO support_tickets (id, reference, user_id, ride_id, category, subject, description, contact_phone, status, resolution, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id, `SUP-${10000 + id}`, ctx.userId, t.ride_id, t.category, t.subject, t.description, t.contact_phone, t.status, t.resolution, ctx.timestamp, ctx.timestamp,
  );
  return id;
}

function ticketDetail(ctx: ToolContext, ticketId: number) {
  const t = ctx.db.get<Record<string, unknown>>(
    `SELECT t.id AS ticket_id, t.reference, t.ride_id, t.category, t.subject, t.description, t.contact_phone, t.status, t.resolution, t.created_at, t.updated_at,
       pa.name AS ride_pickup, pb.name AS ride_dropoff, r.requested_at AS ride_requested_at
     FROM support_tickets t LEFT JOIN rides r ON r.id = t.ride_id LEFT JOIN places pa ON pa.id = r.pickup_place_id LEFT JOIN places pb ON pb.id = r.dropoff_place_id
     WHERE t.id = ? AND t.user_id = ?`,
    ticketId,
    ctx.userId,
  );
  if (!t) throw new ToolError(`support ticket ${ticketId} not found`);
  const refunds = ctx.db.all<{ amount_cents: number }>(
    `SELECT rf.id AS refund_id, rf.amount_cents, rf.reason, rf.created_at, pm.kind, pm.brand, pm.last4
     FROM refunds rf JOIN charges c ON c.id = rf.charge_id JOIN payment_methods pm ON pm.id = c.payment_method_id WHERE rf.support_ticket_id = ? ORDER BY rf.id`,
    ticketId,
  );
  return {
    ...t,
    refunds: refunds.map((r) => {
      const x = r as unknown as { refund_id: number; amount_cents: number; reason: string; created_at: string; kind: string; brand: string; last4: string | null };
      return { refund_id: x.refund_id, amount_cents: x.amount_cents, amount: money(x.amount_cents), reason: x.reason, refunded_to: paymentLabel(x), created_at: x.created_at };
    }),
  };
}

function rideDetail(ctx: ToolContext, rideId: number) {
  const r = getRide(ctx, rideId);
  const full = ctx.db.get<Record<string, unknown>>(
    `SELECT r.*, rt.name AS ride_type, pa.name AS pickup_name, pa.address AS pickup_address, pb.name AS dropoff_name, pb.address AS dropoff_address,
       d.full_name AS driver_name, d.rating AS driver_rating, d.phone_masked AS driver_phone, ve.make, ve.model, ve.color, ve.plate,
       pm.kind AS pm_kind, pm.brand AS pm_brand, pm.last4 AS pm_last4, bp.company_name, ec.code AS expense_code, pr.code AS promo_code,
       (SELECT 1 FROM favorite_drivers f WHERE f.user_id = r.user_id AND f.driver_id = r.driver_id) AS favorite
     FROM rides r JOIN ride_types rt ON rt.id = r.ride_type_id JOIN places pa ON pa.id = r.pickup_place_id JOIN places pb ON pb.id = r.dropoff_place_id
     LEFT JOIN drivers d ON d.id = r.driver_id LEFT JOIN vehicles ve ON ve.id = r.vehicle_id JOIN payment_methods pm ON pm.id = r.payment_method_id
     LEFT JOIN business_profiles bp ON bp.id = r.business_profile_id LEFT JOIN expense_codes ec ON ec.id = r.expense_code_id
     LEFT JOIN user_promos up ON up.id = r.user_promo_id LEFT JOIN promotions pr ON pr.id = up.promotion_id
     WHERE r.id = ?`,
    rideId,
  )!;
  const stops = ctx.db.all(
    "SELECT s.id AS stop_id, s.seq, s.place_id, p.name, p.address, s.status FROM ride_stops s JOIN places p ON p.id = s.place_id WHERE s.ride_id = ? AND s.status <> 'removed' ORDER BY s.seq",
    rideId,
  );
  const charges = ctx.db.all<{ kind: string; brand: string; last4: string | null }>(
    `SELECT c.id AS charge_id, c.kind, c.amount_cents, c.status, c.failure_reason, c.created_at, c.payment_method_id, pm.kind AS pm_kind, pm.brand, pm.last4, bp.company_name AS business_profile
     FROM charges c JOIN payment_methods pm ON pm.id = c.payment_method_id LEFT JOIN business_profiles bp ON bp.id = c.business_profile_id WHERE c.ride_id = ? ORDER BY c.id`,
    rideId,
  ).map((c) => {
    const x = c as unknown as Record<string, unknown> & { pm_kind: string; brand: string; last4: string | null };
    const { pm_kind, brand, last4, ...rest } = x;
    return { ...rest, charged_to: paymentLabel({ kind: pm_kind, brand, last4 }) };
  });
  const refunds = ctx.db.all(
    "SELECT rf.id AS refund_id, rf.charge_id, rf.amount_cents, rf.reason, rf.support_ticket_id, rf.created_at FROM refunds rf JOIN charges c ON c.id = rf.charge_id WHERE c.ride_id = ? ORDER BY rf.id",
    rideId,
  );
  const totals = chargeTotals(ctx.db, rideId);
  const rating = ctx.db.get("SELECT stars, comment, created_at FROM driver_ratings WHERE ride_id = ?", rideId) ?? null;
  const tickets = ctx.db.all("SELECT id AS ticket_id, reference, category, subject, status FROM support_tickets WHERE ride_id = ? AND user_id = ? ORDER BY id", rideId, ctx.userId);
  const km = (m: unknown) => (m === null ? null : Math.round((m as number) / 100) / 10);
  const min = (s: unknown) => (s === null ? null : Math.round((s as number) / 60));
  return {
    ride_id: r.id,
    status: r.status,
    ride_type_id: r.ride_type_id,
    ride_type: full.ride_type,
    passengers: r.passengers,
    pickup: { place_id: r.pickup_place_id, name: full.pickup_name, address: full.pickup_address },
    stops,
    dropoff: { place_id: r.dropoff_place_id, name: full.dropoff_name, address: full.dropoff_address },
    requested_at: r.requested_at,
    accepted_at: r.accepted_at,
    started_at: full.started_at,
    completed_at: r.completed_at,
    cancelled_at: full.cancelled_at,
    cancelled_by: full.cancelled_by,
    driver: r.driver_id === null ? null : { driver_id: r.driver_id, name: full.driver_name, rating: full.driver_rating, phone: full.driver_phone, is_favorite: full.favorite === 1 },
    vehicle: r.vehicle_id === null ? null : { make: full.make, model: full.model, color: full.color, plate: full.plate },
    payment: { payment_method_id: r.payment_method_id, method: paymentLabel({ kind: full.pm_kind as string, brand: full.pm_brand as string, last4: full.pm_last4 as string | null }) },
    business_profile: r.business_profile_id === null ? null : { business_profile_id: r.business_profile_id, company_name: full.company_name, expense_code: full.expense_code },
    promo_code: full.promo_code ?? null,
    trip: { surge_multiplier: r.surge_pct / 100, est_distance_km: km(r.est_distance_m), est_duration_min: min(full.est_duration_s), distance_km: km(r.distance_m), duration_min: min(full.duration_s) },
    fare: {
      base_fare_cents: full.base_fare_cents,
      distance_fare_cents: full.distance_fare_cents,
      time_fare_cents: full.time_fare_cents,
      surge_cents: full.surge_cents,
      min_fare_adjustment_cents: full.min_fare_adjustment_cents,
      booking_fee_cents: full.booking_fee_cents,
      airport_fee_cents: full.airport_fee_cents,
      upfront_fare_cents: r.upfront_fare_cents,
      final_fare_cents: r.fare_cents,
      discount_cents: r.discount_cents,
      tip_cents: r.tip_cents,
      cancellation_fee_cents: full.cancellation_fee_cents,
      total_charged_cents: totals.charged,
      total_refunded_cents: totals.refunded,
      net_paid: money(totals.charged - totals.refunded),
    },
    charges,
    refunds,
    my_rating: rating,
    tip_allowed_until: r.status === "completed" && r.tip_cents === 0 ? addDaysTs(r.completed_at!, TIP_WINDOW_DAYS) : null,
    rating_allowed_until: r.status === "completed" && !rating ? addDaysTs(r.completed_at!, RATING_WINDOW_DAYS) : null,
    support_tickets: tickets,
    note: full.note,
  };
}

/** Picks the driver for a new ride: a favourite driver in the pickup zone first, then the closest, then the best rated. */
function dispatch(ctx: ToolContext, rideTypeId: number, pickupZone: number, passengers: number) {
  const cands = ctx.db.all<{ driver_id: number; vehicle_id: number; zone_id: number; rating: number; fav: number }>(
    `SELECT d.id AS driver_id, ve.id AS vehicle_id, d.current_zone_id AS zone_id, d.rating,
       EXISTS (SELECT 1 FROM favorite_drivers f WHERE f.user_id = ? AND f.driver_id = d.id) AS fav
     FROM drivers d JOIN vehicles ve ON ve.driver_id = d.id AND ve.is_active = 1
     JOIN vehicle_ride_types vrt ON vrt.vehicle_id = ve.id AND vrt.ride_type_id = ?
     WHERE d.status = 'available' AND ve.seats >= ?`,
    ctx.userId,
    rideTypeId,
    passengers,
  );
  const scored = cands.map((c) => {
    const r = route(ctx.db, c.zone_id, pickupZone);
    const eta = Math.ceil((c.zone_id === pickupZone ? r.duration_s / 2 : r.duration_s) / 60);
    return { ...c, eta, favHere: c.fav === 1 && c.zone_id === pickupZone ? 1 : 0 };
  });
  scored.sort((a, b) => b.favHere - a.favHere || a.eta - b.eta || b.rating - a.rating || a.driver_id - b.driver_id);
  return scored[0] ?? null;
}

function scheduledDetail(ctx: ToolContext, id: number) {
  const s = ctx.db.get<Record<string, unknown>>(
    `SELECT s.id AS scheduled_ride_id, s.status, s.pickup_at, s.ride_type_id, rt.name AS ride_type, s.passengers, s.pickup_place_id, pa.name AS pickup_name, pa.address AS pickup_address,
       s.dropoff_place_id, pb.name AS dropoff_name, pb.address AS dropoff_address, s.payment_method_id, pm.kind AS pm_kind, pm.brand AS pm_brand, pm.last4 AS pm_last4,
       s.business_profile_id, bp.company_name, ec.code AS expense_code, s.upfront_fare_cents, s.surge_pct, s.note, s.cancellation_fee_cents, s.created_at, s.cancelled_at,
       (SELECT r.id FROM rides r WHERE r.scheduled_ride_id = s.id) AS ride_id
     FROM scheduled_rides s JOIN ride_types rt ON rt.id = s.ride_type_id JOIN places pa ON pa.id = s.pickup_place_id JOIN places pb ON pb.id = s.dropoff_place_id
     JOIN payment_methods pm ON pm.id = s.payment_method_id LEFT JOIN business_profiles bp ON bp.id = s.business_profile_id LEFT JOIN expense_codes ec ON ec.id = s.expense_code_id
     WHERE s.id = ? AND s.user_id = ?`,
    id,
    ctx.userId,
  );
  if (!s) throw new ToolError(`scheduled ride ${id} not found`);
  const { pm_kind, pm_brand, pm_last4, ...rest } = s;
  return { ...rest, payment_method: paymentLabel({ kind: pm_kind as string, brand: pm_brand as string, last4: pm_last4 as string | null }), upfront_fare: money(s.upfront_fare_cents as number) };
}

function savedPlaceOut(ctx: ToolContext, id: number) {
  return ctx.db.get(
    `SELECT sp.id AS saved_place_id, sp.kind, sp.name, sp.place_id, p.name AS place_name, p.address, z.name AS zone, sp.pickup_notes, sp.updated_at
     FROM saved_places sp JOIN places p ON p.id = sp.place_id JOIN zones z ON z.id = p.zone_id WHERE sp.id = ?`,
    id,
  );
}

function getSavedPlace(ctx: ToolContext, id: number) {
  const sp = ctx.db.get<{ id: number; kind: string; name: string; place_id: number }>("SELECT * FROM saved_places WHERE id = ? AND user_id = ?", id, ctx.userId);
  if (!sp) throw new ToolError(`saved place ${id} not found`);
  return sp;
}

function getDriver(ctx: ToolContext, id: number) {
  const d = ctx.db.get<{ id: number; full_name: string }>("SELECT id, full_name FROM drivers WHERE id = ?", id);
  if (!d) throw new ToolError(`driver ${id} not found`);
  return d;
}

const RideTypeId = Id("The ride type's id (from list_ride_types), e.g. Standard or XL.");
const PickupId = Id("Pickup place id (from search_places, or place_id of a saved place).");
const DropoffId = Id("Dropoff place id (from search_places, or place_id of a saved place).");
const PaymentMethodId = v.optional(Id("Personal payment method id (from list_payment_methods); default: your default method. Leave out for business-profile rides."));
const BusinessProfileId = v.optional(Id("Bill the ride to this business profile (from list_business_profiles); it is charged to the profile's card."));
const ExpenseCode = v.optional(v.pipe(v.string(), v.description("Expense code of the business profile, e.g. TRAVEL (required by profiles that demand one).")));

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- account -----
    get_account: tool({
      description: "Show the signed-in rider's account: name, contact, rider rating (average stars drivers gave), number of completed rides, default payment method, Zipp Cash balance and active business profiles.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const u = ctx.db.get<Record<string, unknown>>("SELECT id AS user_id, full_name, email, phone, home_city, member_since FROM users WHERE id = ?", ctx.userId)!;
        const rating = ctx.db.get<{ avg: number | null; n: number }>("SELECT ROUND(AVG(stars), 2) AS avg, count(*) AS n FROM rider_ratings WHERE user_id = ?", ctx.userId)!;
        const rides = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM rides WHERE user_id = ? AND status = 'completed'", ctx.userId)!.n;
        const def = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE user_id = ? AND is_default = 1 AND status = 'active'", ctx.userId);
        const wallet = ctx.db.get<{ balance_cents: number }>("SELECT balance_cents FROM payment_methods WHERE user_id = ? AND kind = 'wallet' AND status = 'active'", ctx.userId);
        const profiles = ctx.db.all("SELECT id AS business_profile_id, company_name FROM business_profiles WHERE user_id = ? AND status = 'active' ORDER BY id", ctx.userId);
        return {
          ...u,
          rider_rating: rating.avg,
          rider_rating_count: rating.n,
          completed_rides: rides,
          default_payment_method: def ? { payment_method_id: def.id, method: paymentLabel(def) } : null,
          zipp_cash_balance_cents: wallet?.balance_cents ?? 0,
          business_profiles: profiles,
        };
      },
    }),

    // ----- places -----
    search_places: tool({
      description:
        "Search the map for places (addresses, airports and terminals, restaurants, venues, gyms...) by words in the name or street address (every word must match, case-insensitive). Returns a page of places with place_id, name, address, zone and category, plus saved_as if it is one of your saved places.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to search for, e.g. 'SFO terminal 2' or '1458 Valencia'. Empty lists every place.")), ""),
        category: v.optional(v.pipe(v.picklist(PLACE_CATEGORIES), v.description("Only places of this category."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [ctx.userId];
        for (const w of likeWords(a.query)) {
          where.push("(p.name LIKE ? OR p.address LIKE ?)");
          params.push(w, w);
        }
        if (a.category) {
          where.push("p.category = ?");
          params.push(a.category);
        }
        const cond = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const from = `FROM places p JOIN zones z ON z.id = p.zone_id LEFT JOIN saved_places sp ON sp.place_id = p.id AND sp.user_id = ? ${cond}`;
        return page(
          ctx.db,
          `SELECT p.id AS place_id, p.name, p.address, p.category, z.name AS zone, group_concat(sp.name, ', ') AS saved_as ${from} GROUP BY p.id ORDER BY p.name, p.id`,
          `SELECT count(DISTINCT p.id) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    list_saved_places: tool({
      description: "List your saved places (Home, Work and custom ones) with saved_place_id, the place_id to use for rides, address and pickup notes.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT sp.id AS saved_place_id, sp.kind, sp.name, sp.place_id, p.name AS place_name, p.address, z.name AS zone, sp.pickup_notes
           FROM saved_places sp JOIN places p ON p.id = sp.place_id JOIN zones z ON z.id = p.zone_id WHERE sp.user_id = ?
           ORDER BY CASE sp.kind WHEN 'home' THEN 0 WHEN 'work' THEN 1 ELSE 2 END, sp.name`,
          "SELECT count(*) AS n FROM saved_places WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    add_saved_place: tool({
      description:
        "Save a place under a name. kind 'home' or 'work' creates your Home or Work (you can have one of each; use update_saved_place to move it); 'custom' needs a name. Returns the saved place. Errors if the place does not exist or the name or Home/Work is already taken.",
      input: v.object({
        place_id: Id("The place to save (from search_places)."),
        kind: v.optional(v.pipe(v.picklist(["home", "work", "custom"]), v.description("home, work or custom (default custom).")), "custom"),
        name: v.optional(v.pipe(v.string(), v.maxLength(40), v.description("Name to show, e.g. 'Gym'. Defaults to Home/Work for those kinds; required for custom."))),
        pickup_notes: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("Notes for drivers picking you up here, e.g. a gate code."))),
      }),
      handler: (a, ctx) => {
        const place = getPlace(ctx.db, a.place_id);
        const name = (a.name?.trim() || (a.kind === "home" ? "Home" : a.kind === "work" ? "Work" : "")).trim();
        if (!name) throw new ToolError("a custom saved place needs a name");
        if (a.kind !== "custom") {
          const existing = ctx.db.get<{ id: number }>("SELECT id FROM saved_places WHERE user_id = ? AND kind = ?", ctx.userId, a.kind);
          if (existing) throw new ToolError(`you already have a ${a.kind === "home" ? "Home" : "Work"} place (saved place ${existing.id}); change it with update_saved_place`);
        }
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM saved_places WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, name);
        if (dup) throw new ToolError(`you already have a saved place named ${name} (saved place ${dup.id})`);
        const id = ctx.db.run(
          "INSERT INTO saved_places (user_id, kind, name, place_id, pickup_notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          ctx.userId, a.kind, name, place.id, a.pickup_notes?.trim() || null, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        return savedPlaceOut(ctx, id);
      },
    }),

    update_saved_place: tool({
      description:
        "Change one of your saved places: point it at another place, rename it (custom places only) or change its pickup notes (empty string clears them). Returns the updated saved place. Errors if it is not yours, the place does not exist or the new name is taken.",
      input: v.object({
        saved_place_id: Id("The saved place's id (from list_saved_places)."),
        place_id: v.optional(Id("New place for it (from search_places).")),
        name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40), v.description("New name (custom places only)."))),
        pickup_notes: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("New pickup notes; empty string clears them."))),
      }),
      handler: (a, ctx) => {
        if (a.place_id !== undefined) getPlace(ctx.db, a.place_id);
        const sp = getSavedPlace(ctx, a.saved_place_id);
        if (a.place_id === undefined && a.name === undefined && a.pickup_notes === undefined) throw new ToolError("nothing to change: pass place_id, name or pickup_notes");
        let name = sp.name;
        if (a.name !== undefined && a.name.trim() !== sp.name) {
          if (sp.kind !== "custom") throw new ToolError(`${sp.name} cannot be renamed`);
          name = a.name.trim();
          const dup = ctx.db.get<{ id: number }>("SELECT id FROM saved_places WHERE user_id = ? AND lower(name) = lower(?) AND id <> ?", ctx.userId, name, sp.id);
          if (dup) throw new ToolError(`you already have a saved place named ${name} (saved place ${dup.id})`);
        }
        const placeId = a.place_id ?? sp.place_id;
        if (a.pickup_notes !== undefined) {
          ctx.db.run("UPDATE saved_places SET name = ?, place_id = ?, pickup_notes = ?, updated_at = ? WHERE id = ?", name, placeId, a.pickup_notes.trim() || null, ctx.timestamp, sp.id);
        } else {
          ctx.db.run("UPDATE saved_places SET name = ?, place_id = ?, updated_at = ? WHERE id = ?", name, placeId, ctx.timestamp, sp.id);
        }
        return savedPlaceOut(ctx, sp.id);
      },
    }),

    delete_saved_place: tool({
      description: "Delete one of your saved places (the place itself stays on the map). Returns the deleted saved place's id and name. Errors if it is not yours.",
      input: v.object({ saved_place_id: Id("The saved place's id (from list_saved_places).") }),
      handler: ({ saved_place_id }, ctx) => {
        const sp = getSavedPlace(ctx, saved_place_id);
        ctx.db.run("DELETE FROM saved_places WHERE id = ?", sp.id);
        return { deleted_saved_place_id: sp.id, name: sp.name };
      },
    }),

    // ----- payment -----
    list_payment_methods: tool({
      description:
        "List your payment methods (cards, Zipp Cash wallet with its balance, PayPal) with payment_method_id, default flag, status (expired cards cannot be used) and which business profile bills to it.",
      input: v.object({
        include_removed: v.optional(v.pipe(v.boolean(), v.description("Also list removed methods (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const res = page(
          ctx.db,
          `SELECT pm.id AS payment_method_id, pm.kind, pm.brand, pm.last4, pm.exp_month, pm.exp_year, pm.balance_cents, pm.is_default, pm.status,
             (SELECT group_concat(company_name, ', ') FROM business_profiles bp WHERE bp.payment_method_id = pm.id AND bp.user_id = pm.user_id AND bp.status = 'active') AS business_profile
           FROM payment_methods pm WHERE pm.user_id = ? AND (? = 1 OR pm.status <> 'removed') ORDER BY pm.is_default DESC, pm.id`,
          "SELECT count(*) AS n FROM payment_methods pm WHERE pm.user_id = ? AND (? = 1 OR pm.status <> 'removed')",
          [ctx.userId, a.include_removed ? 1 : 0],
          a.limit,
          a.offset,
        );
        return {
          ...res,
          items: (res.items as unknown as PaymentMethodRow[]).map((pm) => ({ ...pm, label: paymentLabel(pm), usable: pm.status === "active" && !cardExpired(pm, ctx.today) })),
        };
      },
    }),

    set_default_payment_method: tool({
      description: "Make one of your payment methods the default for personal rides. Returns the new default. Errors if it is not yours, removed or expired.",
      input: v.object({ payment_method_id: Id("The payment method's id (from list_payment_methods).") }),
      handler: ({ payment_method_id }, ctx) => {
        const pm = usablePaymentMethod(ctx, payment_method_id);
        if (pm.is_default) throw new ToolError(`${paymentLabel(pm)} is already your default payment method`);
        ctx.db.run("UPDATE payment_methods SET is_default = 0 WHERE user_id = ? AND is_default = 1", ctx.userId);
        ctx.db.run("UPDATE payment_methods SET is_default = 1 WHERE id = ?", pm.id);
        return { payment_method_id: pm.id, method: paymentLabel(pm), is_default: true };
      },
    }),

    list_business_profiles: tool({
      description: "List your business profiles: company, the card rides are billed to, whether an expense code is required, and the profile's expense codes (with active flags).",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) => {
        const res = page(
          ctx.db,
          `SELECT bp.id AS business_profile_id, bp.company_name, bp.work_email, bp.status, bp.requires_expense_code, bp.payment_method_id, pm.kind, pm.brand, pm.last4
           FROM business_profiles bp JOIN payment_methods pm ON pm.id = bp.payment_method_id WHERE bp.user_id = ? ORDER BY bp.status, bp.id`,
          "SELECT count(*) AS n FROM business_profiles WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        );
        return {
          ...res,
          items: (res.items as unknown as (Record<string, unknown> & { business_profile_id: number; kind: string; brand: string; last4: string | null })[]).map((bp) => {
            const { kind, brand, last4, ...rest } = bp;
            return {
              ...rest,
              billed_to: paymentLabel({ kind, brand, last4 }),
              expense_codes: ctx.db.all("SELECT code, description, is_active FROM expense_codes WHERE business_profile_id = ? ORDER BY is_active DESC, code", bp.business_profile_id),
            };
          }),
        };
      },
    }),

    // ----- pricing -----
    list_ride_types: tool({
      description: "List the ride types (Shared, Standard, Green, Comfort, XL, Premier) with ride_type_id, seats, rates (base, per km, per minute, minimum, booking fee) and cancellation policy.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT id AS ride_type_id, name, description, capacity, base_fare_cents, per_km_cents, per_minute_cents, minimum_fare_cents, booking_fee_cents,
             cancellation_fee_cents, free_cancel_minutes FROM ride_types WHERE is_active = 1 ORDER BY id`,
          "SELECT count(*) AS n FROM ride_types WHERE is_active = 1",
          [],
          limit,
          offset,
        ),
    }),

    estimate_fare: tool({
      description:
        "Upfront fare estimate between two places (optionally via stops) for one ride type, or for every ride type if none is given, now or at a future pickup time. Fare = max((base + per-km + per-minute) x surge, minimum) + booking fee + airport fee; the distance comes from the pickup, stop and dropoff zones and surge from the pickup zone and time. Each option says whether your party fits. Promo discounts are not included. Errors if a place does not exist.",
      input: v.object({
        pickup_place_id: PickupId,
        dropoff_place_id: DropoffId,
        stop_place_ids: StopIds,
        ride_type_id: v.optional(Id("Only this ride type (default: all).")),
        passengers: Passengers,
        pickup_at: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, "use 'YYYY-MM-DD HH:MM'"), v.description("Future pickup time 'YYYY-MM-DD HH:MM' (UTC) for a scheduled ride; default now."))),
      }),
      handler: (a, ctx) => {
        const places = routePlaces(ctx.db, a.pickup_place_id, a.stop_place_ids, a.dropoff_place_id);
        const at = a.pickup_at ? toDate(`${a.pickup_at}:00`) : ctx.now;
        if (Number.isNaN(at.getTime())) throw new ToolError(`invalid pickup_at ${a.pickup_at}`);
        if (at.getTime() < ctx.now.getTime() - 60000) throw new ToolError(`pickup_at ${a.pickup_at} is in the past; leave it out for a ride now`);
        const surge = surgeAt(ctx.db, places[0]!.zone_id, at);
        const types = a.ride_type_id !== undefined ? [getRideType(ctx.db, a.ride_type_id)] : ctx.db.all<RideTypeRow>("SELECT * FROM ride_types WHERE is_active = 1 ORDER BY id");
        return {
          pickup: placeOut(places[0]!),
          stops: places.slice(1, -1).map(placeOut),
          dropoff: placeOut(places[places.length - 1]!),
          pickup_time: toTs(at),
          passengers: a.passengers,
          options: types.map((rt) => ({ ...quoteOut(quote(ctx.db, rt, places, surge)), fits_party: a.passengers <= rt.capacity })),
        };
      },
    }),

    // ----- rides -----
    request_ride: tool({
      description:
        "Request a ride now: prices it upfront (same rules as estimate_fare), checks the party fits the ride type, the payment method is usable (Zipp Cash must cover the fare) or bills a business profile (with its expense code), applies a promo code already on your account, and matches the nearest available driver (a favourite driver in the pickup zone first). Returns the ride with driver, vehicle and fare. Errors naming the place, payment method, profile, code or rule that fails.",
      input: v.object({
        ride_type_id: RideTypeId,
        pickup_place_id: PickupId,
        dropoff_place_id: DropoffId,
        passengers: Passengers,
        stop_place_ids: StopIds,
        payment_method_id: PaymentMethodId,
        business_profile_id: BusinessProfileId,
        expense_code: ExpenseCode,
        promo_code: v.optional(v.pipe(v.string(), v.description("A promo code on your account to use on this ride (personal rides only)."))),
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("Note for the driver."))),
      }),
      handler: (a, ctx) => {
        const rt = getRideType(ctx.db, a.ride_type_id);
        const places = routePlaces(ctx.db, a.pickup_place_id, a.stop_place_ids, a.dropoff_place_id);
        if (a.passengers > rt.capacity) throw new ToolError(`${rt.name} seats up to ${rt.capacity} riders; you asked for ${a.passengers}. Choose a larger ride type`);
        const billing = resolveBilling(ctx, a);
        const surge = surgeAt(ctx.db, places[0]!.zone_id, ctx.now);
        const q = quote(ctx.db, rt, places, surge);
        let discount = 0;
        let promo: PromoRow | null = null;
        if (a.promo_code && a.promo_code.trim()) {
          promo = findUserPromo(ctx, a.promo_code);
          discount = promoFor(ctx, promo, rt, q.total_cents, billing.business_profile_id !== null);
        }
        const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ?", billing.payment_method_id)!;
        if (pm.kind === "wallet" && (pm.balance_cents ?? 0) < q.total_cents - discount) {
          throw new ToolError(`${pm.brand} balance ${money(pm.balance_cents ?? 0)} does not cover the ${money(q.total_cents - discount)} fare; choose another payment method`);
        }
        const match = dispatch(ctx, rt.id, places[0]!.zone_id, a.passengers);
        const id = ctx.db.run(
          `INSERT INTO rides (user_id, ride_type_id, status, driver_id, vehicle_id, pickup_place_id, dropoff_place_id, passengers, payment_method_id, business_profile_id,
             expense_code_id, user_promo_id, surge_pct, est_distance_m, est_duration_s, base_fare_cents, distance_fare_cents, time_fare_cents, surge_cents,
             min_fare_adjustment_cents, booking_fee_cents, airport_fee_cents, upfront_fare_cents, discount_cents, requested_at, accepted_at, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ctx.userId, rt.id, match ? "accepted" : "requested", match?.driver_id ?? null, match?.vehicle_id ?? null, a.pickup_place_id, a.dropoff_place_id, a.passengers,
          billing.payment_method_id, billing.business_profile_id, billing.expense_code_id, promo?.user_promo_id ?? null, surge, q.distance_m, q.duration_s,
          q.base_fare_cents, q.distance_fare_cents, q.time_fare_cents, q.surge_cents, q.min_fare_adjustment_cents, q.booking_fee_cents, q.airport_fee_cents,
          q.total_cents, discount, ctx.timestamp, match ? ctx.timestamp : null, a.note?.trim() || null,
        ).lastInsertRowid;
        a.stop_place_ids.forEach((placeId, i) => {
          ctx.db.run("INSERT INTO ride_stops (ride_id, seq, place_id, status, added_at) VALUES (?, ?, ?, 'pending', ?)", id, i + 1, placeId, ctx.timestamp);
        });
        if (promo) ctx.db.run("UPDATE user_promos SET status = 'redeemed', redeemed_at = ? WHERE id = ?", ctx.timestamp, promo.user_promo_id);
        if (match) ctx.db.run("UPDATE drivers SET status = 'on_trip' WHERE id = ?", match.driver_id);
        return { ...rideDetail(ctx, id), driver_eta_min: match?.eta ?? null, message: match ? `Driver on the way, arriving in about ${match.eta} min` : "Looking for a driver" };
      },
    }),

    list_rides: tool({
      description:
        "List your rides, newest first, filtered by status, requested date range (inclusive, UTC), personal vs business, and/or words matching a pickup, stop or dropoff name or address, or the driver's name. Returns a page with ride_id, status, ride type, route, times, driver, fare, tip and what was paid.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(RIDE_STATUSES), v.description("Only rides in this status."))),
        from_date: v.optional(DateText("Only rides requested on or after this date (YYYY-MM-DD).")),
        to_date: v.optional(DateText("Only rides requested on or before this date (YYYY-MM-DD).")),
        profile: v.optional(v.pipe(v.picklist(["all", "personal", "business"]), v.description("Personal rides, business-profile rides, or all (default).")), "all"),
        query: v.optional(v.pipe(v.string(), v.description("Words to match, e.g. 'ferry building' or 'Nopa'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["r.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.status) {
          where.push("r.status = ?");
          params.push(a.status);
        }
        if (a.from_date) {
          where.push("r.requested_at >= ?");
          params.push(`${a.from_date} 00:00:00`);
        }
        if (a.to_date) {
          where.push("r.requested_at < ?");
          params.push(`${nextDay(a.to_date)} 00:00:00`);
        }
        if (a.profile === "personal") where.push("r.business_profile_id IS NULL");
        if (a.profile === "business") where.push("r.business_profile_id IS NOT NULL");
        for (const w of likeWords(a.query)) {
          where.push(
            `(pa.name LIKE ? OR pa.address LIKE ? OR pb.name LIKE ? OR pb.address LIKE ? OR d.full_name LIKE ?
              OR EXISTS (SELECT 1 FROM ride_stops s JOIN places ps ON ps.id = s.place_id WHERE s.ride_id = r.id AND s.status <> 'removed' AND (ps.name LIKE ? OR ps.address LIKE ?)))`,
          );
          params.push(w, w, w, w, w, w, w);
        }
        const from = `FROM rides r JOIN places pa ON pa.id = r.pickup_place_id JOIN places pb ON pb.id = r.dropoff_place_id JOIN ride_types rt ON rt.id = r.ride_type_id
          LEFT JOIN drivers d ON d.id = r.driver_id LEFT JOIN business_profiles bp ON bp.id = r.business_profile_id WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT r.id AS ride_id, r.status, rt.name AS ride_type, pa.name AS pickup, pb.name AS dropoff,
             (SELECT group_concat(ps.name, ' > ') FROM ride_stops s JOIN places ps ON ps.id = s.place_id WHERE s.ride_id = r.id AND s.status <> 'removed') AS stops,
             r.passengers, r.requested_at, r.completed_at, r.cancelled_at, d.full_name AS driver, bp.company_name AS business_profile,
             r.upfront_fare_cents, r.fare_cents, r.discount_cents, r.tip_cents, r.cancellation_fee_cents,
             COALESCE((SELECT SUM(c.amount_cents) FROM charges c WHERE c.ride_id = r.id AND c.status = 'succeeded'), 0)
               - COALESCE((SELECT SUM(rf.amount_cents) FROM refunds rf JOIN charges c ON c.id = rf.charge_id WHERE c.ride_id = r.id), 0) AS net_paid_cents
           ${from} ORDER BY r.requested_at DESC, r.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_ride: tool({
      description:
        "Get one of your rides in full: route with stops, times, driver and vehicle, payment or business profile, fare breakdown (upfront and final), discount, tip, charges, refunds, your rating, support tickets, and until when you can still tip or rate. Errors if the ride is not yours.",
      input: v.object({ ride_id: Id("The ride's id (from list_rides).") }),
      handler: ({ ride_id }, ctx) => rideDetail(ctx, ride_id),
    }),

    cancel_ride: tool({
      description:
        "Cancel a ride that has not started. Free while no driver has accepted or within the ride type's free window after acceptance (2 minutes, 5 for Premier); after that the ride type's cancellation fee is charged to the ride's payment method. A promo used on the ride goes back to your account. Returns the cancelled ride and any fee. Errors if the ride is not yours, already finished or cancelled, or in progress.",
      input: v.object({ ride_id: Id("The ride's id.") }),
      handler: ({ ride_id }, ctx) => {
        const r = getRide(ctx, ride_id);
        if (r.status === "cancelled") throw new ToolError(`ride ${r.id} is already cancelled`);
        if (r.status === "completed") throw new ToolError(`ride ${r.id} is already completed`);
        if (r.status === "in_progress") throw new ToolError(`ride ${r.id} is in progress and can no longer be cancelled; ask the driver to end the trip`);
        const rt = ctx.db.get<RideTypeRow>("SELECT * FROM ride_types WHERE id = ?", r.ride_type_id)!;
        const elapsed = r.accepted_at ? minutesBetween(r.accepted_at, ctx.now) : 0;
        const fee = r.status === "accepted" && elapsed > rt.free_cancel_minutes ? rt.cancellation_fee_cents : 0;
        if (fee > 0) charge(ctx, r.payment_method_id, r.business_profile_id, "cancellation_fee", fee, { ride_id: r.id });
        ctx.db.run("UPDATE rides SET status = 'cancelled', cancelled_at = ?, cancelled_by = 'rider', cancellation_fee_cents = ?, user_promo_id = NULL, discount_cents = 0 WHERE id = ?", ctx.timestamp, fee, r.id);
        ctx.db.run("UPDATE ride_stops SET status = 'removed' WHERE ride_id = ? AND status = 'pending'", r.id);
        if (r.user_promo_id !== null) ctx.db.run("UPDATE user_promos SET status = 'available', redeemed_at = NULL WHERE id = ?", r.user_promo_id);
        if (r.driver_id !== null) ctx.db.run("UPDATE drivers SET status = 'available' WHERE id = ? AND status = 'on_trip'", r.driver_id);
        return {
          ride_id: r.id,
          status: "cancelled",
          cancellation_fee_cents: fee,
          cancellation_fee: money(fee),
          note: fee > 0 ? `Cancelled ${Math.floor(elapsed)} min after the driver accepted (free for ${rt.free_cancel_minutes} min)` : "Cancelled free of charge",
          promo_returned: r.user_promo_id !== null,
        };
      },
    }),

    add_stop: tool({
      description:
        "Add a stop to a ride that is requested, accepted or in progress, before the dropoff (or at a position among the stops). The upfront fare is re-priced for the longer route at the ride's original surge, and any promo discount recalculated. Returns the updated ride. Errors if the ride is not yours or no longer active, or it already has 3 stops.",
      input: v.object({
        ride_id: Id("The active ride's id."),
        place_id: Id("The stop (from search_places or a saved place's place_id)."),
        position: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3), v.description("Where among the stops to insert it, 1 = first (default: last, just before the dropoff)."))),
      }),
      handler: (a, ctx) => {
        const place = getPlace(ctx.db, a.place_id);
        const r = getRide(ctx, a.ride_id);
        if (!ACTIVE.includes(r.status)) throw new ToolError(`ride ${r.id} is ${r.status}; stops can only be added to active rides`);
        const stops = ctx.db.all<{ id: number; place_id: number }>("SELECT id, place_id FROM ride_stops WHERE ride_id = ? AND status = 'pending' ORDER BY seq", r.id);
        if (stops.length >= MAX_STOPS) throw new ToolError(`ride ${r.id} already has ${MAX_STOPS} stops`);
        const pos = Math.min(a.position ?? stops.length + 1, stops.length + 1);
        const order = [...stops.map((s) => s.place_id)];
        order.splice(pos - 1, 0, place.id);
        routePlaces(ctx.db, r.pickup_place_id, order, r.dropoff_place_id);
        // Renumber the pending stops around the new one.
        stops.forEach((s, i) => ctx.db.run("UPDATE ride_stops SET seq = ? WHERE id = ?", i + 1 >= pos ? i + 2 : i + 1, s.id));
        ctx.db.run("INSERT INTO ride_stops (ride_id, seq, place_id, status, added_at) VALUES (?, ?, ?, 'pending', ?)", r.id, pos, place.id, ctx.timestamp);
        repriceActiveRide(ctx, r, r.dropoff_place_id);
        return rideDetail(ctx, r.id);
      },
    }),

    remove_stop: tool({
      description: "Remove a pending stop from one of your active rides; the upfront fare is re-priced. Returns the updated ride. Errors if the stop is not on one of your rides, already visited, or the ride is no longer active.",
      input: v.object({ stop_id: Id("The stop's id (stop_id from get_ride).") }),
      handler: ({ stop_id }, ctx) => {
        const s = ctx.db.get<{ id: number; ride_id: number; status: string }>(
          "SELECT s.id, s.ride_id, s.status FROM ride_stops s JOIN rides r ON r.id = s.ride_id WHERE s.id = ? AND r.user_id = ?",
          stop_id,
          ctx.userId,
        );
        if (!s || s.status === "removed") throw new ToolError(`stop ${stop_id} not found`);
        const r = getRide(ctx, s.ride_id);
        if (!ACTIVE.includes(r.status)) throw new ToolError(`ride ${r.id} is ${r.status}; its stops can no longer be changed`);
        if (s.status === "visited") throw new ToolError(`stop ${stop_id} has already been visited`);
        const remaining = ctx.db.all<{ id: number; place_id: number }>("SELECT id, place_id FROM ride_stops WHERE ride_id = ? AND status = 'pending' AND id <> ? ORDER BY seq", r.id, s.id);
        routePlaces(ctx.db, r.pickup_place_id, remaining.map((x) => x.place_id), r.dropoff_place_id);
        ctx.db.run("DELETE FROM ride_stops WHERE id = ?", s.id);
        remaining.forEach((x, i) => ctx.db.run("UPDATE ride_stops SET seq = ? WHERE id = ?", i + 1, x.id));
        repriceActiveRide(ctx, r, r.dropoff_place_id);
        return rideDetail(ctx, r.id);
      },
    }),

    change_destination: tool({
      description:
        "Change the dropoff of a ride that is requested, accepted or in progress. The upfront fare is re-priced for the new route at the ride's original surge. Returns the updated ride. Errors if the ride is not yours or no longer active, or the new dropoff equals the pickup or the last stop.",
      input: v.object({
        ride_id: Id("The active ride's id."),
        place_id: Id("The new dropoff place (from search_places or a saved place's place_id)."),
      }),
      handler: ({ ride_id, place_id }, ctx) => {
        const place = getPlace(ctx.db, place_id);
        const r = getRide(ctx, ride_id);
        if (!ACTIVE.includes(r.status)) throw new ToolError(`ride ${r.id} is ${r.status}; its destination can no longer be changed`);
        if (r.dropoff_place_id === place.id) throw new ToolError(`ride ${r.id} already goes to ${place.name}`);
        repriceActiveRide(ctx, r, place.id);
        return rideDetail(ctx, r.id);
      },
    }),

    switch_ride_payment: tool({
      description:
        "Change who pays for a ride: a personal payment method, or a business profile (billed to its card, with an expense code if the profile requires one); also changes the expense code of a business ride. Works on active rides and on completed rides up to 7 days after drop-off: money already charged is refunded to the old method and charged to the new one. Promo rides cannot move to a business profile. Returns the ride. Errors if the ride is not yours, cancelled, outside the window, or nothing would change.",
      input: v.object({
        ride_id: Id("The ride's id."),
        payment_method_id: PaymentMethodId,
        business_profile_id: BusinessProfileId,
        expense_code: ExpenseCode,
      }),
      handler: (a, ctx) => {
        if (a.payment_method_id === undefined && a.business_profile_id === undefined) throw new ToolError("pass payment_method_id (personal) or business_profile_id");
        const billing = resolveBilling(ctx, a);
        const r = getRide(ctx, a.ride_id);
        if (r.status === "cancelled") throw new ToolError(`ride ${r.id} was cancelled; its payment can no longer be changed`);
        if (r.status === "completed" && ctx.timestamp > addDaysTs(r.completed_at!, SWITCH_WINDOW_DAYS)) {
          throw new ToolError(`${rideName(ctx, r)} ended more than ${SWITCH_WINDOW_DAYS} days ago; its payment can no longer be changed`);
        }
        if (billing.business_profile_id !== null && r.user_promo_id !== null) throw new ToolError(`ride ${r.id} used a promo code and cannot be billed to a business profile`);
        const samePayer = billing.payment_method_id === r.payment_method_id && billing.business_profile_id === r.business_profile_id;
        if (samePayer && billing.expense_code_id === r.expense_code_id) throw new ToolError(`ride ${r.id} is already billed that way`);
        const moved: { kind: string; amount_cents: number }[] = [];
        if (!samePayer) {
          for (const c of openCharges(ctx.db, r.id)) {
            if (c.refundable <= 0) continue;
            refund(ctx, c.id, c.refundable, "payment_switch", null);
            charge(ctx, billing.payment_method_id, billing.business_profile_id, c.kind, c.refundable, { ride_id: r.id });
            moved.push({ kind: c.kind, amount_cents: c.refundable });
          }
        }
        ctx.db.run("UPDATE rides SET payment_method_id = ?, business_profile_id = ?, expense_code_id = ? WHERE id = ?", billing.payment_method_id, billing.business_profile_id, billing.expense_code_id, r.id);
        return {
          ride_id: r.id,
          now_billed_to: billing.company_name ? `${billing.company_name} (${billing.payment_label})` : billing.payment_label,
          expense_code: billing.expense_code,
          moved_charges: moved,
          ride: rideDetail(ctx, r.id),
        };
      },
    }),

    rate_ride: tool({
      description: "Rate the driver of a completed ride, 1-5 stars, with an optional comment, within 14 days of drop-off; each ride can be rated once. Returns the rating. Errors if the ride is not yours, not completed, already rated or too old.",
      input: v.object({
        ride_id: Id("The completed ride's id."),
        stars: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("1 to 5 stars.")),
        comment: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Optional comment for the driver."))),
      }),
      handler: (a, ctx) => {
        const r = getRide(ctx, a.ride_id);
        if (r.status !== "completed") throw new ToolError(`ride ${r.id} is ${r.status}; only completed rides can be rated`);
        if (ctx.db.get("SELECT 1 FROM driver_ratings WHERE ride_id = ?", r.id)) throw new ToolError(`you already rated ${rideName(ctx, r)}`);
        if (ctx.timestamp > addDaysTs(r.completed_at!, RATING_WINDOW_DAYS)) throw new ToolError(`${rideName(ctx, r)} can no longer be rated (${RATING_WINDOW_DAYS}-day window)`);
        ctx.db.run("INSERT INTO driver_ratings (ride_id, user_id, driver_id, stars, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)", r.id, ctx.userId, r.driver_id, a.stars, a.comment?.trim() || null, ctx.timestamp);
        const d = ctx.db.get<{ full_name: string }>("SELECT full_name FROM drivers WHERE id = ?", r.driver_id)!;
        return { ride_id: r.id, driver: d.full_name, stars: a.stars, comment: a.comment?.trim() || null };
      },
    }),

    tip_driver: tool({
      description:
        "Tip the driver of a completed ride, charged to the ride's payment method (or business profile card), within 7 days of drop-off; a ride can be tipped once. Returns the tip and charge. Errors if the ride is not yours, not completed, already tipped, too old, or Zipp Cash cannot cover it.",
      input: v.object({
        ride_id: Id("The completed ride's id."),
        amount_cents: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(MAX_TIP_CENTS), v.description("Tip in cents, $1-$200 (e.g. 500 for $5).")),
      }),
      handler: ({ ride_id, amount_cents }, ctx) => {
        const r = getRide(ctx, ride_id);
        if (r.status !== "completed") throw new ToolError(`ride ${r.id} is ${r.status}; only completed rides can be tipped`);
        if (r.tip_cents > 0) throw new ToolError(`you already tipped ${money(r.tip_cents)} on ${rideName(ctx, r)}`);
        if (ctx.timestamp > addDaysTs(r.completed_at!, TIP_WINDOW_DAYS)) throw new ToolError(`${rideName(ctx, r)} can no longer be tipped (${TIP_WINDOW_DAYS}-day window)`);
        const chargeId = charge(ctx, r.payment_method_id, r.business_profile_id, "tip", amount_cents, { ride_id: r.id });
        ctx.db.run("UPDATE rides SET tip_cents = ?, tipped_at = ? WHERE id = ?", amount_cents, ctx.timestamp, r.id);
        const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ?", r.payment_method_id)!;
        const d = ctx.db.get<{ full_name: string }>("SELECT full_name FROM drivers WHERE id = ?", r.driver_id)!;
        return { ride_id: r.id, driver: d.full_name, tip_cents: amount_cents, tip: money(amount_cents), charge_id: chargeId, charged_to: paymentLabel(pm) };
      },
    }),

    // ----- receipts -----
    list_receipts: tool({
      description:
        "List your receipts: every charge (fare, tip, cancellation fee; failed ones included with status failed) and refund, newest first, by date range (inclusive, UTC), personal vs business billing, and/or ride. Refunds have entry 'refund' and a negative signed_amount_cents. Returns a page of entries with the ride's route and the payment method.",
      input: v.object({
        from_date: v.optional(DateText("Only entries on or after this date (YYYY-MM-DD).")),
        to_date: v.optional(DateText("Only entries on or before this date (YYYY-MM-DD).")),
        profile: v.optional(v.pipe(v.picklist(["all", "personal", "business"]), v.description("Only personal or only business-profile billing (default all).")), "all"),
        ride_id: v.optional(Id("Only entries of this ride.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [ctx.userId, ctx.userId];
        if (a.from_date) {
          where.push("e.created_at >= ?");
          params.push(`${a.from_date} 00:00:00`);
        }
        if (a.to_date) {
          where.push("e.created_at < ?");
          params.push(`${nextDay(a.to_date)} 00:00:00`);
        }
        if (a.profile === "personal") where.push("e.business_profile_id IS NULL");
        if (a.profile === "business") where.push("e.business_profile_id IS NOT NULL");
        if (a.ride_id !== undefined) {
          where.push("e.ride_id = ?");
          params.push(a.ride_id);
        }
        const from = `FROM (
            SELECT 'charge' AS entry, c.id AS entry_id, c.kind, c.amount_cents, c.amount_cents AS signed_amount_cents, c.status, c.failure_reason, c.created_at,
              c.ride_id, c.scheduled_ride_id, c.payment_method_id, c.business_profile_id FROM charges c WHERE c.user_id = ?
            UNION ALL
            SELECT 'refund', rf.id, rf.reason, rf.amount_cents, -rf.amount_cents, 'succeeded', NULL, rf.created_at,
              c.ride_id, c.scheduled_ride_id, c.payment_method_id, c.business_profile_id FROM refunds rf JOIN charges c ON c.id = rf.charge_id WHERE c.user_id = ?
          ) e JOIN payment_methods pm ON pm.id = e.payment_method_id LEFT JOIN business_profiles bp ON bp.id = e.business_profile_id
          LEFT JOIN rides r ON r.id = e.ride_id LEFT JOIN scheduled_rides s ON s.id = e.scheduled_ride_id
          LEFT JOIN places pa ON pa.id = COALESCE(r.pickup_place_id, s.pickup_place_id) LEFT JOIN places pb ON pb.id = COALESCE(r.dropoff_place_id, s.dropoff_place_id)
          ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        const res = page(
          ctx.db,
          `SELECT e.entry, e.entry_id, e.kind, e.amount_cents, e.signed_amount_cents, e.status, e.failure_reason, e.created_at, e.ride_id, e.scheduled_ride_id,
             pa.name || ' to ' || pb.name AS route, pm.kind AS pm_kind, pm.brand, pm.last4, bp.company_name AS business_profile
           ${from} ORDER BY e.created_at DESC, e.entry, e.entry_id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
        return {
          ...res,
          items: (res.items as unknown as (Record<string, unknown> & { pm_kind: string; brand: string; last4: string | null })[]).map((e) => {
            const { pm_kind, brand, last4, ...rest } = e;
            return { ...rest, payment_method: paymentLabel({ kind: pm_kind, brand, last4 }) };
          }),
        };
      },
    }),

    // ----- promos -----
    list_promos: tool({
      description: "List the promo codes on your account with their terms (discount, cap, minimum fare, ride type, validity) and status (available, redeemed, expired).",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["available", "redeemed", "expired"]), v.description("Only promos in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const from = `FROM (SELECT up.id, up.user_id, up.promotion_id, up.added_at, up.redeemed_at,
              CASE WHEN up.status = 'available' AND pr.expires_at < ? THEN 'expired' ELSE up.status END AS status
            FROM user_promos up JOIN promotions pr ON pr.id = up.promotion_id) x
          JOIN promotions pr ON pr.id = x.promotion_id LEFT JOIN ride_types rt ON rt.id = pr.ride_type_id
          WHERE x.user_id = ? AND (? = '' OR x.status = ?)`;
        return page(
          ctx.db,
          `SELECT x.id AS user_promo_id, pr.code, pr.description, x.status, pr.discount_type, pr.discount_value, pr.max_discount_cents, pr.min_fare_cents,
             rt.name AS ride_type_only, pr.starts_at, pr.expires_at, x.added_at, x.redeemed_at,
             (SELECT r.id FROM rides r WHERE r.user_promo_id = x.id) AS used_on_ride_id
           ${from} ORDER BY x.added_at DESC, x.id DESC`,
          `SELECT count(*) AS n ${from}`,
          [ctx.timestamp, ctx.userId, a.status ?? "", a.status ?? ""],
          a.limit,
          a.offset,
        );
      },
    }),

    apply_promo_code: tool({
      description:
        "Add a promo code to your account so it can be used on a ride (pass it as promo_code to request_ride). Each code can be added once per rider; new-rider codes only work before your first completed ride. Returns the promo's terms. Errors if the code does not exist, is paused, not started, expired, already on your account, or you are not eligible.",
      input: v.object({ code: v.pipe(v.string(), v.minLength(1), v.description("The promo code, e.g. SPRING25 (case-insensitive).")) }),
      handler: ({ code }, ctx) => {
        const pr = ctx.db.get<PromoRow & { id: number; new_riders_only: number }>("SELECT * FROM promotions WHERE upper(code) = upper(?)", code.trim());
        if (!pr) throw new ToolError(`promo code ${code.trim().toUpperCase()} not found`);
        if (!pr.is_active) throw new ToolError(`promo ${pr.code} is paused`);
        if (ctx.timestamp < pr.starts_at) throw new ToolError(`promo ${pr.code} starts on ${pr.starts_at.slice(0, 10)}`);
        if (ctx.timestamp > pr.expires_at) throw new ToolError(`promo ${pr.code} expired on ${pr.expires_at.slice(0, 10)}`);
        const had = ctx.db.get<{ status: string }>("SELECT status FROM user_promos WHERE user_id = ? AND promotion_id = ?", ctx.userId, pr.id);
        if (had) throw new ToolError(`promo ${pr.code} is already on your account (${had.status}); each code can be used once`);
        if (pr.new_riders_only) {
          const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM rides WHERE user_id = ? AND status = 'completed'", ctx.userId)!.n;
          if (n > 0) throw new ToolError(`promo ${pr.code} is for new riders only`);
        }
        const id = ctx.db.run("INSERT INTO user_promos (user_id, promotion_id, status, added_at) VALUES (?, ?, 'available', ?)", ctx.userId, pr.id, ctx.timestamp).lastInsertRowid;
        const rt = pr.ride_type_id !== null ? ctx.db.get<{ name: string }>("SELECT name FROM ride_types WHERE id = ?", pr.ride_type_id)!.name : null;
        return {
          user_promo_id: id,
          code: pr.code,
          description: pr.description,
          status: "available",
          discount_type: pr.discount_type,
          discount_value: pr.discount_value,
          max_discount_cents: pr.max_discount_cents,
          min_fare_cents: pr.min_fare_cents,
          ride_type_only: rt,
          expires_at: pr.expires_at,
        };
      },
    }),

    // ----- scheduled rides -----
    schedule_ride: tool({
      description:
        "Book a ride for later (30 minutes to 30 days ahead). The fare is locked at booking with the surge of the pickup zone at the pickup time. Free to cancel until 60 minutes before pickup. You cannot have two scheduled pickups within 30 minutes of each other. Returns the scheduled ride. Errors naming the place, payment method, profile, code or rule that fails.",
      input: v.object({
        ride_type_id: RideTypeId,
        pickup_place_id: PickupId,
        dropoff_place_id: DropoffId,
        pickup_at: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, "use 'YYYY-MM-DD HH:MM'"), v.description("Pickup time 'YYYY-MM-DD HH:MM' (UTC).")),
        passengers: Passengers,
        payment_method_id: PaymentMethodId,
        business_profile_id: BusinessProfileId,
        expense_code: ExpenseCode,
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("Note for the driver."))),
      }),
      handler: (a, ctx) => {
        const rt = getRideType(ctx.db, a.ride_type_id);
        const places = routePlaces(ctx.db, a.pickup_place_id, [], a.dropoff_place_id);
        const billing = resolveBilling(ctx, a);
        const at = toDate(`${a.pickup_at}:00`);
        if (Number.isNaN(at.getTime())) throw new ToolError(`invalid pickup_at ${a.pickup_at}`);
        const lead = (at.getTime() - ctx.now.getTime()) / 60000;
        if (lead < SCHEDULE_MIN_LEAD_MIN) throw new ToolError(`scheduled rides must be booked at least ${SCHEDULE_MIN_LEAD_MIN} minutes ahead; request_ride for now`);
        if (lead > SCHEDULE_MAX_DAYS * 1440) throw new ToolError(`scheduled rides can be booked at most ${SCHEDULE_MAX_DAYS} days ahead`);
        if (a.passengers > rt.capacity) throw new ToolError(`${rt.name} seats up to ${rt.capacity} riders; you asked for ${a.passengers}. Choose a larger ride type`);
        const pickupAt = toTs(at);
        const clash = ctx.db.get<{ id: number; pickup_at: string }>(
          "SELECT id, pickup_at FROM scheduled_rides WHERE user_id = ? AND status = 'scheduled' AND abs(strftime('%s', pickup_at) - strftime('%s', ?)) < 1800",
          ctx.userId,
          pickupAt,
        );
        if (clash) throw new ToolError(`you already have scheduled ride ${clash.id} picking up at ${clash.pickup_at}`);
        const surge = surgeAt(ctx.db, places[0]!.zone_id, at);
        const q = quote(ctx.db, rt, places, surge);
        const id = ctx.db.run(
          `INSERT INTO scheduled_rides (user_id, ride_type_id, pickup_place_id, dropoff_place_id, pickup_at, passengers, payment_method_id, business_profile_id, expense_code_id,
             surge_pct, upfront_fare_cents, note, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)`,
          ctx.userId, rt.id, a.pickup_place_id, a.dropoff_place_id, pickupAt, a.passengers, billing.payment_method_id, billing.business_profile_id, billing.expense_code_id,
          surge, q.total_cents, a.note?.trim() || null, ctx.timestamp,
        ).lastInsertRowid;
        return { ...scheduledDetail(ctx, id), fare_breakdown: quoteOut(q).breakdown };
      },
    }),

    list_scheduled_rides: tool({
      description: "List your scheduled rides by pickup time, by default only upcoming ones (status scheduled). Returns a page with scheduled_ride_id, pickup time, route, ride type, passengers, payment, locked fare and note.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(["scheduled", "dispatched", "cancelled", "all"]), v.description("Which to list (default scheduled).")), "scheduled"),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) => {
        const res = page(
          ctx.db,
          "SELECT s.id FROM scheduled_rides s WHERE s.user_id = ? AND (? = 'all' OR s.status = ?) ORDER BY s.pickup_at, s.id",
          "SELECT count(*) AS n FROM scheduled_rides s WHERE s.user_id = ? AND (? = 'all' OR s.status = ?)",
          [ctx.userId, status, status],
          limit,
          offset,
        );
        return { ...res, items: (res.items as { id: number }[]).map((s) => scheduledDetail(ctx, s.id)) };
      },
    }),

    cancel_scheduled_ride: tool({
      description:
        "Cancel an upcoming scheduled ride. Free until 60 minutes before pickup; later, the ride type's cancellation fee is charged. Returns the cancelled ride and any fee. Errors if it is not yours, already cancelled or already dispatched.",
      input: v.object({ scheduled_ride_id: Id("The scheduled ride's id (from list_scheduled_rides).") }),
      handler: ({ scheduled_ride_id }, ctx) => {
        const s = ctx.db.get<{ id: number; status: string; pickup_at: string; ride_type_id: number; payment_method_id: number; business_profile_id: number | null }>(
          "SELECT * FROM scheduled_rides WHERE id = ? AND user_id = ?",
          scheduled_ride_id,
          ctx.userId,
        );
        if (!s) throw new ToolError(`scheduled ride ${scheduled_ride_id} not found`);
        if (s.status === "cancelled") throw new ToolError(`scheduled ride ${s.id} is already cancelled`);
        if (s.status === "dispatched") throw new ToolError(`scheduled ride ${s.id} has already been dispatched; cancel the ride itself with cancel_ride`);
        const rt = ctx.db.get<RideTypeRow>("SELECT * FROM ride_types WHERE id = ?", s.ride_type_id)!;
        const lead = (toDate(s.pickup_at).getTime() - ctx.now.getTime()) / 60000;
        const fee = lead < SCHEDULE_FREE_CANCEL_MIN ? rt.cancellation_fee_cents : 0;
        if (fee > 0) charge(ctx, s.payment_method_id, s.business_profile_id, "cancellation_fee", fee, { scheduled_ride_id: s.id });
        ctx.db.run("UPDATE scheduled_rides SET status = 'cancelled', cancelled_at = ?, cancellation_fee_cents = ? WHERE id = ?", ctx.timestamp, fee, s.id);
        return { scheduled_ride_id: s.id, status: "cancelled", pickup_at: s.pickup_at, cancellation_fee_cents: fee, cancellation_fee: money(fee) };
      },
    }),

    // ----- support -----
    report_lost_item: tool({
      description:
        "Report an item left in the car on one of your rides (completed or in progress, within 30 days). Opens a lost-item support ticket that is shared with the driver. Returns the ticket with its reference. Errors if the ride is not yours, was cancelled, or is too old.",
      input: v.object({
        ride_id: Id("The ride the item was left in."),
        item_description: v.pipe(v.string(), v.minLength(2), v.maxLength(500), v.description("What was left and where, e.g. 'black umbrella, back seat'.")),
        contact_phone: v.optional(v.pipe(v.string(), v.maxLength(30), v.description("Phone the driver can call (default: your account phone)."))),
      }),
      handler: (a, ctx) => {
        const r = getRide(ctx, a.ride_id);
        if (r.status !== "completed" && r.status !== "in_progress") throw new ToolError(`ride ${r.id} is ${r.status}; lost items can only be reported for rides you took`);
        if (r.completed_at && ctx.timestamp > addDaysTs(r.completed_at, SUPPORT_WINDOW_DAYS)) throw new ToolError(`${rideName(ctx, r)} is more than ${SUPPORT_WINDOW_DAYS} days old`);
        const phone = a.contact_phone?.trim() || ctx.db.get<{ phone: string }>("SELECT phone FROM users WHERE id = ?", ctx.userId)!.phone;
        const item = a.item_description.trim();
        const id = newTicket(ctx, {
          ride_id: r.id,
          category: "lost_item",
          subject: `Lost item: ${item.length > 60 ? `${item.slice(0, 57)}...` : item}`,
          description: item,
          contact_phone: phone,
          status: "open",
          resolution: null,
        });
        return { ...ticketDetail(ctx, id), next_steps: "We have shared your report and phone number with the driver; they will contact you to arrange a return." };
      },
    }),

    dispute_fare: tool({
      description:
        "Dispute the fare of a completed ride (within 30 days; one dispute per ride). If the trip was more than 20% longer than the upfront route, the difference between the final fare and the upfront price is refunded at once to the card that paid and the ticket is resolved; otherwise the ticket goes to review with no refund yet. Returns the ticket and any refund. Errors if the ride is not yours, not completed, too old or already disputed.",
      input: v.object({
        ride_id: Id("The completed ride's id."),
        reason: v.pipe(v.picklist(DISPUTE_REASONS), v.description("route_detour, wrong_fare, unexpected_fee, ride_not_taken or other.")),
        details: v.pipe(v.string(), v.minLength(2), v.maxLength(1000), v.description("What went wrong, in your words.")),
      }),
      handler: (a, ctx) => {
        const r = getRide(ctx, a.ride_id);
        if (r.status !== "completed") throw new ToolError(`ride ${r.id} is ${r.status}; only completed rides can be disputed`);
        if (ctx.timestamp > addDaysTs(r.completed_at!, SUPPORT_WINDOW_DAYS)) throw new ToolError(`${rideName(ctx, r)} is more than ${SUPPORT_WINDOW_DAYS} days old`);
        const prior = ctx.db.get<{ reference: string }>("SELECT reference FROM support_tickets WHERE ride_id = ? AND category = 'fare_dispute'", r.id);
        if (prior) throw new ToolError(`ride ${r.id} already has a fare dispute (${prior.reference})`);
        const longer = r.distance_m !== null && r.distance_m * 100 > r.est_distance_m * DETOUR_THRESHOLD_PCT;
        let amount = longer ? Math.max(0, (r.fare_cents ?? 0) - r.upfront_fare_cents) : 0;
        const fareCharge = openCharges(ctx.db, r.id).filter((c) => c.kind === "fare" && c.refundable > 0).pop();
        amount = Math.min(amount, fareCharge?.refundable ?? 0);
        const labels: Record<string, string> = { route_detour: "route detour", wrong_fare: "wrong fare", unexpected_fee: "unexpected fee", ride_not_taken: "ride not taken", other: "other" };
        const pct = r.distance_m !== null ? Math.round((r.distance_m / r.est_distance_m - 1) * 100) : 0;
        const id = newTicket(ctx, {
          ride_id: r.id,
          category: "fare_dispute",
          subject: `Fare dispute: ${labels[a.reason]}`,
          description: a.details.trim(),
          contact_phone: null,
          status: amount > 0 ? "resolved" : "in_review",
          resolution: amount > 0 ? `Trip was ${pct}% longer than the upfront route; ${money(amount)} refunded (difference to the upfront price).` : null,
        });
        if (amount > 0) refund(ctx, fareCharge!.id, amount, "fare_adjustment", id);
        return { ...ticketDetail(ctx, id), refund_cents: amount, refund: money(amount), outcome: amount > 0 ? "refunded" : "Our team will review the trip and reply within 2 business days." };
      },
    }),

    list_support_tickets: tool({
      description: "List your support tickets (lost items, fare disputes, payment questions), newest first, optionally by status or category. Returns a page with ticket_id, reference, ride, category, subject and status.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(TICKET_STATUSES), v.description("Only tickets in this status."))),
        category: v.optional(v.pipe(v.picklist(TICKET_CATEGORIES), v.description("Only tickets of this category."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const from = "FROM support_tickets t WHERE t.user_id = ? AND (? = '' OR t.status = ?) AND (? = '' OR t.category = ?)";
        return page(
          ctx.db,
          `SELECT t.id AS ticket_id, t.reference, t.ride_id, t.category, t.subject, t.status, t.resolution, t.created_at, t.updated_at ${from} ORDER BY t.created_at DESC, t.id DESC`,
          `SELECT count(*) AS n ${from}`,
          [ctx.userId, a.status ?? "", a.status ?? "", a.category ?? "", a.category ?? ""],
          a.limit,
          a.offset,
        );
      },
    }),

    get_support_ticket: tool({
      description: "Get one of your support tickets in full: the ride it is about, description, contact phone, status, resolution and any refunds issued. Errors if it is not yours.",
      input: v.object({ ticket_id: Id("The ticket's id (from list_support_tickets).") }),
      handler: ({ ticket_id }, ctx) => ticketDetail(ctx, ticket_id),
    }),

    // ----- favourite drivers -----
    list_favorite_drivers: tool({
      description: "List your favourite drivers (matched first when available in your pickup zone) with their rating, vehicle and how many rides you took with them.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT f.driver_id, d.full_name AS name, d.rating, d.status,
             (SELECT ve.make || ' ' || ve.model || ' (' || ve.color || ', ' || ve.plate || ')' FROM vehicles ve WHERE ve.driver_id = d.id AND ve.is_active = 1 ORDER BY ve.id LIMIT 1) AS vehicle,
             (SELECT count(*) FROM rides r WHERE r.user_id = f.user_id AND r.driver_id = d.id AND r.status = 'completed') AS rides_together, f.created_at AS added_at
           FROM favorite_drivers f JOIN drivers d ON d.id = f.driver_id WHERE f.user_id = ? ORDER BY f.created_at DESC`,
          "SELECT count(*) AS n FROM favorite_drivers WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    add_favorite_driver: tool({
      description: "Add a driver you have completed a ride with to your favourites (at most 10). Returns the favourite. Errors if the driver does not exist, you never rode with them, or they are already a favourite.",
      input: v.object({ driver_id: Id("The driver's id (from get_ride).") }),
      handler: ({ driver_id }, ctx) => {
        const d = getDriver(ctx, driver_id);
        if (!ctx.db.get("SELECT 1 FROM rides WHERE user_id = ? AND driver_id = ? AND status = 'completed'", ctx.userId, d.id)) throw new ToolError(`you have not completed a ride with ${d.full_name}`);
        if (ctx.db.get("SELECT 1 FROM favorite_drivers WHERE user_id = ? AND driver_id = ?", ctx.userId, d.id)) throw new ToolError(`${d.full_name} is already a favourite`);
        const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM favorite_drivers WHERE user_id = ?", ctx.userId)!.n;
        if (n >= MAX_FAVORITES) throw new ToolError(`you can have at most ${MAX_FAVORITES} favourite drivers`);
        ctx.db.run("INSERT INTO favorite_drivers (user_id, driver_id, created_at) VALUES (?, ?, ?)", ctx.userId, d.id, ctx.timestamp);
        return { driver_id: d.id, name: d.full_name, favorite: true };
      },
    }),

    remove_favorite_driver: tool({
      description: "Remove a driver from your favourites. Returns the driver. Errors if the driver does not exist or is not a favourite.",
      input: v.object({ driver_id: Id("The driver's id (from list_favorite_drivers).") }),
      handler: ({ driver_id }, ctx) => {
        const d = getDriver(ctx, driver_id);
        const r = ctx.db.run("DELETE FROM favorite_drivers WHERE user_id = ? AND driver_id = ?", ctx.userId, d.id);
        if (r.changes === 0) throw new ToolError(`${d.full_name} is not one of your favourite drivers`);
        return { driver_id: d.id, name: d.full_name, favorite: false };
      },
    }),
  },
});
