-- Tidewater issue tracker seed. The env clock is 2026-03-18 09:30:00 UTC (a Wednesday).
-- User 1, Elena Vasquez, leads the Payments team (projects PAY and RISK) and sits on the Platform team.
-- PAY Sprint 23 is active (Mar 9-20); Sprint 24 (Mar 23 - Apr 3) is next. RISK Sprint 7 closed yesterday.

INSERT INTO users (id, full_name, handle, email, title, timezone, is_active, created_at) VALUES
  (1, 'Elena Vasquez', 'elena', 'elena.vasquez@tidewater.io', 'Engineering Lead, Payments', 'America/New_York', 1, '2022-05-02 14:00:00'),
  (2, 'Priya Raman', 'priya.raman', 'priya.raman@tidewater.io', 'Senior Software Engineer', 'America/New_York', 1, '2022-09-19 13:30:00'),
  (3, 'Priya Shah', 'priya.shah', 'priya.shah@tidewater.io', 'Software Engineer', 'America/Los_Angeles', 1, '2024-02-05 17:00:00'),
  (4, 'Marcus Oyelaran', 'marcus', 'marcus.oyelaran@tidewater.io', 'Staff Engineer, Platform', 'Europe/London', 1, '2021-11-08 09:00:00'),
  (5, 'Jonah Feld', 'jonah', 'jonah.feld@tidewater.io', 'Software Engineer', 'America/Chicago', 1, '2023-06-12 15:00:00'),
  (6, 'Sofia Marchetti', 'sofia', 'sofia.marchetti@tidewater.io', 'Senior Software Engineer', 'Europe/Rome', 1, '2022-03-14 08:00:00'),
  (7, 'Kwame Asante', 'kwame', 'kwame.asante@tidewater.io', 'QA Engineer', 'America/New_York', 1, '2023-01-09 14:00:00'),
  (8, 'Hana Kobayashi', 'hana', 'hana.kobayashi@tidewater.io', 'Product Manager, Payments', 'America/New_York', 1, '2023-08-21 13:00:00'),
  (9, 'Diego Alvarez', 'diego', 'diego.alvarez@tidewater.io', 'Software Engineer', 'America/Mexico_City', 1, '2024-04-15 15:00:00'),
  (10, 'Ruth Lindgren', 'ruth', 'ruth.lindgren@tidewater.io', 'Site Reliability Engineer', 'Europe/Stockholm', 1, '2022-10-03 07:30:00'),
  (11, 'Tomasz Nowak', 'tomasz', 'tomasz.nowak@tidewater.io', 'Engineering Lead, Mobile', 'Europe/Warsaw', 1, '2022-01-17 08:00:00'),
  (12, 'Aisha Bello', 'aisha', 'aisha.bello@tidewater.io', 'Software Engineer', 'Europe/London', 1, '2024-07-01 09:00:00'),
  (13, 'Liam O''Connor', 'liam', 'liam.oconnor@tidewater.io', 'Product Designer', 'Europe/Dublin', 1, '2023-03-27 09:00:00'),
  (14, 'Grace Whitfield', 'grace', 'grace.whitfield@tidewater.io', 'Software Engineer (left Feb 2026)', 'America/New_York', 0, '2021-05-10 14:00:00');

INSERT INTO teams (id, name, description, lead_user_id, created_at) VALUES
  (1, 'Payments', 'Payouts, ledger, disputes and the fraud & risk rules engine.', 1, '2022-05-02 14:30:00'),
  (2, 'Platform', 'CI/CD, infrastructure, observability and shared developer tooling.', 4, '2021-11-08 09:30:00'),
  (3, 'Mobile', 'The Tidewater merchant app for iOS and Android.', 11, '2022-01-17 08:30:00');

INSERT INTO team_members (id, team_id, user_id, role, joined_at) VALUES
  (1, 1, 1, 'lead', '2022-05-02 14:30:00'),
  (2, 1, 2, 'member', '2022-09-19 14:00:00'),
  (3, 1, 5, 'member', '2023-06-12 15:30:00'),
  (4, 1, 6, 'member', '2022-05-10 09:00:00'),
  (5, 1, 7, 'member', '2023-01-09 14:30:00'),
  (6, 1, 8, 'member', '2023-08-21 13:30:00'),
  (7, 1, 13, 'member', '2023-03-27 09:30:00'),
  (8, 1, 14, 'member', '2022-05-02 15:00:00'),
  (9, 2, 4, 'lead', '2021-11-08 09:30:00'),
  (10, 2, 9, 'member', '2024-04-15 15:30:00'),
  (11, 2, 10, 'member', '2022-10-03 08:00:00'),
  (12, 2, 1, 'member', '2024-01-08 14:00:00'),
  (13, 2, 3, 'member', '2025-06-02 16:00:00'),
  (14, 2, 5, 'member', '2025-01-13 15:00:00'),
  (15, 3, 11, 'lead', '2022-01-17 08:30:00'),
  (16, 3, 3, 'member', '2024-02-05 17:30:00'),
  (17, 3, 12, 'member', '2024-07-01 09:30:00'),
  (18, 3, 13, 'member', '2024-09-02 09:00:00');

INSERT INTO projects (id, team_id, key, name, description, lead_user_id, status, next_issue_number, created_at) VALUES
  (1, 1, 'PAY', 'Payments', 'Merchant payouts, the double-entry ledger, disputes and payment webhooks.', 1, 'active', 233, '2022-05-03 10:00:00'),
  (2, 1, 'RISK', 'Fraud & Risk', 'Risk scoring, velocity rules and the manual review queue for payouts.', 6, 'active', 54, '2024-06-10 10:00:00'),
  (3, 2, 'PLAT', 'Platform', 'Build, deploy, infrastructure and observability for all services.', 4, 'active', 53, '2021-11-09 10:00:00'),
  (4, 3, 'MOB', 'Mobile App', 'The merchant mobile app (React Native, iOS and Android).', 11, 'active', 93, '2022-01-18 10:00:00'),
  (5, 1, 'LEG', 'Legacy Billing', 'The pre-2024 invoicing system. Read-only since the migration to PAY.', 1, 'archived', 18, '2020-03-02 10:00:00');

INSERT INTO statuses (id, key, name, category, position) VALUES
  (1, 'backlog', 'Backlog', 'unstarted', 1),
  (2, 'todo', 'To Do', 'unstarted', 2),
  (3, 'in_progress', 'In Progress', 'started', 3),
  (4, 'in_review', 'In Review', 'started', 4),
  (5, 'done', 'Done', 'closed', 5),
  (6, 'cancelled', 'Cancelled', 'closed', 6);

INSERT INTO workflow_transitions (id, from_status, to_status, name) VALUES
  (1, 'backlog', 'todo', 'Plan'),
  (2, 'backlog', 'in_progress', 'Start work'),
  (3, 'backlog', 'cancelled', 'Cancel'),
  (4, 'todo', 'backlog', 'Move to backlog'),
  (5, 'todo', 'in_progress', 'Start work'),
  (6, 'todo', 'cancelled', 'Cancel'),
  (7, 'in_progress', 'todo', 'Stop work'),
  (8, 'in_progress', 'in_review', 'Request review'),
  (9, 'in_progress', 'cancelled', 'Cancel'),
  (10, 'in_review', 'in_progress', 'Request changes'),
  (11, 'in_review', 'done', 'Approve and close'),
  (12, 'in_review', 'cancelled', 'Cancel'),
  (13, 'done', 'todo', 'Reopen'),
  (14, 'cancelled', 'backlog', 'Restore to backlog'),
  (15, 'cancelled', 'todo', 'Reopen');

INSERT INTO components (id, project_id, name, description, lead_user_id) VALUES
  (1, 1, 'Payouts', 'Payout creation, scheduling, batching and bank rails.', 2),
  (2, 1, 'Ledger', 'The double-entry ledger and its v2 migration.', 5),
  (3, 1, 'Disputes', 'Chargebacks, evidence and dispute notifications.', 6),
  (4, 1, 'Webhooks', 'Outbound merchant webhooks and signatures.', 2),
  (5, 1, 'Reporting', 'Settlement reports, exports and finance dashboards.', 1),
  (6, 2, 'Rules Engine', 'Velocity and threshold rules evaluated on every payout.', 6),
  (7, 2, 'Scoring', 'Merchant and payout risk scores.', 2),
  (8, 3, 'CI/CD', 'Build runners, pipelines and deploy tooling.', 9),
  (9, 3, 'Observability', 'Metrics, logs, traces and alerting.', 10),
  (10, 3, 'Infrastructure', 'Terraform, Kubernetes, databases and queues.', 4),
  (11, 4, 'iOS', '', 12),
  (12, 4, 'Android', '', 3),
  (13, 5, 'Invoicing', '', NULL);

