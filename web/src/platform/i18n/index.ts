import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/et';
import 'dayjs/locale/ru';
import et from './locales/et.json';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { DEFAULT_LANGUAGE, isLanguage, storedLanguage, type Language } from './languages';

function syncDocument(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
}

export function initI18n(): typeof i18n {
  const initial = storedLanguage() ?? DEFAULT_LANGUAGE;
  void i18n.use(initReactI18next).init({
    resources: { et: { translation: et }, en: { translation: en }, ru: { translation: ru } },
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['et', 'en', 'ru'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocument(initial);
  i18n.on('languageChanged', syncDocument);
  return i18n;
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export { i18n };
