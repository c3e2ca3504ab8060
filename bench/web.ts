import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { WEB_DIST } from '../server/src/app.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../server/src/seed/demo.js';
import { summarise, type Summary } from './measure.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the web app when dist/web is missing. */
export function ensureWebBuild(log: (line: string) => void): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  log('building the web app (npm run build:web)');
  const result = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:web failed');
}

/** The scripts index.html loads before anything renders: the entry module and its modulepreloads. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"[^>]*>/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"[^>]*>/g)) files.add(m[1]!);
  return [...files];
}

/** Gzipped bytes (zlib level 9) of the initial JavaScript. */
export function initialJsGzip(): { bytes: number; rawBytes: number; files: number } {
  const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  let bytes = 0;
  let rawBytes = 0;
  const files = initialScripts(html);
  for (const file of files) {
    const content = fs.readFileSync(path.join(WEB_DIST, file.replace(/^\//, '')));
    rawBytes += content.length;
    bytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { bytes, rawBytes, files: files.length };
}

/**
 * First contentful paint of the case list: a fresh browser context (cold cache) logged in through the
 * API, then /cases loaded; FCP from the Paint Timing API. Median of `runs`.
 */
export async function caseListFcp(baseUrl: string, runs: number): Promise<Summary & { listShown: boolean }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const samples: number[] = [];
  let listShown = true;
  try {
    const email = DEMO_LOGINS.find((l) => l.role === 'ska_manager')!.email;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'et-EE', timezoneId: 'Europe/Tallinn' });
      try {
        const login = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password: DEMO_PASSWORD }, headers: { origin: baseUrl } });
        if (!login.ok()) throw new Error(`browser login failed: ${login.status()}`);
        const page = await context.newPage();
        await page.goto(`${baseUrl}/cases`, { waitUntil: 'load' });
        try {
          await page.getByTestId('cases-table').first().waitFor({ timeout: 15_000 });
        } catch {
          listShown = false;
        }
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const entry = performance.getEntriesByName('first-contentful-paint')[0];
              if (entry) return resolve(entry.startTime);
              new PerformanceObserver((list) => {
                const found = list.getEntriesByName('first-contentful-paint')[0];
                if (found) resolve(found.startTime);
              }).observe({ type: 'paint', buffered: true });
              setTimeout(() => resolve(Number.NaN), 5000);
            }),
        );
        if (Number.isFinite(fcp)) samples.push(fcp);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { ...summarise(samples), listShown };
}
