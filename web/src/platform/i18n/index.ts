import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/et';
import et from './locales/et.json';
import { DEFAULT_LANGUAGE, isLanguage, storedLanguage, type Language } from './languages';

/**
 * Estonian (the default and the fallback) is bundled; English and Russian are separate chunks,
 * fetched when first needed. i18next switches language only after the bundle has loaded.
 */
const LAZY_BUNDLES: Record<Exclude<Language, 'et'>, () => Promise<ResourceKey>> = {
  en: () => import('./locales/en.json').then((m) => m.default),
  ru: () => Promise.all([import('./locales/ru.json'), import('dayjs/locale/ru')]).then(([m]) => m.default),
};

const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = isLanguage(language) && language !== 'et' ? LAZY_BUNDLES[language] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Starts fetching the lazily loaded languages (e.g. when the pointer reaches the language switcher). */
export function prefetchLanguages(): void {
  for (const load of Object.values(LAZY_BUNDLES)) load().catch(() => undefined);
}

function syncDocument(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
}

/** Resolves once the initial language's bundle is in place, so the first render has no raw keys. */
export async function initI18n(): Promise<typeof i18n> {
  const initial = storedLanguage() ?? DEFAULT_LANGUAGE;
  await i18n
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      resources: { et: { translation: et } },
      partialBundledLanguages: true,
      lng: initial,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ['et', 'en', 'ru'],
      interpolation: { escapeValue: false },
      returnNull: false,
    })
    .catch(() => undefined);
  // The resolved language: should a bundle fail to load, the page is in Estonian and says so.
  syncDocument(currentLanguage());
  i18n.on('languageChanged', () => syncDocument(currentLanguage()));
  return i18n;
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export { i18n };
