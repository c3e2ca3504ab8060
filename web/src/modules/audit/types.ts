export const AUDIT_ACTIONS = ['read', 'list', 'create', 'update', 'delete', 'login', 'logout', 'login_failed', 'export', 'link'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: AuditAction;
  recordType: string;
  recordId: string | null;
  /** A list entry: the records the page showed. */
  recordIds: string[] | null;
  ip: string | null;
  changes: AuditChange[] | null;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: string | number; reason: string } | null;
  lastVerifiedId: string | number | null;
}

export const AUDIT_PATH = '/api/audit';
export const AUDIT_FILTER_KEYS = ['actorId', 'recordType', 'recordId', 'action', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
