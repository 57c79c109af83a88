import { defineVerifiers, grade } from "awm/envkit";
import type { Row, SqlReader, VerifierContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function inserted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.inserted ?? [];
}

function updatedKeys(v: VerifierContext, table: string): number[] {
  return (v.diff.tables[table]?.updated ?? []).map((u) => u.key.id as number);
}

function deleted(v: VerifierContext, table: string): Row[] {
  return v.diff.tables[table]?.deleted ?? [];
}

/** True if the text names the number as a whole token: 162 matches "162 mg/dL" but not "1620". */
function mentionsNumber(text: string | undefined, n: number, words: string[] = []): boolean {
  if (!text) return false;
  const t = text.toLowerCase();
  if (new RegExp(`(?<![\\d.])${n}(?![\\d]|\\.\\d)`).test(t)) return true;
  return words.some((w) => new RegExp(`\\b${w}\\b`).test(t));
}

function id(db: SqlReader, sql: string, ...params: (string | number)[]): number {
  const r = db.get<{ id: number }>(sql, ...params);
  if (!r) throw new Error(`seed is missing a row for: ${sql} ${JSON.stringify(params)}`);
  return r.id;
}

function slotId(db: SqlReader, providerLastName: string, startAt: string): number {
  return id(db, "SELECT s.id FROM appointment_slots s JOIN providers p ON p.id = s.provider_id WHERE p.last_name = ? AND s.start_at = ?", providerLastName, startAt);
}

function patientId(db: SqlReader, userId: number, firstName: string): number {
  return id(db, "SELECT id FROM patients WHERE account_user_id = ? AND first_name = ?", userId, firstName);
}

type Appt = { id: number; patient_id: number; provider_id: number; slot_id: number; appointment_type_id: number; visit_mode: string; status: string; reason: string; start_at: string };

function newAppointments(v: VerifierContext): Appt[] {
  const ids = inserted(v, "appointments").map((r) => r.id as number);
  return ids.map((i) => v.final.get<Appt>("SELECT * FROM appointments WHERE id = ?", i)!).filter(Boolean);
}

