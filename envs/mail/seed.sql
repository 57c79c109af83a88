-- Seed data for Harborline Mail. The signed-in user is Jordan Ellis (user 1); "now" is 2026-04-13 08:30 UTC (a Monday).

INSERT INTO users (id, full_name, email, job_title, department, manager_id, phone, created_at) VALUES
  (5, 'Helen Ortiz', 'helen.ortiz@harborline.com', 'Chief Operating Officer', 'Executive', NULL, '(775) 555-0100', '2021-02-01 09:00:00'),
  (2, 'Marcus Chen', 'marcus.chen@harborline.com', 'Director of Operations', 'Operations', 5, '(775) 555-0118', '2022-05-09 09:00:00'),
  (1, 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Operations Manager', 'Operations', 2, '(775) 555-0142', '2023-08-14 09:00:00'),
  (3, 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Logistics Coordinator', 'Operations', 1, '(775) 555-0157', '2024-01-08 09:00:00'),
  (4, 'Priya Raman', 'priya.raman@harborline.com', 'Senior Financial Analyst', 'Finance', 5, '(775) 555-0131', '2022-11-14 09:00:00'),
  (6, 'Marcus Chan', 'marcus.chan@harborline.com', 'IT Support Specialist', 'IT', NULL, '(775) 555-0190', '2024-06-03 09:00:00');

INSERT INTO contacts (id, user_id, full_name, email, company, job_title, phone, notes, is_favorite, created_at, updated_at) VALUES
  (1, 1, 'Marcus Chen', 'marcus.chen@harborline.com', 'Harborline Logistics', 'Director of Operations', '(775) 555-0118', 'My manager', 1, '2023-08-14 10:00:00', '2023-08-14 10:00:00'),
  (2, 1, 'Marcus Chan', 'marcus.chan@harborline.com', 'Harborline Logistics', 'IT Support Specialist', '(775) 555-0190', NULL, 0, '2024-06-10 11:20:00', '2024-06-10 11:20:00'),
  (3, 1, 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Harborline Logistics', 'Logistics Coordinator', '(775) 555-0157', 'Covers for me when I am out', 1, '2024-01-08 13:00:00', '2024-01-08 13:00:00'),
  (4, 1, 'Priya Raman', 'priya.raman@harborline.com', 'Harborline Logistics', 'Senior Financial Analyst', '(775) 555-0131', NULL, 0, '2023-09-01 09:30:00', '2023-09-01 09:30:00'),
  (5, 1, 'Sam Okafor', 'sam.okafor@harborline.com', 'Harborline Logistics', 'Warehouse Supervisor, Reno DC', '(775) 555-0166', NULL, 0, '2023-08-20 08:45:00', '2023-08-20 08:45:00'),
  (6, 1, 'Aisha Bello', 'aisha.bello@harborline.com', 'Harborline Logistics', 'Regional Operations Lead, Atlanta', '(404) 555-0172', NULL, 0, '2023-10-02 14:00:00', '2023-10-02 14:00:00'),
  (7, 1, 'Diego Navarro', 'diego.navarro@harborline.com', 'Harborline Logistics', 'Regional Operations Lead, Dallas', '(214) 555-0139', NULL, 0, '2023-10-02 14:02:00', '2023-10-02 14:02:00'),
  (8, 1, 'Hannah Kim', 'hannah.kim@harborline.com', 'Harborline Logistics', 'Regional Operations Lead, Seattle', '(206) 555-0181', NULL, 0, '2023-10-02 14:04:00', '2023-10-02 14:04:00'),
  (9, 1, 'Victor Lindqvist', 'victor.lindqvist@harborline.com', 'Harborline Logistics', 'Regional Operations Lead, Chicago', '(312) 555-0126', NULL, 0, '2025-07-21 10:15:00', '2025-07-21 10:15:00'),
  (10, 1, 'Brent Mahoney', 'brent.mahoney@harborline.com', 'Harborline Logistics', 'Regional Operations Lead, Denver (former)', '(303) 555-0147', 'Left Harborline in January 2026', 0, '2023-10-02 14:06:00', '2023-10-02 14:06:00'),
  (11, 1, 'Rachel Adeyemi', 'rachel.adeyemi@harborline.com', 'Harborline Logistics', 'HR Business Partner', '(775) 555-0109', NULL, 0, '2023-08-15 09:10:00', '2023-08-15 09:10:00'),
  (12, 1, 'Helen Ortiz', 'helen.ortiz@harborline.com', 'Harborline Logistics', 'Chief Operating Officer', '(775) 555-0100', NULL, 0, '2023-08-15 09:12:00', '2023-08-15 09:12:00'),
  (13, 1, 'Accounts Payable', 'ap@harborline.com', 'Harborline Logistics', 'Finance shared mailbox', NULL, 'Send vendor invoices here for payment', 0, '2023-08-16 16:00:00', '2023-08-16 16:00:00'),
  (14, 1, 'Lena Park', 'lena.park@northwindtraders.com', 'Northwind Traders', 'Account Manager', '(510) 555-0163', 'Pallet wrap, strapping and stretch film', 0, '2024-02-12 11:00:00', '2024-02-12 11:00:00'),
  (15, 1, 'Northwind Traders Billing', 'billing@northwindtraders.com', 'Northwind Traders', 'Billing', NULL, NULL, 0, '2024-02-12 11:05:00', '2024-02-12 11:05:00'),
  (16, 1, 'Tomás Herrera', 'tomas.herrera@summitequipment.com', 'Summit Equipment Rentals', 'Account Executive', '(720) 555-0114', 'Forklift and pallet jack leases', 0, '2025-11-04 15:30:00', '2025-11-04 15:30:00'),
  (17, 1, 'Kevin Brandt', 'kevin.brandt@frontrangeproperties.com', 'Front Range Properties', 'Property Manager', '(720) 555-0152', 'Landlord for the Denver DC, 4800 Dahlia St', 0, '2025-09-18 10:00:00', '2025-09-18 10:00:00'),
  (18, 1, 'Swiftline Carriers Billing', 'billing@swiftlinecarriers.com', 'Swiftline Carriers', 'Billing', NULL, NULL, 0, '2024-05-06 09:00:00', '2024-05-06 09:00:00'),
  (19, 1, 'Gary Holt', 'gary.holt@fairhavenpaper.com', 'Fairhaven Paper Co.', 'Sales Representative', '(541) 555-0170', 'Corrugated boxes', 0, '2024-03-19 13:40:00', '2024-03-19 13:40:00'),
  (20, 1, 'Olivia Grant', 'olivia.grant@lakeviewconference.com', 'Lakeview Conference Center', 'Events Coordinator', '(775) 555-0123', NULL, 0, '2026-03-25 09:00:00', '2026-03-25 09:00:00'),
  (21, 1, 'Swiftline Dispatch', 'dispatch@swiftlinecarriers.com', 'Swiftline Carriers', 'Dispatch', '(775) 555-0199', NULL, 0, '2024-05-06 09:02:00', '2024-05-06 09:02:00'),
  (22, 2, 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Harborline Logistics', 'Operations Manager', '(775) 555-0142', NULL, 1, '2023-08-14 10:00:00', '2023-08-14 10:00:00'),
  (23, 2, 'Lena Park', 'lena.park@northwindtraders.com', 'Northwind Traders', 'Account Manager', NULL, NULL, 0, '2024-02-20 09:00:00', '2024-02-20 09:00:00'),
  (24, 3, 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Harborline Logistics', 'Operations Manager', '(775) 555-0142', 'My manager', 1, '2024-01-08 13:05:00', '2024-01-08 13:05:00'),
  (25, 3, 'Marcus Chen', 'marcus.chen@harborline.com', 'Harborline Logistics', 'Director of Operations', NULL, NULL, 0, '2024-01-08 13:06:00', '2024-01-08 13:06:00');

INSERT INTO contact_groups (id, user_id, name, description, created_at) VALUES
  (1, 1, 'Regional Leads', 'Current regional operations leads (Atlanta, Dallas, Seattle, Chicago)', '2025-07-21 10:20:00'),
  (2, 1, 'Regional Leads 2025', 'Last year''s regional leads list, before the Chicago hire', '2024-01-15 09:00:00'),
  (3, 1, 'Vendors', 'Suppliers and service providers I deal with directly', '2024-03-19 13:45:00'),
  (4, 1, 'Reno DC Team', 'People at the Reno distribution center', '2023-09-05 08:00:00'),
  (5, 2, 'Direct Reports', NULL, '2023-08-14 10:05:00');

INSERT INTO contact_group_members (id, group_id, contact_id, added_at) VALUES
  (1, 1, 6, '2025-07-21 10:20:00'),
  (2, 1, 7, '2025-07-21 10:20:00'),
  (3, 1, 8, '2025-07-21 10:20:00'),
  (4, 1, 9, '2025-07-21 10:20:00'),
  (5, 2, 6, '2024-01-15 09:00:00'),
  (6, 2, 7, '2024-01-15 09:00:00'),
  (7, 2, 8, '2024-01-15 09:00:00'),
  (8, 2, 10, '2024-01-15 09:00:00'),
  (9, 3, 14, '2025-11-04 15:35:00'),
  (10, 3, 16, '2025-11-04 15:35:00'),
  (11, 3, 17, '2025-11-04 15:35:00'),
  (12, 3, 19, '2025-11-04 15:35:00'),
  (13, 3, 20, '2025-11-04 15:35:00'),
  (14, 4, 3, '2024-01-08 13:10:00'),
  (15, 4, 5, '2024-01-08 13:10:00'),
  (16, 5, 22, '2023-08-14 10:05:00');

INSERT INTO folders (id, user_id, name, kind, created_at) VALUES
  (1, 1, 'Inbox', 'inbox', '2023-08-14 09:00:00'),
  (2, 1, 'Sent', 'sent', '2023-08-14 09:00:00'),
  (3, 1, 'Drafts', 'drafts', '2023-08-14 09:00:00'),
  (4, 1, 'Scheduled', 'scheduled', '2023-08-14 09:00:00'),
  (5, 1, 'Archive', 'archive', '2023-08-14 09:00:00'),
  (6, 1, 'Spam', 'spam', '2023-08-14 09:00:00'),
  (7, 1, 'Trash', 'trash', '2023-08-14 09:00:00'),
  (8, 1, 'Denver Expansion', 'custom', '2025-09-18 10:05:00'),
  (9, 1, 'Receipts', 'custom', '2024-02-01 18:30:00'),
  (10, 2, 'Inbox', 'inbox', '2022-05-09 09:00:00'),
  (11, 2, 'Sent', 'sent', '2022-05-09 09:00:00'),
  (12, 2, 'Drafts', 'drafts', '2022-05-09 09:00:00'),
  (13, 2, 'Archive', 'archive', '2022-05-09 09:00:00'),
  (14, 2, 'Trash', 'trash', '2022-05-09 09:00:00'),
  (15, 3, 'Inbox', 'inbox', '2024-01-08 09:00:00'),
  (16, 3, 'Sent', 'sent', '2024-01-08 09:00:00'),
  (17, 3, 'Drafts', 'drafts', '2024-01-08 09:00:00'),
  (18, 3, 'Archive', 'archive', '2024-01-08 09:00:00'),
  (19, 3, 'Trash', 'trash', '2024-01-08 09:00:00'),
  (20, 4, 'Inbox', 'inbox', '2022-11-14 09:00:00'),
  (21, 4, 'Sent', 'sent', '2022-11-14 09:00:00');

INSERT INTO labels (id, user_id, name, color, created_at) VALUES
  (1, 1, 'Newsletters', 'gray', '2023-09-12 08:00:00'),
  (2, 1, 'Finance', 'green', '2023-09-12 08:01:00'),
  (3, 1, 'Urgent', 'red', '2023-09-12 08:02:00'),
  (4, 1, 'Vendors', 'blue', '2024-03-19 13:50:00'),
  (5, 1, 'Denver DC', 'teal', '2025-09-18 10:06:00'),
  (6, 1, 'Finance Review', 'yellow', '2025-12-01 09:00:00'),
  (7, 1, 'Follow up', 'orange', '2024-06-11 10:00:00'),
  (8, 2, 'Finance', 'green', '2022-06-01 09:00:00'),
  (9, 3, 'Newsletters', 'gray', '2024-01-09 09:00:00');

INSERT INTO threads (id, user_id, subject, created_at, last_message_at) VALUES
  (1, 1, 'Invoice INV-20417 for February 2026', '2026-03-02 10:12:00', '2026-03-02 10:12:00'),
  (2, 1, 'Reminder: benefits open enrollment closes March 20', '2026-03-09 15:00:00', '2026-03-09 15:00:00'),
  (3, 1, 'Swiftline Carriers invoice SWC-54807', '2026-03-04 08:15:00', '2026-03-05 09:02:00'),
  (4, 1, 'Your receipt: Reno (RNO) to Denver (DEN), March 23', '2026-03-18 21:44:00', '2026-03-18 21:44:00'),
  (5, 1, 'Partner with Cargo Deals Hub and cut lane costs', '2026-03-20 11:00:00', '2026-03-20 11:00:00'),
  (6, 1, 'Dallas yard tractor maintenance schedule', '2026-03-26 08:50:00', '2026-03-26 08:50:00'),
  (7, 1, 'Reminder: invoice INV-20417 due April 1', '2026-03-27 09:00:00', '2026-03-27 09:00:00'),
  (8, 1, 'Great work on the Denver cutover', '2026-03-27 16:40:00', '2026-03-27 16:40:00'),
  (9, 1, 'Forklift lease quote — Denver DC', '2026-03-30 14:05:00', '2026-04-07 15:20:00'),
  (10, 1, 'Seattle peak staffing plan', '2026-03-30 10:20:00', '2026-03-30 10:20:00'),
  (11, 1, 'Supply Chain Dive: Ocean carriers add blank sailings', '2026-03-31 06:00:00', '2026-03-31 06:00:00'),
  (12, 1, 'Swiftline Carriers invoice SWC-55120', '2026-04-01 08:20:00', '2026-04-01 08:20:00'),
  (13, 1, 'March volume report', '2026-04-01 07:00:00', '2026-04-01 07:00:00'),
  (14, 1, 'Invoice INV-20588 for March 2026', '2026-04-02 09:40:00', '2026-04-02 09:40:00'),
  (15, 1, 'FreightWaves Daily: Diesel prices ease for third week', '2026-04-02 05:30:00', '2026-04-02 05:30:00'),
  (16, 1, 'Chicago cross-dock lease renewal', '2026-04-02 11:05:00', '2026-04-02 11:05:00'),
  (17, 1, 'Lunch order for Thursday''s training', '2026-03-24 10:00:00', '2026-03-24 10:00:00'),
  (18, 1, 'Logistics Management Weekly: Yard management buyers'' guide', '2026-04-03 12:00:00', '2026-04-03 12:00:00'),
  (19, 1, 'Statement of account — March 2026', '2026-04-03 08:00:00', '2026-04-03 08:00:00'),
  (20, 1, 'Atlanta Q2 volume forecast', '2026-04-03 13:30:00', '2026-04-03 13:30:00'),
  (21, 1, 'Ticket #4471 resolved: VPN access from Reno DC', '2026-04-03 17:02:00', '2026-04-03 17:02:00'),
  (22, 1, 'Spring pallet blowout — 30% off', '2026-04-04 09:00:00', '2026-04-04 09:00:00'),
  (23, 1, 'Congratulations! You''ve been selected for a $500 gift card', '2026-04-05 03:12:00', '2026-04-05 03:12:00'),
  (24, 1, '1:1 agenda for Monday', '2026-04-05 19:30:00', '2026-04-05 19:30:00'),
  (25, 1, 'March freight spend reconciliation', '2026-04-06 10:15:00', '2026-04-06 11:02:00'),
  (26, 1, 'Weekly ops sync notes — April 6', '2026-04-06 16:30:00', '2026-04-06 16:30:00'),
  (27, 1, 'Supply Chain Dive: Ports brace for spring volume surge', '2026-04-07 06:00:00', '2026-04-07 06:00:00'),
  (28, 1, 'Exclusive freight rates — 40% off this week only', '2026-04-07 10:45:00', '2026-04-07 10:45:00'),
  (29, 1, 'FreightWaves Daily: Spot rates tick up on Midwest lanes', '2026-04-08 05:30:00', '2026-04-08 05:30:00'),
  (30, 1, 'Swiftline Carriers invoice SWC-55342', '2026-04-08 08:10:00', '2026-04-08 08:10:00'),
  (31, 1, 'Reno DC staffing plan', '2026-04-08 11:02:00', '2026-04-08 11:02:00'),
  (32, 1, 'Stretch film price update effective May 1', '2026-04-08 13:30:00', '2026-04-08 13:30:00'),
  (33, 1, 'Dock door 3 damage report — 4800 Dahlia St', '2026-04-08 16:45:00', '2026-04-08 16:45:00'),
  (34, 1, 'Supply Chain Dive: Retailers rethink safety stock', '2026-04-09 06:00:00', '2026-04-09 06:00:00'),
  (35, 1, 'Northwind Traders Spring catalog is here', '2026-04-09 07:15:00', '2026-04-09 07:15:00'),
  (36, 1, 'Action required: your password expires in 5 days', '2026-04-09 09:00:00', '2026-04-09 09:00:00'),
  (37, 1, 'Last chance: lane discounts expire Friday', '2026-04-09 10:30:00', '2026-04-09 10:30:00'),
  (38, 1, 'Pallet jack rental — Reno DC', '2026-04-09 11:40:00', '2026-04-09 11:40:00'),
  (39, 1, 'Pickup confirmation #88231 — Reno DC', '2026-04-09 12:10:00', '2026-04-09 12:10:00'),
  (40, 1, 'Team offsite: Wednesday or Thursday?', '2026-04-09 14:05:00', '2026-04-09 16:20:00'),
  (41, 1, 'Reno DC: dock 4 conveyor down', '2026-04-10 07:20:00', '2026-04-10 07:20:00'),
  (42, 1, 'FYI: new carrier compliance policy', '2026-04-10 09:30:00', '2026-04-10 09:30:00'),
  (43, 1, 'Lakeview Conference Center — catering options for your May offsite', '2026-04-10 10:05:00', '2026-04-10 10:05:00'),
  (44, 1, 'Invoice NP-7731 from Norwind Packaging', '2026-04-10 11:15:00', '2026-04-10 11:15:00'),
  (45, 1, 'Logistics Management Weekly: Warehouse automation on a budget', '2026-04-10 12:00:00', '2026-04-10 12:00:00'),
  (46, 1, 'Carrier scorecards for March', '2026-04-10 15:30:00', '2026-04-10 15:30:00'),
  (47, 1, 'Q2 budget review — need your numbers by Wednesday', '2026-04-10 17:45:00', '2026-04-10 17:45:00'),
  (48, 1, 'FreightWaves Daily: Weekend lane outlook', '2026-04-11 06:30:00', '2026-04-11 06:30:00'),
  (49, 1, 'Cargo Dealers Association: April member webinar', '2026-04-11 09:00:00', '2026-04-11 09:00:00'),
  (50, 1, 'Your personalized freight quote is waiting', '2026-04-12 08:00:00', '2026-04-12 08:00:00'),
  (51, 1, 'Question about the lease renewal timeline', '2026-04-07 12:00:00', '2026-04-07 12:00:00'),
  (52, 1, 'Reno staffing — my notes', '2026-04-09 08:00:00', '2026-04-09 08:00:00'),
  (53, 1, 'Loading dock repairs at 4800 Dahlia St', '2026-04-10 18:05:00', '2026-04-10 18:05:00'),
  (54, 1, 'Reminder: forklift certification renewals due April 30', '2026-04-10 17:00:00', '2026-04-10 17:00:00'),
  (55, 2, 'Invoice INV-20602 for March 2026 — Corporate', '2026-04-09 10:00:00', '2026-04-09 10:00:00'),
  (56, 2, 'Q2 budget review — need your numbers by Wednesday', '2026-04-10 17:45:00', '2026-04-10 17:45:00'),
  (57, 2, 'Team offsite: Wednesday or Thursday?', '2026-04-09 14:05:00', '2026-04-09 14:05:00'),
  (58, 2, 'Ops leadership offsite agenda', '2026-04-11 10:00:00', '2026-04-11 10:00:00'),
  (59, 3, 'Team offsite: Wednesday or Thursday?', '2026-04-09 14:05:00', '2026-04-09 14:05:00'),
  (60, 3, 'FYI: new carrier compliance policy', '2026-04-10 09:30:00', '2026-04-10 09:30:00'),
  (61, 3, 'Supply Chain Dive: Ports brace for spring volume surge', '2026-04-07 06:00:00', '2026-04-07 06:00:00'),
  (62, 3, 'Carrier scorecards — notes for April', '2026-04-11 15:00:00', '2026-04-11 15:00:00'),
  (63, 4, 'March freight spend reconciliation', '2026-04-06 10:15:00', '2026-04-06 11:02:00');

INSERT INTO messages (id, user_id, thread_id, folder_id, status, from_name, from_email, subject, body, importance, is_read, is_starred, sent_at, in_reply_to_id, forwarded_from_id, previous_folder_id, trashed_at, created_at, updated_at) VALUES
  (1, 1, 1, 5, 'received', 'Northwind Traders Billing', 'billing@northwindtraders.com', 'Invoice INV-20417 for February 2026', 'Hello Jordan,

Please find attached invoice INV-20417 for the February 2026 deliveries of pallet wrap and poly strapping to the Reno DC.

Amount due: $4,812.60
Payment terms: Net 30 (due April 1, 2026)
PO reference: HL-PO-7781

Thank you for your business,
Northwind Traders Billing', 'normal', 1, 0, '2026-03-02 10:12:00', NULL, NULL, NULL, NULL, '2026-03-02 10:12:00', '2026-03-02 10:12:00'),
  (2, 1, 2, 5, 'received', 'Rachel Adeyemi', 'rachel.adeyemi@harborline.com', 'Reminder: benefits open enrollment closes March 20', 'Hi everyone,

A friendly reminder that benefits open enrollment for the 2026-2027 plan year closes on Friday, March 20. Log in to the benefits portal to review your medical, dental and vision elections. If you do nothing, your current elections roll over.

Questions? Grab a slot in my office hours on Tuesdays and Thursdays.

Rachel Adeyemi
HR Business Partner', 'normal', 1, 0, '2026-03-09 15:00:00', NULL, NULL, NULL, NULL, '2026-03-09 15:00:00', '2026-03-09 15:00:00'),
  (3, 1, 3, 5, 'received', 'Swiftline Carriers Billing', 'billing@swiftlinecarriers.com', 'Swiftline Carriers invoice SWC-54807', 'Dear Harborline Logistics,

Attached is invoice SWC-54807 for linehaul services between Reno, NV and Salt Lake City, UT during February 2026 (14 loads).

Total due: $18,430.00, payable within 30 days.

Swiftline Carriers Billing', 'normal', 1, 0, '2026-03-04 08:15:00', NULL, NULL, NULL, NULL, '2026-03-04 08:15:00', '2026-03-04 08:15:00'),
  (4, 1, 3, 2, 'sent', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Fwd: Swiftline Carriers invoice SWC-54807', 'Approved for payment, coded to linehaul cost center 4120.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com

---------- Forwarded message ---------
From: Swiftline Carriers Billing <billing@swiftlinecarriers.com>
Date: 2026-03-04 08:15:00
Subject: Swiftline Carriers invoice SWC-54807
To: jordan.ellis@harborline.com

Dear Harborline Logistics,

Attached is invoice SWC-54807 for linehaul services between Reno, NV and Salt Lake City, UT during February 2026 (14 loads).

Total due: $18,430.00, payable within 30 days.

Swiftline Carriers Billing', 'normal', 1, 0, '2026-03-05 09:02:00', NULL, 3, NULL, NULL, '2026-03-05 09:02:00', '2026-03-05 09:02:00'),
  (5, 1, 4, 9, 'received', 'Delta Air Lines', 'receipts@delta.com', 'Your receipt: Reno (RNO) to Denver (DEN), March 23', 'Thank you for flying Delta.

Confirmation: G7KQ2M
Passenger: Jordan Ellis
Mon, Mar 23  RNO 07:05 -> DEN 10:12  DL 2231
Thu, Mar 26  DEN 17:40 -> RNO 18:55  DL 2486

Total charged: $412.38 to Visa ending 5521.', 'normal', 1, 0, '2026-03-18 21:44:00', NULL, NULL, NULL, NULL, '2026-03-18 21:44:00', '2026-03-18 21:44:00'),
  (6, 1, 5, 5, 'received', 'Cargo Deals Hub', 'offers@cargodealshub.net', 'Partner with Cargo Deals Hub and cut lane costs', 'Hi Jordan,

Shippers like Harborline save up to 35% on spot freight with Cargo Deals Hub. Book a 15-minute call and we will benchmark your top ten lanes for free.

The Cargo Deals Hub team
Unsubscribe | Manage preferences', 'normal', 1, 0, '2026-03-20 11:00:00', NULL, NULL, NULL, NULL, '2026-03-20 11:00:00', '2026-03-20 11:00:00'),
  (7, 1, 6, 5, 'received', 'Diego Navarro', 'diego.navarro@harborline.com', 'Dallas yard tractor maintenance schedule', 'Jordan,

Sharing the Q2 preventive maintenance schedule for our two yard tractors in Dallas. Unit 2 is down for brakes April 21-22, so we''ll rent a spotter for those two days (about $380/day).

Diego', 'normal', 1, 0, '2026-03-26 08:50:00', NULL, NULL, NULL, NULL, '2026-03-26 08:50:00', '2026-03-26 08:50:00'),
  (8, 1, 7, 1, 'received', 'Northwind Traders Billing', 'billing@northwindtraders.com', 'Reminder: invoice INV-20417 due April 1', 'Hello Jordan,

This is a courtesy reminder that invoice INV-20417 ($4,812.60) is due on April 1, 2026. If payment has already been sent, please disregard this message.

Northwind Traders Billing', 'normal', 1, 0, '2026-03-27 09:00:00', NULL, NULL, NULL, NULL, '2026-03-27 09:00:00', '2026-03-27 09:00:00'),
  (9, 1, 8, 1, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', 'Great work on the Denver cutover', 'Jordan,

Just wanted to say the Denver DC cutover went really smoothly. Zero missed pickups in the first week is a first for a site launch. Please pass my thanks on to the team.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 1, 1, '2026-03-27 16:40:00', NULL, NULL, NULL, NULL, '2026-03-27 16:40:00', '2026-03-27 16:40:00'),
  (10, 1, 9, 8, 'received', 'Tomás Herrera', 'tomas.herrera@summitequipment.com', 'Forklift lease quote — Denver DC', 'Hi Jordan,

Thanks for the call this morning. As discussed, here is our quote for the Denver DC:

- 3 x Toyota 8FGCU25 LPG forklifts (5,000 lb)
- 36-month lease, delivery within 2 weeks of signing
- $2,340.00 per month for all three units, maintenance billed separately

The full quote (Q-3318) is attached. Happy to walk through it.

Best,
Tomás Herrera
Account Executive, Summit Equipment Rentals', 'normal', 1, 0, '2026-03-30 14:05:00', NULL, NULL, NULL, NULL, '2026-03-30 14:05:00', '2026-03-30 14:05:00'),
  (11, 1, 10, 1, 'received', 'Hannah Kim', 'hannah.kim@harborline.com', 'Seattle peak staffing plan', 'Hi Jordan,

Attached is the staffing plan for the Seattle peak season (June-August). We''re asking for 6 temp associates and one extra lead on second shift. Let me know if you want to review before I send it to Marcus.

Thanks,
Hannah', 'normal', 1, 0, '2026-03-30 10:20:00', NULL, NULL, NULL, NULL, '2026-03-30 10:20:00', '2026-03-30 10:20:00'),
  (12, 1, 9, 2, 'sent', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Re: Forklift lease quote — Denver DC', 'Thanks Tomás. The units look right, but $2,340 a month is above what we budgeted. Could you sharpen the pencil if we go to a 48-month term, and what would it look like with maintenance included?

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com

On 2026-03-30 14:05:00, Tomás Herrera <tomas.herrera@summitequipment.com> wrote:
> Hi Jordan,
> Thanks for the call this morning. As discussed, here is our quote for the Denver DC:', 'normal', 1, 0, '2026-03-31 09:12:00', 10, NULL, NULL, NULL, '2026-03-31 09:12:00', '2026-03-31 09:12:00'),
  (13, 1, 11, 1, 'received', 'Supply Chain Dive', 'newsletter@supplychaindive.com', 'Supply Chain Dive: Ocean carriers add blank sailings', 'Today''s top stories:
- Ocean carriers add blank sailings as transpacific demand softens
- How one 3PL cut mis-picks by 40% with voice picking
- Opinion: the real cost of detention fees

You''re receiving this because you subscribed to Supply Chain Dive.', 'normal', 1, 0, '2026-03-31 06:00:00', NULL, NULL, NULL, NULL, '2026-03-31 06:00:00', '2026-03-31 06:00:00'),
  (14, 1, 12, 1, 'received', 'Swiftline Carriers Billing', 'billing@swiftlinecarriers.com', 'Swiftline Carriers invoice SWC-55120', 'Dear Harborline Logistics,

Attached is invoice SWC-55120 for linehaul services during the first half of March 2026 (9 loads).

Total due: $11,920.00, payable within 30 days.

Swiftline Carriers Billing', 'normal', 1, 0, '2026-04-01 08:20:00', NULL, NULL, NULL, NULL, '2026-04-01 08:20:00', '2026-04-01 08:20:00'),
  (15, 1, 13, 2, 'sent', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'March volume report', 'Hi all,

The March volume report is attached. Network volume was up 6% month over month, with Dallas and Atlanta leading. Please review your site''s numbers before Thursday''s sync.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, '2026-04-01 07:00:00', NULL, NULL, NULL, NULL, '2026-03-31 18:10:00', '2026-04-01 07:00:00'),
  (16, 1, 14, 1, 'received', 'Northwind Traders Billing', 'billing@northwindtraders.com', 'Invoice INV-20588 for March 2026', 'Hello Jordan,

Please find attached invoice INV-20588 for the March 2026 deliveries of pallet wrap, poly strapping and corner boards to the Reno and Denver DCs.

Amount due: $5,236.15
Payment terms: Net 30 (due May 2, 2026)
PO reference: HL-PO-7820

Thank you for your business,
Northwind Traders Billing', 'normal', 1, 0, '2026-04-02 09:40:00', NULL, NULL, NULL, NULL, '2026-04-02 09:40:00', '2026-04-02 09:40:00'),
  (17, 1, 15, 1, 'received', 'FreightWaves Daily', 'daily@freightwaves.com', 'FreightWaves Daily: Diesel prices ease for third week', 'Diesel prices eased for the third straight week, down 4 cents to $3.71 a gallon. Also today: tender rejections climb in the Southeast, and what the new hours-of-service pilot means for shippers.

Manage your subscription', 'normal', 1, 0, '2026-04-02 05:30:00', NULL, NULL, NULL, NULL, '2026-04-02 05:30:00', '2026-04-02 05:30:00'),
  (18, 1, 16, 1, 'received', 'Victor Lindqvist', 'victor.lindqvist@harborline.com', 'Chicago cross-dock lease renewal', 'Jordan,

The landlord for the Chicago cross-dock sent the renewal terms: 5 years at $14.25/sq ft, 3% annual escalator. That''s up from $12.90. I''d like to push back before we sign. Do you have 20 minutes this week?

Victor', 'normal', 1, 0, '2026-04-02 11:05:00', NULL, NULL, NULL, NULL, '2026-04-02 11:05:00', '2026-04-02 11:05:00'),
  (19, 1, 17, 7, 'received', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Lunch order for Thursday''s training', 'Hi Jordan, I''m ordering lunch for Thursday''s forklift safety training from Great Basin Deli. Turkey club or veggie wrap?

Dana', 'normal', 1, 0, '2026-03-24 10:00:00', NULL, NULL, 1, '2026-04-02 12:00:00', '2026-03-24 10:00:00', '2026-04-02 12:00:00'),
  (20, 1, 18, 5, 'received', 'Logistics Management Weekly', 'weekly@logisticsmgmt.com', 'Logistics Management Weekly: Yard management buyers'' guide', 'This week: our 2026 yard management systems buyers'' guide, plus a case study on dock scheduling at a 1-million-square-foot DC.

You are subscribed as jordan.ellis@harborline.com.', 'normal', 1, 0, '2026-04-03 12:00:00', NULL, NULL, NULL, NULL, '2026-04-03 12:00:00', '2026-04-03 12:00:00'),
  (21, 1, 19, 1, 'received', 'Swiftline Carriers Billing', 'billing@swiftlinecarriers.com', 'Statement of account — March 2026', 'Dear Harborline Logistics,

Your statement of account for March 2026 is attached. Open balance as of March 31: $30,350.00 (invoices SWC-54807 and SWC-55120).

Swiftline Carriers Billing', 'normal', 1, 0, '2026-04-03 08:00:00', NULL, NULL, NULL, NULL, '2026-04-03 08:00:00', '2026-04-03 08:00:00'),
  (22, 1, 20, 1, 'received', 'Aisha Bello', 'aisha.bello@harborline.com', 'Atlanta Q2 volume forecast', 'Hi Jordan,

Attached is our Q2 volume forecast for Atlanta. We expect about 11,800 outbound orders per week in May, peaking in the week of Memorial Day.

Aisha', 'normal', 1, 0, '2026-04-03 13:30:00', NULL, NULL, NULL, NULL, '2026-04-03 13:30:00', '2026-04-03 13:30:00'),
  (23, 1, 21, 1, 'received', 'Harborline IT Helpdesk', 'helpdesk@harborline.com', 'Ticket #4471 resolved: VPN access from Reno DC', 'Your ticket #4471 (VPN access from Reno DC) has been resolved. Resolution: the site firewall rule was updated. Reply to this email to reopen the ticket.

Harborline IT Helpdesk', 'normal', 1, 0, '2026-04-03 17:02:00', NULL, NULL, NULL, NULL, '2026-04-03 17:02:00', '2026-04-03 17:02:00'),
  (24, 1, 22, 6, 'received', 'Bulk Pallets Direct', 'promo@bulkpalletsdirect.com', 'Spring pallet blowout — 30% off', 'Stock up now! New and recycled GMA pallets at 30% off through April 15. Free delivery on orders of 200+.

Bulk Pallets Direct', 'normal', 0, 0, '2026-04-04 09:00:00', NULL, NULL, NULL, NULL, '2026-04-04 09:00:00', '2026-04-04 09:00:00'),
  (25, 1, 23, 6, 'received', 'Rewards Center', 'rewards@prize-center.biz', 'Congratulations! You''ve been selected for a $500 gift card', 'You have been selected! Click the link below within 24 hours to claim your $500 gift card. Offer valid for a limited time only.', 'normal', 0, 0, '2026-04-05 03:12:00', NULL, NULL, NULL, NULL, '2026-04-05 03:12:00', '2026-04-05 03:12:00'),
  (26, 1, 24, 1, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', '1:1 agenda for Monday', 'Jordan,

For tomorrow''s 1:1: (1) Reno staffing, (2) Denver forklift lease, (3) Q2 budget. Add anything else you want to cover.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 1, 0, '2026-04-05 19:30:00', NULL, NULL, NULL, NULL, '2026-04-05 19:30:00', '2026-04-05 19:30:00'),
  (27, 1, 25, 1, 'received', 'Priya Raman', 'priya.raman@harborline.com', 'March freight spend reconciliation', 'Hi Jordan,

Attached is the March freight spend reconciliation. Two Swiftline loads (SWC-55120 lines 4 and 7) look double-billed, about $1,240 in total. Can you confirm with the carrier?

Thanks,
Priya', 'normal', 1, 0, '2026-04-06 10:15:00', NULL, NULL, NULL, NULL, '2026-04-06 10:15:00', '2026-04-06 10:15:00'),
  (28, 1, 25, 2, 'sent', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Re: March freight spend reconciliation', 'Thanks Priya, good catch. I''ll raise the two loads with Swiftline this week and get a credit memo.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com

On 2026-04-06 10:15:00, Priya Raman <priya.raman@harborline.com> wrote:
> Hi Jordan,
> Attached is the March freight spend reconciliation.', 'normal', 1, 0, '2026-04-06 11:02:00', 27, NULL, NULL, NULL, '2026-04-06 11:02:00', '2026-04-06 11:02:00'),
  (29, 1, 26, 2, 'sent', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Weekly ops sync notes — April 6', 'Hi all,

Notes from today''s sync:
- Carrier scorecards for March go out Friday (Dana)
- Seattle peak staffing plan approved in principle
- Chicago lease renewal: Victor and I will meet the landlord

Next sync Monday, April 13.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, '2026-04-06 16:30:00', NULL, NULL, NULL, NULL, '2026-04-06 16:30:00', '2026-04-06 16:30:00'),
  (30, 1, 27, 1, 'received', 'Supply Chain Dive', 'newsletter@supplychaindive.com', 'Supply Chain Dive: Ports brace for spring volume surge', 'Today''s top stories:
- West Coast ports brace for a spring volume surge
- Warehouse wages rise 4% year over year
- Three questions to ask before signing a 3PL contract

You''re receiving this because you subscribed to Supply Chain Dive.', 'normal', 1, 0, '2026-04-07 06:00:00', NULL, NULL, NULL, NULL, '2026-04-07 06:00:00', '2026-04-07 06:00:00'),
  (31, 1, 28, 1, 'received', 'Cargo Deals Hub', 'offers@cargodealshub.net', 'Exclusive freight rates — 40% off this week only', 'Hi Jordan,

This week only: 40% off spot rates on 120+ lanes out of Nevada and Colorado. Lock in your rate before Friday.

The Cargo Deals Hub team
Unsubscribe | Manage preferences', 'normal', 0, 0, '2026-04-07 10:45:00', NULL, NULL, NULL, NULL, '2026-04-07 10:45:00', '2026-04-07 10:45:00'),
  (32, 1, 9, 1, 'received', 'Tomás Herrera', 'tomas.herrera@summitequipment.com', 'Re: Forklift lease quote — Denver DC', 'Hi Jordan,

Good news: we can do better on a longer term. Revised quote Q-3318-R1 is attached:

- Same 3 x Toyota 8FGCU25 forklifts
- 48-month lease
- $2,185.00 per month for all three units, full planned maintenance included

That''s down from $2,340.00 on the 36-month quote, and maintenance is now included. The offer is good through April 30.

Best,
Tomás

On 2026-03-31 09:12:00, Jordan Ellis <jordan.ellis@harborline.com> wrote:
> Thanks Tomás. The units look right, but $2,340 a month is above what we budgeted.', 'normal', 0, 0, '2026-04-07 15:20:00', 12, NULL, NULL, NULL, '2026-04-07 15:20:00', '2026-04-07 15:20:00'),
  (33, 1, 29, 1, 'received', 'FreightWaves Daily', 'daily@freightwaves.com', 'FreightWaves Daily: Spot rates tick up on Midwest lanes', 'Spot truckload rates ticked up 2% on Midwest lanes as produce season starts early. Also today: a new broker-transparency rule and the latest on cross-border rail.

Manage your subscription', 'normal', 0, 0, '2026-04-08 05:30:00', NULL, NULL, NULL, NULL, '2026-04-08 05:30:00', '2026-04-08 05:30:00'),
  (34, 1, 30, 1, 'received', 'Swiftline Carriers Billing', 'billing@swiftlinecarriers.com', 'Swiftline Carriers invoice SWC-55342', 'Dear Harborline Logistics,

Attached is invoice SWC-55342 for linehaul services during the second half of March 2026 (11 loads).

Total due: $14,085.00, payable within 30 days.

Swiftline Carriers Billing', 'normal', 0, 0, '2026-04-08 08:10:00', NULL, NULL, NULL, NULL, '2026-04-08 08:10:00', '2026-04-08 08:10:00'),
  (35, 1, 31, 1, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', 'Reno DC staffing plan', 'Jordan,

Helen wants the Reno DC staffing plan for the summer before the end of the month. Can you pull together headcount by shift, overtime trends since January and your temp-labor ask? A rough draft is fine for our 1:1.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 0, 0, '2026-04-08 11:02:00', NULL, NULL, NULL, NULL, '2026-04-08 11:02:00', '2026-04-08 11:02:00'),
  (36, 1, 32, 1, 'received', 'Lena Park', 'lena.park@northwindtraders.com', 'Stretch film price update effective May 1', 'Hi Jordan,

Heads-up that resin costs have pushed our stretch film prices up 3.5% effective May 1. Orders placed before April 30 will be billed at current pricing. Happy to lock in a quarter''s volume at today''s price if that helps.

Best,
Lena Park
Account Manager, Northwind Traders', 'normal', 1, 0, '2026-04-08 13:30:00', NULL, NULL, NULL, NULL, '2026-04-08 13:30:00', '2026-04-08 13:30:00'),
  (37, 1, 33, 1, 'received', 'Kevin Brandt', 'kevin.brandt@frontrangeproperties.com', 'Dock door 3 damage report — 4800 Dahlia St', 'Hi Jordan,

Our maintenance tech inspected dock door 3 at 4800 Dahlia St this morning. The door panel and the leveler lip were both damaged, most likely by a trailer pulling away early. Photos attached. Under the lease, dock equipment damage is the tenant''s responsibility, but we can arrange the repair through our contractor if you''d like.

Kevin Brandt
Property Manager, Front Range Properties', 'normal', 1, 0, '2026-04-08 16:45:00', NULL, NULL, NULL, NULL, '2026-04-08 16:45:00', '2026-04-08 16:45:00'),
  (38, 1, 34, 5, 'received', 'Supply Chain Dive', 'newsletter@supplychaindive.com', 'Supply Chain Dive: Retailers rethink safety stock', 'Today''s top stories:
- Retailers rethink safety stock after a volatile winter
- Autonomous yard trucks move into pilot
- The 3PL M&A deals to watch this spring

You''re receiving this because you subscribed to Supply Chain Dive.', 'normal', 1, 0, '2026-04-09 06:00:00', NULL, NULL, NULL, NULL, '2026-04-09 06:00:00', '2026-04-09 06:00:00'),
  (39, 1, 35, 1, 'received', 'Northwind Traders', 'news@northwindtraders.com', 'Northwind Traders Spring catalog is here', 'Our Spring 2026 catalog is here, with new recycled-content stretch film, paper void fill and a full line of edge protectors. Account customers get 10% off first orders of new products through May 31.

Northwind Traders', 'normal', 0, 0, '2026-04-09 07:15:00', NULL, NULL, NULL, NULL, '2026-04-09 07:15:00', '2026-04-09 07:15:00'),
  (40, 1, 36, 1, 'received', 'Marcus Chan', 'marcus.chan@harborline.com', 'Action required: your password expires in 5 days', 'Hi Jordan,

Your Harborline network password expires on April 14. Please change it from any office PC (Ctrl+Alt+Del > Change a password) or through the self-service portal. Remember to update it on your phone afterwards.

Marcus Chan
IT Support', 'high', 0, 0, '2026-04-09 09:00:00', NULL, NULL, NULL, NULL, '2026-04-09 09:00:00', '2026-04-09 09:00:00'),
  (41, 1, 37, 1, 'received', 'Cargo Deals Hub', 'offers@cargodealshub.net', 'Last chance: lane discounts expire Friday', 'Hi Jordan,

Your lane discounts expire this Friday. Shippers in Reno are saving an average of $310 per load. Don''t miss out.

The Cargo Deals Hub team
Unsubscribe | Manage preferences', 'normal', 0, 0, '2026-04-09 10:30:00', NULL, NULL, NULL, NULL, '2026-04-09 10:30:00', '2026-04-09 10:30:00'),
  (42, 1, 38, 1, 'received', 'Tomás Herrera', 'tomas.herrera@summitequipment.com', 'Pallet jack rental — Reno DC', 'Hi Jordan,

Following up on Sam''s request: we can rent 4 electric pallet jacks to the Reno DC for $410.00 per month on a 6-month term, delivery next week. Let me know and I''ll send the paperwork.

Tomás Herrera
Summit Equipment Rentals', 'normal', 1, 0, '2026-04-09 11:40:00', NULL, NULL, NULL, NULL, '2026-04-09 11:40:00', '2026-04-09 11:40:00'),
  (43, 1, 39, 1, 'received', 'Swiftline Dispatch', 'dispatch@swiftlinecarriers.com', 'Pickup confirmation #88231 — Reno DC', 'Pickup #88231 is confirmed for Friday, April 10 between 14:00 and 16:00 at Harborline Reno DC, door 7. Driver: R. Castillo, trailer 53-2291.

Swiftline Dispatch', 'normal', 1, 0, '2026-04-09 12:10:00', NULL, NULL, NULL, NULL, '2026-04-09 12:10:00', '2026-04-09 12:10:00'),
  (44, 1, 40, 1, 'received', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Team offsite: Wednesday or Thursday?', 'Hi all,

We''re planning the Q2 ops offsite at the Lakeview Conference Center in Reno during the week of May 4. I can hold the room on either Wednesday, May 6 or Thursday, May 7. Which day works better for you? I''d like to confirm with the venue by Wednesday.

Thanks,
Dana', 'normal', 0, 0, '2026-04-09 14:05:00', NULL, NULL, NULL, NULL, '2026-04-09 14:05:00', '2026-04-09 14:05:00'),
  (45, 1, 40, 1, 'received', 'Sam Okafor', 'sam.okafor@harborline.com', 'Re: Team offsite: Wednesday or Thursday?', 'Either day is fine for me, but Wednesday is slightly better since we have a heavy inbound schedule on Thursdays.

Sam

On 2026-04-09 14:05:00, Dana Whitfield <dana.whitfield@harborline.com> wrote:
> Hi all,
> We''re planning the Q2 ops offsite at the Lakeview Conference Center in Reno during the week of May 4.', 'normal', 0, 0, '2026-04-09 16:20:00', 44, NULL, NULL, NULL, '2026-04-09 16:20:00', '2026-04-09 16:20:00'),
  (46, 1, 41, 1, 'received', 'Sam Okafor', 'sam.okafor@harborline.com', 'Reno DC: dock 4 conveyor down', 'Jordan,

The extendable conveyor at dock 4 failed at the start of first shift (motor overheating). We''ve moved loading to docks 5 and 6 and the tech from Intelligrated is on site at 11:00. No missed trucks so far.

Sam', 'high', 1, 1, '2026-04-10 07:20:00', NULL, NULL, NULL, NULL, '2026-04-10 07:20:00', '2026-04-10 07:20:00'),
  (47, 1, 42, 1, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', 'FYI: new carrier compliance policy', 'Jordan,

FYI, legal finalized the new carrier compliance policy: every carrier needs a current certificate of insurance on file with at least $1M auto liability before we tender loads, starting May 1. Please make sure the regional leads are aware.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 0, 0, '2026-04-10 09:30:00', NULL, NULL, NULL, NULL, '2026-04-10 09:30:00', '2026-04-10 09:30:00'),
  (48, 1, 43, 1, 'received', 'Olivia Grant', 'olivia.grant@lakeviewconference.com', 'Lakeview Conference Center — catering options for your May offsite', 'Hi Jordan,

Thank you for considering Lakeview for your team''s offsite. I''ve attached our 2026 catering menu. For groups of 15-25 we recommend the Sierra package ($46 per person), which includes breakfast, lunch and an afternoon break.

Warm regards,
Olivia Grant
Events Coordinator', 'normal', 1, 0, '2026-04-10 10:05:00', NULL, NULL, NULL, NULL, '2026-04-10 10:05:00', '2026-04-10 10:05:00'),
  (49, 1, 44, 1, 'received', 'Norwind Packaging', 'invoices@norwindpackaging.com', 'Invoice NP-7731 from Norwind Packaging', 'Hello,

Attached please find invoice NP-7731 for 2,400 corrugated boxes (18x18x16) shipped to Harborline Reno DC on April 8.

Amount due: $3,096.00, Net 30.

Norwind Packaging Accounts Receivable', 'normal', 1, 0, '2026-04-10 11:15:00', NULL, NULL, NULL, NULL, '2026-04-10 11:15:00', '2026-04-10 11:15:00'),
  (50, 1, 45, 1, 'received', 'Logistics Management Weekly', 'weekly@logisticsmgmt.com', 'Logistics Management Weekly: Warehouse automation on a budget', 'This week: warehouse automation on a budget, five lessons from mid-size DCs that added AMRs, and our annual salary survey.

You are subscribed as jordan.ellis@harborline.com.', 'normal', 0, 0, '2026-04-10 12:00:00', NULL, NULL, NULL, NULL, '2026-04-10 12:00:00', '2026-04-10 12:00:00'),
  (51, 1, 46, 1, 'received', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Carrier scorecards for March', 'Hi Jordan,

The March carrier scorecards are attached. Swiftline''s on-time pickup slipped to 91% (from 95%), mostly on the Salt Lake lane. Everyone else is at or above target.

Dana', 'normal', 1, 0, '2026-04-10 15:30:00', NULL, NULL, NULL, NULL, '2026-04-10 15:30:00', '2026-04-10 15:30:00'),
  (52, 1, 47, 1, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', 'Q2 budget review — need your numbers by Wednesday', 'Jordan,

Finance moved the Q2 budget review up to Thursday. I need your operating numbers (labor, equipment leases, facilities) by Wednesday noon so Priya can consolidate. Please flag anything over plan, especially the Denver forklift lease.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'high', 0, 0, '2026-04-10 17:45:00', NULL, NULL, NULL, NULL, '2026-04-10 17:45:00', '2026-04-10 17:45:00'),
  (53, 1, 48, 1, 'received', 'FreightWaves Daily', 'daily@freightwaves.com', 'FreightWaves Daily: Weekend lane outlook', 'The weekend lane outlook: capacity tightens in the Southeast ahead of produce season, while Mountain West lanes stay loose. Plus: what April''s tariff changes mean for import volumes.

Manage your subscription', 'normal', 0, 0, '2026-04-11 06:30:00', NULL, NULL, NULL, NULL, '2026-04-11 06:30:00', '2026-04-11 06:30:00'),
  (54, 1, 49, 1, 'received', 'Cargo Dealers Association', 'members@cargodealers.org', 'Cargo Dealers Association: April member webinar', 'Dear member,

Join us on April 23 at 10:00 PT for our monthly webinar: "Negotiating carrier contracts in a loose market." Registration is free for members.

Cargo Dealers Association', 'normal', 0, 0, '2026-04-11 09:00:00', NULL, NULL, NULL, NULL, '2026-04-11 09:00:00', '2026-04-11 09:00:00'),
  (55, 1, 50, 1, 'received', 'Cargo Deals Hub', 'offers@cargodealshub.net', 'Your personalized freight quote is waiting', 'Hi Jordan,

We''ve prepared a personalized quote for your Reno to Denver lane. Log in to view it before it expires.

The Cargo Deals Hub team
Unsubscribe | Manage preferences', 'normal', 0, 0, '2026-04-12 08:00:00', NULL, NULL, NULL, NULL, '2026-04-12 08:00:00', '2026-04-12 08:00:00'),
  (56, 1, 51, 3, 'draft', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Question about the lease renewal timeline', 'Hi Kevin,

Our Denver lease has a renewal notice date coming up this fall. Could you confirm the exact date by which we need to give notice, and whether the owner would consider a 3-year extension?

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-07 11:40:00', '2026-04-07 12:00:00'),
  (57, 1, 52, 3, 'draft', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Reno staffing — my notes', 'Marcus,

Rough notes ahead of our 1:1:
- First shift is at 38 associates, second at 29
- Overtime averaged 11% since January
- Temp ask for June-August: 8 associates

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-09 07:35:00', '2026-04-09 08:00:00'),
  (58, 1, 53, 3, 'draft', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Loading dock repairs at 4800 Dahlia St', 'Hi Kevin,

Thanks for the damage report on dock door 3. Please go ahead and arrange the repair of the door panel and the leveler lip through your contractor, and send me the quote before the work starts. We''d like it done before May 1 if possible.

Thanks,

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-10 17:50:00', '2026-04-10 18:05:00'),
  (59, 1, 54, 4, 'scheduled', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Reminder: forklift certification renewals due April 30', 'Hi Sam,

Reminder that forklift operator certifications for 7 associates expire April 30. Please get the renewal sessions on the calendar this week.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-10 16:55:00', '2026-04-10 17:00:00'),
  (60, 2, 55, 10, 'received', 'Northwind Traders Billing', 'billing@northwindtraders.com', 'Invoice INV-20602 for March 2026 — Corporate', 'Hello Marcus,

Please find attached invoice INV-20602 for March 2026 corporate office supplies.

Amount due: $1,184.40, Net 30.

Northwind Traders Billing', 'normal', 1, 0, '2026-04-09 10:00:00', NULL, NULL, NULL, NULL, '2026-04-09 10:00:00', '2026-04-09 10:00:00'),
  (61, 2, 56, 11, 'sent', 'Marcus Chen', 'marcus.chen@harborline.com', 'Q2 budget review — need your numbers by Wednesday', 'Jordan,

Finance moved the Q2 budget review up to Thursday. I need your operating numbers (labor, equipment leases, facilities) by Wednesday noon so Priya can consolidate. Please flag anything over plan, especially the Denver forklift lease.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'high', 1, 0, '2026-04-10 17:45:00', NULL, NULL, NULL, NULL, '2026-04-10 17:45:00', '2026-04-10 17:45:00'),
  (62, 2, 57, 10, 'received', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Team offsite: Wednesday or Thursday?', 'Hi all,

We''re planning the Q2 ops offsite at the Lakeview Conference Center in Reno during the week of May 4. I can hold the room on either Wednesday, May 6 or Thursday, May 7. Which day works better for you? I''d like to confirm with the venue by Wednesday.

Thanks,
Dana', 'normal', 0, 0, '2026-04-09 14:05:00', NULL, NULL, NULL, NULL, '2026-04-09 14:05:00', '2026-04-09 14:05:00'),
  (63, 2, 58, 12, 'draft', 'Marcus Chen', 'marcus.chen@harborline.com', 'Ops leadership offsite agenda', 'Helen,

Draft agenda for the leadership offsite: network plan, carrier strategy, peak readiness.

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-11 09:40:00', '2026-04-11 10:00:00'),
  (64, 3, 59, 16, 'sent', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Team offsite: Wednesday or Thursday?', 'Hi all,

We''re planning the Q2 ops offsite at the Lakeview Conference Center in Reno during the week of May 4. I can hold the room on either Wednesday, May 6 or Thursday, May 7. Which day works better for you? I''d like to confirm with the venue by Wednesday.

Thanks,
Dana', 'normal', 1, 0, '2026-04-09 14:05:00', NULL, NULL, NULL, NULL, '2026-04-09 14:05:00', '2026-04-09 14:05:00'),
  (65, 3, 60, 15, 'received', 'Marcus Chen', 'marcus.chen@harborline.com', 'FYI: new carrier compliance policy', 'Jordan,

FYI, legal finalized the new carrier compliance policy: every carrier needs a current certificate of insurance on file with at least $1M auto liability before we tender loads, starting May 1. Please make sure the regional leads are aware.

Marcus

-- 
Marcus Chen
Director of Operations | Harborline Logistics', 'normal', 0, 0, '2026-04-10 09:30:00', NULL, NULL, NULL, NULL, '2026-04-10 09:30:00', '2026-04-10 09:30:00'),
  (66, 3, 61, 15, 'received', 'Supply Chain Dive', 'newsletter@supplychaindive.com', 'Supply Chain Dive: Ports brace for spring volume surge', 'Today''s top stories:
- West Coast ports brace for a spring volume surge
- Warehouse wages rise 4% year over year

You''re receiving this because you subscribed to Supply Chain Dive.', 'normal', 0, 0, '2026-04-07 06:00:00', NULL, NULL, NULL, NULL, '2026-04-07 06:00:00', '2026-04-07 06:00:00'),
  (67, 3, 62, 17, 'draft', 'Dana Whitfield', 'dana.whitfield@harborline.com', 'Carrier scorecards — notes for April', 'Jordan, a few notes on how I''d like to change the scorecard for April: add tender acceptance and claims ratio.', 'normal', 1, 0, NULL, NULL, NULL, NULL, NULL, '2026-04-11 14:30:00', '2026-04-11 15:00:00'),
  (68, 4, 63, 21, 'sent', 'Priya Raman', 'priya.raman@harborline.com', 'March freight spend reconciliation', 'Hi Jordan,

Attached is the March freight spend reconciliation. Two Swiftline loads (SWC-55120 lines 4 and 7) look double-billed, about $1,240 in total. Can you confirm with the carrier?

Thanks,
Priya', 'normal', 1, 0, '2026-04-06 10:15:00', NULL, NULL, NULL, NULL, '2026-04-06 10:15:00', '2026-04-06 10:15:00'),
  (69, 4, 63, 20, 'received', 'Jordan Ellis', 'jordan.ellis@harborline.com', 'Re: March freight spend reconciliation', 'Thanks Priya, good catch. I''ll raise the two loads with Swiftline this week and get a credit memo.

-- 
Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 'normal', 1, 0, '2026-04-06 11:02:00', 68, NULL, NULL, NULL, '2026-04-06 11:02:00', '2026-04-06 11:02:00');

INSERT INTO message_recipients (id, message_id, kind, email, name, position) VALUES
  (1, 1, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (2, 2, 'to', 'all-staff@harborline.com', 'All Staff', 0),
  (3, 3, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (4, 4, 'to', 'ap@harborline.com', 'Accounts Payable', 0),
  (5, 5, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (6, 6, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (7, 7, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (8, 8, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (9, 9, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (10, 9, 'cc', 'helen.ortiz@harborline.com', 'Helen Ortiz', 1),
  (11, 10, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (12, 11, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (13, 12, 'to', 'tomas.herrera@summitequipment.com', 'Tomás Herrera', 0),
  (14, 13, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (15, 14, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (16, 15, 'to', 'aisha.bello@harborline.com', 'Aisha Bello', 0),
  (17, 15, 'to', 'diego.navarro@harborline.com', 'Diego Navarro', 1),
  (18, 15, 'to', 'hannah.kim@harborline.com', 'Hannah Kim', 2),
  (19, 15, 'to', 'victor.lindqvist@harborline.com', 'Victor Lindqvist', 3),
  (20, 16, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (21, 17, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (22, 18, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (23, 19, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (24, 20, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (25, 21, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (26, 22, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (27, 23, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (28, 24, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (29, 25, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (30, 26, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (31, 27, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (32, 28, 'to', 'priya.raman@harborline.com', 'Priya Raman', 0),
  (33, 29, 'to', 'aisha.bello@harborline.com', 'Aisha Bello', 0),
  (34, 29, 'to', 'diego.navarro@harborline.com', 'Diego Navarro', 1),
  (35, 29, 'to', 'hannah.kim@harborline.com', 'Hannah Kim', 2),
  (36, 29, 'to', 'victor.lindqvist@harborline.com', 'Victor Lindqvist', 3),
  (37, 29, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 4),
  (38, 30, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (39, 31, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (40, 32, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (41, 33, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (42, 34, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (43, 35, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (44, 36, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (45, 37, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (46, 38, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (47, 39, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (48, 40, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (49, 41, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (50, 42, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (51, 43, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (52, 44, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (53, 44, 'to', 'sam.okafor@harborline.com', 'Sam Okafor', 1),
  (54, 44, 'to', 'priya.raman@harborline.com', 'Priya Raman', 2),
  (55, 44, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 3),
  (56, 45, 'to', 'dana.whitfield@harborline.com', 'Dana Whitfield', 0),
  (57, 45, 'cc', 'jordan.ellis@harborline.com', 'Jordan Ellis', 1),
  (58, 45, 'cc', 'priya.raman@harborline.com', 'Priya Raman', 2),
  (59, 45, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 3),
  (60, 46, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (61, 46, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 1),
  (62, 47, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (63, 47, 'cc', 'dana.whitfield@harborline.com', 'Dana Whitfield', 1),
  (64, 48, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (65, 49, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (66, 50, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (67, 51, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (68, 52, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (69, 53, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (70, 54, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (71, 55, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (72, 56, 'to', 'kevin.brandt@frontrangeproperties.com', 'Kevin Brandt', 0),
  (73, 57, 'to', 'marcus.chen@harborline.com', 'Marcus Chen', 0),
  (74, 58, 'to', 'kevin.brandt@frontrangeproperties.com', 'Kevin Brandt', 0),
  (75, 59, 'to', 'sam.okafor@harborline.com', 'Sam Okafor', 0),
  (76, 60, 'to', 'marcus.chen@harborline.com', 'Marcus Chen', 0),
  (77, 61, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (78, 62, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (79, 62, 'to', 'sam.okafor@harborline.com', 'Sam Okafor', 1),
  (80, 62, 'to', 'priya.raman@harborline.com', 'Priya Raman', 2),
  (81, 62, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 3),
  (82, 63, 'to', 'helen.ortiz@harborline.com', 'Helen Ortiz', 0),
  (83, 64, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (84, 64, 'to', 'sam.okafor@harborline.com', 'Sam Okafor', 1),
  (85, 64, 'to', 'priya.raman@harborline.com', 'Priya Raman', 2),
  (86, 64, 'cc', 'marcus.chen@harborline.com', 'Marcus Chen', 3),
  (87, 65, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (88, 65, 'cc', 'dana.whitfield@harborline.com', 'Dana Whitfield', 1),
  (89, 66, 'to', 'dana.whitfield@harborline.com', 'Dana Whitfield', 0),
  (90, 67, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (91, 68, 'to', 'jordan.ellis@harborline.com', 'Jordan Ellis', 0),
  (92, 69, 'to', 'priya.raman@harborline.com', 'Priya Raman', 0);

INSERT INTO attachments (id, message_id, filename, mime_type, size_bytes, created_at) VALUES
  (1, 1, 'INV-20417.pdf', 'application/pdf', 184322, '2026-03-02 10:12:00'),
  (2, 3, 'SWC-54807.pdf', 'application/pdf', 98210, '2026-03-04 08:15:00'),
  (3, 4, 'SWC-54807.pdf', 'application/pdf', 98210, '2026-03-05 09:02:00'),
  (4, 5, 'Delta_receipt_G7KQ2M.pdf', 'application/pdf', 61234, '2026-03-18 21:44:00'),
  (5, 10, 'Summit_Quote_Q-3318.pdf', 'application/pdf', 142880, '2026-03-30 14:05:00'),
  (6, 11, 'Seattle_peak_staffing.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 38412, '2026-03-30 10:20:00'),
  (7, 14, 'SWC-55120.pdf', 'application/pdf', 97114, '2026-04-01 08:20:00'),
  (8, 15, 'March_volume_report.pdf', 'application/pdf', 233901, '2026-03-31 18:10:00'),
  (9, 16, 'INV-20588.pdf', 'application/pdf', 187456, '2026-04-02 09:40:00'),
  (10, 21, 'Swiftline_statement_March_2026.pdf', 'application/pdf', 55320, '2026-04-03 08:00:00'),
  (11, 22, 'ATL_Q2_forecast.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 27201, '2026-04-03 13:30:00'),
  (12, 27, 'March_freight_recon.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 44780, '2026-04-06 10:15:00'),
  (13, 32, 'Summit_Quote_Q-3318-R1.pdf', 'application/pdf', 146002, '2026-04-07 15:20:00'),
  (14, 34, 'SWC-55342.pdf', 'application/pdf', 99870, '2026-04-08 08:10:00'),
  (15, 37, 'dock_door_3_panel.jpg', 'image/jpeg', 1843200, '2026-04-08 16:45:00'),
  (16, 37, 'dock_door_3_leveler.jpg', 'image/jpeg', 1622016, '2026-04-08 16:45:00'),
  (17, 48, 'Lakeview_Catering_Menu_2026.pdf', 'application/pdf', 512344, '2026-04-10 10:05:00'),
  (18, 49, 'NP-7731.pdf', 'application/pdf', 76540, '2026-04-10 11:15:00'),
  (19, 51, 'Carrier_scorecards_March_2026.pdf', 'application/pdf', 301224, '2026-04-10 15:30:00'),
  (20, 60, 'INV-20602.pdf', 'application/pdf', 120345, '2026-04-09 10:00:00'),
  (21, 68, 'March_freight_recon.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 44780, '2026-04-06 10:15:00');

INSERT INTO message_labels (id, message_id, label_id, created_at) VALUES
  (1, 1, 2, '2026-03-02 10:12:00'),
  (2, 3, 2, '2026-03-04 08:15:00'),
  (3, 9, 5, '2026-03-27 16:40:00'),
  (4, 10, 5, '2026-03-30 14:05:00'),
  (5, 13, 1, '2026-03-31 06:00:00'),
  (6, 16, 2, '2026-04-02 09:40:00'),
  (7, 17, 1, '2026-04-02 05:30:00'),
  (8, 20, 1, '2026-04-03 12:00:00'),
  (9, 27, 2, '2026-04-06 10:15:00'),
  (10, 30, 1, '2026-04-07 06:00:00'),
  (11, 33, 1, '2026-04-08 05:30:00'),
  (12, 37, 5, '2026-04-08 16:45:00'),
  (13, 38, 1, '2026-04-09 06:00:00'),
  (14, 39, 1, '2026-04-09 07:15:00'),
  (15, 46, 3, '2026-04-10 07:20:00'),
  (16, 50, 1, '2026-04-10 12:00:00'),
  (17, 53, 1, '2026-04-11 06:30:00'),
  (18, 60, 8, '2026-04-09 10:00:00'),
  (19, 66, 9, '2026-04-07 06:00:00');

INSERT INTO filters (id, user_id, name, from_contains, to_contains, subject_contains, has_words, has_attachment, action_label_id, action_folder_id, action_archive, action_mark_read, action_star, action_importance, is_enabled, created_at) VALUES
  (1, 1, 'Newsletters: Supply Chain Dive', 'supplychaindive.com', NULL, NULL, NULL, 0, 1, NULL, 0, 0, 0, NULL, 1, '2023-09-12 08:05:00'),
  (2, 1, 'Newsletters: FreightWaves', 'freightwaves.com', NULL, NULL, NULL, 0, 1, NULL, 0, 0, 0, NULL, 1, '2023-09-12 08:06:00'),
  (3, 1, 'Newsletters: Logistics Management', 'logisticsmgmt.com', NULL, NULL, NULL, 0, 1, NULL, 0, 0, 0, NULL, 1, '2024-02-02 09:00:00'),
  (4, 1, 'Northwind news', 'news@northwindtraders.com', NULL, NULL, NULL, 0, 1, NULL, 0, 0, 0, NULL, 1, '2024-02-12 11:10:00'),
  (5, 1, 'Helpdesk notifications', 'helpdesk@harborline.com', NULL, NULL, NULL, 0, NULL, NULL, 0, 1, 0, NULL, 1, '2023-10-05 14:00:00'),
  (6, 1, 'Delta receipts', 'receipts@delta.com', NULL, NULL, NULL, 0, NULL, 9, 0, 0, 0, NULL, 1, '2024-02-01 18:35:00'),
  (7, 1, 'Vendor invoices (old)', NULL, NULL, 'invoice', NULL, 1, 6, NULL, 0, 0, 0, NULL, 0, '2025-12-01 09:05:00'),
  (8, 2, 'Invoices', NULL, NULL, 'invoice', NULL, 0, 8, NULL, 0, 0, 0, NULL, 1, '2022-06-01 09:05:00');

INSERT INTO signatures (id, user_id, name, body, is_default, created_at, updated_at) VALUES
  (1, 1, 'Work', 'Jordan Ellis
Operations Manager | Harborline Logistics
(775) 555-0142 | harborline.com', 1, '2023-08-14 09:30:00', '2025-01-06 10:00:00'),
  (2, 1, 'Short', '— Jordan', 0, '2024-04-02 12:00:00', '2024-04-02 12:00:00'),
  (3, 2, 'Work', 'Marcus Chen
Director of Operations | Harborline Logistics', 1, '2022-05-09 09:30:00', '2022-05-09 09:30:00');

INSERT INTO auto_replies (id, user_id, is_enabled, subject, body, start_date, end_date, contacts_only, updated_at) VALUES
  (1, 1, 0, 'Away for the holidays', 'Hi, I''m out of the office until January 2 with limited access to email. For anything urgent, please contact Marcus Chen (marcus.chen@harborline.com).', '2025-12-22', '2026-01-01', 0, '2025-12-19 17:30:00'),
  (2, 3, 0, 'Out of office', 'I''m out of the office and will reply when I''m back. For urgent shipment issues, call the Reno DC at (775) 555-0166.', '2026-02-16', '2026-02-20', 1, '2026-02-13 16:00:00');

INSERT INTO scheduled_sends (id, user_id, message_id, send_at, status, created_at, updated_at) VALUES
  (1, 1, 15, '2026-04-01 07:00:00', 'sent', '2026-03-31 18:10:00', '2026-04-01 07:00:00'),
  (2, 1, 59, '2026-04-15 07:00:00', 'pending', '2026-04-10 17:00:00', '2026-04-10 17:00:00');

INSERT INTO blocked_senders (id, user_id, email, blocked_at) VALUES
  (1, 1, 'promo@bulkpalletsdirect.com', '2026-01-19 14:22:00'),
  (2, 2, 'offers@cargodealshub.net', '2026-03-02 08:15:00');
