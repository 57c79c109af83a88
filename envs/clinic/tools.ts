import * as v from "valibot";
import { defineEnv, Id, Limit, Offset, page, tool, ToolError } from "awm/envkit";
import type { SqlDatabase, ToolContext } from "awm/envkit";

// ---------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------

const DateText = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-03-16"), v.description(what));
const PatientFilter = v.optional(Id("Only this patient on your account (yourself or a dependent, from list_patients). Default: everyone on your account."));
const Text = (what: string, max = 200) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), v.description(what));

const APPOINTMENT_STATUSES = ["scheduled", "checked_in", "completed", "cancelled", "no_show"] as const;
const PRESCRIPTION_STATUSES = ["active", "completed", "discontinued", "expired"] as const;
const REFILL_STATUSES = ["sent_to_pharmacy", "ready_for_pickup", "picked_up", "denied", "cancelled"] as const;
const BILL_STATUSES = ["pending_insurance", "open", "paid", "void"] as const;
const THREAD_CATEGORIES = ["general", "appointment", "medication", "test_results", "billing", "referral"] as const;
const REFERRAL_STATUSES = ["pending", "approved", "denied", "expired", "completed"] as const;
const ALLERGY_CATEGORIES = ["drug", "food", "environmental", "other"] as const;
const SEVERITIES = ["mild", "moderate", "severe"] as const;
const LAB_ORDER_STATUSES = ["ordered", "collected", "resulted", "cancelled"] as const;

/** Online cancellation and rescheduling close this many hours before the visit. */
const CANCEL_WINDOW_HOURS = 24;
/** Online check-in stays open this many minutes after the start time. */
const CHECK_IN_GRACE_MINUTES = 15;
/** Appointment types with no copay (preventive care). */
const PREVENTIVE_CODES = new Set(["FLU", "IMM", "PHYS", "WCV", "WWE", "LAB"]);

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

