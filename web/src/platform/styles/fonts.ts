/*
 * Roboto from TEDI (@tehik-ee/tedi-core/fonts), registered with @font-face.
 * The woff2 files are imported through Vite so they are fingerprinted and served from dist/web.
 * Subsets: latin (incl. õ ä ö ü), latin-ext (š ž), cyrillic and cyrillic-ext (Russian UI).
 */
import latin300 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-300.woff2';
import latin400 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-400.woff2';
import latin400i from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-400-italic.woff2';
import latin700 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-700.woff2';
import latinExt300 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-ext-300.woff2';
import latinExt400 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-ext-400.woff2';
import latinExt400i from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-ext-400-italic.woff2';
import latinExt700 from '@tehik-ee/tedi-core/fonts/roboto-v30-latin-ext-700.woff2';
import cyr300 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-300.woff2';
import cyr400 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-400.woff2';
import cyr400i from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-400-italic.woff2';
import cyr700 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-700.woff2';
import cyrExt300 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-ext-300.woff2';
import cyrExt400 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-ext-400.woff2';
import cyrExt400i from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-ext-400-italic.woff2';
import cyrExt700 from '@tehik-ee/tedi-core/fonts/roboto-v30-cyrillic-ext-700.woff2';

/** Unicode ranges as in tedi-core/_fonts.scss. */
const RANGES = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+2074, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  latinExt:
    'U+0100-02AF, U+0304, U+0308, U+0329, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  cyrillic: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116',
  cyrillicExt: 'U+0460-052F, U+1C80-1C88, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F',
} as const;

type Face = [url: string, weight: number, style: 'normal' | 'italic', range: keyof typeof RANGES];

const FACES: Face[] = [
  [latin300, 300, 'normal', 'latin'],
  [latin400, 400, 'normal', 'latin'],
  [latin400i, 400, 'italic', 'latin'],
  [latin700, 700, 'normal', 'latin'],
  [latinExt300, 300, 'normal', 'latinExt'],
  [latinExt400, 400, 'normal', 'latinExt'],
  [latinExt400i, 400, 'italic', 'latinExt'],
  [latinExt700, 700, 'normal', 'latinExt'],
  [cyr300, 300, 'normal', 'cyrillic'],
  [cyr400, 400, 'normal', 'cyrillic'],
  [cyr400i, 400, 'italic', 'cyrillic'],
  [cyr700, 700, 'normal', 'cyrillic'],
  [cyrExt300, 300, 'normal', 'cyrillicExt'],
  [cyrExt400, 400, 'normal', 'cyrillicExt'],
  [cyrExt400i, 400, 'italic', 'cyrillicExt'],
  [cyrExt700, 700, 'normal', 'cyrillicExt'],
];

function fontFaceRule([url, weight, style, range]: Face): string {
  return `@font-face{font-family:Roboto;font-style:${style};font-weight:${weight};font-display:swap;src:url('${url}') format('woff2');unicode-range:${RANGES[range]};}`;
}

/** Adds the Roboto @font-face rules to the document head (once). */
export function installFonts(): void {
  if (document.getElementById('tugi-fonts')) return;
  const style = document.createElement('style');
  style.id = 'tugi-fonts';
  style.textContent = FACES.map(fontFaceRule).join('\n');
  document.head.appendChild(style);
}
