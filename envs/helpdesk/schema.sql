-- Ledgerly Support: the agent-facing helpdesk of Ledgerly, a cloud invoicing and payments platform.
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'. SLA targets are in calendar minutes.

-- Support staff (the people who work tickets). User 1 is the signed-in team lead.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'lead', 'agent', 'light_agent')),
  title TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'UTC',
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at TEXT NOT NULL
);

-- Agent groups (queues). Tickets in a restricted group are only visible to its members.
CREATE TABLE support_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  is_restricted INTEGER NOT NULL DEFAULT 0 CHECK (is_restricted IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE group_memberships (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES support_groups(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (group_id, user_id)
);
CREATE INDEX idx_group_memberships_user ON group_memberships(user_id);

-- Customer companies and their Ledgerly plan (the plan picks the SLA policy).
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  domain TEXT NOT NULL UNIQUE,
  plan TEXT NOT NULL CHECK (plan IN ('free', 'starter', 'growth', 'enterprise')),
  region TEXT NOT NULL,
  account_manager_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX idx_organizations_manager ON organizations(account_manager_id);

-- End users who write in (requesters). Customers without an organization are on the free plan.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT,
  job_title TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX idx_customers_org ON customers(organization_id);

-- Service-level targets per plan and priority.
CREATE TABLE sla_policies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  plan TEXT NOT NULL CHECK (plan IN ('free', 'starter', 'growth', 'enterprise')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),
  resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes > 0),
  UNIQUE (plan, priority),
  CHECK (resolution_minutes > first_response_minutes)
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  type TEXT NOT NULL CHECK (type IN ('question', 'incident', 'problem', 'task')),
  status TEXT NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'web', 'chat', 'phone', 'api')),
  requester_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  group_id INTEGER REFERENCES support_groups(id) ON DELETE SET NULL,
  problem_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
  follow_up_of_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
  sla_policy_id INTEGER REFERENCES sla_policies(id) ON DELETE SET NULL,
  first_response_due_at TEXT,
  resolution_due_at TEXT,
  first_responded_at TEXT,
  solved_at TEXT,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (problem_id IS NULL OR (type = 'incident' AND problem_id <> id)),
  CHECK (status <> 'new' OR assignee_id IS NULL),
  CHECK (status <> 'solved' OR assignee_id IS NOT NULL),
  CHECK ((status IN ('solved', 'closed')) = (solved_at IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (updated_at >= created_at)
);
CREATE INDEX idx_tickets_requester ON tickets(requester_id);
CREATE INDEX idx_tickets_org ON tickets(organization_id);
CREATE INDEX idx_tickets_assignee ON tickets(assignee_id, status);
CREATE INDEX idx_tickets_group ON tickets(group_id, status);
CREATE INDEX idx_tickets_problem ON tickets(problem_id);
CREATE INDEX idx_tickets_follow_up ON tickets(follow_up_of_id);
CREATE INDEX idx_tickets_sla_policy ON tickets(sla_policy_id);
CREATE INDEX idx_tickets_created ON tickets(created_at);

-- The conversation: public replies (seen by the requester) and internal notes (agents only).
CREATE TABLE ticket_comments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_user_id INTEGER REFERENCES users(id) ON DELETE RESTRICT,
  author_customer_id INTEGER REFERENCES customers(id) ON DELETE RESTRICT,
  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  CHECK ((author_user_id IS NULL) <> (author_customer_id IS NULL)),
  CHECK (is_public = 1 OR author_user_id IS NOT NULL)
);
CREATE INDEX idx_comments_ticket ON ticket_comments(ticket_id, created_at);
CREATE INDEX idx_comments_user ON ticket_comments(author_user_id);
CREATE INDEX idx_comments_customer ON ticket_comments(author_customer_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name = lower(name) AND length(name) > 0 AND instr(name, ' ') = 0),
  created_at TEXT NOT NULL
);

CREATE TABLE ticket_tags (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, tag_id)
);
CREATE INDEX idx_ticket_tags_tag ON ticket_tags(tag_id);

