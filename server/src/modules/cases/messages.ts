import type { Messages } from '../../platform/i18n/messages.js';

/** Module A's error codes and mail texts, in et/en/ru. */
export const caseMessages: Messages = {
  TRANSITION_NOT_ALLOWED: {
    et: 'Juhtumit ei saa viia olekust „{from}” olekusse „{to}”.',
    en: 'The case cannot move from "{from}" to "{to}".',
    ru: 'Дело нельзя перевести из состояния «{from}» в «{to}».',
  },
  ACTION_PLAN_REQUIRED: {
    et: 'Enne esmase kontakti etapist edasi liikumist tuleb kokku leppida tegevuskava.',
    en: 'An action plan must be agreed before leaving the first contact stage.',
    ru: 'Перед выходом из этапа первичного контакта нужно согласовать план действий.',
  },
  CLOSING_ASSESSMENTS_REQUIRED: {
    et: 'Lõpetamiseks on vaja kõiki viit hinnangut: abimeetmete tulemuslikkus, KOV iseseisev jätkamine, toimiv võrgustik, KOV aktiivsus, lapse õigused ja huvid.',
    en: 'Closing needs all five assessments: effectiveness of measures, KOV continues independently, functioning network, KOV activity, child’s rights and interests.',
    ru: 'Для закрытия нужны все пять оценок: эффективность мер, самостоятельность KOV, действующая сеть, активность KOV, права и интересы ребёнка.',
  },
  SUMMARY_REQUIRED: { et: 'Lõpetamiseks on vaja kirjalikku kokkuvõtet.', en: 'Closing needs a written summary.', ru: 'Для закрытия нужно письменное резюме.' },
  OPINION_REQUIRED: { et: 'Vali, kas arvamus on toetav või mittetoetav.', en: 'Choose whether the opinion is supporting or not supporting.', ru: 'Выберите, является ли мнение поддерживающим или нет.' },
  OPINION_RECOMMENDATIONS_REQUIRED: {
    et: 'Arvamus vajab soovitusi lapse ja pere toetamiseks KLATis viibimise ajal ja järel.',
    en: 'The opinion needs recommendations for supporting the child and family during and after the stay.',
    ru: 'Мнению нужны рекомендации по поддержке ребёнка и семьи во время и после пребывания.',
  },
  ALTERNATIVE_MEASURES_REQUIRED: {
    et: 'Mittetoetav arvamus peab nimetama muud abimeetmed, mis hoiavad ohu ära lapse vabadust piiramata.',
    en: 'A not-supporting opinion must list alternative measures that avoid restricting the child’s liberty.',
    ru: 'Неподдерживающее мнение должно перечислить альтернативные меры без ограничения свободы ребёнка.',
  },
  RV_PACT_REQUIRED: {
    et: 'Aktiivse faasi alustamiseks on vaja PACT-riskihindamist keskmise või kõrge riskitasemega.',
    en: 'Starting the active phase needs a PACT risk assessment with medium or high risk.',
    ru: 'Для начала активной фазы нужна оценка риска PACT со средним или высоким уровнем.',
  },
  RV_APPLICATION_REQUIRED: { et: 'Rakendustoe taotlus on täitmata.', en: 'The support application is missing.', ru: 'Заявка на поддержку не заполнена.' },
  RV_ACTIVE_TOO_SHORT: {
    et: 'Aktiivne faas kestab vähemalt 6 kuud (kuni {earliest}). Varem lõpetamiseks kirjuta põhjus.',
    en: 'The active phase lasts at least 6 months (until {earliest}). To end it earlier, give a reason.',
    ru: 'Активная фаза длится не менее 6 месяцев (до {earliest}). Чтобы завершить раньше, укажите причину.',
  },
  RV_FOLLOW_UP_TOO_SHORT: {
    et: 'Järelseire kestab 6 kuud (kuni {earliest}). Varem lõpetamiseks kirjuta põhjus.',
    en: 'Follow-up lasts 6 months (until {earliest}). To close earlier, give a reason.',
    ru: 'Последующее наблюдение длится 6 месяцев (до {earliest}). Чтобы закрыть раньше, укажите причину.',
  },
  RV_TOO_YOUNG_WITHOUT_NOTE: {
    et: 'Noor on alla 12-aastane: kirjuta selgitus, miks mudelit rakendatakse.',
    en: 'The youth is under 12: explain why the model is applied.',
    ru: 'Подростку меньше 12 лет: объясните, почему применяется модель.',
  },
  RV_ADULT_WITHOUT_CONSENT: {
    et: 'Noor on 18-aastane või vanem: mudelit saab rakendada ainult tema nõusolekul.',
    en: 'The youth is 18 or older: the model applies only with their consent.',
    ru: 'Молодому человеку 18 лет или больше: модель применяется только с его согласия.',
  },
  RV_REASSESSMENT_TOO_EARLY: {
    et: 'Uue PACT-hindamise saab teha kõige varem {earliest} (6 kuud pärast eelmist).',
    en: 'A new PACT assessment can be made on {earliest} at the earliest (6 months after the previous one).',
    ru: 'Новую оценку PACT можно провести не ранее {earliest} (через 6 месяцев после предыдущей).',
  },
  CASE_FIELD_NOT_ALLOWED: {
    et: 'Sul ei ole õigust seda välja muuta: {fields}.',
    en: 'You may not change this field: {fields}.',
    ru: 'Вы не можете изменить это поле: {fields}.',
  },
  CASE_FIELD_NOT_APPLICABLE: {
    et: 'See väli ei kehti selle juhtumi liigi või oleku puhul: {fields}.',
    en: 'This field does not apply to this case type or state: {fields}.',
    ru: 'Это поле не применяется к этому типу или состоянию дела: {fields}.',
  },
  SPECIALIST_INVALID: {
    et: 'Vastutav spetsialist peab olema aktiivne SKA peaspetsialist.',
    en: 'The responsible specialist must be an active SKA chief specialist.',
    ru: 'Ответственный специалист должен быть активным главным специалистом SKA.',
  },
  SUBTYPE_REQUIRED: { et: 'Rahvusvahelisel juhtumil on vaja alaliiki.', en: 'An international case needs a subtype.', ru: 'Для международного дела нужен подтип.' },
  NOT_A_KLAT_CASE: { et: 'See toiming on ainult KLAT-arvamuse juhtumil.', en: 'This works only on a KLAT opinion case.', ru: 'Это действие доступно только для дела о мнении KLAT.' },
  LINKED_CASE_EXISTS: { et: 'Seotud nõustamisjuhtum on juba avatud.', en: 'A linked consultation case is already open.', ru: 'Связанное консультационное дело уже открыто.' },
  CASE_FINISHED: {
    et: 'Juhtum on lõpetatud; seda ei saa enam ümber määrata.',
    en: 'The case is finished; it can no longer be reassigned.',
    ru: 'Дело завершено; его больше нельзя переназначить.',
  },
  DOCUMENT_NOT_READY: {
    et: 'Dokumendi jaoks vajalikud andmed on veel täitmata.',
    en: 'The data this document needs has not been filled in yet.',
    ru: 'Данные, нужные для этого документа, ещё не заполнены.',
  },
  DOCUMENT_TOO_LARGE: { et: 'Fail on liiga suur (kuni {limit} MB).', en: 'The file is too large (up to {limit} MB).', ru: 'Файл слишком большой (до {limit} МБ).' },
  DOCUMENT_NOT_SIGNED_CONTAINER: {
    et: 'Fail ei ole allkirjastatud ASiC-E/BDOC konteiner.',
    en: 'The file is not a signed ASiC-E/BDOC container.',
    ru: 'Файл не является подписанным контейнером ASiC-E/BDOC.',
  },
  MAIL_CASE_RECEIVED_SUBJECT: { et: 'Taotlus {reference} on kätte saadud', en: 'Application {reference} received', ru: 'Заявка {reference} получена' },
  MAIL_CASE_RECEIVED_BODY: {
    et: 'Tere!\n\nSotsiaalkindlustusamet sai teie taotluse kätte. Juhtumi viide on {reference}. Juhtumi käiku näete Tugis.\n\nTugi',
    en: 'Hello,\n\nThe Social Insurance Board has received your application. The case reference is {reference}. You can follow the case in Tugi.\n\nTugi',
    ru: 'Здравствуйте!\n\nДепартамент социального страхования получил вашу заявку. Номер дела {reference}. Ход дела можно отслеживать в Tugi.\n\nTugi',
  },
  MAIL_CASE_ASSIGNED_SUBJECT: { et: 'Teile on määratud juhtum {reference}', en: 'Case {reference} has been assigned to you', ru: 'Вам назначено дело {reference}' },
  MAIL_CASE_ASSIGNED_BODY: {
    et: 'Tere!\n\nTeile on määratud juhtum {reference}. Vaadake seda Tugis.\n\nTugi',
    en: 'Hello,\n\nCase {reference} has been assigned to you. See it in Tugi.\n\nTugi',
    ru: 'Здравствуйте!\n\nВам назначено дело {reference}. Посмотрите его в Tugi.\n\nTugi',
  },
  MAIL_CASE_OVERDUE_SUBJECT: { et: 'Juhtumi {reference} tähtaeg on möödas', en: 'The deadline of case {reference} has passed', ru: 'Срок по делу {reference} истёк' },
  MAIL_CASE_OVERDUE_BODY: {
    et: 'Tere!\n\nJuhtumi {reference} tähtaeg oli {due}. Palun vaadake juhtum Tugis üle.\n\nTugi',
    en: 'Hello,\n\nThe deadline of case {reference} was {due}. Please review the case in Tugi.\n\nTugi',
    ru: 'Здравствуйте!\n\nСрок по делу {reference} был {due}. Пожалуйста, проверьте дело в Tugi.\n\nTugi',
  },
};
