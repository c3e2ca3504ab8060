import type { ResourceKey } from 'i18next';
import { i18n } from './index';
import type { Language } from './languages';

/**
 * A module's page texts travel in its lazily loaded chunk, under one top-level
 * key (`mediation.*`), while its menu, home-page and notification texts stay in
 * the global locale files. The module's texts are merged (deep) into a
 * language once that language's own bundle is there: adding a bundle before it
 * would stop i18next from loading English or Russian at all.
 */
export function addModuleTexts(key: string, bundles: Record<Language, ResourceKey>): void {
  const add = (language: string) => {
    const texts = bundles[language as Language];
    if (texts && i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', { [key]: texts }, true, true);
  };
  for (const language of Object.keys(bundles)) add(language);
  i18n.on('loaded', (loaded: Record<string, unknown>) => {
    for (const language of Object.keys(loaded)) add(language);
  });
}
