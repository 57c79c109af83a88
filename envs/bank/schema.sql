-- Retail online banking: one customer's accounts, ledger, payees, transfers, cards,
-- budgets, disputes, alerts and statements. Money is INTEGER cents; timestamps are
-- TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL,
  address_line TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  customer_since TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings', 'credit')),
  nickname TEXT NOT NULL,
  account_number TEXT NOT NULL UNIQUE,
  routing_number TEXT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  status TEXT NOT NULL CHECK (status IN ('open', 'frozen', 'closed')),
  -- Posted balance. For credit accounts a negative balance is the amount owed.
  balance_cents INTEGER NOT NULL,
  overdraft_limit_cents INTEGER NOT NULL DEFAULT 0 CHECK (overdraft_limit_cents >= 0),
  credit_limit_cents INTEGER CHECK (credit_limit_cents IS NULL OR credit_limit_cents >= 0),
  interest_rate_bps INTEGER NOT NULL DEFAULT 0 CHECK (interest_rate_bps >= 0),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  CHECK ((account_type = 'credit') = (credit_limit_cents IS NOT NULL)),
  CHECK (account_type = 'checking' OR overdraft_limit_cents = 0),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX idx_accounts_user ON accounts(user_id);

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL CHECK (kind IN ('expense', 'income', 'transfer')),
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE merchants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  default_category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE RESTRICT,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  website TEXT
);
CREATE INDEX idx_merchants_category ON merchants(default_category_id);

CREATE TABLE payees (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  nickname TEXT,
  payee_type TEXT NOT NULL CHECK (payee_type IN ('person', 'business')),
  bank_name TEXT NOT NULL,
  routing_number TEXT NOT NULL CHECK (length(routing_number) = 9),
  account_number TEXT NOT NULL CHECK (length(account_number) BETWEEN 4 AND 17),
  category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
  created_at TEXT NOT NULL,
  removed_at TEXT,
  CHECK ((status = 'removed') = (removed_at IS NOT NULL))
);
CREATE INDEX idx_payees_user ON payees(user_id);

CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  card_type TEXT NOT NULL CHECK (card_type IN ('debit', 'credit')),
  network TEXT NOT NULL CHECK (network IN ('Visa', 'Mastercard')),
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  cardholder_name TEXT NOT NULL,
  expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
  expiry_year INTEGER NOT NULL CHECK (expiry_year BETWEEN 2020 AND 2040),
  status TEXT NOT NULL CHECK (status IN ('active', 'frozen', 'cancelled')),
  daily_purchase_limit_cents INTEGER NOT NULL CHECK (daily_purchase_limit_cents >= 0),
  daily_atm_limit_cents INTEGER NOT NULL CHECK (daily_atm_limit_cents >= 0),
  cancel_reason TEXT CHECK (cancel_reason IS NULL OR cancel_reason IN ('lost', 'stolen', 'damaged', 'expired', 'closed')),
  replaces_card_id INTEGER REFERENCES cards(id) ON DELETE SET NULL,
  issued_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
CREATE INDEX idx_cards_user ON cards(user_id);
CREATE INDEX idx_cards_account ON cards(account_id);

CREATE TABLE card_controls (
  id INTEGER PRIMARY KEY,
  card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  control TEXT NOT NULL CHECK (control IN ('online_purchases', 'international', 'contactless', 'atm_withdrawals')),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at TEXT NOT NULL,
  UNIQUE (card_id, control)
);

CREATE TABLE scheduled_transfers (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  from_account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  payee_id INTEGER REFERENCES payees(id) ON DELETE CASCADE,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly')),
  next_run_date TEXT NOT NULL,
  end_date TEXT,
  memo TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'cancelled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((to_account_id IS NULL) <> (payee_id IS NULL)),
  CHECK (to_account_id IS NULL OR to_account_id <> from_account_id),
  CHECK (end_date IS NULL OR end_date >= next_run_date OR status = 'cancelled')
);
CREATE INDEX idx_sched_user ON scheduled_transfers(user_id);
CREATE INDEX idx_sched_payee ON scheduled_transfers(payee_id);

