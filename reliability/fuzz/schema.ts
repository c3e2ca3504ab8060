import fc from 'fast-check';
import { toJson, anyHostile, badDate, badPersonalCode, hostileNumber, hostileString, HOSTILE_NUMBER_STRINGS, VALID_EDGE_DATES, VALID_PERSONAL_CODES, wrongType } from './hostile.js';

/**
 * fast-check arbitraries built from the OpenAPI document's JSON schemas (the
 * subset fastify-type-provider-zod emits: type, properties, required,
 * additionalProperties, items, enum, anyOf, nullable, format, pattern, min/max).
 *
 * `valid` follows the schema, so a request gets past validation and into the
 * handler; `shaped` follows it too but puts hostile values in some leaves,
 * drops required fields or adds unknown ones — the values that slip through
 * validation (a NUL in free text, 29 February 2023, 2^63 in an integer without
 * bounds) are the ones that reach the database.
 */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** What the generator may use besides the schema: ids that exist, for uuid fields. */
export interface GenContext {
  ids: readonly string[];
}

/** Field names that hold a calendar date or a time although the schema only says "string". */
const DATE_NAME = /(On|Date|date|From|To|Until|Start|End|start|end|Due|At|day|from|to|asOf|on)$/;
const PERSONAL_CODE_NAME = /personalCode|PersonalCode/;

function isDateName(name: string | undefined): boolean {
  return name !== undefined && DATE_NAME.test(name) && !/Id$|Ids$/.test(name);
}

const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

const regexCache = new Map<string, fc.Arbitrary<string> | null>();
function matching(pattern: string): fc.Arbitrary<string> | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, fc.stringMatching(new RegExp(pattern)));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern)!;
}

function validString(schema: JsonSchema, name: string | undefined, ctx: GenContext): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return ctx.ids.length ? fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid()) : fc.uuid();
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
  if (schema.format === 'date-time') return isoInstant;
  if (schema.pattern) {
    const arb = matching(schema.pattern);
    if (arb) return arb.filter((s) => s.length <= (schema.maxLength ?? 10_000) && s.length >= (schema.minLength ?? 0));
  }
  if (name && PERSONAL_CODE_NAME.test(name)) return fc.constantFrom(...VALID_PERSONAL_CODES);
  if (isDateName(name)) return fc.oneof(isoDay, fc.constantFrom(...VALID_EDGE_DATES), isoInstant);
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 60));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
  ).filter((s) => min === 0 || s.trim().length >= min);
}

function validNumber(schema: JsonSchema, integer: boolean, name?: string): fc.Arbitrary<number> {
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const min = Math.max(lo, Number.MIN_SAFE_INTEGER);
  const max = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (integer && name === 'version') return fc.oneof({ weight: 4, arbitrary: fc.constant(Math.max(1, min)) }, { weight: 1, arbitrary: fc.integer({ min, max: Math.min(max, min + 5) }) });
  if (integer) {
    // Small values are the plausible ones (versions, counts); the bounds are the interesting ones.
    const small = fc.integer({ min: Math.max(min, -10), max: Math.min(max, Math.max(min, -10) + 20) });
    return fc.oneof(small, fc.integer({ min, max }), fc.constantFrom(min, max));
  }
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
}

