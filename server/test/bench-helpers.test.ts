import { describe, expect, it } from 'vitest';
import { percentile, summarise } from '../../bench/measure.js';
import { formatValue, markdownTable, replaceBenchSection, README_END, README_START } from '../../bench/report.js';
import { initialScripts } from '../../bench/web.js';

// The benchmark harness's pure helpers (bench/); no timings are asserted anywhere.
describe('bench helpers', () => {
  it('percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarise([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });

  it('a markdown table with a mark per row and escaped cells', () => {
    const table = markdownTable([
      { name: 'a | b', value: 0.512, unit: '×', target: '≥ 0.6', ok: false, detail: 'x' },
      { name: 'c', value: 12.34, unit: 'ms', target: null, ok: null, detail: '' },
      { name: 'd', value: null, unit: 'ms', target: '< 50 ms', ok: true, detail: '' },
    ]);
    expect(table.split('\n')).toEqual([
      '| | measure | result | target | detail |',
      '|---|---|---|---|---|',
      '| ✗ | a \\| b | 0.51 × | ≥ 0.6 | x |',
      '| – | c | 12.3 ms | – |  |',
      '| ✓ | d | n/a | < 50 ms |  |',
    ]);
    expect(formatValue({ value: 296.4, unit: 'kB' })).toBe('296 kB');
  });

  it('replaces the README section between the markers, or appends one', () => {
    const once = replaceBenchSection('# Tugi\n', 'first');
    expect(once).toContain('## Benchmarks');
    expect(once).toContain(`${README_START}\nfirst\n${README_END}`);
    const twice = replaceBenchSection(once, 'second');
    expect(twice).not.toContain('first');
    expect(twice.match(/## Benchmarks/g)).toHaveLength(1);
  });

  it('finds the entry script and its modulepreloads in index.html', () => {
    const html = '<script type="module" crossorigin src="/assets/index-1.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/a.js">\n<link rel="stylesheet" href="/assets/x.css">';
    expect(initialScripts(html)).toEqual(['/assets/index-1.js', '/assets/a.js']);
  });
});
