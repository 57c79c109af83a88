import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True if the text names the amount, leniently: "$1,234.50", "1234.50", "1234.5" or "$213" for 21300 cents. */
function mentionsMoney(text: string | undefined, cents: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === cents) return true;
  }
  return false;
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedIds(v: VerifierContext, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => u.key.id as number);
}

function id(db: SqlReader, sql: string, ...params: (string | number)[]): number {
  const r = db.get<{ id: number }>(sql, ...params);
  if (!r) throw new Error(`seed row missing: ${sql} ${JSON.stringify(params)}`);
  return r.id;
}

function rdiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

interface RideTypeRow {
  id: number;
  name: string;
  capacity: number;
  base_fare_cents: number;
  per_km_cents: number;
  per_minute_cents: number;
  minimum_fare_cents: number;
  booking_fee_cents: number;
}

/** The upfront fare between two places for one ride type at a time, by the pricing the app documents. */
function fare(db: SqlReader, rt: RideTypeRow, fromPlace: number, toPlace: number, at: Date): number {
  const zone = (p: number) => db.get<{ zone_id: number; fee: number }>("SELECT p.zone_id, z.airport_fee_cents AS fee FROM places p JOIN zones z ON z.id = p.zone_id WHERE p.id = ?", p)!;
  const a = zone(fromPlace);
  const b = zone(toPlace);
  const r = db.get<{ distance_m: number; duration_s: number }>(
    "SELECT distance_m, duration_s FROM zone_routes WHERE from_zone_id = ? AND to_zone_id = ?",
    Math.min(a.zone_id, b.zone_id),
    Math.max(a.zone_id, b.zone_id),
  )!;
  const day = at.getUTCDay();
  const surge =
    db.get<{ m: number | null }>(
      "SELECT MAX(multiplier_pct) AS m FROM surge_rules WHERE zone_id = ? AND day_type IN (?, 'daily') AND start_hour <= ? AND end_hour > ?",
      a.zone_id,
      day === 0 || day === 6 ? "weekend" : "weekday",
      at.getUTCHours(),
      at.getUTCHours(),
    )!.m ?? 100;
  const sub = rt.base_fare_cents + rdiv(rt.per_km_cents * r.distance_m, 1000) + rdiv(rt.per_minute_cents * r.duration_s, 60);
  return Math.max(rdiv(sub * surge, 100), rt.minimum_fare_cents) + rt.booking_fee_cents + Math.max(a.fee, b.fee);
}

function homePlace(db: SqlReader, userId: number): number {
  return db.get<{ place_id: number }>("SELECT place_id FROM saved_places WHERE user_id = ? AND kind = 'home'", userId)!.place_id;
}

function workPlace(db: SqlReader, userId: number): number {
  return db.get<{ place_id: number }>("SELECT place_id FROM saved_places WHERE user_id = ? AND kind = 'work'", userId)!.place_id;
}

type RideRow = Record<string, number | string | null>;

/** The one ride the user created during the episode, if exactly one. */
function newRide(v: VerifierContext): { count: number; ride: RideRow | undefined } {
  const rows = inserted(v, "rides").filter((r) => r.user_id === v.userId);
  const ride = rows.length === 1 ? v.final.get<RideRow>("SELECT * FROM rides WHERE id = ?", rows[0]!.id as number) : undefined;
  return { count: rows.length, ride };
}

