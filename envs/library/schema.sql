-- Brookhaven Public Library: the member portal (catalog, loans, holds, fines, lists, events, rooms).
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'; clock times 'HH:MM';
-- money is INTEGER cents; booleans are INTEGER 0/1.

-- Card types and the limits that come with them.
CREATE TABLE membership_types (
  code TEXT PRIMARY KEY CHECK (code IN ('adult', 'senior', 'educator', 'teen', 'child')),
  name TEXT NOT NULL UNIQUE,
  max_loans INTEGER NOT NULL CHECK (max_loans > 0),
  max_holds INTEGER NOT NULL CHECK (max_holds > 0),
  max_digital_loans INTEGER NOT NULL CHECK (max_digital_loans > 0),
  max_renewals INTEGER NOT NULL CHECK (max_renewals >= 0),
  fine_free INTEGER NOT NULL DEFAULT 0 CHECK (fine_free IN (0, 1)),
  block_threshold_cents INTEGER NOT NULL CHECK (block_threshold_cents > 0)
);

CREATE TABLE branches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'temporarily_closed')),
  is_pickup_location INTEGER NOT NULL DEFAULT 1 CHECK (is_pickup_location IN (0, 1)),
  notes TEXT
);

-- Weekly opening hours; a weekday without a row is a closed day. weekday: 0 = Sunday ... 6 = Saturday.
CREATE TABLE branch_hours (
  id INTEGER PRIMARY KEY,
  branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  opens_at TEXT NOT NULL CHECK (length(opens_at) = 5),
  closes_at TEXT NOT NULL CHECK (length(closes_at) = 5),
  UNIQUE (branch_id, weekday),
  CHECK (closes_at > opens_at)
);
CREATE INDEX idx_branch_hours_branch ON branch_hours(branch_id);

-- Library card holders. Children and teens are linked to a guardian's account (guardian_id).
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  card_number TEXT NOT NULL UNIQUE CHECK (length(card_number) = 14),
  full_name TEXT NOT NULL,
  email TEXT UNIQUE,
  phone TEXT,
  birth_date TEXT NOT NULL,
  membership_type TEXT NOT NULL REFERENCES membership_types(code) ON DELETE RESTRICT,
  guardian_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
  home_branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
  preferred_pickup_branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'expired')),
  joined_at TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  CHECK (guardian_id IS NULL OR guardian_id <> id)
);
CREATE INDEX idx_members_guardian ON members(guardian_id);
CREATE INDEX idx_members_pickup ON members(preferred_pickup_branch_id);

CREATE TABLE notification_preferences (
  member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  email_enabled INTEGER NOT NULL DEFAULT 1 CHECK (email_enabled IN (0, 1)),
  sms_enabled INTEGER NOT NULL DEFAULT 0 CHECK (sms_enabled IN (0, 1)),
  hold_ready_channel TEXT NOT NULL CHECK (hold_ready_channel IN ('email', 'sms', 'both')),
  due_reminder_days INTEGER NOT NULL CHECK (due_reminder_days BETWEEN 0 AND 7),
  newsletter INTEGER NOT NULL DEFAULT 0 CHECK (newsletter IN (0, 1)),
  updated_at TEXT NOT NULL
);

-- Cards saved for paying fines and fees.
CREATE TABLE payment_cards (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  brand TEXT NOT NULL CHECK (brand IN ('Visa', 'Mastercard', 'American Express', 'Discover')),
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year INTEGER NOT NULL CHECK (exp_year >= 2000),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
  added_at TEXT NOT NULL
);
CREATE INDEX idx_payment_cards_member ON payment_cards(member_id);

-- Item formats, with their loan period and overdue fine.
CREATE TABLE formats (
  code TEXT PRIMARY KEY CHECK (code IN ('book', 'large_print', 'audiobook_cd', 'dvd', 'ebook', 'eaudiobook')),
  name TEXT NOT NULL UNIQUE,
  is_digital INTEGER NOT NULL CHECK (is_digital IN (0, 1)),
  loan_days INTEGER NOT NULL CHECK (loan_days > 0),
  daily_fine_cents INTEGER NOT NULL CHECK (daily_fine_cents >= 0),
  max_fine_cents INTEGER NOT NULL CHECK (max_fine_cents >= 0)
);

CREATE TABLE genres (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  is_fiction INTEGER NOT NULL CHECK (is_fiction IN (0, 1))
);

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  birth_year INTEGER CHECK (birth_year IS NULL OR birth_year > 1800),
  bio TEXT
);
CREATE INDEX idx_authors_sort ON authors(sort_name);

-- One catalog record per format: the print book and the ebook of a novel are separate titles.
CREATE TABLE titles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  subtitle TEXT,
  series TEXT,
  format TEXT NOT NULL REFERENCES formats(code) ON DELETE RESTRICT,
  isbn TEXT UNIQUE CHECK (isbn IS NULL OR length(isbn) = 13),
  genre_id INTEGER NOT NULL REFERENCES genres(id) ON DELETE RESTRICT,
  audience TEXT NOT NULL CHECK (audience IN ('adult', 'teen', 'children')),
  publication_year INTEGER NOT NULL CHECK (publication_year BETWEEN 1800 AND 2100),
  publisher TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'English',
  length TEXT,
  subjects TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  license_count INTEGER NOT NULL DEFAULT 0 CHECK (license_count >= 0),
  added_at TEXT NOT NULL
);
CREATE INDEX idx_titles_genre ON titles(genre_id);
CREATE INDEX idx_titles_format ON titles(format);

CREATE TABLE title_authors (
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('author', 'illustrator', 'narrator', 'director', 'editor')),
  position INTEGER NOT NULL DEFAULT 1 CHECK (position >= 1),
  PRIMARY KEY (title_id, author_id, role)
);
CREATE INDEX idx_title_authors_author ON title_authors(author_id);

