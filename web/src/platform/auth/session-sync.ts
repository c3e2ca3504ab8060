/**
 * Keeps several open tabs in step: a newer session expiry seen in one tab (activity or
 * "Stay logged in") and a logout are shared through localStorage 'storage' events.
 */
const KEY = 'tugi.sessionSync';

type SyncMessage = { kind: 'expiry'; expiresAt: string } | { kind: 'logout'; at: number };

export function shareExpiry(expiresAt: string): void {
  write({ kind: 'expiry', expiresAt });
}

export function shareLogout(): void {
  write({ kind: 'logout', at: Date.now() });
}

function write(message: SyncMessage): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(message));
  } catch {
    // storage disabled: tabs just do not sync
  }
}

/** Calls the handlers for messages from other tabs; returns the unsubscribe function. */
export function onSessionSync(onExpiry: (expiresAt: string) => void, onLogout: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key !== KEY || !event.newValue) return;
    try {
      const message = JSON.parse(event.newValue) as SyncMessage;
      if (message.kind === 'expiry') onExpiry(message.expiresAt);
      else if (message.kind === 'logout') onLogout();
    } catch {
      // ignore malformed values
    }
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
