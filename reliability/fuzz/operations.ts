import type { JsonSchema } from './schema.js';

/** One operation of the OpenAPI document, as the fuzzer drives it. */
export interface Operation {
  method: string;
  /** OpenAPI template: /api/families/{id}/children/{placementId} */
  template: string;
  /** Fastify route: /api/families/:id/children/:placementId */
  route: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, schema: parameters.find((p) => p.in === 'path' && p.name === m[1])?.schema ?? { type: 'string' } }));
      ops.push({
        method: method.toUpperCase(),
        template,
        route: template.replace(/\{(\w+)\}/g, ':$1'),
        pathParams,
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}
