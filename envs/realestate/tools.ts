import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const Cents = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(what));
const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-21"), v.description(what));
const DateTimeText = (what: string) =>
  v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?Z?$/, "use a time like 2026-03-21 14:00"), v.description(what));

const PROPERTY_TYPES = ["house", "condo", "townhouse", "apartment", "multi_family"] as const;
const LISTING_TYPES = ["for_sale", "for_rent"] as const;
const LISTING_STATUSES = ["active", "pending", "sold", "rented", "off_market"] as const;
const ALERT_FREQUENCIES = ["instant", "daily", "weekly", "off"] as const;
const TOUR_TYPES = ["in_person", "video"] as const;
const TOUR_STATUSES = ["requested", "confirmed", "completed", "cancelled"] as const;
const OFFER_STATUSES = ["submitted", "countered", "accepted", "rejected", "withdrawn"] as const;
const FINANCING_TYPES = ["cash", "conventional", "jumbo", "fha", "va"] as const;
const CONTINGENCIES = ["financing", "inspection", "appraisal", "home_sale"] as const;
const PETS = ["none", "cats", "dogs", "cats_and_dogs"] as const;
const APPLICATION_STATUSES = ["submitted", "under_review", "approved", "declined", "withdrawn"] as const;

const TOUR_MINUTES = 30;
const INCOME_MULTIPLE = 3;
const INSURANCE_RATE = 0.0035;
const PMI_RATE = 0.005;
const DEFAULT_TAX_BPS = 120;
const OFFER_VALID_HOURS = 72;
const MIN_CLOSING_DAYS = 14;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface ListingRow {
  listing_id: number;
  property_id: number;
  agent_id: number;
  mls_number: string;
  listing_type: "for_sale" | "for_rent";
  status: string;
  price_cents: number;
  headline: string;
  description: string;
  listed_at: string;
  status_changed_at: string;
  closed_at: string | null;
  sold_price_cents: number | null;
  min_earnest_pct: number | null;
  available_from: string | null;
  min_lease_months: number | null;
  pet_policy: string | null;
  security_deposit_cents: number | null;
  application_fee_cents: number | null;
  street_address: string;
  unit: string | null;
  city: string;
  state: string;
  zip: string;
  property_type: string;
  beds: number;
  baths: number;
  sqft: number;
  lot_sqft: number | null;
  year_built: number;
  hoa_monthly_cents: number;
  parking_spaces: number;
  features: string;
  neighborhood_id: number;
  neighborhood: string;
  school_rating: number;
  property_tax_rate_bps: number;
  agent_name: string;
}

interface TourRow {
  id: number;
  user_id: number;
  listing_id: number;
  agent_id: number;
  open_house_id: number | null;
  tour_type: "in_person" | "video";
  starts_at: string;
  ends_at: string;
  status: string;
  note: string;
}

interface OfferRow {
  id: number;
  user_id: number;
  listing_id: number;
  preapproval_id: number | null;
  amount_cents: number;
  earnest_deposit_cents: number;
  financing_type: string;
  status: string;
  counter_amount_cents: number | null;
}

interface PreapprovalRow {
  id: number;
  lender_name: string;
  letter_number: string;
  loan_type: string;
  max_purchase_cents: number;
  expires_at: string;
  status: string;
}

