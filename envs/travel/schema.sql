-- Meridian Travel: a flight and hotel booking site, seen from the traveller's side.
-- Record timestamps (created_at, updated_at, cancelled_at) are TEXT 'YYYY-MM-DD HH:MM:SS' in UTC.
-- Flight departs_at / arrives_at are 'YYYY-MM-DD HH:MM:SS' in the LOCAL time of the airport, as on a ticket.
-- Dates are TEXT 'YYYY-MM-DD'. Money is INTEGER US cents. Booleans are INTEGER 0/1.

CREATE TABLE airports (
  id INTEGER PRIMARY KEY,
  iata_code TEXT NOT NULL UNIQUE CHECK (length(iata_code) = 3),
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL CHECK (length(country) = 2),
  timezone TEXT NOT NULL
);
CREATE INDEX idx_airports_city ON airports(city);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT,
  home_airport_id INTEGER REFERENCES airports(id) ON DELETE SET NULL,
  member_since TEXT NOT NULL
);

CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brand TEXT NOT NULL CHECK (brand IN ('Visa', 'Mastercard', 'American Express', 'Discover')),
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year INTEGER NOT NULL CHECK (exp_year >= 2020),
  cardholder_name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'removed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_payment_methods_user ON payment_methods(user_id);

-- Saved travellers: the account holder ('self') and companions they book for.
CREATE TABLE travelers (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  relationship TEXT NOT NULL CHECK (relationship IN ('self', 'partner', 'spouse', 'child', 'parent', 'sibling', 'friend', 'colleague', 'other')),
  date_of_birth TEXT NOT NULL,
  passport_number TEXT,
  passport_country TEXT CHECK (passport_country IS NULL OR length(passport_country) = 2),
  passport_expiry TEXT,
  known_traveler_number TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, first_name, last_name, date_of_birth)
);
CREATE INDEX idx_travelers_user ON travelers(user_id);

CREATE TABLE airlines (
  id INTEGER PRIMARY KEY,
  iata_code TEXT NOT NULL UNIQUE CHECK (length(iata_code) = 2),
  name TEXT NOT NULL UNIQUE,
  loyalty_program TEXT NOT NULL,
  ticket_prefix TEXT NOT NULL UNIQUE CHECK (length(ticket_prefix) = 3),
  alliance TEXT
);

-- A traveller's frequent-flyer membership with one airline.
CREATE TABLE loyalty_accounts (
  id INTEGER PRIMARY KEY,
  traveler_id INTEGER NOT NULL REFERENCES travelers(id) ON DELETE CASCADE,
  airline_id INTEGER NOT NULL REFERENCES airlines(id) ON DELETE CASCADE,
  member_number TEXT NOT NULL,
  tier TEXT NOT NULL DEFAULT 'Member' CHECK (tier IN ('Member', 'Silver', 'Gold', 'Platinum')),
  created_at TEXT NOT NULL,
  UNIQUE (traveler_id, airline_id)
);
CREATE INDEX idx_loyalty_airline ON loyalty_accounts(airline_id);

-- Cabin layouts: rows per cabin and seat letters, with ' ' marking an aisle (e.g. 'ABC DEF').
CREATE TABLE aircraft (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  business_first_row INTEGER,
  business_last_row INTEGER,
  business_layout TEXT,
  premium_first_row INTEGER,
  premium_last_row INTEGER,
  premium_layout TEXT,
  economy_first_row INTEGER NOT NULL CHECK (economy_first_row >= 1),
  economy_last_row INTEGER NOT NULL,
  economy_layout TEXT NOT NULL,
  CHECK (economy_last_row >= economy_first_row),
  CHECK (business_first_row IS NULL OR business_last_row >= business_first_row),
  CHECK (premium_first_row IS NULL OR premium_last_row >= premium_first_row)
);

CREATE TABLE flights (
  id INTEGER PRIMARY KEY,
  airline_id INTEGER NOT NULL REFERENCES airlines(id) ON DELETE RESTRICT,
  flight_number TEXT NOT NULL,
  origin_airport_id INTEGER NOT NULL REFERENCES airports(id) ON DELETE RESTRICT,
  destination_airport_id INTEGER NOT NULL REFERENCES airports(id) ON DELETE RESTRICT,
  departs_at TEXT NOT NULL,
  arrives_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  aircraft_id INTEGER NOT NULL REFERENCES aircraft(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'delayed', 'cancelled', 'departed', 'landed')),
  CHECK (origin_airport_id <> destination_airport_id),
  UNIQUE (flight_number, departs_at)
);
CREATE INDEX idx_flights_route ON flights(origin_airport_id, destination_airport_id, departs_at);
CREATE INDEX idx_flights_airline ON flights(airline_id);
CREATE INDEX idx_flights_destination ON flights(destination_airport_id);
CREATE INDEX idx_flights_aircraft ON flights(aircraft_id);