/** A value the schema accepts (as far as the JSON schema says; refinements are invisible to it). */
export function valid(schema: JsonSchema, ctx: GenContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const base = validBase(schema, ctx, name, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function validBase(schema: JsonSchema, ctx: GenContext, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valid(s, ctx, name, depth)));
  switch (schema.type) {
    case 'string':
      return validString(schema, name, ctx);
    case 'integer':
      return validNumber(schema, true, name);
    case 'number':
      return validNumber(schema, false, name);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      return fc.array(valid(items, ctx, name, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object':
      return validObject(schema, ctx, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function validObject(schema: JsonSchema, ctx: GenContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const entries = Object.fromEntries(Object.entries(props).map(([key, s]) => [key, valid(s, ctx, key, depth + 1)]));
  return fc.record(entries, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A hostile value aimed at a field of this schema (type-compatible where possible, so it gets past validation). */
export function hostileFor(schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  const type = schema.type ?? schema.anyOf?.[0]?.type;
  const arbs: fc.Arbitrary<unknown>[] = [wrongType, anyHostile];
  if (type === 'string' || schema.enum) {
    arbs.push(hostileString, hostileString, fc.constantFrom(...HOSTILE_NUMBER_STRINGS));
    if (isDateName(name) || schema.format === 'date-time') arbs.push(badDate, badDate, badDate);
    if (name && PERSONAL_CODE_NAME.test(name)) arbs.push(badPersonalCode, badPersonalCode, badPersonalCode);
    if (schema.enum) arbs.push(fc.constantFrom(...schema.enum.map((e) => `${String(e).toUpperCase()}`), ...schema.enum.map((e) => ` ${String(e)}`)));
    // The schema's own bounds, just past them: long by one, or exactly as long as allowed.
    if (schema.maxLength !== undefined && schema.maxLength < 100_000) arbs.push(fc.constantFrom('x'.repeat(schema.maxLength + 1), 'x'.repeat(schema.maxLength), '€'.repeat(schema.maxLength)));
  }
  if (type === 'integer' || type === 'number') {
    arbs.push(hostileNumber, hostileNumber);
    if (schema.minimum !== undefined) arbs.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) arbs.push(fc.constant(schema.maximum + 1));
  }
  if (type === 'array') arbs.push(fc.constant({}), fc.array(anyHostile, { maxLength: 3 }), fc.constant(Array.from({ length: 10_000 }, (_, i) => i)));
  if (type === 'object') arbs.push(fc.constant([]), fc.array(fc.constant({}), { minLength: 1, maxLength: 2 }));
  return fc.oneof(...arbs);
}

/**
 * Mostly schema-shaped, with hostile leaves: each leaf is hostile with a small
 * chance, required fields go missing now and then, unknown fields appear.
 */
export function shaped(schema: JsonSchema, ctx: GenContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const leafHostility = 1;
  const leafValid = 5;
  if (schema.type === 'object' && schema.properties && depth < 6) {
    const props = schema.properties;
    const keys = Object.keys(props);
    const fields = Object.fromEntries(
      keys.map((key) => [key, fc.oneof({ weight: leafValid, arbitrary: shaped(props[key]!, ctx, key, depth + 1) }, { weight: leafHostility, arbitrary: hostileFor(props[key]!, key) })]),
    );
    const required = (schema.required ?? []).filter((k) => k in props);
    const record = fc.record(fields, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
    return fc
      .tuple(record, fc.nat({ max: 9 }), fc.constantFrom(...(keys.length ? keys : ['x'])), fc.constantFrom('unknownField', 'isAdmin', 'id', 'version', '__proto__', 'constructor', 'organisation_id'), anyHostile)
      .map(([obj, dice, dropKey, extraKey, extra]) => {
        const out: Record<string, unknown> = { ...obj };
        if (dice === 0) delete out[dropKey]; // a required field missing
        if (dice === 1) Object.defineProperty(out, extraKey, { value: extra, enumerable: true, configurable: true, writable: true }); // an unknown one
        return out;
      });
  }
  if (schema.type === 'array' && schema.items && depth < 6) {
    const minLength = schema.minItems ?? 0;
    return fc.array(shaped(schema.items, ctx, name, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
  }
  return fc.oneof({ weight: leafValid, arbitrary: valid(schema, ctx, name, depth) }, { weight: leafHostility, arbitrary: hostileFor(schema, name) });
}

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
  name: string | undefined;
}

/** The string and number leaves of a schema, with their paths (array items as index 0). */
function leaves(schema: JsonSchema, path: (string | number)[] = [], name?: string, depth = 0): Leaf[] {
  if (depth > 6) return [];
  if (schema.type === 'object' && schema.properties) return Object.entries(schema.properties).flatMap(([key, s]) => leaves(s, [...path, key], key, depth + 1));
  if (schema.type === 'array' && schema.items) return leaves(schema.items, [...path, 0], name, depth + 1);
  if (schema.anyOf) return leaves(schema.anyOf[0]!, path, name, depth + 1);
  if (schema.type === 'string' || schema.type === 'integer' || schema.type === 'number') return [{ path, schema, name }];
  return [];
}

/** A type-compatible hostile value: a hostile string for a string, a hostile number for a number. */
function typedHostile(leaf: Leaf): fc.Arbitrary<unknown> {
  if (leaf.schema.type !== 'string') return hostileNumber;
  const arbs: fc.Arbitrary<unknown>[] = [hostileString, hostileString, hostileString];
  if (isDateName(leaf.name) || leaf.schema.format === 'date-time') arbs.push(badDate, badDate, badDate);
  if (leaf.name && PERSONAL_CODE_NAME.test(leaf.name)) arbs.push(badPersonalCode, badPersonalCode, badPersonalCode);
  return fc.oneof(...arbs);
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(target) ? [...target] : [];
    list[0] = setAt(list[0], rest, value);
    return list;
  }
  const obj = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  obj[head!] = setAt(obj[head!], rest, value);
  return obj;
}

/**
 * A valid value with exactly one leaf replaced by a hostile value of the same
 * type: everything else passes validation, so the hostile leaf is what the
 * handler, the rules and the database get to see.
 */
export function oneHostileLeaf(schema: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  const all = leaves(schema);
  if (!all.length) return valid(schema, ctx);
  return fc
    .nat({ max: all.length - 1 })
    .chain((i) => fc.tuple(valid(schema, ctx), typedHostile(all[i]!), fc.constant(all[i]!)))
    .map(([value, hostile, leaf]) => setAt(value, leaf.path, hostile));
}

/** One request body: valid, valid but for one hostile leaf, shaped with hostile leaves, or hostile as a whole. */
export function bodyFor(schema: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid(schema, ctx) },
    { weight: 5, arbitrary: oneHostileLeaf(schema, ctx) },
    { weight: 3, arbitrary: shaped(schema, ctx) },
    { weight: 1, arbitrary: hostileFor(schema) },
  );
}

/** A parameter's value as it travels in a path or query string. */
export function paramValue(schema: JsonSchema, name: string, ctx: GenContext): fc.Arbitrary<string> {
  return fc
    .oneof({ weight: 3, arbitrary: valid(schema, ctx, name) }, { weight: 2, arbitrary: hostileFor(schema, name) })
    .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? toJson(v).slice(0, 200_000) : String(v)));
}

/** encodeURIComponent that also encodes lone surrogates (as the invalid UTF-8 a hostile client would send). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) && ch.length === 1 ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}
