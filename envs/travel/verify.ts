import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True if the text names the amount, leniently: "$1,884.00", "1884.00", "1884" or "$1,884" for 188400 cents. */
function mentionsMoney(text: string | undefined, cents: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === cents) return true;
  }
  return false;
}

/** True if the text names the clock time 'HH:MM' as 24-hour ("16:45") or 12-hour ("4:45 PM", "4:45pm", "4:45"). */
function mentionsTime(text: string | undefined, hhmm: string): boolean {
  if (!text) return false;
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const mm = String(m).padStart(2, "0");
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const wrongHalf = h < 12 ? "p\\.?\\s?m" : "a\\.?\\s?m";
  // 24-hour "16:45", or 12-hour "4:45 PM" / "4:45 in the afternoon" (but not "4:45 AM").
  return new RegExp(`(?<!\\d)0?${h}[:.h]${mm}(?!\\d)`).test(text) || new RegExp(`(?<![\\d:])${h12}[:.]${mm}(?!\\d)(?!\\s*${wrongHalf})`, "i").test(text);
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedKeys(v: VerifierContext, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => u.key.id as number);
}

function changed(v: VerifierContext, table: string): number {
  const t = v.diff.tables[table];
  return t ? t.inserted.length + t.updated.length + t.deleted.length : 0;
}