-- Seat inventory and rules per flight, cabin and fare brand. Prices are per passenger.
-- refundable = 1: cancelling refunds what was paid minus cancel_fee_cents per passenger.
-- changeable = 1: the flight can be changed for change_fee_cents per passenger plus any fare difference.
CREATE TABLE fares (
  id INTEGER PRIMARY KEY,
  flight_id INTEGER NOT NULL REFERENCES flights(id) ON DELETE CASCADE,
  cabin TEXT NOT NULL CHECK (cabin IN ('economy', 'premium_economy', 'business')),
  fare_brand TEXT NOT NULL CHECK (fare_brand IN ('basic', 'standard', 'flex')),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  seats_left INTEGER NOT NULL CHECK (seats_left >= 0),
  refundable INTEGER NOT NULL CHECK (refundable IN (0, 1)),
  cancel_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (cancel_fee_cents >= 0),
  changeable INTEGER NOT NULL CHECK (changeable IN (0, 1)),
  change_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (change_fee_cents >= 0),
  checked_bags_included INTEGER NOT NULL DEFAULT 0 CHECK (checked_bags_included BETWEEN 0 AND 3),
  UNIQUE (flight_id, cabin, fare_brand)
);
CREATE INDEX idx_fares_flight ON fares(flight_id);

CREATE TABLE hotels (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  city TEXT NOT NULL,
  country TEXT NOT NULL CHECK (length(country) = 2),
  neighborhood TEXT NOT NULL,
  address TEXT NOT NULL,
  star_rating REAL NOT NULL CHECK (star_rating BETWEEN 1 AND 5),
  guest_rating REAL NOT NULL CHECK (guest_rating BETWEEN 0 AND 10),
  check_in_time TEXT NOT NULL DEFAULT '15:00',
  check_out_time TEXT NOT NULL DEFAULT '11:00',
  amenities TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_hotels_city ON hotels(city);

-- A bookable room type with its rate plan. free_cancel_days: free cancellation until that many
-- days before check-in (NULL when the rate is non-refundable).
CREATE TABLE room_types (
  id INTEGER PRIMARY KEY,
  hotel_id INTEGER NOT NULL REFERENCES hotels(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  bed_type TEXT NOT NULL CHECK (bed_type IN ('king', 'queen', 'double', 'two_queens', 'twin')),
  max_guests INTEGER NOT NULL CHECK (max_guests BETWEEN 1 AND 6),
  base_rate_cents INTEGER NOT NULL CHECK (base_rate_cents > 0),
  total_rooms INTEGER NOT NULL CHECK (total_rooms >= 0),
  refundable INTEGER NOT NULL CHECK (refundable IN (0, 1)),
  free_cancel_days INTEGER CHECK (free_cancel_days IS NULL OR free_cancel_days >= 0),
  breakfast_included INTEGER NOT NULL DEFAULT 0 CHECK (breakfast_included IN (0, 1)),
  CHECK ((refundable = 1) = (free_cancel_days IS NOT NULL)),
  UNIQUE (hotel_id, name)
);
CREATE INDEX idx_room_types_hotel ON room_types(hotel_id);

-- Per-night exceptions to a room type's base rate: a different price, or no rooms sold that night.
CREATE TABLE room_rate_overrides (
  id INTEGER PRIMARY KEY,
  room_type_id INTEGER NOT NULL REFERENCES room_types(id) ON DELETE CASCADE,
  night_date TEXT NOT NULL,
  rate_cents INTEGER CHECK (rate_cents IS NULL OR rate_cents > 0),
  is_closed INTEGER NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1)),
  CHECK (is_closed = 1 OR rate_cents IS NOT NULL),
  UNIQUE (room_type_id, night_date)
);

-- A trip: one booking reference grouping flights and hotel stays.
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reference TEXT NOT NULL UNIQUE CHECK (length(reference) = 6),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'completed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE INDEX idx_bookings_user ON bookings(user_id);

