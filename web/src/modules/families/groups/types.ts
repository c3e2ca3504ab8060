/** Support groups (B-GRP-1..5) as the API answers them. */
export type GroupStatus = 'planned' | 'approved' | 'rejected' | 'held' | 'cancelled';
export type GroupFamilyType = 'hooldus' | 'eestkoste' | 'lapsendaja' | 'mixed';
export type Signature = 'signed' | 'digital' | 'screenshot' | 'none';
export type DeadlineState = 'open' | 'due_soon' | 'late';

export interface GroupPay {
  units: number;
  unitCents: number;
  amountCents: number;
  paidCents: number;
  billable: boolean;
  excludedReason: string | null;
  problems: string[];
  participants: number;
  quarterPosition: number | null;
}

export interface Group {
  id: string;
  planId: string;
  month: string;
  planStatus: 'draft' | 'submitted';
  provider: { id: string; name: string };
  plannedOn: string;
  startsAt: string;
  plannedMinutes: number;
  online: boolean;
  place: string | null;
  municipality: { id: string; name: string } | null;
  island: boolean;
  topic: string;
  leaderName: string;
  leaderSpecialistId: string | null;
  familyType: GroupFamilyType;
  publicInfo: string | null;
  status: GroupStatus;
  decisionReason: string | null;
  decidedOn: string | null;
  smallGroupApproved: boolean;
  smallGroupReason: string | null;
  smallGroupApprovedOn: string | null;
  heldOn: string | null;
  actualMinutes: number | null;
  leaderSigned: boolean;
  attendanceFile: { id: string; filename: string } | null;
  screenshotFile: { id: string; filename: string } | null;
  participantCount: number;
  pay: GroupPay | null;
  version: number;
}

export interface Participant {
  id?: string;
  name: string;
  familyId?: string | null;
  signature: Signature;
}

export interface GroupDetail extends Group {
  participants: Participant[];
}

export interface Plan {
  id: string;
  provider: { id: string; name: string };
  month: string;
  status: 'draft' | 'submitted';
  deadline: string;
  deadlineState: DeadlineState;
  daysLeft: number;
  submittedOn: string | null;
  late: boolean;
  version: number;
  groups: Group[];
}

export interface QuarterCount {
  provider: { id: string; name: string };
  planned: number;
  approved: number;
  held: number;
  paid: number;
  overCap: number;
  notPayable: number;
  belowMinimum: boolean;
  minimumAtRisk: boolean;
}

export interface GroupInput {
  plannedOn: string;
  startsAt: string;
  plannedMinutes: number;
  online: boolean;
  place: string | null;
  municipalityId: string | null;
  topic: string;
  leaderName: string;
  leaderSpecialistId: string | null;
  familyType: GroupFamilyType;
  publicInfo: string | null;
}
