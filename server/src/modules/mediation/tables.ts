import type { ColumnType, Generated } from 'kysely';

/** Table types of module E, family mediation (migration 0012). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export const MEDIATION_STATUSES = ['referred', 'first_meeting_booked', 'in_mediation', 'agreement', 'ended_without_agreement'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];
export const REFERRERS = ['court', 'kov', 'ska', 'parents', 'other'] as const;
export type Referrer = (typeof REFERRERS)[number];
export const MEDIATION_TOPICS = ['custody', 'residence', 'contact', 'maintenance', 'other'] as const;
export type MediationTopic = (typeof MEDIATION_TOPICS)[number];
export const MEDIATION_LANGUAGES = ['et', 'ru', 'en'] as const;
export type MediationLanguage = (typeof MEDIATION_LANGUAGES)[number];
/** SKA's four regions of child welfare work (E-ASSIGN), each a set of counties. */
export const MEDIATION_REGIONS = ['north', 'east', 'south', 'west'] as const;
export type MediationRegion = (typeof MEDIATION_REGIONS)[number];
export const ASSIGNMENT_REASONS = ['preferred', 'automatic', 'ska'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];
export const BOOKING_STATUSES = ['booked', 'held', 'no_show', 'cancelled', 'rescheduled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const CUSTODY_OUTCOMES = ['ends_joint', 'changes_joint', 'unchanged'] as const;
export type CustodyOutcome = (typeof CUSTODY_OUTCOMES)[number];
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface MediatorsTable {
  user_id: string;
  regions: TextArray;
  languages: TextArray;
  session_minutes: Generated<number>;
  buffer_minutes: Generated<number>;
  accepting: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MediationProceedingsTable {
  id: Generated<string>;
  reference: string;
  status: Generated<MediationStatus>;
  referred_by: Referrer;
  referrer_name: string | null;
  referred_on: string;
  topics: TextArray;
  description: string;
  language: MediationLanguage;
  mediator_id: string | null;
  assigned_at: Date | null;
  assignment_reason: AssignmentReason | null;
  refused_mediator_ids: TextArray;
  notes: string | null;
  ended_on: string | null;
  end_reason: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MediationPartiesTable {
  id: Generated<string>;
  proceeding_id: string;
  person_id: string;
  role: 'parent' | 'child';
  /** Order within the proceeding, as registered (parents first). */
  position: Generated<number>;
  address: string | null;
  kov_organisation_id: string | null;
  phone: string | null;
  email: string | null;
  consented_at: Date | null;
  preferred_mediator_id: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MediationAvailabilityTable {
  id: Generated<string>;
  mediator_id: string;
  weekday: number;
  starts_at: string;
  ends_at: string;
  valid_from: string;
  valid_to: string | null;
  created_at: CreatedAt;
}

export interface MediationLeaveTable {
  id: Generated<string>;
  mediator_id: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface MediationBookingsTable {
  id: Generated<string>;
  proceeding_id: string;
  mediator_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  blocked_until: Timestamp;
  status: Generated<BookingStatus>;
  booked_by: string;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  replaced_by_id: string | null;
  reminded_at: Date | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MediationThreadsTable {
  id: Generated<string>;
  proceeding_id: string;
  subject: string;
  created_by: string;
  created_at: CreatedAt;
  last_message_at: Timestamp;
}

export interface MediationMessagesTable {
  id: Generated<string>;
  thread_id: string;
  proceeding_id: string;
  author_id: string;
  kind: Generated<'message' | 'decision'>;
  body: string;
  decision_number: string | null;
  created_at: CreatedAt;
}

export interface MediationFilesTable {
  id: Generated<string>;
  proceeding_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  ciphertext: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface MediationMessageReadsTable {
  message_id: string;
  user_id: string;
  read_at: CreatedAt;
}

export interface MediationAgreementsTable {
  id: Generated<string>;
  proceeding_id: string;
  concluded_on: string;
  custody: CustodyOutcome;
  child_person_ids: TextArray;
  summary: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface MediationRegisterOutboxTable {
  id: Generated<string>;
  agreement_id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_attempt_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
  register_reference: string | null;
  duplicate: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MediationTables {
  mediators: MediatorsTable;
  mediation_proceedings: MediationProceedingsTable;
  mediation_parties: MediationPartiesTable;
  mediation_availability: MediationAvailabilityTable;
  mediation_leave: MediationLeaveTable;
  mediation_bookings: MediationBookingsTable;
  mediation_threads: MediationThreadsTable;
  mediation_messages: MediationMessagesTable;
  mediation_files: MediationFilesTable;
  mediation_message_reads: MediationMessageReadsTable;
  mediation_agreements: MediationAgreementsTable;
  mediation_register_outbox: MediationRegisterOutboxTable;
}