INSERT INTO sprints (id, project_id, name, goal, state, start_date, end_date, started_at, completed_at, committed_points, completed_points, created_at) VALUES
  (1, 1, 'PAY Sprint 19', 'Ship payout retries v1', 'closed', '2026-01-12', '2026-01-23', '2026-01-12 09:10:00', '2026-01-23 16:30:00', 50, 44, '2026-01-07 15:00:00'),
  (2, 1, 'PAY Sprint 20', 'Ledger v2 design and dual-write spike', 'closed', '2026-01-26', '2026-02-06', '2026-01-26 09:05:00', '2026-02-06 16:45:00', 63, 52, '2026-01-21 15:00:00'),
  (3, 1, 'PAY Sprint 21', 'FX rates and ledger immutability', 'closed', '2026-02-09', '2026-02-20', '2026-02-09 09:00:00', '2026-02-20 17:00:00', 60, 58, '2026-02-04 15:00:00'),
  (4, 1, 'PAY Sprint 22', 'Currency conversion preview; chargeback data model', 'closed', '2026-02-23', '2026-03-06', '2026-02-23 09:15:00', '2026-03-06 16:20:00', 66, 61, '2026-02-18 15:00:00'),
  (5, 1, 'PAY Sprint 23', 'Multi-currency scheduling API and ledger v2 dual-write', 'active', '2026-03-09', '2026-03-20', '2026-03-09 09:05:00', NULL, 68, NULL, '2026-03-04 15:00:00'),
  (6, 1, 'PAY Sprint 24', 'EU multi-currency payouts beta', 'planned', '2026-03-23', '2026-04-03', NULL, NULL, NULL, NULL, '2026-03-11 16:00:00'),
  (7, 1, 'PAY Sprint 25', '', 'planned', '2026-04-06', '2026-04-17', NULL, NULL, NULL, NULL, '2026-03-11 16:05:00'),
  (8, 2, 'RISK Sprint 7', 'Velocity rules v1', 'closed', '2026-02-25', '2026-03-17', '2026-02-25 10:00:00', '2026-03-17 17:20:00', 21, 16, '2026-02-20 11:00:00'),
  (9, 2, 'RISK Sprint 8', 'Q2 launch: manual review queue and rule backtests', 'planned', '2026-03-18', '2026-04-01', NULL, NULL, NULL, NULL, '2026-03-12 11:00:00'),
  (10, 2, 'RISK Sprint 9', '', 'planned', '2026-04-01', '2026-04-15', NULL, NULL, NULL, NULL, '2026-03-12 11:05:00'),
  (11, 3, 'PLAT Cycle 14', 'ARM runners and SLO dashboards', 'closed', '2026-02-23', '2026-03-06', '2026-02-23 08:00:00', '2026-03-06 15:00:00', 24, 21, '2026-02-19 10:00:00'),
  (12, 3, 'PLAT Cycle 15', 'Postgres 16 in staging', 'active', '2026-03-09', '2026-03-20', '2026-03-09 08:00:00', NULL, 18, NULL, '2026-03-05 10:00:00'),
  (13, 3, 'PLAT Cycle 16', '', 'planned', '2026-03-23', '2026-04-03', NULL, NULL, NULL, NULL, '2026-03-12 10:00:00'),
  (14, 4, 'MOB Sprint 31', 'Apple Pay payout method', 'active', '2026-03-09', '2026-03-20', '2026-03-09 08:30:00', NULL, 15, NULL, '2026-03-04 09:00:00');

INSERT INTO labels (id, name, color, description, created_by, created_at) VALUES
  (1, 'q2-launch', '#e11d48', 'Must ship for the Q2 multi-currency launch.', 8, '2026-01-05 15:00:00'),
  (2, 'q2-launch-stretch', '#fb7185', 'Nice to have for the Q2 launch; cut first.', 8, '2026-01-05 15:02:00'),
  (3, 'ledger', '#0ea5e9', 'Touches ledger entries or balances.', 5, '2025-10-01 10:00:00'),
  (4, 'customer-reported', '#f59e0b', 'Reported by a merchant through support.', 7, '2024-03-11 10:00:00'),
  (5, 'tech-debt', '#64748b', 'Cleanup with no user-facing change.', 4, '2023-02-01 10:00:00'),
  (6, 'security', '#dc2626', 'Security or PII exposure; follow the security process.', 4, '2023-02-01 10:05:00'),
  (7, 'performance', '#8b5cf6', '', 10, '2023-05-15 10:00:00'),
  (8, 'compliance', '#16a34a', 'Regulatory or audit requirement.', 1, '2024-01-22 10:00:00'),
  (9, 'sepa', '#2563eb', 'SEPA and SEPA Instant rails.', 6, '2025-11-03 10:00:00'),
  (10, 'multi-currency', '#0d9488', 'Multi-currency payouts and FX.', 1, '2025-12-08 10:00:00'),
  (11, 'flaky-test', '#a16207', '', 7, '2023-09-12 10:00:00'),
  (12, 'needs-design', '#db2777', 'Waiting on design input.', 13, '2023-04-03 10:00:00'),
  (13, 'on-call', '#ea580c', 'Runbooks and alert hygiene.', 10, '2024-05-06 10:00:00');

-- Issues: PAY epics
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (1, 1, 101, 'PAY-101', 'Multi-currency payouts', 'Let merchants receive payouts in EUR, GBP, JPY and CAD with FX at payout time. Target: Q2 launch for EU merchants.', 'epic', 'in_progress', 'high', NULL, 1, 8, NULL, 1, NULL, NULL, NULL, '2025-12-08 15:20:00', '2025-12-10 17:45:00', NULL),
  (2, 1, 102, 'PAY-102', 'Ledger v2 migration', 'Move all money movement onto the immutable double-entry ledger v2 and retire the v1 balance tables.', 'epic', 'in_progress', 'high', NULL, 1, 1, NULL, 2, NULL, NULL, NULL, '2025-11-17 10:00:00', '2025-11-22 11:04:00', NULL),
  (3, 1, 103, 'PAY-103', 'Chargeback automation', 'Collect evidence and respond to chargebacks automatically where rules allow.', 'epic', 'todo', 'medium', NULL, 6, 8, NULL, 3, NULL, NULL, NULL, '2026-01-08 14:00:00', '2026-01-14 19:06:00', NULL);

-- Issues: PAY Sprint 19 (completed 44)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (4, 1, 104, 'PAY-104', 'Retry failed payouts with exponential backoff', '', 'feature', 'done', 'high', 13, 2, 8, NULL, 1, 1, NULL, 'done', '2025-12-15 10:12:00', '2026-01-22 15:10:00', '2026-01-22 15:10:00'),
  (5, 1, 105, 'PAY-105', 'Store bank rejection reasons on failed payouts', '', 'task', 'done', 'medium', 8, 5, 1, NULL, 1, 1, NULL, 'done', '2025-12-18 11:40:00', '2026-01-21 13:25:00', '2026-01-21 13:25:00'),
  (6, 1, 106, 'PAY-106', 'Fix flaky payout retry integration test', '', 'bug', 'done', 'low', 2, 7, 7, NULL, 1, 1, NULL, 'done', '2026-01-13 09:55:00', '2026-01-15 16:02:00', '2026-01-15 16:02:00'),
  (7, 1, 107, 'PAY-107', 'Payout API v2 pagination', '', 'feature', 'done', 'medium', 13, 6, 8, NULL, 1, 1, NULL, 'done', '2025-12-10 14:30:00', '2026-01-23 11:48:00', '2026-01-23 11:48:00'),
  (8, 1, 108, 'PAY-108', 'Alert when the payout queue backlog exceeds 10k', '', 'task', 'done', 'medium', 5, 1, 1, NULL, 1, 1, NULL, 'done', '2026-01-06 16:20:00', '2026-01-19 10:30:00', '2026-01-19 10:30:00'),
  (9, 1, 109, 'PAY-109', 'Reject payouts to closed bank accounts before submission', '', 'bug', 'done', 'high', 3, 14, 7, NULL, 1, 1, NULL, 'done', '2026-01-09 13:05:00', '2026-01-16 14:41:00', '2026-01-16 14:41:00');

