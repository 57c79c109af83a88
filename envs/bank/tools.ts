import * as v from "valibot";
import { defineEnv, tool, ToolError } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const id = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.description(what));
const cents = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.description(what));
const date = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"), v.description(what));
const month = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use YYYY-MM"), v.description(what));
const pick = <const T extends readonly [string, ...string[]]>(options: T, what: string) => v.pipe(v.picklist(options, `use one of: ${options.join(", ")}`), v.description(what));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100), v.description("Page size, 1-100 (default 20)")), 20);
const offset = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Rows to skip, for paging (default 0)")), 0);

const CARD_CONTROLS = ["online_purchases", "international", "contactless", "atm_withdrawals"] as const;
const ALERT_TYPES = ["low_balance", "large_transaction", "deposit_received", "payment_due", "statement_ready"] as const;
const DISPUTE_REASONS = ["duplicate_charge", "unauthorized", "not_received", "incorrect_amount", "defective_or_not_as_described", "cancelled_subscription", "other"] as const;
const TX_KINDS = ["purchase", "refund", "bill_payment", "payee_payment", "deposit", "transfer_in", "transfer_out", "atm_withdrawal", "fee", "interest"] as const;

type Row = Record<string, unknown>;
/** What a handler receives as its second argument (envkit's ToolContext). */
type ToolContext = Parameters<ReturnType<typeof tool>["handler"]>[1];
type Param = string | number | null;
interface Account {
  id: number;
  user_id: number;
  account_type: "checking" | "savings" | "credit";
  nickname: string;
  account_number: string;
  routing_number: string;
  currency: string;
  status: "open" | "frozen" | "closed";
  balance_cents: number;
  overdraft_limit_cents: number;
  credit_limit_cents: number | null;
  interest_rate_bps: number;
  opened_at: string;
  closed_at: string | null;
}
interface Card {
  id: number;
  user_id: number;
  account_id: number;
  card_type: "debit" | "credit";
  network: string;
  last4: string;
  cardholder_name: string;
  expiry_month: number;
  expiry_year: number;
  status: "active" | "frozen" | "cancelled";
  daily_purchase_limit_cents: number;
  daily_atm_limit_cents: number;
  cancel_reason: string | null;
  replaces_card_id: number | null;
  issued_at: string;
  updated_at: string;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function dollars(c: number): string {
  const s = (Math.abs(c) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${c < 0 ? "-" : ""}$${s}`;
}

function page<T = Row>(ctx: ToolContext, sql: string, params: Param[], order: string, lim: number, off: number) {
  const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, ...params)!.n;
  const items = ctx.db.all<T>(`${sql} ORDER BY ${order} LIMIT ? OFFSET ?`, ...params, lim, off);
  return { items, total, limit: lim, offset: off, next_offset: off + items.length < total ? off + items.length : null };
}

function validDate(s: string, field: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new ToolError(`${field} ${s} is not a real calendar date`);
  return s;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function monthBounds(m: string): { start: string; end: string } {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { start: `${m}-01`, end: `${m}-${String(last).padStart(2, "0")}` };
}

function pendingCents(ctx: ToolContext, accountId: number): number {
  return ctx.db.get<{ s: number }>("SELECT coalesce(sum(amount_cents), 0) AS s FROM transactions WHERE account_id = ? AND status = 'pending'", accountId)!.s;
}

/** Money that can leave (or be charged to) an account right now. */
function availableCents(ctx: ToolContext, a: Account): number {
  const pending = pendingCents(ctx, a.id);
  if (a.account_type === "credit") return (a.credit_limit_cents ?? 0) + a.balance_cents + pending;
  return a.balance_cents + pending + a.overdraft_limit_cents;
}

function accountView(ctx: ToolContext, a: Account) {
  const pending = pendingCents(ctx, a.id);
  return {
    id: a.id,
    nickname: a.nickname,
    account_type: a.account_type,
    account_number_masked: `****${a.account_number.slice(-4)}`,
    last4: a.account_number.slice(-4),
    status: a.status,
    currency: a.currency,
    balance_cents: a.balance_cents,
    pending_cents: pending,
    available_cents: a.status === "closed" ? 0 : availableCents(ctx, a),
    ...(a.account_type === "credit" ? { amount_owed_cents: Math.max(0, -a.balance_cents), credit_limit_cents: a.credit_limit_cents } : { overdraft_limit_cents: a.overdraft_limit_cents }),
    interest_rate_bps: a.interest_rate_bps,
    opened_at: a.opened_at,
    closed_at: a.closed_at,
  };
}

function ownAccount(ctx: ToolContext, accountId: number): Account {
  const a = ctx.db.get<Account>("SELECT * FROM accounts WHERE id = ? AND user_id = ?", accountId, ctx.userId);
  if (!a) throw new ToolError(`account ${accountId} not found`);
  return a;
}

function usableAccount(ctx: ToolContext, accountId: number, role: string): Account {
  const a = ownAccount(ctx, accountId);
  if (a.status === "closed") throw new ToolError(`${role} account ${accountId} (${a.nickname}) is closed`);
  if (a.status === "frozen") throw new ToolError(`${role} account ${accountId} (${a.nickname}) is frozen; contact support to unfreeze it`);
  return a;
}

function label(a: Account): string {
  return `${a.nickname} ...${a.account_number.slice(-4)}`;
}

function categoryByName(ctx: ToolContext, name: string): { id: number; name: string; kind: string } {
  const c = ctx.db.get<{ id: number; name: string; kind: string }>("SELECT id, name, kind FROM categories WHERE name = ? COLLATE NOCASE", name.trim());
  if (!c) {
    const names = ctx.db.all<{ name: string }>("SELECT name FROM categories ORDER BY name").map((r) => r.name);
    throw new ToolError(`category '${name}' not found; categories are: ${names.join(", ")}`);
  }
  return c;
}

/** Appends a posted ledger entry and moves the account balance. */
function post(ctx: ToolContext, a: Account, amount: number, kind: string, description: string, categoryId: number | null, transferId: number | null) {
  const row = ctx.db.get<{ balance_cents: number }>("SELECT balance_cents FROM accounts WHERE id = ?", a.id)!;
  const after = row.balance_cents + amount;
  ctx.db.run("UPDATE accounts SET balance_cents = ? WHERE id = ?", after, a.id);
  const r = ctx.db.run(
    "INSERT INTO transactions (account_id, posted_at, amount_cents, kind, status, description, merchant_id, category_id, card_id, transfer_id, balance_after_cents) VALUES (?, ?, ?, ?, 'posted', ?, NULL, ?, NULL, ?, ?)",
    a.id, ctx.timestamp, amount, kind, description, categoryId, transferId, after,
  );
  return { transaction_id: r.lastInsertRowid, account_id: a.id, amount_cents: amount, balance_after_cents: after };
}

function transfersCategory(ctx: ToolContext): number {
  return ctx.db.get<{ id: number }>("SELECT id FROM categories WHERE name = 'Transfers'")!.id;
}

const TX_SELECT = `
  SELECT t.id, t.account_id, a.nickname AS account_nickname, t.posted_at, t.amount_cents, t.kind, t.status,
         t.description, t.merchant_id, m.name AS merchant_name, t.category_id, c.name AS category_name,
         t.card_id, cd.last4 AS card_last4, t.transfer_id, t.balance_after_cents
  FROM transactions t
  JOIN accounts a ON a.id = t.account_id
  LEFT JOIN merchants m ON m.id = t.merchant_id
  LEFT JOIN categories c ON c.id = t.category_id
  LEFT JOIN cards cd ON cd.id = t.card_id`;

function ownTransaction(ctx: ToolContext, txId: number): Row & { id: number; amount_cents: number; kind: string; status: string; posted_at: string; description: string } {
  const t = ctx.db.get<Row & { id: number; amount_cents: number; kind: string; status: string; posted_at: string; description: string }>(`${TX_SELECT} WHERE t.id = ? AND a.user_id = ?`, txId, ctx.userId);
  if (!t) throw new ToolError(`transaction ${txId} not found`);
  return t;
}

function ownCard(ctx: ToolContext, cardId: number): Card {
  const c = ctx.db.get<Card>("SELECT * FROM cards WHERE id = ? AND user_id = ?", cardId, ctx.userId);
  if (!c) throw new ToolError(`card ${cardId} not found`);
  return c;
}

function cardView(ctx: ToolContext, c: Card) {
  const controls: Record<string, boolean> = {};
  for (const r of ctx.db.all<{ control: string; enabled: number }>("SELECT control, enabled FROM card_controls WHERE card_id = ? ORDER BY control", c.id)) controls[r.control] = r.enabled === 1;
  const acct = ctx.db.get<{ nickname: string }>("SELECT nickname FROM accounts WHERE id = ?", c.account_id);
  return { ...c, account_nickname: acct?.nickname ?? null, expiry: `${String(c.expiry_month).padStart(2, "0")}/${c.expiry_year}`, controls };
}

function ownPayee(ctx: ToolContext, payeeId: number) {
  const p = ctx.db.get<{ id: number; name: string; status: string; category_id: number | null }>("SELECT * FROM payees WHERE id = ? AND user_id = ?", payeeId, ctx.userId);
  if (!p) throw new ToolError(`payee ${payeeId} not found`);
  return p;
}

function routingValid(r: string): boolean {
  if (!/^\d{9}$/.test(r)) return false;
  const d = r.split("").map(Number);
  return (3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!)) % 10 === 0;
}

const SCHED_SELECT = `
  SELECT s.*, fa.nickname AS from_account_nickname, ta.nickname AS to_account_nickname, p.name AS payee_name
  FROM scheduled_transfers s
  JOIN accounts fa ON fa.id = s.from_account_id
  LEFT JOIN accounts ta ON ta.id = s.to_account_id
  LEFT JOIN payees p ON p.id = s.payee_id`;

const TRANSFER_SELECT = `
  SELECT tr.*, fa.nickname AS from_account_nickname, ta.nickname AS to_account_nickname, p.name AS payee_name
  FROM transfers tr
  JOIN accounts fa ON fa.id = tr.from_account_id
  LEFT JOIN accounts ta ON ta.id = tr.to_account_id
  LEFT JOIN payees p ON p.id = tr.payee_id`;

function ownScheduled(ctx: ToolContext, sid: number) {
  const s = ctx.db.get<Row & { id: number; status: string; from_account_id: number; to_account_id: number | null; payee_id: number | null; next_run_date: string; end_date: string | null }>(`${SCHED_SELECT} WHERE s.id = ? AND s.user_id = ?`, sid, ctx.userId);
  if (!s) throw new ToolError(`scheduled transfer ${sid} not found`);
  return s;
}

/** Spending per category: expense-category debits minus refunds, posted entries only. */
function spending(ctx: ToolContext, from: string, to: string, accountId: number | null) {
  return ctx.db.all<{ category_id: number; category: string; spent_cents: number; transactions: number }>(
    `SELECT c.id AS category_id, c.name AS category, -sum(t.amount_cents) AS spent_cents, count(*) AS transactions
     FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN categories c ON c.id = t.category_id
     WHERE a.user_id = ? AND t.status = 'posted' AND c.kind = 'expense'
       AND substr(t.posted_at, 1, 10) BETWEEN ? AND ? AND (? IS NULL OR t.account_id = ?)
     GROUP BY c.id ORDER BY spent_cents DESC, c.name`,
    ctx.userId, from, to, accountId, accountId,
  );
}

function newLast4(cardId: number, old: string): string {
  let n = (cardId * 7331 + 2917) % 10000;
  if (String(n).padStart(4, "0") === old) n = (n + 1) % 10000;
  return String(n).padStart(4, "0");
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----------------------------------------------------------- profile & accounts
    get_profile: tool({
      description: "Get the signed-in customer's profile (name, contact details) plus today's date on the bank's clock, which is what 'today', 'this month' and 'last month' mean.",
      input: v.object({}),
      handler: (_args, ctx) => {
        const u = ctx.db.get("SELECT id, full_name, email, phone, address_line, city, state, postal_code, customer_since FROM users WHERE id = ?", ctx.userId);
        if (!u) throw new ToolError(`user ${ctx.userId} not found`);
        const n = ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM accounts WHERE user_id = ? AND status <> 'closed'", ctx.userId)!.n;
        return { ...u, open_accounts: n, today: ctx.today, now: ctx.timestamp };
      },
    }),

    list_accounts: tool({
      description: "List the customer's accounts (checking, savings, credit card) with posted balance, pending amount and available balance in cents. For credit accounts a negative balance is the amount owed. Paginated.",
      input: v.object({
        account_type: v.optional(pick(["checking", "savings", "credit"], "Only accounts of this type")),
        include_closed: v.optional(v.pipe(v.boolean(), v.description("Also list closed accounts (default false)")), false),
        limit,
        offset,
      }),
      handler: ({ account_type, include_closed, limit: lim, offset: off }, ctx) => {
        const p = page<Account>(ctx, "SELECT * FROM accounts WHERE user_id = ? AND (? IS NULL OR account_type = ?) AND (? = 1 OR status <> 'closed')", [ctx.userId, account_type ?? null, account_type ?? null, include_closed ? 1 : 0], "id", lim, off);
        return { ...p, items: p.items.map((a) => accountView(ctx, a)) };
      },
    }),

    get_account: tool({
      description: "Get one account's details and balance: posted balance, pending, available (including overdraft or remaining credit), plus the cards linked to it. Errors if the account is not the customer's.",
      input: v.object({ account_id: id("The account's id (from list_accounts)") }),
      handler: ({ account_id }, ctx) => {
        const a = ownAccount(ctx, account_id);
        const cards = ctx.db.all("SELECT id, card_type, last4, cardholder_name, status FROM cards WHERE account_id = ? ORDER BY id", a.id);
        return { ...accountView(ctx, a), routing_number: a.routing_number, cards };
      },
    }),

    // ----------------------------------------------------------- transactions
    search_transactions: tool({
      description: "Search the customer's ledger across their accounts, newest first. Filter by account, text (matches merchant name or statement description, case-insensitive), category name, kind, status, date range (inclusive, YYYY-MM-DD) and amount range (absolute value in cents). amount_cents is signed: negative = money out / charge, positive = money in / payment / refund. Paginated.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Text to match in the merchant name or description, e.g. 'blue bottle'"))),
        account_id: v.optional(id("Only this account")),
        category: v.optional(v.pipe(v.string(), v.description("Category name, e.g. 'Groceries' (exact, case-insensitive)"))),
        kind: v.optional(pick(TX_KINDS, "Only entries of this kind")),
        status: v.optional(pick(["pending", "posted"], "pending (authorized, not yet posted) or posted")),
        direction: v.optional(pick(["debit", "credit"], "debit = money out / charges, credit = money in / payments / refunds")),
        date_from: v.optional(date("Earliest posting date, inclusive (YYYY-MM-DD)")),
        date_to: v.optional(date("Latest posting date, inclusive (YYYY-MM-DD)")),
        min_amount_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Minimum absolute amount in cents"))),
        max_amount_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("Maximum absolute amount in cents"))),
        limit,
        offset,
      }),
      handler: (a, ctx) => {
        if (a.account_id !== undefined) ownAccount(ctx, a.account_id);
        const cat = a.category !== undefined ? categoryByName(ctx, a.category).id : null;
        if (a.date_from) validDate(a.date_from, "date_from");
        if (a.date_to) validDate(a.date_to, "date_to");
        const like = a.query !== undefined ? `%${a.query.trim()}%` : null;
        const sql = `${TX_SELECT}
          WHERE a.user_id = ?
            AND (? IS NULL OR t.account_id = ?)
            AND (? IS NULL OR m.name LIKE ? OR t.description LIKE ?)
            AND (? IS NULL OR t.category_id = ?)
            AND (? IS NULL OR t.kind = ?)
            AND (? IS NULL OR t.status = ?)
            AND (? IS NULL OR (? = 'debit' AND t.amount_cents < 0) OR (? = 'credit' AND t.amount_cents > 0))
            AND (? IS NULL OR substr(t.posted_at, 1, 10) >= ?)
            AND (? IS NULL OR substr(t.posted_at, 1, 10) <= ?)
            AND (? IS NULL OR abs(t.amount_cents) >= ?)
            AND (? IS NULL OR abs(t.amount_cents) <= ?)`;
        const acc = a.account_id ?? null;
        const dir = a.direction ?? null;
        const params = [ctx.userId, acc, acc, like, like, like, cat, cat, a.kind ?? null, a.kind ?? null, a.status ?? null, a.status ?? null, dir, dir, dir,
          a.date_from ?? null, a.date_from ?? null, a.date_to ?? null, a.date_to ?? null, a.min_amount_cents ?? null, a.min_amount_cents ?? null, a.max_amount_cents ?? null, a.max_amount_cents ?? null];
        return page(ctx, sql, params, "t.posted_at DESC, t.id DESC", a.limit, a.offset);
      },
    }),

    get_transaction: tool({
      description: "Get one transaction with its merchant, category, card, linked transfer and any disputes filed on it. Errors if it is not on one of the customer's accounts.",
      input: v.object({ transaction_id: id("The transaction's id") }),
      handler: ({ transaction_id }, ctx) => {
        const t = ownTransaction(ctx, transaction_id);
        const disputes = ctx.db.all("SELECT id, reason, amount_cents, status, created_at FROM disputes WHERE transaction_id = ? ORDER BY id", transaction_id);
        return { ...t, disputes };
      },
    }),

    categorize_transaction: tool({
      description: "Change the spending category of one of the customer's transactions (affects spending reports and budgets). Returns the old and new category. Errors if the category name is unknown or the transaction is not the customer's.",
      input: v.object({
        transaction_id: id("The transaction's id"),
        category: v.pipe(v.string(), v.minLength(1), v.description("New category name, e.g. 'Gifts & Donations' (see list_categories)")),
      }),
      handler: ({ transaction_id, category }, ctx) => {
        const t = ownTransaction(ctx, transaction_id);
        const c = categoryByName(ctx, category);
        if (t.category_id === c.id) throw new ToolError(`transaction ${transaction_id} is already in category ${c.name}`);
        ctx.db.run("UPDATE transactions SET category_id = ? WHERE id = ?", c.id, transaction_id);
        return { transaction_id, description: t.description, old_category: t.category_name ?? null, new_category: c.name };
      },
    }),

    list_categories: tool({
      description: "List spending/income categories (id, name, kind). Only 'expense' categories count toward spending and budgets. Paginated.",
      input: v.object({
        kind: v.optional(pick(["expense", "income", "transfer"], "Only categories of this kind")),
        limit,
        offset,
      }),
      handler: ({ kind, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT id, name, kind, description FROM categories WHERE (? IS NULL OR kind = ?)", [kind ?? null, kind ?? null], "name", lim, off),
    }),

    search_merchants: tool({
      description: "Search merchants by partial name (case-insensitive) and see their default category and location. Paginated.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Part of the merchant name, e.g. 'costco'")), ""),
        limit,
        offset,
      }),
      handler: ({ query, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT m.id, m.name, c.name AS default_category, m.city, m.state, m.website FROM merchants m JOIN categories c ON c.id = m.default_category_id WHERE m.name LIKE ?", [`%${query.trim()}%`], "m.name", lim, off),
    }),

    spending_by_category: tool({
      description: "Total spending per expense category for a date range (inclusive), across all the customer's accounts or one account. Spending = posted debits in expense categories minus refunds; transfers between own accounts and income are excluded; pending charges are excluded. Returns categories sorted by amount and a grand total, in cents.",
      input: v.object({
        date_from: date("First day, inclusive (YYYY-MM-DD)"),
        date_to: date("Last day, inclusive (YYYY-MM-DD)"),
        account_id: v.optional(id("Only this account")),
      }),
      handler: ({ date_from, date_to, account_id }, ctx) => {
        validDate(date_from, "date_from");
        validDate(date_to, "date_to");
        if (date_to < date_from) throw new ToolError("date_to is before date_from");
        if (account_id !== undefined) ownAccount(ctx, account_id);
        const rows = spending(ctx, date_from, date_to, account_id ?? null);
        return { date_from, date_to, account_id: account_id ?? null, categories: rows, total_cents: rows.reduce((s, r) => s + r.spent_cents, 0) };
      },
    }),

    // ----------------------------------------------------------- transfers
    transfer_between_accounts: tool({
      description: "Move money now between two of the customer's own accounts (also used to pay a credit card from checking/savings). Posts a debit on the source and a credit on the destination atomically and returns the transfer and new balances. Errors: same account, closed/frozen account, source is a credit card, amount above available funds (overdraft included), or a card payment larger than the amount owed.",
      input: v.object({
        from_account_id: id("Account the money leaves"),
        to_account_id: id("Account the money goes to"),
        amount_cents: cents("Amount in cents, e.g. 25000 for $250.00"),
        memo: v.optional(v.pipe(v.string(), v.maxLength(140), v.description("Optional note shown on both accounts")), ""),
      }),
      handler: ({ from_account_id, to_account_id, amount_cents, memo }, ctx) => {
        if (from_account_id === to_account_id) throw new ToolError("cannot transfer from an account to itself");
        const from = usableAccount(ctx, from_account_id, "source");
        const to = usableAccount(ctx, to_account_id, "destination");
        if (from.account_type === "credit") throw new ToolError(`cannot transfer out of credit card account ${from.id} (${from.nickname}); cash advances are not supported online`);
        const avail = availableCents(ctx, from);
        if (amount_cents > avail) throw new ToolError(`insufficient funds in ${label(from)}: ${dollars(amount_cents)} requested, ${dollars(Math.max(0, avail))} available${from.overdraft_limit_cents ? " including overdraft" : ""}`);
        if (to.account_type === "credit") {
          const owed = Math.max(0, -to.balance_cents);
          if (owed === 0) throw new ToolError(`${label(to)} has no balance owed`);
          if (amount_cents > owed) throw new ToolError(`payment of ${dollars(amount_cents)} is more than the ${dollars(owed)} owed on ${label(to)}`);
        }
        const r = ctx.db.run(
          "INSERT INTO transfers (user_id, from_account_id, to_account_id, payee_id, scheduled_transfer_id, amount_cents, memo, status, send_on, created_at, completed_at) VALUES (?, ?, ?, NULL, NULL, ?, ?, 'completed', ?, ?, ?)",
          ctx.userId, from.id, to.id, amount_cents, memo, ctx.today, ctx.timestamp, ctx.timestamp,
        );
        const tid = r.lastInsertRowid;
        const cat = transfersCategory(ctx);
        const suffix = memo ? ` - ${memo}` : "";
        const debit = post(ctx, from, -amount_cents, "transfer_out", `Transfer to ${label(to)}${suffix}`, cat, tid);
        const credit = post(ctx, to, amount_cents, "transfer_in", `${to.account_type === "credit" ? "Payment" : "Transfer"} from ${label(from)}${suffix}`, cat, tid);
        return { transfer_id: tid, status: "completed", amount_cents, from: { ...debit, nickname: from.nickname }, to: { ...credit, nickname: to.nickname }, completed_at: ctx.timestamp };
      },
    }),

    list_transfers: tool({
      description: "List the customer's transfers (between own accounts and to payees), newest first, with status pending/completed/cancelled/failed. Filter by status, account, payee or send date range. Paginated.",
      input: v.object({
        status: v.optional(pick(["pending", "completed", "cancelled", "failed"], "Only transfers with this status")),
        account_id: v.optional(id("Only transfers from or to this account")),
        payee_id: v.optional(id("Only transfers to this payee")),
        date_from: v.optional(date("Earliest send date, inclusive (YYYY-MM-DD)")),
        date_to: v.optional(date("Latest send date, inclusive (YYYY-MM-DD)")),
        limit,
        offset,
      }),
      handler: (a, ctx) => {
        const acc = a.account_id ?? null;
        const sql = `${TRANSFER_SELECT} WHERE tr.user_id = ? AND (? IS NULL OR tr.status = ?) AND (? IS NULL OR tr.from_account_id = ? OR tr.to_account_id = ?)
          AND (? IS NULL OR tr.payee_id = ?) AND (? IS NULL OR tr.send_on >= ?) AND (? IS NULL OR tr.send_on <= ?)`;
        const params = [ctx.userId, a.status ?? null, a.status ?? null, acc, acc, acc, a.payee_id ?? null, a.payee_id ?? null, a.date_from ?? null, a.date_from ?? null, a.date_to ?? null, a.date_to ?? null];
        return page(ctx, sql, params, "tr.send_on DESC, tr.id DESC", a.limit, a.offset);
      },
    }),

    cancel_transfer: tool({
      description: "Cancel a pending (future-dated) transfer or payee payment; nothing has moved yet, so no ledger entries change. Errors if the transfer is already completed or cancelled.",
      input: v.object({ transfer_id: id("The transfer's id (from list_transfers)") }),
      handler: ({ transfer_id }, ctx) => {
        const t = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM transfers WHERE id = ? AND user_id = ?", transfer_id, ctx.userId);
        if (!t) throw new ToolError(`transfer ${transfer_id} not found`);
        if (t.status !== "pending") throw new ToolError(`transfer ${transfer_id} is ${t.status}; only pending transfers can be cancelled`);
        ctx.db.run("UPDATE transfers SET status = 'cancelled', cancelled_at = ? WHERE id = ?", ctx.timestamp, transfer_id);
        return ctx.db.get(`${TRANSFER_SELECT} WHERE tr.id = ?`, transfer_id);
      },
    }),

    // ----------------------------------------------------------- payees
    list_payees: tool({
      description: "List or search the customer's saved payees (people and businesses they send money to) by name or nickname. Account numbers are masked to the last 4 digits. Removed payees are hidden unless include_removed. Paginated.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Part of the payee's name or nickname"))),
        include_removed: v.optional(v.pipe(v.boolean(), v.description("Also list removed payees (default false)")), false),
        limit,
        offset,
      }),
      handler: ({ query, include_removed, limit: lim, offset: off }, ctx) => {
        const like = query !== undefined ? `%${query.trim()}%` : null;
        const sql = `SELECT p.id, p.name, p.nickname, p.payee_type, p.bank_name, p.routing_number, '****' || substr(p.account_number, -4) AS account_number_masked,
            c.name AS default_category, p.status, p.created_at, p.removed_at
          FROM payees p LEFT JOIN categories c ON c.id = p.category_id
          WHERE p.user_id = ? AND (? = 1 OR p.status = 'active') AND (? IS NULL OR p.name LIKE ? OR p.nickname LIKE ?)`;
        return page(ctx, sql, [ctx.userId, include_removed ? 1 : 0, like, like, like], "p.name", lim, off);
      },
    }),

    add_payee: tool({
      description: "Save a new payee (person or business) so the customer can send them money. Validates the 9-digit ABA routing number checksum and a 4-17 digit account number. Returns the new payee. Errors if an active payee with the same routing and account number already exists.",
      input: v.object({
        name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(80), v.description("Payee's full name or business name")),
        bank_name: v.pipe(v.string(), v.trim(), v.minLength(2), v.description("Payee's bank, e.g. 'Chase'")),
        routing_number: v.pipe(v.string(), v.description("9-digit ABA routing number")),
        account_number: v.pipe(v.string(), v.description("Payee's account number, 4-17 digits")),
        payee_type: v.optional(pick(["person", "business"], "person or business (default person)"), "person"),
        nickname: v.optional(v.pipe(v.string(), v.maxLength(40), v.description("Optional short label, e.g. 'Landlord'"))),
        category: v.optional(v.pipe(v.string(), v.description("Optional category name applied to payments to this payee, e.g. 'Rent & Housing'"))),
      }),
      handler: (a, ctx) => {
        const routing = a.routing_number.trim();
        const acct = a.account_number.trim();
        if (!routingValid(routing)) throw new ToolError(`routing number ${routing} is not a valid 9-digit ABA routing number`);
        if (!/^\d{4,17}$/.test(acct)) throw new ToolError("account_number must be 4-17 digits");
        const dup = ctx.db.get<{ id: number; name: string }>("SELECT id, name FROM payees WHERE user_id = ? AND status = 'active' AND routing_number = ? AND account_number = ?", ctx.userId, routing, acct);
        if (dup) throw new ToolError(`payee ${dup.id} (${dup.name}) already uses routing ${routing} and account ending ${acct.slice(-4)}`);
        const cat = a.category !== undefined ? categoryByName(ctx, a.category) : null;
        if (cat && cat.kind !== "expense") throw new ToolError(`category ${cat.name} is not an expense category`);
        const r = ctx.db.run(
          "INSERT INTO payees (user_id, name, nickname, payee_type, bank_name, routing_number, account_number, category_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)",
          ctx.userId, a.name, a.nickname ?? null, a.payee_type, a.bank_name, routing, acct, cat?.id ?? null, ctx.timestamp,
        );
        return { id: r.lastInsertRowid, name: a.name, nickname: a.nickname ?? null, payee_type: a.payee_type, bank_name: a.bank_name, routing_number: routing, account_number_masked: `****${acct.slice(-4)}`, default_category: cat?.name ?? null, status: "active", created_at: ctx.timestamp };
      },
    }),

    remove_payee: tool({
      description: "Remove a saved payee. Past payments stay in history. Errors if the payee is already removed or still has active/paused scheduled transfers or pending payments (cancel those first; the error lists them).",
      input: v.object({ payee_id: id("The payee's id (from list_payees)") }),
      handler: ({ payee_id }, ctx) => {
        const p = ownPayee(ctx, payee_id);
        if (p.status === "removed") throw new ToolError(`payee ${payee_id} (${p.name}) is already removed`);
        const sched = ctx.db.all<{ id: number }>("SELECT id FROM scheduled_transfers WHERE payee_id = ? AND status IN ('active', 'paused')", payee_id).map((r) => r.id);
        const pending = ctx.db.all<{ id: number }>("SELECT id FROM transfers WHERE payee_id = ? AND status = 'pending'", payee_id).map((r) => r.id);
        if (sched.length || pending.length) {
          throw new ToolError(`payee ${payee_id} (${p.name}) still has ${sched.length ? `scheduled transfer(s) ${sched.join(", ")}` : ""}${sched.length && pending.length ? " and " : ""}${pending.length ? `pending transfer(s) ${pending.join(", ")}` : ""}; cancel them first`);
        }
        ctx.db.run("UPDATE payees SET status = 'removed', removed_at = ? WHERE id = ?", ctx.timestamp, payee_id);
        return { id: payee_id, name: p.name, status: "removed", removed_at: ctx.timestamp };
      },
    }),

    pay_payee: tool({
      description: "Send money from a checking account to a saved payee. With send_on today (the default) it completes now and posts a debit; with a future send_on it is created as a pending transfer that can be cancelled until then. Errors: payee removed, account not checking/closed/frozen, insufficient funds (overdraft included) for an immediate payment, send_on in the past or more than a year ahead.",
      input: v.object({
        payee_id: id("The payee's id (from list_payees)"),
        from_account_id: id("Checking account to pay from"),
        amount_cents: cents("Amount in cents, e.g. 185000 for $1,850.00"),
        send_on: v.optional(date("Date to send (YYYY-MM-DD); default today")),
        memo: v.optional(v.pipe(v.string(), v.maxLength(140), v.description("Optional note for the payee")), ""),
      }),
      handler: ({ payee_id, from_account_id, amount_cents, send_on, memo }, ctx) => {
        const p = ownPayee(ctx, payee_id);
        if (p.status !== "active") throw new ToolError(`payee ${payee_id} (${p.name}) has been removed`);
        const from = usableAccount(ctx, from_account_id, "source");
        if (from.account_type !== "checking") throw new ToolError(`payments to payees must come from a checking account; ${label(from)} is ${from.account_type}`);
        const day = send_on ? validDate(send_on, "send_on") : ctx.today;
        if (day < ctx.today) throw new ToolError(`send_on ${day} is in the past (today is ${ctx.today})`);
        if (day > addDays(ctx.today, 365)) throw new ToolError("send_on can be at most one year ahead");
        const now = day === ctx.today;
        if (now) {
          const avail = availableCents(ctx, from);
          if (amount_cents > avail) throw new ToolError(`insufficient funds in ${label(from)}: ${dollars(amount_cents)} requested, ${dollars(Math.max(0, avail))} available including overdraft`);
        }
        const r = ctx.db.run(
          "INSERT INTO transfers (user_id, from_account_id, to_account_id, payee_id, scheduled_transfer_id, amount_cents, memo, status, send_on, created_at, completed_at) VALUES (?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?)",
          ctx.userId, from.id, p.id, amount_cents, memo, now ? "completed" : "pending", day, ctx.timestamp, now ? ctx.timestamp : null,
        );
        const tid = r.lastInsertRowid;
        let debit = null;
        if (now) debit = post(ctx, from, -amount_cents, "payee_payment", `Payment to ${p.name}${memo ? ` - ${memo}` : ""}`, p.category_id ?? transfersCategory(ctx), tid);
        return { transfer_id: tid, payee: p.name, amount_cents, status: now ? "completed" : "pending", send_on: day, debit };
      },
    }),

    // ----------------------------------------------------------- scheduled transfers
    list_scheduled_transfers: tool({
      description: "List the customer's recurring transfers (to own accounts or payees) with frequency, amount and next run date. Filter by status. Paginated.",
      input: v.object({
        status: v.optional(pick(["active", "paused", "cancelled"], "Only schedules with this status")),
        limit,
        offset,
      }),
      handler: ({ status, limit: lim, offset: off }, ctx) =>
        page(ctx, `${SCHED_SELECT} WHERE s.user_id = ? AND (? IS NULL OR s.status = ?)`, [ctx.userId, status ?? null, status ?? null], "s.status, s.next_run_date, s.id", lim, off),
    }),

    create_scheduled_transfer: tool({
      description: "Set up a recurring transfer from a checking or savings account to another own account (to_account_id) or to a saved payee (payee_id); give exactly one. The first run is start_date, which must be after today. Returns the new schedule. Errors on unknown/closed/frozen accounts, removed payees, or the same account on both sides.",
      input: v.object({
        from_account_id: id("Account the money leaves"),
        amount_cents: cents("Amount per run in cents"),
        frequency: pick(["weekly", "biweekly", "monthly"], "How often it runs"),
        start_date: date("Date of the first run (YYYY-MM-DD), after today"),
        to_account_id: v.optional(id("Own destination account (omit when paying a payee)")),
        payee_id: v.optional(id("Payee to pay (omit for transfers between own accounts)")),
        end_date: v.optional(date("Optional last date (YYYY-MM-DD)")),
        memo: v.optional(v.pipe(v.string(), v.maxLength(140), v.description("Optional note")), ""),
      }),
      handler: (a, ctx) => {
        if ((a.to_account_id === undefined) === (a.payee_id === undefined)) throw new ToolError("give exactly one of to_account_id or payee_id");
        const from = usableAccount(ctx, a.from_account_id, "source");
        if (from.account_type === "credit") throw new ToolError(`cannot schedule transfers out of credit card account ${from.id}`);
        if (a.to_account_id !== undefined) {
          if (a.to_account_id === a.from_account_id) throw new ToolError("cannot transfer from an account to itself");
          usableAccount(ctx, a.to_account_id, "destination");
        } else {
          const p = ownPayee(ctx, a.payee_id!);
          if (p.status !== "active") throw new ToolError(`payee ${p.id} (${p.name}) has been removed`);
          if (from.account_type !== "checking") throw new ToolError("payments to payees must come from a checking account");
        }
        validDate(a.start_date, "start_date");
        if (a.start_date <= ctx.today) throw new ToolError(`start_date must be after today (${ctx.today})`);
        if (a.end_date !== undefined && validDate(a.end_date, "end_date") < a.start_date) throw new ToolError("end_date is before start_date");
        const r = ctx.db.run(
          "INSERT INTO scheduled_transfers (user_id, from_account_id, to_account_id, payee_id, amount_cents, frequency, next_run_date, end_date, memo, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
          ctx.userId, from.id, a.to_account_id ?? null, a.payee_id ?? null, a.amount_cents, a.frequency, a.start_date, a.end_date ?? null, a.memo, ctx.timestamp, ctx.timestamp,
        );
        return ctx.db.get(`${SCHED_SELECT} WHERE s.id = ?`, r.lastInsertRowid);
      },
    }),

    update_scheduled_transfer: tool({
      description: "Change an active or paused recurring transfer: amount, frequency, next run date, end date, memo, or its destination (a different payee_id or own to_account_id; give at most one). Returns the updated schedule. Errors if it is cancelled, the next run date is not after today, or the new destination is invalid.",
      input: v.object({
        scheduled_transfer_id: id("The recurring transfer's id (from list_scheduled_transfers)"),
        amount_cents: v.optional(cents("New amount per run in cents")),
        frequency: v.optional(pick(["weekly", "biweekly", "monthly"], "How often it runs")),
        next_run_date: v.optional(date("New next run date (YYYY-MM-DD), after today")),
        end_date: v.optional(date("New last date (YYYY-MM-DD)")),
        payee_id: v.optional(id("Send to this payee instead")),
        to_account_id: v.optional(id("Send to this own account instead")),
        memo: v.optional(v.pipe(v.string(), v.maxLength(140), v.description("New note"))),
      }),
      handler: (a, ctx) => {
        const s = ownScheduled(ctx, a.scheduled_transfer_id);
        if (s.status === "cancelled") throw new ToolError(`scheduled transfer ${s.id} is cancelled; create a new one instead`);
        if (a.payee_id !== undefined && a.to_account_id !== undefined) throw new ToolError("give at most one of payee_id or to_account_id");
        const fields = ["amount_cents", "frequency", "next_run_date", "end_date", "payee_id", "to_account_id", "memo"] as const;
        if (fields.every((f) => a[f] === undefined)) throw new ToolError("nothing to change: give at least one field to update");
        let payee = s.payee_id;
        let toAcct = s.to_account_id;
        if (a.payee_id !== undefined) {
          const p = ownPayee(ctx, a.payee_id);
          if (p.status !== "active") throw new ToolError(`payee ${p.id} (${p.name}) has been removed`);
          const from = ownAccount(ctx, s.from_account_id);
          if (from.account_type !== "checking") throw new ToolError("payments to payees must come from a checking account");
          payee = p.id;
          toAcct = null;
        }
        if (a.to_account_id !== undefined) {
          if (a.to_account_id === s.from_account_id) throw new ToolError("cannot transfer from an account to itself");
          usableAccount(ctx, a.to_account_id, "destination");
          toAcct = a.to_account_id;
          payee = null;
        }
        const next = a.next_run_date !== undefined ? validDate(a.next_run_date, "next_run_date") : s.next_run_date;
        if (a.next_run_date !== undefined && next <= ctx.today) throw new ToolError(`next_run_date must be after today (${ctx.today})`);
        const end = a.end_date !== undefined ? validDate(a.end_date, "end_date") : s.end_date;
        if (end !== null && end < next) throw new ToolError(`end_date ${end} is before the next run date ${next}`);
        ctx.db.run(
          "UPDATE scheduled_transfers SET amount_cents = coalesce(?, amount_cents), frequency = coalesce(?, frequency), next_run_date = ?, end_date = ?, payee_id = ?, to_account_id = ?, memo = coalesce(?, memo), updated_at = ? WHERE id = ?",
          a.amount_cents ?? null, a.frequency ?? null, next, end, payee, toAcct, a.memo ?? null, ctx.timestamp, s.id,
        );
        return ctx.db.get(`${SCHED_SELECT} WHERE s.id = ?`, s.id);
      },
    }),

    cancel_scheduled_transfer: tool({
      description: "Cancel a recurring transfer so it never runs again (past runs are unaffected). Errors if it is already cancelled.",
      input: v.object({ scheduled_transfer_id: id("The recurring transfer's id (from list_scheduled_transfers)") }),
      handler: ({ scheduled_transfer_id }, ctx) => {
        const s = ownScheduled(ctx, scheduled_transfer_id);
        if (s.status === "cancelled") throw new ToolError(`scheduled transfer ${s.id} is already cancelled`);
        ctx.db.run("UPDATE scheduled_transfers SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, s.id);
        return ctx.db.get(`${SCHED_SELECT} WHERE s.id = ?`, s.id);
      },
    }),

    // ----------------------------------------------------------- cards
    list_cards: tool({
      description: "List the customer's debit and credit cards with last 4 digits, cardholder, linked account, status (active/frozen/cancelled), daily limits and on/off controls. Filter by status or account. Paginated.",
      input: v.object({
        status: v.optional(pick(["active", "frozen", "cancelled"], "Only cards with this status")),
        account_id: v.optional(id("Only cards linked to this account")),
        limit,
        offset,
      }),
      handler: ({ status, account_id, limit: lim, offset: off }, ctx) => {
        const p = page<Card>(ctx, "SELECT * FROM cards WHERE user_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR account_id = ?)", [ctx.userId, status ?? null, status ?? null, account_id ?? null, account_id ?? null], "id", lim, off);
        return { ...p, items: p.items.map((c) => cardView(ctx, c)) };
      },
    }),

    get_card: tool({
      description: "Get one card's details: last 4, cardholder, expiry, status, daily purchase and ATM limits, and controls (online, international, contactless, ATM).",
      input: v.object({ card_id: id("The card's id (from list_cards)") }),
      handler: ({ card_id }, ctx) => cardView(ctx, ownCard(ctx, card_id)),
    }),

    freeze_card: tool({
      description: "Temporarily freeze an active card: new purchases and withdrawals are declined until it is unfrozen; the card number stays the same. Errors if the card is already frozen or cancelled.",
      input: v.object({ card_id: id("The card's id (from list_cards)") }),
      handler: ({ card_id }, ctx) => {
        const c = ownCard(ctx, card_id);
        if (c.status !== "active") throw new ToolError(`card ${card_id} ending ${c.last4} is ${c.status}; only active cards can be frozen`);
        ctx.db.run("UPDATE cards SET status = 'frozen', updated_at = ? WHERE id = ?", ctx.timestamp, card_id);
        return cardView(ctx, ownCard(ctx, card_id));
      },
    }),

    unfreeze_card: tool({
      description: "Unfreeze a frozen card so it works again. Errors if the card is not frozen.",
      input: v.object({ card_id: id("The card's id (from list_cards)") }),
      handler: ({ card_id }, ctx) => {
        const c = ownCard(ctx, card_id);
        if (c.status !== "frozen") throw new ToolError(`card ${card_id} ending ${c.last4} is ${c.status}, not frozen`);
        ctx.db.run("UPDATE cards SET status = 'active', updated_at = ? WHERE id = ?", ctx.timestamp, card_id);
        return cardView(ctx, ownCard(ctx, card_id));
      },
    }),

    replace_card: tool({
      description: "Replace a lost, stolen or damaged card: the old card is cancelled immediately and a new card (new number, new expiry, same account, same limits and controls) is issued. Returns the new card, whose id differs from the old one. Errors if the card is already cancelled.",
      input: v.object({
        card_id: id("The card to replace (from list_cards)"),
        reason: pick(["lost", "stolen", "damaged"], "Why the card is being replaced"),
      }),
      handler: ({ card_id, reason }, ctx) => {
        const c = ownCard(ctx, card_id);
        if (c.status === "cancelled") throw new ToolError(`card ${card_id} ending ${c.last4} is already cancelled`);
        ctx.db.run("UPDATE cards SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?", reason, ctx.timestamp, card_id);
        const next = ctx.db.get<{ n: number }>("SELECT coalesce(max(id), 0) + 1 AS n FROM cards")!.n;
        const y = Number(ctx.today.slice(0, 4)) + 4;
        const m = Number(ctx.today.slice(5, 7));
        const r = ctx.db.run(
          "INSERT INTO cards (id, user_id, account_id, card_type, network, last4, cardholder_name, expiry_month, expiry_year, status, daily_purchase_limit_cents, daily_atm_limit_cents, cancel_reason, replaces_card_id, issued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, NULL, ?, ?, ?)",
          next, ctx.userId, c.account_id, c.card_type, c.network, newLast4(next, c.last4), c.cardholder_name, m, y, c.daily_purchase_limit_cents, c.daily_atm_limit_cents, c.id, ctx.timestamp, ctx.timestamp,
        );
        for (const ctl of ctx.db.all<{ control: string; enabled: number }>("SELECT control, enabled FROM card_controls WHERE card_id = ? ORDER BY id", c.id)) {
          ctx.db.run("INSERT INTO card_controls (card_id, control, enabled, updated_at) VALUES (?, ?, ?, ?)", r.lastInsertRowid, ctl.control, ctl.enabled, ctx.timestamp);
        }
        return { cancelled_card: { id: c.id, last4: c.last4, status: "cancelled", cancel_reason: reason }, new_card: cardView(ctx, ownCard(ctx, r.lastInsertRowid)) };
      },
    }),

    set_card_limits: tool({
      description: "Set a card's daily purchase limit and/or daily ATM (cash) limit in cents. Maximums: debit purchases $10,000/day, credit purchases up to the account's credit limit, ATM $1,000/day. Returns the updated card. Errors if the card is cancelled or a limit is above the maximum.",
      input: v.object({
        card_id: id("The card's id (from list_cards)"),
        daily_purchase_limit_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("New daily purchase limit in cents, e.g. 150000 for $1,500"))),
        daily_atm_limit_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description("New daily ATM/cash limit in cents"))),
      }),
      handler: ({ card_id, daily_purchase_limit_cents: p, daily_atm_limit_cents: atm }, ctx) => {
        const c = ownCard(ctx, card_id);
        if (c.status === "cancelled") throw new ToolError(`card ${card_id} ending ${c.last4} is cancelled`);
        if (p === undefined && atm === undefined) throw new ToolError("give daily_purchase_limit_cents and/or daily_atm_limit_cents");
        if (p !== undefined) {
          const max = c.card_type === "debit" ? 1000000 : ctx.db.get<{ l: number }>("SELECT credit_limit_cents AS l FROM accounts WHERE id = ?", c.account_id)!.l;
          if (p > max) throw new ToolError(`daily purchase limit ${dollars(p)} is above the maximum ${dollars(max)} for this card`);
        }
        if (atm !== undefined && atm > 100000) throw new ToolError(`daily ATM limit ${dollars(atm)} is above the maximum $1,000.00`);
        ctx.db.run("UPDATE cards SET daily_purchase_limit_cents = coalesce(?, daily_purchase_limit_cents), daily_atm_limit_cents = coalesce(?, daily_atm_limit_cents), updated_at = ? WHERE id = ?", p ?? null, atm ?? null, ctx.timestamp, card_id);
        return cardView(ctx, ownCard(ctx, card_id));
      },
    }),

    set_card_control: tool({
      description: "Turn one card control on or off: online_purchases, international (foreign transactions), contactless, atm_withdrawals. Returns the updated card. Errors if the card is cancelled.",
      input: v.object({
        card_id: id("The card's id (from list_cards)"),
        control: pick(CARD_CONTROLS, "Which control to change"),
        enabled: v.pipe(v.boolean(), v.description("true to allow, false to block")),
      }),
      handler: ({ card_id, control, enabled }, ctx) => {
        const c = ownCard(ctx, card_id);
        if (c.status === "cancelled") throw new ToolError(`card ${card_id} ending ${c.last4} is cancelled`);
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM card_controls WHERE card_id = ? AND control = ?", card_id, control);
        if (existing) ctx.db.run("UPDATE card_controls SET enabled = ?, updated_at = ? WHERE id = ?", enabled ? 1 : 0, ctx.timestamp, existing.id);
        else ctx.db.run("INSERT INTO card_controls (card_id, control, enabled, updated_at) VALUES (?, ?, ?, ?)", card_id, control, enabled ? 1 : 0, ctx.timestamp);
        return cardView(ctx, ownCard(ctx, card_id));
      },
    }),

    // ----------------------------------------------------------- budgets
    list_budgets: tool({
      description: "List the customer's monthly category budgets (amounts in cents), optionally for one month (YYYY-MM). Paginated.",
      input: v.object({
        month: v.optional(month("Only this month, YYYY-MM")),
        limit,
        offset,
      }),
      handler: ({ month: m, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT b.id, b.month, b.category_id, c.name AS category, b.amount_cents, b.created_at, b.updated_at FROM budgets b JOIN categories c ON c.id = b.category_id WHERE b.user_id = ? AND (? IS NULL OR b.month = ?)", [ctx.userId, m ?? null, m ?? null], "b.month DESC, c.name", lim, off),
    }),

    set_budget: tool({
      description: "Create or update the budget for one expense category in one month (YYYY-MM, current or future). If a budget for that category and month exists its amount is replaced. Returns the budget and whether it was created or updated. Errors for past months or non-expense categories.",
      input: v.object({
        category: v.pipe(v.string(), v.minLength(1), v.description("Expense category name, e.g. 'Dining Out'")),
        month: month("Budget month, YYYY-MM"),
        amount_cents: cents("Budget amount in cents, e.g. 30000 for $300"),
      }),
      handler: ({ category, month: m, amount_cents }, ctx) => {
        const c = categoryByName(ctx, category);
        if (c.kind !== "expense") throw new ToolError(`category ${c.name} is not an expense category and cannot be budgeted`);
        if (m < ctx.today.slice(0, 7)) throw new ToolError(`month ${m} is in the past (current month is ${ctx.today.slice(0, 7)})`);
        const existing = ctx.db.get<{ id: number; amount_cents: number }>("SELECT id, amount_cents FROM budgets WHERE user_id = ? AND category_id = ? AND month = ?", ctx.userId, c.id, m);
        let bid: number;
        if (existing) {
          ctx.db.run("UPDATE budgets SET amount_cents = ?, updated_at = ? WHERE id = ?", amount_cents, ctx.timestamp, existing.id);
          bid = existing.id;
        } else {
          bid = ctx.db.run("INSERT INTO budgets (user_id, category_id, month, amount_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", ctx.userId, c.id, m, amount_cents, ctx.timestamp, ctx.timestamp).lastInsertRowid;
        }
        return { id: bid, category: c.name, month: m, amount_cents, previous_amount_cents: existing?.amount_cents ?? null, action: existing ? "updated" : "created" };
      },
    }),

    delete_budget: tool({
      description: "Delete one budget by id. Returns what was deleted.",
      input: v.object({ budget_id: id("The budget's id (from list_budgets)") }),
      handler: ({ budget_id }, ctx) => {
        const b = ctx.db.get<Row>("SELECT b.id, b.month, c.name AS category, b.amount_cents FROM budgets b JOIN categories c ON c.id = b.category_id WHERE b.id = ? AND b.user_id = ?", budget_id, ctx.userId);
        if (!b) throw new ToolError(`budget ${budget_id} not found`);
        ctx.db.run("DELETE FROM budgets WHERE id = ?", budget_id);
        return { deleted: b };
      },
    }),

    budget_report: tool({
      description: "Spending vs budget for one month (default: the current month): for each budgeted category the budget, amount spent so far (posted, expense-category debits minus refunds), remaining and over_by, all in cents; plus spending in categories without a budget.",
      input: v.object({ month: v.optional(month("Month, YYYY-MM (default current month)")) }),
      handler: ({ month: m }, ctx) => {
        const mo = m ?? ctx.today.slice(0, 7);
        const { start, end } = monthBounds(mo);
        const spent = new Map(spending(ctx, start, end, null).map((r) => [r.category_id, r]));
        const budgets = ctx.db.all<{ id: number; category_id: number; category: string; amount_cents: number }>("SELECT b.id, b.category_id, c.name AS category, b.amount_cents FROM budgets b JOIN categories c ON c.id = b.category_id WHERE b.user_id = ? AND b.month = ? ORDER BY c.name", ctx.userId, mo);
        const rows = budgets.map((b) => {
          const s = spent.get(b.category_id)?.spent_cents ?? 0;
          return { budget_id: b.id, category: b.category, budget_cents: b.amount_cents, spent_cents: s, remaining_cents: Math.max(0, b.amount_cents - s), over_by_cents: Math.max(0, s - b.amount_cents), percent_used: Math.round((s / b.amount_cents) * 1000) / 10 };
        });
        const budgeted = new Set(budgets.map((b) => b.category_id));
        const unbudgeted = [...spent.values()].filter((r) => !budgeted.has(r.category_id)).map((r) => ({ category: r.category, spent_cents: r.spent_cents }));
        return { month: mo, through: mo === ctx.today.slice(0, 7) ? ctx.today : end, budgets: rows, unbudgeted_spending: unbudgeted, over_budget: rows.filter((r) => r.over_by_cents > 0).map((r) => r.category) };
      },
    }),

    // ----------------------------------------------------------- disputes
    dispute_transaction: tool({
      description: "Open a dispute on a posted charge (purchase, bill payment, ATM withdrawal or fee) from the last 120 days. amount_cents defaults to the full charge and cannot exceed it. Returns the new dispute (status open). Errors for pending entries, credits, transfers, charges older than 120 days, or a charge that already has an open or successful dispute.",
      input: v.object({
        transaction_id: id("The charge's transaction id"),
        reason: pick(DISPUTE_REASONS, "Why the charge is wrong"),
        details: v.optional(v.pipe(v.string(), v.maxLength(1000), v.description("What happened, in the customer's words")), ""),
        amount_cents: v.optional(cents("Disputed amount in cents if only part of the charge is wrong")),
      }),
      handler: ({ transaction_id, reason, details, amount_cents }, ctx) => {
        const t = ownTransaction(ctx, transaction_id);
        if (t.status !== "posted") throw new ToolError(`transaction ${transaction_id} is still pending; wait until it posts to dispute it`);
        if (t.amount_cents >= 0) throw new ToolError(`transaction ${transaction_id} is a credit, not a charge`);
        if (!["purchase", "bill_payment", "atm_withdrawal", "fee"].includes(t.kind)) throw new ToolError(`transaction ${transaction_id} is a ${t.kind}; only card purchases, bill payments, ATM withdrawals and fees can be disputed`);
        if (t.posted_at.slice(0, 10) < addDays(ctx.today, -120)) throw new ToolError(`transaction ${transaction_id} posted ${t.posted_at.slice(0, 10)}, more than 120 days ago`);
        const prior = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM disputes WHERE transaction_id = ? AND status IN ('open', 'under_review', 'resolved_in_favor')", transaction_id);
        if (prior) throw new ToolError(`transaction ${transaction_id} already has dispute ${prior.id} (${prior.status})`);
        const amt = amount_cents ?? -t.amount_cents;
        if (amt > -t.amount_cents) throw new ToolError(`disputed amount ${dollars(amt)} is more than the charge ${dollars(-t.amount_cents)}`);
        const r = ctx.db.run("INSERT INTO disputes (user_id, transaction_id, reason, details, amount_cents, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)", ctx.userId, transaction_id, reason, details, amt, ctx.timestamp, ctx.timestamp);
        return { id: r.lastInsertRowid, transaction_id, description: t.description, posted_at: t.posted_at, reason, amount_cents: amt, status: "open", created_at: ctx.timestamp };
      },
    }),

    list_disputes: tool({
      description: "List the customer's disputes with the disputed transaction's date, description and amount. Filter by status. Paginated.",
      input: v.object({
        status: v.optional(pick(["open", "under_review", "resolved_in_favor", "denied", "withdrawn"], "Only disputes with this status")),
        limit,
        offset,
      }),
      handler: ({ status, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT d.id, d.transaction_id, t.posted_at, t.description, t.amount_cents AS transaction_amount_cents, d.reason, d.details, d.amount_cents, d.status, d.created_at, d.updated_at, d.resolved_at FROM disputes d JOIN transactions t ON t.id = d.transaction_id WHERE d.user_id = ? AND (? IS NULL OR d.status = ?)", [ctx.userId, status ?? null, status ?? null], "d.created_at DESC, d.id DESC", lim, off),
    }),

    withdraw_dispute: tool({
      description: "Withdraw an open or under-review dispute (e.g. the merchant already refunded). Errors if the dispute is already resolved or withdrawn.",
      input: v.object({ dispute_id: id("The dispute's id (from list_disputes)") }),
      handler: ({ dispute_id }, ctx) => {
        const d = ctx.db.get<{ id: number; status: string }>("SELECT id, status FROM disputes WHERE id = ? AND user_id = ?", dispute_id, ctx.userId);
        if (!d) throw new ToolError(`dispute ${dispute_id} not found`);
        if (!["open", "under_review"].includes(d.status)) throw new ToolError(`dispute ${dispute_id} is ${d.status} and cannot be withdrawn`);
        ctx.db.run("UPDATE disputes SET status = 'withdrawn', updated_at = ?, resolved_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, dispute_id);
        return ctx.db.get("SELECT * FROM disputes WHERE id = ?", dispute_id);
      },
    }),

    // ----------------------------------------------------------- alerts
    list_alerts: tool({
      description: "List the customer's alert settings per account: type, channel (email/sms/push), threshold in cents where it applies, and whether enabled. Paginated.",
      input: v.object({
        account_id: v.optional(id("Only alerts for this account")),
        limit,
        offset,
      }),
      handler: ({ account_id, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT al.id, al.account_id, a.nickname AS account_nickname, al.alert_type, al.channel, al.threshold_cents, al.enabled, al.updated_at FROM alert_settings al JOIN accounts a ON a.id = al.account_id WHERE al.user_id = ? AND (? IS NULL OR al.account_id = ?)", [ctx.userId, account_id ?? null, account_id ?? null], "al.account_id, al.alert_type", lim, off),
    }),

    set_alert: tool({
      description: "Create or replace the alert of one type on one account (one setting per account and type). low_balance fires when the balance drops below threshold_cents; large_transaction fires for any transaction over threshold_cents; both require threshold_cents. deposit_received and statement_ready are for checking/savings, payment_due for credit cards; those take no threshold. Returns the setting.",
      input: v.object({
        account_id: id("The account the alert watches"),
        alert_type: pick(ALERT_TYPES, "Which alert"),
        channel: pick(["email", "sms", "push"], "How to notify: email, sms (text message) or push"),
        threshold_cents: v.optional(cents("Threshold in cents (low_balance and large_transaction only)")),
        enabled: v.optional(v.pipe(v.boolean(), v.description("false to turn the alert off (default true)")), true),
      }),
      handler: ({ account_id, alert_type, channel, threshold_cents, enabled }, ctx) => {
        const a = usableAccount(ctx, account_id, "alert");
        const needs = alert_type === "low_balance" || alert_type === "large_transaction";
        if (needs && threshold_cents === undefined) throw new ToolError(`${alert_type} alerts need threshold_cents`);
        if (!needs && threshold_cents !== undefined) throw new ToolError(`${alert_type} alerts take no threshold`);
        if (alert_type === "payment_due" && a.account_type !== "credit") throw new ToolError("payment_due alerts are only for credit card accounts");
        if ((alert_type === "deposit_received" || alert_type === "statement_ready") && a.account_type === "credit") throw new ToolError(`${alert_type} alerts are only for checking and savings accounts`);
        if (alert_type === "low_balance" && a.account_type === "credit") throw new ToolError("low_balance alerts are only for checking and savings accounts");
        const existing = ctx.db.get<{ id: number }>("SELECT id FROM alert_settings WHERE account_id = ? AND alert_type = ?", account_id, alert_type);
        if (existing) {
          ctx.db.run("UPDATE alert_settings SET channel = ?, threshold_cents = ?, enabled = ?, updated_at = ? WHERE id = ?", channel, threshold_cents ?? null, enabled ? 1 : 0, ctx.timestamp, existing.id);
        } else {
          ctx.db.run("INSERT INTO alert_settings (user_id, account_id, alert_type, channel, threshold_cents, enabled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ctx.userId, account_id, alert_type, channel, threshold_cents ?? null, enabled ? 1 : 0, ctx.timestamp);
        }
        const row = ctx.db.get("SELECT * FROM alert_settings WHERE account_id = ? AND alert_type = ?", account_id, alert_type);
        return { ...row, action: existing ? "updated" : "created" };
      },
    }),

    // ----------------------------------------------------------- statements
    list_statements: tool({
      description: "List monthly statements for the customer's accounts, newest first: period, opening and closing balance, credits and debits; credit card statements also have the minimum payment and due date (statement balance owed = -closing_balance_cents). Paginated.",
      input: v.object({
        account_id: v.optional(id("Only statements of this account")),
        limit,
        offset,
      }),
      handler: ({ account_id, limit: lim, offset: off }, ctx) =>
        page(ctx, "SELECT s.*, a.nickname AS account_nickname, a.account_type FROM statements s JOIN accounts a ON a.id = s.account_id WHERE a.user_id = ? AND (? IS NULL OR s.account_id = ?)", [ctx.userId, account_id ?? null, account_id ?? null], "s.period_start DESC, s.account_id", lim, off),
    }),

    get_statement: tool({
      description: "Get one statement with every posted transaction in its period (oldest first). For credit cards, statement_balance_owed_cents is what must be paid to clear the statement.",
      input: v.object({ statement_id: id("The statement's id (from list_statements)") }),
      handler: ({ statement_id }, ctx) => {
        const s = ctx.db.get<Row & { account_id: number; period_start: string; period_end: string; closing_balance_cents: number; account_type: string }>("SELECT s.*, a.nickname AS account_nickname, a.account_type FROM statements s JOIN accounts a ON a.id = s.account_id WHERE s.id = ? AND a.user_id = ?", statement_id, ctx.userId);
        if (!s) throw new ToolError(`statement ${statement_id} not found`);
        const transactions = ctx.db.all(`${TX_SELECT} WHERE t.account_id = ? AND t.status = 'posted' AND substr(t.posted_at, 1, 10) BETWEEN ? AND ? ORDER BY t.posted_at, t.id`, s.account_id, s.period_start, s.period_end);
        return { ...s, ...(s.account_type === "credit" ? { statement_balance_owed_cents: Math.max(0, -s.closing_balance_cents) } : {}), transactions };
      },
    }),
  },
});
