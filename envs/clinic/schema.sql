-- Bayside Family Health patient portal: a multi-location clinic seen from the patient's side.
-- An account (users) manages one or more patients: the account holder and their dependents.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' on the clinic's clock; dates are TEXT 'YYYY-MM-DD';
-- money is INTEGER cents; booleans are INTEGER 0/1.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  address_line TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'CA',
  postal_code TEXT NOT NULL,
  phone TEXT NOT NULL,
  hours TEXT NOT NULL,
  has_lab INTEGER NOT NULL DEFAULT 0 CHECK (has_lab IN (0, 1))
);

CREATE TABLE specialties (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  is_primary_care INTEGER NOT NULL DEFAULT 0 CHECK (is_primary_care IN (0, 1))
);

CREATE TABLE pharmacies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  chain TEXT,
  address_line TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'CA',
  postal_code TEXT NOT NULL,
  phone TEXT NOT NULL,
  is_24_hour INTEGER NOT NULL DEFAULT 0 CHECK (is_24_hour IN (0, 1)),
  is_mail_order INTEGER NOT NULL DEFAULT 0 CHECK (is_mail_order IN (0, 1)),
  accepts_e_prescriptions INTEGER NOT NULL DEFAULT 1 CHECK (accepts_e_prescriptions IN (0, 1)),
  UNIQUE (name, address_line)
);

CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  credentials TEXT NOT NULL CHECK (credentials IN ('MD', 'DO', 'NP', 'PA-C', 'RN', 'DPT')),
  specialty_id INTEGER NOT NULL REFERENCES specialties(id) ON DELETE RESTRICT,
  gender TEXT NOT NULL CHECK (gender IN ('female', 'male', 'nonbinary')),
  accepting_new_patients INTEGER NOT NULL DEFAULT 1 CHECK (accepting_new_patients IN (0, 1)),
  bio TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'retired'))
);
CREATE INDEX idx_providers_specialty ON providers(specialty_id);

CREATE TABLE provider_languages (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  UNIQUE (provider_id, language)
);
CREATE INDEX idx_provider_languages_provider ON provider_languages(provider_id);