function norm(s: unknown): string {
  return String(s ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

// ---------------------------------------------------------------------------
// Verifiers, one per task in tasks.json
// ---------------------------------------------------------------------------

export default defineVerifiers({
  // 0. Emma's flu shot at Oakland, next week (Mar 23-29), earliest bookable morning: Hannah Brooks RN, Tue 2026-03-24 08:30.
  0: (v) => {
    const emma = patientId(v.initial, v.userId, "Emma");
    const target = slotId(v.initial, "Brooks", "2026-03-24 08:30:00");
    const flu = id(v.initial, "SELECT id FROM appointment_types WHERE code = 'FLU'");
    const added = newAppointments(v);
    const hit = added.find((a) => a.patient_id === emma && a.slot_id === target);
    return grade(
      {
        emma_booked_in_earliest_oakland_morning_slot: !!hit && hit.status === "scheduled",
        booked_as_flu_vaccine: hit?.appointment_type_id === flu && hit?.visit_mode === "in_person",
        only_one_new_appointment: !!hit && added.filter((a) => a.status !== "cancelled").length === 1,
        no_existing_appointment_changed: !!hit && updatedKeys(v, "appointments").length === 0,
      },
      { expected_slot_id: target, new_appointments: added },
    );
  },

  // 1. Refill lisinopril 10 mg (the active one) to Walgreens, 1300 Main St, Walnut Creek.
  1: (v) => {
    const rx = id(v.initial, "SELECT r.id FROM prescriptions r JOIN patients p ON p.id = r.patient_id WHERE p.account_user_id = ? AND p.relationship = 'self' AND r.medication_name = 'Lisinopril' AND r.status = 'active'", v.userId);
    const walgreensMain = id(v.initial, "SELECT id FROM pharmacies WHERE name = 'Walgreens' AND address_line = '1300 Main St'");
    const reqs = inserted(v, "refill_requests").map((r) => v.final.get<Row>("SELECT * FROM refill_requests WHERE id = ?", r.id as number)!);
    const live = reqs.filter((r) => r.status !== "cancelled");
    const hit = live.find((r) => r.prescription_id === rx);
    const before = v.initial.get<{ n: number }>("SELECT refills_remaining AS n FROM prescriptions WHERE id = ?", rx)!.n;
    const after = v.final.get<{ n: number; pharmacy_id: number }>("SELECT refills_remaining AS n, pharmacy_id FROM prescriptions WHERE id = ?", rx)!;
    return grade(
      {
        lisinopril_refill_requested: !!hit && hit.status === "sent_to_pharmacy",
        sent_to_walgreens_main_street: hit?.pharmacy_id === walgreensMain && after.pharmacy_id === walgreensMain,
        one_refill_used: !!hit && after.n === before - 1,
        no_other_refills: !!hit && live.length === 1,
      },
      { expected_prescription_id: rx, expected_pharmacy_id: walgreensMain, new_refill_requests: reqs },
    );
  },

  // 2. Latest lipid panel (resulted 2026-03-06): LDL 162 mg/dL, flagged high, so not in range.
  2: (v) => {
    const ldl = v.initial.get<{ value_text: string; flag: string }>(
      `SELECT r.value_text, r.flag FROM lab_results r JOIN lab_orders o ON o.id = r.lab_order_id JOIN patients p ON p.id = o.patient_id
       WHERE p.account_user_id = ? AND p.relationship = 'self' AND r.test_name LIKE 'LDL%' ORDER BY r.resulted_at DESC LIMIT 1`,
      v.userId,
    )!;
    const answer = v.answer ?? "";
    return grade(
      {
        ldl_value_given: mentionsNumber(answer, Number(ldl.value_text)),
        says_out_of_range: /\b(high|higher|above|elevated|out of (the )?(normal |reference )?range|outside|not (with)?in (the )?(normal |reference )?range|not in range|abnormal|flagged)\b/i.test(answer),
      },
      { expected_ldl: ldl.value_text, expected_flag: ldl.flag },
    );
  },

  // 3. Pay the $45.00 balance of Julia's 2026-02-10 follow-up bill with the Visa ending 4242 (the other Visa is expired).
  3: (v) => {
    const bill = id(v.initial, "SELECT b.id FROM bills b JOIN patients p ON p.id = b.patient_id WHERE p.account_user_id = ? AND p.relationship = 'self' AND b.service_date LIKE '2026-02-%'", v.userId);
    const visa = id(v.initial, "SELECT id FROM payment_methods WHERE user_id = ? AND brand = 'Visa' AND last4 = '4242'", v.userId);
    const balance = v.initial.get<{ n: number }>("SELECT patient_responsibility_cents - paid_cents AS n FROM bills WHERE id = ?", bill)!.n;
    const pays = inserted(v, "payments");
    const onBill = pays.filter((p) => p.bill_id === bill);
    const final = v.final.get<{ status: string; bal: number }>("SELECT status, patient_responsibility_cents - paid_cents AS bal FROM bills WHERE id = ?", bill)!;
    return grade(
      {
        february_bill_paid_in_full: onBill.length > 0 && final.status === "paid" && final.bal === 0,
        paid_with_visa_4242: onBill.length > 0 && onBill.every((p) => p.payment_method_id === visa) && onBill.reduce((n, p) => n + (p.amount_cents as number), 0) === balance,
        no_other_bill_paid: onBill.length > 0 && pays.length === onBill.length,
      },
      { expected_bill_id: bill, expected_amount_cents: balance, new_payments: pays },
    );
  },

  // 4. Move Julia's physical (Thu 2026-03-19 10:00) to Dr. Patel's earliest afternoon slot on Fri 2026-03-27 that fits 40 minutes: 14:20.
  4: (v) => {
    const julia = patientId(v.initial, v.userId, "Julia");
    const phys = id(v.initial, "SELECT id FROM appointment_types WHERE code = 'PHYS'");
    const original = id(v.initial, "SELECT id FROM appointments WHERE patient_id = ? AND appointment_type_id = ? AND status = 'scheduled'", julia, phys);
    const oldSlot = v.initial.get<{ slot_id: number }>("SELECT slot_id FROM appointments WHERE id = ?", original)!.slot_id;
    const target = slotId(v.initial, "Patel", "2026-03-27 14:20:00");
    const live = v.final.all<Appt>("SELECT * FROM appointments WHERE patient_id = ? AND appointment_type_id = ? AND status IN ('scheduled', 'checked_in')", julia, phys);
    const touched = [...updatedKeys(v, "appointments"), ...inserted(v, "appointments").map((r) => r.id as number)];
    const ownNew = inserted(v, "appointments").every((r) => r.patient_id === julia && r.appointment_type_id === phys);
    return grade(
      {
        physical_now_friday_1420_with_patel: live.length === 1 && live[0]!.slot_id === target && live[0]!.provider_id === v.initial.get<{ provider_id: number }>("SELECT provider_id FROM appointment_slots WHERE id = ?", target)!.provider_id,
        thursday_slot_released: live.length > 0 && !v.final.get("SELECT 1 FROM appointments WHERE slot_id = ? AND status IN ('scheduled', 'checked_in')", oldSlot),
        no_other_appointment_changed: touched.length > 0 && ownNew && touched.every((i) => i === original || inserted(v, "appointments").some((r) => r.id === i)),
      },
      { expected_slot_id: target, live_physicals: live },
    );
  },

  // 5. Add Emma's cashew allergy (food, hives, moderate, onset Sat 2026-03-14 if given) and retire her latex allergy, not Julia's.
  5: (v) => {
    const emma = patientId(v.initial, v.userId, "Emma");
    const julia = patientId(v.initial, v.userId, "Julia");
    const added = inserted(v, "allergies");
    const cashew = added.filter((a) => a.patient_id === emma && /cashew/i.test(String(a.allergen)));
    const c = cashew.length === 1 ? cashew[0]! : undefined;
    const emmaLatex = id(v.initial, "SELECT id FROM allergies WHERE patient_id = ? AND allergen = 'Latex'", emma);
    const juliaLatex = id(v.initial, "SELECT id FROM allergies WHERE patient_id = ? AND allergen = 'Latex'", julia);
    const status = (i: number) => v.final.get<{ status: string }>("SELECT status FROM allergies WHERE id = ?", i)?.status;
    const changed = updatedKeys(v, "allergies");
    return grade(
      {
        cashew_allergy_added_for_emma: !!c && c.status === "active" && c.category === "food",
        reaction_hives_moderate: !!c && /hive/i.test(String(c.reaction)) && c.severity === "moderate" && (c.onset_date === null || c.onset_date === "2026-03-14"),
        emma_latex_removed: status(emmaLatex) !== undefined && status(emmaLatex) !== "active",
        julia_latex_untouched: (!!c || status(emmaLatex) !== "active") && status(juliaLatex) === "active" && changed.every((i) => i === emmaLatex) && added.length <= 1 && deleted(v, "allergies").length === 0,
      },
      { new_allergies: added, updated_allergy_ids: changed },
    );
  },

  // 6. New Blue Shield Gold 80 PPO coverage from 2026-04-01 for Julia (self) and Emma and Lucas (child of Julia); Aetna ends 2026-03-31.
  6: (v) => {
    const plan = id(v.initial, "SELECT id FROM insurance_plans WHERE carrier = 'Blue Shield of California' AND plan_name = 'Gold 80 PPO'");
    const aetna = id(v.initial, "SELECT id FROM insurance_plans WHERE carrier = 'Aetna'");
    const people = [
      { id: patientId(v.initial, v.userId, "Julia"), rel: "self" },
      { id: patientId(v.initial, v.userId, "Emma"), rel: "child" },
      { id: patientId(v.initial, v.userId, "Lucas"), rel: "child" },
    ];
    const added = inserted(v, "patient_insurance");
    const per = people.map((p) => {
      const rows = added.filter((r) => r.patient_id === p.id);
      const r = rows.length === 1 ? rows[0]! : undefined;
      const old = v.final.get<{ end_date: string | null }>("SELECT end_date FROM patient_insurance WHERE patient_id = ? AND plan_id = ? AND effective_date = '2023-01-01'", p.id, aetna);
      return {
        added: !!r && r.plan_id === plan && r.coverage_order === "primary" && r.effective_date === "2026-04-01",
        card: !!r && norm(r.member_id) === "XJQ884512307" && norm(r.group_number) === "00417",
        subscriber: !!r && r.relationship_to_subscriber === p.rel && /julia/i.test(String(r.subscriber_name)) && /chen/i.test(String(r.subscriber_name)),
        aetna_ended: old?.end_date === "2026-03-31",
      };
    });
    const otherChanged = updatedKeys(v, "patient_insurance").some((k) => {
      const row = v.initial.get<{ plan_id: number; patient_id: number }>("SELECT plan_id, patient_id FROM patient_insurance WHERE id = ?", k);
      return !row || row.plan_id !== aetna || !people.some((p) => p.id === row.patient_id);
    });
    const switched = (i: number) => per[i]!.added && per[i]!.card && per[i]!.subscriber && per[i]!.aetna_ended;
    return grade(
      {
        julia_switched_as_subscriber: switched(0),
        emma_switched_as_child: switched(1),
        lucas_switched_as_child: switched(2),
        nothing_else_changed: per.some((p) => p.added) && added.length === 3 && !otherChanged,
      },
      { new_coverage: added, per_patient: per },
    );
  },

  // 7. Lucas's strep tests (2026-03-12) were negative; message Dr. Kim about Lucas asking about a follow-up visit.
  7: (v) => {
    const lucas = patientId(v.initial, v.userId, "Lucas");
    const kim = id(v.initial, "SELECT id FROM providers WHERE last_name = 'Kim' AND first_name = 'Daniel'");
    const msgs = inserted(v, "messages").filter((m) => m.sender_type === "patient");
    const toKim = msgs.filter((m) => {
      const t = v.final.get<{ patient_id: number; provider_id: number }>("SELECT patient_id, provider_id FROM message_threads WHERE id = ?", m.thread_id as number);
      return t?.patient_id === lucas && t.provider_id === kim;
    });
    const answer = v.answer ?? "";
    return grade(
      {
        result_negative_reported: /\bnegative\b/i.test(answer) && !/\b(was|is|came back|tested|test) positive\b/i.test(answer),
        messaged_dr_kim_about_lucas: toKim.length >= 1,
        asks_about_follow_up: toKim.some((m) => /follow[\s-]?up|come (back|in)|another (visit|appointment)|recheck|be seen/i.test(String(m.body))),
      },
      { new_patient_messages: msgs },
    );
  },

  // 8. Mandarin-speaking dermatologist accepting new patients = Wei Zhang; earliest video-capable 30-minute slot: Thu 2026-03-19 15:00.
  8: (v) => {
    const julia = patientId(v.initial, v.userId, "Julia");
    const target = slotId(v.initial, "Zhang", "2026-03-19 15:00:00");
    const npc = id(v.initial, "SELECT id FROM appointment_types WHERE code = 'NPC'");
    const added = newAppointments(v);
    const hit = added.find((a) => a.patient_id === julia && a.slot_id === target);
    return grade(
      {
        booked_zhang_earliest_video_slot: !!hit && hit.status === "scheduled",
        video_new_patient_consultation: hit?.appointment_type_id === npc && hit?.visit_mode === "video",
        reason_mentions_mole: !!hit && /mole/i.test(hit.reason),
        nothing_else_booked_or_changed: !!hit && added.filter((a) => a.status !== "cancelled").length === 1 && updatedKeys(v, "appointments").length === 0,
      },
      { expected_slot_id: target, new_appointments: added },
    );
  },

  // 9. Julia's PT referral: approved, to Jordan Blake, DPT, 8 visits.
  9: (v) => {
    const ref = v.initial.get<{ status: string; visits: number; last_name: string }>(
      `SELECT r.status, r.visits_authorized AS visits, p.last_name FROM referrals r JOIN specialties s ON s.id = r.specialty_id JOIN providers p ON p.id = r.referred_to_provider_id
       JOIN patients pa ON pa.id = r.patient_id WHERE pa.account_user_id = ? AND pa.relationship = 'self' AND s.name = 'Physical Therapy' ORDER BY r.created_at DESC LIMIT 1`,
      v.userId,
    )!;
    const answer = v.answer ?? "";
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    return grade(
      {
        says_approved: new RegExp(`\\b${ref.status}\\b`, "i").test(answer) && !/\b(not|hasn't|has not|wasn't|isn't) (been |yet )?approved\b/i.test(answer),
        names_therapist: new RegExp(`\\b${ref.last_name}\\b`, "i").test(answer),
        visit_count: mentionsNumber(answer, ref.visits, words[ref.visits] ? [words[ref.visits]!] : []),
      },
      { expected: ref },
    );
  },
});
