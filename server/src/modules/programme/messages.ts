import type { Messages } from '../../platform/i18n/messages.js';

/** D-PLAN error codes, in et/en/ru. */
export const programmeMessages: Messages = {
  D_PLAN_EXISTS: {
    et: '{year}. aasta tegevuskava on juba imporditud; selle edenemist ei kirjutata üle.',
    en: 'The {year} plan has already been imported; its progress is not overwritten.',
    ru: 'План на {year} год уже импортирован; его ход выполнения не перезаписывается.',
  },
  D_PLAN_NOT_BUNDLED: {
    et: '{year}. aasta tegevuskava ei ole Tugiga kaasas. Laadi üles kava fail.',
    en: 'No {year} plan ships with Tugi. Upload a plan file instead.',
    ru: 'План на {year} год не поставляется с Tugi. Загрузите файл плана.',
  },
};
