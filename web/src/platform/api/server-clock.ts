/**
 * Offset between the server's clock and this computer's (server − local, ms), learnt from
 * the HTTP Date header, so that the session timer is right even when the PC clock is off.
 * Offsets under 5 s are ignored (the header has 1 s resolution).
 */
let offsetMs = 0;

export function noteServerDate(header: string | null, receivedAt = Date.now()): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  const offset = server - receivedAt;
  offsetMs = Math.abs(offset) > 5000 ? offset : 0;
}

/** A server timestamp (ms) converted to this computer's clock. */
export function toLocalTime(serverMs: number): number {
  return serverMs - offsetMs;
}
