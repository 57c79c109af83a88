-- Harborline Mail: a work webmail account seen by the signed-in user.
-- Every mailbox row (folder, thread, message, label, filter, contact...) belongs to one user account.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'. Booleans are INTEGER 0/1.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  job_title TEXT NOT NULL,
  department TEXT NOT NULL,
  manager_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  phone TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_users_manager ON users(manager_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  email TEXT NOT NULL COLLATE NOCASE CHECK (email LIKE '%_@_%._%'),
  company TEXT,
  job_title TEXT,
  phone TEXT,
  notes TEXT,
  is_favorite INTEGER NOT NULL DEFAULT 0 CHECK (is_favorite IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, email)
);
CREATE INDEX idx_contacts_user ON contacts(user_id);

CREATE TABLE contact_groups (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE INDEX idx_contact_groups_user ON contact_groups(user_id);

CREATE TABLE contact_group_members (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  UNIQUE (group_id, contact_id)
);
CREATE INDEX idx_group_members_group ON contact_group_members(group_id);
CREATE INDEX idx_group_members_contact ON contact_group_members(contact_id);

CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('inbox', 'sent', 'drafts', 'scheduled', 'archive', 'spam', 'trash', 'custom')),
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE INDEX idx_folders_user ON folders(user_id);
-- One folder of each system kind per account; any number of custom folders.
CREATE UNIQUE INDEX idx_folders_system_kind ON folders(user_id, kind) WHERE kind <> 'custom';

CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_message_at TEXT NOT NULL CHECK (last_message_at >= created_at)
);
CREATE INDEX idx_threads_user ON threads(user_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('received', 'sent', 'draft', 'scheduled')),
  from_name TEXT NOT NULL,
  from_email TEXT NOT NULL COLLATE NOCASE,
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  importance TEXT NOT NULL DEFAULT 'normal' CHECK (importance IN ('low', 'normal', 'high')),
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
  is_starred INTEGER NOT NULL DEFAULT 0 CHECK (is_starred IN (0, 1)),
  sent_at TEXT,
  in_reply_to_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  forwarded_from_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  -- Where a trashed message came from, so that it can be restored.
  previous_folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
  trashed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Drafts and scheduled messages have not been sent yet; everything else has a send time.
  CHECK ((status IN ('draft', 'scheduled')) = (sent_at IS NULL))
);
CREATE INDEX idx_messages_user_folder ON messages(user_id, folder_id);
CREATE INDEX idx_messages_thread ON messages(thread_id);
CREATE INDEX idx_messages_folder ON messages(folder_id);
CREATE INDEX idx_messages_user_sent ON messages(user_id, sent_at);
CREATE INDEX idx_messages_from ON messages(user_id, from_email);
CREATE INDEX idx_messages_reply ON messages(in_reply_to_id);
CREATE INDEX idx_messages_forward ON messages(forwarded_from_id);
CREATE INDEX idx_messages_previous_folder ON messages(previous_folder_id);

CREATE TABLE message_recipients (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('to', 'cc', 'bcc')),
  email TEXT NOT NULL COLLATE NOCASE CHECK (email LIKE '%_@_%._%'),
  name TEXT,
  position INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (message_id, email)
);
CREATE INDEX idx_recipients_message ON message_recipients(message_id);
CREATE INDEX idx_recipients_email ON message_recipients(email);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  filename TEXT NOT NULL CHECK (length(trim(filename)) > 0),
  mime_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_attachments_message ON attachments(message_id);

CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  color TEXT NOT NULL DEFAULT 'gray' CHECK (color IN ('gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink')),
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE INDEX idx_labels_user ON labels(user_id);

CREATE TABLE message_labels (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (message_id, label_id)
);
CREATE INDEX idx_message_labels_message ON message_labels(message_id);
CREATE INDEX idx_message_labels_label ON message_labels(label_id);

-- A rule run on incoming mail: every condition given must match, then every action is applied.
CREATE TABLE filters (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  from_contains TEXT,
  to_contains TEXT,
  subject_contains TEXT,
  has_words TEXT,
  has_attachment INTEGER NOT NULL DEFAULT 0 CHECK (has_attachment IN (0, 1)),
  action_label_id INTEGER REFERENCES labels(id) ON DELETE SET NULL,
  action_folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
  action_archive INTEGER NOT NULL DEFAULT 0 CHECK (action_archive IN (0, 1)),
  action_mark_read INTEGER NOT NULL DEFAULT 0 CHECK (action_mark_read IN (0, 1)),
  action_star INTEGER NOT NULL DEFAULT 0 CHECK (action_star IN (0, 1)),
  action_importance TEXT CHECK (action_importance IS NULL OR action_importance IN ('low', 'normal', 'high')),
  is_enabled INTEGER NOT NULL DEFAULT 1 CHECK (is_enabled IN (0, 1)),
  created_at TEXT NOT NULL,
  CHECK (from_contains IS NOT NULL OR to_contains IS NOT NULL OR subject_contains IS NOT NULL OR has_words IS NOT NULL OR has_attachment = 1),
  CHECK (NOT (action_archive = 1 AND action_folder_id IS NOT NULL))
);
CREATE INDEX idx_filters_user ON filters(user_id);
CREATE INDEX idx_filters_label ON filters(action_label_id);
CREATE INDEX idx_filters_folder ON filters(action_folder_id);

CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE INDEX idx_signatures_user ON signatures(user_id);
CREATE UNIQUE INDEX idx_signatures_one_default ON signatures(user_id) WHERE is_default = 1;

-- The vacation responder: one per account, switched on and off.
CREATE TABLE auto_replies (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  is_enabled INTEGER NOT NULL DEFAULT 0 CHECK (is_enabled IN (0, 1)),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  contacts_only INTEGER NOT NULL DEFAULT 0 CHECK (contacts_only IN (0, 1)),
  updated_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE scheduled_sends (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  send_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_scheduled_user ON scheduled_sends(user_id);
CREATE INDEX idx_scheduled_message ON scheduled_sends(message_id);
CREATE UNIQUE INDEX idx_scheduled_one_pending ON scheduled_sends(message_id) WHERE status = 'pending';

CREATE TABLE blocked_senders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE CHECK (email LIKE '%_@_%._%'),
  blocked_at TEXT NOT NULL,
  UNIQUE (user_id, email)
);
CREATE INDEX idx_blocked_user ON blocked_senders(user_id);
