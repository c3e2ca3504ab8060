import { useEffect, useState } from 'react';

/** Seconds left until `deadline` (ms since epoch), updated every second while `active`. */
export function useCountdown(deadline: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active, deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** True from `at` (ms since epoch) on; re-arms when `at` changes. */
export function useReached(at: number): boolean {
  const [reached, setReached] = useState(() => Date.now() >= at);
  useEffect(() => {
    const delay = at - Date.now();
    setReached(delay <= 0);
    if (delay <= 0) return;
    // setTimeout caps at ~24.8 days; sessions are far shorter.
    const timer = window.setTimeout(() => setReached(true), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [at]);
  return reached;
}
