/** Why the user landed on /login: remembered until the login page has shown it. */
export type EndReason = 'expired' | 'loggedOut';

const KEY = 'tugi.sessionEnded';

export function markSessionEnded(reason: EndReason): void {
  try {
    window.sessionStorage.setItem(KEY, reason);
  } catch {
    // storage disabled: the login page just shows no notice
  }
}

export function peekSessionEnded(): EndReason | null {
  try {
    const value = window.sessionStorage.getItem(KEY);
    return value === 'expired' || value === 'loggedOut' ? value : null;
  } catch {
    return null;
  }
}

export function clearSessionEnded(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
