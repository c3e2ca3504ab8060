import { get } from '../../../platform/api/client';

/** Spend against contract (server reporting/spend-routes.ts). Amounts in cents. */
export interface SpendMonth {
  month: string;
  approvedCents: number;
  submittedCents: number;
  cumulativeApprovedCents: number;
}

export interface ContractSpend {
  contractId: string;
  reference: string;
  providerId: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  periodElapsed: number;
  approvedToDateCents: number;
  submittedCents: number;
  invoicedCents: number;
  months: SpendMonth[];
}

export const spendKeys = { year: (year: number) => ['spend', year] as const };
export const fetchSpend = (year: number, signal?: AbortSignal) => get<{ year: number; contracts: ContractSpend[] }>('/api/families/spend', { year }, signal);
