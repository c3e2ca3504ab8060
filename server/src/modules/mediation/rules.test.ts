import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { signedContainer } from '../../platform/documents/fixtures/containers.js';
import { tallinnWallClock } from '../../platform/calendar/tallinn-time.js';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from './attachments.js';
import {
  beforeCutoff,
  chooseMediator,
  classifyRegisterAnswer,
  freeSlots,
  nextStatus,
  reminderDue,
  retryDelayMs,
  type MediatorCandidate,
  type SlotQuery,
  type WeeklyWindow,
} from './rules.js';

const mediator = (id: string, over: Partial<MediatorCandidate> = {}): MediatorCandidate => ({
  id, name: id, regions: ['south'], languages: ['et'], accepting: true, openProceedings: 0, ...over,
});

describe('E-ASSIGN: preferred mediator, or region, language and workload', () => {
  const pool = [
    mediator('anu', { regions: ['south'], languages: ['et'], openProceedings: 3 }),
    mediator('boris', { regions: ['east'], languages: ['et', 'ru'], openProceedings: 1 }),
    mediator('carmen', { regions: ['south', 'north'], languages: ['et', 'en'], openProceedings: 5 }),
    mediator('dina', { regions: ['south'], languages: ['et', 'ru'], openProceedings: 2 }),
  ];
  const ask = (over: Partial<Parameters<typeof chooseMediator>[1]> = {}) => chooseMediator(pool, { language: 'et', counties: ['Tartu', 'Tartu'], preferred: [null, null], refused: [], ...over });

  it('E-ASSIGN: the preferred mediator both parents accept is taken, whatever the region or workload', () => {
    expect(ask({ preferred: ['carmen', null] })).toEqual({ mediatorId: 'carmen', reason: 'preferred' });
    expect(ask({ preferred: ['boris', 'boris'] })).toEqual({ mediatorId: 'boris', reason: 'preferred' });
  });

  it('E-ASSIGN: different preferences, a refused or a non-accepting preferred mediator: automatic', () => {
    expect(ask({ preferred: ['carmen', 'boris'] })).toEqual({ mediatorId: 'dina', reason: 'automatic' });
    expect(ask({ preferred: ['carmen', null], refused: ['carmen'] })).toEqual({ mediatorId: 'dina', reason: 'automatic' });
    expect(chooseMediator(pool.map((m) => (m.id === 'carmen' ? { ...m, accepting: false } : m)), { language: 'et', counties: ['Tartu'], preferred: ['carmen'], refused: [] })).toEqual({ mediatorId: 'dina', reason: 'automatic' });
  });

  it('E-ASSIGN: automatic assignment takes the region first, then the lightest workload', () => {
    expect(ask()).toEqual({ mediatorId: 'dina', reason: 'automatic' }); // south: anu 3, carmen 5, dina 2
    expect(ask({ counties: [null, 'Ida-Viru'] })).toEqual({ mediatorId: 'boris', reason: 'automatic' });
    // Parents in two regions: the mediator serving both comes first.
    expect(ask({ counties: ['Harju', 'Tartu'] })).toEqual({ mediatorId: 'carmen', reason: 'automatic' });
  });

  it('E-ASSIGN: the working language decides (ru, en); nobody speaks it: no mediator', () => {
    expect(ask({ language: 'ru' })).toEqual({ mediatorId: 'dina', reason: 'automatic' });
    expect(ask({ language: 'ru', counties: ['Ida-Viru'] })).toEqual({ mediatorId: 'boris', reason: 'automatic' });
    expect(ask({ language: 'en', counties: ['Ida-Viru'] })).toEqual({ mediatorId: 'carmen', reason: 'automatic' }); // nobody in the east speaks English
    expect(ask({ language: 'en', refused: ['carmen'] })).toEqual({ mediatorId: null, problem: 'E_ASSIGN_NO_MEDIATOR' });
  });

  it('E-ASSIGN: refusing a known mediator gives the next one', () => {
    expect(ask({ refused: ['dina'] })).toEqual({ mediatorId: 'anu', reason: 'automatic' });
    expect(ask({ refused: ['dina', 'anu'] })).toEqual({ mediatorId: 'carmen', reason: 'automatic' });
  });
});