-- Issues: PAY Sprint 20 (completed 52)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (10, 1, 110, 'PAY-110', 'Ledger v2 schema design doc', '', 'task', 'done', 'high', 8, 5, 1, 2, 2, 2, NULL, 'done', '2026-01-20 10:00:00', '2026-02-03 17:15:00', '2026-02-03 17:15:00'),
  (11, 1, 111, 'PAY-111', 'Dual-write spike for ledger entries', '', 'task', 'done', 'high', 13, 6, 1, 2, 2, 2, NULL, 'done', '2026-01-20 10:05:00', '2026-02-06 12:20:00', '2026-02-06 12:20:00'),
  (12, 1, 112, 'PAY-112', 'Merchant payout status page', '', 'feature', 'done', 'medium', 13, 2, 8, NULL, 1, 2, NULL, 'done', '2026-01-14 15:45:00', '2026-02-05 16:00:00', '2026-02-05 16:00:00'),
  (13, 1, 113, 'PAY-113', 'Dispute webhook payload is missing merchant_id', '', 'bug', 'done', 'high', 3, 6, 7, NULL, 4, 2, NULL, 'done', '2026-01-27 09:12:00', '2026-01-29 11:34:00', '2026-01-29 11:34:00'),
  (14, 1, 114, 'PAY-114', 'Show payout fee invoices in the merchant dashboard', '', 'feature', 'done', 'medium', 8, 14, 8, NULL, 5, 2, NULL, 'done', '2026-01-15 11:00:00', '2026-02-04 15:27:00', '2026-02-04 15:27:00'),
  (15, 1, 115, 'PAY-115', 'Upgrade the bank-rails SDK to 14.x', '', 'task', 'done', 'low', 5, 5, 5, NULL, 1, 2, NULL, 'done', '2026-01-22 10:30:00', '2026-02-02 14:08:00', '2026-02-02 14:08:00'),
  (16, 1, 116, 'PAY-116', 'Payout export uses server time instead of merchant timezone', '', 'bug', 'done', 'medium', 2, 2, 7, NULL, 5, 2, NULL, 'done', '2026-01-28 16:40:00', '2026-01-30 10:22:00', '2026-01-30 10:22:00');

-- Issues: PAY Sprint 21 (completed 58)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (17, 1, 118, 'PAY-118', 'FX rate provider integration', '', 'feature', 'done', 'high', 13, 2, 8, 1, 1, 3, NULL, 'done', '2026-02-02 10:00:00', '2026-02-19 15:44:00', '2026-02-19 15:44:00'),
  (18, 1, 119, 'PAY-119', 'Ledger entry immutability constraints', '', 'task', 'done', 'high', 8, 5, 1, 2, 2, 3, NULL, 'done', '2026-02-02 10:10:00', '2026-02-17 12:05:00', '2026-02-17 12:05:00'),
  (19, 1, 120, 'PAY-120', 'Chargeback notification emails', '', 'feature', 'done', 'medium', 8, 6, 8, 3, 3, 3, NULL, 'done', '2026-02-03 09:30:00', '2026-02-18 16:50:00', '2026-02-18 16:50:00'),
  (20, 1, 121, 'PAY-121', 'Typo in payout CSV header', '', 'bug', 'done', 'low', 1, 1, 7, NULL, 5, 3, NULL, 'done', '2026-02-09 11:15:00', '2026-02-10 09:40:00', '2026-02-10 09:40:00'),
  (21, 1, 122, 'PAY-122', 'Per-merchant payout limits', '', 'feature', 'done', 'high', 13, 14, 8, NULL, 1, 3, NULL, 'done', '2026-01-29 14:00:00', '2026-02-20 11:30:00', '2026-02-20 11:30:00'),
  (22, 1, 123, 'PAY-123', 'Post the daily settlement summary to Slack', '', 'task', 'done', 'low', 5, 1, 8, NULL, 5, 3, NULL, 'done', '2026-02-04 10:20:00', '2026-02-16 15:00:00', '2026-02-16 15:00:00'),
  (23, 1, 124, 'PAY-124', 'Reversal entries for failed payouts', '', 'feature', 'done', 'high', 8, 5, 1, 2, 2, 3, NULL, 'done', '2026-02-04 10:45:00', '2026-02-20 14:12:00', '2026-02-20 14:12:00'),
  (24, 1, 125, 'PAY-125', 'Flaky ledger balance test on CI', '', 'bug', 'done', 'medium', 2, 7, 7, NULL, 2, 3, NULL, 'done', '2026-02-10 08:50:00', '2026-02-11 13:33:00', '2026-02-11 13:33:00');

-- Issues: PAY Sprint 22 (completed 61)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (25, 1, 126, 'PAY-126', 'Null pointer in the payout reconciliation job', '', 'bug', 'done', 'urgent', 3, 5, 7, NULL, 5, 4, NULL, 'done', '2026-02-23 07:42:00', '2026-02-23 15:18:00', '2026-02-23 15:18:00'),
  (26, 1, 127, 'PAY-127', 'Currency conversion preview in the payout API', '', 'feature', 'done', 'high', 13, 2, 8, 1, 1, 4, NULL, 'done', '2026-02-16 10:00:00', '2026-03-05 16:25:00', '2026-03-05 16:25:00'),
  (27, 1, 128, 'PAY-128', 'Backfill ledger v2 for 2026 entries', '', 'task', 'done', 'high', 8, 5, 1, 2, 2, 4, NULL, 'done', '2026-02-16 10:20:00', '2026-03-04 11:00:00', '2026-03-04 11:00:00'),
  (28, 1, 129, 'PAY-129', 'Chargeback evidence data model', '', 'feature', 'done', 'medium', 8, 6, 8, 3, 3, 4, NULL, 'done', '2026-02-17 14:00:00', '2026-03-03 10:15:00', '2026-03-03 10:15:00'),
  (29, 1, 130, 'PAY-130', 'Reconcile settlement totals against bank statements', '', 'task', 'done', 'high', 5, 1, 8, NULL, 5, 4, NULL, 'done', '2026-02-18 09:00:00', '2026-03-06 12:40:00', '2026-03-06 12:40:00'),
  (30, 1, 131, 'PAY-131', 'Payout holds for merchants under review', '', 'feature', 'done', 'high', 13, 6, 8, NULL, 1, 4, NULL, 'done', '2026-02-12 15:30:00', '2026-03-06 15:05:00', '2026-03-06 15:05:00'),
  (31, 1, 132, 'PAY-132', 'Multi-currency balances in the merchant API', '', 'feature', 'done', 'high', 8, 2, 8, 1, 1, 4, NULL, 'done', '2026-02-17 10:00:00', '2026-03-02 17:20:00', '2026-03-02 17:20:00'),
  (32, 1, 133, 'PAY-133', 'Payout retry panel on the ops dashboard', '', 'task', 'done', 'low', 3, 7, 1, NULL, 1, 4, NULL, 'done', '2026-02-19 13:10:00', '2026-02-27 10:05:00', '2026-02-27 10:05:00'),
  (33, 1, 134, 'PAY-134', 'Migrate payouts off the legacy SOAP bank client', 'Superseded: the bank retires the SOAP endpoint in May and the REST client already covers payouts.', 'task', 'cancelled', 'medium', 5, 14, 1, NULL, 1, 4, NULL, 'wont_do', '2026-02-11 10:00:00', '2026-03-02 09:30:00', '2026-03-02 09:30:00');

