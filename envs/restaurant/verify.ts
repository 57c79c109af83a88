import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True if the text names the amount of pence, leniently: "£50", "£50.00", "50.00 GBP", "£1,234.50". */
function mentionsMoney(text: string | undefined, pence: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
    if (whole * 100 + frac === pence) return true;
  }
  return false;
}

/** True if the text names the whole number, with or without thousands separators ("1,350", "1350", "1 350"). */
function mentionsNumber(text: string | undefined, n: number): boolean {
  if (!text) return false;
  for (const m of text.matchAll(/\d{1,3}(?:[, ]\d{3})+|\d+/g)) {
    if (Number(m[0].replace(/[, ]/g, "")) === n) return true;
  }
  return false;
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updated(v: VerifierContext, table: string) {
  return v.diff.tables[table]?.updated ?? [];
}

function idOf(db: SqlReader, table: "restaurants" | "rewards", name: string): number {
  const r = db.get<{ id: number }>(`SELECT id FROM ${table} WHERE name = ?`, name);
  if (!r) throw new Error(`seed has no ${table} row named ${name}`);
  return r.id;
}

interface Res {
  id: number;
  user_id: number;
  restaurant_id: number;
  table_id: number;
  experience_id: number | null;
  party_size: number;
  starts_at: string;
  duration_minutes: number;
  occasion: string;
  special_requests: string | null;
  status: string;
  payment_method_id: number | null;
  cancellation_fee_pence: number;
  area_kind: string;
  table_restaurant_id: number;
  min_capacity: number;
  max_capacity: number;
  table_active: number;
}

function reservation(db: SqlReader, id: number): Res | undefined {
  return db.get<Res>(
    `SELECT x.*, a.kind AS area_kind, t.restaurant_id AS table_restaurant_id, t.min_capacity, t.max_capacity, t.is_active AS table_active
     FROM reservations x JOIN tables t ON t.id = x.table_id JOIN dining_areas a ON a.id = t.area_id WHERE x.id = ?`,
    id,
  );
}

/** The user's reservations created during the episode, read from the final state. */
function newReservations(v: VerifierContext): Res[] {
  return inserted(v, "reservations")
    .filter((r) => r.user_id === v.userId)
    .map((r) => reservation(v.final, r.id as number)!)
    .filter(Boolean);
}

/** The one upcoming booked reservation of the user at a restaurant on a date, in the initial state. */
function targetReservation(v: VerifierContext, restaurant: string, date: string): Res {
  const r = v.initial.get<{ id: number }>(
    "SELECT x.id FROM reservations x JOIN restaurants r ON r.id = x.restaurant_id WHERE x.user_id = ? AND r.name = ? AND x.status = 'booked' AND substr(x.starts_at, 1, 10) = ?",
    v.userId,
    restaurant,
    date,
  );
  if (!r) throw new Error(`seed has no booked ${restaurant} reservation on ${date}`);
  return reservation(v.initial, r.id)!;
}

/** True if a booked/seated reservation other than `id` overlaps `r` on the same table in the final state. */
function doubleBooked(db: SqlReader, r: Res): boolean {
  return !!db.get(
    `SELECT 1 FROM reservations x WHERE x.table_id = ? AND x.id <> ? AND x.status IN ('booked', 'seated')
       AND x.starts_at < datetime(?, '+' || ? || ' minutes') AND datetime(x.starts_at, '+' || x.duration_minutes || ' minutes') > ?`,
    r.table_id,
    r.id,
    r.starts_at,
    r.duration_minutes,
    r.starts_at,
  );
}

function tableFits(r: Res): boolean {
  return r.table_restaurant_id === r.restaurant_id && r.table_active === 1 && r.min_capacity <= r.party_size && r.party_size <= r.max_capacity;
}

/** Reservations (other than those listed) whose row changed during the episode. */
function otherReservationsChanged(v: VerifierContext, except: number[]): number {
  return updated(v, "reservations").filter((u) => !except.includes(u.key.id as number)).length + (v.diff.tables.reservations?.deleted.length ?? 0);
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Trattoria Fiamma (the only Covent Garden Italian with a terrace), Sat 14 March 19:30, 4 people, patio, birthday.
  0: (v) => {
    const fiamma = idOf(v.initial, "restaurants", "Trattoria Fiamma");
    const mine = newReservations(v);
    const r = mine.length === 1 ? mine[0] : undefined;
    const ok = !!r && r.restaurant_id === fiamma;
    return grade(
      {
        booked_trattoria_fiamma: ok && r!.status === "booked",
        saturday_at_1930: ok && r!.starts_at === "2026-03-14 19:30:00",
        party_of_4: ok && r!.party_size === 4 && tableFits(r!) && !doubleBooked(v.final, r!),
        on_the_terrace: ok && r!.area_kind === "patio",
        birthday_noted: ok && (r!.occasion === "birthday" || /birthday/i.test(r!.special_requests ?? "")),
        only_one_new_booking_and_nothing_else_changed: mine.length === 1 && otherReservationsChanged(v, []) === 0,
      },
      { new_reservations: mine.map((x) => ({ id: x.id, restaurant_id: x.restaurant_id, starts_at: x.starts_at, party_size: x.party_size, area_kind: x.area_kind })) },
    );
  },

  // 1. Kaito Sushi on Friday 13 March: move 19:00 -> 20:00 and 2 -> 3 guests, on a table that fits.
  1: (v) => {
    const target = targetReservation(v, "Kaito Sushi", "2026-03-13");
    const after = reservation(v.final, target.id)!;
    const moved = after.status === "booked" && after.starts_at === "2026-03-13 20:00:00";
    return grade(
      {
        moved_to_8pm: moved,
        party_of_3: after.status === "booked" && after.party_size === 3,
        table_fits_and_is_free: moved && after.party_size === 3 && tableFits(after) && !doubleBooked(v.final, after),
        same_booking_no_new_one: moved && newReservations(v).length === 0,
        other_bookings_untouched: moved && otherReservationsChanged(v, [target.id]) === 0,
      },
      { reservation_id: target.id, after: { starts_at: after.starts_at, party_size: after.party_size, table_id: after.table_id, status: after.status } },
    );
  },

  // 2. Question: points balance and how many more for the £25 dining voucher.
  2: (v) => {
    const balance = v.initial.get<{ n: number }>("SELECT COALESCE(SUM(points), 0) AS n FROM loyalty_transactions WHERE user_id = ?", v.userId)!.n;
    const cost = v.initial.get<{ c: number }>("SELECT points_cost AS c FROM rewards WHERE name = '£25 dining voucher'")!.c;
    const needed = Math.max(0, cost - balance);
    return grade(
      {
        balance_given: mentionsNumber(v.answer, balance),
        points_needed_given: mentionsNumber(v.answer, needed),
      },
      { expected_balance: balance, expected_needed: needed },
    );
  },

  // 3. Cancel tonight's Bistro Lune booking (inside the 48-hour window) and say the late fee.
  3: (v) => {
    const target = targetReservation(v, "Bistro Lune", "2026-03-12");
    const policy = v.initial.get<{ free_cancel_hours: number; fee: number }>(
      "SELECT p.free_cancel_hours, p.late_cancel_fee_pence_per_person AS fee FROM restaurants r JOIN cancellation_policies p ON p.id = r.cancellation_policy_id WHERE r.id = ?",
      target.restaurant_id,
    )!;
    const hours = (new Date(`${target.starts_at.replace(" ", "T")}Z`).getTime() - v.now.getTime()) / 3600000;
    const expectedFee = hours < policy.free_cancel_hours ? policy.fee * target.party_size : 0;
    const after = reservation(v.final, target.id)!;
    const cancelled = after.status === "cancelled";
    const feePayments = inserted(v, "payments").filter((p) => p.reservation_id === target.id && p.kind === "cancellation_fee");
    return grade(
      {
        bistro_lune_cancelled: cancelled,
        late_fee_recorded: cancelled && after.cancellation_fee_pence === expectedFee,
        late_fee_charged_once_to_card_on_file: feePayments.length === 1 && feePayments[0]!.amount_pence === expectedFee && feePayments[0]!.payment_method_id === target.payment_method_id,
        other_bookings_untouched: cancelled && otherReservationsChanged(v, [target.id]) === 0,
        answer_states_fee: mentionsMoney(v.answer, expectedFee),
      },
      { reservation_id: target.id, expected_fee_pence: expectedFee },
    );
  },

  // 4. Ember & Oak Chef's Tasting Menu, Fri 20 March 20:00, 2 guests, prepaid on the Amex.
  4: (v) => {
    const exp = v.initial.get<{ id: number; restaurant_id: number; price: number }>(
      "SELECT e.id, e.restaurant_id, e.price_pence_per_person AS price FROM experiences e JOIN restaurants r ON r.id = e.restaurant_id WHERE r.name = 'Ember & Oak' AND e.name = 'Chef''s Tasting Menu'",
    )!;
    const amex = v.initial.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND brand = 'American Express' AND status = 'active'", v.userId)!.id;
    const mine = newReservations(v);
    const r = mine.length === 1 ? mine[0] : undefined;
    const ok = !!r && r.experience_id === exp.id && r.restaurant_id === exp.restaurant_id && r.status === "booked";
    const pays = r ? inserted(v, "payments").filter((p) => p.reservation_id === r.id && p.kind === "prepayment" && p.status === "succeeded") : [];
    return grade(
      {
        tasting_menu_booked: ok,
        friday_20th_at_8pm: ok && r!.starts_at === "2026-03-20 20:00:00",
        two_guests: ok && r!.party_size === 2 && tableFits(r!) && !doubleBooked(v.final, r!),
        paid_in_full_on_amex: ok && r!.payment_method_id === amex && pays.length === 1 && pays[0]!.payment_method_id === amex && pays[0]!.amount_pence === exp.price * 2,
        only_one_new_booking: mine.length === 1 && otherReservationsChanged(v, []) === 0,
      },
      { experience_id: exp.id, amex_id: amex, expected_charge_pence: exp.price * 2, new_reservations: mine.map((x) => x.id) },
    );
  },

  // 5. Nonna Rosa is full for 6 on Sat 21 March 19:00-21:00: join the waitlist for exactly that.
  5: (v) => {
    const nonna = idOf(v.initial, "restaurants", "Nonna Rosa");
    const entries = inserted(v, "waitlist_entries").filter((w) => w.user_id === v.userId);
    const w = entries.length === 1 ? v.final.get<Row>("SELECT * FROM waitlist_entries WHERE id = ?", entries[0]!.id as number) : undefined;
    const ok = !!w && w.restaurant_id === nonna && w.status === "waiting";
    return grade(
      {
        on_nonna_rosa_waitlist: ok,
        saturday_21st: ok && w!.date === "2026-03-21",
        party_of_6: ok && w!.party_size === 6,
        window_7_to_9pm: ok && w!.earliest_time === "19:00" && w!.latest_time === "21:00",
        no_booking_made_instead: ok && newReservations(v).length === 0,
      },
      { new_waitlist_entries: entries },
    );
  },

  // 6. Review the 7 March Tamarind House visit (5 stars, lamb chops, warm service) and favourite the restaurant.
  6: (v) => {
    const tamarind = idOf(v.initial, "restaurants", "Tamarind House");
    const visit = v.initial.get<{ id: number }>(
      "SELECT id FROM reservations WHERE user_id = ? AND restaurant_id = ? AND status = 'completed' AND substr(starts_at, 1, 10) = '2026-03-07'",
      v.userId,
      tamarind,
    )!.id;
    const review = v.final.get<{ id: number; rating: number; body: string; user_id: number }>("SELECT * FROM reviews WHERE reservation_id = ?", visit);
    const created = !!review && !v.initial.get("SELECT 1 FROM reviews WHERE reservation_id = ?", visit) && review.user_id === v.userId;
    const body = (review?.body ?? "").toLowerCase();
    const favBefore = !!v.initial.get("SELECT 1 FROM favorites WHERE user_id = ? AND restaurant_id = ?", v.userId, tamarind);
    const favAfter = !!v.final.get("SELECT 1 FROM favorites WHERE user_id = ? AND restaurant_id = ?", v.userId, tamarind);
    const otherReviews = updated(v, "reviews").length + (v.diff.tables.reviews?.deleted.length ?? 0) + inserted(v, "reviews").filter((r) => r.reservation_id !== visit).length;
    return grade(
      {
        last_saturday_visit_reviewed: created,
        five_stars: created && review!.rating === 5,
        mentions_lamb_chops: created && /lamb chop/.test(body),
        mentions_warm_service: created && body.includes("warm") && body.includes("service"),
        tamarind_house_favourited: !favBefore && favAfter,
        no_other_reviews_touched: created && otherReviews === 0,
      },
      { visit_reservation_id: visit },
    );
  },

  // 7. Question: the gluten-free mains on Osteria Lucca's dinner menu, with prices.
  7: (v) => {
    const mains = v.initial.all<{ name: string; price_pence: number }>(
      `SELECT mi.name, mi.price_pence FROM menu_items mi JOIN menus m ON m.id = mi.menu_id JOIN restaurants r ON r.id = m.restaurant_id
       WHERE r.name = 'Osteria Lucca' AND m.service = 'dinner' AND m.is_active = 1 AND mi.section = 'Mains' AND mi.is_available = 1
         AND (',' || mi.dietary_tags || ',') LIKE '%,gluten_free,%' ORDER BY mi.id`,
    );
    const answer = (v.answer ?? "").toLowerCase();
    // Key words of each dish name that an answer must contain (e.g. "branzino", "cacciatora").
    const named = (name: string) => name.toLowerCase().split(/\s+/).filter((w) => w.length > 4 && !["alla", "forno"].includes(w)).every((w) => answer.includes(w));
    return grade(
      Object.fromEntries(mains.flatMap((m) => [[`names_${m.name}`, named(m.name)], [`price_of_${m.name}`, mentionsMoney(v.answer, m.price_pence)]])),
      { expected: mains },
    );
  },

  // 8. Lunch for 2 tomorrow (Fri 13 March) 13:00 in Soho with vegan dishes: Verdant and Kaito don't do lunch, Lotus is full at 13:00, so Bottega Verde.
  8: (v) => {
    const bottega = idOf(v.initial, "restaurants", "Bottega Verde");
    const mine = newReservations(v);
    const r = mine.length === 1 ? mine[0] : undefined;
    const ok = !!r && r.restaurant_id === bottega && r.status === "booked";
    return grade(
      {
        booked_bottega_verde: ok,
        friday_at_1pm: ok && r!.starts_at === "2026-03-13 13:00:00",
        party_of_2: ok && r!.party_size === 2 && tableFits(r!) && !doubleBooked(v.final, r!),
        only_one_new_booking: mine.length === 1 && otherReservationsChanged(v, []) === 0,
      },
      { new_reservations: mine.map((x) => ({ id: x.id, restaurant_id: x.restaurant_id, starts_at: x.starts_at })) },
    );
  },

  // 9. Maison Fleur on Wed 18 March: occasion anniversary, a quiet corner table request, and the free dessert reward on it.
  9: (v) => {
    const target = targetReservation(v, "Maison Fleur", "2026-03-18");
    const after = reservation(v.final, target.id)!;
    const dessert = idOf(v.initial, "rewards", "Complimentary dessert");
    const reds = inserted(v, "reward_redemptions").filter((r) => r.user_id === v.userId);
    const red = reds.length === 1 ? reds[0] : undefined;
    const redOk = !!red && red.reward_id === dessert && red.reservation_id === target.id;
    const finalRed = redOk ? v.final.get<{ status: string }>("SELECT status FROM reward_redemptions WHERE id = ?", red!.id as number) : undefined;
    const debit = redOk ? inserted(v, "loyalty_transactions").filter((t) => t.redemption_id === red!.id && t.kind === "redeem") : [];
    const req = (after.special_requests ?? "").toLowerCase();
    return grade(
      {
        marked_anniversary: after.status === "booked" && after.occasion === "anniversary",
        asked_for_quiet_corner_table: after.status === "booked" && req.includes("quiet") && req.includes("corner"),
        free_dessert_on_this_booking: redOk && finalRed?.status === "reserved",
        points_deducted_once: redOk && debit.length === 1 && debit[0]!.points === -(red!.points_spent as number),
        booking_time_and_party_unchanged:
          after.status === "booked" && after.starts_at === target.starts_at && after.party_size === target.party_size && (after.occasion === "anniversary" || redOk),
        only_one_reward_and_no_other_booking_changed: reds.length === 1 && otherReservationsChanged(v, [target.id]) === 0,
      },
      { reservation_id: target.id, new_redemptions: reds },
    );
  },
});