const weekdays = (startsAt: string, endsAt: string, validFrom = '2026-01-01'): WeeklyWindow[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt, endsAt, validFrom, validTo: null }));
const query = (over: Partial<SlotQuery>): SlotQuery => ({
  from: '2026-03-23', to: '2026-03-23', windows: weekdays('09:00', '17:00'), leave: [], taken: [], sessionMinutes: 90, bufferMinutes: 15, now: new Date('2026-01-01T00:00:00Z'), ...over,
});
const iso = (slots: { startsAt: Date }[]) => slots.map((s) => s.startsAt.toISOString());
const wall = (slots: { startsAt: Date }[]) => slots.map((s) => { const w = tallinnWallClock(s.startsAt); return `${w.date} ${w.time}`; });

describe('E-BOOK: free slots in Europe/Tallinn', () => {
  it('E-BOOK: 90-minute sessions with a 15-minute buffer fill a 09:00–17:00 window', () => {
    const slots = freeSlots(query({}));
    expect(wall(slots)).toEqual(['2026-03-23 09:00', '2026-03-23 10:45', '2026-03-23 12:30', '2026-03-23 14:15']);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('E-BOOK: the March change week — the same wall-clock slots, an hour earlier in UTC after Sunday 29.03', () => {
    const slots = freeSlots(query({ from: '2026-03-23', to: '2026-04-03', windows: weekdays('09:00', '11:00') }));
    // Good Friday 03.04.2026 is a public holiday: no slots (X-CAL).
    expect(iso(slots)).toEqual([
      '2026-03-23T07:00:00.000Z', '2026-03-24T07:00:00.000Z', '2026-03-25T07:00:00.000Z', '2026-03-26T07:00:00.000Z', '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z', '2026-04-01T06:00:00.000Z', '2026-04-02T06:00:00.000Z',
    ]);
    expect(new Set(wall(slots).map((w) => w.slice(11)))).toEqual(new Set(['09:00']));
  });

  it('E-BOOK: the October change week — an hour later in UTC after Sunday 25.10', () => {
    const slots = freeSlots(query({ from: '2026-10-19', to: '2026-10-30', windows: weekdays('09:00', '11:00') }));
    expect(iso(slots).slice(4, 6)).toEqual(['2026-10-23T06:00:00.000Z', '2026-10-26T07:00:00.000Z']);
    expect(slots).toHaveLength(10);
  });

  it('E-BOOK: on the change Sundays a window is an hour shorter (March) or longer (October); sessions stay 90 real minutes', () => {
    const sunday = (date: string) => freeSlots(query({ from: date, to: date, windows: [{ weekday: 7, startsAt: '01:00', endsAt: '06:15', validFrom: '2026-01-01', validTo: null }] }));
    expect(wall(sunday('2026-03-22'))).toEqual(['2026-03-22 01:00', '2026-03-22 02:45', '2026-03-22 04:30']);
    expect(wall(sunday('2026-03-29'))).toEqual(['2026-03-29 01:00', '2026-03-29 02:45']); // 01:00–06:15 holds 4¼ real hours
    const october = sunday('2026-10-25'); // 6¼ real hours
    expect(october).toHaveLength(3);
    expect(iso(october)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-24T23:45:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(wall(october)).toEqual(['2026-10-25 01:00', '2026-10-25 02:45', '2026-10-25 03:30']);
    expect(sunday('2026-10-25').every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('E-BOOK: public holidays and leave have no slots; validity dates are respected', () => {
    expect(freeSlots(query({ from: '2026-06-23', to: '2026-06-24' }))).toEqual([]); // Võidupüha, jaanipäev
    expect(freeSlots(query({ from: '2026-03-23', to: '2026-03-27', leave: [{ startsOn: '2026-03-24', endsOn: '2026-03-26' }] })).map((s) => tallinnWallClock(s.startsAt).date)).toEqual([
      '2026-03-23', '2026-03-23', '2026-03-23', '2026-03-23', '2026-03-27', '2026-03-27', '2026-03-27', '2026-03-27',
    ]);
    expect(freeSlots(query({ windows: weekdays('09:00', '17:00', '2026-03-24') }))).toEqual([]);
  });

  it('E-BOOK: a taken session and its buffer block the slots it touches', () => {
    const taken = [{ startsAt: new Date('2026-03-23T08:45:00Z'), blockedUntil: new Date('2026-03-23T10:30:00Z') }]; // 10:45–12:30 local
    expect(wall(freeSlots(query({ taken })))).toEqual(['2026-03-23 09:00', '2026-03-23 12:30', '2026-03-23 14:15']);
    const offGrid = [{ startsAt: new Date('2026-03-23T08:00:00Z'), blockedUntil: new Date('2026-03-23T09:45:00Z') }]; // 10:00–11:45 local
    expect(wall(freeSlots(query({ taken: offGrid })))).toEqual(['2026-03-23 12:30', '2026-03-23 14:15']);
  });

  it('E-BOOK: nothing inside the 24-hour cut-off can be booked', () => {
    const now = new Date('2026-03-22T08:00:00Z'); // Sunday 10:00 local
    expect(wall(freeSlots(query({ now })))).toEqual(['2026-03-23 10:45', '2026-03-23 12:30', '2026-03-23 14:15']);
  });

  it('E-BOOK: changes are allowed until 24 hours before; the reminder is due 48 hours before', () => {
    const start = new Date('2026-03-30T06:00:00Z');
    expect(beforeCutoff(start, new Date('2026-03-29T06:00:00Z'))).toBe(true);
    expect(beforeCutoff(start, new Date('2026-03-29T06:00:01Z'))).toBe(false);
    expect(reminderDue(start, new Date('2026-03-28T05:59:00Z'))).toBe(false);
    expect(reminderDue(start, new Date('2026-03-28T06:00:00Z'))).toBe(true);
    expect(reminderDue(start, new Date('2026-03-30T06:00:00Z'))).toBe(false);
  });
});

describe('E-PROVIDER: the state of a proceeding', () => {
  it('E-PROVIDER: referred → first meeting booked → in mediation → agreement', () => {
    expect(nextStatus('referred', 'booked')).toEqual({ status: 'first_meeting_booked' });
    expect(nextStatus('first_meeting_booked', 'last_booking_cancelled')).toEqual({ status: 'referred' });
    expect(nextStatus('in_mediation', 'booked')).toEqual({ status: 'in_mediation' });
    expect(nextStatus('in_mediation', 'last_booking_cancelled')).toEqual({ status: 'in_mediation' });
    expect(nextStatus('first_meeting_booked', 'session_held')).toEqual({ status: 'in_mediation' });
    expect(nextStatus('in_mediation', 'agreement')).toEqual({ status: 'agreement' });
    expect(nextStatus('first_meeting_booked', 'agreement')).toEqual({ problem: 'E_REG_NO_SESSION_HELD' });
    expect(nextStatus('referred', 'ended')).toEqual({ status: 'ended_without_agreement' });
    expect(nextStatus('agreement', 'booked')).toEqual({ problem: 'E_PROFILE_PROCEEDING_CLOSED' });
  });
});

describe('E-REG: retries and the register’s answers', () => {
  it('E-REG: exponential backoff from a minute, capped at 6 hours', () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 6 * 3_600_000, 6 * 3_600_000]);
  });

  it('E-REG: a duplicate is delivered; 5xx, 408 and 429 retry; other 4xx are refused', () => {
    expect([200, 201, 409, 500, 503, 408, 429, 400, 422].map(classifyRegisterAnswer)).toEqual(['delivered', 'delivered', 'duplicate', 'retry', 'retry', 'retry', 'retry', 'rejected', 'rejected']);
  });
});

describe('E-MSG: attachments are checked by content, extension and size', () => {
  const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
  const zip = Buffer.from(zipSync({ 'a.txt': strToU8('hello') }));

  it('E-MSG: accepted types by their magic bytes', () => {
    expect(checkAttachment('otsus.pdf', pdf)).toMatchObject({ ok: true, type: 'pdf', contentType: 'application/pdf' });
    expect(checkAttachment('pilt.PNG', png)).toMatchObject({ ok: true, type: 'png' });
    expect(checkAttachment('foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ ok: true, type: 'jpeg' });
    expect(checkAttachment('kokkulepe.docx', docx)).toMatchObject({ ok: true, type: 'docx' });
    expect(checkAttachment('allkirjastatud.asice', Buffer.from(signedContainer()))).toMatchObject({ ok: true, type: 'asice' });
  });

  it('E-MSG: an executable renamed to .pdf, a plain zip, an empty or a too large file are refused', () => {
    expect(checkAttachment('arve.pdf', Buffer.from('MZ\x90\x00\x03', 'latin1'))).toMatchObject({ ok: false, code: 'E_MSG_FILE_TYPE' });
    expect(checkAttachment('arhiiv.docx', zip)).toMatchObject({ ok: false, code: 'E_MSG_FILE_TYPE' });
    expect(checkAttachment('pilt.pdf', png)).toMatchObject({ ok: false, code: 'E_MSG_FILE_EXTENSION' });
    expect(checkAttachment('tühi.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, code: 'E_MSG_FILE_EMPTY' });
    expect(checkAttachment('suur.pdf', Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)]))).toMatchObject({ ok: false, code: 'E_MSG_FILE_TOO_LARGE' });
  });
});