-- Issues: PAY Sprint 23 (active)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (34, 1, 142, 'PAY-142', 'Idempotency key collisions on retried payout requests', 'Two merchants saw a retried POST /payouts rejected as a duplicate after the first attempt timed out. Keys are hashed without the merchant id.', 'bug', 'in_progress', 'high', 5, 2, 7, NULL, 1, 5, NULL, NULL, '2026-03-04 10:31:00', '2026-03-06 15:34:00', NULL),
  (35, 1, 147, 'PAY-147', 'Multi-currency payout scheduling API', 'Allow scheduled payouts to specify a payout currency; FX is locked at execution time.', 'feature', 'in_progress', 'high', 8, 2, 8, 1, 1, 5, NULL, NULL, '2026-02-26 11:00:00', '2026-03-02 13:02:00', NULL),
  (36, 1, 150, 'PAY-150', 'Payout CSV export drops trailing zeros in amounts', '12.50 is exported as 12.5, which breaks two merchants'' accounting imports.', 'bug', 'in_review', 'medium', 1, 2, 8, NULL, 5, 5, NULL, NULL, '2026-03-05 14:22:00', '2026-03-05 18:48:00', NULL),
  (37, 1, 156, 'PAY-156', 'JPY payouts rounded to the wrong minor unit', 'JPY has no minor unit but we divide by 100 before sending to the bank. Found in staging during the multi-currency regression run.', 'bug', 'in_progress', 'urgent', 3, 2, 7, NULL, 1, 5, NULL, NULL, '2026-03-10 08:47:00', '2026-03-10 10:52:00', NULL),
  (38, 1, 165, 'PAY-165', 'payout.paid webhook is missing the currency field', '', 'bug', 'done', 'high', 2, 2, 7, NULL, 4, 5, NULL, 'done', '2026-03-09 10:05:00', '2026-03-12 14:30:00', '2026-03-12 14:30:00'),
  (39, 1, 166, 'PAY-166', 'Ledger v2 read path behind a feature flag', '', 'feature', 'done', 'high', 3, 5, 1, 2, 2, 5, NULL, 'done', '2026-03-02 09:40:00', '2026-03-13 16:10:00', '2026-03-13 16:10:00'),
  (40, 1, 168, 'PAY-168', 'Ledger v2: dual-write adapter for refunds', '', 'feature', 'in_progress', 'high', 5, 5, 1, 2, 2, 5, NULL, NULL, '2026-03-02 09:45:00', '2026-03-06 13:48:00', NULL),
  (41, 1, 169, 'PAY-169', 'Ledger v2: backfill script for 2025 entries', '', 'task', 'todo', 'medium', 3, 5, 1, 2, 2, 5, NULL, NULL, '2026-03-02 09:50:00', '2026-03-08 14:57:00', NULL),
  (42, 1, 171, 'PAY-171', 'Settlement cron logs the full card suffix', 'settlement-cron writes card_last4 plus BIN to stdout; logs are shipped to Datadog. Mask before logging.', 'bug', 'todo', 'high', 2, 5, 10, NULL, 5, 5, NULL, NULL, '2026-03-09 16:12:00', '2026-03-10 22:52:00', NULL),
  (43, 1, 172, 'PAY-172', 'Settlement report: add fee breakdown columns', 'Finance wants processing fee, FX fee and payout fee as separate columns in the monthly settlement report.', 'task', 'in_progress', 'medium', 3, 1, 8, NULL, 5, 5, '2026-03-20', NULL, '2026-03-03 13:00:00', '2026-03-07 14:36:00', NULL),
  (44, 1, 173, 'PAY-173', 'Typo in the dispute reminder email', '', 'bug', 'in_review', 'low', 1, 5, 8, NULL, 3, 5, NULL, NULL, '2026-03-11 09:20:00', '2026-03-15 13:23:00', NULL),
  (45, 1, 176, 'PAY-176', 'Update the payout FAQ copy for new currencies', '', 'task', 'backlog', 'low', 1, 8, 8, NULL, 1, 5, NULL, NULL, '2026-03-06 11:30:00', '2026-03-07 13:05:00', NULL),
  (46, 1, 177, 'PAY-177', 'Remove unused payout v1 endpoints', '', 'task', 'todo', 'low', NULL, 5, 5, NULL, 1, 5, NULL, NULL, '2026-03-06 15:00:00', '2026-03-12 17:18:00', NULL),
  (47, 1, 178, 'PAY-178', 'Chargeback evidence upload UI', '', 'feature', 'in_review', 'medium', 3, 6, 8, 3, 3, 5, NULL, NULL, '2026-02-27 10:00:00', '2026-03-02 12:34:00', NULL),
  (48, 1, 179, 'PAY-179', 'Chargeback auto-response rules', '', 'feature', 'todo', 'medium', 5, 6, 8, 3, 3, 5, NULL, NULL, '2026-02-27 10:10:00', '2026-02-27 15:29:00', NULL),
  (49, 1, 180, 'PAY-180', 'Dispute amounts double-counted in the daily report', '', 'bug', 'done', 'high', 8, 6, 8, NULL, 5, 5, NULL, 'done', '2026-03-09 11:00:00', '2026-03-11 17:45:00', '2026-03-11 17:45:00'),
  (50, 1, 181, 'PAY-181', 'Evidence deadline reminders', '', 'feature', 'done', 'medium', 5, 6, 8, 3, 3, 5, NULL, 'done', '2026-02-27 10:20:00', '2026-03-16 15:30:00', '2026-03-16 15:30:00'),
  (51, 1, 183, 'PAY-183', 'Write a runbook for payout failure alerts', '', 'task', 'todo', 'medium', 2, 1, 10, NULL, 1, 5, NULL, NULL, '2026-03-05 09:00:00', '2026-03-09 16:43:00', NULL),
  (52, 1, 184, 'PAY-184', 'Regression suite for multi-currency payouts', '', 'task', 'in_progress', 'medium', 3, 7, 1, 1, 1, 5, NULL, NULL, '2026-03-04 14:00:00', '2026-03-05 15:37:00', NULL),
  (53, 1, 185, 'PAY-185', 'Webhook signature check fails after secret rotation', 'After rotating the signing secret, merchants using the old secret during the 24h overlap window get 401s.', 'bug', 'todo', 'high', 3, NULL, 8, NULL, 4, 5, NULL, NULL, '2026-03-12 15:48:00', '2026-03-16 22:00:00', NULL),
  (54, 1, 186, 'PAY-186', 'Prototype SEPA Instant payouts', 'Parked until the bank partner supports SEPA Instant in sandbox.', 'task', 'cancelled', 'low', 3, 5, 8, NULL, 1, 5, NULL, 'wont_do', '2026-03-04 16:00:00', '2026-03-13 10:00:00', '2026-03-13 10:00:00'),
  (55, 1, 190, 'PAY-190', 'FX rate cache is not invalidated when provider rates update', '', 'bug', 'in_review', 'high', 2, 6, 2, 1, 1, 5, NULL, NULL, '2026-03-10 13:00:00', '2026-03-12 14:35:00', NULL),
  (56, 1, 195, 'PAY-195', 'SEPA payout batching for EU merchants', '', 'feature', 'in_progress', 'high', 5, 5, 8, 1, 1, 5, NULL, NULL, '2026-03-05 10:00:00', '2026-03-10 11:36:00', NULL);

-- Issues: PAY Sprint 24 (planned)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (57, 1, 198, 'PAY-198', 'Duplicate payout.completed webhooks for batched payouts', 'When a batch finalizes during worker failover, both workers emit payout.completed for every payout in the batch. Seen for 6 merchants this week.', 'bug', 'todo', 'high', 3, 6, 7, NULL, 4, 6, NULL, NULL, '2026-03-13 11:02:00', '2026-03-13 16:15:00', NULL),
  (58, 1, 205, 'PAY-205', 'Payout currency selector in dashboard settings', '', 'feature', 'todo', 'medium', 3, 2, 8, 1, 1, 6, NULL, NULL, '2026-03-11 10:00:00', '2026-03-14 16:34:00', NULL),
  (59, 1, 209, 'PAY-209', 'Ledger v2: cut reporting queries over to v2', '', 'task', 'todo', 'medium', 3, 5, 1, 2, 2, 6, NULL, NULL, '2026-03-11 10:15:00', '2026-03-14 17:35:00', NULL),
  (60, 1, 212, 'PAY-212', 'Enable multi-currency payouts for EU merchants', 'Turn on EUR/GBP payouts for the 40 EU beta merchants once FX caching and SEPA batching are in.', 'feature', 'todo', 'high', 5, 6, 8, 1, 1, 6, '2026-04-03', NULL, '2026-03-11 10:30:00', '2026-03-14 16:29:00', NULL),
  (61, 1, 214, 'PAY-214', 'Test plan for the EU payouts beta', '', 'task', 'todo', 'medium', 2, 7, 8, 1, 1, 6, NULL, NULL, '2026-03-11 10:40:00', '2026-03-14 13:59:00', NULL),
  (62, 1, 220, 'PAY-220', 'Notify merchants when their payout currency changes', '', 'feature', 'todo', 'medium', 5, 2, 8, 1, 1, 6, NULL, NULL, '2026-03-12 09:00:00', '2026-03-13 16:11:00', NULL);

-- Issues: PAY Sprint 25 (planned)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (63, 1, 222, 'PAY-222', 'Chargeback analytics dashboard', '', 'feature', 'todo', 'medium', 8, NULL, 8, 3, 3, 7, NULL, NULL, '2026-03-12 14:00:00', '2026-03-17 18:00:00', NULL),
  (64, 1, 224, 'PAY-224', 'Q2 payouts capacity review', '', 'task', 'todo', 'low', 2, 1, 1, NULL, 1, 7, NULL, NULL, '2026-03-12 14:20:00', '2026-03-12 19:39:00', NULL);

