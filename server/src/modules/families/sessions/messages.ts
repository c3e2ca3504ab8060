import type { Messages } from '../../../platform/i18n/messages.js';

/** Error codes of sessions and extra-session approvals (the B-* rule in the code) and their mails, in et/en/ru. */
export const sessionMessageTexts: Messages = {
  B_MENT_2_QUARTER_LIMIT: {
    et: 'Perele võib mentorlust osutada kuni {limit} korda kvartalis; kvartalis {quarter} on kõik {used} korda kasutatud (alles {remaining}).',
    en: 'A family may have up to {limit} mentoring sessions a quarter; all {used} of quarter {quarter} are used ({remaining} left).',
    ru: 'Семье можно оказать наставничество до {limit} раз в квартал; в квартале {quarter} использованы все {used} раза (осталось {remaining}).',
  },
  B_MENT_2_BEFORE_CHILD_LIMIT: {
    et: 'Perele, keda pole veel hinnatud või kes ootab last, võib mentorlust osutada kokku kuni {limit} korda; kasutatud {used} (alles {remaining}).',
    en: 'A family not yet assessed, or waiting for a child, may have up to {limit} mentoring sessions in total; {used} used ({remaining} left).',
    ru: 'Семье, ещё не прошедшей оценку или ожидающей ребёнка, можно оказать наставничество всего до {limit} раз; использовано {used} (осталось {remaining}).',
  },
  B_MENT_3_MENTOR_NOT_QUALIFIED: {
    et: 'Mentor peab olema SKA kinnitatud mentori rollis (2-aastane isiklik kogemus) või olema sellele perele varem peretuge pakkunud.',
    en: 'The mentor must be approved by SKA in the mentor role (2 years of personal experience) or have given this family family support before.',
    ru: 'Наставник должен быть утверждён SKA в роли наставника (2 года личного опыта) или ранее оказывать этой семье поддержку.',
  },
  B_MENT_1_REMOTE_NOT_AGREED: {
    et: 'Kaugtoel kohtumine on lubatud ainult perega eelnevalt kokku lepitult: kokkuleppe kuupäev ei saa olla hilisem kui kohtumise päev.',
    en: 'A remote meeting needs a prior agreement with the family: the agreement cannot be dated after the meeting.',
    ru: 'Дистанционная встреча возможна только по предварительной договорённости с семьёй: дата договорённости не может быть позже дня встречи.',
  },
  B_PSY_1_YEAR_LIMIT: {
    et: 'Perele võib nõustamist või supervisiooni osutada kuni {limit} korda kalendriaastas; {year}. aastal on kõik {used} korda kasutatud. Lisakordadeks on vaja SKA kooskõlastust.',
    en: 'A family may have up to {limit} counselling or supervision sessions a calendar year; all {used} of {year} are used. More sessions need SKA’s approval.',
    ru: 'Семье можно оказать консультирование или супервизию до {limit} раз в календарный год; в {year} году использованы все {used}. Для дополнительных встреч нужно согласование SKA.',
  },
  B_PSY_2_NOT_ASSESSED_LIMIT: {
    et: 'Perele, keda pole veel hinnatud, võib nõustamist või supervisiooni osutada kuni {limit} korda aastas; kasutatud {used}.',
    en: 'A family not yet assessed may have up to {limit} counselling or supervision sessions a year; {used} used.',
    ru: 'Семье, ещё не прошедшей оценку, можно оказать консультирование или супервизию до {limit} раз в год; использовано {used}.',
  },
  B_PSY_3_REMOTE_NOT_AGREED: {
    et: 'Kaugtoel nõustamine on lubatud ainult kliendiga eelnevalt kokku lepitult: kokkuleppe kuupäev ei saa olla hilisem kui nõustamise päev.',
    en: 'Remote counselling needs a prior agreement with the client: the agreement cannot be dated after the session.',
    ru: 'Дистанционное консультирование возможно только по предварительной договорённости с клиентом: дата договорённости не может быть позже дня встречи.',
  },
  B_PSY_3_ROLE_MISMATCH: {
    et: 'Psühholoogilist nõustamist osutab psühholoog ja individuaalset supervisiooni superviisor.',
    en: 'Counselling is given by a psychologist and individual supervision by a supervisor.',
    ru: 'Психологическое консультирование проводит психолог, индивидуальную супервизию — супервизор.',
  },
  B_PSY_1_EXTRA_CAP: {
    et: 'SKA võib kalendriaastas lubada kuni {max} lisakorda; {year}. aastaks saab veel taotleda {rest}.',
    en: 'SKA may approve up to {max} extra sessions a calendar year; {rest} can still be asked for {year}.',
    ru: 'SKA может согласовать до {max} дополнительных встреч в календарный год; на {year} год можно запросить ещё {rest}.',
  },
  EXTRA_REJECTION_REASON_REQUIRED: { et: 'Tagasilükkamisel kirjuta põhjus.', en: 'Give a reason for the rejection.', ru: 'Укажите причину отказа.' },
  EXTRA_MORE_THAN_REQUESTED: {
    et: 'Kinnitada saab kuni taotletud arvu kordi ({requested}).',
    en: 'At most the requested number of sessions ({requested}) can be approved.',
    ru: 'Можно согласовать не больше запрошенного числа встреч ({requested}).',
  },
  EXTRA_REQUEST_DECIDED: { et: 'Selle taotluse kohta on otsus juba tehtud.', en: 'This request has already been decided.', ru: 'По этому запросу решение уже принято.' },
  EXTRA_YEAR_INVALID: { et: 'Lisakordi saab taotleda eelmiseks, sellel või järgmiseks aastaks.', en: 'Extra sessions can be asked for last year, this year or next year.', ru: 'Дополнительные встречи можно запросить на прошлый, текущий или следующий год.' },
  SESSION_EPISODE_REQUIRED: { et: 'Mentorluse kohtumine kuulub pere mentorluse teenuse juurde.', en: 'A mentoring session belongs to the family’s mentoring service.', ru: 'Встреча наставничества относится к услуге наставничества семьи.' },
  SESSION_EPISODE_INVALID: {
    et: 'Vali selle pere mentorluse teenus oma organisatsioonis.',
    en: 'Choose this family’s mentoring service at your organisation.',
    ru: 'Выберите услугу наставничества этой семьи в вашей организации.',
  },
  SESSION_EPISODE_NOT_ALLOWED: { et: 'Teenuse juurde kuuluvad ainult mentorluse kohtumised.', en: 'Only mentoring sessions belong to a service episode.', ru: 'К эпизоду услуги относятся только встречи наставничества.' },
  SESSION_OUTSIDE_EPISODE: {
    et: 'Kohtumine peab jääma mentorluse teenuse aega ({from}–{to}).',
    en: 'The session must be within the mentoring service ({from}–{to}).',
    ru: 'Встреча должна быть в период услуги наставничества ({from}–{to}).',
  },
  SESSION_ONLY_AS_SELF: { et: 'Saad kirja panna ainult enda peetud kohtumisi.', en: 'You can record only the sessions you held yourself.', ru: 'Вы можете вносить только свои встречи.' },
  SESSION_CANCELLED: { et: 'Kohtumine on tühistatud.', en: 'The session has been cancelled.', ru: 'Встреча отменена.' },
  SESSION_REMOTE_AGREEMENT_UNEXPECTED: {
    et: 'Kaugtoe kokkuleppe kuupäev käib ainult kaugtoel kohtumise juurde.',
    en: 'The remote agreement date goes only with a remote session.',
    ru: 'Дата договорённости о дистанционной встрече указывается только для дистанционной встречи.',
  },
  MAIL_COUNSELLING_EXTRA_REQUESTED_SUBJECT: {
    et: 'Pere {reference}: taotlus {sessions} nõustamise lisakorra kohta ({year})',
    en: 'Family {reference}: request for {sessions} extra counselling sessions ({year})',
    ru: 'Семья {reference}: запрос на {sessions} дополнительных консультаций ({year})',
  },
  MAIL_COUNSELLING_EXTRA_REQUESTED_BODY: {
    et: 'Tere!\n\nTeenuseosutaja taotleb perele {reference} {year}. aastaks {sessions} psühholoogilise nõustamise või supervisiooni lisakorda. Palun tehke otsus Tugis.\n\nTugi',
    en: 'Hello,\n\nA provider asks for {sessions} extra counselling or supervision sessions for family {reference} in {year}. Please decide in Tugi.\n\nTugi',
    ru: 'Здравствуйте!\n\nПоставщик услуги просит {sessions} дополнительных встреч консультирования или супервизии для семьи {reference} на {year} год. Примите решение в Tugi.\n\nTugi',
  },
  MAIL_COUNSELLING_EXTRA_APPROVED_SUBJECT: {
    et: 'Pere {reference}: SKA kinnitas {sessions} lisakorda ({year})',
    en: 'Family {reference}: SKA approved {sessions} extra sessions ({year})',
    ru: 'Семья {reference}: SKA согласовал {sessions} дополнительных встреч ({year})',
  },
  MAIL_COUNSELLING_EXTRA_APPROVED_BODY: {
    et: 'Tere!\n\nSKA kinnitas perele {reference} {year}. aastaks {sessions} nõustamise või supervisiooni lisakorda.\n\nTugi',
    en: 'Hello,\n\nSKA approved {sessions} extra counselling or supervision sessions for family {reference} in {year}.\n\nTugi',
    ru: 'Здравствуйте!\n\nSKA согласовал {sessions} дополнительных встреч консультирования или супервизии для семьи {reference} на {year} год.\n\nTugi',
  },
  MAIL_COUNSELLING_EXTRA_REJECTED_SUBJECT: {
    et: 'Pere {reference}: SKA ei kinnitanud lisakordi ({year})',
    en: 'Family {reference}: SKA did not approve extra sessions ({year})',
    ru: 'Семья {reference}: SKA не согласовал дополнительные встречи ({year})',
  },
  MAIL_COUNSELLING_EXTRA_REJECTED_BODY: {
    et: 'Tere!\n\nSKA ei kinnitanud perele {reference} {year}. aastaks taotletud lisakordi. Põhjuse leiate Tugist.\n\nTugi',
    en: 'Hello,\n\nSKA did not approve the extra sessions asked for family {reference} in {year}. See the reason in Tugi.\n\nTugi',
    ru: 'Здравствуйте!\n\nSKA не согласовал запрошенные дополнительные встречи для семьи {reference} на {year} год. Причину смотрите в Tugi.\n\nTugi',
  },
};
