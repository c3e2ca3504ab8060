import { LONE_SURROGATE } from './text-input.js';

/**
 * The Content-Disposition header of a download, for any stored filename.
 * Filenames come from users (upload query strings): Node refuses a header
 * with characters outside Latin-1 or with a line break (the request then
 * failed with a 500), and a quote would end the parameter early. So the plain
 * `filename` is an ASCII fallback and `filename*` (RFC 6266/5987) carries the
 * name in UTF-8; lone surrogates and control characters are replaced.
 */
export function attachment(filename: string): string {
  const wellFormed = filename.replace(LONE_SURROGATE, '_');
  // Cut by code points: a cut inside a surrogate pair would make encodeURIComponent throw.
  const safe = Array.from(wellFormed.replace(/[^\p{L}\p{M}\p{N}._ ()-]/gu, '_')).slice(0, 120).join('') || 'file';
  const ascii = safe.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe.normalize('NFC'))}`;
}