-- Issues: PAY backlog (no sprint)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (65, 1, 158, 'PAY-158', 'Add a currency column to the payouts table', 'Shipped as a hotfix outside the sprint so the conversion preview could land.', 'task', 'done', 'high', 3, 2, 2, 1, 1, NULL, NULL, 'done', '2026-02-25 09:00:00', '2026-03-02 12:00:00', '2026-03-02 12:00:00'),
  (66, 1, 160, 'PAY-160', 'Retry banner shows on successful payouts', '', 'bug', 'todo', 'medium', 2, 2, 7, NULL, 1, NULL, NULL, NULL, '2026-03-06 10:40:00', '2026-03-10 15:36:00', NULL),
  (67, 1, 161, 'PAY-161', 'Webhook retries ignore the merchant Retry-After header', 'Picked up off the backlog after a merchant escalation; not planned into a sprint.', 'bug', 'in_progress', 'high', 5, 2, 7, NULL, 4, NULL, NULL, NULL, '2026-03-08 13:15:00', '2026-03-10 19:43:00', NULL),
  (68, 1, 201, 'PAY-201', 'Drop deprecated payout_status enum values', '', 'task', 'todo', 'low', 3, 5, 5, NULL, 1, NULL, NULL, NULL, '2026-03-10 11:00:00', '2026-03-12 16:04:00', NULL),
  (69, 1, 203, 'PAY-203', 'Ledger export times out for merchants with 1M+ entries', '', 'bug', 'backlog', 'medium', 2, 14, 7, NULL, 2, NULL, NULL, NULL, '2026-02-12 10:00:00', '2026-02-12 15:26:00', NULL),
  (70, 1, 215, 'PAY-215', 'Pick the payout currency from the merchant country', '', 'feature', 'backlog', 'medium', 8, 2, 8, 1, 1, NULL, NULL, NULL, '2026-03-11 11:00:00', '2026-03-12 18:21:00', NULL),
  (71, 1, 218, 'PAY-218', 'Settlement CSV filename uses US date format', '', 'bug', 'backlog', 'low', 1, NULL, 7, NULL, 5, NULL, NULL, NULL, '2026-03-13 09:10:00', '2026-03-14 13:36:00', NULL),
  (72, 1, 226, 'PAY-226', 'Merchant-facing payout calendar', '', 'feature', 'backlog', 'none', NULL, 8, 8, NULL, 1, NULL, NULL, NULL, '2026-03-16 16:00:00', '2026-03-16 22:04:00', NULL),
  (73, 1, 228, 'PAY-228', 'Payout retry count is off by one in the dashboard', '', 'bug', 'todo', 'medium', 2, 7, 7, NULL, 1, NULL, NULL, NULL, '2026-03-16 11:20:00', '2026-03-17 18:00:00', NULL),
  (74, 1, 231, 'PAY-231', 'Payout webhook fires twice for the same batch', 'Support ticket #88213: merchant Kestrel Outdoor received two payout.completed events for every payout in batch po_batch_8812.', 'bug', 'todo', 'medium', NULL, NULL, 7, NULL, 4, NULL, NULL, NULL, '2026-03-17 15:36:00', '2026-03-17 18:00:00', NULL),
  (75, 1, 232, 'PAY-232', 'Webhook docs show the wrong retry schedule', '', 'bug', 'backlog', 'low', 1, 2, 13, NULL, 4, NULL, NULL, NULL, '2026-03-17 16:05:00', '2026-03-17 18:00:00', NULL);

-- Issues: RISK
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (76, 2, 30, 'RISK-30', 'Velocity rule: max payouts per hour per merchant', '', 'feature', 'done', 'high', 8, 6, 6, NULL, 6, 8, NULL, 'done', '2026-02-19 10:00:00', '2026-03-12 16:00:00', '2026-03-12 16:00:00'),
  (77, 2, 32, 'RISK-32', 'Score explanation fields in the review API', '', 'task', 'done', 'medium', 5, 2, 6, NULL, 7, 8, NULL, 'done', '2026-02-20 10:00:00', '2026-03-10 11:30:00', '2026-03-10 11:30:00'),
  (78, 2, 33, 'RISK-33', 'False positives for merchants with weekend volume spikes', '', 'bug', 'done', 'high', 3, 7, 8, NULL, 7, 8, NULL, 'done', '2026-02-26 14:00:00', '2026-03-16 10:45:00', '2026-03-16 10:45:00'),
  (79, 2, 34, 'RISK-34', 'Rule DSL syntax highlighting in the admin', '', 'task', 'cancelled', 'low', 2, 6, 6, NULL, 6, 8, NULL, 'wont_do', '2026-02-20 10:30:00', '2026-03-09 09:00:00', '2026-03-09 09:00:00'),
  (80, 2, 40, 'RISK-40', 'Q2 risk launch', 'Everything Fraud & Risk must ship before multi-currency payouts go live.', 'epic', 'in_progress', 'high', NULL, 6, 8, NULL, 6, NULL, NULL, NULL, '2026-02-02 10:00:00', '2026-02-06 14:37:00', NULL),
  (81, 2, 41, 'RISK-41', 'Risk score cache returns stale scores after a merchant update', '', 'bug', 'in_progress', 'high', 3, 2, 7, NULL, 7, NULL, NULL, NULL, '2026-03-13 10:20:00', '2026-03-17 18:00:00', NULL),
  (82, 2, 44, 'RISK-44', 'Manual review queue for flagged payouts', '', 'feature', 'todo', 'high', 5, 6, 8, 80, 6, NULL, NULL, NULL, '2026-03-02 10:00:00', '2026-03-08 11:17:00', NULL),
  (83, 2, 45, 'RISK-45', 'Merchant risk tier overrides', '', 'feature', 'backlog', 'medium', 8, NULL, 8, 80, 7, NULL, NULL, NULL, '2026-03-02 10:10:00', '2026-03-05 16:52:00', NULL),
  (84, 2, 46, 'RISK-46', 'Rules engine: hot-reload rule definitions', '', 'task', 'in_progress', 'medium', 3, 6, 6, 80, 6, NULL, NULL, NULL, '2026-03-03 09:00:00', '2026-03-03 10:46:00', NULL),
  (85, 2, 47, 'RISK-47', 'Backtest velocity rules against February traffic', '', 'task', 'todo', 'medium', 3, 2, 6, 80, 6, NULL, NULL, NULL, '2026-03-03 09:10:00', '2026-03-08 12:51:00', NULL),
  (86, 2, 48, 'RISK-48', 'Device fingerprint signal in the risk score', '', 'feature', 'todo', 'low', 5, NULL, 8, NULL, 7, NULL, NULL, NULL, '2026-03-04 15:00:00', '2026-03-08 21:52:00', NULL),
  (87, 2, 49, 'RISK-49', 'Rule evaluation logs are missing merchant_id', '', 'bug', 'todo', 'high', 2, 7, 7, 80, 6, NULL, NULL, NULL, '2026-03-16 13:40:00', '2026-03-17 18:00:00', NULL),
  (88, 2, 51, 'RISK-51', 'Weekly false-positive report for the risk dashboard', '', 'task', 'todo', 'medium', 2, 6, 8, NULL, 7, 10, NULL, NULL, '2026-03-12 11:10:00', '2026-03-15 17:32:00', NULL),
  (89, 2, 52, 'RISK-52', 'Add the Q2 rules to the risk on-call runbook', '', 'task', 'todo', 'low', 1, NULL, 6, 80, 6, 10, NULL, NULL, '2026-03-12 11:15:00', '2026-03-12 15:37:00', NULL),
  (90, 2, 53, 'RISK-53', 'Tune the chargeback-rate threshold for new merchants', '', 'task', 'todo', 'medium', 3, 2, 8, NULL, 6, NULL, NULL, NULL, '2026-03-13 09:00:00', '2026-03-14 14:07:00', NULL);

