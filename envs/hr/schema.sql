-- Tidewater People: the employee self-service HR portal of Tidewater Systems (a mid-size software company).
-- Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' (UTC); dates are TEXT 'YYYY-MM-DD'; money is INTEGER cents (USD);
-- leave is counted in working days (REAL, in steps of 0.5); hours are REAL (steps of 0.25).

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  city TEXT NOT NULL,
  region TEXT NOT NULL,
  country TEXT NOT NULL CHECK (length(country) = 2),
  timezone TEXT NOT NULL,
  address TEXT NOT NULL
);

CREATE TABLE public_holidays (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  holiday_date TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (location_id, holiday_date)
);
CREATE INDEX idx_public_holidays_location ON public_holidays(location_id, holiday_date);

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
  cost_center TEXT NOT NULL UNIQUE
);
CREATE INDEX idx_departments_parent ON departments(parent_id);

CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  employee_number TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  preferred_name TEXT,
  pronouns TEXT,
  work_email TEXT NOT NULL UNIQUE,
  work_phone TEXT,
  mobile_phone TEXT,
  personal_email TEXT,
  title TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE RESTRICT,
  location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE RESTRICT,
  manager_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  employment_type TEXT NOT NULL CHECK (employment_type IN ('full_time', 'part_time', 'contractor')),
  status TEXT NOT NULL CHECK (status IN ('active', 'on_leave', 'terminated')),
  hire_date TEXT NOT NULL,
  termination_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (manager_id IS NULL OR manager_id <> id),
  CHECK ((status = 'terminated') = (termination_date IS NOT NULL))
);
CREATE INDEX idx_employees_manager ON employees(manager_id);
CREATE INDEX idx_employees_department ON employees(department_id);
CREATE INDEX idx_employees_location ON employees(location_id);

