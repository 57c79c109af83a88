-- Zipp, a ride-hailing app for San Francisco and the Bay Area airports, seen from the rider's side.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); money is INTEGER cents; distances in metres, durations in seconds.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL UNIQUE,
  home_city TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
  member_since TEXT NOT NULL
);

-- Pricing zones; routes between zones give the distances and durations used for fares.
CREATE TABLE zones (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  city TEXT NOT NULL,
  is_airport INTEGER NOT NULL DEFAULT 0 CHECK (is_airport IN (0, 1)),
  airport_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (airport_fee_cents >= 0),
  CHECK (is_airport = 1 OR airport_fee_cents = 0)
);

-- One row per unordered pair of zones (from_zone_id <= to_zone_id); a zone with itself is a short trip inside it.
CREATE TABLE zone_routes (
  id INTEGER PRIMARY KEY,
  from_zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  to_zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  distance_m INTEGER NOT NULL CHECK (distance_m > 0),
  duration_s INTEGER NOT NULL CHECK (duration_s > 0),
  UNIQUE (from_zone_id, to_zone_id),
  CHECK (from_zone_id <= to_zone_id)
);
CREATE INDEX idx_zone_routes_to ON zone_routes(to_zone_id);

-- Surge pricing by pickup zone, day type and hour window [start_hour, end_hour).
CREATE TABLE surge_rules (
  id INTEGER PRIMARY KEY,
  zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  day_type TEXT NOT NULL CHECK (day_type IN ('weekday', 'weekend', 'daily')),
  start_hour INTEGER NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
  end_hour INTEGER NOT NULL CHECK (end_hour BETWEEN 1 AND 24),
  multiplier_pct INTEGER NOT NULL CHECK (multiplier_pct BETWEEN 100 AND 300),
  label TEXT NOT NULL,
  CHECK (end_hour > start_hour)
);
CREATE INDEX idx_surge_rules_zone ON surge_rules(zone_id);

-- The app's map: addresses, venues and airport terminals a ride can start or end at.
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE RESTRICT,
  category TEXT NOT NULL CHECK (category IN ('address', 'airport', 'landmark', 'restaurant', 'venue', 'transit', 'shop', 'gym', 'hotel', 'office', 'park')),
  UNIQUE (name, address)
);
CREATE INDEX idx_places_zone ON places(zone_id);

CREATE TABLE saved_places (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('home', 'work', 'custom')),
  name TEXT NOT NULL,
  place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  pickup_notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE INDEX idx_saved_places_user ON saved_places(user_id);
CREATE INDEX idx_saved_places_place ON saved_places(place_id);
CREATE UNIQUE INDEX idx_saved_places_one_home_work ON saved_places(user_id, kind) WHERE kind IN ('home', 'work');

CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('card', 'wallet', 'paypal')),
  brand TEXT NOT NULL,
  last4 TEXT CHECK (last4 IS NULL OR length(last4) = 4),
  exp_month INTEGER CHECK (exp_month IS NULL OR exp_month BETWEEN 1 AND 12),
  exp_year INTEGER,
  balance_cents INTEGER CHECK (balance_cents IS NULL OR balance_cents >= 0),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'removed')),
  created_at TEXT NOT NULL,
  CHECK ((kind = 'wallet') = (balance_cents IS NOT NULL)),
  CHECK (kind <> 'card' OR (last4 IS NOT NULL AND exp_month IS NOT NULL AND exp_year IS NOT NULL))
);
CREATE INDEX idx_payment_methods_user ON payment_methods(user_id);

