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

/** True if the text names the date (YYYY-MM-DD) in a common format: 2026-03-18, March 18, Mar 18th, 18 March, 3/18. */
function mentionsDate(text: string | undefined, iso: string): boolean {
  if (!text) return false;
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const full = months[month - 1]!;
  const abbr = full.slice(0, 3);
  const t = text.toLowerCase();
  if (t.includes(iso)) return true;
  const name = `(?:${full}|${abbr}\\.?)`;
  const patterns = [
    new RegExp(`\\b${name}\\s+0?${day}(?:st|nd|rd|th)?\\b`),
    new RegExp(`\\b0?${day}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${name}\\b`),
    new RegExp(`(?<![\\d/])0?${month}/0?${day}(?![\\d])`),
  ];
  return patterns.some((p) => p.test(t));
}

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The new Home street of task 5, normalised by norm(). */
const NEW_STREET = /^48 alder st(reet)? (apt |apartment |unit |suite )?3 ?b$/;

function variantId(db: SqlReader, productName: string, color: string | null, size: string | null): number {
  const r = db.get<{ id: number }>(
    "SELECT pv.id FROM product_variants pv JOIN products p ON p.id = pv.product_id WHERE p.name = ? AND pv.color IS ? AND pv.size IS ?",
    productName,
    color,
    size,
  );
  if (!r) throw new Error(`seed has no variant ${productName} ${color}/${size}`);
  return r.id;
}

function stock(db: SqlReader, id: number): number {
  return db.get<{ stock: number }>("SELECT stock FROM product_variants WHERE id = ?", id)!.stock;
}

type CartLineRow = { variant_id: number; quantity: number };
function cartLines(db: SqlReader, userId: number): CartLineRow[] {
  return db.all<CartLineRow>(
    "SELECT ci.variant_id, ci.quantity FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = ? ORDER BY ci.variant_id",
    userId,
  );
}

type NewReturnItem = { return_id: number; order_id: number; status: string; order_item_id: number; quantity: number; reason: string; refund_cents: number };
/** Return items (with their return) created during the episode by the user. */
function newReturnItems(v: VerifierContext): NewReturnItem[] {
  const ids = inserted(v, "returns")
    .filter((r) => r.user_id === v.userId)
    .map((r) => r.id as number);
  if (ids.length === 0) return [];
  return v.final.all<NewReturnItem>(
    `SELECT ri.return_id, r.order_id, r.status, ri.order_item_id, ri.quantity, ri.reason, ri.refund_cents
     FROM return_items ri JOIN returns r ON r.id = ri.return_id WHERE r.id IN (${ids.map(() => "?").join(",")}) ORDER BY ri.order_item_id`,
    ...ids,
  );
}

