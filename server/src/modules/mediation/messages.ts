import type { Messages } from '../../platform/i18n/messages.js';

/** Module E's error codes (the E-* rule in the code) and mail texts, in et/en/ru. */
export const mediationMessages: Messages = {
  E_PROFILE_TWO_PARENTS: {
    et: 'Perelepitusse tulevad mõlemad vanemad: lisa kaks eri vanemat.',
    en: 'Both parents take part in mediation: add two different parents.',
    ru: 'В семейной медиации участвуют оба родителя: добавьте двух разных родителей.',
  },
  E_PROFILE_CHILD_REQUIRED: { et: 'Lisa vähemalt üks laps, keda menetlus puudutab.', en: 'Add at least one child the proceedings concern.', ru: 'Добавьте хотя бы одного ребёнка, которого касается производство.' },
  E_PROFILE_PERSON_TWICE: { et: 'Sama isik on menetluses kaks korda.', en: 'The same person is in the proceedings twice.', ru: 'Одно и то же лицо указано в производстве дважды.' },
  E_PROFILE_PROCEEDING_CLOSED: {
    et: 'Menetlus on lõppenud; seda ei saa enam muuta.',
    en: 'The proceedings have ended and can no longer be changed.',
    ru: 'Производство завершено, его нельзя изменить.',
  },
  E_PROFILE_KOV_INVALID: { et: 'Vali elukoha omavalitsus nimekirjast.', en: 'Choose the municipality of residence from the list.', ru: 'Выберите самоуправление по месту жительства из списка.' },
  E_ASSIGN_NOT_CONSENTED: {
    et: 'Perelepitaja määratakse, kui mõlemad vanemad on taotluse esitanud ja nõusoleku andnud.',
    en: 'A mediator is assigned once both parents have applied and consented.',
    ru: 'Медиатор назначается, когда оба родителя подали заявление и дали согласие.',
  },
  E_ASSIGN_NO_MEDIATOR: {
    et: 'Sobivat perelepitajat ei leitud (keel, piirkond või keeldumised). SKA määrab perelepitaja käsitsi.',
    en: 'No suitable mediator was found (language, region or refusals). SKA assigns one by hand.',
    ru: 'Подходящий медиатор не найден (язык, регион или отказы). SKA назначит медиатора вручную.',
  },
  E_ASSIGN_MEDIATOR_INVALID: {
    et: 'See kasutaja ei ole perelepitaja, kes võtab selles keeles menetlusi vastu.',
    en: 'This user is not a mediator taking proceedings in this language.',
    ru: 'Этот пользователь не является медиатором, принимающим дела на этом языке.',
  },
  E_ASSIGN_MEDIATOR_REFUSED: {
    et: 'Pool on sellest perelepitajast keeldunud.',
    en: 'A party has refused this mediator.',
    ru: 'Одна из сторон отказалась от этого медиатора.',
  },
  E_ASSIGN_NO_MEDIATOR_YET: { et: 'Menetlusele ei ole veel perelepitajat määratud.', en: 'No mediator has been assigned yet.', ru: 'Медиатор ещё не назначен.' },
  E_BOOK_SLOT_TAKEN: {
    et: 'See aeg on juba broneeritud. Vali teine aeg.',
    en: 'This time has already been booked. Choose another time.',
    ru: 'Это время уже забронировано. Выберите другое время.',
  },
  E_BOOK_SLOT_NOT_OFFERED: {
    et: 'Perelepitaja ei paku seda aega. Vali vaba aeg nimekirjast.',
    en: 'The mediator does not offer this time. Choose a free time from the list.',
    ru: 'Медиатор не предлагает это время. Выберите свободное время из списка.',
  },
  E_BOOK_CUTOFF_PASSED: {
    et: 'Aega saab broneerida, muuta või tühistada kuni {hours} tundi enne algust.',
    en: 'A time can be booked, moved or cancelled until {hours} hours before it starts.',
    ru: 'Время можно забронировать, перенести или отменить не позднее чем за {hours} ч до начала.',
  },
  E_BOOK_ALREADY_BOOKED: {
    et: 'Menetlusel on juba tulevane kohtumine ({when}). Muuda seda või tühista see.',
    en: 'The proceedings already have an upcoming session ({when}). Move or cancel it.',
    ru: 'У производства уже есть предстоящая встреча ({when}). Перенесите или отмените её.',
  },
  E_BOOK_NOT_BOOKED: { et: 'See kohtumine ei ole enam broneeritud.', en: 'This session is no longer booked.', ru: 'Эта встреча больше не забронирована.' },
  E_BOOK_NOT_STARTED: { et: 'Kohtumist saab märkida toimunuks pärast selle algust.', en: 'A session can be marked as held once it has started.', ru: 'Встречу можно отметить состоявшейся после её начала.' },
  E_BOOK_RANGE_TOO_LONG: { et: 'Vali kuni {days} päeva pikkune vahemik.', en: 'Choose a range of up to {days} days.', ru: 'Выберите период не длиннее {days} дней.' },
  E_BOOK_WINDOW_INVALID: { et: 'Aja lõpp peab olema pärast algust.', en: 'The end time must be after the start.', ru: 'Время окончания должно быть позже начала.' },
  E_BOOK_NOT_A_MEDIATOR: { et: 'Perelepitaja profiil puudub.', en: 'The mediator profile is missing.', ru: 'Профиль медиатора отсутствует.' },
  E_MSG_FILE_EMPTY: { et: 'Fail on tühi.', en: 'The file is empty.', ru: 'Файл пуст.' },
  E_MSG_FILE_TOO_LARGE: { et: 'Fail on liiga suur (kuni {maxMb} MB).', en: 'The file is too large (up to {maxMb} MB).', ru: 'Файл слишком большой (до {maxMb} МБ).' },
  E_MSG_FILE_TYPE: {
    et: 'Seda failitüüpi ei saa lisada. Lubatud: {accepted}.',
    en: 'This type of file cannot be attached. Accepted: {accepted}.',
    ru: 'Файл этого типа нельзя приложить. Допустимы: {accepted}.',
  },
  E_MSG_FILE_EXTENSION: {
    et: 'Faili nimi ei vasta sisule: sisu järgi peaks laiend olema .{extension}.',
    en: 'The file name does not match its content: by its content the extension should be .{extension}.',
    ru: 'Имя файла не соответствует содержимому: по содержимому расширение должно быть .{extension}.',
  },
  E_MSG_FILE_UNKNOWN: { et: 'Manust ei leitud või see on juba saadetud.', en: 'The attachment was not found or has already been sent.', ru: 'Вложение не найдено или уже отправлено.' },
  E_REG_NO_SESSION_HELD: {
    et: 'Kokkuleppe saab salvestada pärast vähemalt ühte toimunud kohtumist.',
    en: 'An agreement can be recorded after at least one session has been held.',
    ru: 'Соглашение можно сохранить после хотя бы одной состоявшейся встречи.',
  },
  E_REG_AGREEMENT_EXISTS: { et: 'Menetlusel on kokkulepe juba salvestatud.', en: 'The proceedings already have an agreement.', ru: 'Соглашение по производству уже сохранено.' },
  E_REG_CHILD_NOT_IN_PROCEEDINGS: { et: 'Kokkulepe saab puudutada ainult menetluse lapsi.', en: 'The agreement can only concern the children of the proceedings.', ru: 'Соглашение может касаться только детей этого производства.' },
  E_REG_NOT_RETRYABLE: { et: 'Edastus on juba tehtud või käib.', en: 'The delivery is done or in progress.', ru: 'Передача уже выполнена или выполняется.' },

  MEDIATION_ASSIGNED_SUBJECT: { et: 'Perelepitus {reference}: perelepitaja on määratud', en: 'Mediation {reference}: a mediator has been assigned', ru: 'Медиация {reference}: назначен медиатор' },
  MEDIATION_ASSIGNED_BODY: {
    et: 'Menetlusele {reference} on määratud perelepitaja {mediator}. Vaba aja saad broneerida Tugi iseteeninduses.',
    en: 'Mediator {mediator} has been assigned to proceedings {reference}. You can book a free time in Tugi self-service.',
    ru: 'По производству {reference} назначен медиатор {mediator}. Свободное время можно забронировать в самообслуживании Tugi.',
  },
  MEDIATION_BOOKED_SUBJECT: { et: 'Perelepitus {reference}: kohtumine {when}', en: 'Mediation {reference}: session on {when}', ru: 'Медиация {reference}: встреча {when}' },
  MEDIATION_BOOKED_BODY: {
    et: 'Perelepituse kohtumine on broneeritud: {when} (Eesti aeg), perelepitaja {mediator}. Muuta või tühistada saab kuni {hours} tundi enne algust.',
    en: 'A mediation session has been booked: {when} (Estonian time) with {mediator}. It can be moved or cancelled until {hours} hours before it starts.',
    ru: 'Забронирована встреча медиации: {when} (время Эстонии), медиатор {mediator}. Перенести или отменить можно не позднее чем за {hours} ч до начала.',
  },
  MEDIATION_CANCELLED_SUBJECT: { et: 'Perelepitus {reference}: kohtumine {when} on tühistatud', en: 'Mediation {reference}: the session on {when} is cancelled', ru: 'Медиация {reference}: встреча {when} отменена' },
  MEDIATION_CANCELLED_BODY: {
    et: 'Perelepituse kohtumine {when} on tühistatud. Uue aja saad broneerida Tugi iseteeninduses.',
    en: 'The mediation session on {when} has been cancelled. You can book a new time in Tugi self-service.',
    ru: 'Встреча медиации {when} отменена. Новое время можно забронировать в самообслуживании Tugi.',
  },
  MEDIATION_REMINDER_SUBJECT: { et: 'Meeldetuletus: perelepitus {when}', en: 'Reminder: mediation on {when}', ru: 'Напоминание: медиация {when}' },
  MEDIATION_REMINDER_BODY: {
    et: 'Tuletame meelde perelepituse kohtumist {when} (Eesti aeg), perelepitaja {mediator}, menetlus {reference}.',
    en: 'A reminder of your mediation session on {when} (Estonian time) with {mediator}, proceedings {reference}.',
    ru: 'Напоминаем о встрече медиации {when} (время Эстонии), медиатор {mediator}, производство {reference}.',
  },
  MEDIATION_MESSAGE_SUBJECT: { et: 'Perelepitus {reference}: uus sõnum', en: 'Mediation {reference}: new message', ru: 'Медиация {reference}: новое сообщение' },
  MEDIATION_MESSAGE_BODY: {
    et: 'Menetluses {reference} on uus sõnum. Sõnumi sisu on turvaliselt loetav ainult Tugi iseteeninduses.',
    en: 'There is a new message in proceedings {reference}. Its content can be read securely only in Tugi self-service.',
    ru: 'В производстве {reference} новое сообщение. Его содержимое можно безопасно прочитать только в самообслуживании Tugi.',
  },
  MEDIATION_DECISION_SUBJECT: { et: 'Perelepitus {reference}: haldusotsus {number}', en: 'Mediation {reference}: administrative decision {number}', ru: 'Медиация {reference}: административное решение {number}' },
  MEDIATION_DECISION_BODY: {
    et: 'Menetluses {reference} on tehtud haldusotsus {number}. Otsus on kättesaadav Tugi iseteeninduses.',
    en: 'Administrative decision {number} has been made in proceedings {reference}. It is available in Tugi self-service.',
    ru: 'По производству {reference} принято административное решение {number}. Оно доступно в самообслуживании Tugi.',
  },
  MEDIATION_REGISTER_FAILED_SUBJECT: {
    et: 'Rahvastikuregistrisse edastamine ebaõnnestus ({reference})',
    en: 'Delivery to the population register failed ({reference})',
    ru: 'Передача в регистр народонаселения не удалась ({reference})',
  },
  MEDIATION_REGISTER_FAILED_BODY: {
    et: 'Vanemluskokkuleppe ({reference}) edastamine rahvastikuregistrisse ebaõnnestus: {error}. Vaata Tugis registri edastusi.',
    en: 'The parenting agreement ({reference}) could not be delivered to the population register: {error}. See the register deliveries in Tugi.',
    ru: 'Соглашение о родительских правах ({reference}) не удалось передать в регистр народонаселения: {error}. См. передачи в регистр в Tugi.',
  },
};
