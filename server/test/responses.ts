import { expect } from 'vitest';
import type { TestApp } from './harness.js';

/** Assertions on API answers that every module's integration tests share. */

type Response = { statusCode: number; body: string; json(): any };

/** The answer has this status (200 unless given); its JSON body. */
export async function ok<T = any>(response: Promise<Response> | Response, status = 200): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r.json();
}

/** The answer is this error status with this stable code; its error body. */
export async function refused(response: Promise<Response>, status: number, code: string) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  expect(r.json().error.code).toBe(code);
  return r.json().error;
}

export async function orgId(t: TestApp, name: string): Promise<string> {
  return (await t.database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