-- Issues: PLAT
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (91, 3, 40, 'PLAT-40', 'Migrate CI runners to ARM instances', '', 'feature', 'done', 'high', 8, 9, 4, NULL, 8, 11, NULL, 'done', '2026-02-16 09:00:00', '2026-03-05 14:00:00', '2026-03-05 14:00:00'),
  (92, 3, 41, 'PLAT-41', 'Grafana dashboards for payout service SLOs', '', 'task', 'done', 'medium', 8, 10, 1, NULL, 9, 11, NULL, 'done', '2026-02-16 09:30:00', '2026-03-04 10:20:00', '2026-03-04 10:20:00'),
  (93, 3, 42, 'PLAT-42', 'Terraform drift in the staging VPC', '', 'bug', 'done', 'high', 5, 4, 10, NULL, 10, 11, NULL, 'done', '2026-02-24 08:15:00', '2026-02-27 16:00:00', '2026-02-27 16:00:00'),
  (94, 3, 44, 'PLAT-44', 'Deploy pipeline hangs on Helm rollback', '', 'bug', 'in_progress', 'high', 3, 3, 9, NULL, 8, 12, NULL, NULL, '2026-03-09 12:00:00', '2026-03-12 13:13:00', NULL),
  (95, 3, 45, 'PLAT-45', 'Upgrade staging Postgres to 16.4', '', 'task', 'in_progress', 'medium', 5, 9, 4, NULL, 10, 12, NULL, NULL, '2026-03-02 10:00:00', '2026-03-08 13:08:00', NULL),
  (96, 3, 46, 'PLAT-46', 'Review the on-call rotation for payments services', '', 'task', 'todo', 'medium', 3, 1, 4, NULL, 9, 12, NULL, NULL, '2026-03-05 10:00:00', '2026-03-10 12:25:00', NULL),
  (97, 3, 47, 'PLAT-47', 'Feature-flag service SDK for Go', '', 'feature', 'todo', 'medium', 5, 5, 4, NULL, 8, 12, NULL, NULL, '2026-03-05 10:30:00', '2026-03-08 18:01:00', NULL),
  (98, 3, 48, 'PLAT-48', 'PagerDuty alerts duplicated for payout-worker', '', 'bug', 'in_review', 'medium', 2, 10, 1, NULL, 9, 12, NULL, NULL, '2026-03-10 07:50:00', '2026-03-10 10:18:00', NULL),
  (99, 3, 49, 'PLAT-49', 'Remove Jenkins leftovers from the build repo', '', 'task', 'backlog', 'low', 3, NULL, 9, NULL, 8, NULL, NULL, NULL, '2026-02-10 10:00:00', '2026-02-13 15:17:00', NULL),
  (100, 3, 50, 'PLAT-50', 'Flaky e2e test: payout smoke suite', '', 'bug', 'todo', 'high', 2, 4, 7, NULL, 8, 13, NULL, NULL, '2026-03-16 09:30:00', '2026-03-17 16:57:00', NULL),
  (101, 3, 51, 'PLAT-51', 'Kafka cluster upgrade plan', '', 'task', 'todo', 'medium', 5, 9, 4, NULL, 10, 13, NULL, NULL, '2026-03-12 10:00:00', '2026-03-17 18:00:00', NULL),
  (102, 3, 52, 'PLAT-52', 'Observability 2.0', '', 'epic', 'in_progress', 'high', NULL, 4, 4, NULL, 9, NULL, NULL, NULL, '2026-01-12 10:00:00', '2026-01-17 14:22:00', NULL);

-- Issues: MOB (not visible to Elena)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (103, 4, 88, 'MOB-88', 'Apple Pay payout method screen', '', 'feature', 'in_progress', 'high', 5, 12, 11, NULL, 11, 14, NULL, NULL, '2026-03-02 09:00:00', '2026-03-07 13:14:00', NULL),
  (104, 4, 89, 'MOB-89', 'Android crash when scrolling payout history', '', 'bug', 'todo', 'medium', 2, 3, 11, NULL, 12, 14, NULL, NULL, '2026-03-10 10:00:00', '2026-03-11 11:11:00', NULL),
  (105, 4, 90, 'MOB-90', 'Upgrade to React Native 0.76', '', 'task', 'todo', 'low', 3, 11, 11, NULL, NULL, 14, NULL, NULL, '2026-03-03 10:00:00', '2026-03-04 12:42:00', NULL),
  (106, 4, 91, 'MOB-91', 'Dark mode contrast on payout amounts', '', 'bug', 'backlog', 'medium', 3, NULL, 13, NULL, 11, NULL, NULL, NULL, '2026-03-11 14:00:00', '2026-03-12 15:31:00', NULL),
  (107, 4, 92, 'MOB-92', 'Payout calendar widget', '', 'feature', 'in_review', 'medium', 5, 12, 13, NULL, 11, 14, NULL, NULL, '2026-02-25 09:00:00', '2026-03-03 14:11:00', NULL);

-- Issues: LEG (archived)
INSERT INTO issues (id, project_id, number, key, title, description, type, status, priority, estimate, assignee_id, reporter_id, parent_id, component_id, sprint_id, due_date, resolution, created_at, updated_at, resolved_at) VALUES
  (108, 5, 12, 'LEG-12', 'Invoice PDF rounds tax lines twice', '', 'bug', 'done', 'high', 3, 14, 8, NULL, 13, NULL, NULL, 'done', '2023-10-02 10:00:00', '2023-10-09 15:00:00', '2023-10-09 15:00:00'),
  (109, 5, 15, 'LEG-15', 'Sunset the legacy invoice API', '', 'task', 'cancelled', 'medium', 2, 1, 1, NULL, 13, NULL, NULL, 'wont_do', '2024-01-15 10:00:00', '2024-03-01 10:00:00', '2024-03-01 10:00:00'),
  (110, 5, 17, 'LEG-17', 'Legacy invoice emails still use the old logo', '', 'bug', 'backlog', 'low', 1, NULL, 13, NULL, 13, NULL, NULL, NULL, '2023-11-20 10:00:00', '2023-11-22 13:00:00', NULL);

INSERT INTO issue_labels (id, issue_id, label_id, added_at) VALUES
  (1, 1, 1, '2025-12-08 15:20:00'),
  (2, 1, 10, '2025-12-08 15:20:00'),
  (3, 2, 3, '2025-11-17 10:00:00'),
  (4, 6, 11, '2026-01-13 09:55:00'),
  (5, 8, 13, '2026-01-06 16:20:00'),
  (6, 10, 3, '2026-01-20 10:00:00'),
  (7, 11, 3, '2026-01-20 10:05:00'),
  (8, 13, 4, '2026-01-27 09:12:00'),
  (9, 15, 5, '2026-01-22 10:30:00'),
  (10, 16, 4, '2026-01-28 16:40:00'),
  (11, 17, 10, '2026-02-02 10:00:00'),
  (12, 18, 3, '2026-02-02 10:10:00'),
  (13, 21, 8, '2026-01-29 14:00:00'),
  (14, 23, 3, '2026-02-04 10:45:00'),
  (15, 24, 11, '2026-02-10 08:50:00'),
  (16, 26, 10, '2026-02-16 10:00:00'),
  (17, 27, 3, '2026-02-16 10:20:00'),
  (18, 29, 8, '2026-02-18 09:00:00'),
  (19, 31, 10, '2026-02-17 10:00:00'),
  (20, 33, 5, '2026-02-11 10:00:00'),
  (21, 34, 4, '2026-03-04 10:31:00'),
  (22, 35, 1, '2026-02-26 11:00:00'),
  (23, 35, 10, '2026-02-26 11:00:00'),
  (24, 36, 4, '2026-03-05 14:22:00'),
  (25, 37, 10, '2026-03-10 08:47:00'),
  (26, 39, 3, '2026-03-02 09:40:00'),
  (27, 40, 3, '2026-03-02 09:45:00'),
  (28, 41, 3, '2026-03-02 09:50:00'),
  (29, 42, 6, '2026-03-09 16:12:00'),
  (30, 46, 5, '2026-03-06 15:00:00'),
  (31, 47, 12, '2026-02-27 10:00:00'),
  (32, 49, 4, '2026-03-09 11:00:00'),
  (33, 51, 13, '2026-03-05 09:00:00'),
  (34, 52, 1, '2026-03-04 14:00:00'),
  (35, 53, 4, '2026-03-12 15:48:00'),
  (36, 54, 9, '2026-03-04 16:00:00'),
  (37, 55, 10, '2026-03-10 13:00:00'),
  (38, 56, 1, '2026-03-05 10:00:00'),
  (39, 56, 9, '2026-03-05 10:00:00'),
  (40, 57, 4, '2026-03-13 11:02:00'),
  (41, 58, 1, '2026-03-11 10:00:00'),
  (42, 59, 3, '2026-03-11 10:15:00'),
  (43, 60, 1, '2026-03-11 10:30:00'),
  (44, 60, 10, '2026-03-11 10:30:00'),
  (45, 61, 1, '2026-03-11 10:40:00'),
  (46, 62, 2, '2026-03-12 09:00:00'),
  (47, 65, 10, '2026-02-25 09:00:00'),
  (48, 67, 4, '2026-03-08 13:15:00'),
  (49, 68, 5, '2026-03-10 11:00:00'),
  (50, 69, 7, '2026-02-12 10:00:00'),
  (51, 70, 2, '2026-03-11 11:00:00'),
  (52, 72, 12, '2026-03-16 16:00:00'),
  (53, 73, 1, '2026-03-16 11:20:00'),
  (54, 74, 4, '2026-03-17 15:36:00'),
  (55, 76, 1, '2026-02-19 10:00:00'),
  (56, 78, 4, '2026-02-26 14:00:00'),
  (57, 80, 1, '2026-02-02 10:00:00'),
  (58, 82, 1, '2026-03-02 10:00:00'),
  (59, 83, 1, '2026-03-02 10:10:00'),
  (60, 84, 1, '2026-03-03 09:00:00'),
  (61, 85, 1, '2026-03-03 09:10:00'),
  (62, 86, 2, '2026-03-04 15:00:00'),
  (63, 87, 1, '2026-03-16 13:40:00'),
  (64, 89, 1, '2026-03-12 11:15:00'),
  (65, 89, 13, '2026-03-12 11:15:00'),
  (66, 96, 13, '2026-03-05 10:00:00'),
  (67, 98, 13, '2026-03-10 07:50:00'),
  (68, 99, 5, '2026-02-10 10:00:00'),
  (69, 100, 11, '2026-03-16 09:30:00'),
  (70, 104, 4, '2026-03-10 10:00:00'),
  (71, 105, 5, '2026-03-03 10:00:00'),
  (72, 106, 12, '2026-03-11 14:00:00');