interface PatientRow {
  id: number;
  account_user_id: number;
  relationship: string;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: string;
  preferred_language: string;
  primary_provider_id: number | null;
  preferred_pharmacy_id: number | null;
}
interface ProviderRow {
  id: number;
  first_name: string;
  last_name: string;
  credentials: string;
  specialty_id: number;
  specialty: string;
  is_primary_care: number;
  accepting_new_patients: number;
  status: string;
}
interface TypeRow {
  id: number;
  name: string;
  code: string;
  duration_minutes: number;
  visit_mode: "in_person" | "video" | "either";
  patient_status: "any" | "new" | "established";
  min_age_years: number;
  max_age_years: number | null;
  requires_referral: number;
}
interface SlotRow {
  id: number;
  provider_id: number;
  location_id: number;
  start_at: string;
  duration_minutes: number;
  visit_mode: "in_person" | "video" | "either";
  status: string;
}
interface AppointmentRow {
  id: number;
  patient_id: number;
  provider_id: number;
  location_id: number;
  slot_id: number;
  appointment_type_id: number;
  visit_mode: "in_person" | "video";
  start_at: string;
  end_at: string;
  status: string;
  reason: string;
  reschedule_count: number;
}
interface PrescriptionRow {
  id: number;
  patient_id: number;
  medication_name: string;
  strength: string;
  refills_remaining: number;
  pharmacy_id: number | null;
  status: string;
  expires_on: string;
}
interface PharmacyRow {
  id: number;
  name: string;
  address_line: string;
  city: string;
  accepts_e_prescriptions: number;
}
interface BillRow {
  id: number;
  patient_id: number;
  statement_number: string;
  status: string;
  patient_responsibility_cents: number;
  paid_cents: number;
}
interface PaymentMethodRow {
  id: number;
  kind: string;
  brand: string;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  status: string;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function toDate(ts: string): Date {
  return new Date(`${ts.length === 10 ? `${ts}T00:00:00` : ts.replace(" ", "T")}Z`);
}

function toTs(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function addMinutes(ts: string, minutes: number): string {
  return toTs(new Date(toDate(ts).getTime() + minutes * 60_000));
}

function addDays(date: string, days: number): string {
  const d = toDate(date.slice(0, 10));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function assertDate(date: string, field: string) {
  const d = toDate(date);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new ToolError(`${field} ${date} is not a valid calendar date`);
}

/** Age in whole years on a date. */
function ageOn(dob: string, date: string): number {
  const [by, bm, bd] = dob.split("-").map(Number) as [number, number, number];
  const [y, m, d] = date.slice(0, 10).split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function weekday(ts: string): string {
  return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][toDate(ts.slice(0, 10)).getUTCDay()]!;
}

function partOfDay(ts: string): "morning" | "afternoon" | "evening" {
  const h = Number(ts.slice(11, 13));
  return h < 12 ? "morning" : h < 17 ? "afternoon" : "evening";
}

function fullName(p: { first_name: string; last_name: string }): string {
  return `${p.first_name} ${p.last_name}`;
}

function providerName(p: { first_name: string; last_name: string; credentials: string }): string {
  return `${p.first_name} ${p.last_name}, ${p.credentials}`;
}

/** Words of a free-text search, each as a LIKE pattern; street words are normalised ("street" -> "st"). */
function likeWords(text: string | undefined): string[] {
  const abbreviations: Record<string, string> = { street: "st", avenue: "ave", road: "rd", boulevard: "blvd", drive: "dr" };
  const skip = new Set(["the", "on", "at", "in", "of", "and", "dr.", "dr"]);
  return (text ?? "")
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w && !skip.has(w))
    .slice(0, 8)
    .map((w) => `%${(abbreviations[w] ?? w).replace(/[%_']/g, "")}%`);
}

/** Words of a location search ("Oakland clinic" -> Oakland); each must match the location's name, address or city. */
function locationCondition(text: string, alias: string): { sql: string; params: string[] } {
  const generic = new Set(["%clinic%", "%location%", "%office%", "%bayside%", "%family%", "%health%", "%-%"]);
  const words = likeWords(text).filter((w) => !generic.has(w));
  return {
    sql: words.map(() => `(${alias}.name LIKE ? OR ${alias}.city LIKE ? OR ${alias}.address_line LIKE ?)`).join(" AND ") || "1 = 1",
    params: words.flatMap((w) => [w, w, w]),
  };
}

function getPatient(ctx: ToolContext, patientId: number): PatientRow {
  const p = ctx.db.get<PatientRow>("SELECT * FROM patients WHERE id = ? AND account_user_id = ?", patientId, ctx.userId);
  if (!p) throw new ToolError(`patient ${patientId} not found on your account`);
  return p;
}

/** SQL condition and params restricting a patient_id column to the account (or one patient on it). */
function patientScope(ctx: ToolContext, column: string, patientId: number | undefined): { sql: string; params: number[] } {
  if (patientId !== undefined) {
    getPatient(ctx, patientId);
    return { sql: `${column} = ?`, params: [patientId] };
  }
  return { sql: `${column} IN (SELECT id FROM patients WHERE account_user_id = ?)`, params: [ctx.userId] };
}

function getProvider(db: SqlDatabase, providerId: number): ProviderRow {
  const p = db.get<ProviderRow>(
    "SELECT p.*, s.name AS specialty, s.is_primary_care FROM providers p JOIN specialties s ON s.id = p.specialty_id WHERE p.id = ?",
    providerId,
  );
  if (!p) throw new ToolError(`provider ${providerId} not found`);
  return p;
}

function getType(db: SqlDatabase, typeId: number): TypeRow {
  const t = db.get<TypeRow>("SELECT * FROM appointment_types WHERE id = ?", typeId);
  if (!t) throw new ToolError(`appointment type ${typeId} not found`);
  return t;
}

function getPharmacy(db: SqlDatabase, pharmacyId: number): PharmacyRow {
  const p = db.get<PharmacyRow>("SELECT * FROM pharmacies WHERE id = ?", pharmacyId);
  if (!p) throw new ToolError(`pharmacy ${pharmacyId} not found`);
  return p;
}

function pharmacyLabel(p: PharmacyRow): string {
  return `${p.name}, ${p.address_line}, ${p.city}`;
}

function typeSpecialtyIds(db: SqlDatabase, typeId: number): number[] {
  return db.all<{ specialty_id: number }>("SELECT specialty_id FROM appointment_type_specialties WHERE appointment_type_id = ?", typeId).map((r) => r.specialty_id);
}

function isEstablished(db: SqlDatabase, patientId: number, providerId: number): boolean {
  return !!db.get("SELECT 1 FROM appointments WHERE patient_id = ? AND provider_id = ? AND status = 'completed'", patientId, providerId);
}

function approvedReferral(db: SqlDatabase, patientId: number, specialtyId: number, providerId: number, date: string) {
  return db.get<{ id: number; referred_to_provider_id: number | null }>(
    `SELECT id, referred_to_provider_id FROM referrals WHERE patient_id = ? AND specialty_id = ? AND status = 'approved'
       AND (valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until >= ?)
       AND (referred_to_provider_id IS NULL OR referred_to_provider_id = ?) ORDER BY id DESC`,
    patientId,
    specialtyId,
    date,
    date,
    providerId,
  );
}

function modeAllowed(typeMode: string, slotMode: string, mode: "in_person" | "video"): boolean {
  return (typeMode === "either" || typeMode === mode) && (slotMode === "either" || slotMode === mode);
}

/** Visit modes a type can use in a slot. */
function modesFor(typeMode: string, slotMode: string): ("in_person" | "video")[] {
  return (["in_person", "video"] as const).filter((m) => modeAllowed(typeMode, slotMode, m));
}

/**
 * Why this patient cannot be seen by this provider for this type (ignoring the slot), or null.
 * Rules: provider active and of a specialty that offers the type; age range; new/established
 * patient types; providers not accepting new patients only see established patients; referral.
 */
function eligibilityProblem(db: SqlDatabase, patient: PatientRow, provider: ProviderRow, type: TypeRow, date: string): string | null {
  const pname = fullName(patient);
  const dname = providerName(provider);
  if (provider.status !== "active") return `${dname} is ${provider.status.replace("_", " ")} and not taking appointments`;
  if (!typeSpecialtyIds(db, type.id).includes(provider.specialty_id)) return `${dname} (${provider.specialty}) does not offer ${type.name} appointments`;
  const age = ageOn(patient.date_of_birth, date);
  if (age < type.min_age_years || (type.max_age_years !== null && age > type.max_age_years)) {
    const range = type.max_age_years === null ? `${type.min_age_years} and older` : `ages ${type.min_age_years}-${type.max_age_years}`;
    return `${type.name} is for patients ${range}; ${pname} is ${age}`;
  }
  const established = isEstablished(db, patient.id, provider.id);
  if (type.patient_status === "new" && established) return `${pname} has already seen ${dname}; book a Follow-up Visit instead of ${/^[AEIOU]/i.test(type.name) ? "an" : "a"} ${type.name}`;
  if (type.patient_status === "established" && !established) return `${type.name} is only for established patients and ${pname} has not seen ${dname} before`;
  if (!established && !provider.accepting_new_patients) return `${dname} is not accepting new patients and ${pname} has not been seen by them before`;
  if (type.requires_referral && !approvedReferral(db, patient.id, provider.specialty_id, provider.id, date)) {
    return `${type.name} needs an approved ${provider.specialty} referral for ${pname} (valid on ${date}) to ${dname}; see list_referrals`;
  }
  return null;
}

function liveAppointmentOnSlot(db: SqlDatabase, slotId: number, exceptAppointmentId = 0) {
  return db.get<{ id: number }>("SELECT id FROM appointments WHERE slot_id = ? AND status IN ('scheduled', 'checked_in') AND id <> ?", slotId, exceptAppointmentId);
}

function patientConflict(db: SqlDatabase, patientId: number, start: string, end: string, exceptAppointmentId = 0) {
  return db.get<{ id: number; start_at: string }>(
    "SELECT id, start_at FROM appointments WHERE patient_id = ? AND status IN ('scheduled', 'checked_in') AND start_at < ? AND end_at > ? AND id <> ?",
    patientId,
    end,
    start,
    exceptAppointmentId,
  );
}

/** Checks that a patient can take a slot for a type; returns the slot, provider and chosen mode. Throws a ToolError otherwise. */
function assertBookable(ctx: ToolContext, patient: PatientRow, slotId: number, type: TypeRow, requestedMode: "in_person" | "video" | undefined, exceptAppointmentId = 0) {
  const slot = ctx.db.get<SlotRow>("SELECT * FROM appointment_slots WHERE id = ?", slotId);
  if (!slot) throw new ToolError(`slot ${slotId} not found`);
  const provider = getProvider(ctx.db, slot.provider_id);
  if (slot.status !== "available") throw new ToolError(`slot ${slotId} (${slot.start_at}) is blocked by the clinic and cannot be booked`);
  if (slot.start_at <= ctx.timestamp) throw new ToolError(`slot ${slotId} starts at ${slot.start_at}, which is in the past`);
  if (liveAppointmentOnSlot(ctx.db, slot.id, exceptAppointmentId)) throw new ToolError(`slot ${slotId} (${slot.start_at} with ${providerName(provider)}) is already taken; use find_open_slots`);
  if (type.duration_minutes > slot.duration_minutes) {
    throw new ToolError(`slot ${slotId} is ${slot.duration_minutes} minutes but ${/^[AEIOU]/i.test(type.name) ? "an" : "a"} ${type.name} needs ${type.duration_minutes}; pick a longer slot`);
  }
  const modes = modesFor(type.visit_mode, slot.visit_mode);
  if (modes.length === 0) throw new ToolError(`slot ${slotId} is ${slot.visit_mode.replace("_", "-")} only, and ${type.name} is ${type.visit_mode.replace("_", "-")} only`);
  const mode = requestedMode ?? modes[0]!;
  if (!modes.includes(mode)) throw new ToolError(`slot ${slotId} with ${type.name} cannot be a ${mode.replace("_", "-")} visit; allowed: ${modes.join(", ")}`);
  const problem = eligibilityProblem(ctx.db, patient, provider, type, slot.start_at.slice(0, 10));
  if (problem) throw new ToolError(problem);
  const end = addMinutes(slot.start_at, type.duration_minutes);
  const clash = patientConflict(ctx.db, patient.id, slot.start_at, end, exceptAppointmentId);
  if (clash) throw new ToolError(`${fullName(patient)} already has appointment ${clash.id} at ${clash.start_at}, which overlaps this slot`);
  return { slot, provider, mode, end };
}

function getAppointment(ctx: ToolContext, appointmentId: number): AppointmentRow {
  const a = ctx.db.get<AppointmentRow>(
    "SELECT a.* FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = ? AND p.account_user_id = ?",
    appointmentId,
    ctx.userId,
  );
  if (!a) throw new ToolError(`appointment ${appointmentId} not found`);
  return a;
}

function hoursUntil(ctx: ToolContext, ts: string): number {
  return (toDate(ts).getTime() - ctx.now.getTime()) / 3_600_000;
}

const APPOINTMENT_SELECT = `SELECT a.id AS appointment_id, a.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name,
  a.provider_id, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS provider_name, s.name AS specialty,
  a.location_id, l.name AS location_name, a.appointment_type_id, t.name AS appointment_type, a.visit_mode,
  a.start_at, a.end_at, a.status, a.reason, a.slot_id
  FROM appointments a JOIN patients pa ON pa.id = a.patient_id JOIN providers pr ON pr.id = a.provider_id
  JOIN specialties s ON s.id = pr.specialty_id JOIN locations l ON l.id = a.location_id JOIN appointment_types t ON t.id = a.appointment_type_id`;

function appointmentDetail(ctx: ToolContext, appointmentId: number) {
  getAppointment(ctx, appointmentId);
  const a = ctx.db.get<Record<string, unknown> & { start_at: string; status: string }>(
    `SELECT a.id AS appointment_id, a.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name,
       a.provider_id, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS provider_name, s.name AS specialty,
       a.location_id, l.name AS location_name, l.address_line || ', ' || l.city AS location_address, l.phone AS location_phone,
       a.appointment_type_id, t.name AS appointment_type, t.duration_minutes, a.visit_mode, a.start_at, a.end_at, a.status, a.reason,
       a.slot_id, a.booked_at, a.reschedule_count, a.checked_in_at, a.cancelled_at, a.cancel_reason
     FROM appointments a JOIN patients pa ON pa.id = a.patient_id JOIN providers pr ON pr.id = a.provider_id
     JOIN specialties s ON s.id = pr.specialty_id JOIN locations l ON l.id = a.location_id JOIN appointment_types t ON t.id = a.appointment_type_id
     WHERE a.id = ?`,
    appointmentId,
  )!;
  const deadline = addMinutes(a.start_at, -CANCEL_WINDOW_HOURS * 60);
  const changeable = a.status === "scheduled" && ctx.timestamp <= deadline;
  return {
    ...a,
    weekday: weekday(a.start_at),
    online_change_deadline: deadline,
    can_cancel_or_reschedule_online: changeable,
    video_link: a.visit_mode === "video" && (a.status === "scheduled" || a.status === "checked_in") ? `https://visit.baysidehealth.example/v/${appointmentId}` : null,
  };
}

function prescriptionBlocker(ctx: ToolContext, rx: PrescriptionRow): string | null {
  const name = `${rx.medication_name} ${rx.strength}`;
  if (rx.status === "discontinued") return `${name} was discontinued by the prescriber and cannot be refilled`;
  if (rx.status === "completed") return `${name} was a one-time course and has no refills`;
  if (rx.status === "expired" || rx.expires_on < ctx.today) return `the prescription for ${name} expired on ${rx.expires_on}; message the prescriber to ask for a new prescription`;
  if (rx.refills_remaining <= 0) return `${name} has no refills remaining; message the prescriber to ask for a renewal`;
  const open = ctx.db.get<{ id: number }>("SELECT id FROM refill_requests WHERE prescription_id = ? AND status IN ('sent_to_pharmacy', 'ready_for_pickup')", rx.id);
  if (open) return `${name} already has refill request ${open.id} in progress`;
  return null;
}

function getPaymentMethod(ctx: ToolContext, id: number): PaymentMethodRow {
  const pm = ctx.db.get<PaymentMethodRow>("SELECT * FROM payment_methods WHERE id = ? AND user_id = ? AND status = 'active'", id, ctx.userId);
  if (!pm) throw new ToolError(`payment method ${id} not found`);
  return pm;
}

function isExpired(ctx: ToolContext, pm: PaymentMethodRow): boolean {
  if (pm.exp_year === null || pm.exp_month === null) return false;
  const [year, month] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
  return pm.exp_year < year || (pm.exp_year === year && pm.exp_month < month);
}

function threadDetail(ctx: ToolContext, threadId: number) {
  const t = ctx.db.get<Record<string, unknown>>(
    `SELECT t.id AS thread_id, t.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, t.provider_id,
       pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS provider_name, t.subject, t.category, t.status, t.created_at, t.updated_at
     FROM message_threads t JOIN patients pa ON pa.id = t.patient_id JOIN providers pr ON pr.id = t.provider_id
     WHERE t.id = ? AND pa.account_user_id = ?`,
    threadId,
    ctx.userId,
  );
  if (!t) throw new ToolError(`message thread ${threadId} not found`);
  return t;
}

function insuranceRows(ctx: ToolContext, where: string, params: (string | number)[]) {
  return ctx.db.all<Record<string, unknown> & { effective_date: string; end_date: string | null }>(
    `SELECT pi.id AS coverage_id, pi.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, pi.plan_id, ip.carrier, ip.plan_name, ip.plan_type,
       pi.member_id, pi.group_number, pi.subscriber_name, pi.relationship_to_subscriber, pi.coverage_order, pi.effective_date, pi.end_date,
       ip.primary_care_copay_cents, ip.specialist_copay_cents
     FROM patient_insurance pi JOIN insurance_plans ip ON ip.id = pi.plan_id JOIN patients pa ON pa.id = pi.patient_id
     WHERE ${where} ORDER BY pi.patient_id, pi.coverage_order, pi.effective_date DESC`,
    ...params,
  );
}

function coverageState(ctx: ToolContext, c: { effective_date: string; end_date: string | null }): "current" | "upcoming" | "ended" {
  if (c.effective_date > ctx.today) return "upcoming";
  if (c.end_date !== null && c.end_date < ctx.today) return "ended";
  return "current";
}

function getAllergy(ctx: ToolContext, allergyId: number) {
  const a = ctx.db.get<{ id: number; patient_id: number; allergen: string; status: string }>(
    "SELECT al.id, al.patient_id, al.allergen, al.status FROM allergies al JOIN patients p ON p.id = al.patient_id WHERE al.id = ? AND p.account_user_id = ?",
    allergyId,
    ctx.userId,
  );
  if (!a) throw new ToolError(`allergy ${allergyId} not found`);
  return a;
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

export default defineEnv({
  tools: {
    // ----- family & profile -----
    list_patients: tool({
      description:
        "List the patients on your account: yourself and the dependents you manage (children, parents). Returns a page with patient_id, name, relationship, date of birth, age, primary care provider and preferred pharmacy.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) => {
        const res = page(
          ctx.db,
          `SELECT p.id AS patient_id, p.first_name, p.last_name, p.relationship, p.date_of_birth, p.sex, p.mrn, p.preferred_language,
             p.primary_provider_id, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS primary_care_provider,
             p.preferred_pharmacy_id, ph.name || ', ' || ph.address_line || ', ' || ph.city AS preferred_pharmacy
           FROM patients p LEFT JOIN providers pr ON pr.id = p.primary_provider_id LEFT JOIN pharmacies ph ON ph.id = p.preferred_pharmacy_id
           WHERE p.account_user_id = ? ORDER BY p.relationship <> 'self', p.date_of_birth`,
          "SELECT count(*) AS n FROM patients WHERE account_user_id = ?",
          [ctx.userId],
          limit,
          offset,
        );
        res.items = (res.items as { date_of_birth: string }[]).map((p) => ({ ...p, age: ageOn(p.date_of_birth, ctx.today) }));
        return res;
      },
    }),

    get_patient: tool({
      description:
        "Get one patient's profile: demographics, primary care provider, preferred pharmacy, current insurance, active allergies and upcoming appointments. Errors if the patient is not on your account.",
      input: v.object({ patient_id: Id("The patient's id (from list_patients).") }),
      handler: ({ patient_id }, ctx) => {
        const p = getPatient(ctx, patient_id);
        const pcp = p.primary_provider_id ? getProvider(ctx.db, p.primary_provider_id) : null;
        const pharmacy = p.preferred_pharmacy_id ? getPharmacy(ctx.db, p.preferred_pharmacy_id) : null;
        return {
          patient_id: p.id,
          name: fullName(p),
          relationship: p.relationship,
          mrn: p.mrn,
          date_of_birth: p.date_of_birth,
          age: ageOn(p.date_of_birth, ctx.today),
          sex: p.sex,
          preferred_language: p.preferred_language,
          primary_care_provider: pcp ? { provider_id: pcp.id, name: providerName(pcp), specialty: pcp.specialty } : null,
          preferred_pharmacy: pharmacy ? { pharmacy_id: pharmacy.id, name: pharmacyLabel(pharmacy) } : null,
          insurance: insuranceRows(ctx, "pi.patient_id = ?", [p.id])
            .map((c) => ({ ...c, state: coverageState(ctx, c) }))
            .filter((c) => c.state !== "ended"),
          active_allergies: ctx.db.all("SELECT id AS allergy_id, allergen, category, reaction, severity FROM allergies WHERE patient_id = ? AND status = 'active' ORDER BY id", p.id),
          upcoming_appointments: ctx.db.all(`${APPOINTMENT_SELECT} WHERE a.patient_id = ? AND a.status IN ('scheduled', 'checked_in') AND a.start_at >= ? ORDER BY a.start_at`, p.id, ctx.today),
        };
      },
    }),

    // ----- providers & locations -----
    search_providers: tool({
      description:
        "Search the clinic's providers by name, specialty, location, spoken language and whether they accept new patients (all filters are case-insensitive partial matches). Returns a page with provider_id, name, specialty, languages, locations and accepting_new_patients. Providers on leave are left out unless include_inactive is true.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words of the provider's name, e.g. 'Patel' or 'Wei Zhang'. Empty matches everyone.")), ""),
        specialty: v.optional(v.pipe(v.string(), v.description("Specialty name or part of it, e.g. 'Dermatology', 'Pediatrics', 'Nursing'.")), ""),
        location: v.optional(v.pipe(v.string(), v.description("Location name or city, e.g. 'Oakland' or 'Walnut Creek'.")), ""),
        location_id: v.optional(Id("Only providers who work at this location (from list_locations).")),
        language: v.optional(v.pipe(v.string(), v.description("A language the provider speaks, e.g. 'Spanish' or 'Mandarin'.")), ""),
        accepting_new_patients: v.optional(v.pipe(v.boolean(), v.description("true: only providers accepting new patients; false: only those who are not. Omit for both."))),
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list providers on leave or retired (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(p.first_name LIKE ? OR p.last_name LIKE ? OR p.credentials LIKE ?)");
          params.push(w, w, w);
        }
        if (a.specialty.trim()) {
          where.push("s.name LIKE ?");
          params.push(`%${a.specialty.trim()}%`);
        }
        if (a.location.trim()) {
          const loc = locationCondition(a.location, "l");
          where.push(`EXISTS (SELECT 1 FROM provider_locations pl JOIN locations l ON l.id = pl.location_id WHERE pl.provider_id = p.id AND ${loc.sql})`);
          params.push(...loc.params);
        }
        if (a.location_id !== undefined) {
          if (!ctx.db.get("SELECT 1 FROM locations WHERE id = ?", a.location_id)) throw new ToolError(`location ${a.location_id} not found`);
          where.push("EXISTS (SELECT 1 FROM provider_locations pl WHERE pl.provider_id = p.id AND pl.location_id = ?)");
          params.push(a.location_id);
        }
        if (a.language.trim()) {
          where.push("EXISTS (SELECT 1 FROM provider_languages x WHERE x.provider_id = p.id AND x.language LIKE ?)");
          params.push(`%${a.language.trim()}%`);
        }
        if (a.accepting_new_patients !== undefined) {
          where.push("p.accepting_new_patients = ?");
          params.push(a.accepting_new_patients ? 1 : 0);
        }
        if (!a.include_inactive) where.push("p.status = 'active'");
        const from = `FROM providers p JOIN specialties s ON s.id = p.specialty_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        return page(
          ctx.db,
          `SELECT p.id AS provider_id, p.first_name || ' ' || p.last_name || ', ' || p.credentials AS name, s.name AS specialty, p.gender,
             p.accepting_new_patients, p.status,
             (SELECT group_concat(language, ', ') FROM (SELECT language FROM provider_languages x WHERE x.provider_id = p.id ORDER BY x.id)) AS languages,
             (SELECT group_concat(name, '; ') FROM (SELECT l.name FROM provider_locations pl JOIN locations l ON l.id = pl.location_id WHERE pl.provider_id = p.id ORDER BY pl.id)) AS locations
           ${from} ORDER BY s.name, p.last_name, p.first_name`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_provider: tool({
      description:
        "Get one provider's profile: specialty, bio, languages, the locations and weekdays they work, whether they accept new patients, the appointment types they offer and their next 5 open slots. Errors if the provider does not exist.",
      input: v.object({ provider_id: Id("The provider's id (from search_providers).") }),
      handler: ({ provider_id }, ctx) => {
        const p = getProvider(ctx.db, provider_id);
        const bio = ctx.db.get<{ bio: string; gender: string }>("SELECT bio, gender FROM providers WHERE id = ?", provider_id)!;
        return {
          provider_id: p.id,
          name: providerName(p),
          credentials: p.credentials,
          specialty: p.specialty,
          gender: bio.gender,
          bio: bio.bio,
          status: p.status,
          accepting_new_patients: p.accepting_new_patients === 1,
          languages: ctx.db.all<{ language: string }>("SELECT language FROM provider_languages WHERE provider_id = ? ORDER BY id", provider_id).map((r) => r.language),
          locations: ctx.db.all(
            "SELECT l.id AS location_id, l.name, l.address_line || ', ' || l.city AS address, pl.days FROM provider_locations pl JOIN locations l ON l.id = pl.location_id WHERE pl.provider_id = ? ORDER BY pl.id",
            provider_id,
          ),
          appointment_types: ctx.db.all(
            `SELECT t.id AS appointment_type_id, t.name, t.duration_minutes, t.visit_mode, t.patient_status, t.requires_referral
             FROM appointment_types t JOIN appointment_type_specialties ts ON ts.appointment_type_id = t.id WHERE ts.specialty_id = ? ORDER BY t.id`,
            p.specialty_id,
          ),
          next_open_slots: ctx.db.all(
            `SELECT sl.id AS slot_id, sl.start_at, sl.duration_minutes, sl.visit_mode, l.name AS location_name FROM appointment_slots sl JOIN locations l ON l.id = sl.location_id
             WHERE sl.provider_id = ? AND sl.status = 'available' AND sl.start_at > ?
               AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = sl.id AND a.status IN ('scheduled', 'checked_in'))
             ORDER BY sl.start_at LIMIT 5`,
            provider_id,
            ctx.timestamp,
          ),
        };
      },
    }),

    list_locations: tool({
      description: "List the clinic's locations with address, phone, opening hours and whether they have an on-site lab, optionally filtered by name or city. Returns a page with location_id.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words of the location name, street or city, e.g. 'Oakland' or 'Telegraph'. Empty lists all.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) => {
        const loc = locationCondition(query, "l");
        return page(
          ctx.db,
          `SELECT l.id AS location_id, l.name, l.address_line, l.city, l.state, l.postal_code, l.phone, l.hours, l.has_lab,
             (SELECT count(*) FROM provider_locations pl JOIN providers p ON p.id = pl.provider_id WHERE pl.location_id = l.id AND p.status = 'active') AS provider_count
           FROM locations l WHERE ${loc.sql} ORDER BY l.id`,
          `SELECT count(*) AS n FROM locations l WHERE ${loc.sql}`,
          loc.params,
          limit,
          offset,
        );
      },
    }),

    list_appointment_types: tool({
      description:
        "List the kinds of appointment you can book: name, duration, visit mode (in_person, video or either), who it is for (new/established patients, ages), whether it needs a referral, and which specialties offer it. Returns a page with appointment_type_id.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Part of the type name or code, e.g. 'flu', 'physical', 'new patient'. Empty lists all.")), ""),
        specialty: v.optional(v.pipe(v.string(), v.description("Only types offered by this specialty (partial name), e.g. 'Dermatology'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, specialty, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: string[] = [];
        for (const w of likeWords(query)) {
          where.push("(t.name LIKE ? OR t.code LIKE ? OR t.description LIKE ?)");
          params.push(w, w, w);
        }
        if (specialty.trim()) {
          where.push("EXISTS (SELECT 1 FROM appointment_type_specialties ts JOIN specialties s ON s.id = ts.specialty_id WHERE ts.appointment_type_id = t.id AND s.name LIKE ?)");
          params.push(`%${specialty.trim()}%`);
        }
        const from = `FROM appointment_types t ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        return page(
          ctx.db,
          `SELECT t.id AS appointment_type_id, t.name, t.code, t.duration_minutes, t.visit_mode, t.patient_status, t.min_age_years, t.max_age_years,
             t.requires_referral, t.description,
             (SELECT group_concat(name, ', ') FROM (SELECT s.name FROM appointment_type_specialties ts JOIN specialties s ON s.id = ts.specialty_id WHERE ts.appointment_type_id = t.id ORDER BY s.id)) AS specialties
           ${from} ORDER BY t.id`,
          `SELECT count(*) AS n ${from}`,
          params,
          limit,
          offset,
        );
      },
    }),

    // ----- scheduling -----
    find_open_slots: tool({
      description:
        "Find open, bookable slots for an appointment type, earliest first, with optional provider, specialty, location, date range, part of day (morning before 12:00, afternoon 12:00-17:00, evening after) and visit mode filters. A slot qualifies when it is long enough for the type, its provider's specialty offers the type and the visit mode fits; with patient_id it also leaves out providers that patient cannot book (not accepting new patients, new/established rules) and times that clash with the patient's other appointments. Errors if the type does not exist, or the patient is outside its age range or lacks a required referral.",
      input: v.object({
        appointment_type_id: Id("The appointment type (from list_appointment_types)."),
        patient_id: v.optional(Id("The patient the visit is for (from list_patients); recommended, so that only slots they can book are shown.")),
        provider_id: v.optional(Id("Only this provider.")),
        specialty: v.optional(v.pipe(v.string(), v.description("Only providers of this specialty (partial name), e.g. 'Nursing'.")), ""),
        location: v.optional(v.pipe(v.string(), v.description("Only this location: words of its name or city, e.g. 'Oakland'.")), ""),
        location_id: v.optional(Id("Only this location (from list_locations).")),
        date_from: v.optional(DateText("Earliest date, YYYY-MM-DD (default today).")),
        date_to: v.optional(DateText("Latest date, YYYY-MM-DD, inclusive (default: no limit).")),
        part_of_day: v.optional(v.pipe(v.picklist(["any", "morning", "afternoon", "evening"]), v.description("Only slots starting in this part of the day (default any).")), "any"),
        visit_mode: v.optional(v.pipe(v.picklist(["any", "in_person", "video"]), v.description("Only slots that can be this kind of visit (default any).")), "any"),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const type = getType(ctx.db, a.appointment_type_id);
        const patient = a.patient_id !== undefined ? getPatient(ctx, a.patient_id) : null;
        if (a.provider_id !== undefined) getProvider(ctx.db, a.provider_id);
        if (a.location_id !== undefined && !ctx.db.get("SELECT 1 FROM locations WHERE id = ?", a.location_id)) throw new ToolError(`location ${a.location_id} not found`);
        if (a.date_from) assertDate(a.date_from, "date_from");
        if (a.date_to) assertDate(a.date_to, "date_to");
        if (patient) {
          const age = ageOn(patient.date_of_birth, a.date_from ?? ctx.today);
          if (age < type.min_age_years || (type.max_age_years !== null && age > type.max_age_years)) {
            const range = type.max_age_years === null ? `${type.min_age_years} and older` : `ages ${type.min_age_years}-${type.max_age_years}`;
            throw new ToolError(`${type.name} is for patients ${range}; ${fullName(patient)} is ${age}`);
          }
          if (type.requires_referral && !ctx.db.get("SELECT 1 FROM referrals r JOIN appointment_type_specialties ts ON ts.specialty_id = r.specialty_id WHERE ts.appointment_type_id = ? AND r.patient_id = ? AND r.status = 'approved' AND (r.valid_until IS NULL OR r.valid_until >= ?)", type.id, patient.id, ctx.today)) {
            throw new ToolError(`${type.name} needs an approved referral and ${fullName(patient)} has none; see list_referrals`);
          }
        }
        const where = [
          "sl.status = 'available'",
          "sl.start_at > ?",
          "sl.duration_minutes >= ?",
          "p.status = 'active'",
          "p.specialty_id IN (SELECT specialty_id FROM appointment_type_specialties WHERE appointment_type_id = ?)",
          "NOT EXISTS (SELECT 1 FROM appointments x WHERE x.slot_id = sl.id AND x.status IN ('scheduled', 'checked_in'))",
        ];
        const params: (string | number)[] = [ctx.timestamp, type.duration_minutes, type.id];
        if (type.visit_mode !== "either") {
          where.push("sl.visit_mode IN ('either', ?)");
          params.push(type.visit_mode);
        }
        if (a.visit_mode !== "any") {
          if (type.visit_mode !== "either" && type.visit_mode !== a.visit_mode) throw new ToolError(`${type.name} is ${type.visit_mode.replace("_", "-")} only`);
          where.push("sl.visit_mode IN ('either', ?)");
          params.push(a.visit_mode);
        }
        if (a.provider_id !== undefined) {
          where.push("sl.provider_id = ?");
          params.push(a.provider_id);
        }
        if (a.specialty.trim()) {
          where.push("s.name LIKE ?");
          params.push(`%${a.specialty.trim()}%`);
        }
        if (a.location.trim()) {
          const loc = locationCondition(a.location, "l");
          where.push(loc.sql);
          params.push(...loc.params);
        }
        if (a.location_id !== undefined) {
          where.push("sl.location_id = ?");
          params.push(a.location_id);
        }
        if (a.date_from) {
          where.push("sl.start_at >= ?");
          params.push(`${a.date_from} 00:00:00`);
        }
        if (a.date_to) {
          where.push("sl.start_at < ?");
          params.push(`${addDays(a.date_to, 1)} 00:00:00`);
        }
        if (a.part_of_day === "morning") where.push("substr(sl.start_at, 12, 2) < '12'");
        if (a.part_of_day === "afternoon") where.push("substr(sl.start_at, 12, 2) >= '12' AND substr(sl.start_at, 12, 2) < '17'");
        if (a.part_of_day === "evening") where.push("substr(sl.start_at, 12, 2) >= '17'");
        const rows = ctx.db.all<{ slot_id: number; provider_id: number; start_at: string; duration_minutes: number; slot_mode: string } & Record<string, unknown>>(
          `SELECT sl.id AS slot_id, sl.start_at, sl.duration_minutes, sl.visit_mode AS slot_mode, sl.provider_id,
             p.first_name || ' ' || p.last_name || ', ' || p.credentials AS provider_name, s.name AS specialty, p.accepting_new_patients,
             sl.location_id, l.name AS location_name
           FROM appointment_slots sl JOIN providers p ON p.id = sl.provider_id JOIN specialties s ON s.id = p.specialty_id JOIN locations l ON l.id = sl.location_id
           WHERE ${where.join(" AND ")} ORDER BY sl.start_at, sl.provider_id`,
          ...params,
        );
        const usable = rows.filter((r) => {
          if (!patient) return true;
          const provider = getProvider(ctx.db, r.provider_id);
          if (eligibilityProblem(ctx.db, patient, provider, type, r.start_at.slice(0, 10))) return false;
          return !patientConflict(ctx.db, patient.id, r.start_at, addMinutes(r.start_at, type.duration_minutes));
        });
        const items = usable.slice(a.offset, a.offset + a.limit).map(({ slot_mode, ...r }) => ({
          ...r,
          weekday: weekday(r.start_at),
          part_of_day: partOfDay(r.start_at),
          visit_end_at: addMinutes(r.start_at, type.duration_minutes),
          visit_modes: modesFor(type.visit_mode, slot_mode),
        }));
        const next = a.offset + items.length < usable.length ? a.offset + items.length : null;
        return { appointment_type: { appointment_type_id: type.id, name: type.name, duration_minutes: type.duration_minutes }, items, total: usable.length, limit: a.limit, offset: a.offset, next_offset: next };
      },
    }),

    book_appointment: tool({
      description:
        "Book an appointment in an open slot for yourself or a dependent on your account. Checks that the slot is free and in the future, long enough for the appointment type, that the visit mode fits, the provider offers the type, the patient's age, new/established status and referral requirements, and that the patient has no overlapping appointment. Returns the booked appointment with its appointment_id.",
      input: v.object({
        patient_id: Id("Who the visit is for (from list_patients)."),
        slot_id: Id("The open slot to book (from find_open_slots)."),
        appointment_type_id: Id("The kind of visit (from list_appointment_types)."),
        reason: Text("Reason for the visit in the patient's words, e.g. 'Flu shot' or 'Mole on my back'.", 500),
        visit_mode: v.optional(v.pipe(v.picklist(["in_person", "video"]), v.description("in_person or video; default: in_person when the slot and type allow it, else video."))),
      }),
      handler: (a, ctx) => {
        const patient = getPatient(ctx, a.patient_id);
        const type = getType(ctx.db, a.appointment_type_id);
        const { slot, mode, end } = assertBookable(ctx, patient, a.slot_id, type, a.visit_mode);
        const id = ctx.db.run(
          `INSERT INTO appointments (patient_id, provider_id, location_id, slot_id, appointment_type_id, visit_mode, start_at, end_at, status, reason, booked_by_user_id, booked_at, reschedule_count, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, 0, ?)`,
          patient.id,
          slot.provider_id,
          slot.location_id,
          slot.id,
          type.id,
          mode,
          slot.start_at,
          end,
          a.reason,
          ctx.userId,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return appointmentDetail(ctx, id);
      },
    }),

    reschedule_appointment: tool({
      description:
        "Move a scheduled appointment to another open slot (same appointment type; the provider may change if they offer the type). Allowed online until 24 hours before the current start time. The new slot is checked like a new booking. Returns the updated appointment. Errors if the appointment is not yours, not scheduled, too close to its start, or the new slot does not fit.",
      input: v.object({
        appointment_id: Id("The appointment to move (from list_appointments)."),
        new_slot_id: Id("The open slot to move it to (from find_open_slots)."),
        visit_mode: v.optional(v.pipe(v.picklist(["in_person", "video"]), v.description("Visit mode in the new slot; default: keep the current mode if the new slot allows it."))),
      }),
      handler: (a, ctx) => {
        const appt = getAppointment(ctx, a.appointment_id);
        if (appt.status !== "scheduled") throw new ToolError(`appointment ${appt.id} is ${appt.status.replace("_", " ")} and cannot be rescheduled`);
        if (hoursUntil(ctx, appt.start_at) < CANCEL_WINDOW_HOURS) {
          const phone = ctx.db.get<{ phone: string }>("SELECT phone FROM locations WHERE id = ?", appt.location_id)!.phone;
          throw new ToolError(`appointment ${appt.id} starts at ${appt.start_at}, less than ${CANCEL_WINDOW_HOURS} hours from now; call the clinic at ${phone} to change it`);
        }
        if (a.new_slot_id === appt.slot_id) throw new ToolError(`appointment ${appt.id} is already in slot ${a.new_slot_id}`);
        const patient = getPatient(ctx, appt.patient_id);
        const type = getType(ctx.db, appt.appointment_type_id);
        const probe = ctx.db.get<{ visit_mode: string }>("SELECT visit_mode FROM appointment_slots WHERE id = ?", a.new_slot_id);
        const keep = probe && modesFor(type.visit_mode, probe.visit_mode).includes(appt.visit_mode) ? appt.visit_mode : undefined;
        const { slot, mode, end } = assertBookable(ctx, patient, a.new_slot_id, type, a.visit_mode ?? keep, appt.id);
        ctx.db.run(
          `UPDATE appointments SET slot_id = ?, provider_id = ?, location_id = ?, start_at = ?, end_at = ?, visit_mode = ?, reschedule_count = reschedule_count + 1, updated_at = ? WHERE id = ?`,
          slot.id,
          slot.provider_id,
          slot.location_id,
          slot.start_at,
          end,
          mode,
          ctx.timestamp,
          appt.id,
        );
        return { previous_start_at: appt.start_at, previous_slot_id: appt.slot_id, ...appointmentDetail(ctx, appt.id) };
      },
    }),

    cancel_appointment: tool({
      description:
        "Cancel a scheduled appointment for yourself or a dependent. Online cancellation closes 24 hours before the start time (after that, call the location). Returns the cancelled appointment. Errors if it is not yours, not scheduled, or inside the 24-hour window.",
      input: v.object({
        appointment_id: Id("The appointment to cancel (from list_appointments)."),
        reason: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Why it is cancelled (optional).")), ""),
      }),
      handler: ({ appointment_id, reason }, ctx) => {
        const appt = getAppointment(ctx, appointment_id);
        if (appt.status !== "scheduled") throw new ToolError(`appointment ${appt.id} is ${appt.status.replace("_", " ")} and cannot be cancelled`);
        if (hoursUntil(ctx, appt.start_at) < CANCEL_WINDOW_HOURS) {
          const phone = ctx.db.get<{ phone: string }>("SELECT phone FROM locations WHERE id = ?", appt.location_id)!.phone;
          throw new ToolError(`appointment ${appt.id} starts at ${appt.start_at}, less than ${CANCEL_WINDOW_HOURS} hours from now; online cancellation is closed, call the clinic at ${phone}`);
        }
        ctx.db.run("UPDATE appointments SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?", ctx.timestamp, reason.trim() || null, ctx.timestamp, appt.id);
        return appointmentDetail(ctx, appt.id);
      },
    }),

    check_in_appointment: tool({
      description:
        "Check in online for a scheduled appointment. Available on the day of the visit until 15 minutes after its start time. Returns the appointment with the estimated copay from the patient's current primary insurance (and the video link for video visits). Errors if it is not yours, not scheduled, not today, or too late.",
      input: v.object({ appointment_id: Id("The appointment to check in for (from list_appointments).") }),
      handler: ({ appointment_id }, ctx) => {
        const appt = getAppointment(ctx, appointment_id);
        if (appt.status === "checked_in") throw new ToolError(`appointment ${appt.id} is already checked in`);
        if (appt.status !== "scheduled") throw new ToolError(`appointment ${appt.id} is ${appt.status.replace("_", " ")}`);
        if (appt.start_at.slice(0, 10) !== ctx.today) throw new ToolError(`appointment ${appt.id} is on ${appt.start_at.slice(0, 10)}; online check-in opens on the day of the visit`);
        if (ctx.timestamp > addMinutes(appt.start_at, CHECK_IN_GRACE_MINUTES)) throw new ToolError(`appointment ${appt.id} started at ${appt.start_at}; online check-in has closed, please see the front desk`);
        ctx.db.run("UPDATE appointments SET status = 'checked_in', checked_in_at = ?, updated_at = ? WHERE id = ?", ctx.timestamp, ctx.timestamp, appt.id);
        const type = getType(ctx.db, appt.appointment_type_id);
        const provider = getProvider(ctx.db, appt.provider_id);
        const coverage = insuranceRows(ctx, "pi.patient_id = ? AND pi.coverage_order = 'primary' AND pi.effective_date <= ? AND (pi.end_date IS NULL OR pi.end_date >= ?)", [appt.patient_id, ctx.today, ctx.today])[0] as unknown as
          | { carrier: string; plan_name: string; primary_care_copay_cents: number; specialist_copay_cents: number }
          | undefined;
        const copay = !coverage ? null : PREVENTIVE_CODES.has(type.code) ? 0 : provider.is_primary_care ? coverage.primary_care_copay_cents : coverage.specialist_copay_cents;
        return {
          ...appointmentDetail(ctx, appt.id),
          insurance_on_file: coverage ? `${coverage.carrier} ${coverage.plan_name}` : null,
          estimated_copay_cents: copay,
          estimated_copay: copay === null ? "no active insurance on file: self-pay rates apply" : money(copay),
        };
      },
    }),

    list_appointments: tool({
      description:
        "List appointments for you and your dependents, optionally for one patient, by status, upcoming/past, date range or provider name. Upcoming is soonest first; past and all are most recent first. Returns a page with appointment_id, patient, provider, type, location, visit mode, times, status and reason.",
      input: v.object({
        patient_id: PatientFilter,
        when: v.optional(v.pipe(v.picklist(["upcoming", "past", "all"]), v.description("upcoming (from now on), past, or all (default all).")), "all"),
        status: v.optional(v.pipe(v.picklist(APPOINTMENT_STATUSES), v.description("Only appointments in this status."))),
        date_from: v.optional(DateText("Only appointments on or after this date, YYYY-MM-DD.")),
        date_to: v.optional(DateText("Only appointments on or before this date, YYYY-MM-DD.")),
        provider: v.optional(v.pipe(v.string(), v.description("Part of the provider's name, e.g. 'Patel'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "a.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.when === "upcoming") {
          where.push("a.end_at >= ?");
          params.push(ctx.timestamp);
        }
        if (a.when === "past") {
          where.push("a.end_at < ?");
          params.push(ctx.timestamp);
        }
        if (a.status) {
          where.push("a.status = ?");
          params.push(a.status);
        }
        if (a.date_from) {
          where.push("a.start_at >= ?");
          params.push(`${a.date_from} 00:00:00`);
        }
        if (a.date_to) {
          where.push("a.start_at < ?");
          params.push(`${addDays(a.date_to, 1)} 00:00:00`);
        }
        for (const w of likeWords(a.provider)) {
          where.push("(pr.first_name LIKE ? OR pr.last_name LIKE ?)");
          params.push(w, w);
        }
        const cond = where.join(" AND ");
        const res = page(
          ctx.db,
          `${APPOINTMENT_SELECT} WHERE ${cond} ORDER BY a.start_at ${a.when === "upcoming" ? "ASC" : "DESC"}, a.id`,
          `SELECT count(*) AS n FROM appointments a JOIN providers pr ON pr.id = a.provider_id WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
        res.items = (res.items as { start_at: string }[]).map((r) => ({ ...r, weekday: weekday(r.start_at) }));
        return res;
      },
    }),

    get_appointment: tool({
      description:
        "Get one appointment with its provider, location address and phone, type, visit mode, status, reason, whether it can still be cancelled or rescheduled online (deadline 24 hours before), the lab orders placed at it and its bill. Errors if it is not yours.",
      input: v.object({ appointment_id: Id("The appointment's id (from list_appointments).") }),
      handler: ({ appointment_id }, ctx) => ({
        ...appointmentDetail(ctx, appointment_id),
        lab_orders: ctx.db.all("SELECT id AS lab_order_id, panel_name, status, resulted_at FROM lab_orders WHERE appointment_id = ? ORDER BY id", appointment_id),
        bills: ctx.db.all(
          "SELECT id AS bill_id, statement_number, status, patient_responsibility_cents - paid_cents AS balance_cents FROM bills WHERE appointment_id = ? ORDER BY id",
          appointment_id,
        ),
      }),
    }),

    // ----- medications & pharmacies -----
    list_prescriptions: tool({
      description:
        "List prescriptions for you and your dependents, optionally for one patient, by status or medication name. Returns a page with prescription_id, medication, strength, directions, refills remaining, expiry, the pharmacy it is sent to and whether a refill can be requested now (with the reason if not).",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(PRESCRIPTION_STATUSES), v.description("Only prescriptions in this status."))),
        query: v.optional(v.pipe(v.string(), v.description("Part of the medication name, e.g. 'lisinopril'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "rx.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("rx.status = ?");
          params.push(a.status);
        }
        for (const w of likeWords(a.query)) {
          where.push("rx.medication_name LIKE ?");
          params.push(w);
        }
        const cond = where.join(" AND ");
        const res = page(
          ctx.db,
          `SELECT rx.id AS prescription_id, rx.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, rx.medication_name, rx.strength, rx.dosage_form,
             rx.directions, rx.quantity, rx.days_supply, rx.refills_authorized, rx.refills_remaining, rx.status, rx.written_on, rx.expires_on, rx.last_filled_on,
             rx.prescriber_id, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS prescriber,
             rx.pharmacy_id, ph.name || ', ' || ph.address_line || ', ' || ph.city AS pharmacy
           FROM prescriptions rx JOIN patients pa ON pa.id = rx.patient_id JOIN providers pr ON pr.id = rx.prescriber_id LEFT JOIN pharmacies ph ON ph.id = rx.pharmacy_id
           WHERE ${cond} ORDER BY rx.status <> 'active', rx.patient_id, rx.medication_name, rx.written_on DESC`,
          `SELECT count(*) AS n FROM prescriptions rx WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
        res.items = (res.items as unknown as (PrescriptionRow & { prescription_id: number })[]).map((r) => {
          const blocker = prescriptionBlocker(ctx, { ...r, id: r.prescription_id });
          return { ...r, can_request_refill: blocker === null, refill_note: blocker };
        });
        return res;
      },
    }),

    request_refill: tool({
      description:
        "Request a refill of a prescription and send it to a pharmacy (default: the pharmacy the prescription is already sent to, else the patient's preferred pharmacy). Uses one of the remaining refills and routes the prescription to that pharmacy. Errors if the prescription is not yours, is discontinued, completed or expired, has no refills left, already has a refill in progress, or the pharmacy does not accept e-prescriptions.",
      input: v.object({
        prescription_id: Id("The prescription to refill (from list_prescriptions)."),
        pharmacy_id: v.optional(Id("The pharmacy to send it to (from search_pharmacies).")),
        note: v.optional(v.pipe(v.string(), v.maxLength(300), v.description("Optional note for the pharmacy.")), ""),
      }),
      handler: ({ prescription_id, pharmacy_id, note }, ctx) => {
        const rx = ctx.db.get<PrescriptionRow>(
          "SELECT rx.* FROM prescriptions rx JOIN patients p ON p.id = rx.patient_id WHERE rx.id = ? AND p.account_user_id = ?",
          prescription_id,
          ctx.userId,
        );
        if (!rx) throw new ToolError(`prescription ${prescription_id} not found`);
        const pharmacyId = pharmacy_id ?? rx.pharmacy_id ?? getPatient(ctx, rx.patient_id).preferred_pharmacy_id;
        if (pharmacyId === null) throw new ToolError("no pharmacy on file for this prescription; pass pharmacy_id");
        const pharmacy = getPharmacy(ctx.db, pharmacyId);
        const blocker = prescriptionBlocker(ctx, rx);
        if (blocker) throw new ToolError(blocker);
        if (!pharmacy.accepts_e_prescriptions) throw new ToolError(`${pharmacyLabel(pharmacy)} does not accept electronic prescriptions; choose another pharmacy`);
        const id = ctx.db.run(
          "INSERT INTO refill_requests (prescription_id, pharmacy_id, requested_by_user_id, status, note, requested_at, updated_at) VALUES (?, ?, ?, 'sent_to_pharmacy', ?, ?, ?)",
          rx.id,
          pharmacy.id,
          ctx.userId,
          note.trim(),
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        ctx.db.run("UPDATE prescriptions SET refills_remaining = refills_remaining - 1, pharmacy_id = ? WHERE id = ?", pharmacy.id, rx.id);
        return {
          refill_request_id: id,
          prescription_id: rx.id,
          medication: `${rx.medication_name} ${rx.strength}`,
          pharmacy_id: pharmacy.id,
          pharmacy: pharmacyLabel(pharmacy),
          status: "sent_to_pharmacy",
          refills_remaining: rx.refills_remaining - 1,
          requested_at: ctx.timestamp,
        };
      },
    }),

    list_refill_requests: tool({
      description: "List refill requests for you and your dependents, newest first, optionally for one patient or by status. Returns a page with refill_request_id, medication, pharmacy, status and dates.",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(REFILL_STATUSES), v.description("Only requests in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "rx.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("rr.status = ?");
          params.push(a.status);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT rr.id AS refill_request_id, rr.prescription_id, rx.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name,
             rx.medication_name || ' ' || rx.strength AS medication, rr.pharmacy_id, ph.name || ', ' || ph.address_line || ', ' || ph.city AS pharmacy,
             rr.status, rr.note, rr.requested_at, rr.updated_at
           FROM refill_requests rr JOIN prescriptions rx ON rx.id = rr.prescription_id JOIN patients pa ON pa.id = rx.patient_id JOIN pharmacies ph ON ph.id = rr.pharmacy_id
           WHERE ${cond} ORDER BY rr.requested_at DESC, rr.id DESC`,
          `SELECT count(*) AS n FROM refill_requests rr JOIN prescriptions rx ON rx.id = rr.prescription_id WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    cancel_refill_request: tool({
      description:
        "Cancel a refill request that the pharmacy has not filled yet (status sent_to_pharmacy); the refill is given back to the prescription. Returns the cancelled request. Errors if it is not yours or is already ready, picked up, denied or cancelled.",
      input: v.object({ refill_request_id: Id("The refill request to cancel (from list_refill_requests).") }),
      handler: ({ refill_request_id }, ctx) => {
        const rr = ctx.db.get<{ id: number; prescription_id: number; status: string }>(
          "SELECT rr.id, rr.prescription_id, rr.status FROM refill_requests rr JOIN prescriptions rx ON rx.id = rr.prescription_id JOIN patients p ON p.id = rx.patient_id WHERE rr.id = ? AND p.account_user_id = ?",
          refill_request_id,
          ctx.userId,
        );
        if (!rr) throw new ToolError(`refill request ${refill_request_id} not found`);
        if (rr.status !== "sent_to_pharmacy") throw new ToolError(`refill request ${rr.id} is ${rr.status.replace(/_/g, " ")} and can no longer be cancelled`);
        ctx.db.run("UPDATE refill_requests SET status = 'cancelled', updated_at = ? WHERE id = ?", ctx.timestamp, rr.id);
        ctx.db.run("UPDATE prescriptions SET refills_remaining = MIN(refills_authorized, refills_remaining + 1) WHERE id = ?", rr.prescription_id);
        const rx = ctx.db.get<{ refills_remaining: number }>("SELECT refills_remaining FROM prescriptions WHERE id = ?", rr.prescription_id)!;
        return { refill_request_id: rr.id, prescription_id: rr.prescription_id, status: "cancelled", refills_remaining: rx.refills_remaining };
      },
    }),

    search_pharmacies: tool({
      description:
        "Search pharmacies by words in the name, chain, street address or city (every word must match; 'Street'/'Avenue' also match 'St'/'Ave'), optionally only 24-hour or mail-order ones. Returns a page with pharmacy_id, name, address, phone and whether it accepts e-prescriptions.",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words to match, e.g. 'Walgreens Main Street' or 'CVS Oakland'. Empty lists all.")), ""),
        open_24_hours: v.optional(v.pipe(v.boolean(), v.description("Only 24-hour pharmacies (default false).")), false),
        mail_order: v.optional(v.pipe(v.boolean(), v.description("true: only mail-order pharmacies; false: only walk-in ones. Omit for both."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        for (const w of likeWords(a.query)) {
          where.push("(name LIKE ? OR IFNULL(chain, '') LIKE ? OR address_line LIKE ? OR city LIKE ? OR postal_code LIKE ?)");
          params.push(w, w, w, w, w);
        }
        if (a.open_24_hours) where.push("is_24_hour = 1");
        if (a.mail_order !== undefined) {
          where.push("is_mail_order = ?");
          params.push(a.mail_order ? 1 : 0);
        }
        const from = `FROM pharmacies ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        return page(
          ctx.db,
          `SELECT id AS pharmacy_id, name, chain, address_line, city, state, postal_code, phone, is_24_hour, is_mail_order, accepts_e_prescriptions ${from} ORDER BY name, city, address_line`,
          `SELECT count(*) AS n ${from}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    set_preferred_pharmacy: tool({
      description:
        "Set a patient's preferred pharmacy (used for new prescriptions and as the default for refills of prescriptions without a pharmacy). Existing prescriptions keep their pharmacy. Returns the patient and new preferred pharmacy. Errors if the patient or pharmacy does not exist or the pharmacy does not accept e-prescriptions.",
      input: v.object({
        patient_id: Id("The patient (from list_patients)."),
        pharmacy_id: Id("The pharmacy (from search_pharmacies)."),
      }),
      handler: ({ patient_id, pharmacy_id }, ctx) => {
        const p = getPatient(ctx, patient_id);
        const ph = getPharmacy(ctx.db, pharmacy_id);
        if (!ph.accepts_e_prescriptions) throw new ToolError(`${pharmacyLabel(ph)} does not accept electronic prescriptions and cannot be a preferred pharmacy`);
        if (p.preferred_pharmacy_id === ph.id) throw new ToolError(`${pharmacyLabel(ph)} is already ${fullName(p)}'s preferred pharmacy`);
        ctx.db.run("UPDATE patients SET preferred_pharmacy_id = ?, updated_at = ? WHERE id = ?", ph.id, ctx.timestamp, p.id);
        return { patient_id: p.id, patient_name: fullName(p), preferred_pharmacy_id: ph.id, preferred_pharmacy: pharmacyLabel(ph) };
      },
    }),

    // ----- labs -----
    list_lab_orders: tool({
      description:
        "List lab orders (panels) for you and your dependents, newest first, optionally for one patient, by status or panel name. Pending orders (ordered/collected) have no results yet. Returns a page with lab_order_id, panel, status, dates, ordering provider and how many results are flagged.",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(LAB_ORDER_STATUSES), v.description("Only orders in this status."))),
        query: v.optional(v.pipe(v.string(), v.description("Part of the panel name, e.g. 'lipid' or 'strep'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "o.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("o.status = ?");
          params.push(a.status);
        }
        for (const w of likeWords(a.query)) {
          where.push("o.panel_name LIKE ?");
          params.push(w);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT o.id AS lab_order_id, o.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, o.panel_name, o.status, o.ordered_at, o.collected_at, o.resulted_at,
             pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS ordering_provider,
             (SELECT count(*) FROM lab_results r WHERE r.lab_order_id = o.id) AS result_count,
             (SELECT count(*) FROM lab_results r WHERE r.lab_order_id = o.id AND r.flag <> 'normal') AS flagged_count
           FROM lab_orders o JOIN patients pa ON pa.id = o.patient_id JOIN providers pr ON pr.id = o.ordering_provider_id
           WHERE ${cond} ORDER BY o.ordered_at DESC, o.id DESC`,
          `SELECT count(*) AS n FROM lab_orders o WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_lab_order: tool({
      description:
        "Get one lab order with every result: value, unit, reference range and flag (normal, low, high, abnormal, critical), plus the ordering provider's comment. Errors if the order is not yours.",
      input: v.object({ lab_order_id: Id("The lab order's id (from list_lab_orders or list_lab_results).") }),
      handler: ({ lab_order_id }, ctx) => {
        const o = ctx.db.get<Record<string, unknown>>(
          `SELECT o.id AS lab_order_id, o.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, o.panel_name, o.status, o.ordered_at, o.collected_at, o.resulted_at,
             o.ordering_provider_id, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS ordering_provider, l.name AS location_name, o.appointment_id, o.provider_comment
           FROM lab_orders o JOIN patients pa ON pa.id = o.patient_id JOIN providers pr ON pr.id = o.ordering_provider_id LEFT JOIN locations l ON l.id = o.location_id
           WHERE o.id = ? AND pa.account_user_id = ?`,
          lab_order_id,
          ctx.userId,
        );
        if (!o) throw new ToolError(`lab order ${lab_order_id} not found`);
        return {
          ...o,
          results: ctx.db.all(
            "SELECT id AS lab_result_id, test_name, value_text AS value, unit, reference_range, flag, resulted_at FROM lab_results WHERE lab_order_id = ? ORDER BY id",
            lab_order_id,
          ),
        };
      },
    }),

    list_lab_results: tool({
      description:
        "List individual lab test results for you and your dependents, newest first, optionally for one patient, by test or panel name, date range, or only flagged (out-of-range) results. Returns a page with lab_result_id, lab_order_id, panel, test, value, unit, reference range, flag and result date.",
      input: v.object({
        patient_id: PatientFilter,
        query: v.optional(v.pipe(v.string(), v.description("Words of the test or panel name, e.g. 'LDL', 'cholesterol', 'strep'.")), ""),
        date_from: v.optional(DateText("Only results on or after this date, YYYY-MM-DD.")),
        date_to: v.optional(DateText("Only results on or before this date, YYYY-MM-DD.")),
        flagged_only: v.optional(v.pipe(v.boolean(), v.description("Only results flagged low, high, abnormal or critical (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "o.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        for (const w of likeWords(a.query)) {
          where.push("(r.test_name LIKE ? OR o.panel_name LIKE ?)");
          params.push(w, w);
        }
        if (a.date_from) {
          where.push("r.resulted_at >= ?");
          params.push(`${a.date_from} 00:00:00`);
        }
        if (a.date_to) {
          where.push("r.resulted_at < ?");
          params.push(`${addDays(a.date_to, 1)} 00:00:00`);
        }
        if (a.flagged_only) where.push("r.flag <> 'normal'");
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT r.id AS lab_result_id, r.lab_order_id, o.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, o.panel_name, r.test_name,
             r.value_text AS value, r.unit, r.reference_range, r.flag, o.collected_at, r.resulted_at
           FROM lab_results r JOIN lab_orders o ON o.id = r.lab_order_id JOIN patients pa ON pa.id = o.patient_id
           WHERE ${cond} ORDER BY r.resulted_at DESC, r.id`,
          `SELECT count(*) AS n FROM lab_results r JOIN lab_orders o ON o.id = r.lab_order_id WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    // ----- messages -----
    list_message_threads: tool({
      description:
        "List message threads with the care team for you and your dependents, most recently active first, optionally for one patient, by status, or only those with unread replies. Returns a page with thread_id, patient, provider, subject, category, status, message count and unread count.",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(["open", "closed"]), v.description("Only open or closed threads."))),
        unread_only: v.optional(v.pipe(v.boolean(), v.description("Only threads with unread care-team replies (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "t.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("t.status = ?");
          params.push(a.status);
        }
        if (a.unread_only) where.push("EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = t.id AND m.sender_type = 'care_team' AND m.read_at IS NULL)");
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT t.id AS thread_id, t.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, t.provider_id,
             pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS provider_name, t.subject, t.category, t.status, t.created_at, t.updated_at,
             (SELECT count(*) FROM messages m WHERE m.thread_id = t.id) AS message_count,
             (SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND m.sender_type = 'care_team' AND m.read_at IS NULL) AS unread_count
           FROM message_threads t JOIN patients pa ON pa.id = t.patient_id JOIN providers pr ON pr.id = t.provider_id
           WHERE ${cond} ORDER BY t.updated_at DESC, t.id DESC`,
          `SELECT count(*) AS n FROM message_threads t WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_message_thread: tool({
      description: "Read one message thread with all its messages, oldest first; care-team replies are marked as read. Errors if the thread is not yours.",
      input: v.object({ thread_id: Id("The thread's id (from list_message_threads).") }),
      handler: ({ thread_id }, ctx) => {
        const t = threadDetail(ctx, thread_id);
        ctx.db.run("UPDATE messages SET read_at = ? WHERE thread_id = ? AND sender_type = 'care_team' AND read_at IS NULL", ctx.timestamp, thread_id);
        return {
          ...t,
          messages: ctx.db.all(
            `SELECT m.id AS message_id, m.sender_type, COALESCE(u.full_name, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials) AS sender, m.body, m.sent_at, m.read_at
             FROM messages m LEFT JOIN users u ON u.id = m.sender_user_id LEFT JOIN providers pr ON pr.id = m.sender_provider_id WHERE m.thread_id = ? ORDER BY m.sent_at, m.id`,
            thread_id,
          ),
        };
      },
    }),

    send_message: tool({
      description:
        "Start a new message thread with a provider on a patient's care team (their primary care provider, a provider they have an appointment with, or one they were referred to). Not for emergencies. Returns the new thread_id and message. Errors if the patient or provider is not found or the provider is not on the patient's care team.",
      input: v.object({
        patient_id: Id("Who the message is about (from list_patients)."),
        provider_id: Id("The provider to write to (from search_providers or the patient's appointments)."),
        subject: Text("Subject line, e.g. 'Question about Lucas's strep test'.", 150),
        body: Text("The message text.", 4000),
        category: v.optional(v.pipe(v.picklist(THREAD_CATEGORIES), v.description("Topic (default general).")), "general"),
      }),
      handler: (a, ctx) => {
        const patient = getPatient(ctx, a.patient_id);
        const provider = getProvider(ctx.db, a.provider_id);
        if (provider.status !== "active") throw new ToolError(`${providerName(provider)} is ${provider.status.replace("_", " ")} and cannot receive messages`);
        const onTeam =
          patient.primary_provider_id === provider.id ||
          !!ctx.db.get("SELECT 1 FROM appointments WHERE patient_id = ? AND provider_id = ? AND status IN ('scheduled', 'checked_in', 'completed')", patient.id, provider.id) ||
          !!ctx.db.get("SELECT 1 FROM referrals WHERE patient_id = ? AND referred_to_provider_id = ? AND status IN ('approved', 'completed')", patient.id, provider.id);
        if (!onTeam) throw new ToolError(`${providerName(provider)} is not on ${fullName(patient)}'s care team; you can message their primary care provider or providers they have appointments with`);
        const threadId = ctx.db.run(
          "INSERT INTO message_threads (patient_id, provider_id, subject, category, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?)",
          patient.id,
          provider.id,
          a.subject,
          a.category,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        const messageId = ctx.db.run(
          "INSERT INTO messages (thread_id, sender_type, sender_user_id, body, sent_at, read_at) VALUES (?, 'patient', ?, ?, ?, ?)",
          threadId,
          ctx.userId,
          a.body,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return { thread_id: threadId, message_id: messageId, patient_name: fullName(patient), provider_name: providerName(provider), subject: a.subject, category: a.category, sent_at: ctx.timestamp };
      },
    }),

    reply_to_message_thread: tool({
      description: "Add your reply to an open message thread. Returns the new message. Errors if the thread is not yours or is closed (start a new message with send_message instead).",
      input: v.object({
        thread_id: Id("The thread to reply to (from list_message_threads)."),
        body: Text("The reply text.", 4000),
      }),
      handler: ({ thread_id, body }, ctx) => {
        const t = threadDetail(ctx, thread_id);
        if (t.status !== "open") throw new ToolError(`message thread ${thread_id} is closed; start a new message with send_message`);
        const id = ctx.db.run(
          "INSERT INTO messages (thread_id, sender_type, sender_user_id, body, sent_at, read_at) VALUES (?, 'patient', ?, ?, ?, ?)",
          thread_id,
          ctx.userId,
          body,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        ctx.db.run("UPDATE message_threads SET updated_at = ? WHERE id = ?", ctx.timestamp, thread_id);
        return { thread_id, message_id: id, subject: t.subject, provider_name: t.provider_name, sent_at: ctx.timestamp };
      },
    }),

    // ----- billing -----
    list_bills: tool({
      description:
        "List bills (statements) for you and your dependents, newest service first, optionally for one patient or by status (open bills have a balance to pay; pending_insurance bills are still with the insurer). Returns a page with bill_id, statement number, description, service date, charges, insurance paid, your share, amount paid, balance and due date.",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(BILL_STATUSES), v.description("Only bills in this status."))),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "b.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("b.status = ?");
          params.push(a.status);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT b.id AS bill_id, b.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, b.appointment_id, b.statement_number, b.description, b.service_date,
             b.total_charge_cents, b.insurance_paid_cents, b.adjustment_cents, b.patient_responsibility_cents, b.paid_cents,
             b.patient_responsibility_cents - b.paid_cents AS balance_cents, b.status, b.due_date
           FROM bills b JOIN patients pa ON pa.id = b.patient_id WHERE ${cond} ORDER BY b.service_date DESC, b.id DESC`,
          `SELECT count(*) AS n FROM bills b WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    get_bill: tool({
      description: "Get one bill with its charges, insurance payments, adjustments, your share, balance, the visit it is for and the payments made on it. Errors if the bill is not yours.",
      input: v.object({ bill_id: Id("The bill's id (from list_bills).") }),
      handler: ({ bill_id }, ctx) => {
        const b = ctx.db.get<Record<string, unknown> & { balance_cents: number }>(
          `SELECT b.id AS bill_id, b.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, b.appointment_id, b.statement_number, b.description, b.service_date,
             b.total_charge_cents, b.insurance_paid_cents, b.adjustment_cents, b.patient_responsibility_cents, b.paid_cents,
             b.patient_responsibility_cents - b.paid_cents AS balance_cents, b.status, b.due_date, b.created_at
           FROM bills b JOIN patients pa ON pa.id = b.patient_id WHERE b.id = ? AND pa.account_user_id = ?`,
          bill_id,
          ctx.userId,
        );
        if (!b) throw new ToolError(`bill ${bill_id} not found`);
        return {
          ...b,
          balance: money(b.balance_cents),
          payments: ctx.db.all(
            `SELECT py.id AS payment_id, py.amount_cents, py.confirmation_code, py.status, py.paid_at, pm.brand || ' ending ' || pm.last4 AS paid_with
             FROM payments py LEFT JOIN payment_methods pm ON pm.id = py.payment_method_id WHERE py.bill_id = ? ORDER BY py.paid_at`,
            bill_id,
          ),
        };
      },
    }),

    pay_bill: tool({
      description:
        "Pay an open bill, in full (default) or in part, with one of your saved payment methods. Returns the payment confirmation and the bill's new balance; the bill becomes paid when its balance reaches 0. Errors if the bill is not yours or not open, the amount is more than the balance, or the payment method is not yours or has expired.",
      input: v.object({
        bill_id: Id("The bill to pay (from list_bills)."),
        payment_method_id: Id("The saved card or account to charge (from list_payment_methods)."),
        amount_cents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Amount to pay in cents; default: the whole balance."))),
      }),
      handler: ({ bill_id, payment_method_id, amount_cents }, ctx) => {
        const b = ctx.db.get<BillRow>("SELECT b.* FROM bills b JOIN patients p ON p.id = b.patient_id WHERE b.id = ? AND p.account_user_id = ?", bill_id, ctx.userId);
        if (!b) throw new ToolError(`bill ${bill_id} not found`);
        const pm = getPaymentMethod(ctx, payment_method_id);
        if (b.status === "pending_insurance") throw new ToolError(`bill ${b.statement_number} is still being processed by insurance; there is nothing to pay yet`);
        if (b.status !== "open") throw new ToolError(`bill ${b.statement_number} is ${b.status}; nothing is owed`);
        const balance = b.patient_responsibility_cents - b.paid_cents;
        const amount = amount_cents ?? balance;
        if (amount > balance) throw new ToolError(`the balance of bill ${b.statement_number} is ${money(balance)}; you cannot pay ${money(amount)}`);
        if (isExpired(ctx, pm)) throw new ToolError(`${pm.brand} ending ${pm.last4} expired ${String(pm.exp_month).padStart(2, "0")}/${pm.exp_year}; choose another payment method`);
        let seq = ctx.db.get<{ n: number }>("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM payments")!.n;
        let code = "";
        do code = `PAY-${(b.id * 7919 + seq++ * 104729).toString(36).toUpperCase().padStart(6, "0").slice(-6)}`;
        while (ctx.db.get("SELECT 1 FROM payments WHERE confirmation_code = ?", code));
        const id = ctx.db.run(
          "INSERT INTO payments (bill_id, user_id, payment_method_id, amount_cents, confirmation_code, status, paid_at) VALUES (?, ?, ?, ?, ?, 'succeeded', ?)",
          b.id,
          ctx.userId,
          pm.id,
          amount,
          code,
          ctx.timestamp,
        ).lastInsertRowid;
        const newBalance = balance - amount;
        ctx.db.run("UPDATE bills SET paid_cents = paid_cents + ?, status = ?, updated_at = ? WHERE id = ?", amount, newBalance === 0 ? "paid" : "open", ctx.timestamp, b.id);
        return {
          payment_id: id,
          confirmation_code: code,
          bill_id: b.id,
          statement_number: b.statement_number,
          amount_cents: amount,
          amount: money(amount),
          paid_with: `${pm.brand} ending ${pm.last4}`,
          balance_cents: newBalance,
          bill_status: newBalance === 0 ? "paid" : "open",
          paid_at: ctx.timestamp,
        };
      },
    }),

    list_payment_methods: tool({
      description: "List your saved payment methods (cards, HSA cards, bank accounts) with brand, last 4 digits, expiry, whether it is expired and whether it is the default. Returns a page with payment_method_id.",
      input: v.object({ limit: Limit, offset: Offset }),
      handler: ({ limit, offset }, ctx) => {
        const res = page(
          ctx.db,
          "SELECT id AS payment_method_id, kind, brand, last4, exp_month, exp_year, nickname, is_default FROM payment_methods WHERE user_id = ? AND status = 'active' ORDER BY is_default DESC, id",
          "SELECT count(*) AS n FROM payment_methods WHERE user_id = ? AND status = 'active'",
          [ctx.userId],
          limit,
          offset,
        );
        res.items = (res.items as unknown as PaymentMethodRow[]).map((pm) => ({ ...pm, expired: isExpired(ctx, pm) }));
        return res;
      },
    }),

    // ----- insurance -----
    search_insurance_plans: tool({
      description:
        "Search the insurance plans the clinic knows by carrier or plan name (every word must match). Returns a page with plan_id, carrier, plan name, type, copays and whether the clinic is in network (out-of-network plans cannot be added).",
      input: v.object({
        query: v.optional(v.pipe(v.string(), v.description("Words of the carrier or plan name, e.g. 'Blue Shield Gold PPO'. Empty lists all.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: ({ query, limit, offset }, ctx) => {
        const where: string[] = [];
        const params: string[] = [];
        for (const w of likeWords(query)) {
          where.push("(carrier LIKE ? OR plan_name LIKE ? OR plan_type LIKE ?)");
          params.push(w, w, w);
        }
        const from = `FROM insurance_plans ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
        return page(
          ctx.db,
          `SELECT id AS plan_id, carrier, plan_name, plan_type, payer_id, primary_care_copay_cents, specialist_copay_cents, in_network ${from} ORDER BY carrier, plan_name`,
          `SELECT count(*) AS n ${from}`,
          params,
          limit,
          offset,
        );
      },
    }),

    list_insurance: tool({
      description:
        "List insurance coverage on file for you and your dependents, optionally for one patient. Each coverage has coverage_id, plan, member and group numbers, subscriber, primary/secondary, dates and state (current, upcoming or ended; ended ones only with include_ended).",
      input: v.object({
        patient_id: PatientFilter,
        include_ended: v.optional(v.pipe(v.boolean(), v.description("Also list coverage that has ended (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "pi.patient_id", a.patient_id);
        const all = insuranceRows(ctx, scope.sql, scope.params)
          .map((c) => ({ ...c, state: coverageState(ctx, c) }))
          .filter((c) => a.include_ended || c.state !== "ended");
        const items = all.slice(a.offset, a.offset + a.limit);
        return { items, total: all.length, limit: a.limit, offset: a.offset, next_offset: a.offset + items.length < all.length ? a.offset + items.length : null };
      },
    }),

    update_insurance: tool({
      description:
        "Add new insurance coverage for a patient from an effective date. The patient's current coverage in the same position (primary or secondary) is ended the day before the new coverage starts. For a dependent on your plan, give relationship 'child' and the subscriber's name. Returns the new coverage and any coverage it ended. Errors if the plan is out of network, the dates conflict, or the same coverage is already on file.",
      input: v.object({
        patient_id: Id("Whose coverage this is (from list_patients)."),
        plan_id: Id("The insurance plan (from search_insurance_plans)."),
        member_id: Text("Member ID printed on the insurance card.", 40),
        group_number: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40), v.description("Group number on the card, if any."))),
        effective_date: DateText("First day of coverage, YYYY-MM-DD."),
        relationship_to_subscriber: v.optional(v.pipe(v.picklist(["self", "spouse", "child", "other"]), v.description("The patient's relationship to the policy holder (default self).")), "self"),
        subscriber_name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120), v.description("Policy holder's full name; required unless relationship_to_subscriber is self."))),
        coverage_order: v.optional(v.pipe(v.picklist(["primary", "secondary"]), v.description("primary (default) or secondary coverage.")), "primary"),
      }),
      handler: (a, ctx) => {
        const patient = getPatient(ctx, a.patient_id);
        const plan = ctx.db.get<{ id: number; carrier: string; plan_name: string; in_network: number }>("SELECT id, carrier, plan_name, in_network FROM insurance_plans WHERE id = ?", a.plan_id);
        if (!plan) throw new ToolError(`insurance plan ${a.plan_id} not found`);
        assertDate(a.effective_date, "effective_date");
        if (!plan.in_network) throw new ToolError(`${plan.carrier} ${plan.plan_name} is not accepted at Bayside Family Health (out of network)`);
        if (a.effective_date < addDays(ctx.today, -365)) throw new ToolError("effective_date may be at most one year in the past");
        const subscriber = a.relationship_to_subscriber === "self" ? (a.subscriber_name?.trim() || fullName(patient)) : a.subscriber_name?.trim();
        if (!subscriber) throw new ToolError("subscriber_name is required when the patient is not the policy holder");
        const same = ctx.db.get<{ id: number }>(
          "SELECT id FROM patient_insurance WHERE patient_id = ? AND plan_id = ? AND member_id = ? AND coverage_order = ? AND (end_date IS NULL OR end_date >= ?)",
          patient.id,
          plan.id,
          a.member_id,
          a.coverage_order,
          a.effective_date,
        );
        if (same) throw new ToolError(`this ${plan.carrier} ${plan.plan_name} coverage is already on file for ${fullName(patient)} (coverage ${same.id})`);
        const overlapping = ctx.db.all<{ id: number; effective_date: string }>(
          "SELECT id, effective_date FROM patient_insurance WHERE patient_id = ? AND coverage_order = ? AND (end_date IS NULL OR end_date >= ?)",
          patient.id,
          a.coverage_order,
          a.effective_date,
        );
        const later = overlapping.find((c) => c.effective_date >= a.effective_date);
        if (later) throw new ToolError(`${fullName(patient)}'s ${a.coverage_order} coverage ${later.id} starts on ${later.effective_date}, not before ${a.effective_date}; end it first with end_insurance_coverage`);
        const endDate = addDays(a.effective_date, -1);
        for (const c of overlapping) ctx.db.run("UPDATE patient_insurance SET end_date = ?, updated_at = ? WHERE id = ?", endDate, ctx.timestamp, c.id);
        const id = ctx.db.run(
          `INSERT INTO patient_insurance (patient_id, plan_id, member_id, group_number, subscriber_name, relationship_to_subscriber, coverage_order, effective_date, end_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
          patient.id,
          plan.id,
          a.member_id,
          a.group_number?.trim() || null,
          subscriber,
          a.relationship_to_subscriber,
          a.coverage_order,
          a.effective_date,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return {
          coverage: insuranceRows(ctx, "pi.id = ?", [id])[0],
          ended_coverage: overlapping.map((c) => ({ coverage_id: c.id, end_date: endDate })),
        };
      },
    }),

    end_insurance_coverage: tool({
      description: "End a patient's insurance coverage on a date (for example when a plan was cancelled). Returns the updated coverage. Errors if the coverage is not yours, has already ended, or the date is before it started.",
      input: v.object({
        coverage_id: Id("The coverage to end (from list_insurance)."),
        end_date: DateText("Last day of coverage, YYYY-MM-DD."),
      }),
      handler: ({ coverage_id, end_date }, ctx) => {
        const c = ctx.db.get<{ id: number; effective_date: string; end_date: string | null }>(
          "SELECT pi.id, pi.effective_date, pi.end_date FROM patient_insurance pi JOIN patients p ON p.id = pi.patient_id WHERE pi.id = ? AND p.account_user_id = ?",
          coverage_id,
          ctx.userId,
        );
        if (!c) throw new ToolError(`coverage ${coverage_id} not found`);
        assertDate(end_date, "end_date");
        if (c.end_date !== null && c.end_date < ctx.today) throw new ToolError(`coverage ${coverage_id} already ended on ${c.end_date}`);
        if (end_date < c.effective_date) throw new ToolError(`end_date ${end_date} is before coverage ${coverage_id} starts (${c.effective_date})`);
        ctx.db.run("UPDATE patient_insurance SET end_date = ?, updated_at = ? WHERE id = ?", end_date, ctx.timestamp, coverage_id);
        return insuranceRows(ctx, "pi.id = ?", [coverage_id]).map((r) => ({ ...r, state: coverageState(ctx, r) }))[0];
      },
    }),

    // ----- health record -----
    list_allergies: tool({
      description: "List allergies on file for you and your dependents, optionally for one patient. Only active allergies unless include_inactive is true. Returns a page with allergy_id, allergen, category, reaction, severity and status.",
      input: v.object({
        patient_id: PatientFilter,
        include_inactive: v.optional(v.pipe(v.boolean(), v.description("Also list resolved and entered-in-error allergies (default false).")), false),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "al.patient_id", a.patient_id);
        const cond = `${scope.sql}${a.include_inactive ? "" : " AND al.status = 'active'"}`;
        return page(
          ctx.db,
          `SELECT al.id AS allergy_id, al.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, al.allergen, al.category, al.reaction, al.severity, al.status,
             al.onset_date, al.recorded_by, al.updated_at
           FROM allergies al JOIN patients pa ON pa.id = al.patient_id WHERE ${cond} ORDER BY al.patient_id, al.status <> 'active', al.allergen`,
          `SELECT count(*) AS n FROM allergies al WHERE ${cond}`,
          scope.params,
          a.limit,
          a.offset,
        );
      },
    }),

    add_allergy: tool({
      description: "Add an allergy to a patient's record (recorded by the patient, reviewed by the care team at the next visit). Returns the new allergy. Errors if the patient is not on your account or the same allergen is already active for them.",
      input: v.object({
        patient_id: Id("The patient (from list_patients)."),
        allergen: Text("What they are allergic to, e.g. 'Cashews' or 'Penicillin'.", 100),
        category: v.pipe(v.picklist(ALLERGY_CATEGORIES), v.description("drug, food, environmental or other.")),
        reaction: Text("What happens, e.g. 'Hives'.", 200),
        severity: v.pipe(v.picklist(SEVERITIES), v.description("mild, moderate or severe.")),
        onset_date: v.optional(DateText("When the reaction first happened, YYYY-MM-DD (optional).")),
      }),
      handler: (a, ctx) => {
        const patient = getPatient(ctx, a.patient_id);
        if (a.onset_date) {
          assertDate(a.onset_date, "onset_date");
          if (a.onset_date > ctx.today) throw new ToolError("onset_date cannot be in the future");
        }
        const dup = ctx.db.get<{ id: number }>("SELECT id FROM allergies WHERE patient_id = ? AND lower(allergen) = lower(?) AND status = 'active'", patient.id, a.allergen);
        if (dup) throw new ToolError(`${fullName(patient)} already has an active ${a.allergen} allergy (allergy ${dup.id}); use update_allergy to change it`);
        const id = ctx.db.run(
          "INSERT INTO allergies (patient_id, allergen, category, reaction, severity, status, onset_date, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, 'patient', ?, ?)",
          patient.id,
          a.allergen,
          a.category,
          a.reaction,
          a.severity,
          a.onset_date ?? null,
          ctx.timestamp,
          ctx.timestamp,
        ).lastInsertRowid;
        return ctx.db.get("SELECT id AS allergy_id, patient_id, allergen, category, reaction, severity, status, onset_date, recorded_by, created_at FROM allergies WHERE id = ?", id);
      },
    }),

    update_allergy: tool({
      description: "Change the reaction, severity or category of an active allergy. Returns the updated allergy. Errors if it is not yours, is not active, or nothing would change.",
      input: v.object({
        allergy_id: Id("The allergy (from list_allergies)."),
        reaction: v.optional(Text("New description of the reaction.", 200)),
        severity: v.optional(v.pipe(v.picklist(SEVERITIES), v.description("New severity."))),
        category: v.optional(v.pipe(v.picklist(ALLERGY_CATEGORIES), v.description("New category."))),
      }),
      handler: (a, ctx) => {
        const al = getAllergy(ctx, a.allergy_id);
        if (al.status !== "active") throw new ToolError(`allergy ${al.id} (${al.allergen}) is ${al.status.replace(/_/g, " ")}; add it again instead`);
        if (a.reaction === undefined && a.severity === undefined && a.category === undefined) throw new ToolError("nothing to update: give reaction, severity or category");
        ctx.db.run(
          "UPDATE allergies SET reaction = COALESCE(?, reaction), severity = COALESCE(?, severity), category = COALESCE(?, category), updated_at = ? WHERE id = ?",
          a.reaction ?? null,
          a.severity ?? null,
          a.category ?? null,
          ctx.timestamp,
          al.id,
        );
        return ctx.db.get("SELECT id AS allergy_id, patient_id, allergen, category, reaction, severity, status, updated_at FROM allergies WHERE id = ?", al.id);
      },
    }),

    remove_allergy: tool({
      description:
        "Remove an allergy from a patient's active list: 'entered_in_error' if it was recorded by mistake, 'resolved' if the patient outgrew it. The record is kept but no longer active. Returns the allergy. Errors if it is not yours or is not active.",
      input: v.object({
        allergy_id: Id("The allergy (from list_allergies)."),
        reason: v.optional(v.pipe(v.picklist(["entered_in_error", "resolved"]), v.description("Why it is removed (default entered_in_error).")), "entered_in_error"),
      }),
      handler: ({ allergy_id, reason }, ctx) => {
        const al = getAllergy(ctx, allergy_id);
        if (al.status !== "active") throw new ToolError(`allergy ${al.id} (${al.allergen}) is already ${al.status.replace(/_/g, " ")}`);
        ctx.db.run("UPDATE allergies SET status = ?, updated_at = ? WHERE id = ?", reason, ctx.timestamp, al.id);
        return ctx.db.get("SELECT id AS allergy_id, patient_id, allergen, category, reaction, severity, status, updated_at FROM allergies WHERE id = ?", al.id);
      },
    }),

    list_immunizations: tool({
      description: "List immunization records for you and your dependents, newest first, optionally for one patient or by vaccine name. Returns a page with vaccine, dose, date, where it was given and lot number.",
      input: v.object({
        patient_id: PatientFilter,
        query: v.optional(v.pipe(v.string(), v.description("Part of the vaccine name, e.g. 'influenza' or 'Tdap'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "im.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        for (const w of likeWords(a.query)) {
          where.push("im.vaccine_name LIKE ?");
          params.push(w);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT im.id AS immunization_id, im.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, im.vaccine_name, im.dose_label, im.administered_on,
             im.source, pr.first_name || ' ' || pr.last_name || ', ' || pr.credentials AS given_by, l.name AS location_name, im.lot_number
           FROM immunizations im JOIN patients pa ON pa.id = im.patient_id LEFT JOIN providers pr ON pr.id = im.provider_id LEFT JOIN locations l ON l.id = im.location_id
           WHERE ${cond} ORDER BY im.administered_on DESC, im.id`,
          `SELECT count(*) AS n FROM immunizations im WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),

    list_referrals: tool({
      description:
        "List referrals for you and your dependents, newest first, optionally for one patient, by status or specialty. Returns a page with referral_id, specialty, referring and referred-to provider, reason, status, visits authorized, validity dates and the insurer's decision note.",
      input: v.object({
        patient_id: PatientFilter,
        status: v.optional(v.pipe(v.picklist(REFERRAL_STATUSES), v.description("Only referrals in this status."))),
        specialty: v.optional(v.pipe(v.string(), v.description("Part of the specialty name, e.g. 'physical therapy'.")), ""),
        limit: Limit,
        offset: Offset,
      }),
      handler: (a, ctx) => {
        const scope = patientScope(ctx, "r.patient_id", a.patient_id);
        const where = [scope.sql];
        const params: (string | number)[] = [...scope.params];
        if (a.status) {
          where.push("r.status = ?");
          params.push(a.status);
        }
        if (a.specialty.trim()) {
          where.push("s.name LIKE ?");
          params.push(`%${a.specialty.trim()}%`);
        }
        const cond = where.join(" AND ");
        return page(
          ctx.db,
          `SELECT r.id AS referral_id, r.patient_id, pa.first_name || ' ' || pa.last_name AS patient_name, s.name AS specialty,
             rp.first_name || ' ' || rp.last_name || ', ' || rp.credentials AS referring_provider,
             r.referred_to_provider_id, tp.first_name || ' ' || tp.last_name || ', ' || tp.credentials AS referred_to_provider,
             r.reason, r.status, r.visits_authorized, r.valid_from, r.valid_until, r.decision_note, r.created_at, r.updated_at
           FROM referrals r JOIN patients pa ON pa.id = r.patient_id JOIN specialties s ON s.id = r.specialty_id
           JOIN providers rp ON rp.id = r.referring_provider_id LEFT JOIN providers tp ON tp.id = r.referred_to_provider_id
           WHERE ${cond} ORDER BY r.created_at DESC, r.id DESC`,
          `SELECT count(*) AS n FROM referrals r JOIN specialties s ON s.id = r.specialty_id WHERE ${cond}`,
          params,
          a.limit,
          a.offset,
        );
      },
    }),
  },
});