CREATE TABLE transfers (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  from_account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  payee_id INTEGER REFERENCES payees(id) ON DELETE RESTRICT,
  scheduled_transfer_id INTEGER REFERENCES scheduled_transfers(id) ON DELETE SET NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  memo TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'cancelled', 'failed')),
  send_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  cancelled_at TEXT,
  CHECK ((to_account_id IS NULL) <> (payee_id IS NULL)),
  CHECK (to_account_id IS NULL OR to_account_id <> from_account_id),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX idx_transfers_user ON transfers(user_id);
CREATE INDEX idx_transfers_from ON transfers(from_account_id);
CREATE INDEX idx_transfers_payee ON transfers(payee_id);

-- The ledger. amount_cents is signed: negative takes money out of the account
-- (or adds to a credit card's amount owed), positive puts money in.
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  posted_at TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
  kind TEXT NOT NULL CHECK (kind IN ('purchase', 'refund', 'bill_payment', 'payee_payment', 'deposit', 'transfer_in', 'transfer_out', 'atm_withdrawal', 'fee', 'interest')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
  description TEXT NOT NULL,
  merchant_id INTEGER REFERENCES merchants(id) ON DELETE SET NULL,
  category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
  card_id INTEGER REFERENCES cards(id) ON DELETE SET NULL,
  transfer_id INTEGER REFERENCES transfers(id) ON DELETE SET NULL,
  balance_after_cents INTEGER,
  CHECK ((status = 'posted') = (balance_after_cents IS NOT NULL))
);
CREATE INDEX idx_tx_account_posted ON transactions(account_id, posted_at);
CREATE INDEX idx_tx_merchant ON transactions(merchant_id);
CREATE INDEX idx_tx_category ON transactions(category_id);
CREATE INDEX idx_tx_transfer ON transactions(transfer_id);
CREATE INDEX idx_tx_card ON transactions(card_id);

CREATE TABLE budgets (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, category_id, month)
);
CREATE INDEX idx_budgets_category ON budgets(category_id);

CREATE TABLE disputes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  transaction_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('duplicate_charge', 'unauthorized', 'not_received', 'incorrect_amount', 'defective_or_not_as_described', 'cancelled_subscription', 'other')),
  details TEXT NOT NULL DEFAULT '',
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'under_review', 'resolved_in_favor', 'denied', 'withdrawn')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT
);
CREATE INDEX idx_disputes_user ON disputes(user_id);
CREATE INDEX idx_disputes_tx ON disputes(transaction_id);

CREATE TABLE alert_settings (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  alert_type TEXT NOT NULL CHECK (alert_type IN ('low_balance', 'large_transaction', 'deposit_received', 'payment_due', 'statement_ready')),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  threshold_cents INTEGER CHECK (threshold_cents IS NULL OR threshold_cents > 0),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at TEXT NOT NULL,
  UNIQUE (account_id, alert_type),
  CHECK ((alert_type IN ('low_balance', 'large_transaction')) = (threshold_cents IS NOT NULL))
);
CREATE INDEX idx_alerts_user ON alert_settings(user_id);

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  opening_balance_cents INTEGER NOT NULL,
  closing_balance_cents INTEGER NOT NULL,
  total_credits_cents INTEGER NOT NULL CHECK (total_credits_cents >= 0),
  total_debits_cents INTEGER NOT NULL CHECK (total_debits_cents >= 0),
  minimum_payment_cents INTEGER CHECK (minimum_payment_cents IS NULL OR minimum_payment_cents >= 0),
  payment_due_date TEXT,
  issued_at TEXT NOT NULL,
  UNIQUE (account_id, period_start),
  CHECK (period_end >= period_start)
);
