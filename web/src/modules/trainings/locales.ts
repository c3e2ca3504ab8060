import type { ResourceKey } from 'i18next';
import { i18n } from '../../platform/i18n';
import en from './locales/en.json';
import et from './locales/et.json';
import ru from './locales/ru.json';

/**
 * The trainings pages' texts travel in the module's lazily loaded chunk, not in
 * the initial bundle; only the menu, home-page and notification texts
 * (`trainings.nav`, `.home`, `.notifications`) are in the global locale files.
 * They are merged (deep) into each language once that language's own bundle is
 * there: adding a bundle before it would stop i18next from loading English or
 * Russian at all.
 */
const BUNDLES: Record<string, ResourceKey> = { et: { trainings: et }, en: { trainings: en }, ru: { trainings: ru } };

function add(language: string) {
  const bundle = BUNDLES[language];
  if (bundle && i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', bundle, true, true);
}

for (const language of Object.keys(BUNDLES)) add(language);
i18n.on('loaded', (loaded: Record<string, unknown>) => {
  for (const language of Object.keys(loaded)) add(language);
});
