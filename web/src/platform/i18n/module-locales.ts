import type { ResourceKey } from 'i18next';
import { i18n } from './index';
import type { Language } from './languages';

/**
 * Texts of a lazily loaded module, so they travel in the module's chunk and not in the initial
 * bundle; its menu, home-page and notification texts stay in the global locale files. The bundles
 * are the module's top-level keys (`{ grants: … }`), or, given `key`, the texts under that key.
 * They are merged (deep) into every language already loaded, and into English or Russian when
 * that bundle arrives later: a bundle added before its language's own would stop i18next from
 * loading that language.
 */
export function addModuleLocales(bundles: Record<Language, ResourceKey>, key?: string): void {
  const add = (language: string) => {
    const bundle = bundles[language as Language];
    if (bundle && i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', key ? { [key]: bundle } : bundle, true, true);
  };
  for (const language of Object.keys(bundles)) add(language);
  i18n.on('loaded', (loaded: Record<string, unknown>) => {
    for (const language of Object.keys(loaded)) add(language);
  });
}
