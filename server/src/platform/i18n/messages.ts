import type { Locale } from '../db/schema.js';

/** Messages by stable code, in every interface language; modules export theirs in this shape. */
export type Messages = Record<string, Record<Locale, string>>;

/** Server-side messages by stable error code. `{name}` placeholders take params. */
export const messages: Messages = {
  VALIDATION_FAILED: {
    et: 'Andmed ei ole korrektsed. Palun kontrolli välju.',
    en: 'The data is not valid. Please check the fields.',
    ru: 'Данные некорректны. Пожалуйста, проверьте поля.',
  },
  MALFORMED_JSON: {
    et: 'Päringu sisu ei ole korrektne JSON.',
    en: 'The request body is not valid JSON.',
    ru: 'Тело запроса не является корректным JSON.',
  },
  BODY_TOO_LARGE: {
    et: 'Päringu sisu on liiga suur.',
    en: 'The request body is too large.',
    ru: 'Тело запроса слишком большое.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    et: 'Seda sisutüüpi ei toetata. Kasuta JSON-i.',
    en: 'This content type is not supported. Use JSON.',
    ru: 'Этот тип содержимого не поддерживается. Используйте JSON.',
  },
  URI_TOO_LONG: {
    et: 'Aadress on liiga pikk.',
    en: 'The address is too long.',
    ru: 'Адрес слишком длинный.',
  },
  NOT_FOUND: { et: 'Ei leitud.', en: 'Not found.', ru: 'Не найдено.' },
  FORBIDDEN: {
    et: 'Sul ei ole selleks õigust.',
    en: 'You are not allowed to do this.',
    ru: 'У вас нет на это прав.',
  },
  AUTH_REQUIRED: {
    et: 'Palun logi sisse.',
    en: 'Please log in.',
    ru: 'Пожалуйста, войдите в систему.',
  },
  AUTH_INVALID_CREDENTIALS: {
    et: 'Vale e-post või parool.',
    en: 'Wrong e-mail or password.',
    ru: 'Неверный адрес эл. почты или пароль.',
  },
  AUTH_LOCKED: {
    et: 'Konto on liiga paljude ebaõnnestunud katsete tõttu ajutiselt lukus. Proovi uuesti {minutes} minuti pärast.',
    en: 'The account is temporarily locked after too many failed attempts. Try again in {minutes} minutes.',
    ru: 'Учётная запись временно заблокирована из-за слишком большого числа неудачных попыток. Повторите через {minutes} мин.',
  },
  AUTH_RATE_LIMITED: {
    et: 'Liiga palju sisselogimiskatseid. Oota veidi ja proovi uuesti.',
    en: 'Too many login attempts. Wait a moment and try again.',
    ru: 'Слишком много попыток входа. Подождите и попробуйте снова.',
  },
  CSRF_FAILED: {
    et: 'Turvakontroll ebaõnnestus. Laadi leht uuesti.',
    en: 'The security check failed. Reload the page.',
    ru: 'Проверка безопасности не пройдена. Перезагрузите страницу.',
  },
  VERSION_CONFLICT: {
    et: 'Keegi teine muutis seda kirjet vahepeal. Sinu muudatusi ei salvestatud: laadi kirje uuesti ja korda.',
    en: 'Someone else changed this record meanwhile. Your changes were not saved: reload the record and try again.',
    ru: 'Кто-то другой изменил эту запись. Ваши изменения не сохранены: перезагрузите запись и повторите.',
  },
  PASSWORD_POLICY: {
    et: 'Parool ei vasta nõuetele.',
    en: 'The password does not meet the requirements.',
    ru: 'Пароль не соответствует требованиям.',
  },
  EMAIL_TAKEN: {
    et: 'Selle e-posti aadressiga kasutaja on juba olemas.',
    en: 'A user with this e-mail address already exists.',
    ru: 'Пользователь с таким адресом эл. почты уже существует.',
  },
  PERSONAL_CODE_TAKEN: {
    et: 'Selle isikukoodiga kasutaja on juba olemas.',
    en: 'A user with this personal code already exists.',
    ru: 'Пользователь с таким личным кодом уже существует.',
  },
  PERSONAL_CODE_INVALID: {
    et: 'Isikukood ei ole korrektne.',
    en: 'The personal identification code is not valid.',
    ru: 'Личный код недействителен.',
  },
  BIRTH_DATE_REQUIRED: {
    et: 'Isikukoodita isikul peab olema sünniaeg.',
    en: 'A person without a personal code needs a birth date.',
    ru: 'Для лица без личного кода нужна дата рождения.',
  },
  BIRTH_DATE_MISMATCH: {
    et: 'Sünniaeg ei vasta isikukoodile.',
    en: 'The birth date does not match the personal code.',
    ru: 'Дата рождения не соответствует личному коду.',
  },
  ORGANISATION_INVALID: {
    et: 'Asutust ei leitud või see ei ole aktiivne.',
    en: 'The organisation was not found or is not active.',
    ru: 'Организация не найдена или неактивна.',
  },
  ORGANISATION_NAME_TAKEN: {
    et: 'Sama nime ja liigiga asutus on juba olemas.',
    en: 'An organisation with this name and kind already exists.',
    ru: 'Организация с таким названием и типом уже существует.',
  },
  ROLE_ORGANISATION_MISMATCH: {
    et: 'See roll ei sobi selle asutusega.',
    en: 'This role does not fit this organisation.',
    ru: 'Эта роль не подходит для этой организации.',
  },
  REGIONAL_SPECIALIST_INVALID: {
    et: 'Regionaalne peaspetsialist peab olema aktiivne SKA peaspetsialist.',
    en: 'The regional chief specialist must be an active SKA chief specialist.',
    ru: 'Региональный главный специалист должен быть активным главным специалистом SKA.',
  },
  NOT_A_MUNICIPALITY: {
    et: 'Regionaalse peaspetsialisti saab määrata ainult omavalitsusele.',
    en: 'A regional chief specialist can only be set for a municipality.',
    ru: 'Регионального главного специалиста можно назначить только самоуправлению.',
  },
  CANNOT_DEACTIVATE_SELF: {
    et: 'Iseennast ei saa deaktiveerida.',
    en: 'You cannot deactivate yourself.',
    ru: 'Нельзя деактивировать самого себя.',
  },
  OIDC_DISABLED: {
    et: 'ID-kaardi ja Mobiil-ID-ga sisselogimine ei ole seadistatud.',
    en: 'Login with ID card and Mobile-ID is not configured.',
    ru: 'Вход с ID-картой и Mobile-ID не настроен.',
  },
  OIDC_FAILED: {
    et: 'Sisselogimine riigi autentimisteenuse kaudu ebaõnnestus. Proovi uuesti.',
    en: 'Login through the state authentication service failed. Please try again.',
    ru: 'Вход через государственную службу аутентификации не удался. Попробуйте снова.',
  },
  OIDC_NO_USER: {
    et: 'Sinu isikukoodiga ei ole Tugis kasutajat. Pöördu oma asutuse administraatori poole.',
    en: 'There is no Tugi user with your personal identification code. Contact your organisation’s administrator.',
    ru: 'В Tugi нет пользователя с вашим личным кодом. Обратитесь к администратору вашей организации.',
  },
  OIDC_STATE_MISMATCH: {
    et: 'Sisselogimine aegus või katkes. Alusta sisselogimist uuesti.',
    en: 'The login expired or was interrupted. Please start the login again.',
    ru: 'Время входа истекло или вход был прерван. Начните вход заново.',
  },
  EXPORT_TOO_LARGE: {
    et: 'Eksport on liiga suur ({limit} rida). Kitsenda filtreid.',
    en: 'The export is too large ({limit} rows). Narrow the filters.',
    ru: 'Экспорт слишком большой ({limit} строк). Уточните фильтры.',
  },
  SAVED_FILTER_NAME_TAKEN: {
    et: 'Sellise nimega salvestatud filter on juba olemas.',
    en: 'A saved filter with this name already exists.',
    ru: 'Сохранённый фильтр с таким названием уже существует.',
  },
  SAVED_FILTER_LIMIT: {
    et: 'Ühe nimekirja jaoks saab salvestada kuni {limit} filtrit.',
    en: 'You can save up to {limit} filters for one list.',
    ru: 'Для одного списка можно сохранить не более {limit} фильтров.',
  },
  PASSWORD_RESET_INVALID: {
    et: 'Parooli taastamise link on vale, aegunud või juba kasutatud. Küsi uus link.',
    en: 'The password reset link is wrong, expired or already used. Ask for a new link.',
    ru: 'Ссылка для восстановления пароля неверна, устарела или уже использована. Запросите новую ссылку.',
  },
  PASSWORD_RESET_RATE_LIMITED: {
    et: 'Liiga palju parooli taastamise päringuid. Proovi uuesti {minutes} minuti pärast.',
    en: 'Too many password reset requests. Try again in {minutes} minutes.',
    ru: 'Слишком много запросов на восстановление пароля. Повторите через {minutes} мин.',
  },
  PASSWORD_POLICY_UNMET: {
    et: 'Parool ei vasta nõuetele: {rules}',
    en: 'The password does not meet the requirements: {rules}',
    ru: 'Пароль не соответствует требованиям: {rules}',
  },
  PASSWORD_RULE_too_short: { et: 'vähemalt {min} märki.', en: 'at least {min} characters.', ru: 'не менее {min} символов.' },
  PASSWORD_RULE_too_long: { et: 'kuni {max} märki.', en: 'at most {max} characters.', ru: 'не более {max} символов.' },
  PASSWORD_RULE_common: { et: 'mitte üks levinud paroolidest.', en: 'not one of the common passwords.', ru: 'не из числа распространённых паролей.' },
  PASSWORD_RULE_contains_identity: { et: 'ei sisalda sinu nime ega e-posti aadressi.', en: 'not containing your name or e-mail address.', ru: 'не содержит ваше имя или адрес эл. почты.' },
  PASSWORD_RULE_too_simple: {
    et: 'vähemalt kolme liiki märke (väiketähed, suurtähed, numbrid, muud) või vähemalt {passphrase} märki pikk.',
    en: 'three kinds of characters (lower case, upper case, digits, other) or at least {passphrase} characters long.',
    ru: 'три вида символов (строчные, прописные, цифры, прочие) или не менее {passphrase} символов.',
  },
  MAIL_PASSWORD_RESET_SUBJECT: {
    et: 'Tugi: parooli taastamine',
    en: 'Tugi: password reset',
    ru: 'Tugi: восстановление пароля',
  },
  MAIL_PASSWORD_RESET_BODY: {
    et: 'Tere, {name}!\n\nKeegi (loodetavasti sina) palus Tugi kontole uut parooli. Uue parooli saad määrata {minutes} minuti jooksul sellel lingil:\n\n{link}\n\nLinki saab kasutada üks kord. Kui sa parooli ei küsinud, ära tee midagi: sinu parool ei muutu.',
    en: 'Hello {name},\n\nSomeone (hopefully you) asked for a new password for your Tugi account. You can set a new password within {minutes} minutes at this link:\n\n{link}\n\nThe link works once. If you did not ask for it, do nothing: your password stays as it is.',
    ru: 'Здравствуйте, {name}!\n\nКто-то (надеемся, вы) запросил новый пароль для учётной записи Tugi. Задать новый пароль можно в течение {minutes} минут по ссылке:\n\n{link}\n\nСсылка действует один раз. Если вы не запрашивали пароль, ничего не делайте: ваш пароль не изменится.',
  },
  RATE_LIMITED: {
    et: 'Liiga palju päringuid. Oota {seconds} sekundit ja proovi uuesti.',
    en: 'Too many requests. Wait {seconds} seconds and try again.',
    ru: 'Слишком много запросов. Подождите {seconds} с и попробуйте снова.',
  },
  UPLOAD_FILE_TYPE: {
    et: 'Seda failitüüpi ei saa üles laadida. Lubatud: {accepted}. Tüüp tuvastatakse faili sisu järgi, mitte nime järgi.',
    en: 'This type of file cannot be uploaded. Accepted: {accepted}. The type is recognised by the content, not by the name.',
    ru: 'Этот тип файла нельзя загрузить. Допускаются: {accepted}. Тип определяется по содержимому, а не по имени.',
  },
  UPLOAD_NOT_ACCEPTED_HERE: {
    et: 'See aadress ei võta faile vastu. Kasuta JSON-i.',
    en: 'This address does not take files. Use JSON.',
    ru: 'Этот адрес не принимает файлы. Используйте JSON.',
  },
  INTERNAL: {
    et: 'Midagi läks valesti. Viga on logitud (viide {reference}).',
    en: 'Something went wrong. The error has been logged (reference {reference}).',
    ru: 'Что-то пошло не так. Ошибка записана в журнал (ссылка {reference}).',
  },
};

/** Modules bring their own messages (by stable code) and add them at start-up. */
export function addMessages(more: Messages): void {
  Object.assign(messages, more);
}

export function translate(locale: Locale, code: string, params: Record<string, string | number> = {}): string {
  const template = messages[code]?.[locale] ?? messages[code]?.en ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}