INSERT INTO comments (id, issue_id, author_id, body, created_at, edited_at) VALUES
  (1, 74, 7, 'Support ticket #88213 from Kestrel Outdoor: two payout.completed events about 4s apart for every payout in po_batch_8812. Attaching the webhook delivery log.', '2026-03-17 15:40:00', NULL),
  (2, 74, 8, 'Could this be the same failover issue Sofia is looking at?', '2026-03-17 16:12:00', NULL),
  (3, 57, 6, 'Root cause: the batch finalizer runs on both workers during a leader failover. Fix is a lease on the batch row before emitting events.', '2026-03-14 10:20:00', NULL),
  (4, 57, 7, 'Reproduced in staging by killing payout-worker-0 mid-batch. 6 merchants affected in production so far.', '2026-03-16 14:05:00', NULL),
  (5, 55, 6, 'PR #4821 is up: bust the cache on the rates.updated event and cap TTL at 60s.', '2026-03-16 11:30:00', NULL),
  (6, 55, 2, 'Reviewed. One nit on the TTL constant, otherwise looks good.', '2026-03-17 09:45:00', NULL),
  (7, 60, 8, 'The 40 EU beta merchants are lined up for April 6. We need FX caching and SEPA batching done first.', '2026-03-12 09:30:00', NULL),
  (8, 60, 1, 'Linked the blockers. Let us re-check on Thursday.', '2026-03-12 10:05:00', NULL),
  (9, 56, 5, 'Batch builder is done; working on the bank file format (pain.001.001.09).', '2026-03-16 17:10:00', NULL),
  (10, 34, 2, 'Confirmed: the idempotency key hash omits merchant_id. Fix plus migration for in-flight keys in progress.', '2026-03-11 15:00:00', NULL),
  (11, 34, 7, 'Will add a regression test once the fix is up.', '2026-03-11 15:20:00', NULL),
  (12, 37, 7, 'Found while running the multi-currency regression suite: a 15000 JPY payout was sent as 150.', '2026-03-10 08:50:00', NULL),
  (13, 37, 2, 'Switching to ISO 4217 exponents from the currency table instead of assuming 2.', '2026-03-12 10:40:00', NULL),
  (14, 43, 8, 'Finance needs this for the March close, so by Friday the 20th please.', '2026-03-03 13:05:00', NULL),
  (15, 43, 1, 'Fee breakdown query is done; wiring the new columns into the CSV and PDF outputs next.', '2026-03-16 18:20:00', NULL),
  (16, 42, 10, 'Flagged by the log scanner. Masking needs to happen before we ship the logs anywhere.', '2026-03-09 16:15:00', NULL),
  (17, 53, 8, 'Three merchants reported this after rotating secrets on Monday.', '2026-03-12 15:50:00', NULL),
  (18, 47, 13, 'Updated mocks are in Figma: drag-and-drop plus a per-file size limit of 10 MB.', '2026-03-13 12:00:00', NULL),
  (19, 40, 5, 'Refund path dual-writes behind the flag now; reconciliation job still compares v1 and v2.', '2026-03-17 11:00:00', NULL),
  (20, 67, 2, 'Merchant escalation from Larchmont Coffee; picking this up now.', '2026-03-09 09:10:00', NULL),
  (21, 33, 1, 'Cancelling: the REST client already covers payouts and the bank retires SOAP in May.', '2026-03-02 09:30:00', NULL),
  (22, 54, 8, 'Parking this until the bank supports SEPA Instant in sandbox.', '2026-03-13 10:00:00', NULL),
  (23, 82, 6, 'Design for the review queue is approved. Needs the hot-reload work first.', '2026-03-10 14:00:00', NULL),
  (24, 85, 2, 'I will pull the February traffic sample from the warehouse.', '2026-03-13 11:00:00', NULL),
  (25, 81, 2, 'Cache key does not include the merchant version. Small fix.', '2026-03-14 09:30:00', NULL),
  (26, 94, 3, 'Happens when the previous release has a failed hook. Adding a timeout to helm rollback.', '2026-03-12 19:00:00', NULL),
  (27, 96, 4, 'Elena, can you confirm who from Payments joins the primary rotation in April?', '2026-03-06 09:15:00', NULL),
  (28, 98, 10, 'Dedup key fixed in the alert rule; waiting on review.', '2026-03-16 08:30:00', NULL),
  (29, 104, 3, 'Only on Android 12 with more than 500 payouts loaded.', '2026-03-11 18:00:00', NULL);

INSERT INTO issue_links (id, source_issue_id, target_issue_id, link_type, created_by, created_at) VALUES
  (1, 55, 60, 'blocks', 1, '2026-03-12 10:02:00'),
  (2, 56, 60, 'blocks', 1, '2026-03-12 10:03:00'),
  (3, 65, 60, 'blocks', 1, '2026-03-12 10:04:00'),
  (4, 60, 62, 'blocks', 8, '2026-03-12 09:05:00'),
  (5, 58, 60, 'relates', 8, '2026-03-11 10:05:00'),
  (6, 40, 59, 'blocks', 5, '2026-03-11 10:20:00'),
  (7, 41, 59, 'blocks', 5, '2026-03-11 10:21:00'),
  (8, 34, 67, 'relates', 2, '2026-03-09 09:15:00'),
  (9, 53, 57, 'relates', 6, '2026-03-14 10:25:00'),
  (10, 47, 48, 'blocks', 6, '2026-02-27 10:15:00'),
  (11, 35, 58, 'blocks', 8, '2026-03-11 10:01:00'),
  (12, 84, 82, 'blocks', 6, '2026-03-10 14:02:00'),
  (13, 81, 55, 'relates', 2, '2026-03-14 09:35:00'),
  (14, 95, 101, 'relates', 4, '2026-03-12 10:05:00');

