-- Tablehop: a diner-side restaurant reservations app for London (search, book, modify, cancel,
-- waitlists, prepaid tasting menus, reviews, favourites and lists, loyalty points).
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC, which is also London time until 29 March 2026);
-- dates are TEXT 'YYYY-MM-DD'; clock times are TEXT 'HH:MM'; money is INTEGER pence (GBP).

CREATE TABLE neighborhoods (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  area TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT,
  home_neighborhood_id INTEGER REFERENCES neighborhoods(id) ON DELETE SET NULL,
  member_since TEXT NOT NULL
);
CREATE INDEX idx_users_neighborhood ON users(home_neighborhood_id);

CREATE TABLE dietary_preferences (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  tag TEXT NOT NULL CHECK (tag IN ('vegetarian', 'vegan', 'pescatarian', 'gluten_free', 'dairy_free', 'nut_free', 'halal')),
  UNIQUE (user_id, tag)
);
CREATE INDEX idx_dietary_preferences_user ON dietary_preferences(user_id);

CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brand TEXT NOT NULL CHECK (brand IN ('Visa', 'Mastercard', 'American Express')),
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year INTEGER NOT NULL CHECK (exp_year >= 2020),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'removed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_payment_methods_user ON payment_methods(user_id);

CREATE TABLE cancellation_policies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  free_cancel_hours INTEGER NOT NULL CHECK (free_cancel_hours >= 0),
  late_cancel_fee_pence_per_person INTEGER NOT NULL DEFAULT 0 CHECK (late_cancel_fee_pence_per_person >= 0),
  no_show_fee_pence_per_person INTEGER NOT NULL DEFAULT 0 CHECK (no_show_fee_pence_per_person >= 0),
  prepaid INTEGER NOT NULL DEFAULT 0 CHECK (prepaid IN (0, 1)),
  description TEXT NOT NULL
);

