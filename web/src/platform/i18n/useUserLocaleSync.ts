import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLocale } from '../auth/session-api';
import type { Session } from '../auth/types';
import { isLanguage, storedLanguage, storeLanguage } from './languages';

/**
 * Once per login: a device without a stored choice takes the user's saved locale;
 * a device with a stored choice that differs from the saved one sends it to the server.
 */
export function useUserLocaleSync(session: Session): void {
  const { i18n } = useTranslation();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (done.current === session.user.id) return;
    done.current = session.user.id;
    const stored = storedLanguage();
    const saved = session.user.locale;
    if (!stored && isLanguage(saved)) {
      storeLanguage(saved);
      void i18n.changeLanguage(saved);
    } else if (stored && stored !== saved) {
      saveLocale(stored).catch(() => undefined);
    }
  }, [session, i18n]);
}