function orderItemId(db: SqlReader, userId: number, productName: string, variantLabel: string, placedFrom: string, placedTo: string): { id: number; order_id: number; paid: number } {
  const r = db.get<{ id: number; order_id: number; paid: number }>(
    `SELECT oi.id, oi.order_id, oi.unit_price_cents * oi.quantity - oi.discount_cents AS paid FROM order_items oi JOIN orders o ON o.id = oi.order_id
     WHERE o.user_id = ? AND oi.product_name = ? AND oi.variant_label = ? AND o.placed_at >= ? AND o.placed_at < ?`,
    userId,
    productName,
    variantLabel,
    placedFrom,
    placedTo,
  );
  if (!r) throw new Error(`seed has no order item ${productName} ${variantLabel}`);
  return r;
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Return the blue (Ocean Blue, M) hoodie from last week's order, reason too small.
  0: (v) => {
    const target = orderItemId(v.initial, v.userId, "Harbor Fleece Hoodie", "Ocean Blue / M", "2026-03-09 00:00:00", "2026-03-16 00:00:00");
    const items = newReturnItems(v);
    const mine = items.filter((i) => i.order_item_id === target.id);
    const hit = mine.length === 1 ? mine[0]! : undefined;
    return grade(
      {
        hoodie_return_started: !!hit && hit.status === "requested" && hit.order_id === target.order_id,
        quantity_one: hit?.quantity === 1,
        reason_too_small: hit?.reason === "too_small",
        refund_full_price: hit?.refund_cents === target.paid,
        nothing_else_returned: !!hit && items.length === 1,
      },
      { expected_order_item_id: target.id, new_return_items: items },
    );
  },

  // 1. Checkout: 2 x Yirgacheffe Arabica beans, Work address, SPRING10, Mastercard; rest of cart untouched.
  1: (v) => {
    const beans = variantId(v.initial, "Yirgacheffe Arabica Coffee Beans 500 g", null, "500 g");
    const work = v.initial.get<{ id: number }>("SELECT id FROM addresses WHERE user_id = ? AND label = 'Work'", v.userId)!.id;
    const mc = v.initial.get<{ id: number }>("SELECT id FROM payment_methods WHERE user_id = ? AND brand = 'Mastercard' AND status = 'active'", v.userId)!.id;
    const spring = v.initial.get<{ id: number }>("SELECT id FROM coupons WHERE code = 'SPRING10'")!.id;
    const orders = inserted(v, "orders").filter((o) => o.user_id === v.userId);
    const o = orders.length === 1 ? v.final.get<Record<string, number | string>>("SELECT * FROM orders WHERE id = ?", orders[0]!.id as number) : undefined;
    const items = o ? v.final.all<{ variant_id: number; quantity: number }>("SELECT variant_id, quantity FROM order_items WHERE order_id = ?", o.id as number) : [];
    const price = v.initial.get<{ p: number }>("SELECT price_cents AS p FROM product_variants WHERE id = ?", beans)!.p;
    const subtotal = price * 2;
    const discount = Math.round(subtotal * 0.1);
    const shipping = subtotal - discount >= 5000 ? 0 : 599;
    const charged = o ? v.final.get<{ n: number }>("SELECT COALESCE(SUM(amount_cents), 0) AS n FROM payments WHERE order_id = ? AND type = 'charge' AND status = 'succeeded' AND payment_method_id = ?", o.id as number, mc)!.n : 0;
    const cartBefore = cartLines(v.initial, v.userId);
    const cartAfter = cartLines(v.final, v.userId);
    return grade(
      {
        one_new_order: !!o,
        only_two_packs_of_beans: items.length === 1 && items[0]!.variant_id === beans && items[0]!.quantity === 2,
        ships_to_work: o?.address_id === work,
        coupon_spring10_applied: o?.coupon_id === spring && o?.discount_cents === discount,
        paid_with_mastercard: o?.payment_method_id === mc && charged === subtotal - discount + shipping && o?.total_cents === charged,
        stock_decremented: stock(v.final, beans) === stock(v.initial, beans) - 2,
        rest_of_cart_kept: !!o && JSON.stringify(cartAfter) === JSON.stringify(cartBefore),
      },
      { expected_total_cents: subtotal - discount + shipping, new_orders: orders.length },
    );
  },

  // 2. Question: total charged for February 2026 orders, excluding cancelled ones.
  2: (v) => {
    const expected = v.initial.get<{ n: number }>(
      "SELECT COALESCE(SUM(total_cents), 0) AS n FROM orders WHERE user_id = ? AND status <> 'cancelled' AND placed_at >= '2026-02-01 00:00:00' AND placed_at < '2026-03-01 00:00:00'",
      v.userId,
    )!.n;
    return grade({ answer_has_total: mentionsMoney(v.answer, expected) }, { expected_cents: expected });
  },

  // 3. Cancel Saturday's (2026-03-14) tent order for a better price, and report the refund.
  3: (v) => {
    const o = v.initial.get<{ id: number; total_cents: number; payment_method_id: number }>(
      `SELECT o.id, o.total_cents, o.payment_method_id FROM orders o WHERE o.user_id = ? AND o.placed_at >= '2026-03-14 00:00:00' AND o.placed_at < '2026-03-15 00:00:00'
       AND EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id AND oi.product_name = 'Trailblazer 2-Person Tent')`,
      v.userId,
    )!;
    const after = v.final.get<{ status: string; cancel_reason: string | null }>("SELECT status, cancel_reason FROM orders WHERE id = ?", o.id)!;
    const items = v.initial.all<{ variant_id: number; quantity: number }>("SELECT variant_id, quantity FROM order_items WHERE order_id = ?", o.id);
    const restocked = items.every((i) => stock(v.final, i.variant_id) === stock(v.initial, i.variant_id) + i.quantity);
    const refunds = inserted(v, "payments").filter((p) => p.order_id === o.id && p.type === "refund");
    const cancelled = after.status === "cancelled";
    const othersChanged = v.final.get<{ n: number }>(
      "SELECT count(*) AS n FROM orders WHERE id <> ? AND status = 'cancelled' AND cancelled_at >= '2026-03-16 00:00:00'",
      o.id,
    )!.n;
    return grade(
      {
        tent_order_cancelled: cancelled,
        reason_found_better_price: after.cancel_reason === "found_better_price",
        items_restocked: cancelled && restocked,
        refunded_in_full: refunds.length === 1 && refunds[0]!.amount_cents === o.total_cents && refunds[0]!.payment_method_id === o.payment_method_id,
        no_other_order_cancelled: cancelled && othersChanged === 0,
        answer_has_refund: mentionsMoney(v.answer, o.total_cents),
      },
      { order_id: o.id, expected_refund_cents: o.total_cents },
    );
  },

  // 4. 4-star review of the Copper Bloom French Press (bought in January).
  4: (v) => {
    const product = v.initial.get<{ id: number }>("SELECT id FROM products WHERE name = 'Copper Bloom French Press 800 ml'")!.id;
    const r = v.final.get<{ rating: number; title: string; body: string }>("SELECT rating, title, body FROM reviews WHERE user_id = ? AND product_id = ?", v.userId, product);
    const wasThere = !!v.initial.get("SELECT 1 FROM reviews WHERE user_id = ? AND product_id = ?", v.userId, product);
    const created = !!r && !wasThere;
    const body = (r?.body ?? "").toLowerCase();
    const otherReviewsChanged = (v.diff.tables.reviews?.updated.length ?? 0) + (v.diff.tables.reviews?.deleted.length ?? 0) + inserted(v, "reviews").filter((x) => x.product_id !== product).length;
    return grade(
      {
        review_created: created,
        four_stars: created && r!.rating === 4,
        title_exact: created && norm(r!.title) === "great everyday press",
        body_mentions_thin_glass: created && body.includes("glass") && body.includes("thin"),
        no_other_reviews_touched: created && otherReviewsChanged === 0,
      },
      { product_id: product },
    );
  },

  // 5. Update the Home address in place (or re-create it as Home) and re-point the unshipped headphones order to it.
  5: (v) => {
    const home = v.final.get<Record<string, string | number | null>>("SELECT * FROM addresses WHERE user_id = ? AND label = 'Home'", v.userId);
    // The street may be split over line1/line2 or written on one line: "48 Alder Street, Apt 3B", "48 Alder St #3B".
    const street = (l1: unknown, l2: unknown) => NEW_STREET.test(norm(`${l1 ?? ""} ${l2 ?? ""}`));
    const homeOk =
      !!home &&
      street(home.line1, home.line2) &&
      norm(home.city) === "portland" &&
      ["or", "oregon"].includes(norm(home.region)) &&
      norm(home.postal_code) === "97214";
    const headphones = v.initial.get<{ id: number }>(
      "SELECT o.id FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.user_id = ? AND o.status = 'placed' AND oi.product_name = 'Aurora ANC Wireless Headphones'",
      v.userId,
    )!.id;
    const o = v.final.get<Record<string, string | number | null>>("SELECT * FROM orders WHERE id = ?", headphones)!;
    const orderOk = !!home && o.address_id === home.id && street(o.ship_to_line1, o.ship_to_line2) && norm(o.ship_to_postal_code) === "97214" && o.status === "placed";
    const updatedOrders = (v.diff.tables.orders?.updated ?? []).map((u) => u.key.id);
    const workBefore = v.initial.get("SELECT label, line1, line2, city, postal_code FROM addresses WHERE user_id = ? AND label = 'Work'", v.userId);
    const workAfter = v.final.get("SELECT label, line1, line2, city, postal_code FROM addresses WHERE user_id = ? AND label = 'Work'", v.userId);
    return grade(
      {
        home_address_updated: homeOk,
        home_still_default: homeOk && home!.is_default === 1,
        headphones_order_ships_home: orderOk,
        other_orders_untouched: orderOk && updatedOrders.every((id) => id === headphones),
        work_address_kept: homeOk && JSON.stringify(workBefore) === JSON.stringify(workAfter),
      },
      { headphones_order_id: headphones, home_after: home ?? null },
    );
  },

  // 6. Shoes from wishlist to cart in size 9; remove discontinued products from the wishlist.
  6: (v) => {
    const size9 = variantId(v.initial, "Ridgeline Trail Running Shoe", "Moss Green", "9");
    const shoe = v.initial.get<{ id: number }>("SELECT id FROM products WHERE name = 'Ridgeline Trail Running Shoe'")!.id;
    const wishBefore = v.initial.all<{ id: number; product_id: number; status: string }>(
      "SELECT w.id, w.product_id, p.status FROM wishlist_items w JOIN products p ON p.id = w.product_id WHERE w.user_id = ?",
      v.userId,
    );
    const wishAfter = new Set(v.final.all<{ product_id: number }>("SELECT product_id FROM wishlist_items WHERE user_id = ?", v.userId).map((w) => w.product_id));
    const discontinued = wishBefore.filter((w) => w.status === "discontinued");
    const keep = wishBefore.filter((w) => w.status !== "discontinued" && w.product_id !== shoe);
    const cartBefore = cartLines(v.initial, v.userId);
    const cartAfter = cartLines(v.final, v.userId);
    const shoeLine = cartAfter.filter((l) => l.variant_id === size9);
    const otherLinesAfter = cartAfter.filter((l) => l.variant_id !== size9);
    const shoeInCart = shoeLine.length === 1 && shoeLine[0]!.quantity === 1;
    const removed = discontinued.length > 0 && discontinued.every((w) => !wishAfter.has(w.product_id));
    return grade(
      {
        size9_shoe_in_cart: shoeInCart,
        shoe_off_wishlist: !wishAfter.has(shoe),
        discontinued_removed: removed,
        other_wishlist_items_kept: removed && keep.every((w) => wishAfter.has(w.product_id)),
        rest_of_cart_unchanged: shoeInCart && JSON.stringify(otherLinesAfter) === JSON.stringify(cartBefore),
      },
      { size9_variant_id: size9, discontinued_products: discontinued.map((w) => w.product_id) },
    );
  },

  // 7. Question: carrier, tracking number and ETA of the yoga mat shipment.
  7: (v) => {
    const s = v.initial.get<{ carrier: string; tracking_number: string; estimated_delivery: string }>(
      `SELECT s.carrier, s.tracking_number, s.estimated_delivery FROM shipments s JOIN orders o ON o.id = s.order_id
       WHERE o.user_id = ? AND s.status <> 'delivered' AND EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id AND oi.product_name LIKE '%Yoga Mat%')`,
      v.userId,
    )!;
    const answer = v.answer ?? "";
    return grade(
      {
        carrier_named: new RegExp(`\\b${s.carrier}\\b`, "i").test(answer),
        tracking_number_given: answer.replace(/[\s-]/g, "").toUpperCase().includes(s.tracking_number.toUpperCase()),
        eta_given: mentionsDate(answer, s.estimated_delivery),
      },
      { expected: s },
    );
  },

  // 8. Return what can still be returned from the February kitchen order (knife + cutting board), reason changed mind.
  8: (v) => {
    const order = v.initial.get<{ id: number }>(
      "SELECT o.id FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.user_id = ? AND oi.product_name = 'Forge 8-inch Chef''s Knife' AND o.placed_at LIKE '2026-02-%'",
      v.userId,
    )!.id;
    const expected = v.initial.all<{ id: number; quantity: number; paid: number }>(
      `SELECT oi.id, oi.quantity, oi.unit_price_cents * oi.quantity - oi.discount_cents AS paid FROM order_items oi WHERE oi.order_id = ?
       AND oi.product_name IN ('Forge 8-inch Chef''s Knife', 'End-Grain Walnut Cutting Board') ORDER BY oi.id`,
      order,
    );
    const items = newReturnItems(v);
    const got = (id: number) => items.filter((i) => i.order_item_id === id);
    const allOk = (f: (i: NewReturnItem, e: { id: number; quantity: number; paid: number }) => boolean) =>
      expected.every((e) => got(e.id).length === 1 && f(got(e.id)[0]!, e));
    const some = items.length > 0;
    return grade(
      {
        knife_returned: got(expected[0]!.id).length === 1,
        board_returned: got(expected[1]!.id).length === 1,
        full_quantities: some && allOk((i, e) => i.quantity === e.quantity && i.status === "requested" && i.order_id === order),
        reason_changed_mind: some && items.every((i) => i.reason === "changed_mind"),
        refunds_match_paid: some && allOk((i, e) => i.refund_cents === e.paid),
        nothing_else_returned: some && items.length === expected.length,
      },
      { order_id: order, expected_order_item_ids: expected.map((e) => e.id), new_return_items: items },
    );
  },

  // 9. Cart edits: socks M -> L x3, remove the candle, keep the tee line.
  9: (v) => {
    const socksM = variantId(v.initial, "Merino Crew Socks", "Oatmeal", "M");
    const socksL = variantId(v.initial, "Merino Crew Socks", "Oatmeal", "L");
    const candle = variantId(v.initial, "Sandalwood & Cedar Soy Candle", null, "8 oz");
    const before = cartLines(v.initial, v.userId);
    const after = cartLines(v.final, v.userId);
    const qty = (lines: CartLineRow[], id: number) => lines.find((l) => l.variant_id === id)?.quantity;
    const untouched = (lines: CartLineRow[]) => lines.filter((l) => ![socksM, socksL, candle].includes(l.variant_id));
    const socksOk = qty(after, socksL) === 3;
    return grade(
      {
        socks_size_l_qty3: socksOk,
        socks_size_m_removed: qty(before, socksM) !== undefined && qty(after, socksM) === undefined,
        candle_removed: qty(before, candle) !== undefined && qty(after, candle) === undefined,
        other_lines_unchanged: socksOk && JSON.stringify(untouched(after)) === JSON.stringify(untouched(before)),
      },
      { cart_after: after },
    );
  },
});
