import { defineVerifiers, grade } from "awm/envkit";

/** What each verifier receives (envkit's VerifierContext). */
type V = Parameters<Parameters<typeof defineVerifiers>[0][number]>[0];
type Reader = V["initial"];
type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** True when the answer states the amount, e.g. 69972 cents as "$699.72", "699.72" or "USD 699.72". */
function mentionsAmount(answer: string | undefined, cents: number): boolean {
  if (!answer) return false;
  const text = answer.replace(/(\d),(?=\d{3}\b)/g, "$1");
  const whole = Math.floor(Math.abs(cents) / 100);
  const frac = String(Math.abs(cents) % 100).padStart(2, "0");
  const forms = [`${whole}.${frac}`];
  if (frac === "00") forms.push(String(whole));
  return forms.some((f) => new RegExp(`(^|[^\\d.])${f.replace(".", "\\.")}(?![\\d]|\\.\\d)`).test(text));
}

function mentions(answer: string | undefined, word: string): boolean {
  return !!answer && answer.toLowerCase().includes(word.toLowerCase());
}

function accountId(db: Reader, userId: number, nickname: string): number {
  const a = db.get<{ id: number }>("SELECT id FROM accounts WHERE user_id = ? AND nickname = ? AND status <> 'closed'", userId, nickname);
  if (!a) throw new Error(`seed is missing account '${nickname}'`);
  return a.id;
}

function balance(db: Reader, id: number): number {
  return db.get<{ b: number }>("SELECT balance_cents AS b FROM accounts WHERE id = ?", id)!.b;
}

function inserted(v: V, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedIds(v: V, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => Number(u.key.id));
}

/** Spending in an expense category over a date range: posted debits minus refunds, all of the user's accounts. */
function spent(db: Reader, userId: number, categoryId: number, from: string, to: string): number {
  return db.get<{ s: number }>(
    `SELECT coalesce(-sum(t.amount_cents), 0) AS s FROM transactions t JOIN accounts a ON a.id = t.account_id
     WHERE a.user_id = ? AND t.category_id = ? AND t.status = 'posted' AND substr(t.posted_at, 1, 10) BETWEEN ? AND ?`,
    userId, categoryId, from, to,
  )!.s;
}

