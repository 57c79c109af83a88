-- Calendar & meetings for employees of Fernhill (a mid-size software company).
-- All timestamps are UTC text 'YYYY-MM-DD HH:MM:SS'. Working hours are local 'HH:MM'
-- in the user's own time zone; utc_offset_minutes is the offset in force for the period.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  job_title TEXT NOT NULL,
  department TEXT NOT NULL,
  office TEXT NOT NULL,
  timezone TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -720 AND 840),
  work_start TEXT NOT NULL CHECK (work_start GLOB '[0-2][0-9]:[0-5][0-9]'),
  work_end TEXT NOT NULL CHECK (work_end GLOB '[0-2][0-9]:[0-5][0-9]'),
  work_days TEXT NOT NULL DEFAULT 'Mon,Tue,Wed,Thu,Fri' CHECK (length(work_days) >= 3),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at TEXT NOT NULL,
  CHECK (work_end > work_start)
);

CREATE TABLE calendars (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('work', 'personal', 'team')),
  color TEXT NOT NULL DEFAULT '#1a73e8',
  description TEXT NOT NULL DEFAULT '',
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
CREATE INDEX idx_calendars_owner ON calendars(owner_id);

CREATE TABLE calendar_shares (
  id INTEGER PRIMARY KEY,
  calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  permission TEXT NOT NULL CHECK (permission IN ('free_busy', 'read', 'edit', 'manage')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (calendar_id, user_id)
);
CREATE INDEX idx_calendar_shares_user ON calendar_shares(user_id);

CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE group_members (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'owner')),
  added_at TEXT NOT NULL,
  UNIQUE (group_id, user_id)
);
CREATE INDEX idx_group_members_user ON group_members(user_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL,
  company TEXT,
  job_title TEXT,
  phone TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (owner_id, email)
);
CREATE INDEX idx_contacts_owner ON contacts(owner_id);

CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  office TEXT NOT NULL,
  floor INTEGER NOT NULL CHECK (floor >= 0),
  capacity INTEGER NOT NULL CHECK (capacity >= 1),
  has_video INTEGER NOT NULL DEFAULT 0 CHECK (has_video IN (0, 1)),
  has_whiteboard INTEGER NOT NULL DEFAULT 0 CHECK (has_whiteboard IN (0, 1)),
  has_projector INTEGER NOT NULL DEFAULT 0 CHECK (has_projector IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  notes TEXT NOT NULL DEFAULT ''
);

-- A recurring meeting. Its occurrences are materialized as rows in events (series_id).
CREATE TABLE recurrence_series (
  id INTEGER PRIMARY KEY,
  calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  organizer_id INTEGER NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'biweekly')),
  weekday TEXT CHECK (weekday IN ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')),
  start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  starts_on TEXT NOT NULL,
  until_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_at TEXT NOT NULL,
  CHECK (until_date >= starts_on)
);
CREATE INDEX idx_series_calendar ON recurrence_series(calendar_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  organizer_id INTEGER NOT NULL REFERENCES users(id),
  series_id INTEGER REFERENCES recurrence_series(id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) > 0),
  description TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
  visibility TEXT NOT NULL DEFAULT 'default' CHECK (visibility IN ('default', 'public', 'private')),
  show_as TEXT NOT NULL DEFAULT 'busy' CHECK (show_as IN ('busy', 'free')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK (end_at > start_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX idx_events_calendar ON events(calendar_id, start_at);
CREATE INDEX idx_events_organizer ON events(organizer_id);
CREATE INDEX idx_events_series ON events(series_id);
CREATE INDEX idx_events_start ON events(start_at);

-- Invitations: one row per invited colleague (user_id) or external contact (contact_id).
-- The organizer is an attendee too (accepted).
CREATE TABLE event_attendees (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  via_group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL,
  response_status TEXT NOT NULL DEFAULT 'needs_action' CHECK (response_status IN ('accepted', 'declined', 'tentative', 'needs_action')),
  is_optional INTEGER NOT NULL DEFAULT 0 CHECK (is_optional IN (0, 1)),
  comment TEXT NOT NULL DEFAULT '',
  invited_at TEXT NOT NULL,
  responded_at TEXT,
  CHECK ((user_id IS NULL) <> (contact_id IS NULL)),
  UNIQUE (event_id, user_id),
  UNIQUE (event_id, contact_id)
);
CREATE INDEX idx_attendees_user ON event_attendees(user_id);
CREATE INDEX idx_attendees_contact ON event_attendees(contact_id);

CREATE TABLE room_bookings (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  booked_by INTEGER NOT NULL REFERENCES users(id),
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'released')),
  created_at TEXT NOT NULL,
  released_at TEXT,
  CHECK (end_at > start_at),
  CHECK ((status = 'released') = (released_at IS NOT NULL))
);
CREATE INDEX idx_room_bookings_room ON room_bookings(room_id, start_at);
CREATE INDEX idx_room_bookings_event ON room_bookings(event_id);
-- An event holds at most one room at a time.
CREATE UNIQUE INDEX idx_room_bookings_one_per_event ON room_bookings(event_id) WHERE status = 'confirmed';

CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  minutes_before INTEGER NOT NULL CHECK (minutes_before BETWEEN 0 AND 40320),
  method TEXT NOT NULL DEFAULT 'popup' CHECK (method IN ('popup', 'email')),
  created_at TEXT NOT NULL,
  UNIQUE (event_id, user_id, minutes_before, method)
);
CREATE INDEX idx_reminders_user ON reminders(user_id);

CREATE TABLE out_of_office (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  auto_decline INTEGER NOT NULL DEFAULT 0 CHECK (auto_decline IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  created_at TEXT NOT NULL,
  CHECK (end_at > start_at)
);
CREATE INDEX idx_ooo_user ON out_of_office(user_id, start_at);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  title TEXT NOT NULL CHECK (length(title) > 0),
  owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 10 CHECK (duration_minutes > 0),
  is_done INTEGER NOT NULL DEFAULT 0 CHECK (is_done IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (event_id, position)
);
CREATE INDEX idx_agenda_event ON agenda_items(event_id);

CREATE TABLE event_notes (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES users(id),
  body TEXT NOT NULL CHECK (length(body) > 0),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_event_notes_event ON event_notes(event_id);
