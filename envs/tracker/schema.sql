-- Tidewater issue tracker: teams, projects, a shared issue workflow, sprints, and everything hung off issues.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'. Booleans are INTEGER 0/1.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  handle TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  timezone TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  lead_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_teams_lead ON teams(lead_user_id);

CREATE TABLE team_members (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'member')),
  joined_at TEXT NOT NULL,
  UNIQUE (team_id, user_id)
);
CREATE INDEX idx_team_members_user ON team_members(user_id);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE RESTRICT,
  key TEXT NOT NULL UNIQUE CHECK (key GLOB '[A-Z]*' AND length(key) BETWEEN 2 AND 6),
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  lead_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  next_issue_number INTEGER NOT NULL CHECK (next_issue_number >= 1),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_projects_team ON projects(team_id);
CREATE INDEX idx_projects_lead ON projects(lead_user_id);

-- The shared workflow: statuses and which moves between them are allowed.
CREATE TABLE statuses (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE CHECK (key IN ('backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled')),
  name TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL CHECK (category IN ('unstarted', 'started', 'closed')),
  position INTEGER NOT NULL UNIQUE
);

CREATE TABLE workflow_transitions (
  id INTEGER PRIMARY KEY,
  from_status TEXT NOT NULL REFERENCES statuses(key) ON DELETE CASCADE,
  to_status TEXT NOT NULL REFERENCES statuses(key) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (from_status, to_status),
  CHECK (from_status <> to_status)
);

CREATE TABLE components (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  lead_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (project_id, name)
);
CREATE INDEX idx_components_lead ON components(lead_user_id);

CREATE TABLE sprints (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  goal TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('planned', 'active', 'closed')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  committed_points INTEGER CHECK (committed_points IS NULL OR committed_points >= 0),
  completed_points INTEGER CHECK (completed_points IS NULL OR completed_points >= 0),
  created_at TEXT NOT NULL,
  UNIQUE (project_id, name),
  CHECK (end_date > start_date),
  CHECK ((state = 'planned') = (started_at IS NULL)),
  CHECK ((state = 'closed') = (completed_at IS NOT NULL)),
  CHECK (state <> 'closed' OR completed_points IS NOT NULL)
);
CREATE INDEX idx_sprints_project ON sprints(project_id, state);

CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('epic', 'feature', 'bug', 'task')),
  status TEXT NOT NULL REFERENCES statuses(key) ON DELETE RESTRICT,
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'medium', 'low', 'none')),
  estimate INTEGER CHECK (estimate IS NULL OR estimate IN (1, 2, 3, 5, 8, 13)),
  assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  parent_id INTEGER REFERENCES issues(id) ON DELETE SET NULL,
  component_id INTEGER REFERENCES components(id) ON DELETE SET NULL,
  sprint_id INTEGER REFERENCES sprints(id) ON DELETE SET NULL,
  due_date TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('done', 'duplicate', 'wont_do', 'cannot_reproduce')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT,
  UNIQUE (project_id, number),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK ((status IN ('done', 'cancelled')) = (resolution IS NOT NULL)),
  CHECK ((status IN ('done', 'cancelled')) = (resolved_at IS NOT NULL)),
  CHECK (status <> 'done' OR resolution = 'done'),
  CHECK (status <> 'cancelled' OR resolution <> 'done')
);
CREATE INDEX idx_issues_project_status ON issues(project_id, status);
CREATE INDEX idx_issues_assignee ON issues(assignee_id);
CREATE INDEX idx_issues_reporter ON issues(reporter_id);
CREATE INDEX idx_issues_parent ON issues(parent_id);
CREATE INDEX idx_issues_component ON issues(component_id);
CREATE INDEX idx_issues_sprint ON issues(sprint_id);

CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  description TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_labels_created_by ON labels(created_by);

CREATE TABLE issue_labels (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  UNIQUE (issue_id, label_id)
);
CREATE INDEX idx_issue_labels_label ON issue_labels(label_id);

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  body TEXT NOT NULL CHECK (length(body) >= 1),
  created_at TEXT NOT NULL,
  edited_at TEXT
);
CREATE INDEX idx_comments_issue ON comments(issue_id, created_at);
CREATE INDEX idx_comments_author ON comments(author_id);

-- A directed link: source <link_type> target ("PAY-190 blocks PAY-212", "PAY-231 duplicates PAY-198").
CREATE TABLE issue_links (
  id INTEGER PRIMARY KEY,
  source_issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  target_issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  link_type TEXT NOT NULL CHECK (link_type IN ('blocks', 'duplicates', 'relates')),
  created_by INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  UNIQUE (source_issue_id, target_issue_id, link_type),
  CHECK (source_issue_id <> target_issue_id)
);
CREATE INDEX idx_issue_links_target ON issue_links(target_issue_id);
CREATE INDEX idx_issue_links_created_by ON issue_links(created_by);

CREATE TABLE watchers (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (issue_id, user_id)
);
CREATE INDEX idx_watchers_user ON watchers(user_id);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  uploader_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 52428800),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_attachments_issue ON attachments(issue_id);
CREATE INDEX idx_attachments_uploader ON attachments(uploader_id);

CREATE TABLE worklogs (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  work_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX idx_worklogs_issue ON worklogs(issue_id);
CREATE INDEX idx_worklogs_user ON worklogs(user_id, work_date);

-- Issue history: one row per change, newest last.
CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'transitioned', 'assigned', 'commented', 'linked', 'unlinked', 'labeled', 'unlabeled', 'sprint_changed', 'work_logged', 'attachment_added', 'attachment_removed')),
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_activity_issue ON activity(issue_id, created_at);
CREATE INDEX idx_activity_actor ON activity(actor_id);

CREATE TABLE saved_filters (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  criteria TEXT NOT NULL CHECK (json_valid(criteria)),
  is_shared INTEGER NOT NULL DEFAULT 0 CHECK (is_shared IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
CREATE INDEX idx_saved_filters_owner ON saved_filters(owner_id);
