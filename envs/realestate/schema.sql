-- HearthFinder real-estate portal, seen from the home buyer's / renter's side.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'; money is INTEGER cents
-- (sale prices are the asking price, rental prices are the monthly rent).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL,
  website TEXT,
  office_address TEXT NOT NULL,
  city TEXT NOT NULL
);

CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL,
  license_number TEXT NOT NULL UNIQUE,
  languages TEXT NOT NULL DEFAULT 'English',
  rating REAL CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)),
  review_count INTEGER NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  bio TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_agents_agency ON agents(agency_id);

-- Windows in which an agent can give private tours (outside open houses).
CREATE TABLE agent_availability (
  id INTEGER PRIMARY KEY,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX idx_agent_availability_agent ON agent_availability(agent_id, starts_at);

CREATE TABLE neighborhoods (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  school_rating INTEGER NOT NULL CHECK (school_rating BETWEEN 1 AND 10),
  walk_score INTEGER NOT NULL CHECK (walk_score BETWEEN 0 AND 100),
  transit_score INTEGER NOT NULL CHECK (transit_score BETWEEN 0 AND 100),
  property_tax_rate_bps INTEGER NOT NULL CHECK (property_tax_rate_bps BETWEEN 0 AND 1000),
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (name, city)
);

CREATE TABLE properties (
  id INTEGER PRIMARY KEY,
  neighborhood_id INTEGER NOT NULL REFERENCES neighborhoods(id) ON DELETE RESTRICT,
  street_address TEXT NOT NULL,
  unit TEXT,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL,
  property_type TEXT NOT NULL CHECK (property_type IN ('house', 'condo', 'townhouse', 'apartment', 'multi_family')),
  beds INTEGER NOT NULL CHECK (beds >= 0),
  baths REAL NOT NULL CHECK (baths >= 0),
  sqft INTEGER NOT NULL CHECK (sqft > 0),
  lot_sqft INTEGER CHECK (lot_sqft IS NULL OR lot_sqft > 0),
  year_built INTEGER NOT NULL CHECK (year_built BETWEEN 1800 AND 2030),
  hoa_monthly_cents INTEGER NOT NULL DEFAULT 0 CHECK (hoa_monthly_cents >= 0),
  parking_spaces INTEGER NOT NULL DEFAULT 0 CHECK (parking_spaces >= 0),
  features TEXT NOT NULL DEFAULT '',
  UNIQUE (street_address, unit, city)
);
CREATE INDEX idx_properties_neighborhood ON properties(neighborhood_id);

CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  property_id INTEGER NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE RESTRICT,
  mls_number TEXT NOT NULL UNIQUE,
  listing_type TEXT NOT NULL CHECK (listing_type IN ('for_sale', 'for_rent')),
  status TEXT NOT NULL CHECK (status IN ('active', 'pending', 'sold', 'rented', 'off_market')),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  headline TEXT NOT NULL,
  description TEXT NOT NULL,
  listed_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL,
  closed_at TEXT,
  sold_price_cents INTEGER CHECK (sold_price_cents IS NULL OR sold_price_cents > 0),
  min_earnest_pct INTEGER CHECK (min_earnest_pct IS NULL OR min_earnest_pct BETWEEN 0 AND 10),
  available_from TEXT,
  min_lease_months INTEGER CHECK (min_lease_months IS NULL OR min_lease_months BETWEEN 1 AND 24),
  pet_policy TEXT CHECK (pet_policy IS NULL OR pet_policy IN ('no_pets', 'cats_only', 'dogs_only', 'cats_and_dogs')),
  security_deposit_cents INTEGER CHECK (security_deposit_cents IS NULL OR security_deposit_cents >= 0),
  application_fee_cents INTEGER CHECK (application_fee_cents IS NULL OR application_fee_cents >= 0),
  CHECK (status <> 'sold' OR listing_type = 'for_sale'),
  CHECK (status <> 'rented' OR listing_type = 'for_rent'),
  CHECK (listing_type = 'for_rent' OR min_earnest_pct IS NOT NULL),
  CHECK (listing_type = 'for_sale' OR (pet_policy IS NOT NULL AND available_from IS NOT NULL AND min_lease_months IS NOT NULL))
);
CREATE INDEX idx_listings_property ON listings(property_id);
CREATE INDEX idx_listings_agent ON listings(agent_id);
CREATE INDEX idx_listings_status ON listings(status, listing_type);

CREATE TABLE listing_price_history (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  event TEXT NOT NULL CHECK (event IN ('listed', 'price_change', 'pending', 'back_on_market', 'sold', 'rented', 'off_market')),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  changed_at TEXT NOT NULL
);
CREATE INDEX idx_price_history_listing ON listing_price_history(listing_id, changed_at);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  url TEXT NOT NULL UNIQUE,
  caption TEXT NOT NULL,
  room TEXT NOT NULL CHECK (room IN ('exterior', 'living_room', 'kitchen', 'bedroom', 'bathroom', 'view', 'yard', 'other')),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  UNIQUE (listing_id, position)
);
CREATE INDEX idx_photos_listing ON photos(listing_id);

CREATE TABLE open_houses (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('in_person', 'virtual')),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  notes TEXT NOT NULL DEFAULT '',
  CHECK (ends_at > starts_at)
);
CREATE INDEX idx_open_houses_listing ON open_houses(listing_id, starts_at);

CREATE TABLE saved_homes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  saved_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, listing_id)
);
CREATE INDEX idx_saved_homes_listing ON saved_homes(listing_id);

CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  listing_type TEXT NOT NULL CHECK (listing_type IN ('for_sale', 'for_rent')),
  city TEXT,
  neighborhood TEXT,
  property_type TEXT CHECK (property_type IS NULL OR property_type IN ('house', 'condo', 'townhouse', 'apartment', 'multi_family')),
  min_price_cents INTEGER CHECK (min_price_cents IS NULL OR min_price_cents >= 0),
  max_price_cents INTEGER CHECK (max_price_cents IS NULL OR max_price_cents >= 0),
  min_beds INTEGER CHECK (min_beds IS NULL OR min_beds >= 0),
  min_baths REAL CHECK (min_baths IS NULL OR min_baths >= 0),
  max_hoa_cents INTEGER CHECK (max_hoa_cents IS NULL OR max_hoa_cents >= 0),
  keywords TEXT,
  alert_frequency TEXT NOT NULL CHECK (alert_frequency IN ('instant', 'daily', 'weekly', 'off')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (min_price_cents IS NULL OR max_price_cents IS NULL OR min_price_cents <= max_price_cents),
  UNIQUE (user_id, name)
);
CREATE INDEX idx_saved_searches_user ON saved_searches(user_id);

CREATE TABLE tour_requests (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE RESTRICT,
  open_house_id INTEGER REFERENCES open_houses(id) ON DELETE SET NULL,
  tour_type TEXT NOT NULL CHECK (tour_type IN ('in_person', 'video')),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'completed', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  cancel_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX idx_tours_user ON tour_requests(user_id, starts_at);
CREATE INDEX idx_tours_listing ON tour_requests(listing_id);
CREATE INDEX idx_tours_agent ON tour_requests(agent_id, starts_at);
CREATE INDEX idx_tours_open_house ON tour_requests(open_house_id);

CREATE TABLE mortgage_preapprovals (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  lender_name TEXT NOT NULL,
  letter_number TEXT NOT NULL UNIQUE,
  loan_type TEXT NOT NULL CHECK (loan_type IN ('conventional', 'jumbo', 'fha', 'va')),
  max_purchase_cents INTEGER NOT NULL CHECK (max_purchase_cents > 0),
  down_payment_pct INTEGER NOT NULL CHECK (down_payment_pct BETWEEN 0 AND 100),
  interest_rate_bps INTEGER NOT NULL CHECK (interest_rate_bps > 0),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'revoked')),
  CHECK (expires_at > issued_at)
);
CREATE INDEX idx_preapprovals_user ON mortgage_preapprovals(user_id);

CREATE TABLE offers (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  preapproval_id INTEGER REFERENCES mortgage_preapprovals(id) ON DELETE SET NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  earnest_deposit_cents INTEGER NOT NULL CHECK (earnest_deposit_cents >= 0),
  financing_type TEXT NOT NULL CHECK (financing_type IN ('cash', 'conventional', 'jumbo', 'fha', 'va')),
  financing_contingency INTEGER NOT NULL DEFAULT 0 CHECK (financing_contingency IN (0, 1)),
  inspection_contingency INTEGER NOT NULL DEFAULT 0 CHECK (inspection_contingency IN (0, 1)),
  appraisal_contingency INTEGER NOT NULL DEFAULT 0 CHECK (appraisal_contingency IN (0, 1)),
  home_sale_contingency INTEGER NOT NULL DEFAULT 0 CHECK (home_sale_contingency IN (0, 1)),
  closing_date TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'countered', 'accepted', 'rejected', 'withdrawn')),
  counter_amount_cents INTEGER CHECK (counter_amount_cents IS NULL OR counter_amount_cents > 0),
  message TEXT NOT NULL DEFAULT '',
  withdraw_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (earnest_deposit_cents <= amount_cents),
  CHECK (status <> 'countered' OR counter_amount_cents IS NOT NULL)
);
CREATE INDEX idx_offers_user ON offers(user_id);
CREATE INDEX idx_offers_listing ON offers(listing_id);
CREATE INDEX idx_offers_preapproval ON offers(preapproval_id);

CREATE TABLE rental_applications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  move_in_date TEXT NOT NULL,
  lease_months INTEGER NOT NULL CHECK (lease_months BETWEEN 1 AND 36),
  monthly_income_cents INTEGER NOT NULL CHECK (monthly_income_cents >= 0),
  occupants INTEGER NOT NULL CHECK (occupants BETWEEN 1 AND 12),
  pets TEXT NOT NULL CHECK (pets IN ('none', 'cats', 'dogs', 'cats_and_dogs')),
  application_fee_cents INTEGER NOT NULL CHECK (application_fee_cents >= 0),
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('submitted', 'under_review', 'approved', 'declined', 'withdrawn')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_rental_apps_user ON rental_applications(user_id);
CREATE INDEX idx_rental_apps_listing ON rental_applications(listing_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  listing_id INTEGER REFERENCES listings(id) ON DELETE SET NULL,
  sender TEXT NOT NULL CHECK (sender IN ('user', 'agent')),
  body TEXT NOT NULL CHECK (length(body) > 0),
  sent_at TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1))
);
CREATE INDEX idx_messages_user_agent ON messages(user_id, agent_id, sent_at);
CREATE INDEX idx_messages_listing ON messages(listing_id);

CREATE TABLE viewed_listings (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  viewed_at TEXT NOT NULL,
  device TEXT NOT NULL CHECK (device IN ('web', 'ios', 'android'))
);
CREATE INDEX idx_viewed_user ON viewed_listings(user_id, viewed_at);
CREATE INDEX idx_viewed_listing ON viewed_listings(listing_id);
