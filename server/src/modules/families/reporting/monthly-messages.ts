import type { Messages } from '../../../platform/i18n/messages.js';

/** The monthly report's error codes, exclusion reasons (MONTHLY_REASON_<code>) and mails, in et/en/ru. */
export const monthlyMessages: Messages = {
  MONTHLY_REPORT_APPROVED: {
    et: 'Kinnitatud kuuaruannet ei saa muuta.',
    en: 'An approved monthly report cannot be changed.',
    ru: 'Утверждённый ежемесячный отчёт изменить нельзя.',
  },
  MONTHLY_REPORT_NOT_EDITABLE: {
    et: 'Aruanne ei ole selles olekus muudetav ({status}).',
    en: 'The report cannot be changed in this state ({status}).',
    ru: 'Отчёт нельзя изменить в этом состоянии ({status}).',
  },
  MONTHLY_REPORT_NOT_SUBMITTED: {
    et: 'Otsustada saab ainult esitatud aruande üle ({status}).',
    en: 'Only a submitted report can be decided ({status}).',
    ru: 'Решение можно принять только по представленному отчёту ({status}).',
  },
  MONTHLY_REPORT_EXISTS: {
    et: 'Selle kuu aruanne on juba olemas.',
    en: 'The report of this month exists already.',
    ru: 'Отчёт за этот месяц уже существует.',
  },
  MONTHLY_REPORT_MONTH_NOT_OVER: {
    et: 'Aruande saab koostada ainult lõppenud kuu kohta.',
    en: 'A report can only be drafted for a month that is over.',
    ru: 'Отчёт можно составить только за завершившийся месяц.',
  },
  MONTHLY_REPORT_SIGNATURES_MISSING: {
    et: 'Puudu on {count} allkirja: iga spetsialisti aruande peavad allkirjastama spetsialist ja teenuse saaja.',
    en: '{count} signatures are missing: each specialist’s report must be signed by the specialist and the recipient.',
    ru: 'Не хватает подписей: {count}. Отчёт каждого специалиста должны подписать специалист и получатель услуги.',
  },
  MONTHLY_REPORT_SIGNATURE_NOT_NEEDED: {
    et: 'Seda allkirja selle aruande versiooni jaoks ei ole vaja.',
    en: 'This signature is not needed for this revision of the report.',
    ru: 'Эта подпись не требуется для данной версии отчёта.',
  },
  MONTHLY_REPORT_ALREADY_SIGNED: { et: 'See on juba allkirjastatud.', en: 'This is signed already.', ru: 'Это уже подписано.' },
  MONTHLY_REPORT_REVISION_CHANGED: {
    et: 'Aruannet on vahepeal uuendatud. Laadi leht uuesti.',
    en: 'The report has been redrafted meanwhile. Reload the page.',
    ru: 'Отчёт тем временем обновлён. Обновите страницу.',
  },
  MONTHLY_REPORT_RETURN_COMMENT_REQUIRED: {
    et: 'Tagastamisel lisa üldine kommentaar või kommentaar vähemalt ühele reale.',
    en: 'When returning, add a general comment or a comment on at least one line.',
    ru: 'При возврате добавьте общий комментарий или комментарий хотя бы к одной строке.',
  },
  MONTHLY_REPORT_DRAFTED_SUBJECT: {
    et: 'Kuuaruanne {reference} ({month}) on koostatud',
    en: 'Monthly report {reference} ({month}) has been drafted',
    ru: 'Ежемесячный отчёт {reference} ({month}) составлен',
  },
  MONTHLY_REPORT_DRAFTED_BODY: {
    et: 'Tugi koostas eelmise kuu ({month}) aruande kavandi {reference}. Vaata see üle, kogu allkirjad ja esita hiljemalt {dueOn}.',
    en: 'Tugi drafted last month’s ({month}) report {reference}. Review it, collect the signatures and submit it by {dueOn}.',
    ru: 'Tugi составил проект отчёта {reference} за прошлый месяц ({month}). Проверьте его, соберите подписи и представьте до {dueOn}.',
  },
  MONTHLY_REPORT_APPROVED_SUBJECT: { et: 'Kuuaruanne {reference} on kinnitatud', en: 'Monthly report {reference} is approved', ru: 'Ежемесячный отчёт {reference} утверждён' },
  MONTHLY_REPORT_APPROVED_BODY: {
    et: 'SKA kinnitas kuuaruande {reference} ({month}). Esita kinnitatud summa kohta e-arve.',
    en: 'SKA approved monthly report {reference} ({month}). Issue the e-invoice for the approved amount.',
    ru: 'SKA утвердил ежемесячный отчёт {reference} ({month}). Выставьте э-счёт на утверждённую сумму.',
  },
  MONTHLY_REPORT_RETURNED_SUBJECT: { et: 'Kuuaruanne {reference} tagastati', en: 'Monthly report {reference} was returned', ru: 'Ежемесячный отчёт {reference} возвращён' },
  MONTHLY_REPORT_RETURNED_BODY: {
    et: 'SKA tagastas kuuaruande {reference} ({month}) kommentaaridega. Paranda ja esita uuesti.',
    en: 'SKA returned monthly report {reference} ({month}) with comments. Correct it and submit it again.',
    ru: 'SKA вернул ежемесячный отчёт {reference} ({month}) с комментариями. Исправьте и представьте снова.',
  },
  MONTHLY_REASON_B_NEED_VOLUME_USED: {
    et: 'Vajaduspõhise peretoe 12 kuu maht on kasutatud (B-NEED-1).',
    en: 'The 12 months of needs-based support are used up (B-NEED-1).',
    ru: 'Объём поддержки по потребности (12 месяцев) исчерпан (B-NEED-1).',
  },
  MONTHLY_REASON_B_ADAPT_WINDOW_ENDED: {
    et: 'Kohanemise toe aeg (kuni aasta lapse perre tulekust) on läbi (B-ADAPT-1).',
    en: 'The adaptation support window (up to a year after the child’s arrival) is over (B-ADAPT-1).',
    ru: 'Срок поддержки адаптации (до года после прихода ребёнка) истёк (B-ADAPT-1).',
  },
  MONTHLY_REASON_B_LEAVE_ENDED: {
    et: 'Laps lahkus perest ja toe jätkamise kuu on läbi (B-LEAVE).',
    en: 'The child left and the month of continued support is over (B-LEAVE).',
    ru: 'Ребёнок покинул семью, и месяц продолжения поддержки истёк (B-LEAVE).',
  },
  MONTHLY_REASON_B_REP_SAME_FAMILY_MONTH: {
    et: 'Selle pere kuu on juba teisel real arveldatud (hind on pere ja kuu kohta).',
    en: 'This family’s month is billed on another line already (the price is per family and month).',
    ru: 'Этот месяц семьи уже оплачен в другой строке (цена за семью в месяц).',
  },
  MONTHLY_REASON_B_MENT_OVER_LIMIT: {
    et: 'Üle mentorluse piiri: 4 kohtumist kvartalis või enne lapse tulekut kokku 2 (B-MENT-2).',
    en: 'Over the mentoring limit: 4 sessions a quarter, or 2 in total before a child (B-MENT-2).',
    ru: 'Сверх лимита менторства: 4 встречи в квартал или всего 2 до появления ребёнка (B-MENT-2).',
  },
  MONTHLY_REASON_B_PSY_OVER_LIMIT: {
    et: 'Üle nõustamise piiri: 5 korda aastas, SKA kinnitatud lisakorrad, +2 lapse lahkumisel, hindamata perel 2 (B-PSY-1/2).',
    en: 'Over the counselling limit: 5 a year, SKA’s approved extras, +2 after a child left, 2 if not assessed (B-PSY-1/2).',
    ru: 'Сверх лимита консультаций: 5 в год, дополнительные по решению SKA, +2 после ухода ребёнка, 2 для неоценённой семьи (B-PSY-1/2).',
  },
  MONTHLY_REASON_B_GRP_OVER_QUARTER: {
    et: 'Kvartalis tasutakse kuni 12 tugigrupi eest (B-GRP-4).',
    en: 'At most 12 support groups a quarter are paid (B-GRP-4).',
    ru: 'В квартал оплачивается не более 12 групп поддержки (B-GRP-4).',
  },
  MONTHLY_REASON_B_GRP_TOO_FEW: {
    et: 'Osalejaid oli alla 4 (B-GRP-2).',
    en: 'Fewer than 4 participants (B-GRP-2).',
    ru: 'Участников меньше 4 (B-GRP-2).',
  },
  MONTHLY_REASON_B_GRP_NEEDS_APPROVAL: {
    et: '4–5 osalejaga grupp vajab SKA eelnevat nõusolekut (B-GRP-2).',
    en: 'A group of 4–5 needs SKA’s prior approval (B-GRP-2).',
    ru: 'Для группы из 4–5 участников нужно предварительное согласие SKA (B-GRP-2).',
  },
  MONTHLY_REASON_B_GRP_TOO_SHORT: {
    et: 'Kohtumine kestis alla 2 tunni (B-GRP-3).',
    en: 'The meeting lasted less than 2 hours (B-GRP-3).',
    ru: 'Встреча длилась меньше 2 часов (B-GRP-3).',
  },
  MONTHLY_REASON_B_GRP_PROOF_MISSING: {
    et: 'Osalemise tõend puudub: juhendaja allkiri, nimekiri või kuvatõmmis (B-GRP-5).',
    en: 'Proof of attendance is missing: the leader’s signature, the list or the screenshot (B-GRP-5).',
    ru: 'Нет подтверждения участия: подписи ведущего, списка или снимка экрана (B-GRP-5).',
  },
  MONTHLY_REASON_PROVIDER_NO_CONTRACT: {
    et: 'Sel päeval ei olnud lepingut jõus.',
    en: 'No contract was in force on that day.',
    ru: 'В этот день договор не действовал.',
  },
};
