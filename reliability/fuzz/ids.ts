import type { TestClient } from '../../server/test/client.js';

/**
 * Real record ids for path parameters, found the way a user finds them: a
 * role's client reads every list it may read, then the details of what the
 * lists named, and remembers the ids and values it saw, by the URL segment
 * they belong to ("episodes" → episode ids) and by field name ("goalId",
 * "year"). With them the fuzzer's second pass reaches the handlers past the 404.
 */
interface Seen {
  value: string;
  source: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PER_KEY = 40;

export class Harvest {
  private bySegment = new Map<string, Seen[]>();
  private byKey = new Map<string, Seen[]>();
  readonly uuids = new Set<string>();

  constructor(private readonly excluded: ReadonlySet<string>) {}

  private add(map: Map<string, Seen[]>, key: string, value: string, source: string) {
    if (this.excluded.has(value)) return;
    const list = map.get(key) ?? [];
    if (list.length >= PER_KEY || list.some((s) => s.value === value)) return;
    list.push({ value, source });
    map.set(key, list);
  }

  /** Remembers what a GET of `url` (made from `template`) answered. */
  take(template: string, url: string, body: unknown) {
    const segment = lastLiteral(template);
    const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.items) ? body.items : null;
    if (segment && items) for (const item of items) if (isObject(item) && typeof item.id === 'string') this.add(this.bySegment, segment, item.id, url);
    const walk = (value: unknown, key: string | undefined, depth: number) => {
      if (depth > 12) return;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, 60)) {
          if (key && isObject(item) && typeof item.id === 'string') this.add(this.bySegment, key, item.id, url);
          walk(item, key, depth + 1);
        }
      } else if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
      } else if (key && (typeof value === 'string' || typeof value === 'number') && String(value).length <= 100) {
        this.add(this.byKey, key, String(value), url);
        if (typeof value === 'string' && UUID.test(value) && !this.excluded.has(value)) this.uuids.add(value);
      }
    };
    walk(body, undefined, 0);
  }

  /** Candidate values for `{param}` in `template`, preferring those seen under the values already chosen. */
  candidates(template: string, param: string, chosen: readonly string[]): string[] {
    const before = template.slice(0, template.indexOf(`{${param}}`));
    const segment = lastLiteral(before);
    const pool = [...(param === 'id' ? [] : (this.byKey.get(param) ?? [])), ...(segment ? (this.bySegment.get(segment) ?? []) : [])];
    if (param === 'id' && !pool.length && segment) pool.push(...(this.byKey.get(`${singular(segment)}Id`) ?? []));
    const near = chosen.length ? pool.filter((s) => chosen.every((c) => s.source.includes(c))) : [];
    return [...new Set((near.length ? near : pool).map((s) => s.value))];
  }

  /** Up to `n` combinations of real values for the parameters, each later value seen under the earlier ones where possible. */
  combinations(template: string, params: readonly string[], n: number): string[][] {
    const combos: string[][] = [];
    for (let i = 0; i < n; i++) {
      const chosen: string[] = [];
      for (const param of params) {
        const found = this.candidates(template, param, chosen);
        if (!found.length) return combos;
        chosen.push(found[i % found.length]!);
      }
      if (!combos.some((c) => c.join('/') === chosen.join('/'))) combos.push(chosen);
    }
    return combos;
  }

  /** One real value for every path parameter, or null when one has none. */
  resolve(template: string, params: readonly string[]): string[][] | null {
    const options: string[][] = [];
    const chosen: string[] = [];
    for (const param of params) {
      const found = this.candidates(template, param, chosen);
      if (!found.length) return null;
      options.push(found);
      chosen.push(found[0]!);
    }
    return options;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastLiteral(template: string): string | undefined {
  return template
    .split('/')
    .filter((s) => s && !s.startsWith('{'))
    .pop();
}

function singular(segment: string): string {
  return segment.replace(/ies$/, 'y').replace(/s$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * Reads, as `client`, every GET route it may call: first those without path
 * parameters, then (three rounds) those whose parameters the earlier answers
 * resolved, up to `perRoute` records each.
 */
export async function crawl(client: TestClient, templates: readonly string[], excluded: ReadonlySet<string>, perRoute = 3): Promise<Harvest> {
  const harvest = new Harvest(excluded);
  const paramsOf = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const done = new Set<string>();
  for (let round = 0; round < 4; round++) {
    for (const template of templates) {
      const params = paramsOf(template);
      if (done.has(template) || (round === 0) !== (params.length === 0)) continue;
      const options = harvest.resolve(template, params);
      if (!options) continue;
      done.add(template);
      const urls = new Set<string>();
      for (let i = 0; i < perRoute; i++) urls.add(params.reduce((url, p, k) => url.replace(`{${p}}`, encodeURIComponent(options[k]![Math.min(i, options[k]!.length - 1)]!)), template));
      for (const url of urls) {
        const response = await client.get(url);
        if (response.statusCode === 200 && String(response.headers['content-type']).includes('json')) harvest.take(template, url, response.json());
      }
    }
  }
  return harvest;
}