CREATE TABLE restaurants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  cuisine TEXT NOT NULL,
  neighborhood_id INTEGER NOT NULL REFERENCES neighborhoods(id) ON DELETE RESTRICT,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  phone TEXT NOT NULL,
  description TEXT NOT NULL,
  price_level INTEGER NOT NULL CHECK (price_level BETWEEN 1 AND 4),
  rating REAL NOT NULL CHECK (rating BETWEEN 0 AND 5),
  rating_count INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
  turn_minutes INTEGER NOT NULL CHECK (turn_minutes BETWEEN 45 AND 240),
  max_party_size INTEGER NOT NULL CHECK (max_party_size BETWEEN 1 AND 20),
  booking_window_days INTEGER NOT NULL CHECK (booking_window_days BETWEEN 1 AND 365),
  cancellation_policy_id INTEGER NOT NULL REFERENCES cancellation_policies(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('active', 'temporarily_closed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_restaurants_neighborhood ON restaurants(neighborhood_id);
CREATE INDEX idx_restaurants_policy ON restaurants(cancellation_policy_id);

CREATE TABLE opening_hours (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  weekday TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
  service TEXT NOT NULL CHECK (service IN ('brunch', 'lunch', 'dinner')),
  opens_at TEXT NOT NULL CHECK (opens_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  last_seating TEXT NOT NULL CHECK (last_seating GLOB '[0-2][0-9]:[0-5][0-9]'),
  closes_at TEXT NOT NULL CHECK (closes_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  UNIQUE (restaurant_id, weekday, service),
  CHECK (opens_at <= last_seating AND last_seating <= closes_at)
);
CREATE INDEX idx_opening_hours_restaurant ON opening_hours(restaurant_id, weekday);

CREATE TABLE closures (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (restaurant_id, date)
);
CREATE INDEX idx_closures_restaurant ON closures(restaurant_id, date);

CREATE TABLE dining_areas (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('indoor', 'patio', 'bar', 'counter', 'private_room')),
  UNIQUE (restaurant_id, name)
);
CREATE INDEX idx_dining_areas_restaurant ON dining_areas(restaurant_id);

CREATE TABLE tables (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES dining_areas(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  min_capacity INTEGER NOT NULL CHECK (min_capacity >= 1),
  max_capacity INTEGER NOT NULL CHECK (max_capacity <= 20),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  UNIQUE (restaurant_id, label),
  CHECK (min_capacity <= max_capacity)
);
CREATE INDEX idx_tables_restaurant ON tables(restaurant_id);
CREATE INDEX idx_tables_area ON tables(area_id);

CREATE TABLE menus (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  service TEXT NOT NULL CHECK (service IN ('all_day', 'brunch', 'lunch', 'dinner')),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  UNIQUE (restaurant_id, name)
);
CREATE INDEX idx_menus_restaurant ON menus(restaurant_id);

-- dietary_tags: comma-separated, from vegetarian, vegan, pescatarian, gluten_free, dairy_free, nut_free, halal ('' for none).
CREATE TABLE menu_items (
  id INTEGER PRIMARY KEY,
  menu_id INTEGER NOT NULL REFERENCES menus(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  price_pence INTEGER NOT NULL CHECK (price_pence > 0),
  dietary_tags TEXT NOT NULL DEFAULT '' CHECK (dietary_tags NOT GLOB '*[^a-z_,]*'),
  is_available INTEGER NOT NULL DEFAULT 1 CHECK (is_available IN (0, 1)),
  UNIQUE (menu_id, name)
);
CREATE INDEX idx_menu_items_menu ON menu_items(menu_id);

CREATE TABLE experiences (
  id INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  price_pence_per_person INTEGER NOT NULL CHECK (price_pence_per_person > 0),
  min_party INTEGER NOT NULL CHECK (min_party >= 1),
  max_party INTEGER NOT NULL,
  weekdays TEXT NOT NULL,
  first_seating TEXT NOT NULL CHECK (first_seating GLOB '[0-2][0-9]:[0-5][0-9]'),
  last_seating TEXT NOT NULL CHECK (last_seating GLOB '[0-2][0-9]:[0-5][0-9]'),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 45 AND 300),
  seating_area_kind TEXT CHECK (seating_area_kind IS NULL OR seating_area_kind IN ('indoor', 'patio', 'bar', 'counter', 'private_room')),
  cancellation_policy_id INTEGER NOT NULL REFERENCES cancellation_policies(id) ON DELETE RESTRICT,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  UNIQUE (restaurant_id, name),
  CHECK (min_party <= max_party),
  CHECK (first_seating <= last_seating),
  CHECK (starts_on <= ends_on)
);
CREATE INDEX idx_experiences_restaurant ON experiences(restaurant_id);
CREATE INDEX idx_experiences_policy ON experiences(cancellation_policy_id);

CREATE TABLE reservations (
  id INTEGER PRIMARY KEY,
  confirmation_code TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE RESTRICT,
  table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE RESTRICT,
  experience_id INTEGER REFERENCES experiences(id) ON DELETE SET NULL,
  party_size INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 20),
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 45 AND 300),
  seating_preference TEXT NOT NULL DEFAULT 'any' CHECK (seating_preference IN ('any', 'indoor', 'patio', 'bar', 'counter', 'private_room')),
  occasion TEXT NOT NULL DEFAULT 'none' CHECK (occasion IN ('none', 'birthday', 'anniversary', 'date_night', 'business', 'celebration')),
  special_requests TEXT,
  status TEXT NOT NULL CHECK (status IN ('booked', 'seated', 'completed', 'cancelled', 'no_show')),
  payment_method_id INTEGER REFERENCES payment_methods(id) ON DELETE SET NULL,
  cancellation_fee_pence INTEGER NOT NULL DEFAULT 0 CHECK (cancellation_fee_pence >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX idx_reservations_user ON reservations(user_id, starts_at);
CREATE INDEX idx_reservations_restaurant ON reservations(restaurant_id, starts_at);
CREATE INDEX idx_reservations_table ON reservations(table_id, starts_at);
CREATE INDEX idx_reservations_experience ON reservations(experience_id);
CREATE INDEX idx_reservations_payment_method ON reservations(payment_method_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reservation_id INTEGER NOT NULL REFERENCES reservations(id) ON DELETE CASCADE,
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('prepayment', 'refund', 'cancellation_fee', 'no_show_fee')),
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_payments_user ON payments(user_id);
CREATE INDEX idx_payments_reservation ON payments(reservation_id);
CREATE INDEX idx_payments_method ON payments(payment_method_id);

CREATE TABLE waitlist_entries (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  party_size INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 20),
  earliest_time TEXT NOT NULL CHECK (earliest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  latest_time TEXT NOT NULL CHECK (latest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  seating_preference TEXT NOT NULL DEFAULT 'any' CHECK (seating_preference IN ('any', 'indoor', 'patio', 'bar', 'counter', 'private_room')),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'notified', 'booked', 'expired', 'cancelled')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (earliest_time <= latest_time)
);
CREATE INDEX idx_waitlist_user ON waitlist_entries(user_id);
CREATE INDEX idx_waitlist_restaurant ON waitlist_entries(restaurant_id, date);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  reservation_id INTEGER NOT NULL UNIQUE REFERENCES reservations(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  food_rating INTEGER CHECK (food_rating IS NULL OR food_rating BETWEEN 1 AND 5),
  service_rating INTEGER CHECK (service_rating IS NULL OR service_rating BETWEEN 1 AND 5),
  ambience_rating INTEGER CHECK (ambience_rating IS NULL OR ambience_rating BETWEEN 1 AND 5),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_reviews_user ON reviews(user_id);
CREATE INDEX idx_reviews_restaurant ON reviews(restaurant_id, created_at);

CREATE TABLE favorites (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, restaurant_id)
);
CREATE INDEX idx_favorites_restaurant ON favorites(restaurant_id);

CREATE TABLE saved_lists (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);

CREATE TABLE saved_list_items (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES saved_lists(id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants(id) ON DELETE CASCADE,
  note TEXT,
  added_at TEXT NOT NULL,
  UNIQUE (list_id, restaurant_id)
);
CREATE INDEX idx_saved_list_items_restaurant ON saved_list_items(restaurant_id);

CREATE TABLE rewards (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  points_cost INTEGER NOT NULL CHECK (points_cost > 0),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE reward_redemptions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reward_id INTEGER NOT NULL REFERENCES rewards(id) ON DELETE RESTRICT,
  reservation_id INTEGER NOT NULL REFERENCES reservations(id) ON DELETE CASCADE,
  points_spent INTEGER NOT NULL CHECK (points_spent > 0),
  status TEXT NOT NULL CHECK (status IN ('reserved', 'used', 'cancelled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_redemptions_user ON reward_redemptions(user_id);
CREATE INDEX idx_redemptions_reward ON reward_redemptions(reward_id);
CREATE INDEX idx_redemptions_reservation ON reward_redemptions(reservation_id);

CREATE TABLE loyalty_transactions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'bonus', 'redeem', 'refund', 'expire', 'adjust')),
  points INTEGER NOT NULL CHECK (points <> 0),
  reservation_id INTEGER REFERENCES reservations(id) ON DELETE SET NULL,
  redemption_id INTEGER REFERENCES reward_redemptions(id) ON DELETE SET NULL,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (kind NOT IN ('earn', 'bonus', 'refund') OR points > 0),
  CHECK (kind NOT IN ('redeem', 'expire') OR points < 0)
);
CREATE INDEX idx_loyalty_user ON loyalty_transactions(user_id, created_at);
CREATE INDEX idx_loyalty_reservation ON loyalty_transactions(reservation_id);
CREATE INDEX idx_loyalty_redemption ON loyalty_transactions(redemption_id);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('booking_confirmed', 'booking_modified', 'booking_cancelled', 'reminder', 'waitlist', 'review_request', 'loyalty', 'promotion')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  reservation_id INTEGER REFERENCES reservations(id) ON DELETE SET NULL,
  waitlist_entry_id INTEGER REFERENCES waitlist_entries(id) ON DELETE SET NULL,
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_notifications_user ON notifications(user_id, is_read);
CREATE INDEX idx_notifications_reservation ON notifications(reservation_id);
CREATE INDEX idx_notifications_waitlist ON notifications(waitlist_entry_id);
