/** Module C (trainings) as the API answers it. */
export type TrainingForm = 'in_person' | 'online';
export type GroupStatus = 'scheduled' | 'cancelled' | 'merged';
export type RegistrationState = 'open' | 'closed' | 'started' | 'cancelled' | 'merged';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'released';
export type AttendanceStatus = 'present' | 'partial' | 'absent';
export const FEEDBACK_QUESTIONS = ['overall', 'content', 'trainer', 'usefulness', 'organisation'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface MyPlace {
  id: string;
  groupId: string;
  status: string;
}

export interface Training {
  id: string;
  reference: string;
  title: string;
  curriculum: string;
  topics: string[];
  targetGroup: string;
  eligibleOrganisations: Ref[] | null;
  academicHours: number;
  days: number;
  form: TrainingForm;
  provider: Ref;
  windowStart: string;
  windowEnd: string;
  status: 'draft' | 'published';
  groupCount: number;
  myRegistration: MyPlace | null;
  version: number;
}

export interface Session {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
}

export interface Group {
  id: string;
  training: { id: string; reference: string; title: string; form: TrainingForm; academicHours: number; days: number; provider: string };
  number: number;
  city: string | null;
  venue: string | null;
  startsOn: string;
  endsOn: string;
  sessions: Session[];
  capacityMin: number;
  capacityMax: number;
  confirmed: number;
  waitlisted: number;
  freePlaces: number;
  trainer: Ref | null;
  registrationClosesOn: string;
  registrationState: RegistrationState;
  underfilled: boolean;
  attendanceDue: boolean;
  status: GroupStatus;
  cancelReason: string | null;
  cancelledOn: string | null;
  mergedInto: { id: string; number: number } | null;
  version: number;
}

export interface Registration {
  id: string;
  queueNo: number;
  training: { id: string; reference: string; title: string; academicHours: number };
  group: { id: string; number: number; city: string | null; venue: string | null; startsOn: string; endsOn: string; status: GroupStatus };
  participant: Ref;
  organisation: Ref;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredBy: string;
  registeredAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  fullAttendance: boolean;
  attendedAny: boolean;
  feedbackGiven: boolean;
  feedbackOpen: boolean;
  certificateAvailable: boolean;
  own: boolean;
  version: number;
}

export interface GroupDetail extends Group {
  registrations: (Registration & { attendance: Record<string, AttendanceStatus> })[];
  canTakeAttendance: boolean;
  myRegistration: MyPlace | null;
}

export interface FeedbackSummary {
  responses: number;
  participants: number;
  questions: { question: FeedbackQuestion; average: number | null; counts: number[] }[];
  recommendPercent: number | null;
  mostUseful: string[];
  improve: string[];
}

export interface KovSummaryRow {
  organisation: Ref;
  county: string | null;
  workers: number;
  registered: number;
  waitlisted: number;
  peopleTrained: number;
  certificates: number;
}

export interface Calendar {
  year: number;
  months: { month: string; groups: Group[] }[];
  trainings: { id: string; reference: string; title: string; groups: number; cancelled: number }[];
}

export interface TrainingOptions {
  providers: Ref[];
  trainers: (Ref & { providerId: string })[];
  municipalities: Ref[];
}

export interface TrainingInput {
  title: string;
  curriculum: string;
  topics: string[];
  targetGroup: string;
  eligibleOrganisationIds: string[] | null;
  academicHours: number;
  days: number;
  form: TrainingForm;
  providerId: string;
  windowStart: string;
  windowEnd: string;
  status: 'draft' | 'published';
}

export interface GroupInput {
  city: string | null;
  venue: string | null;
  sessions: { day: string; startsAt: string; endsAt: string }[];
  capacityMin: number;
  capacityMax: number;
  trainerId: string | null;
  registrationClosesOn?: string;
}

export interface FeedbackInput {
  overall: number;
  content: number;
  trainer: number;
  usefulness: number;
  organisation: number;
  recommend: boolean;
  mostUseful: string | null;
  improve: string | null;
}