CREATE TABLE emergency_contacts (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_emergency_contacts_employee ON emergency_contacts(employee_id);

CREATE TABLE leave_types (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  accrual_rule TEXT NOT NULL CHECK (accrual_rule IN ('annual_grant', 'per_event', 'none')),
  annual_days REAL CHECK (annual_days IS NULL OR annual_days >= 0),
  max_carryover_days REAL NOT NULL DEFAULT 0 CHECK (max_carryover_days >= 0),
  tracks_balance INTEGER NOT NULL CHECK (tracks_balance IN (0, 1)),
  allows_half_day INTEGER NOT NULL CHECK (allows_half_day IN (0, 1)),
  requires_approval INTEGER NOT NULL CHECK (requires_approval IN (0, 1)),
  allows_backdating INTEGER NOT NULL DEFAULT 0 CHECK (allows_backdating IN (0, 1)),
  min_notice_days INTEGER NOT NULL DEFAULT 0 CHECK (min_notice_days >= 0),
  is_paid INTEGER NOT NULL CHECK (is_paid IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE leave_balances (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  leave_type_id INTEGER NOT NULL REFERENCES leave_types(id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  entitled_days REAL NOT NULL CHECK (entitled_days >= 0),
  carried_over_days REAL NOT NULL DEFAULT 0 CHECK (carried_over_days >= 0),
  used_days REAL NOT NULL DEFAULT 0 CHECK (used_days >= 0),
  pending_days REAL NOT NULL DEFAULT 0 CHECK (pending_days >= 0),
  updated_at TEXT NOT NULL,
  UNIQUE (employee_id, leave_type_id, year)
);
CREATE INDEX idx_leave_balances_type ON leave_balances(leave_type_id);

CREATE TABLE leave_requests (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  leave_type_id INTEGER NOT NULL REFERENCES leave_types(id) ON DELETE RESTRICT,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  first_day_half INTEGER NOT NULL DEFAULT 0 CHECK (first_day_half IN (0, 1)),
  last_day_half INTEGER NOT NULL DEFAULT 0 CHECK (last_day_half IN (0, 1)),
  days REAL NOT NULL CHECK (days > 0),
  reason TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  approver_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  decision_note TEXT,
  decided_at TEXT,
  cancelled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX idx_leave_requests_employee ON leave_requests(employee_id, start_date);
CREATE INDEX idx_leave_requests_type ON leave_requests(leave_type_id);
CREATE INDEX idx_leave_requests_approver ON leave_requests(approver_id);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  client TEXT,
  department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'on_hold', 'closed')),
  billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
  start_date TEXT NOT NULL,
  end_date TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_projects_department ON projects(department_id);

CREATE TABLE expense_categories (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  max_amount_cents INTEGER NOT NULL CHECK (max_amount_cents > 0),
  receipt_required_above_cents INTEGER NOT NULL CHECK (receipt_required_above_cents >= 0),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE expense_reports (
  id INTEGER PRIMARY KEY,
  report_number TEXT NOT NULL UNIQUE,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  purpose TEXT,
  project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'reimbursed')),
  total_cents INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
  approver_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  decision_note TEXT,
  submitted_at TEXT,
  decided_at TEXT,
  reimbursed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_expense_reports_employee ON expense_reports(employee_id, status);
CREATE INDEX idx_expense_reports_approver ON expense_reports(approver_id);
CREATE INDEX idx_expense_reports_project ON expense_reports(project_id);

CREATE TABLE expense_items (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES expense_reports(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES expense_categories(id) ON DELETE RESTRICT,
  expense_date TEXT NOT NULL,
  merchant TEXT NOT NULL,
  description TEXT,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  has_receipt INTEGER NOT NULL CHECK (has_receipt IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_expense_items_report ON expense_items(report_id);
CREATE INDEX idx_expense_items_category ON expense_items(category_id);

CREATE TABLE timesheets (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  week_start TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
  total_hours REAL NOT NULL DEFAULT 0 CHECK (total_hours >= 0),
  approver_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  decision_note TEXT,
  submitted_at TEXT,
  decided_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (employee_id, week_start)
);
CREATE INDEX idx_timesheets_approver ON timesheets(approver_id);

CREATE TABLE time_entries (
  id INTEGER PRIMARY KEY,
  timesheet_id INTEGER NOT NULL REFERENCES timesheets(id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
  work_date TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (timesheet_id, project_id, work_date)
);
CREATE INDEX idx_time_entries_project ON time_entries(project_id);

CREATE TABLE payslips (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  pay_date TEXT NOT NULL,
  pay_type TEXT NOT NULL CHECK (pay_type IN ('regular', 'bonus', 'off_cycle')),
  gross_cents INTEGER NOT NULL CHECK (gross_cents >= 0),
  pretax_deductions_cents INTEGER NOT NULL CHECK (pretax_deductions_cents >= 0),
  taxes_cents INTEGER NOT NULL CHECK (taxes_cents >= 0),
  posttax_deductions_cents INTEGER NOT NULL CHECK (posttax_deductions_cents >= 0),
  net_cents INTEGER NOT NULL CHECK (net_cents >= 0),
  created_at TEXT NOT NULL,
  CHECK (net_cents = gross_cents - pretax_deductions_cents - taxes_cents - posttax_deductions_cents),
  UNIQUE (employee_id, period_start, pay_type)
);
CREATE INDEX idx_payslips_employee ON payslips(employee_id, pay_date);

CREATE TABLE payslip_lines (
  id INTEGER PRIMARY KEY,
  payslip_id INTEGER NOT NULL REFERENCES payslips(id) ON DELETE CASCADE,
  line_type TEXT NOT NULL CHECK (line_type IN ('earning', 'pretax_deduction', 'tax', 'posttax_deduction')),
  label TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX idx_payslip_lines_payslip ON payslip_lines(payslip_id);

CREATE TABLE benefit_plans (
  id INTEGER PRIMARY KEY,
  plan_code TEXT NOT NULL UNIQUE,
  benefit_type TEXT NOT NULL CHECK (benefit_type IN ('medical', 'dental', 'vision', 'life')),
  name TEXT NOT NULL,
  provider TEXT NOT NULL,
  plan_year INTEGER NOT NULL,
  description TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  UNIQUE (name, plan_year)
);

CREATE TABLE benefit_plan_rates (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES benefit_plans(id) ON DELETE CASCADE,
  coverage_tier TEXT NOT NULL CHECK (coverage_tier IN ('employee_only', 'employee_spouse', 'employee_children', 'family')),
  monthly_employee_cost_cents INTEGER NOT NULL CHECK (monthly_employee_cost_cents >= 0),
  UNIQUE (plan_id, coverage_tier)
);

CREATE TABLE enrollment_windows (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER REFERENCES employees(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('open_enrollment', 'new_hire', 'life_event')),
  name TEXT NOT NULL,
  plan_year INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  coverage_effective_date TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX idx_enrollment_windows_employee ON enrollment_windows(employee_id);

CREATE TABLE dependents (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  relationship TEXT NOT NULL CHECK (relationship IN ('spouse', 'domestic_partner', 'child')),
  date_of_birth TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (employee_id, first_name, last_name, date_of_birth)
);
CREATE INDEX idx_dependents_employee ON dependents(employee_id);

CREATE TABLE benefit_enrollments (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  plan_id INTEGER NOT NULL REFERENCES benefit_plans(id) ON DELETE RESTRICT,
  coverage_tier TEXT NOT NULL CHECK (coverage_tier IN ('employee_only', 'employee_spouse', 'employee_children', 'family')),
  monthly_cost_cents INTEGER NOT NULL CHECK (monthly_cost_cents >= 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  effective_date TEXT NOT NULL,
  end_date TEXT,
  window_id INTEGER REFERENCES enrollment_windows(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= date(effective_date, '-1 day'))
);
CREATE INDEX idx_benefit_enrollments_employee ON benefit_enrollments(employee_id, status);
CREATE INDEX idx_benefit_enrollments_plan ON benefit_enrollments(plan_id);
CREATE INDEX idx_benefit_enrollments_window ON benefit_enrollments(window_id);

CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  category TEXT NOT NULL CHECK (category IN ('business', 'team', 'development')),
  cycle_year INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  progress_pct INTEGER NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed', 'cancelled')),
  created_by INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_goals_employee ON goals(employee_id, cycle_year);

CREATE TABLE goal_checkins (
  id INTEGER PRIMARY KEY,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  progress_pct INTEGER NOT NULL CHECK (progress_pct BETWEEN 0 AND 100),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_goal_checkins_goal ON goal_checkins(goal_id);

CREATE TABLE training_courses (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL UNIQUE,
  provider TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('leadership', 'technical', 'compliance', 'people_skills')),
  description TEXT NOT NULL,
  duration_hours REAL NOT NULL CHECK (duration_hours > 0),
  is_mandatory INTEGER NOT NULL DEFAULT 0 CHECK (is_mandatory IN (0, 1))
);

CREATE TABLE training_sessions (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
  delivery TEXT NOT NULL CHECK (delivery IN ('in_person', 'virtual')),
  location_id INTEGER REFERENCES locations(id) ON DELETE SET NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  instructor TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
  CHECK (end_date >= start_date),
  CHECK ((delivery = 'in_person') = (location_id IS NOT NULL))
);
CREATE INDEX idx_training_sessions_course ON training_sessions(course_id);
CREATE INDEX idx_training_sessions_location ON training_sessions(location_id);

CREATE TABLE training_enrollments (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled', 'completed')),
  enrolled_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (session_id, employee_id)
);
CREATE INDEX idx_training_enrollments_employee ON training_enrollments(employee_id);

CREATE TABLE announcements (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  author_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  audience TEXT NOT NULL CHECK (audience IN ('all', 'department', 'location')),
  department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
  location_id INTEGER REFERENCES locations(id) ON DELETE CASCADE,
  requires_ack INTEGER NOT NULL DEFAULT 0 CHECK (requires_ack IN (0, 1)),
  is_pinned INTEGER NOT NULL DEFAULT 0 CHECK (is_pinned IN (0, 1)),
  published_at TEXT NOT NULL,
  expires_at TEXT,
  CHECK ((audience = 'department') = (department_id IS NOT NULL)),
  CHECK ((audience = 'location') = (location_id IS NOT NULL))
);
CREATE INDEX idx_announcements_department ON announcements(department_id);
CREATE INDEX idx_announcements_location ON announcements(location_id);

CREATE TABLE announcement_acknowledgements (
  id INTEGER PRIMARY KEY,
  announcement_id INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  acknowledged_at TEXT NOT NULL,
  UNIQUE (announcement_id, employee_id)
);
CREATE INDEX idx_announcement_acks_employee ON announcement_acknowledgements(employee_id);