/** A completed own-account transfer inserted by the episode, with both ledger legs. */
function ownTransferDone(v: V, from: number, to: number, amount: number) {
  const rows = inserted(v, "transfers");
  const match = rows.filter((t) => t.from_account_id === from && t.to_account_id === to && t.amount_cents === amount && t.status === "completed" && t.user_id === v.userId);
  const tid = match[0]?.id;
  const legs = tid === undefined ? [] : v.final.all<{ account_id: number; amount_cents: number }>("SELECT account_id, amount_cents FROM transactions WHERE transfer_id = ? AND status = 'posted'", tid as number);
  const legsOk = legs.length === 2 && legs.some((l) => l.account_id === from && l.amount_cents === -amount) && legs.some((l) => l.account_id === to && l.amount_cents === amount);
  const balancesOk = balance(v.final, from) === balance(v.initial, from) - amount && balance(v.final, to) === balance(v.initial, to) + amount;
  return { found: match.length === 1, onlyTransfer: match.length === 1 && rows.length === 1, legsOk, balancesOk, insertedTransfers: rows.length };
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0: Move $250 from high-yield savings to checking.
  0: (v) => {
    const from = accountId(v.initial, v.userId, "High-Yield Savings");
    const to = accountId(v.initial, v.userId, "Everyday Checking");
    const r = ownTransferDone(v, from, to, 25000);
    return grade(
      { transfer_of_250_savings_to_checking: r.onlyTransfer, ledger_entries_on_both_accounts: r.found && r.legsOk, balances_moved_by_250: r.found && r.balancesOk },
      { inserted_transfers: r.insertedTransfers },
    );
  },

  // 1: Freeze debit card 4821 (not cancel) and a text alert for transactions over $100 on its checking account.
  1: (v) => {
    const card = v.initial.get<{ id: number; account_id: number }>("SELECT id, account_id FROM cards WHERE user_id = ? AND last4 = '4821' AND card_type = 'debit' AND status = 'active'", v.userId)!;
    const after = v.final.get<{ status: string }>("SELECT status FROM cards WHERE id = ?", card.id);
    const frozen = after?.status === "frozen";
    const otherCardsUntouched = inserted(v, "cards").length === 0 && updatedIds(v, "cards").every((i) => i === card.id);
    const alert = v.final.get<{ channel: string; threshold_cents: number | null; enabled: number }>("SELECT channel, threshold_cents, enabled FROM alert_settings WHERE account_id = ? AND alert_type = 'large_transaction'", card.account_id);
    const alertOk = alert?.channel === "sms" && alert.threshold_cents === 10000 && alert.enabled === 1;
    return grade(
      { card_4821_frozen: frozen, no_other_card_changed_or_issued: frozen && otherCardsUntouched, sms_alert_over_100_on_checking: alertOk },
      { card_status: after?.status, alert },
    );
  },

  // 2: Question: grocery spending in February.
  2: (v) => {
    const cat = v.initial.get<{ id: number }>("SELECT id FROM categories WHERE name = 'Groceries'")!.id;
    const expected = spent(v.initial, v.userId, cat, "2026-02-01", "2026-02-28");
    return grade({ answer_states_february_grocery_total: mentionsAmount(v.answer, expected) }, { expected_cents: expected });
  },

  // 3: Dispute the second of two identical Blue Bottle charges on March 3.
  3: (v) => {
    const charges = v.initial.all<{ id: number; amount_cents: number }>(
      `SELECT t.id, t.amount_cents FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN merchants m ON m.id = t.merchant_id
       WHERE a.user_id = ? AND m.name = 'Blue Bottle Coffee' AND substr(t.posted_at, 1, 10) = '2026-03-03' ORDER BY t.posted_at, t.id`,
      v.userId,
    );
    const second = charges[1]!;
    const fresh = inserted(v, "disputes");
    const onSecond = fresh.filter((d) => d.transaction_id === second.id && d.user_id === v.userId && d.reason === "duplicate_charge" && d.status === "open" && d.amount_cents === -second.amount_cents);
    return grade(
      { duplicate_dispute_on_second_charge: onSecond.length === 1, no_other_dispute_filed: onSecond.length === 1 && fresh.length === 1 },
      { expected_transaction_id: second.id, new_disputes: fresh },
    );
  },

  // 4: Add Priya Raman as payee and move the monthly rent schedule to her ($2,100 from April 1); keep Marcus.
  4: (v) => {
    const priya = v.final.all<{ id: number }>(
      "SELECT id FROM payees WHERE user_id = ? AND name LIKE '%Priya%Raman%' AND status = 'active' AND routing_number = '021000021' AND account_number = '000123456789'",
      v.userId,
    ).filter((p) => !v.initial.get("SELECT id FROM payees WHERE id = ?", p.id));
    const priyaId = priya.length === 1 ? priya[0]!.id : -1;
    const checking = accountId(v.initial, v.userId, "Everyday Checking");
    const rent = v.final.all<Row>("SELECT * FROM scheduled_transfers WHERE user_id = ? AND payee_id = ? AND status = 'active'", v.userId, priyaId);
    const rentOk = rent.length === 1 && rent[0]!.amount_cents === 210000 && rent[0]!.frequency === "monthly" && rent[0]!.next_run_date === "2026-04-01" && rent[0]!.from_account_id === checking && rent[0]!.end_date === null;
    const marcus = v.initial.get<{ id: number }>("SELECT id FROM payees WHERE user_id = ? AND name = 'Marcus Webb'", v.userId)!.id;
    const marcusSched = v.final.get<{ n: number }>("SELECT count(*) AS n FROM scheduled_transfers WHERE payee_id = ? AND status IN ('active', 'paused')", marcus)!.n;
    const marcusKept = v.final.get<{ status: string }>("SELECT status FROM payees WHERE id = ?", marcus)?.status === "active";
    // The other recurring transfers (vacation fund, emergency fund) must be left alone.
    const others = v.initial.all<Row>("SELECT * FROM scheduled_transfers WHERE user_id = ? AND (payee_id IS NULL OR payee_id <> ?) ORDER BY id", v.userId, marcus);
    const othersSame = others.every((o) => JSON.stringify(v.final.get("SELECT * FROM scheduled_transfers WHERE id = ?", o.id as number)) === JSON.stringify(o));
    return grade(
      { priya_added_as_payee: priya.length === 1, rent_schedule_pays_priya_2100_monthly_from_april_1: rentOk, marcus_no_longer_scheduled_but_kept_as_payee: rentOk && marcusSched === 0 && marcusKept && othersSame },
      { priya_payee_ids: priya.map((p) => p.id), rent, marcus_active_schedules: marcusSched, marcus_kept: marcusKept, other_schedules_unchanged: othersSame },
    );
  },

  // 5: April budgets = March budgets, with Dining Out at $300.
  5: (v) => {
    const march = v.initial.all<{ category_id: number; name: string; amount_cents: number }>("SELECT b.category_id, c.name, b.amount_cents FROM budgets b JOIN categories c ON c.id = b.category_id WHERE b.user_id = ? AND b.month = '2026-03'", v.userId);
    const april = v.final.all<{ category_id: number; amount_cents: number }>("SELECT category_id, amount_cents FROM budgets WHERE user_id = ? AND month = '2026-04'", v.userId);
    const want = new Map(march.map((m) => [m.category_id, m.name === "Dining Out" ? 30000 : m.amount_cents]));
    const dining = march.find((m) => m.name === "Dining Out")!.category_id;
    const others = march.filter((m) => m.category_id !== dining);
    const othersCopied = others.every((m) => april.some((a) => a.category_id === m.category_id && a.amount_cents === m.amount_cents));
    const diningOk = april.some((a) => a.category_id === dining && a.amount_cents === 30000);
    const exact = april.length === want.size && april.every((a) => want.get(a.category_id) === a.amount_cents);
    const marchSame = JSON.stringify(v.final.all("SELECT * FROM budgets WHERE month <> '2026-04' ORDER BY id")) === JSON.stringify(v.initial.all("SELECT * FROM budgets WHERE month <> '2026-04' ORDER BY id"));
    return grade(
      { other_march_budgets_copied_to_april: othersCopied, april_dining_out_is_300: diningOk, no_extra_april_budgets_and_other_months_untouched: (othersCopied || diningOk) && exact && marchSame },
      { april },
    );
  },

  // 6: Pay the credit card's latest statement balance from checking.
  6: (v) => {
    const card = accountId(v.initial, v.userId, "Cash Rewards Visa");
    const checking = accountId(v.initial, v.userId, "Everyday Checking");
    const stmt = v.initial.get<{ closing_balance_cents: number; period_end: string }>("SELECT closing_balance_cents, period_end FROM statements WHERE account_id = ? ORDER BY period_end DESC LIMIT 1", card)!;
    const owed = -stmt.closing_balance_cents;
    const r = ownTransferDone(v, checking, card, owed);
    return grade(
      { paid_statement_balance_from_checking: r.onlyTransfer, ledger_entries_on_both_accounts: r.found && r.legsOk, balances_updated: r.found && r.balancesOk },
      { expected_payment_cents: owed, statement_period_end: stmt.period_end, inserted_transfers: r.insertedTransfers },
    );
  },

  // 7: Replace stolen credit card 9034; new card: $1,500 daily limit, international off.
  7: (v) => {
    const old = v.initial.get<{ id: number; account_id: number }>("SELECT id, account_id FROM cards WHERE user_id = ? AND last4 = '9034' AND status = 'active'", v.userId)!;
    const oldAfter = v.final.get<{ status: string; cancel_reason: string | null }>("SELECT status, cancel_reason FROM cards WHERE id = ?", old.id);
    const fresh = inserted(v, "cards");
    const repl = fresh.filter((c) => c.replaces_card_id === old.id && c.account_id === old.account_id && c.user_id === v.userId && c.status === "active");
    const newId = repl.length === 1 && fresh.length === 1 ? Number(repl[0]!.id) : -1;
    const newCard = v.final.get<{ daily_purchase_limit_cents: number }>("SELECT daily_purchase_limit_cents FROM cards WHERE id = ?", newId);
    const intl = v.final.get<{ enabled: number }>("SELECT enabled FROM card_controls WHERE card_id = ? AND control = 'international'", newId);
    const othersSame = updatedIds(v, "cards").every((i) => i === old.id);
    return grade(
      {
        old_card_cancelled_as_stolen: oldAfter?.status === "cancelled" && oldAfter.cancel_reason === "stolen",
        one_replacement_card_issued: newId > 0 && othersSame,
        new_card_daily_limit_1500: newCard?.daily_purchase_limit_cents === 150000,
        new_card_international_off: intl?.enabled === 0,
      },
      { old_card: oldAfter, new_card_id: newId },
    );
  },

  // 8: Which budget is over this month, by how much; raise it to the amount spent.
  8: (v) => {
    const budgets = v.initial.all<{ id: number; category_id: number; name: string; amount_cents: number }>("SELECT b.id, b.category_id, c.name, b.amount_cents FROM budgets b JOIN categories c ON c.id = b.category_id WHERE b.user_id = ? AND b.month = '2026-03'", v.userId);
    const over = budgets.map((b) => ({ ...b, spent: spent(v.initial, v.userId, b.category_id, "2026-03-01", "2026-03-31") })).filter((b) => b.spent > b.amount_cents);
    const target = over[0]!;
    const after = v.final.get<{ amount_cents: number }>("SELECT amount_cents FROM budgets WHERE id = ?", target.id);
    const raised = after?.amount_cents === target.spent;
    const othersSame = raised && budgets.filter((b) => b.id !== target.id).every((b) => v.final.get<{ amount_cents: number }>("SELECT amount_cents FROM budgets WHERE id = ?", b.id)?.amount_cents === b.amount_cents) && inserted(v, "budgets").length === 0;
    return grade(
      { answer_names_category: mentions(v.answer, target.name), answer_states_overage: mentionsAmount(v.answer, target.spent - target.amount_cents), budget_raised_to_spent: raised, other_budgets_untouched: othersSame },
      { over_budget: over.map((b) => ({ category: b.name, budget: b.amount_cents, spent: b.spent })) },
    );
  },

  // 9: Question: largest single purchase on the Visa in February.
  9: (v) => {
    const card = accountId(v.initial, v.userId, "Cash Rewards Visa");
    const top = v.initial.get<{ amount_cents: number; merchant: string }>(
      `SELECT t.amount_cents, m.name AS merchant FROM transactions t JOIN merchants m ON m.id = t.merchant_id
       WHERE t.account_id = ? AND t.kind = 'purchase' AND t.status = 'posted' AND substr(t.posted_at, 1, 10) BETWEEN '2026-02-01' AND '2026-02-28'
       ORDER BY t.amount_cents ASC LIMIT 1`,
      card,
    )!;
    const firstWord = top.merchant.split(" ")[0]!;
    return grade({ answer_names_merchant: mentions(v.answer, firstWord), answer_states_amount: mentionsAmount(v.answer, -top.amount_cents) }, { expected: top });
  },
});