interface SearchCriteria {
  query?: string | null;
  city?: string | null;
  neighborhood?: string | null;
  listing_type?: string | null;
  property_type?: string | null;
  status?: string | null;
  min_price_cents?: number | null;
  max_price_cents?: number | null;
  min_beds?: number | null;
  min_baths?: number | null;
  max_hoa_cents?: number | null;
  pets?: string | null;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function likeWords(text: string | null | undefined): string[] {
  return (text ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_,]/g, "")}%`)
    .filter((w) => w !== "%%");
}

/** 'YYYY-MM-DD HH:MM[:SS]' (or with T / Z) to 'YYYY-MM-DD HH:MM:SS'. */
function normTime(text: string): string {
  const t = text.trim().replace("T", " ").replace(/Z$/, "");
  return t.length === 16 ? `${t}:00` : t;
}

function toDate(ts: string): Date {
  return new Date(`${ts.replace(" ", "T")}Z`);
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function addMinutes(ts: string, minutes: number): string {
  return fmt(new Date(toDate(ts).getTime() + minutes * 60_000));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function validDate(date: string, field: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new ToolError(`${field} ${date} is not a real date`);
  return date;
}

function validTime(text: string, field: string): string {
  const ts = normTime(text);
  const d = toDate(ts);
  if (Number.isNaN(d.getTime()) || fmt(d) !== ts) throw new ToolError(`${field} ${text} is not a real date and time`);
  return ts;
}

function weekday(ts: string): string {
  return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][toDate(ts).getUTCDay()]!;
}

function fullAddress(r: { street_address: string; unit: string | null; city: string; state: string; zip: string }): string {
  return `${r.street_address}${r.unit ? ` ${r.unit}` : ""}, ${r.city}, ${r.state} ${r.zip}`;
}

function daysOnMarket(listedAt: string, closedAt: string | null, now: string): number {
  const end = closedAt ?? now;
  return Math.max(0, Math.floor((toDate(end).getTime() - toDate(listedAt).getTime()) / 86_400_000));
}

const LISTING_FROM = `FROM listings l JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id JOIN agents a ON a.id = l.agent_id`;
const LISTING_COLUMNS = `l.id AS listing_id, l.property_id, l.agent_id, l.mls_number, l.listing_type, l.status, l.price_cents, l.headline, l.description,
  l.listed_at, l.status_changed_at, l.closed_at, l.sold_price_cents, l.min_earnest_pct, l.available_from, l.min_lease_months, l.pet_policy,
  l.security_deposit_cents, l.application_fee_cents, p.street_address, p.unit, p.city, p.state, p.zip, p.property_type, p.beds, p.baths,
  p.sqft, p.lot_sqft, p.year_built, p.hoa_monthly_cents, p.parking_spaces, p.features, n.id AS neighborhood_id, n.name AS neighborhood,
  n.school_rating, n.property_tax_rate_bps, a.full_name AS agent_name`;

function getListing(db: SqlDatabase, listingId: number): ListingRow {
  const l = db.get<ListingRow>(`SELECT ${LISTING_COLUMNS} ${LISTING_FROM} WHERE l.id = ?`, listingId);
  if (!l) throw new ToolError(`listing ${listingId} not found`);
  return l;
}

/** The compact form of a listing used in lists. */
function listingSummary(l: ListingRow, now: string) {
  return {
    listing_id: l.listing_id,
    address: fullAddress(l),
    neighborhood: l.neighborhood,
    listing_type: l.listing_type,
    status: l.status,
    price_cents: l.price_cents,
    price: l.listing_type === "for_rent" ? `${money(l.price_cents)}/mo` : money(l.price_cents),
    property_type: l.property_type,
    beds: l.beds,
    baths: l.baths,
    sqft: l.sqft,
    price_per_sqft_cents: l.listing_type === "for_sale" ? Math.round(l.price_cents / l.sqft) : null,
    hoa_monthly_cents: l.hoa_monthly_cents,
    pet_policy: l.pet_policy,
    available_from: l.available_from,
    listed_at: l.listed_at,
    days_on_market: daysOnMarket(l.listed_at, l.closed_at, now),
    headline: l.headline,
    agent_id: l.agent_id,
    agent_name: l.agent_name,
  };
}

/** WHERE clauses for listing criteria (search_listings and saved searches). */
function listingFilter(c: SearchCriteria): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const w of likeWords(c.query)) {
    where.push(
      "(p.street_address || ' ' || COALESCE(p.unit, '') || ' ' || p.city || ' ' || p.zip || ' ' || n.name || ' ' || l.headline || ' ' || l.description || ' ' || p.features || ' ' || l.mls_number) LIKE ?",
    );
    params.push(w);
  }
  if (c.city && c.city.trim()) {
    where.push("p.city LIKE ?");
    params.push(`%${c.city.trim()}%`);
  }
  if (c.neighborhood && c.neighborhood.trim()) {
    where.push("n.name LIKE ?");
    params.push(`%${c.neighborhood.trim()}%`);
  }
  if (c.listing_type) {
    where.push("l.listing_type = ?");
    params.push(c.listing_type);
  }
  if (c.property_type) {
    where.push("p.property_type = ?");
    params.push(c.property_type);
  }
  if (c.status && c.status !== "any") {
    where.push("l.status = ?");
    params.push(c.status);
  }
  if (c.min_price_cents != null) {
    where.push("l.price_cents >= ?");
    params.push(c.min_price_cents);
  }
  if (c.max_price_cents != null) {
    where.push("l.price_cents <= ?");
    params.push(c.max_price_cents);
  }
  if (c.min_beds != null) {
    where.push("p.beds >= ?");
    params.push(c.min_beds);
  }
  if (c.min_baths != null) {
    where.push("p.baths >= ?");
    params.push(c.min_baths);
  }
  if (c.max_hoa_cents != null) {
    where.push("p.hoa_monthly_cents <= ?");
    params.push(c.max_hoa_cents);
  }
  if (c.pets === "cats") where.push("l.pet_policy IN ('cats_only', 'cats_and_dogs')");
  if (c.pets === "dogs") where.push("l.pet_policy IN ('dogs_only', 'cats_and_dogs')");
  if (c.pets === "cats_and_dogs") where.push("l.pet_policy = 'cats_and_dogs'");
  return { where, params };
}

const SORTS = {
  newest: "l.listed_at DESC, l.id",
  price_asc: "l.price_cents, l.id",
  price_desc: "l.price_cents DESC, l.id",
  sqft_desc: "p.sqft DESC, l.id",
  beds_desc: "p.beds DESC, p.baths DESC, l.id",
  days_on_market: "l.listed_at, l.id",
} as const;
type Sort = keyof typeof SORTS;
const SORT_KEYS = Object.keys(SORTS) as [Sort, ...Sort[]];

function searchPage(ctx: ToolContext, c: SearchCriteria, sort: Sort, limit: number, offset: number) {
  const { where, params } = listingFilter(c);
  const cond = where.length ? `WHERE ${where.join(" AND ")}` : "";
  return page<ListingRow>(
    ctx.db,
    `SELECT ${LISTING_COLUMNS} ${LISTING_FROM} ${cond} ORDER BY ${SORTS[sort]}`,
    `SELECT count(*) AS n ${LISTING_FROM} ${cond}`,
    params,
    limit,
    offset,
    (l) => listingSummary(l, ctx.timestamp),
  );
}

function getAgent(db: SqlDatabase, agentId: number) {
  const a = db.get<{ id: number; full_name: string; agency_name: string; phone: string; email: string }>(
    "SELECT a.id, a.full_name, a.phone, a.email, g.name AS agency_name FROM agents a JOIN agencies g ON g.id = a.agency_id WHERE a.id = ?",
    agentId,
  );
  if (!a) throw new ToolError(`agent ${agentId} not found`);
  return a;
}

function getTour(ctx: ToolContext, tourId: number): TourRow {
  const t = ctx.db.get<TourRow>("SELECT * FROM tour_requests WHERE id = ? AND user_id = ?", tourId, ctx.userId);
  if (!t) throw new ToolError(`tour ${tourId} not found`);
  return t;
}

function tourDetail(ctx: ToolContext, tourId: number) {
  const t = ctx.db.get<Record<string, unknown> & { street_address: string; unit: string | null; city: string; state: string; zip: string; starts_at: string }>(
    `SELECT t.id AS tour_id, t.listing_id, p.street_address, p.unit, p.city, p.state, p.zip, n.name AS neighborhood, l.status AS listing_status,
       t.tour_type, t.starts_at, t.ends_at, t.status, t.open_house_id, t.agent_id, a.full_name AS agent_name, t.note, t.cancel_reason, t.created_at, t.updated_at
     FROM tour_requests t JOIN listings l ON l.id = t.listing_id JOIN properties p ON p.id = l.property_id
     JOIN neighborhoods n ON n.id = p.neighborhood_id JOIN agents a ON a.id = t.agent_id WHERE t.id = ? AND t.user_id = ?`,
    tourId,
    ctx.userId,
  );
  if (!t) throw new ToolError(`tour ${tourId} not found`);
  const { street_address: _s, unit: _u, city: _c, state: _st, zip: _z, ...rest } = t;
  return { ...rest, address: fullAddress(t), weekday: weekday(t.starts_at) };
}

interface TourPlan {
  starts_at: string;
  ends_at: string;
  open_house_id: number | null;
  status: "requested" | "confirmed";
}

/**
 * Checks that a 30-minute tour of `listing` starting at `startText` can be booked for the user
 * (ignoring the tour `excludeId` when rescheduling) and says where it fits.
 */
function planTour(ctx: ToolContext, listing: ListingRow, tourType: "in_person" | "video", startText: string, excludeId: number): TourPlan {
  const where = fullAddress(listing);
  if (listing.status !== "active") throw new ToolError(`${where} is ${listing.status}; tours can only be booked for active listings`);
  const start = validTime(startText, "starts_at");
  if (!/:(00|30):00$/.test(start)) throw new ToolError(`tours start on the hour or half hour; ${start} does not`);
  if (start <= ctx.timestamp) throw new ToolError(`${start} is in the past (it is now ${ctx.timestamp})`);
  const end = addMinutes(start, TOUR_MINUTES);

  const same = ctx.db.get<{ id: number; starts_at: string }>(
    "SELECT id, starts_at FROM tour_requests WHERE user_id = ? AND listing_id = ? AND status IN ('requested', 'confirmed') AND id <> ? AND ends_at > ?",
    ctx.userId,
    listing.listing_id,
    excludeId,
    ctx.timestamp,
  );
  if (same) throw new ToolError(`you already have a tour of ${where} on ${same.starts_at} (tour ${same.id}); reschedule or cancel that one instead`);

  const clash = ctx.db.get<{ id: number; starts_at: string; ends_at: string; street_address: string; unit: string | null }>(
    `SELECT t.id, t.starts_at, t.ends_at, p.street_address, p.unit FROM tour_requests t JOIN listings l ON l.id = t.listing_id JOIN properties p ON p.id = l.property_id
     WHERE t.user_id = ? AND t.status IN ('requested', 'confirmed') AND t.id <> ? AND t.starts_at < ? AND t.ends_at > ?`,
    ctx.userId,
    excludeId,
    end,
    start,
  );
  if (clash) {
    throw new ToolError(
      `you already have a tour of ${clash.street_address}${clash.unit ? ` ${clash.unit}` : ""} from ${clash.starts_at} to ${clash.ends_at} (tour ${clash.id}); pick another time`,
    );
  }

  const oh = ctx.db.get<{ id: number }>(
    "SELECT id FROM open_houses WHERE listing_id = ? AND kind = ? AND status = 'scheduled' AND starts_at <= ? AND ends_at >= ? ORDER BY starts_at",
    listing.listing_id,
    tourType === "in_person" ? "in_person" : "virtual",
    start,
    end,
  );
  if (oh) return { starts_at: start, ends_at: end, open_house_id: oh.id, status: "confirmed" };

  const window = ctx.db.get<{ id: number }>(
    "SELECT id FROM agent_availability WHERE agent_id = ? AND starts_at <= ? AND ends_at >= ?",
    listing.agent_id,
    start,
    end,
  );
  if (!window) {
    throw new ToolError(
      `no ${tourType === "in_person" ? "in-person open house" : "virtual open house"} or availability of agent ${listing.agent_name} covers ${start} to ${end} for ${where}; see get_listing for open houses and get_agent_availability for free slots`,
    );
  }
  const busy = ctx.db.get<{ starts_at: string; ends_at: string }>(
    "SELECT starts_at, ends_at FROM tour_requests WHERE agent_id = ? AND open_house_id IS NULL AND status IN ('requested', 'confirmed') AND id <> ? AND starts_at < ? AND ends_at > ?",
    listing.agent_id,
    excludeId,
    end,
    start,
  );
  if (busy) throw new ToolError(`agent ${listing.agent_name} is already booked from ${busy.starts_at} to ${busy.ends_at}; use get_agent_availability to see free slots`);
  return { starts_at: start, ends_at: end, open_house_id: null, status: "requested" };
}

function getOffer(ctx: ToolContext, offerId: number): OfferRow {
  const o = ctx.db.get<OfferRow>("SELECT * FROM offers WHERE id = ? AND user_id = ?", offerId, ctx.userId);
  if (!o) throw new ToolError(`offer ${offerId} not found`);
  return o;
}

function offerDetail(ctx: ToolContext, offerId: number) {
  const o = ctx.db.get<Record<string, unknown> & { street_address: string; unit: string | null; city: string; state: string; zip: string; amount_cents: number }>(
    `SELECT o.id AS offer_id, o.listing_id, p.street_address, p.unit, p.city, p.state, p.zip, p.property_type, l.status AS listing_status, l.price_cents AS list_price_cents,
       o.amount_cents, o.earnest_deposit_cents, o.financing_type, o.preapproval_id, mp.lender_name AS preapproval_lender,
       o.financing_contingency, o.inspection_contingency, o.appraisal_contingency, o.home_sale_contingency,
       o.closing_date, o.expires_at, o.status, o.counter_amount_cents, o.message, o.withdraw_reason, o.created_at, o.updated_at
     FROM offers o JOIN listings l ON l.id = o.listing_id JOIN properties p ON p.id = l.property_id
     LEFT JOIN mortgage_preapprovals mp ON mp.id = o.preapproval_id WHERE o.id = ? AND o.user_id = ?`,
    offerId,
    ctx.userId,
  );
  if (!o) throw new ToolError(`offer ${offerId} not found`);
  const { street_address: _s, unit: _u, city: _c, state: _st, zip: _z, ...rest } = o;
  const contingencies = CONTINGENCIES.filter((c) => rest[`${c}_contingency`] === 1);
  return { ...rest, address: fullAddress(o), amount: money(o.amount_cents), contingencies };
}

function usablePreapproval(ctx: ToolContext, preapprovalId: number): PreapprovalRow {
  const pa = ctx.db.get<PreapprovalRow>("SELECT * FROM mortgage_preapprovals WHERE id = ? AND user_id = ?", preapprovalId, ctx.userId);
  if (!pa) throw new ToolError(`pre-approval ${preapprovalId} not found`);
  if (pa.status !== "active" || pa.expires_at < ctx.timestamp) {
    throw new ToolError(`pre-approval ${pa.letter_number} from ${pa.lender_name} is ${pa.status === "revoked" ? "revoked" : `expired (${pa.expires_at.slice(0, 10)})`}; use an active one`);
  }
  return pa;
}

function savedSearchRow(ctx: ToolContext, id: number) {
  const s = ctx.db.get<Record<string, unknown> & SearchCriteria & { id: number; name: string; keywords: string | null }>(
    "SELECT * FROM saved_searches WHERE id = ? AND user_id = ?",
    id,
    ctx.userId,
  );
  if (!s) throw new ToolError(`saved search ${id} not found`);
  return s;
}

function savedSearchView(ctx: ToolContext, s: Record<string, unknown> & SearchCriteria & { id: number; keywords: string | null }) {
  const { where, params } = listingFilter({ ...s, query: s.keywords, status: "active" });
  const n = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${LISTING_FROM} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, ...params)!.n;
  const { id, user_id: _u, ...rest } = s;
  return { saved_search_id: id, ...rest, active_matches: n };
}

function checkNeighborhood(db: SqlDatabase, name: string | null | undefined) {
  if (!name || !name.trim()) return;
  if (!db.get("SELECT id FROM neighborhoods WHERE name LIKE ?", `%${name.trim()}%`)) throw new ToolError(`no neighborhood matches '${name.trim()}'; see list_neighborhoods`);
}

/** Monthly payment breakdown in cents. */
function mortgage(priceCents: number, downPct: number, ratePct: number, termYears: number, taxBps: number, hoaCents: number) {
  const down = Math.round((priceCents * downPct) / 100);
  const loan = priceCents - down;
  const r = ratePct / 100 / 12;
  const n = termYears * 12;
  const pi = loan === 0 ? 0 : r === 0 ? Math.round(loan / n) : Math.round((loan * r) / (1 - Math.pow(1 + r, -n)));
  const tax = Math.round((priceCents * taxBps) / 10000 / 12);
  const insurance = Math.round((priceCents * INSURANCE_RATE) / 12);
  const pmi = downPct < 20 ? Math.round((loan * PMI_RATE) / 12) : 0;
  const total = pi + tax + insurance + pmi + hoaCents;
  return {
    price_cents: priceCents,
    down_payment_pct: downPct,
    down_payment_cents: down,
    loan_amount_cents: loan,
    interest_rate_pct: ratePct,
    term_years: termYears,
    principal_and_interest_cents: pi,
    property_tax_cents: tax,
    property_tax_rate_pct: taxBps / 100,
    home_insurance_cents: insurance,
    pmi_cents: pmi,
    hoa_cents: hoaCents,
    total_monthly_cents: total,
    total_monthly: money(total),
  };
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- discovery -----
    search_listings: tool({
      description:
        "Search homes for sale or rent by keywords (street address, neighborhood, headline, features or MLS number; every word must match, street suffixes are abbreviated like St, Ave, Ln, Ct), city, neighborhood, price, beds, baths, property type, HOA and pets. Only active listings unless status says otherwise. Returns a page of listings with listing_id, address, price (rent is per month), beds/baths/sqft, HOA and days on market.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match, e.g. 'Berry St' or 'garden'. Empty matches everything.")), ""),
        city: v.optional(v.pipe(v.string(), v.description("City (partial match), e.g. 'Oakland'."))),
        neighborhood: v.optional(v.pipe(v.string(), v.description("Neighborhood name (partial match), e.g. 'Mission Bay'."))),
        listing_type: v.optional(v.pipe(v.picklist(LISTING_TYPES), v.description("for_sale or for_rent (default both)."))),
        property_type: v.optional(v.pipe(v.picklist(PROPERTY_TYPES), v.description("house, condo, townhouse, apartment or multi_family (default any)."))),
        status: v.optional(v.pipe(v.picklist([...LISTING_STATUSES, "any"]), v.description("Listing status (default active; 'any' for all).")), "active"),
        min_price_cents: v.optional(Cents("Minimum price (sale) or monthly rent, in cents.")),
        max_price_cents: v.optional(Cents("Maximum price (sale) or monthly rent, in cents, e.g. 120000000 for $1.2M.")),
        min_beds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Minimum bedrooms."))),
        min_baths: v.optional(v.pipe(v.number(), v.minValue(0), v.description("Minimum bathrooms (half baths count 0.5)."))),
        max_hoa_cents: v.optional(Cents("Maximum monthly HOA fee in cents.")),
        pets: v.optional(v.pipe(v.picklist(["cats", "dogs", "cats_and_dogs"]), v.description("Rentals only: only listings that allow these pets."))),
        sort: v.optional(v.pipe(v.picklist(SORT_KEYS), v.description("newest (default), price_asc, price_desc, sqft_desc, beds_desc or days_on_market (longest first).")), "newest"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => searchPage(ctx, a, a.sort, a.limit, a.offset),
    }),

    get_listing: tool({
      description:
        "Get one listing in full: property facts, neighborhood (school rating, tax rate), listing agent, price history, upcoming open houses, terms (minimum earnest deposit for sales; deposit, lease, pets and application fee for rentals), and whether you saved it, toured it or made an offer or application. Errors if the listing does not exist.",
      input: v.object({ listing_id: Id("The listing's id (from search_listings).") }),
      handler: ({ listing_id }, ctx) => {
        const l = getListing(ctx.db, listing_id);
        const agent = ctx.db.get("SELECT a.id AS agent_id, a.full_name, a.phone, a.email, g.name AS agency FROM agents a JOIN agencies g ON g.id = a.agency_id WHERE a.id = ?", l.agent_id);
        const saved = ctx.db.get<{ note: string; saved_at: string }>("SELECT note, saved_at FROM saved_homes WHERE user_id = ? AND listing_id = ?", ctx.userId, listing_id);
        return {
          ...listingSummary(l, ctx.timestamp),
          mls_number: l.mls_number,
          description: l.description,
          features: l.features,
          lot_sqft: l.lot_sqft,
          year_built: l.year_built,
          parking_spaces: l.parking_spaces,
          status_changed_at: l.status_changed_at,
          closed_at: l.closed_at,
          sold_price_cents: l.sold_price_cents,
          sale_terms:
            l.listing_type === "for_sale"
              ? { min_earnest_pct: l.min_earnest_pct, min_earnest_deposit_cents: Math.ceil((l.price_cents * (l.min_earnest_pct ?? 0)) / 100), note: "Offers need an earnest money deposit of at least min_earnest_pct of the offer amount." }
              : null,
          rental_terms:
            l.listing_type === "for_rent"
              ? {
                  available_from: l.available_from,
                  min_lease_months: l.min_lease_months,
                  pet_policy: l.pet_policy,
                  security_deposit_cents: l.security_deposit_cents,
                  application_fee_cents: l.application_fee_cents,
                  min_monthly_income_cents: l.price_cents * INCOME_MULTIPLE,
                }
              : null,
          neighborhood_info: { neighborhood_id: l.neighborhood_id, name: l.neighborhood, school_rating: l.school_rating, property_tax_rate_pct: l.property_tax_rate_bps / 100 },
          agent,
          price_history: ctx.db.all("SELECT event, price_cents, changed_at FROM listing_price_history WHERE listing_id = ? ORDER BY changed_at, id", listing_id),
          upcoming_open_houses: ctx.db.all(
            "SELECT id AS open_house_id, kind, starts_at, ends_at, status, notes FROM open_houses WHERE listing_id = ? AND ends_at > ? ORDER BY starts_at",
            listing_id,
            ctx.timestamp,
          ),
          photo_count: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM photos WHERE listing_id = ?", listing_id)!.n,
          saved: saved ? { saved: true, note: saved.note, saved_at: saved.saved_at } : { saved: false },
          your_tours: ctx.db.all("SELECT id AS tour_id, tour_type, starts_at, status FROM tour_requests WHERE user_id = ? AND listing_id = ? ORDER BY starts_at", ctx.userId, listing_id),
          your_offers: ctx.db.all("SELECT id AS offer_id, amount_cents, status, created_at FROM offers WHERE user_id = ? AND listing_id = ? ORDER BY id", ctx.userId, listing_id),
          your_applications: ctx.db.all(
            "SELECT id AS application_id, move_in_date, status, created_at FROM rental_applications WHERE user_id = ? AND listing_id = ? ORDER BY id",
            ctx.userId,
            listing_id,
          ),
        };
      },
    }),

    list_listing_photos: tool({
      description: "List a listing's photos in display order: url, caption, room and size in pixels. Returns a page. Errors if the listing does not exist.",
      input: v.object({ listing_id: Id("The listing's id."), limit: Limit, offset: Offset }),
      handler: ({ listing_id, limit, offset }, ctx) => {
        getListing(ctx.db, listing_id);
        return page(
          ctx.db,
          "SELECT id AS photo_id, position, url, caption, room, width, height FROM photos WHERE listing_id = ? ORDER BY position",
          "SELECT count(*) AS n FROM photos WHERE listing_id = ?",
          [listing_id],
          limit,
          offset,
        );
      },
    }),

    list_open_houses: tool({
      description:
        "List open houses (in person or virtual), soonest first, by listing, city, neighborhood or date range. Without dates only upcoming ones are listed; cancelled ones are left out unless asked. Returns a page with open_house_id, listing_id, address, kind, start and end times.",
      input: v.object({
        listing_id: v.optional(Id("Only this listing's open houses.")),
        city: v.optional(v.pipe(v.string(), v.description("City (partial match)."))),
        neighborhood: v.optional(v.pipe(v.string(), v.description("Neighborhood (partial match)."))),
        date_from: v.optional(DateText("First day, YYYY-MM-DD (default: now).")),
        date_to: v.optional(DateText("Last day, YYYY-MM-DD (inclusive).")),
        kind: v.optional(v.pipe(v.picklist(["in_person", "virtual"]), v.description("Only this kind."))),
        include_cancelled: v.optional(v.pipe(v.boolean(), v.description("Also list cancelled open houses (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (a.listing_id !== undefined) {
          where.push("o.listing_id = ?");
          params.push(a.listing_id);
        }
        if (a.city?.trim()) {
          where.push("p.city LIKE ?");
          params.push(`%${a.city.trim()}%`);
        }
        if (a.neighborhood?.trim()) {
          where.push("n.name LIKE ?");
          params.push(`%${a.neighborhood.trim()}%`);
        }
        if (a.date_from) {
          where.push("o.starts_at >= ?");
          params.push(`${validDate(a.date_from, "date_from")} 00:00:00`);
        } else {
          where.push("o.ends_at > ?");
          params.push(ctx.timestamp);
        }
        if (a.date_to) {
          where.push("o.starts_at < ?");
          params.push(`${addDays(validDate(a.date_to, "date_to"), 1)} 00:00:00`);
        }
        if (a.kind) {
          where.push("o.kind = ?");
          params.push(a.kind);
        }
        if (!a.include_cancelled) where.push("o.status = 'scheduled'");
        const from = `FROM open_houses o JOIN listings l ON l.id = o.listing_id JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id WHERE ${where.join(" AND ")}`;
        return page<Record<string, unknown> & { street_address: string; unit: string | null; city: string; state: string; zip: string; starts_at: string }>(
          ctx.db,
          `SELECT o.id AS open_house_id, o.listing_id, p.street_address, p.unit, p.city, p.state, p.zip, n.name AS neighborhood, l.listing_type, l.status AS listing_status,
             l.price_cents, p.property_type, p.beds, p.baths, o.kind, o.starts_at, o.ends_at, o.status, o.notes ${from} ORDER BY o.starts_at, o.id`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
          (r) => {
            const { street_address: _s, unit: _u, state: _st, zip: _z, ...rest } = r;
            return { ...rest, address: fullAddress(r), weekday: weekday(r.starts_at) };
          },
        );
      },
    }),

    list_neighborhoods: tool({
      description:
        "List neighborhoods with city, school rating (1-10), walk and transit scores, property tax rate and counts of active listings, optionally by city, name or minimum school rating. Returns a page.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Neighborhood name (partial match).")), ""),
        city: v.optional(v.pipe(v.string(), v.description("City (partial match)."))),
        min_school_rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10), v.description("Only neighborhoods rated at least this (1-10)."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = ["n.name LIKE ?"];
        const params: (string | number)[] = [`%${a.query.trim()}%`];
        if (a.city?.trim()) {
          where.push("n.city LIKE ?");
          params.push(`%${a.city.trim()}%`);
        }
        if (a.min_school_rating !== undefined) {
          where.push("n.school_rating >= ?");
          params.push(a.min_school_rating);
        }
        const from = `FROM neighborhoods n WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT n.id AS neighborhood_id, n.name, n.city, n.state, n.school_rating, n.walk_score, n.transit_score, n.property_tax_rate_bps / 100.0 AS property_tax_rate_pct,
             (SELECT count(*) FROM listings l JOIN properties p ON p.id = l.property_id WHERE p.neighborhood_id = n.id AND l.status = 'active' AND l.listing_type = 'for_sale') AS active_for_sale,
             (SELECT count(*) FROM listings l JOIN properties p ON p.id = l.property_id WHERE p.neighborhood_id = n.id AND l.status = 'active' AND l.listing_type = 'for_rent') AS active_for_rent
           ${from} ORDER BY n.city, n.name`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_neighborhood: tool({
      description:
        "Get one neighborhood: description, school rating, walk/transit scores, property tax rate, average asking price of active sale listings, and recent sales. Errors if the neighborhood does not exist.",
      input: v.object({ neighborhood_id: Id("The neighborhood's id (from list_neighborhoods or get_listing).") }),
      handler: ({ neighborhood_id }, ctx) => {
        const n = ctx.db.get<Record<string, unknown> & { property_tax_rate_bps: number }>("SELECT * FROM neighborhoods WHERE id = ?", neighborhood_id);
        if (!n) throw new ToolError(`neighborhood ${neighborhood_id} not found`);
        const stats = ctx.db.get<{ n: number; avg: number | null; min: number | null; max: number | null }>(
          "SELECT count(*) AS n, CAST(AVG(l.price_cents) AS INTEGER) AS avg, MIN(l.price_cents) AS min, MAX(l.price_cents) AS max FROM listings l JOIN properties p ON p.id = l.property_id WHERE p.neighborhood_id = ? AND l.status = 'active' AND l.listing_type = 'for_sale'",
          neighborhood_id,
        )!;
        const { id, property_tax_rate_bps, ...rest } = n;
        return {
          neighborhood_id: id,
          ...rest,
          property_tax_rate_pct: property_tax_rate_bps / 100,
          active_for_sale: stats.n,
          avg_asking_price_cents: stats.avg,
          min_asking_price_cents: stats.min,
          max_asking_price_cents: stats.max,
          recent_sales: ctx.db.all(
            `SELECT l.id AS listing_id, p.street_address, p.unit, p.property_type, p.beds, p.baths, l.price_cents AS list_price_cents, l.sold_price_cents, l.closed_at
             FROM listings l JOIN properties p ON p.id = l.property_id WHERE p.neighborhood_id = ? AND l.status = 'sold' ORDER BY l.closed_at DESC LIMIT 5`,
            neighborhood_id,
          ),
        };
      },
    }),

    search_agents: tool({
      description: "Find real-estate agents by name, agency, language or the city of their agency. Returns a page of agents with agent_id, agency, rating, languages and number of active listings.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words matching the agent's name, agency or languages, e.g. 'Spanish' or 'Okonkwo'.")), ""),
        city: v.optional(v.pipe(v.string(), v.description("City of the agency's office (partial match)."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(a.full_name || ' ' || g.name || ' ' || a.languages) LIKE ?");
          params.push(w);
        }
        if (a.city?.trim()) {
          where.push("g.city LIKE ?");
          params.push(`%${a.city.trim()}%`);
        }
        const from = `FROM agents a JOIN agencies g ON g.id = a.agency_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        return page(
          ctx.db,
          `SELECT a.id AS agent_id, a.full_name, g.name AS agency, g.city AS agency_city, a.phone, a.email, a.languages, a.rating, a.review_count,
             (SELECT count(*) FROM listings l WHERE l.agent_id = a.id AND l.status = 'active') AS active_listings
           ${from} ORDER BY a.full_name`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_agent: tool({
      description: "Get one agent's profile (agency, contact details, license, languages, rating, bio) and their active listings. Errors if the agent does not exist.",
      input: v.object({ agent_id: Id("The agent's id (from get_listing or search_agents).") }),
      handler: ({ agent_id }, ctx) => {
        const a = ctx.db.get<Record<string, unknown>>(
          `SELECT a.id AS agent_id, a.full_name, a.email, a.phone, a.license_number, a.languages, a.rating, a.review_count, a.bio,
             g.id AS agency_id, g.name AS agency, g.phone AS agency_phone, g.website AS agency_website, g.office_address AS agency_office
           FROM agents a JOIN agencies g ON g.id = a.agency_id WHERE a.id = ?`,
          agent_id,
        );
        if (!a) throw new ToolError(`agent ${agent_id} not found`);
        const listings = ctx.db
          .all<ListingRow>(`SELECT ${LISTING_COLUMNS} ${LISTING_FROM} WHERE l.agent_id = ? AND l.status = 'active' ORDER BY l.listed_at DESC`, agent_id)
          .map((l) => listingSummary(l, ctx.timestamp));
        return { ...a, active_listings: listings };
      },
    }),

    get_agent_availability: tool({
      description:
        "Show when an agent can give private tours (outside open houses): their availability windows on one day (or the next 7 days), the 30-minute slots already booked with them, and the free 30-minute start times. Your own other tours are not taken into account here; see list_tours. Errors if the agent does not exist.",
      input: v.object({
        agent_id: Id("The agent's id (listing agents are in get_listing)."),
        date: v.optional(DateText("The day to check, YYYY-MM-DD (default: the next 7 days).")),
      }),
      handler: ({ agent_id, date }, ctx) => {
        const agent = getAgent(ctx.db, agent_id);
        const from = date ? `${validDate(date, "date")} 00:00:00` : ctx.timestamp;
        const to = date ? `${addDays(date, 1)} 00:00:00` : `${addDays(ctx.today, 8)} 00:00:00`;
        const windows = ctx.db.all<{ starts_at: string; ends_at: string }>(
          "SELECT starts_at, ends_at FROM agent_availability WHERE agent_id = ? AND ends_at > ? AND starts_at < ? ORDER BY starts_at",
          agent_id,
          from,
          to,
        );
        const booked = ctx.db.all<{ starts_at: string; ends_at: string }>(
          "SELECT starts_at, ends_at FROM tour_requests WHERE agent_id = ? AND open_house_id IS NULL AND status IN ('requested', 'confirmed') AND ends_at > ? AND starts_at < ? ORDER BY starts_at",
          agent_id,
          from,
          to,
        );
        const free: string[] = [];
        for (const w of windows) {
          for (let s = w.starts_at; addMinutes(s, TOUR_MINUTES) <= w.ends_at; s = addMinutes(s, TOUR_MINUTES)) {
            const e = addMinutes(s, TOUR_MINUTES);
            if (s <= ctx.timestamp) continue;
            if (booked.some((b) => b.starts_at < e && b.ends_at > s)) continue;
            free.push(s);
          }
        }
        return {
          agent_id,
          agent_name: agent.full_name,
          agency: agent.agency_name,
          windows: windows.map((w) => ({ ...w, weekday: weekday(w.starts_at) })),
          booked_slots: booked,
          free_slot_starts: free,
          tour_length_minutes: TOUR_MINUTES,
        };
      },
    }),

    compare_homes: tool({
      description:
        "Compare 2-4 listings side by side: price, price per sqft, beds, baths, sqft, lot, year built, HOA, school rating, days on market and status, plus which is cheapest, largest and lowest per sqft. Errors if a listing does not exist or fewer than 2 distinct listings are given.",
      input: v.object({
        listing_ids: v.pipe(
          v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("A listing id."))),
          v.minLength(1, "give 2 to 4 listing ids"),
          v.maxLength(4, "compare at most 4 listings"),
          v.description("The listings to compare (2-4 ids)."),
        ),
      }),
      handler: ({ listing_ids }, ctx) => {
        const rows = listing_ids.map((id) => getListing(ctx.db, id));
        const ids = new Set(listing_ids);
        if (ids.size < 2) throw new ToolError("give at least 2 different listing ids to compare");
        const homes = rows.map((l) => ({
          ...listingSummary(l, ctx.timestamp),
          lot_sqft: l.lot_sqft,
          year_built: l.year_built,
          parking_spaces: l.parking_spaces,
          school_rating: l.school_rating,
        }));
        const best = (pick: (h: (typeof homes)[number]) => number, dir: 1 | -1) =>
          homes.reduce((b, h) => (dir * pick(h) < dir * pick(b) ? h : b)).listing_id;
        return {
          homes,
          cheapest_listing_id: best((h) => h.price_cents, 1),
          largest_listing_id: best((h) => h.sqft, -1),
          lowest_price_per_sqft_listing_id: best((h) => Math.round(h.price_cents / h.sqft), 1),
          mixed_listing_types: new Set(homes.map((h) => h.listing_type)).size > 1,
        };
      },
    }),

    estimate_mortgage: tool({
      description:
        "Estimate the monthly cost of buying a home: principal and interest (fixed-rate amortization), property tax (the neighborhood's rate, or 1.2% a year without a listing), home insurance (0.35% of the price a year), PMI (0.5% of the loan a year when the down payment is under 20%) and HOA. Give a sale listing_id or a price. Returns each part and the total in cents. Errors for rentals or missing listings.",
      input: v.object({
        listing_id: v.optional(Id("A for-sale listing to price (uses its asking price, HOA and tax rate).")),
        price_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Purchase price in cents, instead of a listing (e.g. an offer amount)."))),
        down_payment_pct: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100), v.description("Down payment as a percent of the price (default 20).")), 20),
        interest_rate_pct: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(20), v.description("Annual interest rate in percent, e.g. 6.25 (default 6.5).")), 6.5),
        term_years: v.optional(v.pipe(v.picklist([10, 15, 20, 30]), v.description("Loan term in years: 10, 15, 20 or 30 (default 30).")), 30),
        hoa_monthly_cents: v.optional(Cents("Monthly HOA in cents when pricing by price_cents (default 0; a listing's own HOA is used otherwise).")),
      }),
      handler: (a, ctx) => {
        if (a.listing_id === undefined && a.price_cents === undefined) throw new ToolError("give a listing_id or a price_cents");
        if (a.listing_id !== undefined) {
          const l = getListing(ctx.db, a.listing_id);
          if (l.listing_type !== "for_sale") throw new ToolError(`${fullAddress(l)} is a rental; mortgage estimates are for homes for sale`);
          const price = a.price_cents ?? l.price_cents;
          return {
            listing_id: l.listing_id,
            address: fullAddress(l),
            ...mortgage(price, a.down_payment_pct, a.interest_rate_pct, a.term_years, l.property_tax_rate_bps, a.hoa_monthly_cents ?? l.hoa_monthly_cents),
          };
        }
        return { listing_id: null, ...mortgage(a.price_cents!, a.down_payment_pct, a.interest_rate_pct, a.term_years, DEFAULT_TAX_BPS, a.hoa_monthly_cents ?? 0) };
      },
    }),

    // ----- saved homes -----
    list_saved_homes: tool({
      description:
        "List your saved (favorited) homes, most recently saved first: listing status, current price, the price when you saved it and the change since, the latest price event, and your note. Returns a page.",
      input: v.object({
        listing_type: v.optional(v.pipe(v.picklist(LISTING_TYPES), v.description("Only for_sale or only for_rent homes."))),
        status: v.optional(v.pipe(v.picklist(LISTING_STATUSES), v.description("Only homes whose listing has this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["s.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.listing_type) {
          where.push("l.listing_type = ?");
          params.push(a.listing_type);
        }
        if (a.status) {
          where.push("l.status = ?");
          params.push(a.status);
        }
        const from = `FROM saved_homes s JOIN listings l ON l.id = s.listing_id JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id JOIN agents a ON a.id = l.agent_id WHERE ${where.join(" AND ")}`;
        return page<ListingRow & { saved_home_id: number; note: string; saved_at: string; price_when_saved: number | null }>(
          ctx.db,
          `SELECT s.id AS saved_home_id, s.note, s.saved_at, ${LISTING_COLUMNS},
             (SELECT h.price_cents FROM listing_price_history h WHERE h.listing_id = l.id AND h.changed_at <= s.saved_at ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) AS price_when_saved
           ${from} ORDER BY s.saved_at DESC, s.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
          (r) => {
            const last = ctx.db.get<{ event: string; price_cents: number; changed_at: string }>(
              "SELECT event, price_cents, changed_at FROM listing_price_history WHERE listing_id = ? ORDER BY changed_at DESC, id DESC LIMIT 1",
              r.listing_id,
            );
            const whenSaved = r.price_when_saved ?? r.price_cents;
            return {
              saved_home_id: r.saved_home_id,
              ...listingSummary(r, ctx.timestamp),
              price_when_saved_cents: whenSaved,
              change_since_saved_cents: r.price_cents - whenSaved,
              latest_price_event: last ?? null,
              note: r.note,
              saved_at: r.saved_at,
            };
          },
        );
      },
    }),

    save_home: tool({
      description: "Save a listing to your saved homes with an optional note. Returns the saved home. Errors if the listing does not exist or is already saved (use update_saved_home_note to change the note).",
      input: v.object({
        listing_id: Id("The listing to save."),
        note: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("A private note, e.g. 'Walk to Caltrain' (default empty).")), ""),
      }),
      handler: ({ listing_id, note }, ctx) => {
        const l = getListing(ctx.db, listing_id);
        const existing = ctx.db.get<{ saved_at: string }>("SELECT saved_at FROM saved_homes WHERE user_id = ? AND listing_id = ?", ctx.userId, listing_id);
        if (existing) throw new ToolError(`${fullAddress(l)} is already in your saved homes (saved ${existing.saved_at}); use update_saved_home_note to change its note`);
        const r = ctx.db.run(
          "INSERT INTO saved_homes (user_id, listing_id, note, saved_at, updated_at) VALUES (?, ?, ?, ?, ?)",
          ctx.userId,
          listing_id,
          note.trim(),
          ctx.timestamp,
          ctx.timestamp,
        );
        return { saved_home_id: r.lastInsertRowid, listing_id, address: fullAddress(l), status: l.status, price_cents: l.price_cents, note: note.trim(), saved_at: ctx.timestamp };
      },
    }),

    update_saved_home_note: tool({
      description: "Replace the note on one of your saved homes. Returns the saved home. Errors if the listing is not in your saved homes.",
      input: v.object({
        listing_id: Id("The saved listing's id."),
        note: v.pipe(v.string(), v.maxLength(500), v.description("The new note (empty clears it).")),
      }),
      handler: ({ listing_id, note }, ctx) => {
        const s = ctx.db.get<{ id: number }>("SELECT id FROM saved_homes WHERE user_id = ? AND listing_id = ?", ctx.userId, listing_id);
        if (!s) throw new ToolError(`listing ${listing_id} is not in your saved homes`);
        ctx.db.run("UPDATE saved_homes SET note = ?, updated_at = ? WHERE id = ?", note.trim(), ctx.timestamp, s.id);
        const l = getListing(ctx.db, listing_id);
        return { saved_home_id: s.id, listing_id, address: fullAddress(l), note: note.trim(), updated_at: ctx.timestamp };
      },
    }),

    unsave_home: tool({
      description: "Remove a listing from your saved homes (the note is deleted with it). Returns the removed listing. Errors if it is not in your saved homes.",
      input: v.object({ listing_id: Id("The saved listing's id.") }),
      handler: ({ listing_id }, ctx) => {
        const s = ctx.db.get<{ id: number }>("SELECT id FROM saved_homes WHERE user_id = ? AND listing_id = ?", ctx.userId, listing_id);
        if (!s) throw new ToolError(`listing ${listing_id} is not in your saved homes`);
        ctx.db.run("DELETE FROM saved_homes WHERE id = ?", s.id);
        const l = getListing(ctx.db, listing_id);
        return { removed_saved_home_id: s.id, listing_id, address: fullAddress(l) };
      },
    }),

    // ----- saved searches -----
    list_saved_searches: tool({
      description: "List your saved searches with their criteria, alert frequency and how many active listings match now. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page<Record<string, unknown> & SearchCriteria & { id: number; keywords: string | null }>(
          ctx.db,
          "SELECT * FROM saved_searches WHERE user_id = ? ORDER BY name",
          "SELECT count(*) AS n FROM saved_searches WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
          (s) => savedSearchView(ctx, s),
        ),
    }),

    create_saved_search: tool({
      description:
        "Save a search with alert emails for new matches. Returns the saved search with its current number of matches. Errors if you already have a search with that name, the neighborhood is unknown or the price range is inverted.",
      input: v.object({
        name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.description("A name for the search, unique among yours, e.g. 'Rockridge family homes'.")),
        listing_type: v.pipe(v.picklist(LISTING_TYPES), v.description("for_sale or for_rent.")),
        city: v.optional(v.pipe(v.string(), v.description("City, e.g. 'Oakland'."))),
        neighborhood: v.optional(v.pipe(v.string(), v.description("Neighborhood name, e.g. 'Rockridge'."))),
        property_type: v.optional(v.pipe(v.picklist(PROPERTY_TYPES), v.description("Property type (default any)."))),
        min_price_cents: v.optional(Cents("Minimum price or monthly rent in cents.")),
        max_price_cents: v.optional(Cents("Maximum price or monthly rent in cents.")),
        min_beds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Minimum bedrooms."))),
        min_baths: v.optional(v.pipe(v.number(), v.minValue(0), v.description("Minimum bathrooms."))),
        max_hoa_cents: v.optional(Cents("Maximum monthly HOA in cents.")),
        keywords: v.optional(v.pipe(v.string(), v.description("Words every match must contain, e.g. 'garden'."))),
        alert_frequency: v.optional(v.pipe(v.picklist(ALERT_FREQUENCIES), v.description("instant, daily (default), weekly or off.")), "daily"),
      }),
      handler: (a, ctx) => {
        if (ctx.db.get("SELECT id FROM saved_searches WHERE user_id = ? AND lower(name) = lower(?)", ctx.userId, a.name)) {
          throw new ToolError(`you already have a saved search named '${a.name}'; use update_saved_search to change it`);
        }
        if (a.min_price_cents !== undefined && a.max_price_cents !== undefined && a.min_price_cents > a.max_price_cents) {
          throw new ToolError("min_price_cents is above max_price_cents");
        }
        checkNeighborhood(ctx.db, a.neighborhood);
        const clean = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
        const r = ctx.db.run(
          `INSERT INTO saved_searches (user_id, name, listing_type, city, neighborhood, property_type, min_price_cents, max_price_cents, min_beds, min_baths,
             max_hoa_cents, keywords, alert_frequency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ctx.userId,
          a.name,
          a.listing_type,
          clean(a.city),
          clean(a.neighborhood),
          a.property_type ?? null,
          a.min_price_cents ?? null,
          a.max_price_cents ?? null,
          a.min_beds ?? null,
          a.min_baths ?? null,
          a.max_hoa_cents ?? null,
          clean(a.keywords),
          a.alert_frequency,
          ctx.timestamp,
          ctx.timestamp,
        );
        return savedSearchView(ctx, savedSearchRow(ctx, r.lastInsertRowid));
      },
    }),

    update_saved_search: tool({
      description:
        "Change a saved search: its name, criteria or alert frequency. Fields left out stay as they are; pass null to clear an optional criterion. Returns the updated search. Errors if it is not yours, nothing changes, the new name is taken or the price range is inverted.",
      input: v.object({
        saved_search_id: Id("The saved search's id (from list_saved_searches)."),
        name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.description("New name."))),
        listing_type: v.optional(v.pipe(v.picklist(LISTING_TYPES), v.description("New listing type."))),
        city: v.optional(v.nullable(v.pipe(v.string(), v.description("New city, or null to clear.")))),
        neighborhood: v.optional(v.nullable(v.pipe(v.string(), v.description("New neighborhood, or null to clear.")))),
        property_type: v.optional(v.nullable(v.pipe(v.picklist(PROPERTY_TYPES), v.description("New property type, or null for any.")))),
        min_price_cents: v.optional(v.nullable(Cents("New minimum price in cents, or null to clear."))),
        max_price_cents: v.optional(v.nullable(Cents("New maximum price in cents, or null to clear."))),
        min_beds: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("New minimum bedrooms, or null to clear.")))),
        min_baths: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.description("New minimum bathrooms, or null to clear.")))),
        max_hoa_cents: v.optional(v.nullable(Cents("New maximum HOA in cents, or null to clear."))),
        keywords: v.optional(v.nullable(v.pipe(v.string(), v.description("New keywords, or null to clear.")))),
        alert_frequency: v.optional(v.pipe(v.picklist(ALERT_FREQUENCIES), v.description("New alert frequency: instant, daily, weekly or off."))),
      }),
      handler: (a, ctx) => {
        const s = savedSearchRow(ctx, a.saved_search_id);
        const fields = ["name", "listing_type", "city", "neighborhood", "property_type", "min_price_cents", "max_price_cents", "min_beds", "min_baths", "max_hoa_cents", "keywords", "alert_frequency"] as const;
        const changes: Record<string, string | number | null> = {};
        for (const f of fields) {
          let value = a[f];
          if (value === undefined) continue;
          if (typeof value === "string" && f !== "listing_type" && f !== "property_type" && f !== "alert_frequency") value = value.trim() === "" ? null : value.trim();
          if (f === "name" && value === null) throw new ToolError("name cannot be empty");
          if ((s as Record<string, unknown>)[f] !== value) changes[f] = value as string | number | null;
        }
        if (Object.keys(changes).length === 0) throw new ToolError(`saved search '${s.name}' already has those settings; nothing to change`);
        if (typeof changes.name === "string" && ctx.db.get("SELECT id FROM saved_searches WHERE user_id = ? AND lower(name) = lower(?) AND id <> ?", ctx.userId, changes.name, s.id)) {
          throw new ToolError(`you already have a saved search named '${changes.name}'`);
        }
        const min = "min_price_cents" in changes ? changes.min_price_cents : (s.min_price_cents ?? null);
        const max = "max_price_cents" in changes ? changes.max_price_cents : (s.max_price_cents ?? null);
        if (min !== null && max !== null && (min as number) > (max as number)) throw new ToolError(`min price ${money(min as number)} would be above max price ${money(max as number)}`);
        if (typeof changes.neighborhood === "string") checkNeighborhood(ctx.db, changes.neighborhood);
        const cols = Object.keys(changes);
        ctx.db.run(
          `UPDATE saved_searches SET ${cols.map((c) => `${c} = ?`).join(", ")}, updated_at = ? WHERE id = ?`,
          ...cols.map((c) => changes[c]!),
          ctx.timestamp,
          s.id,
        );
        return { ...savedSearchView(ctx, savedSearchRow(ctx, s.id)), changed: cols };
      },
    }),

    delete_saved_search: tool({
      description: "Delete one of your saved searches (its alerts stop). Returns the deleted search's id and name. Errors if it is not yours.",
      input: v.object({ saved_search_id: Id("The saved search's id.") }),
      handler: ({ saved_search_id }, ctx) => {
        const s = savedSearchRow(ctx, saved_search_id);
        ctx.db.run("DELETE FROM saved_searches WHERE id = ?", s.id);
        return { deleted_saved_search_id: s.id, name: s.name };
      },
    }),

    run_saved_search: tool({
      description: "Run one of your saved searches now against active listings. Returns a page of matching listings (same shape as search_listings). Errors if the search is not yours.",
      input: v.object({
        saved_search_id: Id("The saved search's id."),
        sort: v.optional(v.pipe(v.picklist(SORT_KEYS), v.description("Sort order (default newest).")), "newest"),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ saved_search_id, sort, limit, offset }, ctx) => {
        const s = savedSearchRow(ctx, saved_search_id);
        return { saved_search: s.name, ...searchPage(ctx, { ...s, query: s.keywords, status: "active" }, sort, limit, offset) };
      },
    }),

    // ----- tours -----
    list_tours: tool({
      description:
        "List your tour requests, soonest first: address, the listing's current status, tour type, time, status (requested, confirmed, completed, cancelled) and agent. Returns a page.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(TOUR_STATUSES), v.description("Only tours with this status."))),
        upcoming_only: v.optional(v.pipe(v.boolean(), v.description("Only tours that have not started yet (default false).")), false),
        listing_id: v.optional(Id("Only tours of this listing.")),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["t.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.status) {
          where.push("t.status = ?");
          params.push(a.status);
        }
        if (a.upcoming_only) {
          where.push("t.starts_at > ?");
          params.push(ctx.timestamp);
        }
        if (a.listing_id !== undefined) {
          where.push("t.listing_id = ?");
          params.push(a.listing_id);
        }
        const cond = where.join(" AND ");
        return page<{ id: number }>(
          ctx.db,
          `SELECT t.id FROM tour_requests t WHERE ${cond} ORDER BY t.starts_at, t.id`,
          `SELECT count(*) AS n FROM tour_requests t WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
          (r) => tourDetail(ctx, r.id),
        );
      },
    }),

    request_tour: tool({
      description:
        "Book a 30-minute tour of an active listing, starting on the hour or half hour. In-person tours fit in one of its in-person open houses or in the listing agent's availability; video tours in a virtual open house or the agent's availability. Open-house tours are confirmed at once, private ones are requested. Errors if the time is past, outside those windows, the agent is booked, it overlaps another of your tours, or you already have a tour of that home.",
      input: v.object({
        listing_id: Id("The listing to tour."),
        tour_type: v.pipe(v.picklist(TOUR_TYPES), v.description("in_person or video.")),
        starts_at: DateTimeText("Start time, 'YYYY-MM-DD HH:MM' (UTC), e.g. '2026-03-21 14:00'."),
        note: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("A note for the agent (optional).")), ""),
      }),
      handler: ({ listing_id, tour_type, starts_at, note }, ctx) => {
        const l = getListing(ctx.db, listing_id);
        const plan = planTour(ctx, l, tour_type, starts_at, 0);
        const r = ctx.db.run(
          `INSERT INTO tour_requests (user_id, listing_id, agent_id, open_house_id, tour_type, starts_at, ends_at, status, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ctx.userId,
          listing_id,
          l.agent_id,
          plan.open_house_id,
          tour_type,
          plan.starts_at,
          plan.ends_at,
          plan.status,
          note.trim(),
          ctx.timestamp,
          ctx.timestamp,
        );
        return tourDetail(ctx, r.lastInsertRowid);
      },
    }),

    reschedule_tour: tool({
      description:
        "Move one of your upcoming tours (requested or confirmed) to a new start time, optionally changing in-person/video. The same rules as request_tour apply. Returns the updated tour. Errors if the tour is not yours, already completed or cancelled, or the new time does not work.",
      input: v.object({
        tour_id: Id("The tour's id (from list_tours)."),
        starts_at: DateTimeText("New start time, 'YYYY-MM-DD HH:MM' (UTC)."),
        tour_type: v.optional(v.pipe(v.picklist(TOUR_TYPES), v.description("New tour type (default: unchanged)."))),
      }),
      handler: ({ tour_id, starts_at, tour_type }, ctx) => {
        const t = getTour(ctx, tour_id);
        if (t.status === "cancelled" || t.status === "completed") throw new ToolError(`tour ${tour_id} is ${t.status} and cannot be rescheduled; request a new tour`);
        if (t.starts_at <= ctx.timestamp) throw new ToolError(`tour ${tour_id} has already started (${t.starts_at})`);
        const type = tour_type ?? t.tour_type;
        const l = getListing(ctx.db, t.listing_id);
        const plan = planTour(ctx, l, type, starts_at, t.id);
        if (plan.starts_at === t.starts_at && type === t.tour_type) throw new ToolError(`tour ${tour_id} is already at ${t.starts_at}`);
        ctx.db.run(
          "UPDATE tour_requests SET tour_type = ?, starts_at = ?, ends_at = ?, open_house_id = ?, status = ?, updated_at = ? WHERE id = ?",
          type,
          plan.starts_at,
          plan.ends_at,
          plan.open_house_id,
          plan.status,
          ctx.timestamp,
          t.id,
        );
        return { ...tourDetail(ctx, t.id), previous_starts_at: t.starts_at };
      },
    }),

    cancel_tour: tool({
      description: "Cancel one of your upcoming tours (requested or confirmed). Returns the cancelled tour. Errors if the tour is not yours, already cancelled or completed, or already started.",
      input: v.object({
        tour_id: Id("The tour's id (from list_tours)."),
        reason: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Why you are cancelling (optional).")), ""),
      }),
      handler: ({ tour_id, reason }, ctx) => {
        const t = getTour(ctx, tour_id);
        if (t.status === "cancelled" || t.status === "completed") throw new ToolError(`tour ${tour_id} is already ${t.status}`);
        if (t.starts_at <= ctx.timestamp) throw new ToolError(`tour ${tour_id} has already started (${t.starts_at}) and cannot be cancelled`);
        ctx.db.run("UPDATE tour_requests SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?", reason.trim() || null, ctx.timestamp, t.id);
        return tourDetail(ctx, t.id);
      },
    }),

    // ----- messages -----
    contact_agent: tool({
      description:
        "Send a message to an agent, about a listing (the message goes to its listing agent) or in general (give agent_id). Returns the sent message. Errors if the listing or agent does not exist, or agent_id is not the listing's agent.",
      input: v.object({
        message: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000), v.description("The message text.")),
        listing_id: v.optional(Id("The listing the message is about; its listing agent receives it.")),
        agent_id: v.optional(Id("The agent to write to (needed when no listing_id is given).")),
      }),
      handler: ({ message, listing_id, agent_id }, ctx) => {
        if (listing_id === undefined && agent_id === undefined) throw new ToolError("give a listing_id or an agent_id");
        let agentId = agent_id;
        let address: string | null = null;
        if (listing_id !== undefined) {
          const l = getListing(ctx.db, listing_id);
          address = fullAddress(l);
          if (agent_id !== undefined) {
            getAgent(ctx.db, agent_id);
            if (agent_id !== l.agent_id) throw new ToolError(`agent ${agent_id} is not the listing agent of ${address}; its agent is ${l.agent_name} (agent ${l.agent_id})`);
          }
          agentId = l.agent_id;
        }
        const agent = getAgent(ctx.db, agentId!);
        const r = ctx.db.run(
          "INSERT INTO messages (user_id, agent_id, listing_id, sender, body, sent_at, is_read) VALUES (?, ?, ?, 'user', ?, ?, 1)",
          ctx.userId,
          agent.id,
          listing_id ?? null,
          message,
          ctx.timestamp,
        );
        return { message_id: r.lastInsertRowid, agent_id: agent.id, agent_name: agent.full_name, listing_id: listing_id ?? null, address, body: message, sent_at: ctx.timestamp };
      },
    }),

    list_messages: tool({
      description: "List your messages with agents, newest first, optionally with one agent or about one listing or only unread replies. Returns a page with sender (user or agent), agent, listing address and text.",
      input: v.object({
        agent_id: v.optional(Id("Only the conversation with this agent.")),
        listing_id: v.optional(Id("Only messages about this listing.")),
        unread_only: v.optional(v.pipe(v.boolean(), v.description("Only unread messages from agents (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["m.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.agent_id !== undefined) {
          where.push("m.agent_id = ?");
          params.push(a.agent_id);
        }
        if (a.listing_id !== undefined) {
          where.push("m.listing_id = ?");
          params.push(a.listing_id);
        }
        if (a.unread_only) where.push("m.is_read = 0 AND m.sender = 'agent'");
        const from = `FROM messages m JOIN agents a ON a.id = m.agent_id LEFT JOIN listings l ON l.id = m.listing_id LEFT JOIN properties p ON p.id = l.property_id WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT m.id AS message_id, m.sender, m.agent_id, a.full_name AS agent_name, m.listing_id,
             CASE WHEN p.id IS NULL THEN NULL ELSE p.street_address || COALESCE(' ' || p.unit, '') END AS address, m.body, m.sent_at, m.is_read
           ${from} ORDER BY m.sent_at DESC, m.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    // ----- financing & offers -----
    list_preapprovals: tool({
      description: "List your mortgage pre-approval letters: lender, letter number, loan type, maximum purchase price, rate, issue and expiry dates, and whether each can still back an offer. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page<Record<string, unknown> & { status: string; expires_at: string }>(
          ctx.db,
          `SELECT id AS preapproval_id, lender_name, letter_number, loan_type, max_purchase_cents, down_payment_pct, interest_rate_bps / 100.0 AS interest_rate_pct,
             issued_at, expires_at, status FROM mortgage_preapprovals WHERE user_id = ? ORDER BY expires_at DESC`,
          "SELECT count(*) AS n FROM mortgage_preapprovals WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
          (r) => ({ ...r, usable: r.status === "active" && r.expires_at >= ctx.timestamp }),
        ),
    }),

    list_offers: tool({
      description: "List your purchase offers, newest first: address, amount, earnest deposit, financing, contingencies, status (submitted, countered, accepted, rejected, withdrawn) and any counter amount. Returns a page.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(OFFER_STATUSES), v.description("Only offers with this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.status) {
          where.push("status = ?");
          params.push(a.status);
        }
        const cond = where.join(" AND ");
        return page<{ id: number }>(
          ctx.db,
          `SELECT id FROM offers WHERE ${cond} ORDER BY created_at DESC, id DESC`,
          `SELECT count(*) AS n FROM offers WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
          (r) => offerDetail(ctx, r.id),
        );
      },
    }),

    get_offer: tool({
      description: "Get one of your offers in full, with the listing's current status and asking price. Errors if the offer is not yours.",
      input: v.object({ offer_id: Id("The offer's id (from list_offers).") }),
      handler: ({ offer_id }, ctx) => offerDetail(ctx, offer_id),
    }),

    make_offer: tool({
      description:
        "Submit a purchase offer on an active for-sale listing. The earnest deposit must be at least the listing's min_earnest_pct of the amount; financed offers need an active, unexpired pre-approval whose maximum covers the amount. The offer is valid for 72 hours. Returns the offer. Errors on rentals, inactive listings, a deposit below the minimum, an offer above the pre-approval, a financing contingency on a cash offer, a closing date under 14 days away, or if you already have an open offer on the home.",
      input: v.object({
        listing_id: Id("The listing to offer on."),
        amount_cents: v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Offer price in cents, e.g. 84500000 for $845,000.")),
        earnest_deposit_cents: Cents("Earnest money deposit in cents."),
        financing_type: v.pipe(v.picklist(FINANCING_TYPES), v.description("cash, conventional, jumbo, fha or va.")),
        preapproval_id: v.optional(Id("Your pre-approval backing a financed offer (from list_preapprovals); required unless cash.")),
        contingencies: v.optional(
          v.pipe(v.array(v.picklist(CONTINGENCIES)), v.description("Contingencies to include: financing, inspection, appraisal, home_sale (default none).")),
          [],
        ),
        closing_date: DateText("Proposed closing date, YYYY-MM-DD (at least 14 days from today)."),
        message: v.optional(v.pipe(v.string(), v.maxLength(2000), v.description("A note to the sellers (optional).")), ""),
      }),
      handler: (a, ctx) => {
        const l = getListing(ctx.db, a.listing_id);
        const where = fullAddress(l);
        if (l.listing_type !== "for_sale") throw new ToolError(`${where} is a rental; use submit_rental_application instead`);
        if (l.status !== "active") throw new ToolError(`${where} is ${l.status}; offers can only be made on active listings`);
        const open = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM offers WHERE user_id = ? AND listing_id = ? AND status IN ('submitted', 'countered')", ctx.userId, a.listing_id);
        if (open) throw new ToolError(`you already have a ${open.status} offer on ${where} (offer ${open.id}); withdraw it first`);
        const minDeposit = Math.ceil((a.amount_cents * (l.min_earnest_pct ?? 0)) / 100);
        if (a.earnest_deposit_cents < minDeposit) {
          throw new ToolError(`the sellers require an earnest deposit of at least ${l.min_earnest_pct}% (${money(minDeposit)} on ${money(a.amount_cents)}); you offered ${money(a.earnest_deposit_cents)}`);
        }
        if (a.earnest_deposit_cents > a.amount_cents) throw new ToolError("the earnest deposit cannot exceed the offer amount");
        const contingencies = new Set(a.contingencies);
        let preapprovalId: number | null = null;
        if (a.financing_type === "cash") {
          if (contingencies.has("financing")) throw new ToolError("a cash offer cannot have a financing contingency");
          if (a.preapproval_id !== undefined) usablePreapproval(ctx, a.preapproval_id);
        } else {
          if (a.preapproval_id === undefined) throw new ToolError("a financed offer needs a preapproval_id; see list_preapprovals");
          const pa = usablePreapproval(ctx, a.preapproval_id);
          if (a.amount_cents > pa.max_purchase_cents) {
            throw new ToolError(`${money(a.amount_cents)} is above your pre-approval ${pa.letter_number} (max ${money(pa.max_purchase_cents)})`);
          }
          preapprovalId = pa.id;
        }
        const closing = validDate(a.closing_date, "closing_date");
        if (closing < addDays(ctx.today, MIN_CLOSING_DAYS)) throw new ToolError(`closing_date must be at least ${MIN_CLOSING_DAYS} days away (on or after ${addDays(ctx.today, MIN_CLOSING_DAYS)})`);
        if (closing > addDays(ctx.today, 180)) throw new ToolError("closing_date must be within 180 days");
        const r = ctx.db.run(
          `INSERT INTO offers (user_id, listing_id, preapproval_id, amount_cents, earnest_deposit_cents, financing_type, financing_contingency, inspection_contingency,
             appraisal_contingency, home_sale_contingency, closing_date, expires_at, status, counter_amount_cents, message, withdraw_reason, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', NULL, ?, NULL, ?, ?)`,
          ctx.userId,
          a.listing_id,
          preapprovalId,
          a.amount_cents,
          a.earnest_deposit_cents,
          a.financing_type,
          contingencies.has("financing") ? 1 : 0,
          contingencies.has("inspection") ? 1 : 0,
          contingencies.has("appraisal") ? 1 : 0,
          contingencies.has("home_sale") ? 1 : 0,
          closing,
          addMinutes(ctx.timestamp, OFFER_VALID_HOURS * 60),
          a.message.trim(),
          ctx.timestamp,
          ctx.timestamp,
        );
        return offerDetail(ctx, r.lastInsertRowid);
      },
    }),

    withdraw_offer: tool({
      description: "Withdraw one of your open offers (submitted or countered). Returns the withdrawn offer. Errors if the offer is not yours or is already accepted, rejected or withdrawn.",
      input: v.object({
        offer_id: Id("The offer's id (from list_offers)."),
        reason: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Why you are withdrawing (optional).")), ""),
      }),
      handler: ({ offer_id, reason }, ctx) => {
        const o = getOffer(ctx, offer_id);
        if (o.status !== "submitted" && o.status !== "countered") throw new ToolError(`offer ${offer_id} is ${o.status} and can no longer be withdrawn`);
        ctx.db.run("UPDATE offers SET status = 'withdrawn', withdraw_reason = ?, updated_at = ? WHERE id = ?", reason.trim() || null, ctx.timestamp, o.id);
        return offerDetail(ctx, o.id);
      },
    }),

    accept_counter_offer: tool({
      description:
        "Accept the sellers' counter on one of your offers: the offer becomes accepted at the counter amount, the listing goes pending and other buyers' open offers on it are rejected. Returns the accepted offer. Errors if the offer is not countered, the listing is no longer active, or the counter is above your pre-approval.",
      input: v.object({ offer_id: Id("The countered offer's id (from list_offers).") }),
      handler: ({ offer_id }, ctx) => {
        const o = getOffer(ctx, offer_id);
        if (o.status !== "countered" || o.counter_amount_cents === null) throw new ToolError(`offer ${offer_id} is ${o.status}, not countered; there is no counter to accept`);
        const l = getListing(ctx.db, o.listing_id);
        if (l.status !== "active") throw new ToolError(`${fullAddress(l)} is ${l.status}; the counter can no longer be accepted`);
        if (o.financing_type !== "cash") {
          if (o.preapproval_id === null) throw new ToolError(`offer ${offer_id} has no pre-approval on file`);
          const pa = usablePreapproval(ctx, o.preapproval_id);
          if (o.counter_amount_cents > pa.max_purchase_cents) throw new ToolError(`the counter ${money(o.counter_amount_cents)} is above your pre-approval (max ${money(pa.max_purchase_cents)})`);
        }
        const minDeposit = Math.ceil((o.counter_amount_cents * (l.min_earnest_pct ?? 0)) / 100);
        const deposit = Math.max(o.earnest_deposit_cents, minDeposit);
        ctx.db.run("UPDATE offers SET status = 'accepted', amount_cents = ?, earnest_deposit_cents = ?, updated_at = ? WHERE id = ?", o.counter_amount_cents, deposit, ctx.timestamp, o.id);
        ctx.db.run(
          "UPDATE offers SET status = 'rejected', updated_at = ? WHERE listing_id = ? AND id <> ? AND status IN ('submitted', 'countered')",
          ctx.timestamp,
          o.listing_id,
          o.id,
        );
        ctx.db.run("UPDATE listings SET status = 'pending', status_changed_at = ? WHERE id = ?", ctx.timestamp, l.listing_id);
        ctx.db.run("INSERT INTO listing_price_history (listing_id, event, price_cents, changed_at) VALUES (?, 'pending', ?, ?)", l.listing_id, l.price_cents, ctx.timestamp);
        return { ...offerDetail(ctx, o.id), earnest_deposit_raised: deposit !== o.earnest_deposit_cents };
      },
    }),

    // ----- rentals -----
    submit_rental_application: tool({
      description:
        "Apply to rent an active for-rent listing; the listing's application fee is charged. Returns the application. Errors on for-sale or inactive listings, a move-in date before the home is available (or more than 90 days out), a lease shorter than the minimum, a monthly income under 3x the rent, pets the listing does not allow, more than 2 occupants per bedroom plus one, or an open application of yours on the same home.",
      input: v.object({
        listing_id: Id("The rental listing to apply for."),
        move_in_date: DateText("Desired move-in date, YYYY-MM-DD."),
        lease_months: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36), v.description("Lease length in months.")),
        monthly_income_cents: Cents("Household gross monthly income in cents."),
        occupants: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12), v.description("Number of people who will live there.")),
        pets: v.optional(v.pipe(v.picklist(PETS), v.description("Pets moving in: none (default), cats, dogs or cats_and_dogs.")), "none"),
        message: v.optional(v.pipe(v.string(), v.maxLength(2000), v.description("A note to the landlord (optional).")), ""),
      }),
      handler: (a, ctx) => {
        const l = getListing(ctx.db, a.listing_id);
        const where = fullAddress(l);
        if (l.listing_type !== "for_rent") throw new ToolError(`${where} is for sale; use make_offer instead`);
        if (l.status !== "active") throw new ToolError(`${where} is ${l.status}; applications are only accepted for active rentals`);
        const open = ctx.db.get<{ id: number; status: string }>(
          "SELECT id, status FROM rental_applications WHERE user_id = ? AND listing_id = ? AND status IN ('submitted', 'under_review', 'approved')",
          ctx.userId,
          a.listing_id,
        );
        if (open) throw new ToolError(`you already have an application (${open.id}, ${open.status}) for ${where}`);
        const moveIn = validDate(a.move_in_date, "move_in_date");
        const earliest = l.available_from! > ctx.today ? l.available_from! : ctx.today;
        if (moveIn < earliest) throw new ToolError(`${where} is available from ${l.available_from}; move_in_date must be on or after ${earliest}`);
        if (moveIn > addDays(ctx.today, 90)) throw new ToolError("move_in_date must be within 90 days");
        if (a.lease_months < l.min_lease_months!) throw new ToolError(`${where} requires a lease of at least ${l.min_lease_months} months`);
        const needed = l.price_cents * INCOME_MULTIPLE;
        if (a.monthly_income_cents < needed) throw new ToolError(`a monthly income of at least ${INCOME_MULTIPLE}x the rent (${money(needed)}) is required; you gave ${money(a.monthly_income_cents)}`);
        const allowed: Record<string, string[]> = {
          no_pets: ["none"],
          cats_only: ["none", "cats"],
          dogs_only: ["none", "dogs"],
          cats_and_dogs: ["none", "cats", "dogs", "cats_and_dogs"],
        };
        if (!allowed[l.pet_policy!]!.includes(a.pets)) throw new ToolError(`${where} does not allow ${a.pets.replace(/_/g, " ")} (pet policy: ${l.pet_policy!.replace(/_/g, " ")})`);
        const maxOccupants = l.beds * 2 + 1;
        if (a.occupants > maxOccupants) throw new ToolError(`at most ${maxOccupants} occupants are allowed in a ${l.beds}-bedroom home`);
        const r = ctx.db.run(
          `INSERT INTO rental_applications (user_id, listing_id, move_in_date, lease_months, monthly_income_cents, occupants, pets, application_fee_cents, message, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)`,
          ctx.userId,
          a.listing_id,
          moveIn,
          a.lease_months,
          a.monthly_income_cents,
          a.occupants,
          a.pets,
          l.application_fee_cents ?? 0,
          a.message.trim(),
          ctx.timestamp,
          ctx.timestamp,
        );
        return {
          application_id: r.lastInsertRowid,
          listing_id: a.listing_id,
          address: where,
          monthly_rent_cents: l.price_cents,
          move_in_date: moveIn,
          lease_months: a.lease_months,
          occupants: a.occupants,
          pets: a.pets,
          application_fee_cents: l.application_fee_cents ?? 0,
          status: "submitted",
          created_at: ctx.timestamp,
        };
      },
    }),

    list_rental_applications: tool({
      description: "List your rental applications, newest first: address, rent, move-in date, lease, pets, fee and status (submitted, under_review, approved, declined, withdrawn). Returns a page.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(APPLICATION_STATUSES), v.description("Only applications with this status."))),
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
        const from = `FROM rental_applications r JOIN listings l ON l.id = r.listing_id JOIN properties p ON p.id = l.property_id WHERE ${where.join(" AND ")}`;
        return page<Record<string, unknown> & { street_address: string; unit: string | null; city: string; state: string; zip: string }>(
          ctx.db,
          `SELECT r.id AS application_id, r.listing_id, p.street_address, p.unit, p.city, p.state, p.zip, l.status AS listing_status, l.price_cents AS monthly_rent_cents,
             r.move_in_date, r.lease_months, r.monthly_income_cents, r.occupants, r.pets, r.application_fee_cents, r.message, r.status, r.created_at, r.updated_at
           ${from} ORDER BY r.created_at DESC, r.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
          (r) => {
            const { street_address: _s, unit: _u, city: _c, state: _st, zip: _z, ...rest } = r;
            return { ...rest, address: fullAddress(r) };
          },
        );
      },
    }),

    withdraw_rental_application: tool({
      description: "Withdraw one of your rental applications that is still submitted or under review (the fee is not refunded). Returns the application. Errors if it is not yours or already approved, declined or withdrawn.",
      input: v.object({ application_id: Id("The application's id (from list_rental_applications).") }),
      handler: ({ application_id }, ctx) => {
        const r = ctx.db.get<{ id: number; status: string; listing_id: number }>("SELECT id, status, listing_id FROM rental_applications WHERE id = ? AND user_id = ?", application_id, ctx.userId);
        if (!r) throw new ToolError(`rental application ${application_id} not found`);
        if (r.status !== "submitted" && r.status !== "under_review") throw new ToolError(`rental application ${application_id} is ${r.status} and can no longer be withdrawn`);
        ctx.db.run("UPDATE rental_applications SET status = 'withdrawn', updated_at = ? WHERE id = ?", ctx.timestamp, r.id);
        const l = getListing(ctx.db, r.listing_id);
        return { application_id: r.id, listing_id: r.listing_id, address: fullAddress(l), status: "withdrawn", updated_at: ctx.timestamp };
      },
    }),

    // ----- history -----
    list_viewed_homes: tool({
      description: "List the homes you viewed recently (on any device), most recent first, with how many times and when you last viewed each and its current status and price. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page<ListingRow & { views: number; last_viewed_at: string }>(
          ctx.db,
          `SELECT ${LISTING_COLUMNS}, vv.views, vv.last_viewed_at
           FROM (SELECT listing_id, count(*) AS views, MAX(viewed_at) AS last_viewed_at FROM viewed_listings WHERE user_id = ? GROUP BY listing_id) vv
           JOIN listings l ON l.id = vv.listing_id JOIN properties p ON p.id = l.property_id JOIN neighborhoods n ON n.id = p.neighborhood_id JOIN agents a ON a.id = l.agent_id
           ORDER BY vv.last_viewed_at DESC, l.id`,
          "SELECT count(DISTINCT listing_id) AS n FROM viewed_listings WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
          (r) => ({ ...listingSummary(r, ctx.timestamp), views: r.views, last_viewed_at: r.last_viewed_at }),
        ),
    }),
  },
});
