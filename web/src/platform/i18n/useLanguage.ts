import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { isLanguage, storeLanguage, DEFAULT_LANGUAGE, type Language } from './languages';
import { saveLocale, SESSION_KEY } from '../auth/session-api';
import type { Session } from '../auth/types';

/** Current UI language and a setter that also stores the choice (localStorage + server). */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  const setLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      // English and Russian load on first use: refetch (Accept-Language) once the switch has happened.
      const switched = i18n.changeLanguage(next);
      const session = client.getQueryData<Session | null>(SESSION_KEY);
      if (!session) return;
      client.setQueryData<Session>(SESSION_KEY, { ...session, user: { ...session.user, locale: next } });
      saveLocale(next).catch(() => undefined);
      void switched.then(() => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] }));
    },
    [i18n, client],
  );
  return [language, setLanguage];
}
