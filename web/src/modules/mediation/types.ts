/** Module E's API shapes (server/src/modules/mediation/schemas.ts). */

export const MEDIATION_STATUSES = ['referred', 'first_meeting_booked', 'in_mediation', 'agreement', 'ended_without_agreement'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];
export const TOPICS = ['custody', 'residence', 'contact', 'maintenance', 'other'] as const;
export const REFERRERS = ['court', 'kov', 'ska', 'parents', 'other'] as const;
export const CUSTODY = ['ends_joint', 'changes_joint', 'unchanged'] as const;
export type Custody = (typeof CUSTODY)[number];
export type BookingStatus = 'booked' | 'held' | 'no_show' | 'cancelled' | 'rescheduled';
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface ProceedingListItem {
  id: string;
  reference: string;
  status: MediationStatus;
  referredBy: string;
  referredOn: string;
  language: string;
  topics: string[];
  mediator: { id: string; name: string } | null;
  nextSessionAt: string | null;
  parents: string[];
  children: string[];
}

export interface Contact {
  address: string | null;
  kovOrganisationId: string | null;
  kovName: string | null;
  county: string | null;
  phone: string | null;
  email: string | null;
}

export interface Party {
  partyId: string;
  personId: string;
  firstName: string;
  lastName: string;
  personalCode: string | null;
  birthDate: string;
  isMe: boolean;
  version: number;
}

export interface Parent extends Party {
  consentedAt: string | null;
  preferredMediatorId: string | null;
  contact: Contact | null;
}

export interface Booking {
  id: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  version: number;
  mediatorName: string;
  cancelReason: string | null;
  changeable: boolean;
}

export interface Delivery {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  registerReference: string | null;
  nextAttemptAt: string | null;
}

export interface Proceeding {
  id: string;
  reference: string;
  status: MediationStatus;
  version: number;
  referredBy: string;
  referrerName: string | null;
  referredOn: string;
  topics: string[];
  description: string;
  language: 'et' | 'ru' | 'en';
  notes: string | null;
  mediator: { id: string; name: string } | null;
  assignedAt: string | null;
  assignmentReason: string | null;
  refusedMediators: number;
  endedOn: string | null;
  endReason: string | null;
  parents: Parent[];
  children: Party[];
  bookings: Booking[];
  agreement: { id: string; concludedOn: string; custody: Custody; childPersonIds: string[]; summary: string; delivery: Delivery | null } | null;
  can: { consent: boolean; refuse: boolean; assign: boolean; book: boolean; write: boolean; decide: boolean; recordOutcome: boolean; end: boolean };
}

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface Mediator {
  id: string;
  name: string;
  regions: string[];
  languages: string[];
  openProceedings: number | null;
}

export interface ThreadSummary {
  id: string;
  subject: string;
  createdAt: string;
  lastMessageAt: string;
  messages: number;
  unread: number;
  hasDecision: boolean;
}

export interface FileRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: string;
  kind: 'message' | 'decision';
  body: string;
  decisionNumber: string | null;
  author: { id: string; name: string; role: string };
  createdAt: string;
  files: FileRef[];
  readBy: { userId: string; name: string; readAt: string }[];
}

export interface Thread {
  id: string;
  proceedingId: string;
  subject: string;
  messages: Message[];
}

export interface Availability {
  sessionMinutes: number;
  bufferMinutes: number;
  regions: string[];
  languages: string[];
  windows: { id: string; weekday: number; startsAt: string; endsAt: string; validFrom: string; validTo: string | null }[];
  leave: { id: string; startsOn: string; endsOn: string; note: string | null }[];
}

export interface Calendar {
  from: string;
  to: string;
  sessions: { id: string; proceedingId: string; reference: string; parents: string; startsAt: string; endsAt: string; status: string }[];
  free: Slot[];
  leave: { startsOn: string; endsOn: string; note: string | null }[];
  holidays: string[];
}

export interface DeliveryRow extends Delivery {
  agreementId: string;
  proceedingId: string;
  reference: string;
  concludedOn: string;
  custody: string;
  lastAttemptAt: string | null;
  duplicate: boolean;
}