CREATE TABLE business_profiles (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  company_name TEXT NOT NULL,
  work_email TEXT NOT NULL,
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  requires_expense_code INTEGER NOT NULL DEFAULT 0 CHECK (requires_expense_code IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  created_at TEXT NOT NULL,
  UNIQUE (user_id, company_name)
);
CREATE INDEX idx_business_profiles_user ON business_profiles(user_id);
CREATE INDEX idx_business_profiles_payment ON business_profiles(payment_method_id);

CREATE TABLE expense_codes (
  id INTEGER PRIMARY KEY,
  business_profile_id INTEGER NOT NULL REFERENCES business_profiles(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  UNIQUE (business_profile_id, code)
);
CREATE INDEX idx_expense_codes_profile ON expense_codes(business_profile_id);

-- Products: fare = max((base + per_km * km + per_minute * min) * surge, minimum) + booking fee + airport fee.
CREATE TABLE ride_types (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 8),
  base_fare_cents INTEGER NOT NULL CHECK (base_fare_cents >= 0),
  per_km_cents INTEGER NOT NULL CHECK (per_km_cents >= 0),
  per_minute_cents INTEGER NOT NULL CHECK (per_minute_cents >= 0),
  minimum_fare_cents INTEGER NOT NULL CHECK (minimum_fare_cents >= 0),
  booking_fee_cents INTEGER NOT NULL CHECK (booking_fee_cents >= 0),
  cancellation_fee_cents INTEGER NOT NULL CHECK (cancellation_fee_cents >= 0),
  free_cancel_minutes INTEGER NOT NULL CHECK (free_cancel_minutes >= 0),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE drivers (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  phone_masked TEXT NOT NULL,
  rating REAL NOT NULL CHECK (rating BETWEEN 1 AND 5),
  completed_trips INTEGER NOT NULL CHECK (completed_trips >= 0),
  status TEXT NOT NULL CHECK (status IN ('available', 'on_trip', 'offline')),
  current_zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE RESTRICT,
  joined_at TEXT NOT NULL
);
CREATE INDEX idx_drivers_zone ON drivers(current_zone_id);

CREATE TABLE vehicles (
  id INTEGER PRIMARY KEY,
  driver_id INTEGER NOT NULL REFERENCES drivers(id) ON DELETE CASCADE,
  make TEXT NOT NULL,
  model TEXT NOT NULL,
  year INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2027),
  color TEXT NOT NULL,
  plate TEXT NOT NULL UNIQUE,
  seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 8),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);
CREATE INDEX idx_vehicles_driver ON vehicles(driver_id);

-- Which ride types a vehicle may serve.
CREATE TABLE vehicle_ride_types (
  id INTEGER PRIMARY KEY,
  vehicle_id INTEGER NOT NULL REFERENCES vehicles(id) ON DELETE CASCADE,
  ride_type_id INTEGER NOT NULL REFERENCES ride_types(id) ON DELETE CASCADE,
  UNIQUE (vehicle_id, ride_type_id)
);
CREATE INDEX idx_vehicle_ride_types_type ON vehicle_ride_types(ride_type_id);

CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  discount_type TEXT NOT NULL CHECK (discount_type IN ('percent', 'fixed')),
  discount_value INTEGER NOT NULL CHECK (discount_value > 0),
  max_discount_cents INTEGER CHECK (max_discount_cents IS NULL OR max_discount_cents > 0),
  min_fare_cents INTEGER NOT NULL DEFAULT 0 CHECK (min_fare_cents >= 0),
  ride_type_id INTEGER REFERENCES ride_types(id) ON DELETE SET NULL,
  new_riders_only INTEGER NOT NULL DEFAULT 0 CHECK (new_riders_only IN (0, 1)),
  starts_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  CHECK (discount_type <> 'percent' OR discount_value BETWEEN 1 AND 100),
  CHECK (expires_at > starts_at)
);
CREATE INDEX idx_promotions_ride_type ON promotions(ride_type_id);

-- Promo codes a rider has added to their account; each code once per rider.
CREATE TABLE user_promos (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  promotion_id INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('available', 'redeemed', 'expired')),
  added_at TEXT NOT NULL,
  redeemed_at TEXT,
  UNIQUE (user_id, promotion_id),
  CHECK ((status = 'redeemed') = (redeemed_at IS NOT NULL))
);
CREATE INDEX idx_user_promos_user ON user_promos(user_id);
CREATE INDEX idx_user_promos_promotion ON user_promos(promotion_id);

-- Rides booked ahead of time; dispatched into a ride shortly before pickup_at.
CREATE TABLE scheduled_rides (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ride_type_id INTEGER NOT NULL REFERENCES ride_types(id) ON DELETE RESTRICT,
  pickup_place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  dropoff_place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  pickup_at TEXT NOT NULL,
  passengers INTEGER NOT NULL CHECK (passengers BETWEEN 1 AND 8),
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  business_profile_id INTEGER REFERENCES business_profiles(id) ON DELETE SET NULL,
  expense_code_id INTEGER REFERENCES expense_codes(id) ON DELETE SET NULL,
  surge_pct INTEGER NOT NULL CHECK (surge_pct BETWEEN 100 AND 300),
  upfront_fare_cents INTEGER NOT NULL CHECK (upfront_fare_cents >= 0),
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'dispatched', 'cancelled')),
  cancellation_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (cancellation_fee_cents >= 0),
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK (pickup_place_id <> dropoff_place_id),
  CHECK (expense_code_id IS NULL OR business_profile_id IS NOT NULL)
);
CREATE INDEX idx_scheduled_rides_user ON scheduled_rides(user_id, pickup_at);
CREATE INDEX idx_scheduled_rides_type ON scheduled_rides(ride_type_id);
CREATE INDEX idx_scheduled_rides_pickup ON scheduled_rides(pickup_place_id);
CREATE INDEX idx_scheduled_rides_dropoff ON scheduled_rides(dropoff_place_id);
CREATE INDEX idx_scheduled_rides_payment ON scheduled_rides(payment_method_id);
CREATE INDEX idx_scheduled_rides_profile ON scheduled_rides(business_profile_id);
CREATE INDEX idx_scheduled_rides_code ON scheduled_rides(expense_code_id);