-- Macros: canned action lists. owner_id NULL = shared with every agent; otherwise personal.
CREATE TABLE macros (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  usage_count INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_macros_owner ON macros(owner_id);

CREATE TABLE macro_actions (
  id INTEGER PRIMARY KEY,
  macro_id INTEGER NOT NULL REFERENCES macros(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  action TEXT NOT NULL CHECK (action IN ('set_status', 'set_priority', 'set_type', 'set_group', 'assign_to_me', 'add_tag', 'remove_tag', 'public_reply', 'internal_note')),
  value TEXT,
  group_id INTEGER REFERENCES support_groups(id) ON DELETE CASCADE,
  UNIQUE (macro_id, position),
  CHECK ((action = 'set_group') = (group_id IS NOT NULL)),
  CHECK (action IN ('set_group', 'assign_to_me') OR value IS NOT NULL),
  CHECK (action <> 'set_status' OR value IN ('open', 'pending', 'on_hold', 'solved')),
  CHECK (action <> 'set_priority' OR value IN ('low', 'normal', 'high', 'urgent')),
  CHECK (action <> 'set_type' OR value IN ('question', 'incident', 'task'))
);
CREATE INDEX idx_macro_actions_macro ON macro_actions(macro_id);
CREATE INDEX idx_macro_actions_group ON macro_actions(group_id);

CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  field_type TEXT NOT NULL CHECK (field_type IN ('dropdown', 'text')),
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL CHECK (position >= 1),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE custom_field_options (
  id INTEGER PRIMARY KEY,
  field_id INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  UNIQUE (field_id, value),
  UNIQUE (field_id, label)
);
CREATE INDEX idx_field_options_field ON custom_field_options(field_id);

CREATE TABLE ticket_field_values (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
  value TEXT NOT NULL CHECK (length(value) > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, field_id)
);
CREATE INDEX idx_ticket_field_values_field ON ticket_field_values(field_id);

-- A duplicate (source) merged into another ticket (target); the source is closed.
CREATE TABLE ticket_merges (
  id INTEGER PRIMARY KEY,
  source_ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
  target_ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  merged_by INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  comments_moved INTEGER NOT NULL CHECK (comments_moved >= 0),
  created_at TEXT NOT NULL,
  CHECK (source_ticket_id <> target_ticket_id)
);
CREATE INDEX idx_ticket_merges_target ON ticket_merges(target_ticket_id);
CREATE INDEX idx_ticket_merges_user ON ticket_merges(merged_by);

-- Saved ticket filters. owner_id NULL = shared view; otherwise the owner's personal view.
CREATE TABLE views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  status_filter TEXT CHECK (status_filter IS NULL OR status_filter IN ('unsolved', 'new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  priority_filter TEXT CHECK (priority_filter IS NULL OR priority_filter IN ('low', 'normal', 'high', 'urgent')),
  group_id INTEGER REFERENCES support_groups(id) ON DELETE SET NULL,
  assignee_filter TEXT CHECK (assignee_filter IS NULL OR assignee_filter IN ('me', 'unassigned')),
  tag_filter TEXT,
  sort TEXT NOT NULL DEFAULT 'updated_desc' CHECK (sort IN ('updated_desc', 'created_asc', 'created_desc', 'priority_desc')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_views_owner ON views(owner_id);
CREATE INDEX idx_views_group ON views(group_id);

CREATE TABLE satisfaction_ratings (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  score TEXT NOT NULL CHECK (score IN ('good', 'bad')),
  comment TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX idx_ratings_customer ON satisfaction_ratings(customer_id);
CREATE INDEX idx_ratings_created ON satisfaction_ratings(created_at);

CREATE TABLE time_entries (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
  note TEXT NOT NULL DEFAULT '',
  worked_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_time_entries_ticket ON time_entries(ticket_id);
CREATE INDEX idx_time_entries_user ON time_entries(user_id, worked_on);

CREATE TABLE kb_sections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL CHECK (position >= 1)
);

CREATE TABLE kb_articles (
  id INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES kb_sections(id) ON DELETE RESTRICT,
  title TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  view_count INTEGER NOT NULL DEFAULT 0 CHECK (view_count >= 0),
  helpful_votes INTEGER NOT NULL DEFAULT 0 CHECK (helpful_votes >= 0),
  published_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE INDEX idx_kb_articles_section ON kb_articles(section_id);
CREATE INDEX idx_kb_articles_author ON kb_articles(author_id);

CREATE TABLE ticket_articles (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  linked_by INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  shared_with_requester INTEGER NOT NULL DEFAULT 0 CHECK (shared_with_requester IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (ticket_id, article_id)
);
CREATE INDEX idx_ticket_articles_article ON ticket_articles(article_id);
CREATE INDEX idx_ticket_articles_user ON ticket_articles(linked_by);

-- Change history of ticket fields. user_id NULL = changed by the system.
CREATE TABLE ticket_audits (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_ticket_audits_ticket ON ticket_audits(ticket_id, created_at);
CREATE INDEX idx_ticket_audits_user ON ticket_audits(user_id);