CREATE TABLE provider_locations (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  days TEXT NOT NULL,
  UNIQUE (provider_id, location_id)
);
CREATE INDEX idx_provider_locations_location ON provider_locations(location_id);

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  account_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  relationship TEXT NOT NULL CHECK (relationship IN ('self', 'child', 'spouse', 'parent', 'other')),
  mrn TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other')),
  preferred_language TEXT NOT NULL DEFAULT 'English',
  primary_provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  preferred_pharmacy_id INTEGER REFERENCES pharmacies(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_patients_account ON patients(account_user_id);
CREATE INDEX idx_patients_pcp ON patients(primary_provider_id);
CREATE INDEX idx_patients_pharmacy ON patients(preferred_pharmacy_id);
-- Only one 'self' patient per account.
CREATE UNIQUE INDEX idx_patients_self ON patients(account_user_id) WHERE relationship = 'self';

CREATE TABLE appointment_types (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0 AND duration_minutes % 5 = 0),
  visit_mode TEXT NOT NULL CHECK (visit_mode IN ('in_person', 'video', 'either')),
  patient_status TEXT NOT NULL DEFAULT 'any' CHECK (patient_status IN ('any', 'new', 'established')),
  min_age_years INTEGER NOT NULL DEFAULT 0 CHECK (min_age_years >= 0),
  max_age_years INTEGER CHECK (max_age_years IS NULL OR max_age_years >= min_age_years),
  requires_referral INTEGER NOT NULL DEFAULT 0 CHECK (requires_referral IN (0, 1)),
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE appointment_type_specialties (
  id INTEGER PRIMARY KEY,
  appointment_type_id INTEGER NOT NULL REFERENCES appointment_types(id) ON DELETE CASCADE,
  specialty_id INTEGER NOT NULL REFERENCES specialties(id) ON DELETE CASCADE,
  UNIQUE (appointment_type_id, specialty_id)
);
CREATE INDEX idx_type_specialties_specialty ON appointment_type_specialties(specialty_id);

-- Bookable time published by a provider at one location. A slot is taken while an appointment
-- in status scheduled/checked_in points at it.
CREATE TABLE appointment_slots (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  start_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0 AND duration_minutes % 5 = 0),
  visit_mode TEXT NOT NULL CHECK (visit_mode IN ('in_person', 'video', 'either')),
  status TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'blocked')),
  UNIQUE (provider_id, start_at)
);
CREATE INDEX idx_slots_location_start ON appointment_slots(location_id, start_at);
CREATE INDEX idx_slots_start ON appointment_slots(start_at);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE RESTRICT,
  slot_id INTEGER NOT NULL REFERENCES appointment_slots(id) ON DELETE RESTRICT,
  appointment_type_id INTEGER NOT NULL REFERENCES appointment_types(id) ON DELETE RESTRICT,
  visit_mode TEXT NOT NULL CHECK (visit_mode IN ('in_person', 'video')),
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'checked_in', 'completed', 'cancelled', 'no_show')),
  reason TEXT NOT NULL,
  booked_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  booked_at TEXT NOT NULL,
  reschedule_count INTEGER NOT NULL DEFAULT 0 CHECK (reschedule_count >= 0),
  checked_in_at TEXT,
  cancelled_at TEXT,
  cancel_reason TEXT,
  updated_at TEXT NOT NULL,
  CHECK (end_at > start_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX idx_appointments_patient ON appointments(patient_id, start_at);
CREATE INDEX idx_appointments_provider ON appointments(provider_id);
CREATE INDEX idx_appointments_slot ON appointments(slot_id);
CREATE INDEX idx_appointments_type ON appointments(appointment_type_id);
CREATE INDEX idx_appointments_location ON appointments(location_id);
-- A slot holds at most one live appointment.
CREATE UNIQUE INDEX idx_appointments_live_slot ON appointments(slot_id) WHERE status IN ('scheduled', 'checked_in');

CREATE TABLE insurance_plans (
  id INTEGER PRIMARY KEY,
  carrier TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  plan_type TEXT NOT NULL CHECK (plan_type IN ('HMO', 'PPO', 'EPO', 'POS', 'Medicare', 'Medicaid')),
  payer_id TEXT NOT NULL,
  primary_care_copay_cents INTEGER NOT NULL CHECK (primary_care_copay_cents >= 0),
  specialist_copay_cents INTEGER NOT NULL CHECK (specialist_copay_cents >= 0),
  in_network INTEGER NOT NULL DEFAULT 1 CHECK (in_network IN (0, 1)),
  UNIQUE (carrier, plan_name)
);

CREATE TABLE patient_insurance (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  plan_id INTEGER NOT NULL REFERENCES insurance_plans(id) ON DELETE RESTRICT,
  member_id TEXT NOT NULL,
  group_number TEXT,
  subscriber_name TEXT NOT NULL,
  relationship_to_subscriber TEXT NOT NULL CHECK (relationship_to_subscriber IN ('self', 'spouse', 'child', 'other')),
  coverage_order TEXT NOT NULL CHECK (coverage_order IN ('primary', 'secondary')),
  effective_date TEXT NOT NULL,
  end_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= effective_date)
);
CREATE INDEX idx_patient_insurance_patient ON patient_insurance(patient_id);
CREATE INDEX idx_patient_insurance_plan ON patient_insurance(plan_id);

CREATE TABLE prescriptions (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  prescriber_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  medication_name TEXT NOT NULL,
  strength TEXT NOT NULL,
  dosage_form TEXT NOT NULL,
  directions TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  days_supply INTEGER NOT NULL CHECK (days_supply > 0),
  refills_authorized INTEGER NOT NULL CHECK (refills_authorized >= 0),
  refills_remaining INTEGER NOT NULL CHECK (refills_remaining >= 0),
  pharmacy_id INTEGER REFERENCES pharmacies(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'discontinued', 'expired')),
  written_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  last_filled_on TEXT,
  CHECK (refills_remaining <= refills_authorized),
  CHECK (expires_on >= written_on)
);
CREATE INDEX idx_prescriptions_patient ON prescriptions(patient_id);
CREATE INDEX idx_prescriptions_prescriber ON prescriptions(prescriber_id);
CREATE INDEX idx_prescriptions_pharmacy ON prescriptions(pharmacy_id);