function stopCount(db: SqlReader, rideId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM ride_stops WHERE ride_id = ? AND status <> 'removed'", rideId)!.n;
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. XL now, Home -> SFO Terminal 2, 5 riders, Ferrow Labs profile with OFFSITE-MAR26.
  0: (v) => {
    const home = homePlace(v.initial, v.userId);
    const sfo2 = id(v.initial, "SELECT id FROM places WHERE name = 'SFO Terminal 2'");
    const xl = id(v.initial, "SELECT id FROM ride_types WHERE name = 'XL'");
    const bp = v.initial.get<{ id: number; payment_method_id: number }>("SELECT id, payment_method_id FROM business_profiles WHERE user_id = ? AND company_name = 'Ferrow Labs'", v.userId)!;
    const code = id(v.initial, "SELECT id FROM expense_codes WHERE business_profile_id = ? AND code = 'OFFSITE-MAR26'", bp.id);
    const { count, ride: r } = newRide(v);
    return grade(
      {
        one_active_ride_requested: !!r && (r.status === "accepted" || r.status === "requested"),
        xl_for_five: !!r && r.ride_type_id === xl && r.passengers === 5,
        home_to_sfo_terminal_2: !!r && r.pickup_place_id === home && r.dropoff_place_id === sfo2 && stopCount(v.final, r.id as number) === 0,
        billed_to_business_profile: !!r && r.business_profile_id === bp.id && r.payment_method_id === bp.payment_method_id,
        offsite_expense_code: !!r && r.expense_code_id === code,
      },
      { new_rides: count, ride: r ?? null },
    );
  },

  // 1. $5 tip and 5 stars on last night's completed ride (Mon 2026-03-16 evening).
  1: (v) => {
    const ride = v.initial.get<{ id: number; tip_cents: number }>(
      "SELECT id, tip_cents FROM rides WHERE user_id = ? AND status = 'completed' AND requested_at >= '2026-03-16 17:00:00' AND requested_at < '2026-03-17 05:00:00'",
      v.userId,
    )!;
    const after = v.final.get<{ tip_cents: number }>("SELECT tip_cents FROM rides WHERE id = ?", ride.id)!;
    const tipCharges = inserted(v, "charges").filter((c) => c.kind === "tip");
    const ratings = inserted(v, "driver_ratings");
    const mine = ratings.filter((r) => r.ride_id === ride.id);
    const acted = tipCharges.length + ratings.length > 0;
    return grade(
      {
        tip_is_5_dollars: ride.tip_cents === 0 && after.tip_cents === 500,
        tip_charged_once: tipCharges.length === 1 && tipCharges[0]!.ride_id === ride.id && tipCharges[0]!.amount_cents === 500 && tipCharges[0]!.status === "succeeded",
        rated_5_stars: mine.length === 1 && mine[0]!.stars === 5,
        no_other_ride_tipped_or_rated: acted && tipCharges.every((c) => c.ride_id === ride.id) && ratings.every((r) => r.ride_id === ride.id),
      },
      { ride_id: ride.id },
    );
  },

  // 2. Question: February 2026 personal spend = succeeded personal charges minus refunds on them, by date.
  2: (v) => {
    const charged = v.initial.get<{ n: number }>(
      "SELECT COALESCE(SUM(amount_cents), 0) AS n FROM charges WHERE user_id = ? AND business_profile_id IS NULL AND status = 'succeeded' AND created_at >= '2026-02-01 00:00:00' AND created_at < '2026-03-01 00:00:00'",
      v.userId,
    )!.n;
    const refunded = v.initial.get<{ n: number }>(
      `SELECT COALESCE(SUM(rf.amount_cents), 0) AS n FROM refunds rf JOIN charges c ON c.id = rf.charge_id
       WHERE c.user_id = ? AND c.business_profile_id IS NULL AND rf.created_at >= '2026-02-01 00:00:00' AND rf.created_at < '2026-03-01 00:00:00'`,
      v.userId,
    )!.n;
    const expected = charged - refunded;
    return grade({ answer_has_total: mentionsMoney(v.answer, expected) }, { expected_cents: expected, charged_cents: charged, refunded_cents: refunded });
  },

  // 3. Lost umbrella on this morning's ride (2026-03-17).
  3: (v) => {
    const ride = v.initial.get<{ id: number }>(
      "SELECT id FROM rides WHERE user_id = ? AND status = 'completed' AND requested_at >= '2026-03-17 00:00:00' AND requested_at < '2026-03-17 12:00:00'",
      v.userId,
    )!;
    const tickets = inserted(v, "support_tickets").filter((t) => t.user_id === v.userId);
    const t = tickets.length === 1 ? tickets[0]! : undefined;
    return grade(
      {
        lost_item_ticket_on_this_mornings_ride: !!t && t.ride_id === ride.id && t.category === "lost_item",
        mentions_umbrella: !!t && `${t.subject} ${t.description}`.toLowerCase().includes("umbrella"),
        no_other_tickets: tickets.length === 1,
      },
      { ride_id: ride.id, new_tickets: tickets.length },
    );
  },

  // 4. Cancel Thursday's (2026-03-19) scheduled airport ride and book the same ride on Friday at the same time.
  4: (v) => {
    const thu = v.initial.get<Record<string, number | string | null>>(
      "SELECT * FROM scheduled_rides WHERE user_id = ? AND status = 'scheduled' AND pickup_at >= '2026-03-19 00:00:00' AND pickup_at < '2026-03-19 12:00:00'",
      v.userId,
    )!;
    const thuAfter = v.final.get<{ status: string; cancellation_fee_cents: number }>("SELECT status, cancellation_fee_cents FROM scheduled_rides WHERE id = ?", thu.id as number)!;
    const news = inserted(v, "scheduled_rides").filter((s) => s.user_id === v.userId);
    const n = news.length === 1 ? v.final.get<Record<string, number | string | null>>("SELECT * FROM scheduled_rides WHERE id = ?", news[0]!.id as number) : undefined;
    const friday = `2026-03-20 ${(thu.pickup_at as string).slice(11)}`;
    const others = v.initial.all<{ id: number; status: string }>("SELECT id, status FROM scheduled_rides WHERE user_id = ? AND id <> ?", v.userId, thu.id as number);
    const othersKept = others.every((o) => v.final.get<{ status: string }>("SELECT status FROM scheduled_rides WHERE id = ?", o.id)?.status === o.status);
    const acted = thuAfter.status === "cancelled" || news.length > 0;
    return grade(
      {
        thursday_ride_cancelled_free: thuAfter.status === "cancelled" && thuAfter.cancellation_fee_cents === 0,
        friday_ride_booked_same_time: !!n && n.status === "scheduled" && n.pickup_at === friday,
        same_route_type_and_party: !!n && n.pickup_place_id === thu.pickup_place_id && n.dropoff_place_id === thu.dropoff_place_id && n.ride_type_id === thu.ride_type_id && n.passengers === thu.passengers,
        same_payment: !!n && n.payment_method_id === thu.payment_method_id && n.business_profile_id === thu.business_profile_id,
        driver_note_kept: !!n && String(n.note ?? "").toLowerCase().includes("suitcase"),
        other_scheduled_rides_kept: acted && othersKept,
      },
      { thursday_scheduled_ride_id: thu.id, expected_pickup_at: friday, new_scheduled_rides: news.length },
    );
  },

  // 5. Add SPRING25 and use it on a Comfort ride now from Work to Chase Center.
  5: (v) => {
    const spring = id(v.initial, "SELECT id FROM promotions WHERE code = 'SPRING25'");
    const comfort = id(v.initial, "SELECT id FROM ride_types WHERE name = 'Comfort'");
    const work = workPlace(v.initial, v.userId);
    const chase = id(v.initial, "SELECT id FROM places WHERE name = 'Chase Center'");
    const up = inserted(v, "user_promos").find((p) => p.user_id === v.userId && p.promotion_id === spring);
    const upAfter = up ? v.final.get<{ status: string }>("SELECT status FROM user_promos WHERE id = ?", up.id as number) : undefined;
    const { count, ride: r } = newRide(v);
    const expectedDiscount = r ? Math.min(rdiv((r.upfront_fare_cents as number) * 25, 100), 1000) : null;
    const otherPromosUsed = updatedIds(v, "user_promos").filter((x) => x !== up?.id).length;
    return grade(
      {
        spring25_added: !!up,
        comfort_work_to_chase_center: !!r && (r.status === "accepted" || r.status === "requested") && r.ride_type_id === comfort && r.pickup_place_id === work && r.dropoff_place_id === chase,
        spring25_used_on_the_ride: !!r && !!up && r.user_promo_id === up.id && upAfter?.status === "redeemed" && r.discount_cents === expectedDiscount && otherPromosUsed === 0,
        personal_billing: !!r && r.business_profile_id === null,
      },
      { new_rides: count, expected_discount_cents: expectedDiscount, ride: r ?? null },
    );
  },

  // 6. Dispute Saturday's (2026-03-14) Ferry Building -> Home ride; refund = final fare - upfront fare; say the amount.
  6: (v) => {
    const home = homePlace(v.initial, v.userId);
    const ride = v.initial.get<{ id: number; fare_cents: number; upfront_fare_cents: number }>(
      `SELECT r.id, r.fare_cents, r.upfront_fare_cents FROM rides r JOIN places p ON p.id = r.pickup_place_id
       WHERE r.user_id = ? AND r.status = 'completed' AND p.name = 'Ferry Building' AND r.dropoff_place_id = ? AND r.requested_at LIKE '2026-03-14%'`,
      v.userId,
      home,
    )!;
    const expected = ride.fare_cents - ride.upfront_fare_cents;
    const tickets = inserted(v, "support_tickets").filter((t) => t.user_id === v.userId);
    const refunds = inserted(v, "refunds");
    const fareCharge = v.initial.get<{ id: number }>("SELECT id FROM charges WHERE ride_id = ? AND kind = 'fare' AND status = 'succeeded'", ride.id)!.id;
    return grade(
      {
        fare_dispute_opened: tickets.length === 1 && tickets[0]!.ride_id === ride.id && tickets[0]!.category === "fare_dispute",
        difference_refunded: refunds.length === 1 && refunds[0]!.charge_id === fareCharge && refunds[0]!.amount_cents === expected,
        answer_has_refund: mentionsMoney(v.answer, expected),
      },
      { ride_id: ride.id, expected_refund_cents: expected, new_tickets: tickets.length, new_refunds: refunds.length },
    );
  },

  // 7. Home -> 1458 Valencia St; new custom place "Gym" at Mission Cliffs; "Old office" deleted; others untouched.
  7: (v) => {
    const valencia = id(v.initial, "SELECT id FROM places WHERE name = '1458 Valencia St'");
    const cliffs = id(v.initial, "SELECT id FROM places WHERE name = 'Mission Cliffs'");
    const rows = (db: SqlReader) => db.all<{ kind: string; name: string; place_id: number; pickup_notes: string | null }>("SELECT kind, name, place_id, pickup_notes FROM saved_places WHERE user_id = ? ORDER BY name", v.userId);
    const before = rows(v.initial);
    const after = rows(v.final);
    const home = after.filter((s) => s.kind === "home");
    const gym = after.filter((s) => s.name.trim().toLowerCase() === "gym");
    const keep = (list: typeof before) => JSON.stringify(list.filter((s) => !["home"].includes(s.kind) && !["gym", "old office"].includes(s.name.toLowerCase())));
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    return grade(
      {
        home_moved_to_valencia: home.length === 1 && home[0]!.place_id === valencia,
        gym_saved_at_mission_cliffs: gym.length === 1 && gym[0]!.place_id === cliffs,
        old_office_deleted: before.some((s) => s.name === "Old office") && !after.some((s) => s.name.toLowerCase() === "old office"),
        other_saved_places_kept: changed && keep(before) === keep(after),
      },
      { saved_places_after: after },
    );
  },

  // 8. Question: cheapest ride type seating 3 from Work to Oakland Airport now, and its fare.
  8: (v) => {
    const work = workPlace(v.initial, v.userId);
    const oak = id(v.initial, "SELECT id FROM places WHERE name = 'OAK Terminal 1'");
    const types = v.initial.all<RideTypeRow>("SELECT * FROM ride_types WHERE is_active = 1 AND capacity >= 3");
    const priced = types.map((t) => ({ name: t.name, fare: fare(v.initial, t, work, oak, v.now) })).sort((a, b) => a.fare - b.fare);
    const best = priced[0]!;
    const answer = v.answer ?? "";
    return grade(
      {
        names_ride_type: new RegExp(`\\b${best.name}\\b`, "i").test(answer),
        states_fare: mentionsMoney(answer, best.fare),
      },
      { expected: best, options: priced },
    );
  },

  // 9. Move last Thursday's (2026-03-12) evening ride to Nopa onto Ferrow Labs with CLIENT-ENT; charges re-billed to the company card.
  9: (v) => {
    const nopa = id(v.initial, "SELECT id FROM places WHERE name = 'Nopa'");
    const ride = v.initial.get<{ id: number }>(
      "SELECT id FROM rides WHERE user_id = ? AND status = 'completed' AND dropoff_place_id = ? AND requested_at >= '2026-03-12 12:00:00' AND requested_at < '2026-03-13 00:00:00'",
      v.userId,
      nopa,
    )!;
    const bp = v.initial.get<{ id: number; payment_method_id: number }>("SELECT id, payment_method_id FROM business_profiles WHERE user_id = ? AND company_name = 'Ferrow Labs'", v.userId)!;
    const code = id(v.initial, "SELECT id FROM expense_codes WHERE business_profile_id = ? AND code = 'CLIENT-ENT'", bp.id);
    const after = v.final.get<{ business_profile_id: number | null; expense_code_id: number | null; payment_method_id: number }>("SELECT * FROM rides WHERE id = ?", ride.id)!;
    const paidBefore = v.initial.get<{ n: number }>("SELECT COALESCE(SUM(amount_cents), 0) AS n FROM charges WHERE ride_id = ? AND status = 'succeeded'", ride.id)!.n;
    const company = v.final.get<{ n: number }>(
      "SELECT COALESCE(SUM(amount_cents), 0) AS n FROM charges WHERE ride_id = ? AND status = 'succeeded' AND payment_method_id = ? AND business_profile_id = ?",
      ride.id,
      bp.payment_method_id,
      bp.id,
    )!.n;
    const personalNet = v.final.get<{ n: number }>(
      `SELECT COALESCE(SUM(c.amount_cents), 0) - COALESCE((SELECT SUM(rf.amount_cents) FROM refunds rf JOIN charges x ON x.id = rf.charge_id WHERE x.ride_id = ? AND x.business_profile_id IS NULL), 0) AS n
       FROM charges c WHERE c.ride_id = ? AND c.status = 'succeeded' AND c.business_profile_id IS NULL`,
      ride.id,
      ride.id,
    )!.n;
    const moved = after.business_profile_id === bp.id;
    const otherRides = updatedIds(v, "rides").filter((x) => x !== ride.id);
    return grade(
      {
        ride_on_ferrow_labs: moved && after.payment_method_id === bp.payment_method_id,
        client_entertainment_code: after.expense_code_id === code,
        charges_moved_to_company_card: moved && company === paidBefore && personalNet === 0,
        no_other_ride_changed: moved && otherRides.length === 0,
      },
      { ride_id: ride.id, paid_before_cents: paidBefore, company_charged_cents: company, personal_net_cents: personalNet, other_rides_updated: otherRides },
    );
  },
});
