import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-16"), v.description(what));
const Quantity = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20), v.description(what));

const ORDER_STATUSES = ["placed", "processing", "shipped", "delivered", "cancelled"] as const;
const CANCEL_REASONS = ["changed_mind", "found_better_price", "ordered_by_mistake", "delivery_too_slow", "other"] as const;
const RETURN_REASONS = ["too_small", "too_large", "defective", "damaged", "not_as_described", "wrong_item", "changed_mind", "arrived_late"] as const;
const RETURN_STATUSES = ["requested", "approved", "received", "refunded", "rejected", "cancelled"] as const;
const SHIPMENT_STATUSES = ["label_created", "in_transit", "out_for_delivery", "delivered", "exception"] as const;
const MAX_LINE_QTY = 20;
const FREE_SHIPPING_THRESHOLD = 5000;
const STANDARD_SHIPPING = 599;
const EXPRESS_SHIPPING = 1499;

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface VariantRow {
  id: number;
  product_id: number;
  sku: string;
  color: string | null;
  size: string | null;
  price_cents: number;
  stock: number;
  is_active: number;
  product_name: string;
  product_status: string;
  category_id: number;
  parent_category_id: number | null;
  return_window_days: number;
}
interface CartLine {
  cart_item_id: number;
  variant_id: number;
  quantity: number;
}
interface CouponRow {
  id: number;
  code: string;
  description: string;
  discount_type: "percent" | "fixed" | "free_shipping";
  discount_value: number;
  category_id: number | null;
  category_name: string | null;
  min_subtotal_cents: number;
  max_uses_per_user: number | null;
  starts_at: string;
  expires_at: string;
  is_active: number;
}
interface OrderRow {
  id: number;
  order_number: string;
  user_id: number;
  status: string;
  address_id: number | null;
  payment_method_id: number;
  coupon_id: number | null;
  shipping_speed: string;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  placed_at: string;
  delivered_at: string | null;
}
interface OrderItemRow {
  id: number;
  order_id: number;
  variant_id: number;
  product_id: number;
  product_name: string;
  variant_label: string;
  unit_price_cents: number;
  quantity: number;
  discount_cents: number;
  return_window_days: number;
}
interface AddressRow {
  id: number;
  user_id: number;
  label: string;
  recipient_name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default: number;
}
interface PaymentMethodRow {
  id: number;
  kind: string;
  brand: string;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  status: string;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function variantLabel(color: string | null, size: string | null): string {
  const parts = [color, size].filter((p): p is string => !!p);
  return parts.length ? parts.join(" / ") : "Standard";
}

const VARIANT_SELECT = `SELECT pv.id, pv.product_id, pv.sku, pv.color, pv.size, pv.price_cents, pv.stock, pv.is_active,
  p.name AS product_name, p.status AS product_status, p.category_id, c.parent_id AS parent_category_id, p.return_window_days
  FROM product_variants pv JOIN products p ON p.id = pv.product_id JOIN categories c ON c.id = p.category_id`;

function getVariant(db: SqlDatabase, variantId: number): VariantRow {
  const row = db.get<VariantRow>(`${VARIANT_SELECT} WHERE pv.id = ?`, variantId);
  if (!row) throw new ToolError(`variant ${variantId} not found`);
  return row;
}

function assertPurchasable(vr: VariantRow, quantity: number) {
  const name = `${vr.product_name} (${variantLabel(vr.color, vr.size)})`;
  if (vr.product_status !== "active" || !vr.is_active) throw new ToolError(`${name} is discontinued and can no longer be bought`);
  if (vr.stock <= 0) throw new ToolError(`${name} is out of stock`);
  if (quantity > vr.stock) throw new ToolError(`only ${vr.stock} of ${name} in stock; requested ${quantity}`);
  if (quantity > MAX_LINE_QTY) throw new ToolError(`at most ${MAX_LINE_QTY} of one item per order`);
}

function ensureCart(ctx: ToolContext): number {
  const cart = ctx.db.get<{ id: number }>("SELECT id FROM carts WHERE user_id = ?", ctx.userId);
  if (cart) return cart.id;
  return ctx.db.run("INSERT INTO carts (user_id, updated_at) VALUES (?, ?)", ctx.userId, ctx.timestamp).lastInsertRowid;
}

function touchCart(ctx: ToolContext, cartId: number) {
  ctx.db.run("UPDATE carts SET updated_at = ? WHERE id = ?", ctx.timestamp, cartId);
}

function readCart(ctx: ToolContext) {
  const items = ctx.db.all<{ cart_item_id: number; variant_id: number; product_id: number; product_name: string; color: string | null; size: string | null; unit_price_cents: number; quantity: number; stock: number; available: number; added_at: string }>(
    `SELECT ci.id AS cart_item_id, ci.variant_id, p.id AS product_id, p.name AS product_name, pv.color, pv.size,
       pv.price_cents AS unit_price_cents, ci.quantity, pv.stock,
       CASE WHEN p.status = 'active' AND pv.is_active = 1 AND pv.stock >= ci.quantity THEN 1 ELSE 0 END AS available, ci.added_at
     FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN product_variants pv ON pv.id = ci.variant_id JOIN products p ON p.id = pv.product_id
     WHERE c.user_id = ? ORDER BY ci.id`,
    ctx.userId,
  );
  const lines = items.map((i) => ({
    cart_item_id: i.cart_item_id,
    variant_id: i.variant_id,
    product_id: i.product_id,
    product_name: i.product_name,
    variant: variantLabel(i.color, i.size),
    unit_price_cents: i.unit_price_cents,
    quantity: i.quantity,
    line_total_cents: i.unit_price_cents * i.quantity,
    in_stock: i.stock,
    available: i.available === 1,
    added_at: i.added_at,
  }));
  return {
    items: lines,
    item_count: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal_cents: lines.reduce((n, l) => n + l.line_total_cents, 0),
  };
}

function selectCartLines(ctx: ToolContext, cartItemIds: number[] | undefined): CartLine[] {
  const all = ctx.db.all<CartLine>(
    "SELECT ci.id AS cart_item_id, ci.variant_id, ci.quantity FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = ? ORDER BY ci.id",
    ctx.userId,
  );
  if (all.length === 0) throw new ToolError("your cart is empty; add items with add_to_cart first");
  if (!cartItemIds || cartItemIds.length === 0) return all;
  const seen = new Set<number>();
  const picked: CartLine[] = [];
  for (const id of cartItemIds) {
    if (seen.has(id)) throw new ToolError(`cart item ${id} is listed twice`);
    seen.add(id);
    const line = all.find((l) => l.cart_item_id === id);
    if (!line) throw new ToolError(`cart item ${id} not found in your cart`);
    picked.push(line);
  }
  return picked;
}

function findCoupon(db: SqlDatabase, code: string): CouponRow {
  const c = db.get<CouponRow>(
    "SELECT co.*, cat.name AS category_name FROM coupons co LEFT JOIN categories cat ON cat.id = co.category_id WHERE upper(co.code) = upper(?)",
    code.trim(),
  );
  if (!c) throw new ToolError(`coupon ${code.trim().toUpperCase()} not found`);
  return c;
}

/** Why a coupon cannot be used by this user right now (ignoring the cart), or null. */
function couponBlocker(ctx: ToolContext, c: CouponRow): string | null {
  if (!c.is_active) return `coupon ${c.code} is no longer active`;
  if (ctx.timestamp < c.starts_at) return `coupon ${c.code} is not valid until ${c.starts_at.slice(0, 10)}`;
  if (ctx.timestamp > c.expires_at) return `coupon ${c.code} expired on ${c.expires_at.slice(0, 10)}`;
  if (c.max_uses_per_user !== null) {
    const used = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM orders WHERE user_id = ? AND coupon_id = ? AND status <> 'cancelled'", ctx.userId, c.id)!.n;
    if (used >= c.max_uses_per_user) return `coupon ${c.code} can be used ${c.max_uses_per_user} time(s) per customer and you have already used it`;
  }
  return null;
}

interface PricedLine {
  cart_item_id: number | null;
  variant: VariantRow;
  quantity: number;
  line_total_cents: number;
  discount_cents: number;
}
interface Pricing {
  lines: PricedLine[];
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  coupon: CouponRow | null;
}

/** Prices lines with an optional coupon; throws a ToolError if the coupon does not apply. */
function price(ctx: ToolContext, raw: { cart_item_id: number | null; variant: VariantRow; quantity: number }[], couponCode: string | undefined, speed: "standard" | "express"): Pricing {
  const lines: PricedLine[] = raw.map((r) => ({ ...r, line_total_cents: r.variant.price_cents * r.quantity, discount_cents: 0 }));
  const subtotal = lines.reduce((n, l) => n + l.line_total_cents, 0);
  let discount = 0;
  let freeShipping = false;
  let coupon: CouponRow | null = null;
  if (couponCode && couponCode.trim()) {
    coupon = findCoupon(ctx.db, couponCode);
    const blocker = couponBlocker(ctx, coupon);
    if (blocker) throw new ToolError(blocker);
    const c = coupon;
    const eligible = lines.filter((l) => c.category_id === null || l.variant.category_id === c.category_id || l.variant.parent_category_id === c.category_id);
    if (eligible.length === 0) throw new ToolError(`coupon ${c.code} only applies to ${c.category_name} items, and none are in this order`);
    const eligibleSubtotal = eligible.reduce((n, l) => n + l.line_total_cents, 0);
    if (eligibleSubtotal < c.min_subtotal_cents) {
      const scope = c.category_id === null ? "an order subtotal" : `${c.category_name} items`;
      throw new ToolError(`coupon ${c.code} requires ${scope} of at least ${money(c.min_subtotal_cents)}; this order has ${money(eligibleSubtotal)}`);
    }
    if (c.discount_type === "percent") discount = Math.round((eligibleSubtotal * c.discount_value) / 100);
    else if (c.discount_type === "fixed") discount = Math.min(c.discount_value, eligibleSubtotal);
    else freeShipping = true;
    let rest = discount;
    eligible.forEach((l, i) => {
      const share = i === eligible.length - 1 ? rest : Math.floor((l.line_total_cents * discount) / eligibleSubtotal);
      l.discount_cents = share;
      rest -= share;
    });
  }
  const shipping = speed === "express" ? EXPRESS_SHIPPING : freeShipping || subtotal - discount >= FREE_SHIPPING_THRESHOLD ? 0 : STANDARD_SHIPPING;
  return { lines, subtotal_cents: subtotal, discount_cents: discount, shipping_cents: shipping, total_cents: subtotal - discount + shipping, coupon };
}

function pricingSummary(p: Pricing) {
  return {
    lines: p.lines.map((l) => ({
      cart_item_id: l.cart_item_id,
      variant_id: l.variant.id,
      product_name: l.variant.product_name,
      variant: variantLabel(l.variant.color, l.variant.size),
      unit_price_cents: l.variant.price_cents,
      quantity: l.quantity,
      line_total_cents: l.line_total_cents,
      discount_cents: l.discount_cents,
    })),
    coupon_code: p.coupon?.code ?? null,
    subtotal_cents: p.subtotal_cents,
    discount_cents: p.discount_cents,
    shipping_cents: p.shipping_cents,
    total_cents: p.total_cents,
    total: money(p.total_cents),
  };
}

function getOrder(ctx: ToolContext, orderId: number): OrderRow {
  const o = ctx.db.get<OrderRow>("SELECT * FROM orders WHERE id = ? AND user_id = ?", orderId, ctx.userId);
  if (!o) throw new ToolError(`order ${orderId} not found`);
  return o;
}

function getAddress(ctx: ToolContext, addressId: number): AddressRow {
  const a = ctx.db.get<AddressRow>("SELECT * FROM addresses WHERE id = ? AND user_id = ?", addressId, ctx.userId);
  if (!a) throw new ToolError(`address ${addressId} not found`);
  return a;
}

function usablePaymentMethod(ctx: ToolContext, id: number): PaymentMethodRow {
  const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ? AND user_id = ? AND status <> 'removed'", id, ctx.userId);
  if (!pm) throw new ToolError(`payment method ${id} not found`);
  const name = pm.last4 ? `${pm.brand} ending ${pm.last4}` : pm.brand;
  const [year, month] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
  const expired = pm.status === "expired" || (pm.exp_year !== null && pm.exp_month !== null && (pm.exp_year < year || (pm.exp_year === year && pm.exp_month < month)));
  if (expired) throw new ToolError(`${name} has expired; choose another payment method`);
  return pm;
}

function orderItems(ctx: ToolContext, orderId: number): OrderItemRow[] {
  return ctx.db.all<OrderItemRow>(
    `SELECT oi.*, p.id AS product_id, p.return_window_days FROM order_items oi
     JOIN product_variants pv ON pv.id = oi.variant_id JOIN products p ON p.id = pv.product_id
     WHERE oi.order_id = ? ORDER BY oi.id`,
    orderId,
  );
}

function returnedQuantity(db: SqlDatabase, orderItemId: number): number {
  return db.get<{ n: number }>(
    "SELECT COALESCE(SUM(ri.quantity), 0) AS n FROM return_items ri JOIN returns r ON r.id = ri.return_id WHERE ri.order_item_id = ? AND r.status NOT IN ('cancelled', 'rejected')",
    orderItemId,
  )!.n;
}

/** Return eligibility of one order item as of today. */
function returnInfo(ctx: ToolContext, order: OrderRow, item: OrderItemRow) {
  const returned = returnedQuantity(ctx.db, item.id);
  const remaining = item.quantity - returned;
  if (item.return_window_days === 0) return { returned_quantity: returned, returnable_quantity: 0, return_deadline: null, return_note: "final sale: not returnable" };
  if (order.status !== "delivered" || !order.delivered_at) {
    return { returned_quantity: returned, returnable_quantity: 0, return_deadline: null, return_note: `returnable for ${item.return_window_days} days after delivery` };
  }
  const deadline = addDays(order.delivered_at, item.return_window_days);
  if (ctx.today > deadline) return { returned_quantity: returned, returnable_quantity: 0, return_deadline: deadline, return_note: `return window closed on ${deadline}` };
  return { returned_quantity: returned, returnable_quantity: Math.max(0, remaining), return_deadline: deadline, return_note: remaining > 0 ? `returnable until ${deadline}` : "already returned" };
}

function orderDetail(ctx: ToolContext, orderId: number) {
  const o = getOrder(ctx, orderId);
  const full = ctx.db.get<Record<string, unknown>>(
    `SELECT o.*, c.code AS coupon_code, pm.brand AS payment_brand, pm.last4 AS payment_last4, a.label AS address_label
     FROM orders o LEFT JOIN coupons c ON c.id = o.coupon_id JOIN payment_methods pm ON pm.id = o.payment_method_id
     LEFT JOIN addresses a ON a.id = o.address_id WHERE o.id = ?`,
    orderId,
  )!;
  const items = orderItems(ctx, orderId).map((i) => ({
    order_item_id: i.id,
    product_id: i.product_id,
    variant_id: i.variant_id,
    product_name: i.product_name,
    variant: i.variant_label,
    unit_price_cents: i.unit_price_cents,
    quantity: i.quantity,
    discount_cents: i.discount_cents,
    paid_cents: i.unit_price_cents * i.quantity - i.discount_cents,
    ...returnInfo(ctx, o, i),
  }));
  return {
    order_id: o.id,
    order_number: o.order_number,
    status: o.status,
    placed_at: o.placed_at,
    delivered_at: o.delivered_at,
    cancelled_at: full.cancelled_at,
    cancel_reason: full.cancel_reason,
    ship_to: {
      address_id: o.address_id,
      address_label: full.address_label ?? null,
      name: full.ship_to_name,
      line1: full.ship_to_line1,
      line2: full.ship_to_line2,
      city: full.ship_to_city,
      region: full.ship_to_region,
      postal_code: full.ship_to_postal_code,
      country: full.ship_to_country,
    },
    shipping_speed: o.shipping_speed,
    payment_method: { payment_method_id: o.payment_method_id, brand: full.payment_brand, last4: full.payment_last4 },
    coupon_code: full.coupon_code ?? null,
    subtotal_cents: o.subtotal_cents,
    discount_cents: o.discount_cents,
    shipping_cents: o.shipping_cents,
    total_cents: o.total_cents,
    total: money(o.total_cents),
    items,
    payments: ctx.db.all("SELECT id AS payment_id, type, amount_cents, status, payment_method_id, return_id, created_at FROM payments WHERE order_id = ? ORDER BY id", orderId),
    shipments: ctx.db.all("SELECT id AS shipment_id, carrier, tracking_number, status, shipped_at, estimated_delivery, delivered_at FROM shipments WHERE order_id = ? ORDER BY id", orderId),
    returns: ctx.db.all("SELECT id AS return_id, rma_number, status, refund_amount_cents, created_at FROM returns WHERE order_id = ? ORDER BY id", orderId),
  };
}

function returnDetail(ctx: ToolContext, returnId: number) {
  const r = ctx.db.get<Record<string, unknown>>(
    "SELECT r.id AS return_id, r.rma_number, r.order_id, o.order_number, r.status, r.refund_amount_cents, r.comment, r.created_at, r.updated_at FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = ? AND r.user_id = ?",
    returnId,
    ctx.userId,
  );
  if (!r) throw new ToolError(`return ${returnId} not found`);
  const items = ctx.db.all(
    `SELECT ri.id AS return_item_id, ri.order_item_id, oi.product_name, oi.variant_label AS variant, ri.quantity, ri.reason, ri.refund_cents
     FROM return_items ri JOIN order_items oi ON oi.id = ri.order_item_id WHERE ri.return_id = ? ORDER BY ri.id`,
    returnId,
  );
  return { ...r, refund_amount: money(r.refund_amount_cents as number), items };
}

function addToCartLine(ctx: ToolContext, variantId: number, quantity: number) {
  const vr = getVariant(ctx.db, variantId);
  const cartId = ensureCart(ctx);
  const existing = ctx.db.get<{ id: number; quantity: number }>("SELECT id, quantity FROM cart_items WHERE cart_id = ? AND variant_id = ?", cartId, variantId);
  const newQty = (existing?.quantity ?? 0) + quantity;
  assertPurchasable(vr, newQty);
  let cartItemId: number;
  if (existing) {
    ctx.db.run("UPDATE cart_items SET quantity = ? WHERE id = ?", newQty, existing.id);
    cartItemId = existing.id;
  } else {
    cartItemId = ctx.db.run("INSERT INTO cart_items (cart_id, variant_id, quantity, added_at) VALUES (?, ?, ?, ?)", cartId, variantId, quantity, ctx.timestamp).lastInsertRowid;
  }
  touchCart(ctx, cartId);
  return { cart_item_id: cartItemId, variant_id: variantId, product_name: vr.product_name, variant: variantLabel(vr.color, vr.size), quantity: newQty, unit_price_cents: vr.price_cents };
}

function setDefaultAddress(ctx: ToolContext, addressId: number) {
  ctx.db.run("UPDATE addresses SET is_default = 0, updated_at = ? WHERE user_id = ? AND is_default = 1 AND id <> ?", ctx.timestamp, ctx.userId, addressId);
  ctx.db.run("UPDATE addresses SET is_default = 1, updated_at = ? WHERE id = ?", ctx.timestamp, addressId);
}

function likeWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_]/g, "")}%`);
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- catalog -----
    search_products: tool({
      description:
        "Search the store catalog by words in the product name, brand, category or variant colour (every word must match, case-insensitive), with optional category and price filters. Returns a page of products with product_id, price range, stock and rating; use get_product for variant ids.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to search for, e.g. 'blue hoodie' or 'arabica beans'. Empty lists everything.")), ""),
        category: v.optional(v.pipe(v.string(), v.description("Category name or slug (partial match), e.g. 'Kitchen'. Subcategories are included.")), ""),
        min_price_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Only products with a variant priced at or above this, in cents."))),
        max_price_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Only products with a variant priced at or below this, in cents."))),
        in_stock_only: v.optional(v.pipe(v.boolean(), v.description("Only products with at least one variant in stock (default false).")), false),
        include_discontinued: v.optional(v.pipe(v.boolean(), v.description("Also list discontinued products (default false).")), false),
        sort: v.optional(v.pipe(v.picklist(["name", "price_asc", "price_desc", "rating"]), v.description("Sort order (default name).")), "name"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push(
            "(p.name LIKE ? OR p.brand LIKE ? OR c.name LIKE ? OR EXISTS (SELECT 1 FROM product_variants x WHERE x.product_id = p.id AND (x.color LIKE ? OR x.size LIKE ?)))",
          );
          params.push(w, w, w, w, w);
        }
        if (a.category.trim()) {
          const w = `%${a.category.trim()}%`;
          where.push("(c.name LIKE ? OR c.slug LIKE ? OR pc.name LIKE ? OR pc.slug LIKE ?)");
          params.push(w, w, w, w);
        }
        if (!a.include_discontinued) where.push("p.status = 'active'");
        if (a.min_price_cents !== undefined) {
          where.push("EXISTS (SELECT 1 FROM product_variants x WHERE x.product_id = p.id AND x.price_cents >= ?)");
          params.push(a.min_price_cents);
        }
        if (a.max_price_cents !== undefined) {
          where.push("EXISTS (SELECT 1 FROM product_variants x WHERE x.product_id = p.id AND x.price_cents <= ?)");
          params.push(a.max_price_cents);
        }
        if (a.in_stock_only) where.push("EXISTS (SELECT 1 FROM product_variants x WHERE x.product_id = p.id AND x.is_active = 1 AND x.stock > 0)");
        const from = `FROM products p JOIN categories c ON c.id = p.category_id LEFT JOIN categories pc ON pc.id = c.parent_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        const order = { name: "p.name", price_asc: "min_price_cents, p.name", price_desc: "max_price_cents DESC, p.name", rating: "avg_rating DESC, review_count DESC, p.name" }[a.sort];
        return page(
          ctx.db,
          `SELECT p.id AS product_id, p.name, p.brand, c.name AS category, p.status,
             (SELECT MIN(price_cents) FROM product_variants x WHERE x.product_id = p.id) AS min_price_cents,
             (SELECT MAX(price_cents) FROM product_variants x WHERE x.product_id = p.id) AS max_price_cents,
             (SELECT COALESCE(SUM(stock), 0) FROM product_variants x WHERE x.product_id = p.id AND x.is_active = 1) AS total_stock,
             (SELECT count(*) FROM product_variants x WHERE x.product_id = p.id) AS variant_count,
             (SELECT ROUND(AVG(rating), 1) FROM reviews r WHERE r.product_id = p.id) AS avg_rating,
             (SELECT count(*) FROM reviews r WHERE r.product_id = p.id) AS review_count
           ${from} ORDER BY ${order}`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_product: tool({
      description:
        "Get one product with its category, return policy, rating summary and all variants (variant_id, sku, colour, size, price, stock). Errors if the product does not exist.",
      input: v.object({ product_id: Id("The product's id (from search_products).") }),
      handler: ({ product_id }, ctx) => {
        const p = ctx.db.get<Record<string, unknown>>(
          `SELECT p.id AS product_id, p.name, p.brand, p.description, p.status, c.id AS category_id, c.name AS category, p.return_window_days
           FROM products p JOIN categories c ON c.id = p.category_id WHERE p.id = ?`,
          product_id,
        );
        if (!p) throw new ToolError(`product ${product_id} not found`);
        const rating = ctx.db.get<{ avg: number | null; n: number }>("SELECT ROUND(AVG(rating), 1) AS avg, count(*) AS n FROM reviews WHERE product_id = ?", product_id)!;
        const variants = ctx.db
          .all<{ variant_id: number; sku: string; color: string | null; size: string | null; price_cents: number; stock: number; is_active: number }>(
            "SELECT id AS variant_id, sku, color, size, price_cents, stock, is_active FROM product_variants WHERE product_id = ? ORDER BY id",
            product_id,
          )
          .map((x) => ({ ...x, label: variantLabel(x.color, x.size), purchasable: p.status === "active" && x.is_active === 1 && x.stock > 0 }));
        const days = p.return_window_days as number;
        return {
          ...p,
          return_policy: days === 0 ? "Final sale: not returnable." : `Returnable within ${days} days of delivery.`,
          avg_rating: rating.avg,
          review_count: rating.n,
          variants,
        };
      },
    }),

    list_categories: tool({
      description: "List the store's product categories with their parent category and number of active products. Returns a page of categories.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT c.id AS category_id, c.name, c.slug, c.parent_id, pc.name AS parent_name,
             (SELECT count(*) FROM products p WHERE p.status = 'active' AND (p.category_id = c.id OR p.category_id IN (SELECT id FROM categories s WHERE s.parent_id = c.id))) AS product_count
           FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id ORDER BY COALESCE(c.parent_id, c.id), c.parent_id IS NOT NULL, c.name`,
          "SELECT count(*) AS n FROM categories",
          [],
          limit,
          offset,
        ),
    }),

    list_product_reviews: tool({
      description: "List customer reviews of one product, newest first, optionally only those with at least a given rating. Returns a page of reviews (reviewer first name, rating, title, body, verified purchase). Errors if the product does not exist.",
      input: v.object({
        product_id: Id("The product's id."),
        min_rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Only reviews with at least this many stars (1-5, default 1).")), 1),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ product_id, min_rating, limit, offset }, ctx) => {
        if (!ctx.db.get("SELECT id FROM products WHERE id = ?", product_id)) throw new ToolError(`product ${product_id} not found`);
        return page(
          ctx.db,
          `SELECT r.id AS review_id, substr(u.full_name, 1, instr(u.full_name || ' ', ' ') - 1) AS reviewer, r.rating, r.title, r.body,
             r.verified_purchase, r.created_at FROM reviews r JOIN users u ON u.id = r.user_id
           WHERE r.product_id = ? AND r.rating >= ? ORDER BY r.created_at DESC, r.id DESC`,
          "SELECT count(*) AS n FROM reviews WHERE product_id = ? AND rating >= ?",
          [product_id, min_rating],
          limit,
          offset,
        );
      },
    }),

    // ----- cart -----
    get_cart: tool({
      description: "Show the current user's shopping cart: each line's cart_item_id, product, variant, unit price, quantity and whether it is still available, plus the item count and subtotal in cents.",
      input: v.object({}),
      handler: (_a, ctx) => readCart(ctx),
    }),

    add_to_cart: tool({
      description:
        "Add a product variant to the cart (adds to the quantity if that variant is already in the cart). Returns the cart line. Errors if the variant does not exist, is discontinued, or there is not enough stock (max 20 per line).",
      input: v.object({
        variant_id: Id("The variant to add (from get_product)."),
        quantity: v.optional(Quantity("How many to add (default 1)."), 1),
      }),
      handler: ({ variant_id, quantity }, ctx) => addToCartLine(ctx, variant_id, quantity),
    }),

    update_cart_item: tool({
      description: "Set the quantity of one cart line. Returns the updated line. Errors if the line is not in the user's cart or there is not enough stock; use remove_cart_item to delete a line.",
      input: v.object({
        cart_item_id: Id("The cart line's id (from get_cart)."),
        quantity: Quantity("The new quantity, 1-20."),
      }),
      handler: ({ cart_item_id, quantity }, ctx) => {
        const line = ctx.db.get<{ id: number; cart_id: number; variant_id: number }>(
          "SELECT ci.id, ci.cart_id, ci.variant_id FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE ci.id = ? AND c.user_id = ?",
          cart_item_id,
          ctx.userId,
        );
        if (!line) throw new ToolError(`cart item ${cart_item_id} not found`);
        const vr = getVariant(ctx.db, line.variant_id);
        assertPurchasable(vr, quantity);
        ctx.db.run("UPDATE cart_items SET quantity = ? WHERE id = ?", quantity, cart_item_id);
        touchCart(ctx, line.cart_id);
        return { cart_item_id, variant_id: vr.id, product_name: vr.product_name, variant: variantLabel(vr.color, vr.size), quantity, unit_price_cents: vr.price_cents };
      },
    }),

    remove_cart_item: tool({
      description: "Remove one line from the cart. Returns the removed line's id and product. Errors if the line is not in the user's cart.",
      input: v.object({ cart_item_id: Id("The cart line's id (from get_cart).") }),
      handler: ({ cart_item_id }, ctx) => {
        const line = ctx.db.get<{ id: number; cart_id: number; product_name: string }>(
          "SELECT ci.id, ci.cart_id, p.name AS product_name FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN product_variants pv ON pv.id = ci.variant_id JOIN products p ON p.id = pv.product_id WHERE ci.id = ? AND c.user_id = ?",
          cart_item_id,
          ctx.userId,
        );
        if (!line) throw new ToolError(`cart item ${cart_item_id} not found`);
        ctx.db.run("DELETE FROM cart_items WHERE id = ?", cart_item_id);
        touchCart(ctx, line.cart_id);
        return { removed_cart_item_id: cart_item_id, product_name: line.product_name };
      },
    }),

    clear_cart: tool({
      description: "Remove every line from the current user's cart. Returns how many lines were removed. Errors if the cart is already empty.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const cart = ctx.db.get<{ id: number }>("SELECT id FROM carts WHERE user_id = ?", ctx.userId);
        const n = cart ? ctx.db.run("DELETE FROM cart_items WHERE cart_id = ?", cart.id).changes : 0;
        if (!cart || n === 0) throw new ToolError("your cart is already empty");
        touchCart(ctx, cart.id);
        return { removed_lines: n };
      },
    }),

    // ----- coupons & checkout -----
    check_coupon: tool({
      description:
        "Look up a coupon code: its terms (discount, minimum spend, category, validity dates) and whether the current user can use it today. Returns { valid, reason } instead of failing when it cannot be used; errors only if the code does not exist.",
      input: v.object({ code: v.pipe(v.string(), v.minLength(1), v.description("The coupon code, e.g. SPRING10 (case-insensitive).")) }),
      handler: ({ code }, ctx) => {
        const c = findCoupon(ctx.db, code);
        const blocker = couponBlocker(ctx, c);
        return {
          code: c.code,
          description: c.description,
          discount_type: c.discount_type,
          discount_value: c.discount_value,
          applies_to_category: c.category_name,
          min_subtotal_cents: c.min_subtotal_cents,
          max_uses_per_user: c.max_uses_per_user,
          starts_at: c.starts_at,
          expires_at: c.expires_at,
          valid: blocker === null,
          reason: blocker,
        };
      },
    }),

    preview_checkout: tool({
      description:
        "Price the cart (or selected cart lines) without placing an order: per-line discounts, subtotal, coupon discount, shipping and total in cents. Standard shipping is free from $50 after discounts, otherwise $5.99; express is $14.99. Errors if the cart is empty, a line is unavailable, or the coupon does not apply.",
      input: v.object({
        coupon_code: v.optional(v.pipe(v.string(), v.description("Coupon code to apply (optional)."))),
        shipping_speed: v.optional(v.pipe(v.picklist(["standard", "express"]), v.description("Shipping speed (default standard).")), "standard"),
        cart_item_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.description("A cart line id."))), v.description("Only these cart lines (default: the whole cart)."))),
      }),
      handler: ({ coupon_code, shipping_speed, cart_item_ids }, ctx) => {
        const lines = selectCartLines(ctx, cart_item_ids).map((l) => {
          const vr = getVariant(ctx.db, l.variant_id);
          assertPurchasable(vr, l.quantity);
          return { cart_item_id: l.cart_item_id, variant: vr, quantity: l.quantity };
        });
        return { shipping_speed, ...pricingSummary(price(ctx, lines, coupon_code, shipping_speed)) };
      },
    }),

    checkout: tool({
      description:
        "Place an order for the cart (or only the given cart lines): creates the order and its items, charges the payment method, applies the coupon, decrements stock and removes the ordered lines from the cart, all at once. Returns the new order. Errors if the cart/lines are empty or unavailable, the address or payment method is not the user's, the card has expired, or the coupon does not apply.",
      input: v.object({
        address_id: Id("Shipping address id (from list_addresses)."),
        payment_method_id: Id("Payment method id (from list_payment_methods)."),
        shipping_speed: v.optional(v.pipe(v.picklist(["standard", "express"]), v.description("Shipping speed (default standard).")), "standard"),
        coupon_code: v.optional(v.pipe(v.string(), v.description("Coupon code to apply (optional)."))),
        cart_item_ids: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.description("A cart line id."))), v.description("Order only these cart lines and leave the rest in the cart (default: the whole cart)."))),
      }),
      handler: (a, ctx) => {
        const addr = getAddress(ctx, a.address_id);
        const pm = usablePaymentMethod(ctx, a.payment_method_id);
        const lines = selectCartLines(ctx, a.cart_item_ids).map((l) => {
          const vr = getVariant(ctx.db, l.variant_id);
          assertPurchasable(vr, l.quantity);
          return { cart_item_id: l.cart_item_id, variant: vr, quantity: l.quantity };
        });
        const p = price(ctx, lines, a.coupon_code, a.shipping_speed);
        const id = ctx.db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM orders")!.n;
        const orderNumber = `SH-${100100 + id}`;
        ctx.db.run(
          `INSERT INTO orders (id, order_number, user_id, status, address_id, ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_region,
             ship_to_postal_code, ship_to_country, payment_method_id, coupon_id, shipping_speed, subtotal_cents, discount_cents, shipping_cents, total_cents,
             placed_at, updated_at) VALUES (?, ?, ?, 'placed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          id, orderNumber, ctx.userId, addr.id, addr.recipient_name, addr.line1, addr.line2, addr.city, addr.region, addr.postal_code, addr.country,
          pm.id, p.coupon?.id ?? null, a.shipping_speed, p.subtotal_cents, p.discount_cents, p.shipping_cents, p.total_cents, ctx.timestamp, ctx.timestamp,
        );
        for (const l of p.lines) {
          ctx.db.run(
            "INSERT INTO order_items (order_id, variant_id, product_name, variant_label, unit_price_cents, quantity, discount_cents) VALUES (?, ?, ?, ?, ?, ?, ?)",
            id, l.variant.id, l.variant.product_name, variantLabel(l.variant.color, l.variant.size), l.variant.price_cents, l.quantity, l.discount_cents,
          );
          ctx.db.run("UPDATE product_variants SET stock = stock - ? WHERE id = ?", l.quantity, l.variant.id);
          ctx.db.run("DELETE FROM cart_items WHERE id = ?", l.cart_item_id);
        }
        ctx.db.run("INSERT INTO payments (order_id, payment_method_id, type, amount_cents, status, created_at) VALUES (?, ?, 'charge', ?, 'succeeded', ?)", id, pm.id, p.total_cents, ctx.timestamp);
        const cart = ctx.db.get<{ id: number }>("SELECT id FROM carts WHERE user_id = ?", ctx.userId);
        if (cart) touchCart(ctx, cart.id);
        return orderDetail(ctx, id);
      },
    }),

    // ----- orders -----
    list_orders: tool({
      description:
        "List the current user's orders, newest first, filtered by status, placed date range (inclusive, UTC dates) and/or words matching the order number or an item's product name or variant. Returns a page of orders with order_id, order_number, status, placed_at, total_cents and a short item summary.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(ORDER_STATUSES), v.description("Only orders in this status."))),
        placed_from: v.optional(DateText("Only orders placed on or after this date (YYYY-MM-DD).")),
        placed_to: v.optional(DateText("Only orders placed on or before this date (YYYY-MM-DD).")),
        query: v.optional(v.pipe(v.string(), v.description("Words to match against the order number or item names, e.g. 'hoodie' or 'SH-100116'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where = ["o.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (a.status) {
          where.push("o.status = ?");
          params.push(a.status);
        }
        if (a.placed_from) {
          where.push("o.placed_at >= ?");
          params.push(`${a.placed_from} 00:00:00`);
        }
        if (a.placed_to) {
          where.push("o.placed_at < ?");
          params.push(`${addDays(a.placed_to, 1)} 00:00:00`);
        }
        for (const w of likeWords(a.query)) {
          where.push("(o.order_number LIKE ? OR EXISTS (SELECT 1 FROM order_items x WHERE x.order_id = o.id AND (x.product_name LIKE ? OR x.variant_label LIKE ?)))");
          params.push(w, w, w);
        }
        const from = `FROM orders o WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT o.id AS order_id, o.order_number, o.status, o.placed_at, o.delivered_at, o.subtotal_cents, o.discount_cents, o.shipping_cents, o.total_cents,
             (SELECT SUM(quantity) FROM order_items x WHERE x.order_id = o.id) AS item_count,
             (SELECT group_concat(x.product_name || ' (' || x.variant_label || ') x' || x.quantity, '; ') FROM order_items x WHERE x.order_id = o.id) AS items
           ${from} ORDER BY o.placed_at DESC, o.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_order: tool({
      description:
        "Get one of the user's orders in full: shipping address, payment method, coupon, totals, items (with order_item_id, returnable quantity and return deadline), payments, shipments and returns. Errors if the order is not the user's.",
      input: v.object({ order_id: Id("The order's id (from list_orders).") }),
      handler: ({ order_id }, ctx) => orderDetail(ctx, order_id),
    }),

    cancel_order: tool({
      description:
        "Cancel an order that has not shipped yet (status placed or processing): puts the items back in stock and refunds the full charge to the original payment method. Returns the cancelled order's number and refund amount. Errors if the order is not the user's, already cancelled, or already shipped.",
      input: v.object({
        order_id: Id("The order's id."),
        reason: v.pipe(v.picklist(CANCEL_REASONS), v.description("Why the order is cancelled.")),
      }),
      handler: ({ order_id, reason }, ctx) => {
        const o = getOrder(ctx, order_id);
        if (o.status === "cancelled") throw new ToolError(`order ${o.order_number} is already cancelled`);
        if (o.status === "shipped" || o.status === "delivered") throw new ToolError(`order ${o.order_number} has already shipped and can no longer be cancelled; start a return once it is delivered`);
        ctx.db.run("UPDATE orders SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?", ctx.timestamp, reason, ctx.timestamp, order_id);
        for (const i of orderItems(ctx, order_id)) ctx.db.run("UPDATE product_variants SET stock = stock + ? WHERE id = ?", i.quantity, i.variant_id);
        const paid = ctx.db.get<{ charged: number; refunded: number }>(
          "SELECT COALESCE(SUM(CASE WHEN type = 'charge' THEN amount_cents END), 0) AS charged, COALESCE(SUM(CASE WHEN type = 'refund' THEN amount_cents END), 0) AS refunded FROM payments WHERE order_id = ? AND status = 'succeeded'",
          order_id,
        )!;
        const refund = paid.charged - paid.refunded;
        if (refund > 0) {
          ctx.db.run("INSERT INTO payments (order_id, payment_method_id, type, amount_cents, status, created_at) VALUES (?, ?, 'refund', ?, 'succeeded', ?)", order_id, o.payment_method_id, refund, ctx.timestamp);
        }
        const pm = ctx.db.get<{ brand: string; last4: string | null }>("SELECT brand, last4 FROM payment_methods WHERE id = ?", o.payment_method_id)!;
        return {
          order_id,
          order_number: o.order_number,
          status: "cancelled",
          cancel_reason: reason,
          refund_cents: refund,
          refund: money(refund),
          refunded_to: pm.last4 ? `${pm.brand} ending ${pm.last4}` : pm.brand,
        };
      },
    }),

    update_order_address: tool({
      description:
        "Change where an order that has not shipped yet (placed or processing) will be delivered, using one of the user's saved addresses (the order keeps a copy of the address as it is now). Returns the order's new ship-to. Errors if the order has shipped or been cancelled, or the address is not the user's.",
      input: v.object({
        order_id: Id("The order's id."),
        address_id: Id("The saved address to ship to (from list_addresses)."),
      }),
      handler: ({ order_id, address_id }, ctx) => {
        const o = getOrder(ctx, order_id);
        if (o.status === "cancelled") throw new ToolError(`order ${o.order_number} is cancelled`);
        if (o.status === "shipped" || o.status === "delivered") throw new ToolError(`order ${o.order_number} has already shipped; its address can no longer be changed`);
        const a = getAddress(ctx, address_id);
        ctx.db.run(
          `UPDATE orders SET address_id = ?, ship_to_name = ?, ship_to_line1 = ?, ship_to_line2 = ?, ship_to_city = ?, ship_to_region = ?, ship_to_postal_code = ?,
             ship_to_country = ?, updated_at = ? WHERE id = ?`,
          a.id, a.recipient_name, a.line1, a.line2, a.city, a.region, a.postal_code, a.country, ctx.timestamp, order_id,
        );
        return orderDetail(ctx, order_id).ship_to;
      },
    }),

    reorder: tool({
      description:
        "Buy again: add every item of a past order to the cart in the same variant and quantity. Items that are discontinued or out of stock are skipped and listed. Returns the added and skipped items. Errors if the order is not the user's or nothing could be added.",
      input: v.object({ order_id: Id("The past order's id.") }),
      handler: ({ order_id }, ctx) => {
        getOrder(ctx, order_id);
        const added: unknown[] = [];
        const skipped: { product_name: string; variant: string; reason: string }[] = [];
        for (const i of orderItems(ctx, order_id)) {
          const vr = getVariant(ctx.db, i.variant_id);
          const cartId = ensureCart(ctx);
          const existing = ctx.db.get<{ quantity: number }>("SELECT quantity FROM cart_items WHERE cart_id = ? AND variant_id = ?", cartId, i.variant_id);
          const want = (existing?.quantity ?? 0) + i.quantity;
          if (vr.product_status !== "active" || !vr.is_active) skipped.push({ product_name: i.product_name, variant: i.variant_label, reason: "discontinued" });
          else if (want > vr.stock) skipped.push({ product_name: i.product_name, variant: i.variant_label, reason: vr.stock === 0 ? "out of stock" : `only ${vr.stock} in stock` });
          else if (want > MAX_LINE_QTY) skipped.push({ product_name: i.product_name, variant: i.variant_label, reason: `at most ${MAX_LINE_QTY} per line` });
          else added.push(addToCartLine(ctx, i.variant_id, i.quantity));
        }
        if (added.length === 0) throw new ToolError(`none of the items of order ${order_id} can be added to the cart: ${skipped.map((s) => `${s.product_name} (${s.reason})`).join(", ")}`);
        return { added, skipped };
      },
    }),

    // ----- shipments -----
    track_order: tool({
      description: "Track an order's shipments: carrier, tracking number, status, estimated delivery date and the full scan history. Returns the order status and its shipments (an empty list if it has not shipped). Errors if the order is not the user's.",
      input: v.object({ order_id: Id("The order's id.") }),
      handler: ({ order_id }, ctx) => {
        const o = getOrder(ctx, order_id);
        const shipments = ctx.db
          .all<{ shipment_id: number }>(
            "SELECT id AS shipment_id, carrier, tracking_number, status, shipped_at, estimated_delivery, delivered_at FROM shipments WHERE order_id = ? ORDER BY id",
            order_id,
          )
          .map((s) => ({
            ...s,
            events: ctx.db.all("SELECT status, location, description, occurred_at FROM shipment_events WHERE shipment_id = ? ORDER BY occurred_at, id", s.shipment_id),
          }));
        return {
          order_id,
          order_number: o.order_number,
          order_status: o.status,
          note: shipments.length ? null : o.status === "cancelled" ? "This order was cancelled." : "This order has not shipped yet.",
          shipments,
        };
      },
    }),

    list_shipments: tool({
      description: "List the current user's shipments across all orders, most recently shipped first, optionally by status (e.g. in_transit). Returns a page with carrier, tracking number, status, estimated delivery, the order number and the items in that order.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(SHIPMENT_STATUSES), v.description("Only shipments in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) => {
        const where = ["o.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (status) {
          where.push("s.status = ?");
          params.push(status);
        }
        const from = `FROM shipments s JOIN orders o ON o.id = s.order_id WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT s.id AS shipment_id, s.order_id, o.order_number, s.carrier, s.tracking_number, s.status, s.shipped_at, s.estimated_delivery, s.delivered_at,
             (SELECT group_concat(x.product_name || ' (' || x.variant_label || ') x' || x.quantity, '; ') FROM order_items x WHERE x.order_id = o.id) AS items
           ${from} ORDER BY s.shipped_at DESC, s.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          limit,
          offset,
        );
      },
    }),

    // ----- returns -----
    start_return: tool({
      description:
        "Start a return for items of a delivered order. Each item must still be within its product's return window (counted from the delivery date; final-sale items cannot be returned) and not already returned. The refund per item is what was paid for it after discounts (shipping is not refunded) and is issued once the return is received. Returns the new return with its RMA number. Errors naming the item that cannot be returned.",
      input: v.object({
        order_id: Id("The delivered order's id."),
        items: v.pipe(
          v.array(
            v.object({
              order_item_id: Id("The order item's id (from get_order)."),
              quantity: Quantity("How many of this item to return."),
              reason: v.pipe(v.picklist(RETURN_REASONS), v.description("Why this item is returned.")),
            }),
          ),
          v.minLength(1),
          v.description("The items to return."),
        ),
        comment: v.optional(v.pipe(v.string(), v.maxLength(500), v.description("Optional note for the returns team."))),
      }),
      handler: ({ order_id, items, comment }, ctx) => {
        const o = getOrder(ctx, order_id);
        if (o.status !== "delivered") throw new ToolError(`order ${o.order_number} is ${o.status}; only delivered orders can be returned${o.status === "placed" || o.status === "processing" ? " (cancel it instead)" : ""}`);
        const all = orderItems(ctx, order_id);
        const seen = new Set<number>();
        const rows: { item: OrderItemRow; quantity: number; reason: string; refund: number }[] = [];
        for (const req of items) {
          if (seen.has(req.order_item_id)) throw new ToolError(`order item ${req.order_item_id} is listed twice`);
          seen.add(req.order_item_id);
          const item = all.find((i) => i.id === req.order_item_id);
          if (!item) throw new ToolError(`order item ${req.order_item_id} not found in order ${o.order_number}`);
          const info = returnInfo(ctx, o, item);
          const name = `${item.product_name} (${item.variant_label})`;
          if (item.return_window_days === 0) throw new ToolError(`${name} is final sale and cannot be returned`);
          if (info.return_deadline && ctx.today > info.return_deadline) throw new ToolError(`${name} is past its ${item.return_window_days}-day return window (closed ${info.return_deadline})`);
          if (info.returnable_quantity === 0) throw new ToolError(`${name} has already been returned`);
          if (req.quantity > info.returnable_quantity) throw new ToolError(`only ${info.returnable_quantity} of ${name} can be returned; requested ${req.quantity}`);
          const paid = item.unit_price_cents * item.quantity - item.discount_cents;
          rows.push({ item, quantity: req.quantity, reason: req.reason, refund: Math.round((paid * req.quantity) / item.quantity) });
        }
        const id = ctx.db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM returns")!.n;
        const total = rows.reduce((n, r) => n + r.refund, 0);
        ctx.db.run(
          "INSERT INTO returns (id, rma_number, order_id, user_id, status, refund_amount_cents, comment, created_at, updated_at) VALUES (?, ?, ?, ?, 'requested', ?, ?, ?, ?)",
          id, `RMA-${5000 + id}`, order_id, ctx.userId, total, comment?.trim() || null, ctx.timestamp, ctx.timestamp,
        );
        for (const r of rows) {
          ctx.db.run("INSERT INTO return_items (return_id, order_item_id, quantity, reason, refund_cents) VALUES (?, ?, ?, ?, ?)", id, r.item.id, r.quantity, r.reason, r.refund);
        }
        return { ...returnDetail(ctx, id), instructions: "Print the prepaid label from your account and drop the parcel at any UPS location within 14 days." };
      },
    }),

    list_returns: tool({
      description: "List the current user's returns, newest first, optionally by status. Returns a page with return_id, RMA number, order number, status, refund amount and the returned items.",
      input: v.object({
        status: v.optional(v.pipe(v.picklist(RETURN_STATUSES), v.description("Only returns in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ status, limit, offset }, ctx) => {
        const where = ["r.user_id = ?"];
        const params: (string | number)[] = [ctx.userId];
        if (status) {
          where.push("r.status = ?");
          params.push(status);
        }
        const from = `FROM returns r JOIN orders o ON o.id = r.order_id WHERE ${where.join(" AND ")}`;
        return page(
          ctx.db,
          `SELECT r.id AS return_id, r.rma_number, r.order_id, o.order_number, r.status, r.refund_amount_cents, r.created_at, r.updated_at,
             (SELECT group_concat(oi.product_name || ' (' || oi.variant_label || ') x' || ri.quantity || ' - ' || ri.reason, '; ')
              FROM return_items ri JOIN order_items oi ON oi.id = ri.order_item_id WHERE ri.return_id = r.id) AS items
           ${from} ORDER BY r.created_at DESC, r.id DESC`,
          `SELECT count(*) AS n ${from}`,
          params,
          limit,
          offset,
        );
      },
    }),

    get_return: tool({
      description: "Get one of the user's returns with its items, reasons, refund amounts and status. Errors if the return is not the user's.",
      input: v.object({ return_id: Id("The return's id (from list_returns or start_return).") }),
      handler: ({ return_id }, ctx) => returnDetail(ctx, return_id),
    }),

    cancel_return: tool({
      description: "Cancel a return that has not been received yet (status requested or approved); the items count as kept. Returns the cancelled return. Errors if the return is not the user's or is already received, refunded, rejected or cancelled.",
      input: v.object({ return_id: Id("The return's id.") }),
      handler: ({ return_id }, ctx) => {
        const r = ctx.db.get<{ status: string; rma_number: string }>("SELECT status, rma_number FROM returns WHERE id = ? AND user_id = ?", return_id, ctx.userId);
        if (!r) throw new ToolError(`return ${return_id} not found`);
        if (r.status !== "requested" && r.status !== "approved") throw new ToolError(`return ${r.rma_number} is ${r.status} and can no longer be cancelled`);
        ctx.db.run("UPDATE returns SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, return_id);
        return returnDetail(ctx, return_id);
      },
    }),

    // ----- reviews -----
    list_my_reviews: tool({
      description: "List the reviews the current user has written, newest first. Returns a page with review_id, product, rating, title and body.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT r.id AS review_id, r.product_id, p.name AS product_name, r.rating, r.title, r.body, r.verified_purchase, r.created_at, r.updated_at
           FROM reviews r JOIN products p ON p.id = r.product_id WHERE r.user_id = ? ORDER BY r.created_at DESC, r.id DESC`,
          "SELECT count(*) AS n FROM reviews WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    write_review: tool({
      description:
        "Write a review (1-5 stars, title, text) for a product the user received in a delivered order. Returns the new review. Errors if the product does not exist, was never delivered to the user, or the user already reviewed it (use update_review then).",
      input: v.object({
        product_id: Id("The product's id."),
        rating: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("Stars, 1-5.")),
        title: v.pipe(v.string(), v.minLength(1), v.maxLength(120), v.description("Short headline.")),
        body: v.pipe(v.string(), v.minLength(1), v.maxLength(4000), v.description("The review text.")),
      }),
      handler: ({ product_id, rating, title, body }, ctx) => {
        const p = ctx.db.get<{ name: string }>("SELECT name FROM products WHERE id = ?", product_id);
        if (!p) throw new ToolError(`product ${product_id} not found`);
        const bought = ctx.db.get(
          "SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN product_variants pv ON pv.id = oi.variant_id WHERE o.user_id = ? AND o.status = 'delivered' AND pv.product_id = ?",
          ctx.userId,
          product_id,
        );
        if (!bought) throw new ToolError(`you can only review products from your delivered orders; ${p.name} is not in any of them`);
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM reviews WHERE product_id = ? AND user_id = ?", product_id, ctx.userId);
        if (existing) throw new ToolError(`you already reviewed ${p.name} (review ${existing.id}); use update_review to change it`);
        const id = ctx.db.run(
          "INSERT INTO reviews (product_id, user_id, rating, title, body, verified_purchase, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
          product_id, ctx.userId, rating, title.trim(), body.trim(), ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        return { review_id: id, product_id, product_name: p.name, rating, title: title.trim(), body: body.trim(), verified_purchase: 1, created_at: ctx.timestamp };
      },
    }),

    update_review: tool({
      description: "Change the rating, title and/or text of one of the user's reviews; fields left out stay as they are. Returns the updated review. Errors if the review is not the user's or nothing is changed.",
      input: v.object({
        review_id: Id("The review's id (from list_my_reviews)."),
        rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5), v.description("New star rating, 1-5."))),
        title: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(120), v.description("New headline."))),
        body: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4000), v.description("New review text."))),
      }),
      handler: ({ review_id, rating, title, body }, ctx) => {
        const r = ctx.db.get<{ rating: number; title: string; body: string }>("SELECT rating, title, body FROM reviews WHERE id = ? AND user_id = ?", review_id, ctx.userId);
        if (!r) throw new ToolError(`review ${review_id} not found`);
        if (rating === undefined && title === undefined && body === undefined) throw new ToolError("give at least one of rating, title or body to change");
        ctx.db.run(
          "UPDATE reviews SET rating = ?, title = ?, body = ?, updated_at = ? WHERE id = ?",
          rating ?? r.rating, title?.trim() ?? r.title, body?.trim() ?? r.body, ctx.timestamp, review_id,
        );
        return ctx.db.get("SELECT r.id AS review_id, r.product_id, p.name AS product_name, r.rating, r.title, r.body, r.updated_at FROM reviews r JOIN products p ON p.id = r.product_id WHERE r.id = ?", review_id);
      },
    }),

    delete_review: tool({
      description: "Delete one of the user's reviews. Returns the deleted review's id. Errors if the review is not the user's.",
      input: v.object({ review_id: Id("The review's id.") }),
      handler: ({ review_id }, ctx) => {
        const n = ctx.db.run("DELETE FROM reviews WHERE id = ? AND user_id = ?", review_id, ctx.userId).changes;
        if (n === 0) throw new ToolError(`review ${review_id} not found`);
        return { deleted_review_id: review_id };
      },
    }),

    // ----- wishlist -----
    get_wishlist: tool({
      description: "List the current user's wishlist, newest first: wishlist_item_id, product, saved variant (if any), price, whether it is discontinued or in stock, and the note. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          `SELECT w.id AS wishlist_item_id, w.product_id, p.name AS product_name, p.status AS product_status, w.variant_id,
             CASE WHEN w.variant_id IS NULL THEN NULL ELSE COALESCE(pv.color || COALESCE(' / ' || pv.size, ''), pv.size) END AS variant,
             COALESCE(pv.price_cents, (SELECT MIN(price_cents) FROM product_variants x WHERE x.product_id = p.id)) AS price_cents,
             CASE WHEN w.variant_id IS NOT NULL THEN pv.stock ELSE (SELECT COALESCE(SUM(stock), 0) FROM product_variants x WHERE x.product_id = p.id AND x.is_active = 1) END AS in_stock,
             w.note, w.added_at
           FROM wishlist_items w JOIN products p ON p.id = w.product_id LEFT JOIN product_variants pv ON pv.id = w.variant_id
           WHERE w.user_id = ? ORDER BY w.added_at DESC, w.id DESC`,
          "SELECT count(*) AS n FROM wishlist_items WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    add_to_wishlist: tool({
      description: "Save a product (optionally a specific variant) to the wishlist with an optional note. Returns the new wishlist item. Errors if the product or variant does not exist or the product is already on the wishlist.",
      input: v.object({
        product_id: Id("The product's id."),
        variant_id: v.optional(Id("A specific variant of that product (optional).")),
        note: v.optional(v.pipe(v.string(), v.maxLength(200), v.description("A note to yourself (optional)."))),
      }),
      handler: ({ product_id, variant_id, note }, ctx) => {
        const p = ctx.db.get<{ name: string }>("SELECT name FROM products WHERE id = ?", product_id);
        if (!p) throw new ToolError(`product ${product_id} not found`);
        if (variant_id !== undefined && !ctx.db.get("SELECT 1 FROM product_variants WHERE id = ? AND product_id = ?", variant_id, product_id)) {
          throw new ToolError(`variant ${variant_id} not found for ${p.name}`);
        }
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM wishlist_items WHERE user_id = ? AND product_id = ?", ctx.userId, product_id);
        if (existing) throw new ToolError(`${p.name} is already on your wishlist (item ${existing.id})`);
        const id = ctx.db.run(
          "INSERT INTO wishlist_items (user_id, product_id, variant_id, note, added_at) VALUES (?, ?, ?, ?, ?)",
          ctx.userId, product_id, variant_id ?? null, note?.trim() || null, ctx.timestamp,
        ).lastInsertRowid;
        return { wishlist_item_id: id, product_id, product_name: p.name, variant_id: variant_id ?? null, note: note?.trim() || null, added_at: ctx.timestamp };
      },
    }),

    remove_from_wishlist: tool({
      description: "Remove one item from the wishlist. Returns the removed item's id and product. Errors if the item is not on the user's wishlist.",
      input: v.object({ wishlist_item_id: Id("The wishlist item's id (from get_wishlist).") }),
      handler: ({ wishlist_item_id }, ctx) => {
        const w = ctx.db.get<{ product_name: string }>("SELECT p.name AS product_name FROM wishlist_items w JOIN products p ON p.id = w.product_id WHERE w.id = ? AND w.user_id = ?", wishlist_item_id, ctx.userId);
        if (!w) throw new ToolError(`wishlist item ${wishlist_item_id} not found`);
        ctx.db.run("DELETE FROM wishlist_items WHERE id = ?", wishlist_item_id);
        return { removed_wishlist_item_id: wishlist_item_id, product_name: w.product_name };
      },
    }),

    move_wishlist_item_to_cart: tool({
      description:
        "Move a wishlist item into the cart and take it off the wishlist. Uses variant_id if given (must belong to that product), else the saved variant, else the product's only variant. Returns the cart line. Errors if a variant must be chosen, or it is discontinued or out of stock.",
      input: v.object({
        wishlist_item_id: Id("The wishlist item's id (from get_wishlist)."),
        variant_id: v.optional(Id("Variant to buy instead of the saved one, e.g. another size (from get_product).")),
        quantity: v.optional(Quantity("How many to add (default 1)."), 1),
      }),
      handler: ({ wishlist_item_id, variant_id, quantity }, ctx) => {
        const w = ctx.db.get<{ product_id: number; variant_id: number | null; product_name: string }>(
          "SELECT w.product_id, w.variant_id, p.name AS product_name FROM wishlist_items w JOIN products p ON p.id = w.product_id WHERE w.id = ? AND w.user_id = ?",
          wishlist_item_id,
          ctx.userId,
        );
        if (!w) throw new ToolError(`wishlist item ${wishlist_item_id} not found`);
        let chosen = variant_id ?? w.variant_id;
        if (variant_id !== undefined && !ctx.db.get("SELECT 1 FROM product_variants WHERE id = ? AND product_id = ?", variant_id, w.product_id)) {
          throw new ToolError(`variant ${variant_id} is not a variant of ${w.product_name}`);
        }
        if (chosen === null) {
          const vs = ctx.db.all<{ id: number }>("SELECT id FROM product_variants WHERE product_id = ? AND is_active = 1", w.product_id);
          if (vs.length !== 1) throw new ToolError(`${w.product_name} comes in ${vs.length} variants; pass variant_id to choose one (see get_product)`);
          chosen = vs[0]!.id;
        }
        const line = addToCartLine(ctx, chosen, quantity);
        ctx.db.run("DELETE FROM wishlist_items WHERE id = ?", wishlist_item_id);
        return { ...line, removed_wishlist_item_id: wishlist_item_id };
      },
    }),

    // ----- account -----
    get_account: tool({
      description: "Show the current user's profile (name, email, phone, member since) with their default address and default payment method, and counts of orders, open returns and wishlist items.",
      input: v.object({}),
      handler: (_a, ctx) => {
        const u = ctx.db.get<Record<string, unknown>>("SELECT id AS user_id, full_name, email, phone, member_since FROM users WHERE id = ?", ctx.userId);
        if (!u) throw new ToolError(`user ${ctx.userId} not found`);
        return {
          ...u,
          default_address: ctx.db.get("SELECT id AS address_id, label, line1, line2, city, region, postal_code FROM addresses WHERE user_id = ? AND is_default = 1", ctx.userId) ?? null,
          default_payment_method: ctx.db.get("SELECT id AS payment_method_id, kind, brand, last4 FROM payment_methods WHERE user_id = ? AND is_default = 1 AND status <> 'removed'", ctx.userId) ?? null,
          order_count: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM orders WHERE user_id = ?", ctx.userId)!.n,
          open_return_count: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM returns WHERE user_id = ? AND status IN ('requested', 'approved', 'received')", ctx.userId)!.n,
          wishlist_count: ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM wishlist_items WHERE user_id = ?", ctx.userId)!.n,
        };
      },
    }),

    list_addresses: tool({
      description: "List the current user's saved shipping addresses (default first) with address_id, label (e.g. Home, Work) and the full address. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS address_id, label, recipient_name, line1, line2, city, region, postal_code, country, phone, is_default FROM addresses WHERE user_id = ? ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM addresses WHERE user_id = ?",
          [ctx.userId],
          limit,
          offset,
        ),
    }),

    add_address: tool({
      description: "Save a new shipping address under a label that is unique among the user's addresses, optionally making it the default. Returns the new address. Errors if the label is already used.",
      input: v.object({
        label: v.pipe(v.string(), v.minLength(1), v.maxLength(40), v.description("A unique name for this address, e.g. 'Home' or 'Cabin'.")),
        recipient_name: v.pipe(v.string(), v.minLength(1), v.description("Who the parcel is addressed to.")),
        line1: v.pipe(v.string(), v.minLength(1), v.description("Street address.")),
        line2: v.optional(v.pipe(v.string(), v.description("Apartment, suite, company (optional)."))),
        city: v.pipe(v.string(), v.minLength(1), v.description("City.")),
        region: v.pipe(v.string(), v.minLength(1), v.description("State or region, e.g. OR.")),
        postal_code: v.pipe(v.string(), v.minLength(1), v.description("ZIP or postal code.")),
        country: v.optional(v.pipe(v.string(), v.length(2), v.description("Two-letter country code (default US).")), "US"),
        phone: v.optional(v.pipe(v.string(), v.description("Contact phone for the carrier (optional)."))),
        make_default: v.optional(v.pipe(v.boolean(), v.description("Make this the default address (default false).")), false),
      }),
      handler: (a, ctx) => {
        const label = a.label.trim();
        if (ctx.db.get("SELECT 1 FROM addresses WHERE user_id = ? AND lower(label) = lower(?)", ctx.userId, label)) {
          throw new ToolError(`you already have an address labelled '${label}'; use update_address to change it`);
        }
        const first = !ctx.db.get("SELECT 1 FROM addresses WHERE user_id = ?", ctx.userId);
        const id = ctx.db.run(
          `INSERT INTO addresses (user_id, label, recipient_name, line1, line2, city, region, postal_code, country, phone, is_default, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          ctx.userId, label, a.recipient_name.trim(), a.line1.trim(), a.line2?.trim() || null, a.city.trim(), a.region.trim(), a.postal_code.trim(),
          a.country.toUpperCase(), a.phone?.trim() || null, ctx.timestamp, ctx.timestamp,
        ).lastInsertRowid;
        if (a.make_default || first) setDefaultAddress(ctx, id);
        return ctx.db.get("SELECT id AS address_id, label, recipient_name, line1, line2, city, region, postal_code, country, phone, is_default FROM addresses WHERE id = ?", id);
      },
    }),

    update_address: tool({
      description:
        "Edit a saved address (fields left out stay as they are; pass line2 as an empty string to clear it) and/or make it the default. Orders already placed keep the address they were placed with; use update_order_address to re-point an unshipped order. Returns the updated address. Errors if the address is not the user's or the new label is taken.",
      input: v.object({
        address_id: Id("The address's id (from list_addresses)."),
        label: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40), v.description("New label."))),
        recipient_name: v.optional(v.pipe(v.string(), v.minLength(1), v.description("New recipient name."))),
        line1: v.optional(v.pipe(v.string(), v.minLength(1), v.description("New street address."))),
        line2: v.optional(v.pipe(v.string(), v.description("New apartment/suite line; empty string clears it."))),
        city: v.optional(v.pipe(v.string(), v.minLength(1), v.description("New city."))),
        region: v.optional(v.pipe(v.string(), v.minLength(1), v.description("New state or region."))),
        postal_code: v.optional(v.pipe(v.string(), v.minLength(1), v.description("New ZIP or postal code."))),
        country: v.optional(v.pipe(v.string(), v.length(2), v.description("New two-letter country code."))),
        phone: v.optional(v.pipe(v.string(), v.description("New contact phone; empty string clears it."))),
        make_default: v.optional(v.pipe(v.boolean(), v.description("true to make this the default address."))),
      }),
      handler: (a, ctx) => {
        const cur = getAddress(ctx, a.address_id);
        if (a.label !== undefined && ctx.db.get("SELECT 1 FROM addresses WHERE user_id = ? AND lower(label) = lower(?) AND id <> ?", ctx.userId, a.label.trim(), a.address_id)) {
          throw new ToolError(`you already have another address labelled '${a.label.trim()}'`);
        }
        const fields = [a.label, a.recipient_name, a.line1, a.line2, a.city, a.region, a.postal_code, a.country, a.phone];
        if (fields.every((f) => f === undefined) && a.make_default === undefined) throw new ToolError("nothing to change: give at least one field");
        if (a.make_default === false && cur.is_default) throw new ToolError(`address ${a.address_id} is your default; make another address the default instead`);
        const opt = (x: string | undefined, old: string | null) => (x === undefined ? old : x.trim() || null);
        ctx.db.run(
          `UPDATE addresses SET label = ?, recipient_name = ?, line1 = ?, line2 = ?, city = ?, region = ?, postal_code = ?, country = ?, phone = ?, updated_at = ? WHERE id = ?`,
          a.label?.trim() ?? cur.label, a.recipient_name?.trim() ?? cur.recipient_name, a.line1?.trim() ?? cur.line1, opt(a.line2, cur.line2),
          a.city?.trim() ?? cur.city, a.region?.trim() ?? cur.region, a.postal_code?.trim() ?? cur.postal_code, a.country?.toUpperCase() ?? cur.country,
          opt(a.phone, cur.phone), ctx.timestamp, a.address_id,
        );
        if (a.make_default) setDefaultAddress(ctx, a.address_id);
        return ctx.db.get("SELECT id AS address_id, label, recipient_name, line1, line2, city, region, postal_code, country, phone, is_default FROM addresses WHERE id = ?", a.address_id);
      },
    }),

    delete_address: tool({
      description: "Delete a saved address. Past orders keep their copy of it. Returns the deleted address's id. Errors if the address is not the user's, is the default while other addresses exist, or an unshipped order is going there.",
      input: v.object({ address_id: Id("The address's id.") }),
      handler: ({ address_id }, ctx) => {
        const a = getAddress(ctx, address_id);
        const open = ctx.db.get<{ order_number: string }>("SELECT order_number FROM orders WHERE address_id = ? AND status IN ('placed', 'processing') LIMIT 1", address_id);
        if (open) throw new ToolError(`address '${a.label}' is the destination of unshipped order ${open.order_number}; change that order's address first`);
        const others = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM addresses WHERE user_id = ? AND id <> ?", ctx.userId, address_id)!.n;
        if (a.is_default && others > 0) throw new ToolError(`address '${a.label}' is your default; make another address the default first`);
        ctx.db.run("DELETE FROM addresses WHERE id = ?", address_id);
        return { deleted_address_id: address_id, label: a.label };
      },
    }),

    list_payment_methods: tool({
      description: "List the current user's saved payment methods (cards and PayPal) with payment_method_id, brand, last 4 digits, expiry, status (active or expired) and which is the default. Returns a page.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) =>
        page(
          ctx.db,
          "SELECT id AS payment_method_id, kind, brand, last4, exp_month, exp_year, billing_email, status, is_default FROM payment_methods WHERE user_id = ? AND status <> 'removed' ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM payment_methods WHERE user_id = ? AND status <> 'removed'",
          [ctx.userId],
          limit,
          offset,
        ),
    }),
  },
});