-- One flight on a booking for a group of passengers. fare_paid_cents: fare paid for all its passengers.
CREATE TABLE flight_segments (
  id INTEGER PRIMARY KEY,
  booking_id INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  flight_id INTEGER NOT NULL REFERENCES flights(id) ON DELETE RESTRICT,
  fare_id INTEGER NOT NULL REFERENCES fares(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'flown')),
  fare_paid_cents INTEGER NOT NULL CHECK (fare_paid_cents >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE INDEX idx_segments_booking ON flight_segments(booking_id);
CREATE INDEX idx_segments_flight ON flight_segments(flight_id);
CREATE INDEX idx_segments_fare ON flight_segments(fare_id);

CREATE TABLE segment_passengers (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES flight_segments(id) ON DELETE CASCADE,
  traveler_id INTEGER NOT NULL REFERENCES travelers(id) ON DELETE RESTRICT,
  ticket_number TEXT NOT NULL UNIQUE,
  loyalty_number TEXT,
  UNIQUE (segment_id, traveler_id)
);
CREATE INDEX idx_segment_passengers_traveler ON segment_passengers(traveler_id);

CREATE TABLE seat_assignments (
  id INTEGER PRIMARY KEY,
  segment_passenger_id INTEGER NOT NULL REFERENCES segment_passengers(id) ON DELETE CASCADE,
  flight_id INTEGER NOT NULL REFERENCES flights(id) ON DELETE CASCADE,
  seat_number TEXT NOT NULL,
  fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'released')),
  created_at TEXT NOT NULL,
  released_at TEXT
);
CREATE UNIQUE INDEX idx_seats_taken ON seat_assignments(flight_id, seat_number) WHERE status = 'active';
CREATE UNIQUE INDEX idx_seats_one_per_passenger ON seat_assignments(segment_passenger_id) WHERE status = 'active';
CREATE INDEX idx_seats_passenger ON seat_assignments(segment_passenger_id);

-- Bags bought on top of the fare's allowance, per passenger and flight.
CREATE TABLE baggage (
  id INTEGER PRIMARY KEY,
  segment_passenger_id INTEGER NOT NULL REFERENCES segment_passengers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('checked', 'oversized')),
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 3),
  fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
  created_at TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE INDEX idx_baggage_passenger ON baggage(segment_passenger_id);

CREATE TABLE hotel_reservations (
  id INTEGER PRIMARY KEY,
  booking_id INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  room_type_id INTEGER NOT NULL REFERENCES room_types(id) ON DELETE RESTRICT,
  lead_traveler_id INTEGER NOT NULL REFERENCES travelers(id) ON DELETE RESTRICT,
  confirmation_code TEXT NOT NULL UNIQUE,
  check_in TEXT NOT NULL,
  check_out TEXT NOT NULL,
  rooms INTEGER NOT NULL DEFAULT 1 CHECK (rooms BETWEEN 1 AND 5),
  guests INTEGER NOT NULL CHECK (guests >= 1),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'completed')),
  special_requests TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK (check_out > check_in)
);
CREATE INDEX idx_reservations_booking ON hotel_reservations(booking_id);
CREATE INDEX idx_reservations_room_type ON hotel_reservations(room_type_id, check_in);
CREATE INDEX idx_reservations_traveler ON hotel_reservations(lead_traveler_id);

-- Card charges and refunds, each tied to the booking and to the item it paid for.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  booking_id INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  description TEXT NOT NULL,
  flight_segment_id INTEGER REFERENCES flight_segments(id) ON DELETE SET NULL,
  hotel_reservation_id INTEGER REFERENCES hotel_reservations(id) ON DELETE SET NULL,
  baggage_id INTEGER REFERENCES baggage(id) ON DELETE SET NULL,
  seat_assignment_id INTEGER REFERENCES seat_assignments(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'succeeded' CHECK (status IN ('succeeded', 'pending', 'failed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_payments_booking ON payments(booking_id);
CREATE INDEX idx_payments_method ON payments(payment_method_id);
CREATE INDEX idx_payments_segment ON payments(flight_segment_id);
CREATE INDEX idx_payments_reservation ON payments(hotel_reservation_id);
CREATE INDEX idx_payments_baggage ON payments(baggage_id);
CREATE INDEX idx_payments_seat ON payments(seat_assignment_id);

CREATE TABLE price_alerts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  origin_airport_id INTEGER NOT NULL REFERENCES airports(id) ON DELETE CASCADE,
  destination_airport_id INTEGER NOT NULL REFERENCES airports(id) ON DELETE CASCADE,
  depart_date TEXT NOT NULL,
  cabin TEXT NOT NULL CHECK (cabin IN ('economy', 'premium_economy', 'business')),
  nonstop_only INTEGER NOT NULL DEFAULT 0 CHECK (nonstop_only IN (0, 1)),
  target_price_cents INTEGER NOT NULL CHECK (target_price_cents > 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'triggered')),
  created_at TEXT NOT NULL,
  CHECK (origin_airport_id <> destination_airport_id)
);
CREATE INDEX idx_price_alerts_user ON price_alerts(user_id);
CREATE INDEX idx_price_alerts_origin ON price_alerts(origin_airport_id);
CREATE INDEX idx_price_alerts_destination ON price_alerts(destination_airport_id);