-- The fare breakdown columns describe the final fare of a completed ride and the upfront quote otherwise,
-- so they always add up to COALESCE(fare_cents, upfront_fare_cents). Promo discount and tip come on top.
CREATE TABLE rides (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ride_type_id INTEGER NOT NULL REFERENCES ride_types(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'in_progress', 'completed', 'cancelled')),
  driver_id INTEGER REFERENCES drivers(id) ON DELETE SET NULL,
  vehicle_id INTEGER REFERENCES vehicles(id) ON DELETE SET NULL,
  pickup_place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  dropoff_place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  passengers INTEGER NOT NULL CHECK (passengers BETWEEN 1 AND 8),
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  business_profile_id INTEGER REFERENCES business_profiles(id) ON DELETE SET NULL,
  expense_code_id INTEGER REFERENCES expense_codes(id) ON DELETE SET NULL,
  user_promo_id INTEGER REFERENCES user_promos(id) ON DELETE SET NULL,
  scheduled_ride_id INTEGER REFERENCES scheduled_rides(id) ON DELETE SET NULL,
  surge_pct INTEGER NOT NULL CHECK (surge_pct BETWEEN 100 AND 300),
  est_distance_m INTEGER NOT NULL CHECK (est_distance_m > 0),
  est_duration_s INTEGER NOT NULL CHECK (est_duration_s > 0),
  distance_m INTEGER CHECK (distance_m IS NULL OR distance_m > 0),
  duration_s INTEGER CHECK (duration_s IS NULL OR duration_s > 0),
  base_fare_cents INTEGER NOT NULL CHECK (base_fare_cents >= 0),
  distance_fare_cents INTEGER NOT NULL CHECK (distance_fare_cents >= 0),
  time_fare_cents INTEGER NOT NULL CHECK (time_fare_cents >= 0),
  surge_cents INTEGER NOT NULL CHECK (surge_cents >= 0),
  min_fare_adjustment_cents INTEGER NOT NULL CHECK (min_fare_adjustment_cents >= 0),
  booking_fee_cents INTEGER NOT NULL CHECK (booking_fee_cents >= 0),
  airport_fee_cents INTEGER NOT NULL CHECK (airport_fee_cents >= 0),
  upfront_fare_cents INTEGER NOT NULL CHECK (upfront_fare_cents >= 0),
  fare_cents INTEGER CHECK (fare_cents IS NULL OR fare_cents >= 0),
  discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  tip_cents INTEGER NOT NULL DEFAULT 0 CHECK (tip_cents >= 0),
  cancellation_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (cancellation_fee_cents >= 0),
  requested_at TEXT NOT NULL,
  accepted_at TEXT,
  started_at TEXT,
  completed_at TEXT,
  cancelled_at TEXT,
  cancelled_by TEXT CHECK (cancelled_by IS NULL OR cancelled_by IN ('rider', 'driver')),
  tipped_at TEXT,
  note TEXT,
  CHECK (pickup_place_id <> dropoff_place_id),
  CHECK (expense_code_id IS NULL OR business_profile_id IS NOT NULL),
  CHECK (discount_cents <= upfront_fare_cents),
  CHECK (base_fare_cents + distance_fare_cents + time_fare_cents + surge_cents + min_fare_adjustment_cents + booking_fee_cents + airport_fee_cents = COALESCE(fare_cents, upfront_fare_cents)),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND fare_cents IS NOT NULL AND distance_m IS NOT NULL AND duration_s IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)),
  CHECK (status = 'requested' OR status = 'cancelled' OR driver_id IS NOT NULL),
  CHECK (cancellation_fee_cents = 0 OR status = 'cancelled'),
  CHECK ((tip_cents > 0) = (tipped_at IS NOT NULL))
);
CREATE INDEX idx_rides_user ON rides(user_id, requested_at);
CREATE INDEX idx_rides_type ON rides(ride_type_id);
CREATE INDEX idx_rides_driver ON rides(driver_id);
CREATE INDEX idx_rides_vehicle ON rides(vehicle_id);
CREATE INDEX idx_rides_pickup ON rides(pickup_place_id);
CREATE INDEX idx_rides_dropoff ON rides(dropoff_place_id);
CREATE INDEX idx_rides_payment ON rides(payment_method_id);
CREATE INDEX idx_rides_profile ON rides(business_profile_id);
CREATE INDEX idx_rides_code ON rides(expense_code_id);
CREATE INDEX idx_rides_promo ON rides(user_promo_id);
CREATE INDEX idx_rides_scheduled ON rides(scheduled_ride_id);