INSERT INTO watchers (id, issue_id, user_id, created_at) VALUES
  (1, 1, 1, '2025-12-08 15:20:00'),
  (2, 1, 8, '2025-12-08 15:20:00'),
  (3, 2, 1, '2025-11-17 10:00:00'),
  (4, 2, 5, '2025-11-17 10:00:00'),
  (5, 60, 1, '2026-03-11 10:30:00'),
  (6, 60, 8, '2026-03-11 10:30:00'),
  (7, 60, 6, '2026-03-11 10:30:00'),
  (8, 57, 6, '2026-03-13 11:02:00'),
  (9, 57, 7, '2026-03-13 11:02:00'),
  (10, 57, 1, '2026-03-13 11:02:00'),
  (11, 74, 7, '2026-03-17 15:36:00'),
  (12, 74, 8, '2026-03-17 15:36:00'),
  (13, 55, 6, '2026-03-10 13:00:00'),
  (14, 55, 2, '2026-03-10 13:00:00'),
  (15, 56, 5, '2026-03-05 10:00:00'),
  (16, 56, 8, '2026-03-05 10:00:00'),
  (17, 34, 2, '2026-03-04 10:31:00'),
  (18, 34, 7, '2026-03-04 10:31:00'),
  (19, 37, 2, '2026-03-10 08:47:00'),
  (20, 37, 7, '2026-03-10 08:47:00'),
  (21, 37, 1, '2026-03-10 08:47:00'),
  (22, 43, 1, '2026-03-03 13:00:00'),
  (23, 43, 8, '2026-03-03 13:00:00'),
  (24, 42, 5, '2026-03-09 16:12:00'),
  (25, 42, 10, '2026-03-09 16:12:00'),
  (26, 53, 8, '2026-03-12 15:48:00'),
  (27, 82, 6, '2026-03-02 10:00:00'),
  (28, 82, 1, '2026-03-02 10:00:00'),
  (29, 96, 1, '2026-03-05 10:00:00'),
  (30, 96, 4, '2026-03-05 10:00:00'),
  (31, 98, 10, '2026-03-10 07:50:00'),
  (32, 104, 3, '2026-03-10 10:00:00');

INSERT INTO attachments (id, issue_id, uploader_id, filename, content_type, size_bytes, created_at) VALUES
  (1, 74, 7, 'webhook-deliveries-po_batch_8812.csv', 'text/csv', 48213, '2026-03-17 15:41:00'),
  (2, 57, 7, 'staging-failover-repro.log', 'text/plain', 182734, '2026-03-16 14:06:00'),
  (3, 47, 13, 'evidence-upload-v3.fig', 'application/octet-stream', 3481920, '2026-03-13 12:01:00'),
  (4, 43, 8, 'settlement-report-fee-columns.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 58211, '2026-03-03 13:06:00'),
  (5, 37, 7, 'jpy-payout-staging.png', 'image/png', 241077, '2026-03-10 08:52:00'),
  (6, 10, 5, 'ledger-v2-design.pdf', 'application/pdf', 1204118, '2026-02-03 17:10:00'),
  (7, 85, 2, 'feb-traffic-sample-query.sql', 'text/plain', 3120, '2026-03-13 11:05:00'),
  (8, 92, 10, 'payout-slo-dashboard.png', 'image/png', 512300, '2026-03-04 10:18:00');

INSERT INTO worklogs (id, issue_id, user_id, minutes, work_date, note, created_at) VALUES
  (1, 43, 1, 120, '2026-03-13', 'Fee breakdown query against the settlement tables', '2026-03-13 18:00:00'),
  (2, 43, 1, 90, '2026-03-16', 'Fee columns in the CSV writer', '2026-03-16 18:15:00'),
  (3, 29, 1, 240, '2026-03-05', 'Matching bank statement lines', '2026-03-05 19:00:00'),
  (4, 34, 2, 180, '2026-03-11', 'Root cause and fix', '2026-03-11 18:30:00'),
  (5, 34, 2, 150, '2026-03-16', 'Migration for in-flight keys', '2026-03-16 18:00:00'),
  (6, 37, 2, 60, '2026-03-12', 'Exponent lookup', '2026-03-12 17:00:00'),
  (7, 35, 2, 300, '2026-03-10', 'Scheduling API endpoints', '2026-03-10 19:10:00'),
  (8, 40, 5, 240, '2026-03-16', 'Refund dual-write', '2026-03-16 17:30:00'),
  (9, 56, 5, 210, '2026-03-17', 'pain.001 file generation', '2026-03-17 18:45:00'),
  (10, 55, 6, 120, '2026-03-16', 'Cache invalidation on rates.updated', '2026-03-16 16:00:00'),
  (11, 47, 6, 180, '2026-03-13', 'Upload component', '2026-03-13 17:40:00'),
  (12, 52, 7, 150, '2026-03-12', 'Multi-currency test fixtures', '2026-03-12 17:20:00'),
  (13, 96, 1, 45, '2026-03-10', 'Draft of the April rotation', '2026-03-10 15:00:00'),
  (14, 95, 9, 200, '2026-03-13', 'Staging upgrade dry run', '2026-03-13 20:00:00');

INSERT INTO activity (id, issue_id, actor_id, action, field, old_value, new_value, created_at) VALUES
  (1, 74, 7, 'created', NULL, NULL, NULL, '2026-03-17 15:36:00'),
  (2, 57, 7, 'created', NULL, NULL, NULL, '2026-03-13 11:02:00'),
  (3, 57, 1, 'sprint_changed', 'sprint', NULL, 'PAY Sprint 24', '2026-03-13 11:30:00'),
  (4, 57, 1, 'assigned', 'assignee', NULL, 'Sofia Marchetti', '2026-03-13 11:31:00'),
  (5, 34, 2, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-09 10:00:00'),
  (6, 35, 2, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-09 10:05:00'),
  (7, 36, 2, 'transitioned', 'status', 'in_progress', 'in_review', '2026-03-17 11:10:00'),
  (8, 37, 2, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-10 09:30:00'),
  (9, 67, 2, 'transitioned', 'status', 'backlog', 'in_progress', '2026-03-09 09:10:00'),
  (10, 38, 2, 'transitioned', 'status', 'in_review', 'done', '2026-03-12 14:30:00'),
  (11, 39, 5, 'transitioned', 'status', 'in_review', 'done', '2026-03-13 16:10:00'),
  (12, 40, 5, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-13 16:30:00'),
  (13, 43, 1, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-12 09:00:00'),
  (14, 44, 5, 'transitioned', 'status', 'in_progress', 'in_review', '2026-03-16 10:00:00'),
  (15, 47, 6, 'transitioned', 'status', 'in_progress', 'in_review', '2026-03-16 09:30:00'),
  (16, 49, 6, 'transitioned', 'status', 'in_review', 'done', '2026-03-11 17:45:00'),
  (17, 50, 6, 'transitioned', 'status', 'in_review', 'done', '2026-03-16 15:30:00'),
  (18, 52, 7, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-11 09:00:00'),
  (19, 54, 8, 'transitioned', 'status', 'todo', 'cancelled', '2026-03-13 10:00:00'),
  (20, 55, 6, 'transitioned', 'status', 'in_progress', 'in_review', '2026-03-16 11:31:00'),
  (21, 56, 5, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-10 09:00:00'),
  (22, 53, 8, 'created', NULL, NULL, NULL, '2026-03-12 15:48:00'),
  (23, 53, 1, 'sprint_changed', 'sprint', NULL, 'PAY Sprint 23', '2026-03-12 16:00:00'),
  (24, 60, 1, 'linked', 'link', NULL, 'is blocked by PAY-190', '2026-03-12 10:02:00'),
  (25, 60, 1, 'linked', 'link', NULL, 'is blocked by PAY-195', '2026-03-12 10:03:00'),
  (26, 60, 1, 'linked', 'link', NULL, 'is blocked by PAY-158', '2026-03-12 10:04:00'),
  (27, 78, 7, 'transitioned', 'status', 'in_review', 'done', '2026-03-16 10:45:00'),
  (28, 81, 2, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-14 09:30:00'),
  (29, 84, 6, 'transitioned', 'status', 'todo', 'in_progress', '2026-03-09 10:00:00');

INSERT INTO saved_filters (id, owner_id, name, criteria, is_shared, created_at) VALUES
  (1, 1, 'My open issues', '{"assignee_id": 1, "open_only": true}', 0, '2025-09-02 10:00:00'),
  (2, 1, 'Payments urgent and high bugs', '{"project_key": "PAY", "type": "bug", "priorities": ["urgent", "high"], "open_only": true}', 1, '2025-11-20 11:00:00'),
  (3, 1, 'Unassigned customer-reported', '{"label": "customer-reported", "unassigned": true, "open_only": true}', 0, '2026-01-14 09:00:00'),
  (4, 8, 'Q2 launch tracker', '{"label": "q2-launch", "open_only": true}', 1, '2026-01-05 15:10:00'),
  (5, 4, 'Platform on-call', '{"project_key": "PLAT", "label": "on-call", "open_only": true}', 1, '2024-05-06 10:30:00'),
  (6, 2, 'My reviews', '{"assignee_id": 2, "statuses": ["in_review"]}', 0, '2025-03-18 10:00:00');