-- Physical items on the shelves.
CREATE TABLE copies (
  id INTEGER PRIMARY KEY,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
  barcode TEXT NOT NULL UNIQUE,
  call_number TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('available', 'on_loan', 'on_hold_shelf', 'in_transit', 'lost', 'withdrawn')),
  acquired_on TEXT NOT NULL
);
CREATE INDEX idx_copies_title ON copies(title_id);
CREATE INDEX idx_copies_branch ON copies(branch_id);

-- Checkouts of physical copies.
CREATE TABLE loans (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  copy_id INTEGER NOT NULL REFERENCES copies(id) ON DELETE RESTRICT,
  branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
  checked_out_at TEXT NOT NULL,
  due_date TEXT NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0 CHECK (renewals >= 0),
  last_renewed_at TEXT,
  returned_at TEXT,
  CHECK (returned_at IS NULL OR returned_at >= checked_out_at)
);
CREATE INDEX idx_loans_member ON loans(member_id);
CREATE INDEX idx_loans_copy ON loans(copy_id);

-- Ebook / e-audiobook checkouts against a title's licenses.
CREATE TABLE digital_loans (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE RESTRICT,
  borrowed_at TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  returned_at TEXT,
  CHECK (returned_at IS NULL OR returned_at >= borrowed_at)
);
CREATE INDEX idx_digital_loans_member ON digital_loans(member_id);
CREATE INDEX idx_digital_loans_title ON digital_loans(title_id);

-- Holds queue per title, in placed_at order. Digital titles have no pickup branch.
CREATE TABLE holds (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  pickup_branch_id INTEGER REFERENCES branches(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'suspended', 'ready', 'fulfilled', 'cancelled', 'expired')),
  placed_at TEXT NOT NULL,
  suspended_until TEXT,
  copy_id INTEGER REFERENCES copies(id) ON DELETE SET NULL,
  ready_at TEXT,
  pickup_by TEXT,
  closed_at TEXT,
  CHECK (status <> 'suspended' OR suspended_until IS NOT NULL)
);
CREATE INDEX idx_holds_member ON holds(member_id);
CREATE INDEX idx_holds_title ON holds(title_id);
CREATE INDEX idx_holds_pickup ON holds(pickup_branch_id);

CREATE TABLE fines (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  loan_id INTEGER REFERENCES loans(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('overdue', 'lost_item', 'damaged_item', 'card_replacement', 'room_no_show')),
  description TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'waived')),
  assessed_at TEXT NOT NULL,
  resolved_at TEXT,
  CHECK (paid_cents <= amount_cents)
);
CREATE INDEX idx_fines_member ON fines(member_id);
CREATE INDEX idx_fines_loan ON fines(loan_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  payment_card_id INTEGER REFERENCES payment_cards(id) ON DELETE SET NULL,
  method TEXT NOT NULL CHECK (method IN ('card', 'cash')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  receipt_number TEXT NOT NULL UNIQUE,
  paid_at TEXT NOT NULL
);
CREATE INDEX idx_payments_member ON payments(member_id);
CREATE INDEX idx_payments_card ON payments(payment_card_id);

CREATE TABLE payment_allocations (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
  fine_id INTEGER NOT NULL REFERENCES fines(id) ON DELETE CASCADE,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  UNIQUE (payment_id, fine_id)
);
CREATE INDEX idx_payment_allocations_fine ON payment_allocations(fine_id);

CREATE TABLE reading_lists (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (member_id, name)
);
CREATE INDEX idx_reading_lists_member ON reading_lists(member_id);

CREATE TABLE reading_list_items (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES reading_lists(id) ON DELETE CASCADE,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  UNIQUE (list_id, title_id)
);
CREATE INDEX idx_reading_list_items_title ON reading_list_items(title_id);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (member_id, title_id)
);
CREATE INDEX idx_reviews_title ON reviews(title_id);

CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('study', 'meeting', 'program')),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  features TEXT NOT NULL DEFAULT '',
  bookable INTEGER NOT NULL DEFAULT 1 CHECK (bookable IN (0, 1)),
  UNIQUE (branch_id, name)
);
CREATE INDEX idx_rooms_branch ON rooms(branch_id);

CREATE TABLE room_bookings (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  attendee_count INTEGER NOT NULL CHECK (attendee_count > 0),
  purpose TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'completed', 'no_show')),
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK (ends_at > starts_at)
);
CREATE INDEX idx_room_bookings_room ON room_bookings(room_id, starts_at);
CREATE INDEX idx_room_bookings_member ON room_bookings(member_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
  room_id INTEGER REFERENCES rooms(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('story_time', 'author_talk', 'book_club', 'workshop', 'film_screening', 'class')),
  description TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  min_age INTEGER CHECK (min_age IS NULL OR min_age >= 0),
  max_age INTEGER CHECK (max_age IS NULL OR max_age >= 0),
  caregivers_allowed INTEGER NOT NULL DEFAULT 0 CHECK (caregivers_allowed IN (0, 1)),
  registration_required INTEGER NOT NULL DEFAULT 1 CHECK (registration_required IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  CHECK (ends_at > starts_at),
  CHECK (min_age IS NULL OR max_age IS NULL OR max_age >= min_age)
);
CREATE INDEX idx_events_branch ON events(branch_id, starts_at);
CREATE INDEX idx_events_room ON events(room_id);

CREATE TABLE event_registrations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('registered', 'cancelled', 'attended')),
  registered_at TEXT NOT NULL,
  cancelled_at TEXT,
  UNIQUE (event_id, member_id)
);
CREATE INDEX idx_event_registrations_member ON event_registrations(member_id);
