import { get, patch, post } from '../../platform/api/client';
import type { PersonDetail, PersonFields } from './types';

export const PEOPLE_PATH = '/api/people';
export const peopleKeys = { all: ['people'] as const, one: (id: string) => ['people', 'one', id] as const };

const enc = encodeURIComponent;

export const fetchPerson = (id: string, signal?: AbortSignal) => get<PersonDetail>(`${PEOPLE_PATH}/${enc(id)}`, undefined, signal);
export const createPerson = (body: PersonFields) => post<PersonDetail>(PEOPLE_PATH, body);
export const updatePerson = (id: string, body: Partial<PersonFields> & { version: number }) =>
  patch<PersonDetail>(`${PEOPLE_PATH}/${enc(id)}`, body);