-- Intermediate stops, visited in seq order between pickup and dropoff.
CREATE TABLE ride_stops (
  id INTEGER PRIMARY KEY,
  ride_id INTEGER NOT NULL REFERENCES rides(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3),
  place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'visited', 'removed')),
  added_at TEXT NOT NULL
);
CREATE INDEX idx_ride_stops_ride ON ride_stops(ride_id, seq);
CREATE INDEX idx_ride_stops_place ON ride_stops(place_id);

CREATE TABLE support_tickets (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ride_id INTEGER REFERENCES rides(id) ON DELETE SET NULL,
  category TEXT NOT NULL CHECK (category IN ('lost_item', 'fare_dispute', 'driver_feedback', 'payment', 'other')),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  contact_phone TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_review', 'resolved', 'closed')),
  resolution TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status NOT IN ('resolved', 'closed') OR resolution IS NOT NULL)
);
CREATE INDEX idx_support_tickets_user ON support_tickets(user_id);
CREATE INDEX idx_support_tickets_ride ON support_tickets(ride_id);

-- Money taken from a payment method for a ride: the fare, a tip, or a cancellation fee.
-- business_profile_id is set when the charge was billed to a business profile (NULL: personal).
CREATE TABLE charges (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ride_id INTEGER REFERENCES rides(id) ON DELETE SET NULL,
  scheduled_ride_id INTEGER REFERENCES scheduled_rides(id) ON DELETE SET NULL,
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  business_profile_id INTEGER REFERENCES business_profiles(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fare', 'tip', 'cancellation_fee')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
  failure_reason TEXT,
  created_at TEXT NOT NULL,
  CHECK (ride_id IS NOT NULL OR scheduled_ride_id IS NOT NULL),
  CHECK ((status = 'failed') = (failure_reason IS NOT NULL))
);
CREATE INDEX idx_charges_user ON charges(user_id, created_at);
CREATE INDEX idx_charges_ride ON charges(ride_id);
CREATE INDEX idx_charges_scheduled ON charges(scheduled_ride_id);
CREATE INDEX idx_charges_payment ON charges(payment_method_id);
CREATE INDEX idx_charges_profile ON charges(business_profile_id);

-- Money given back on a charge, to the charge's payment method.
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  charge_id INTEGER NOT NULL REFERENCES charges(id) ON DELETE CASCADE,
  support_ticket_id INTEGER REFERENCES support_tickets(id) ON DELETE SET NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL CHECK (reason IN ('fare_adjustment', 'payment_switch', 'fee_waived', 'goodwill')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_refunds_charge ON refunds(charge_id);
CREATE INDEX idx_refunds_ticket ON refunds(support_ticket_id);

-- Stars a rider gave the driver of a completed ride.
CREATE TABLE driver_ratings (
  id INTEGER PRIMARY KEY,
  ride_id INTEGER NOT NULL UNIQUE REFERENCES rides(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  driver_id INTEGER NOT NULL REFERENCES drivers(id) ON DELETE CASCADE,
  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_driver_ratings_user ON driver_ratings(user_id);
CREATE INDEX idx_driver_ratings_driver ON driver_ratings(driver_id);

-- Stars a driver gave the rider.
CREATE TABLE rider_ratings (
  id INTEGER PRIMARY KEY,
  ride_id INTEGER NOT NULL UNIQUE REFERENCES rides(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  driver_id INTEGER NOT NULL REFERENCES drivers(id) ON DELETE CASCADE,
  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_rider_ratings_user ON rider_ratings(user_id);
CREATE INDEX idx_rider_ratings_driver ON rider_ratings(driver_id);

CREATE TABLE favorite_drivers (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  driver_id INTEGER NOT NULL REFERENCES drivers(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, driver_id)
);
CREATE INDEX idx_favorite_drivers_driver ON favorite_drivers(driver_id);
