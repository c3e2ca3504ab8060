/**
 * A small valid-looking JSON body for a route, from its OpenAPI request schema
 * (the same zod schemas that validate requests): required fields only, the
 * first enum value, the minimum of a number, today for dates. Its purpose is to
 * get past body validation so the handler runs and looks the record up; the
 * business rules may still refuse it.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
  default?: unknown;
};

export interface SampleContext {
  today: string;
  /** A uuid for fields named like an id (the record of the same side). */
  uuid: string;
}

export function sampleValue(schema: JsonSchema | undefined, ctx: SampleContext, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return sampleValue(variants.find((v) => v.type !== 'null') ?? variants[0], ctx, name, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleValue(s, ctx, name, depth + 1) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleValue(schema.properties?.[key], ctx, key, depth + 1);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, 0);
      return Array.from({ length: n }, () => sampleValue(schema.items, ctx, name, depth + 1));
    }
    case 'integer':
    case 'number':
      if (name === 'version') return 1;
      if (name === 'year') return Number(ctx.today.slice(0, 4));
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'uuid' || /Id$/.test(name)) return ctx.uuid;
      if (schema.format === 'date' || /On$|Date$|^date$|From$|To$/.test(name)) return ctx.today;
      if (schema.format === 'date-time' || /At$/.test(name)) return `${ctx.today}T10:00:00.000Z`;
      if (schema.format === 'email' || /email/i.test(name)) return 'authz@example.ee';
      if (schema.pattern && /\\d\{4\}-\\d\{2\}(\$|\))/.test(schema.pattern)) return ctx.today.slice(0, 7);
      const min = schema.minLength ?? 1;
      return 'x'.repeat(Math.max(min, 1)).slice(0, schema.maxLength ?? 100);
    }
    default:
      return schema.properties ? sampleValue({ ...schema, type: 'object' }, ctx, name, depth + 1) : null;
  }
}

/** The request body schema of each route in the OpenAPI document, keyed `METHOD /api/path/:param`. */
export function requestSchemas(openapi: any): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const [path, operations] of Object.entries<Record<string, any>>(openapi.paths ?? {})) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(operations)) {
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      if (schema) out.set(`${method.toUpperCase()} ${url}`, schema);
    }
  }
  return out;
}
