import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** The env clock as SQLite text. */
function nowText(v: VerifierContext): string {
  return v.now.toISOString().slice(0, 19).replace("T", " ");
}

/** Amounts (in cents) written in the text: "$1,234.50", "1234.5", "$55K", "$1.6M". */
function amountsIn(text: string | undefined): number[] {
  if (!text) return [];
  const out: number[] = [];
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([kKmM])?(?![\d])/g)) {
    const whole = Number(m[1]!.replace(/,/g, ""));
    const frac = m[2] ? Number(`0.${m[2]}`) : 0;
    const mult = m[3] ? (m[3].toLowerCase() === "k" ? 1_000 : 1_000_000) : 1;
    out.push(Math.round((whole + frac) * mult * 100));
  }
  return out;
}

/** True if the text names the amount to within `tolCents`. */
function mentionsMoney(text: string | undefined, cents: number, tolCents = 0): boolean {
  return amountsIn(text).some((a) => Math.abs(a - cents) <= tolCents);
}

/** True if the text names the street address ("418 Cortland Ave" matches "418 Cortland Avenue"). */
function mentionsStreet(text: string | undefined, street: string): boolean {
  if (!text) return false;
  const [num, name] = street.split(" ");
  return new RegExp(`\\b${num}\\s+${name}\\b`, "i").test(text);
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updated(v: VerifierContext, table: string) {
  return v.diff.tables[table]?.updated ?? [];
}

function deleted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.deleted ?? [];
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function listingByStreet(db: SqlReader, street: string, unit: string | null = null): number {
  const r = db.get<{ id: number }>(
    "SELECT l.id FROM listings l JOIN properties p ON p.id = l.property_id WHERE p.street_address = ? AND p.unit IS ? ORDER BY l.id DESC",
    street,
    unit,
  );
  if (!r) throw new Error(`seed has no listing at ${street} ${unit ?? ""}`);
  return r.id;
}

type TourRow = { id: number; user_id: number; listing_id: number; tour_type: string; starts_at: string; status: string; open_house_id: number | null };
const LIVE_TOUR = ["requested", "confirmed"];

function tours(db: SqlReader, userId: number): TourRow[] {
  return db.all<TourRow>("SELECT id, user_id, listing_id, tour_type, starts_at, status, open_house_id FROM tour_requests WHERE user_id = ? ORDER BY id", userId);
}

/** Rows of `table` for the user, as JSON, keyed by id, for before/after comparison. */
function snapshot(db: SqlReader, table: string, where: string, ...params: (string | number)[]): Map<number, string> {
  return new Map(db.all<Row & { id: number }>(`SELECT * FROM ${table} WHERE ${where} ORDER BY id`, ...params).map((r) => [r.id, JSON.stringify(r)]));
}

function sameRows(a: Map<number, string>, b: Map<number, string>, except: number[] = []): boolean {
  for (const [id, row] of a) if (!except.includes(id) && b.get(id) !== row) return false;
  for (const id of b.keys()) if (!except.includes(id) && !a.has(id)) return false;
  return true;
}

/** The mortgage formula of estimate_mortgage (cents). */
function monthlyPayment(priceCents: number, downPct: number, ratePct: number, years: number, taxBps: number, hoaCents: number): number {
  const loan = priceCents - Math.round((priceCents * downPct) / 100);
  const r = ratePct / 100 / 12;
  const n = years * 12;
  const pi = Math.round((loan * r) / (1 - Math.pow(1 + r, -n)));
  const tax = Math.round((priceCents * taxBps) / 10000 / 12);
  const insurance = Math.round((priceCents * 0.0035) / 12);
  const pmi = downPct < 20 ? Math.round((loan * 0.005) / 12) : 0;
  return pi + tax + insurance + pmi + hoaCents;
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Save the cheapest active 3BR+ Mission Bay condo for sale under $1.2M with note "Walk to Caltrain"; in-person tour Sat 2026-03-21 14:00.
  0: (v) => {
    const target = v.initial.get<{ id: number }>(
      `SELECT l.id FROM listings l JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id
       WHERE n.name = 'Mission Bay' AND p.property_type = 'condo' AND p.beds >= 3 AND l.listing_type = 'for_sale' AND l.status = 'active' AND l.price_cents < 120000000
       ORDER BY l.price_cents LIMIT 1`,
    )!.id;
    const newSaves = inserted(v, "saved_homes").filter((s) => s.user_id === v.userId);
    const save = newSaves.find((s) => s.listing_id === target);
    const newTours = inserted(v, "tour_requests").filter((t) => t.user_id === v.userId);
    const tour = newTours.find((t) => t.listing_id === target && LIVE_TOUR.includes(String(t.status)));
    return grade(
      {
        home_saved: !!save,
        note_walk_to_caltrain: !!save && norm(save.note) === "walk to caltrain",
        tour_booked: !!tour,
        tour_in_person_saturday_2pm: !!tour && tour.tour_type === "in_person" && tour.starts_at === "2026-03-21 14:00:00",
        nothing_else_saved_or_booked: !!save && !!tour && newSaves.length === 1 && newTours.length === 1 && updated(v, "tour_requests").length === 0,
      },
      { target_listing_id: target, new_saves: newSaves, new_tours: newTours },
    );
  },

  // 1. Offer $845,000 on 12 Alder Ln: financing contingency only, minimum earnest deposit (3%), active pre-approval, closing 2026-04-24.
  1: (v) => {
    const target = listingByStreet(v.initial, "12 Alder Ln");
    const pct = v.initial.get<{ p: number }>("SELECT min_earnest_pct AS p FROM listings WHERE id = ?", target)!.p;
    const minDeposit = Math.ceil((84500000 * pct) / 100);
    const active = v.initial.get<{ id: number }>("SELECT id FROM mortgage_preapprovals WHERE user_id = ? AND status = 'active' AND expires_at > ?", v.userId, nowText(v))!.id;
    const offers = inserted(v, "offers").filter((o) => o.user_id === v.userId);
    const o = offers.find((x) => x.listing_id === target);
    return grade(
      {
        offer_on_12_alder_ln: !!o && o.status === "submitted",
        amount_845000: o?.amount_cents === 84500000,
        minimum_earnest_deposit: o?.earnest_deposit_cents === minDeposit,
        financed_with_active_preapproval: !!o && o.financing_type !== "cash" && o.preapproval_id === active,
        only_financing_contingency: !!o && o.financing_contingency === 1 && o.inspection_contingency === 0 && o.appraisal_contingency === 0 && o.home_sale_contingency === 0,
        closing_april_24: o?.closing_date === "2026-04-24",
        no_other_offers: !!o && offers.length === 1 && updated(v, "offers").length === 0,
      },
      { target_listing_id: target, expected_deposit_cents: minDeposit, expected_preapproval_id: active, new_offers: offers },
    );
  },

  // 2. Saved homes whose price is lower now than on March 1 (the env's month), with the drop.
  2: (v) => {
    const now = nowText(v);
    const monthStart = `${now.slice(0, 7)}-01 00:00:00`;
    const saved = v.initial.all<{ listing_id: number; street_address: string; price_cents: number }>(
      "SELECT s.listing_id, p.street_address, l.price_cents FROM saved_homes s JOIN listings l ON l.id = s.listing_id JOIN properties p ON p.id = l.property_id WHERE s.user_id = ?",
      v.userId,
    );
    const expected: { street: string; drop: number; steps: number[] }[] = [];
    const droppedBefore: string[] = [];
    for (const s of saved) {
      const hist = v.initial.all<{ price_cents: number; changed_at: string }>("SELECT price_cents, changed_at FROM listing_price_history WHERE listing_id = ? ORDER BY changed_at, id", s.listing_id);
      const before = hist.filter((h) => h.changed_at < monthStart);
      const start = before.length ? before[before.length - 1]!.price_cents : hist[0]!.price_cents;
      const during = hist.filter((h) => h.changed_at >= monthStart);
      const steps: number[] = [];
      let prev = start;
      for (const h of during) {
        if (h.price_cents < prev) steps.push(prev - h.price_cents);
        prev = h.price_cents;
      }
      if (s.price_cents < start) expected.push({ street: s.street_address, drop: start - s.price_cents, steps });
      else if (hist.some((h, i) => i > 0 && h.price_cents < hist[i - 1]!.price_cents)) droppedBefore.push(s.street_address);
    }
    const a = v.answer;
    const checks: Record<string, boolean> = {};
    for (const e of expected) {
      const key = norm(e.street).replace(/ /g, "_");
      checks[`names_${key}`] = mentionsStreet(a, e.street);
      checks[`drop_${key}`] = mentionsMoney(a, e.drop) || (e.steps.length > 1 && e.steps.every((s) => mentionsMoney(a, s)));
    }
    checks.no_earlier_drops_listed = !!a && expected.some((e) => mentionsStreet(a, e.street)) && droppedBefore.every((s) => !mentionsStreet(a, s));
    return grade(checks, { expected, dropped_only_before_this_month: droppedBefore });
  },

  // 3. Withdraw the open offer on the Pine St townhouse (2117 Pine St) and message its listing agent.
  3: (v) => {
    const target = v.initial.get<{ id: number; listing_id: number; agent_id: number }>(
      `SELECT o.id, o.listing_id, l.agent_id FROM offers o JOIN listings l ON l.id = o.listing_id JOIN properties p ON p.id = l.property_id
       WHERE o.user_id = ? AND p.street_address LIKE '% Pine St' AND p.property_type = 'townhouse' AND o.status IN ('submitted', 'countered')`,
      v.userId,
    )!;
    const after = v.final.get<{ status: string }>("SELECT status FROM offers WHERE id = ?", target.id);
    const withdrawn = after?.status === "withdrawn";
    const msgs = inserted(v, "messages").filter((m) => m.user_id === v.userId && m.sender === "user");
    const toAgent = msgs.filter((m) => m.agent_id === target.agent_id && String(m.body ?? "").trim().length > 0);
    const otherOffersSame = sameRows(snapshot(v.initial, "offers", "1 = 1"), snapshot(v.final, "offers", "1 = 1"), [target.id]);
    return grade(
      {
        pine_offer_withdrawn: withdrawn,
        listing_agent_messaged: toAgent.length >= 1,
        other_offers_untouched: withdrawn && otherOffersSame,
      },
      { target_offer_id: target.id, listing_agent_id: target.agent_id, new_messages: msgs },
    );
  },

  // 4. "Rockridge family homes": alerts daily, max $1.6M, the rest unchanged; delete "Oakland rentals"; other searches untouched.
  4: (v) => {
    const rock = v.initial.get<Row & { id: number }>("SELECT * FROM saved_searches WHERE user_id = ? AND name = 'Rockridge family homes'", v.userId)!;
    const oak = v.initial.get<{ id: number }>("SELECT id FROM saved_searches WHERE user_id = ? AND name = 'Oakland rentals'", v.userId)!;
    const after = v.final.get<Row & { id: number }>("SELECT * FROM saved_searches WHERE id = ?", rock.id);
    const keep = ["user_id", "name", "listing_type", "city", "neighborhood", "property_type", "min_price_cents", "min_beds", "min_baths", "max_hoa_cents", "keywords"];
    const daily = after?.alert_frequency === "daily";
    const max = after?.max_price_cents === 160000000;
    const oakGone = !v.final.get("SELECT id FROM saved_searches WHERE id = ?", oak.id);
    return grade(
      {
        rockridge_alerts_daily: daily,
        rockridge_max_price_1_6m: max,
        rockridge_other_criteria_unchanged: !!after && (daily || max) && keep.every((k) => after[k] === rock[k]),
        oakland_rentals_deleted: oakGone,
        other_searches_untouched:
          oakGone && sameRows(snapshot(v.initial, "saved_searches", "1 = 1"), snapshot(v.final, "saved_searches", "1 = 1"), [rock.id, oak.id]),
      },
      { rockridge_after: after ?? null, deleted: deleted(v, "saved_searches") },
    );
  },

  // 5. Apply for the cheapest active 2BR Temescal rental allowing cats: move in 2026-04-01, 12 months, income $14,500, 2 occupants, cats.
  5: (v) => {
    const target = v.initial.get<{ id: number }>(
      `SELECT l.id FROM listings l JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id
       WHERE n.name = 'Temescal' AND l.listing_type = 'for_rent' AND l.status = 'active' AND p.beds = 2 AND l.pet_policy IN ('cats_only', 'cats_and_dogs')
       ORDER BY l.price_cents LIMIT 1`,
    )!.id;
    const apps = inserted(v, "rental_applications").filter((r) => r.user_id === v.userId);
    const a = apps.find((r) => r.listing_id === target);
    return grade(
      {
        applied_to_right_rental: !!a && a.status === "submitted",
        move_in_april_1: a?.move_in_date === "2026-04-01",
        lease_12_months: a?.lease_months === 12,
        income_14500: a?.monthly_income_cents === 1450000,
        two_occupants_with_cat: a?.occupants === 2 && a?.pets === "cats",
        only_one_application: !!a && apps.length === 1 && updated(v, "rental_applications").length === 0,
      },
      { target_listing_id: target, new_applications: apps },
    );
  },

  // 6. Move the Thursday (2026-03-19 15:00) tour of 612 Elizabeth St to Friday 2026-03-20 15:00.
  6: (v) => {
    const orig = v.initial.get<TourRow>(
      `SELECT t.* FROM tour_requests t JOIN listings l ON l.id = t.listing_id JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id
       WHERE t.user_id = ? AND n.name = 'Noe Valley' AND p.property_type = 'house' AND t.status IN ('requested', 'confirmed') AND t.starts_at LIKE '2026-03-19 %'`,
      v.userId,
    )!;
    const friday = `2026-03-20 ${orig.starts_at.slice(11)}`;
    const live = tours(v.final, v.userId).filter((t) => t.listing_id === orig.listing_id && LIVE_TOUR.includes(t.status));
    const moved = live.find((t) => t.starts_at === friday);
    const before = tours(v.initial, v.userId).filter((t) => t.listing_id !== orig.listing_id);
    const after = tours(v.final, v.userId).filter((t) => t.listing_id !== orig.listing_id);
    return grade(
      {
        tour_on_friday_same_time: !!moved,
        still_in_person: moved?.tour_type === "in_person",
        thursday_slot_released: !!moved && live.length === 1,
        other_tours_untouched: !!moved && JSON.stringify(before) === JSON.stringify(after),
      },
      { original_tour_id: orig.id, expected_start: friday, live_tours_of_home: live },
    );
  },

  // 7. Lower monthly payment of the two saved Bernal Heights homes at 20% down, 6.25%, 30 years (tax + insurance + HOA).
  7: (v) => {
    const homes = v.initial.all<{ street_address: string; price_cents: number; hoa_monthly_cents: number; property_tax_rate_bps: number }>(
      `SELECT p.street_address, l.price_cents, p.hoa_monthly_cents, n.property_tax_rate_bps FROM saved_homes s JOIN listings l ON l.id = s.listing_id
       JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id WHERE s.user_id = ? AND n.name = 'Bernal Heights' AND l.listing_type = 'for_sale'`,
      v.userId,
    );
    const priced = homes.map((h) => ({ street: h.street_address, monthly_cents: monthlyPayment(h.price_cents, 20, 6.25, 30, h.property_tax_rate_bps, h.hoa_monthly_cents) }));
    const best = priced.reduce((b, h) => (h.monthly_cents < b.monthly_cents ? h : b));
    return grade(
      {
        names_lower_payment_home: mentionsStreet(v.answer, best.street),
        states_its_monthly_payment: mentionsMoney(v.answer, best.monthly_cents, 100),
      },
      { expected: best, all: priced },
    );
  },

  // 8. Cancel upcoming tours of listings that are no longer active; name those homes.
  8: (v) => {
    const now = nowText(v);
    const upcoming = v.initial.all<{ id: number; street_address: string; listing_status: string }>(
      `SELECT t.id, p.street_address, l.status AS listing_status FROM tour_requests t JOIN listings l ON l.id = t.listing_id JOIN properties p ON p.id = l.property_id
       WHERE t.user_id = ? AND t.status IN ('requested', 'confirmed') AND t.starts_at > ? ORDER BY t.id`,
      v.userId,
      now,
    );
    const stale = upcoming.filter((t) => t.listing_status !== "active");
    const keep = upcoming.filter((t) => t.listing_status === "active");
    const status = (id: number) => v.final.get<{ status: string }>("SELECT status FROM tour_requests WHERE id = ?", id)?.status;
    const allCancelled = stale.every((t) => status(t.id) === "cancelled");
    const someCancelled = stale.some((t) => status(t.id) === "cancelled");
    return grade(
      {
        stale_tours_cancelled: allCancelled,
        active_listing_tours_kept: someCancelled && keep.every((t) => LIVE_TOUR.includes(status(t.id) ?? "")),
        no_new_tours: someCancelled && inserted(v, "tour_requests").length === 0,
        names_the_homes: stale.every((t) => mentionsStreet(v.answer, t.street_address)),
      },
      { expected_cancelled: stale, expected_kept: keep.map((t) => t.id) },
    );
  },

  // 9. Video tour of 5521 Lawton Ave at the earliest Friday-afternoon slot free for both the agent and the user (2026-03-20 13:30).
  9: (v) => {
    const target = listingByStreet(v.initial, "5521 Lawton Ave");
    const newTours = inserted(v, "tour_requests").filter((t) => t.user_id === v.userId);
    const t = newTours.find((x) => x.listing_id === target);
    return grade(
      {
        video_tour_booked: !!t && t.tour_type === "video" && LIVE_TOUR.includes(String(t.status)),
        earliest_common_slot_1330: t?.starts_at === "2026-03-20 13:30:00",
        nothing_else_changed: !!t && newTours.length === 1 && updated(v, "tour_requests").length === 0,
      },
      { target_listing_id: target, new_tours: newTours },
    );
  },
});