CREATE TABLE refill_requests (
  id INTEGER PRIMARY KEY,
  prescription_id INTEGER NOT NULL REFERENCES prescriptions(id) ON DELETE CASCADE,
  pharmacy_id INTEGER NOT NULL REFERENCES pharmacies(id) ON DELETE RESTRICT,
  requested_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('sent_to_pharmacy', 'ready_for_pickup', 'picked_up', 'denied', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  requested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_refill_requests_prescription ON refill_requests(prescription_id);
CREATE INDEX idx_refill_requests_pharmacy ON refill_requests(pharmacy_id);

CREATE TABLE lab_orders (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  ordering_provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  appointment_id INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
  location_id INTEGER REFERENCES locations(id) ON DELETE SET NULL,
  panel_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ordered', 'collected', 'resulted', 'cancelled')),
  ordered_at TEXT NOT NULL,
  collected_at TEXT,
  resulted_at TEXT,
  provider_comment TEXT
);
CREATE INDEX idx_lab_orders_patient ON lab_orders(patient_id, ordered_at);
CREATE INDEX idx_lab_orders_provider ON lab_orders(ordering_provider_id);
CREATE INDEX idx_lab_orders_appointment ON lab_orders(appointment_id);

CREATE TABLE lab_results (
  id INTEGER PRIMARY KEY,
  lab_order_id INTEGER NOT NULL REFERENCES lab_orders(id) ON DELETE CASCADE,
  test_name TEXT NOT NULL,
  value_text TEXT NOT NULL,
  value_numeric REAL,
  unit TEXT,
  reference_range TEXT NOT NULL,
  flag TEXT NOT NULL CHECK (flag IN ('normal', 'low', 'high', 'abnormal', 'critical')),
  resulted_at TEXT NOT NULL,
  UNIQUE (lab_order_id, test_name)
);
CREATE INDEX idx_lab_results_order ON lab_results(lab_order_id);

CREATE TABLE message_threads (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  subject TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('general', 'appointment', 'medication', 'test_results', 'billing', 'referral')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_threads_patient ON message_threads(patient_id);
CREATE INDEX idx_threads_provider ON message_threads(provider_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES message_threads(id) ON DELETE CASCADE,
  sender_type TEXT NOT NULL CHECK (sender_type IN ('patient', 'care_team')),
  sender_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  sender_provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  body TEXT NOT NULL CHECK (length(body) > 0),
  sent_at TEXT NOT NULL,
  read_at TEXT,
  CHECK ((sender_type = 'patient') = (sender_user_id IS NOT NULL))
);
CREATE INDEX idx_messages_thread ON messages(thread_id, sent_at);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  referring_provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE RESTRICT,
  specialty_id INTEGER NOT NULL REFERENCES specialties(id) ON DELETE RESTRICT,
  referred_to_provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'expired', 'completed')),
  visits_authorized INTEGER CHECK (visits_authorized IS NULL OR visits_authorized > 0),
  valid_from TEXT,
  valid_until TEXT,
  decision_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_referrals_patient ON referrals(patient_id);
CREATE INDEX idx_referrals_specialty ON referrals(specialty_id);
CREATE INDEX idx_referrals_referring ON referrals(referring_provider_id);
CREATE INDEX idx_referrals_referred_to ON referrals(referred_to_provider_id);

CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('card', 'hsa_card', 'bank_account')),
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month INTEGER CHECK (exp_month IS NULL OR exp_month BETWEEN 1 AND 12),
  exp_year INTEGER,
  nickname TEXT,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_payment_methods_user ON payment_methods(user_id);

-- A patient statement for one visit or service. balance = patient_responsibility_cents - paid_cents.
CREATE TABLE bills (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  appointment_id INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
  statement_number TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  service_date TEXT NOT NULL,
  total_charge_cents INTEGER NOT NULL CHECK (total_charge_cents >= 0),
  insurance_paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (insurance_paid_cents >= 0),
  adjustment_cents INTEGER NOT NULL DEFAULT 0 CHECK (adjustment_cents >= 0),
  patient_responsibility_cents INTEGER NOT NULL CHECK (patient_responsibility_cents >= 0),
  paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('pending_insurance', 'open', 'paid', 'void')),
  due_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (paid_cents <= patient_responsibility_cents),
  -- While status is pending_insurance the claim is not adjudicated yet and all three parts are 0.
  CHECK (insurance_paid_cents + adjustment_cents + patient_responsibility_cents <= total_charge_cents)
);
CREATE INDEX idx_bills_patient ON bills(patient_id);
CREATE INDEX idx_bills_appointment ON bills(appointment_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  bill_id INTEGER NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  payment_method_id INTEGER REFERENCES payment_methods(id) ON DELETE SET NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  confirmation_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'succeeded' CHECK (status IN ('succeeded', 'refunded')),
  paid_at TEXT NOT NULL
);
CREATE INDEX idx_payments_bill ON payments(bill_id);
CREATE INDEX idx_payments_user ON payments(user_id);
CREATE INDEX idx_payments_method ON payments(payment_method_id);

CREATE TABLE immunizations (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  vaccine_name TEXT NOT NULL,
  dose_label TEXT NOT NULL DEFAULT '',
  administered_on TEXT NOT NULL,
  provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  location_id INTEGER REFERENCES locations(id) ON DELETE SET NULL,
  lot_number TEXT,
  source TEXT NOT NULL CHECK (source IN ('clinic', 'outside_record', 'pharmacy'))
);
CREATE INDEX idx_immunizations_patient ON immunizations(patient_id, administered_on);

CREATE TABLE allergies (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  allergen TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('drug', 'food', 'environmental', 'other')),
  reaction TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved', 'entered_in_error')),
  onset_date TEXT,
  recorded_by TEXT NOT NULL CHECK (recorded_by IN ('patient', 'clinician')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_allergies_patient ON allergies(patient_id);