function normalizeMember(s: unknown): string {
  return String(s ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function nights(checkIn: string, checkOut: string): string[] {
  const out: string[] = [];
  for (let d = checkIn; d < checkOut; d = addDays(d, 1)) out.push(d);
  return out;
}

function today(v: VerifierContext): string {
  return v.now.toISOString().slice(0, 10);
}

function flightId(db: SqlReader, flightNumber: string, date: string): number {
  const r = db.get<{ id: number }>("SELECT id FROM flights WHERE flight_number = ? AND substr(departs_at, 1, 10) = ?", flightNumber, date);
  if (!r) throw new Error(`seed has no flight ${flightNumber} on ${date}`);
  return r.id;
}

function fareId(db: SqlReader, flight: number, cabin: string, brand: string): number {
  const r = db.get<{ id: number }>("SELECT id FROM fares WHERE flight_id = ? AND cabin = ? AND fare_brand = ?", flight, cabin, brand);
  if (!r) throw new Error(`seed has no ${cabin} ${brand} fare on flight ${flight}`);
  return r.id;
}

function seatsLeft(db: SqlReader, fare: number): number {
  return db.get<{ n: number }>("SELECT seats_left AS n FROM fares WHERE id = ?", fare)!.n;
}

function travelerId(db: SqlReader, userId: number, first: string, relationship: string): number {
  const r = db.get<{ id: number }>("SELECT id FROM travelers WHERE user_id = ? AND first_name = ? AND relationship = ?", userId, first, relationship);
  if (!r) throw new Error(`seed has no traveler ${first} (${relationship})`);
  return r.id;
}

function paymentMethodId(db: SqlReader, userId: number, brand: string): number {
  return db.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND brand = ? AND status = 'active'", userId, brand)!.id;
}

/** The user's confirmed trip that has a flight into the given airport. */
function tripTo(db: SqlReader, userId: number, iata: string): number {
  const r = db.get<{ id: number }>(
    `SELECT DISTINCT b.id FROM bookings b JOIN flight_segments s ON s.booking_id = b.id JOIN flights f ON f.id = s.flight_id JOIN airports a ON a.id = f.destination_airport_id
     WHERE b.user_id = ? AND b.status = 'confirmed' AND a.iata_code = ?`,
    userId,
    iata,
  );
  if (!r) throw new Error(`seed has no confirmed trip to ${iata}`);
  return r.id;
}

type SegPax = { segment_id: number; booking_id: number; flight_id: number; fare_id: number; status: string; traveler_id: number; sp_id: number; loyalty_number: string | null };

/** Passengers of confirmed segments, with their segment. */
function confirmedPax(db: SqlReader, where: string, ...params: (string | number)[]): SegPax[] {
  return db.all<SegPax>(
    `SELECT s.id AS segment_id, s.booking_id, s.flight_id, s.fare_id, s.status, sp.traveler_id, sp.id AS sp_id, sp.loyalty_number
     FROM flight_segments s JOIN segment_passengers sp ON sp.segment_id = s.id WHERE s.status = 'confirmed' AND ${where} ORDER BY s.id, sp.id`,
    ...params,
  );
}

/** New payments of one kind in a booking, summed, optionally for one item column. */
function newPayments(v: VerifierContext, bookingId: number, kind: "charge" | "refund"): Row[] {
  return inserted(v, "payments").filter((p) => p.booking_id === bookingId && p.kind === kind);
}

function sum(rows: Row[]): number {
  return rows.reduce((n, r) => n + (r.amount_cents as number), 0);
}

/** What cancelling a trip today refunds, from the fare and rate rules (an independent re-implementation of the site's policy). */
function expectedTripRefund(db: SqlReader, bookingId: number, day: string): number {
  let total = 0;
  const segs = db.all<{ id: number; fare_paid_cents: number; refundable: number; cancel_fee_cents: number }>(
    "SELECT s.id, s.fare_paid_cents, f.refundable, f.cancel_fee_cents FROM flight_segments s JOIN fares f ON f.id = s.fare_id WHERE s.booking_id = ? AND s.status = 'confirmed'",
    bookingId,
  );
  for (const s of segs) {
    const pax = db.get<{ n: number }>("SELECT count(*) AS n FROM segment_passengers WHERE segment_id = ?", s.id)!.n;
    if (s.refundable === 1) total += Math.max(0, s.fare_paid_cents - s.cancel_fee_cents * pax);
    total += db.get<{ n: number }>(
      "SELECT COALESCE(SUM(sa.fee_cents), 0) AS n FROM seat_assignments sa JOIN segment_passengers sp ON sp.id = sa.segment_passenger_id WHERE sp.segment_id = ? AND sa.status = 'active'",
      s.id,
    )!.n;
    total += db.get<{ n: number }>(
      "SELECT COALESCE(SUM(bg.fee_cents), 0) AS n FROM baggage bg JOIN segment_passengers sp ON sp.id = bg.segment_passenger_id WHERE sp.segment_id = ? AND bg.status = 'active'",
      s.id,
    )!.n;
  }
  const stays = db.all<{ total_cents: number; check_in: string; check_out: string; refundable: number; free_cancel_days: number | null }>(
    "SELECT r.total_cents, r.check_in, r.check_out, rt.refundable, rt.free_cancel_days FROM hotel_reservations r JOIN room_types rt ON rt.id = r.room_type_id WHERE r.booking_id = ? AND r.status = 'confirmed'",
    bookingId,
  );
  for (const r of stays) {
    if (r.refundable !== 1) continue;
    const deadline = addDays(r.check_in, -(r.free_cancel_days ?? 0));
    total += day <= deadline ? r.total_cents : r.total_cents - Math.round(r.total_cents / nights(r.check_in, r.check_out).length);
  }
  return total;
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Cheapest nonstop economy SFO-SEA on 2026-03-27 for Jordan and partner Sam (JS 822 basic, $134 each; NW 301's $119 fare has one seat), on the Visa.
  0: (v) => {
    const flight = flightId(v.initial, "JS 822", "2026-03-27");
    const fare = fareId(v.initial, flight, "economy", "basic");
    const me = travelerId(v.initial, v.userId, "Jordan", "self");
    const sam = travelerId(v.initial, v.userId, "Sam", "partner");
    const visa = paymentMethodId(v.initial, v.userId, "Visa");
    const price = v.initial.get<{ p: number }>("SELECT price_cents AS p FROM fares WHERE id = ?", fare)!.p;
    const userBookings = new Set(v.final.all<{ id: number }>("SELECT id FROM bookings WHERE user_id = ?", v.userId).map((b) => b.id));
    const newSegs = inserted(v, "flight_segments").filter((s) => userBookings.has(s.booking_id as number));
    const hits = newSegs.filter((s) => s.flight_id === flight && s.fare_id === fare && s.status === "confirmed");
    const seg = hits.length === 1 ? hits[0]! : undefined;
    const pax = seg ? v.final.all<{ traveler_id: number }>("SELECT traveler_id FROM segment_passengers WHERE segment_id = ? ORDER BY traveler_id", seg.id as number).map((p) => p.traveler_id) : [];
    const charges = seg ? inserted(v, "payments").filter((p) => p.flight_segment_id === seg.id && p.kind === "charge") : [];
    const newTrip = !!seg && inserted(v, "bookings").some((b) => b.id === seg.booking_id);
    return grade(
      {
        booked_cheapest_nonstop: !!seg,
        travellers_me_and_partner_sam: JSON.stringify(pax) === JSON.stringify([me, sam].sort((a, b) => a - b)),
        two_seats_taken_from_inventory: !!seg && seatsLeft(v.final, fare) === seatsLeft(v.initial, fare) - 2,
        charged_to_visa: charges.length > 0 && sum(charges) === price * 2 && charges.every((c) => c.payment_method_id === visa),
        on_a_new_trip: newTrip,
        nothing_else_booked: !!seg && newSegs.length === 1,
      },
      { expected_flight_id: flight, expected_fare_id: fare, new_segments: newSegs },
    );
  },

  // 1. Cancel the upcoming Chicago hotel (Lakeshore Grand, free cancellation: full refund); keep the flights and the trip.
  1: (v) => {
    const r = v.initial.get<{ id: number; booking_id: number; total_cents: number }>(
      `SELECT r.id, r.booking_id, r.total_cents FROM hotel_reservations r JOIN room_types rt ON rt.id = r.room_type_id JOIN hotels h ON h.id = rt.hotel_id
       JOIN bookings b ON b.id = r.booking_id WHERE b.user_id = ? AND h.city = 'Chicago' AND r.status = 'confirmed'`,
      v.userId,
    )!;
    const after = v.final.get<{ status: string }>("SELECT status FROM hotel_reservations WHERE id = ?", r.id)!;
    const cancelled = after.status === "cancelled";
    const chargeCard = v.initial.get<{ pm: number }>("SELECT payment_method_id AS pm FROM payments WHERE hotel_reservation_id = ? AND kind = 'charge'", r.id)!.pm;
    const refunds = inserted(v, "payments").filter((p) => p.hotel_reservation_id === r.id && p.kind === "refund");
    const segsBefore = v.initial.all<{ id: number }>("SELECT id FROM flight_segments WHERE booking_id = ? AND status = 'confirmed'", r.booking_id);
    const segsKept = segsBefore.every((s) => v.final.get<{ status: string }>("SELECT status FROM flight_segments WHERE id = ?", s.id)?.status === "confirmed");
    const tripStatus = v.final.get<{ status: string }>("SELECT status FROM bookings WHERE id = ?", r.booking_id)!.status;
    return grade(
      {
        chicago_hotel_cancelled: cancelled,
        refunded_in_full_to_card: refunds.length === 1 && refunds[0]!.amount_cents === r.total_cents && refunds[0]!.payment_method_id === chargeCard,
        flights_kept: cancelled && segsBefore.length > 0 && segsKept && changed(v, "seat_assignments") === 0,
        trip_still_confirmed: cancelled && tripStatus === "confirmed",
        nothing_else_cancelled: cancelled && updatedKeys(v, "hotel_reservations").every((id) => id === r.id) && changed(v, "flight_segments") === 0,
      },
      { reservation_id: r.id, expected_refund_cents: r.total_cents },
    );
  },

  // 2. Move the SFO-DEN flight on 2026-03-20 (AV 1442) to Avalon's evening flight (AV 1496), same fare: $75 change fee + $25 difference.
  2: (v) => {
    const morning = flightId(v.initial, "AV 1442", "2026-03-20");
    const evening = flightId(v.initial, "AV 1496", "2026-03-20");
    const me = travelerId(v.initial, v.userId, "Jordan", "self");
    const seg = v.initial.get<{ id: number; booking_id: number; fare_id: number; fare_paid_cents: number }>(
      "SELECT s.id, s.booking_id, s.fare_id, s.fare_paid_cents FROM flight_segments s JOIN bookings b ON b.id = s.booking_id WHERE b.user_id = ? AND s.flight_id = ? AND s.status = 'confirmed'",
      v.userId,
      morning,
    )!;
    const oldFare = v.initial.get<{ cabin: string; fare_brand: string; change_fee_cents: number }>("SELECT cabin, fare_brand, change_fee_cents FROM fares WHERE id = ?", seg.fare_id)!;
    const newFare = fareId(v.initial, evening, oldFare.cabin, oldFare.fare_brand);
    const newPrice = v.initial.get<{ p: number }>("SELECT price_cents AS p FROM fares WHERE id = ?", newFare)!.p;
    const expectedCost = oldFare.change_fee_cents + Math.max(0, newPrice - seg.fare_paid_cents);
    const onEvening = confirmedPax(v.final, "s.booking_id = ? AND s.flight_id = ? AND sp.traveler_id = ?", seg.booking_id, evening, me);
    const onMorning = confirmedPax(v.final, "s.flight_id = ? AND sp.traveler_id = ?", morning, me);
    const moved = onEvening.length === 1;
    const net = sum(newPayments(v, seg.booking_id, "charge")) - sum(newPayments(v, seg.booking_id, "refund"));
    const returnSegs = v.initial.all<{ id: number }>("SELECT id FROM flight_segments WHERE booking_id = ? AND id <> ?", seg.booking_id, seg.id);
    const returnKept = returnSegs.every((s) => !updatedKeys(v, "flight_segments").includes(s.id));
    return grade(
      {
        on_evening_flight: moved,
        off_morning_flight: moved && onMorning.length === 0,
        same_cabin_and_fare: moved && onEvening[0]!.fare_id === newFare,
        paid_change_fee_and_difference: moved && net === expectedCost,
        seats_back_in_inventory: moved && seatsLeft(v.final, seg.fare_id) === seatsLeft(v.initial, seg.fare_id) + 1 && seatsLeft(v.final, newFare) === seatsLeft(v.initial, newFare) - 1,
        return_and_hotel_untouched: moved && returnKept && changed(v, "hotel_reservations") === 0,
      },
      { segment_id: seg.id, expected_flight_id: evening, expected_cost_cents: expectedCost, net_paid_cents: net },
    );
  },

  // 3. Question: refund if the Lisbon trip were cancelled today ($1,884.00); nothing may be cancelled.
  3: (v) => {
    const trip = tripTo(v.initial, v.userId, "LIS");
    const expected = expectedTripRefund(v.initial, trip, today(v));
    const answered = mentionsMoney(v.answer, expected);
    return grade(
      {
        answer_has_refund_amount: answered,
        nothing_cancelled: answered && changed(v, "flight_segments") + changed(v, "hotel_reservations") + changed(v, "payments") + changed(v, "bookings") === 0,
      },
      { trip_id: trip, expected_refund_cents: expected },
    );
  },

  // 4. Save Sam's Northwind Miles number NW44718820 and attach it to the upcoming Portland flights (not past ones).
  4: (v) => {
    const sam = travelerId(v.initial, v.userId, "Sam", "partner");
    const nw = v.initial.get<{ id: number }>("SELECT id FROM airlines WHERE iata_code = 'NW'")!.id;
    const ok = (n: unknown) => ["NW44718820", "44718820"].includes(normalizeMember(n));
    const acct = v.final.get<{ member_number: string }>("SELECT member_number FROM loyalty_accounts WHERE traveler_id = ? AND airline_id = ?", sam, nw);
    const hadBefore = !!v.initial.get("SELECT 1 FROM loyalty_accounts WHERE traveler_id = ? AND airline_id = ?", sam, nw);
    const saved = !hadBefore && !!acct && ok(acct.member_number);
    const portland = tripTo(v.initial, v.userId, "PDX");
    const upcoming = confirmedPax(v.initial, "s.booking_id = ? AND sp.traveler_id = ?", portland, sam).map((p) => p.sp_id);
    const attached = upcoming.length === 2 && upcoming.every((id) => ok(v.final.get<{ l: string | null }>("SELECT loyalty_number AS l FROM segment_passengers WHERE id = ?", id)!.l));
    const touched = updatedKeys(v, "segment_passengers");
    return grade(
      {
        number_saved_on_sams_profile: saved,
        on_upcoming_portland_flights: attached,
        no_other_tickets_changed: attached && touched.every((id) => upcoming.includes(id)),
        no_other_profiles_changed: saved && inserted(v, "loyalty_accounts").length === 1 && changed(v, "loyalty_accounts") === 1,
      },
      { traveler_id: sam, portland_trip_id: portland, portland_passenger_rows: upcoming },
    );
  },

  // 5. Boston hotel: cheapest free-cancellation room at a 4+ star hotel for 2026-04-02..04-06 (Back Bay Grand Classic Queen, $1,066),
  //    on the Boston trip, paid with the card that paid the flights (Mastercard).
  5: (v) => {
    const trip = tripTo(v.initial, v.userId, "BOS");
    const legs = v.initial.all<{ arrives_at: string; departs_at: string; dest: string }>(
      "SELECT f.arrives_at, f.departs_at, a.iata_code AS dest FROM flight_segments s JOIN flights f ON f.id = s.flight_id JOIN airports a ON a.id = f.destination_airport_id WHERE s.booking_id = ? ORDER BY f.departs_at",
      trip,
    );
    const checkIn = legs.find((l) => l.dest === "BOS")!.arrives_at.slice(0, 10);
    const checkOut = legs.find((l) => l.dest !== "BOS")!.departs_at.slice(0, 10);
    const stay = nights(checkIn, checkOut);
    // Cheapest refundable, still free-to-cancel, available-every-night room at a Boston hotel with 4+ stars.
    let best: { id: number; total: number } | null = null;
    for (const rt of v.initial.all<{ id: number; base: number; total_rooms: number; free_cancel_days: number }>(
      `SELECT rt.id, rt.base_rate_cents AS base, rt.total_rooms, rt.free_cancel_days FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id
       WHERE h.city = 'Boston' AND h.star_rating >= 4 AND rt.refundable = 1`,
    )) {
      if (addDays(checkIn, -rt.free_cancel_days) < today(v)) continue;
      let total = 0;
      let open = true;
      for (const n of stay) {
        const o = v.initial.get<{ rate_cents: number | null; is_closed: number }>("SELECT rate_cents, is_closed FROM room_rate_overrides WHERE room_type_id = ? AND night_date = ?", rt.id, n);
        const booked = v.initial.get<{ n: number }>("SELECT COALESCE(SUM(rooms), 0) AS n FROM hotel_reservations WHERE room_type_id = ? AND status = 'confirmed' AND check_in <= ? AND check_out > ?", rt.id, n, n)!.n;
        if (o?.is_closed === 1 || booked >= rt.total_rooms) open = false;
        total += o?.rate_cents ?? rt.base;
      }
      if (open && (!best || total < best.total)) best = { id: rt.id, total };
    }
    const card = v.initial.get<{ pm: number }>("SELECT payment_method_id AS pm FROM payments WHERE booking_id = ? AND flight_segment_id IS NOT NULL AND kind = 'charge' ORDER BY id LIMIT 1", trip)!.pm;
    const userBookings = new Set(v.final.all<{ id: number }>("SELECT id FROM bookings WHERE user_id = ?", v.userId).map((b) => b.id));
    const mine = inserted(v, "hotel_reservations").filter((r) => userBookings.has(r.booking_id as number));
    const r = mine.length === 1 ? mine[0]! : undefined;
    const charges = r ? inserted(v, "payments").filter((p) => p.hotel_reservation_id === r.id && p.kind === "charge") : [];
    return grade(
      {
        hotel_booked_on_boston_trip: !!r && r.booking_id === trip && r.status === "confirmed",
        cheapest_free_cancellation_4_star_room: !!r && r.room_type_id === best?.id,
        whole_stay_one_room: !!r && r.check_in === checkIn && r.check_out === checkOut && r.rooms === 1,
        paid_with_flight_card: charges.length === 1 && charges[0]!.payment_method_id === card && charges[0]!.amount_cents === best?.total,
        no_other_trip_created: !!r && inserted(v, "bookings").length === 0,
      },
      { expected_room_type_id: best?.id, expected_total_cents: best?.total, check_in: checkIn, check_out: checkOut, new_reservations: mine.length },
    );
  },

  // 6. Seats on the outbound Lisbon flight: frontmost free-of-charge economy row with A and B both free (25): Jordan 25A, Sam 25B.
  6: (v) => {
    const flight = flightId(v.initial, "LU 202", "2026-04-08");
    const me = travelerId(v.initial, v.userId, "Jordan", "self");
    const sam = travelerId(v.initial, v.userId, "Sam", "partner");
    const pax = confirmedPax(v.initial, "s.flight_id = ? AND sp.traveler_id IN (?, ?)", flight, me, sam);
    const spMe = pax.find((p) => p.traveler_id === me)!.sp_id;
    const spSam = pax.find((p) => p.traveler_id === sam)!.sp_id;
    const ac = v.initial.get<{ first: number; last: number }>("SELECT a.economy_first_row AS first, a.economy_last_row AS last FROM flights f JOIN aircraft a ON a.id = f.aircraft_id WHERE f.id = ?", flight)!;
    const taken = new Set(v.initial.all<{ s: string }>("SELECT seat_number AS s FROM seat_assignments WHERE flight_id = ? AND status = 'active'", flight).map((x) => x.s));
    let row = 0;
    for (let r = ac.first + 3; r <= ac.last && !row; r++) if (!taken.has(`${r}A`) && !taken.has(`${r}B`)) row = r;
    const seat = (sp: number) => v.final.get<{ s: string; fee: number }>("SELECT seat_number AS s, fee_cents AS fee FROM seat_assignments WHERE segment_passenger_id = ? AND status = 'active'", sp);
    const mySeat = seat(spMe);
    const samSeat = seat(spSam);
    const seated = mySeat?.s === `${row}A`;
    const bookingIds = new Set(pax.map((p) => p.booking_id));
    const touchedSeats = [...inserted(v, "seat_assignments").map((x) => x.id as number), ...updatedKeys(v, "seat_assignments")];
    const otherSeatChanges = touchedSeats.filter((id) => {
      const sp = v.final.get<{ sp: number }>("SELECT segment_passenger_id AS sp FROM seat_assignments WHERE id = ?", id)?.sp;
      return sp !== spMe && sp !== spSam;
    });
    return grade(
      {
        jordan_at_window: seated,
        sam_next_to_jordan: samSeat?.s === `${row}B`,
        no_seat_fee: seated && (mySeat?.fee ?? 1) === 0 && (samSeat?.fee ?? 1) === 0 && inserted(v, "payments").filter((p) => bookingIds.has(p.booking_id as number)).length === 0,
        no_other_seats_changed: seated && otherSeatChanges.length === 0,
      },
      { expected_seats: [`${row}A`, `${row}B`], jordan_seat: mySeat ?? null, sam_seat: samSeat ?? null },
    );
  },

  // 7. Cancel the whole Austin trip and report the total refund ($869.00: flex return fare + bag fee + hotel; the basic outbound fare is lost).
  7: (v) => {
    const trip = tripTo(v.initial, v.userId, "AUS");
    const expected = expectedTripRefund(v.initial, trip, today(v));
    const b = v.final.get<{ status: string }>("SELECT status FROM bookings WHERE id = ?", trip)!;
    const liveSegs = v.final.get<{ n: number }>("SELECT count(*) AS n FROM flight_segments WHERE booking_id = ? AND status = 'confirmed'", trip)!.n;
    const liveStays = v.final.get<{ n: number }>("SELECT count(*) AS n FROM hotel_reservations WHERE booking_id = ? AND status = 'confirmed'", trip)!.n;
    const everything = liveSegs === 0 && liveStays === 0;
    const refunded = sum(newPayments(v, trip, "refund"));
    const fares = v.initial.all<{ fare_id: number; pax: number }>(
      "SELECT s.fare_id, (SELECT count(*) FROM segment_passengers sp WHERE sp.segment_id = s.id) AS pax FROM flight_segments s WHERE s.booking_id = ? AND s.status = 'confirmed'",
      trip,
    );
    const otherTrips = v.final.get<{ n: number }>("SELECT count(*) AS n FROM bookings WHERE user_id = ? AND id <> ? AND status = 'cancelled'", v.userId, trip)!.n;
    const otherBefore = v.initial.get<{ n: number }>("SELECT count(*) AS n FROM bookings WHERE user_id = ? AND id <> ? AND status = 'cancelled'", v.userId, trip)!.n;
    return grade(
      {
        everything_cancelled: everything && b.status === "cancelled",
        refunds_follow_the_rules: everything && refunded === expected,
        seats_back_in_inventory: everything && fares.every((f) => seatsLeft(v.final, f.fare_id) === seatsLeft(v.initial, f.fare_id) + f.pax),
        no_other_trip_cancelled: everything && otherTrips === otherBefore,
        answer_has_total_refund: mentionsMoney(v.answer, expected),
      },
      { trip_id: trip, expected_refund_cents: expected, refunded_cents: refunded },
    );
  },

  // 8. Question: the Sunday (2026-03-22) flight back from Denver: AV 1447, departs 16:45, seat 14C.
  8: (v) => {
    const me = travelerId(v.initial, v.userId, "Jordan", "self");
    const r = v.initial.get<{ flight_number: string; departs_at: string; seat: string }>(
      `SELECT f.flight_number, f.departs_at, sa.seat_number AS seat FROM flight_segments s JOIN bookings b ON b.id = s.booking_id JOIN flights f ON f.id = s.flight_id
       JOIN airports o ON o.id = f.origin_airport_id JOIN segment_passengers sp ON sp.segment_id = s.id
       JOIN seat_assignments sa ON sa.segment_passenger_id = sp.id AND sa.status = 'active'
       WHERE b.user_id = ? AND s.status = 'confirmed' AND o.iata_code = 'DEN' AND sp.traveler_id = ? AND substr(f.departs_at, 1, 10) = '2026-03-22'`,
      v.userId,
      me,
    )!;
    const answer = v.answer ?? "";
    const number = r.flight_number.split(" ")[1]!;
    const gotNumber = new RegExp(`(?<!\\d)${number}(?!\\d)`).test(answer);
    const gotTime = mentionsTime(answer, r.departs_at.slice(11, 16));
    const gotSeat = new RegExp(`\\b${r.seat}\\b`, "i").test(answer);
    return grade(
      {
        flight_number_given: gotNumber,
        departure_time_given: gotTime,
        seat_given: gotSeat,
        nothing_changed: (gotNumber || gotTime || gotSeat) && v.diff.inserted + v.diff.updated + v.diff.deleted === 0,
      },
      { expected: r },
    );
  },

  // 9. Update Margaret's passport, then add her to the Lisbon trip on LU 202 (economy standard) and LU 203 (economy basic), paid with the Visa.
  9: (v) => {
    const mom = travelerId(v.initial, v.userId, "Margaret", "parent");
    const trip = tripTo(v.initial, v.userId, "LIS");
    const visa = paymentMethodId(v.initial, v.userId, "Visa");
    const t = v.final.get<{ passport_number: string | null; passport_expiry: string | null }>("SELECT passport_number, passport_expiry FROM travelers WHERE id = ?", mom)!;
    const legs = v.initial.all<{ flight_id: number; fare_id: number; price: number }>(
      "SELECT s.flight_id, s.fare_id, f.price_cents AS price FROM flight_segments s JOIN fares f ON f.id = s.fare_id JOIN flights fl ON fl.id = s.flight_id WHERE s.booking_id = ? AND s.status = 'confirmed' ORDER BY fl.departs_at",
      trip,
    );
    const momPax = confirmedPax(v.final, "sp.traveler_id = ?", mom);
    const onLeg = (i: number) => momPax.some((p) => p.booking_id === trip && p.flight_id === legs[i]!.flight_id && p.fare_id === legs[i]!.fare_id);
    const booked = onLeg(0) && onLeg(1);
    const momSegs = new Set(momPax.map((p) => p.segment_id));
    const charges = inserted(v, "payments").filter((p) => momSegs.has(p.flight_segment_id as number) && p.kind === "charge");
    const expectedCharge = legs.reduce((n, l) => n + l.price, 0);
    const newSegs = inserted(v, "flight_segments");
    return grade(
      {
        passport_updated: normalizeMember(t.passport_number) === "583920174" && t.passport_expiry === "2036-02-11",
        on_outbound_same_fare: onLeg(0),
        on_return_same_fare: onLeg(1),
        paid_with_visa: booked && sum(charges) === expectedCharge && charges.every((c) => c.payment_method_id === visa),
        nothing_else_booked_or_changed: booked && newSegs.length === 2 && momPax.length === 2 && updatedKeys(v, "flight_segments").length === 0 && updatedKeys(v, "segment_passengers").length === 0,
      },
      { traveler_id: mom, trip_id: trip, expected_charge_cents: expectedCharge, legs },
    );
  },
});
