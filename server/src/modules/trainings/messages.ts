import type { Messages } from '../../platform/i18n/messages.js';

/** Module C's error codes (the C rule in the code) and mail texts, in et/en/ru. */
export const trainingMessages: Messages = {
  C_1_WINDOW_INVALID: {
    et: 'Koolituse toimumisaja lõpp ei saa olla enne selle algust.',
    en: 'The training window cannot end before it starts.',
    ru: 'Период обучения не может заканчиваться раньше, чем начинается.',
  },
  C_1_DAYS_LOCKED: {
    et: 'Koolituspäevade arvu ei saa muuta, kui koolitusel on juba grupid ({groups}).',
    en: 'The number of training days cannot change once the training has groups ({groups}).',
    ru: 'Число учебных дней нельзя изменить, когда у обучения уже есть группы ({groups}).',
  },
  C_1_REFERENCE_TAKEN: {
    et: 'Koolituse viide {reference} on juba kasutusel. Proovi uuesti.',
    en: 'The training reference {reference} is already taken. Please try again.',
    ru: 'Номер обучения {reference} уже занят. Попробуйте снова.',
  },
  C_1_PROVIDER_INVALID: {
    et: 'Koolitaja peab olema aktiivne koolitusasutus.',
    en: 'The provider must be an active training organisation.',
    ru: 'Поставщик должен быть действующей учебной организацией.',
  },
  C_1_ORGANISATION_INVALID: {
    et: 'Osalevad omavalitsused peavad olema valitud omavalitsuste nimekirjast.',
    en: 'The eligible municipalities must be chosen from the list of municipalities.',
    ru: 'Допущенные самоуправления нужно выбрать из списка самоуправлений.',
  },
  C_2_SESSION_COUNT: {
    et: 'Koolitus kestab {days} päeva: grupil peab olema {days} koolituspäeva.',
    en: 'The training lasts {days} day(s): the group needs {days} session day(s).',
    ru: 'Обучение длится {days} дн.: у группы должно быть {days} учебных дн.',
  },
  C_2_SESSION_DAY_TWICE: {
    et: 'Sama kuupäev on grupi koolituspäevade hulgas kaks korda.',
    en: 'The same date appears twice among the group’s days.',
    ru: 'Одна и та же дата указана среди дней группы дважды.',
  },
  C_2_DATE_OUTSIDE_WINDOW: {
    et: 'Grupi koolituspäevad peavad jääma koolituse toimumisaja sisse ({from}–{to}).',
    en: 'The group’s days must be within the training window ({from}–{to}).',
    ru: 'Дни группы должны быть в пределах периода обучения ({from}–{to}).',
  },
  C_2_SESSION_TIME: {
    et: 'Koolituspäeva lõpukellaaeg peab olema pärast algust.',
    en: 'A session must end after it starts.',
    ru: 'Занятие должно заканчиваться после начала.',
  },
  C_2_CITY_REQUIRED: {
    et: 'Kontaktõppe grupil on vaja toimumislinna.',
    en: 'An in-person group needs a city.',
    ru: 'Для очной группы нужен город.',
  },
  C_2_CAPACITY_INVALID: {
    et: 'Grupi väikseim osalejate arv ei saa olla suurem kui suurim.',
    en: 'The group’s minimum cannot be above its maximum.',
    ru: 'Минимальное число участников не может быть больше максимального.',
  },
  C_2_CUTOFF_AFTER_START: {
    et: 'Registreerimine peab sulguma enne esimest koolituspäeva.',
    en: 'Registration must close before the first day.',
    ru: 'Регистрация должна закрыться до первого учебного дня.',
  },
  C_2_TRAINER_INVALID: {
    et: 'Koolitaja peab olema koolitust läbiviiva asutuse aktiivne koolitaja.',
    en: 'The trainer must be an active trainer of the training’s provider.',
    ru: 'Тренер должен быть действующим тренером организации, проводящей обучение.',
  },
  C_2_CAPACITY_BELOW_CONFIRMED: {
    et: 'Grupis on juba {confirmed} kinnitatud osalejat: suurim osalejate arv ei saa olla väiksem.',
    en: 'The group already has {confirmed} confirmed participants: the maximum cannot be lower.',
    ru: 'В группе уже {confirmed} подтверждённых участников: максимум не может быть меньше.',
  },
  C_2_SESSIONS_LOCKED: {
    et: 'Grupi koolituspäevi ei saa muuta, kui osalemine on juba märgitud.',
    en: 'The group’s days cannot change once attendance has been taken.',
    ru: 'Дни группы нельзя менять после того, как отмечено присутствие.',
  },
  C_2_GROUP_CLOSED: {
    et: 'Grupp on tühistatud või teisega liidetud: seda ei saa enam muuta.',
    en: 'The group is cancelled or merged into another: it can no longer be changed.',
    ru: 'Группа отменена или объединена с другой: её больше нельзя изменить.',
  },
  C_3_REGISTRATION_CLOSED: {
    et: 'Registreerimine sellesse gruppi lõppes {cutoff}.',
    en: 'Registration for this group closed on {cutoff}.',
    ru: 'Регистрация в эту группу закрылась {cutoff}.',
  },
  C_3_GROUP_NOT_OPEN: {
    et: 'Sellesse gruppi ei saa registreeruda: grupp on tühistatud või teisega liidetud.',
    en: 'This group takes no registrations: it is cancelled or merged into another.',
    ru: 'В эту группу нельзя зарегистрироваться: группа отменена или объединена с другой.',
  },
  C_3_TRAINING_NOT_PUBLISHED: {
    et: 'Koolitus ei ole veel avaldatud.',
    en: 'The training has not been published yet.',
    ru: 'Обучение ещё не опубликовано.',
  },
  C_3_PARTICIPANT_NOT_FOUND: {
    et: 'Osalejat ei leitud. Registreerida saab ennast või oma omavalitsuse lastekaitsetöötajat.',
    en: 'Participant not found. You can register yourself or a child protection worker of your municipality.',
    ru: 'Участник не найден. Можно зарегистрировать себя или специалиста по защите детей своего самоуправления.',
  },
  C_3_PARTICIPANT_INACTIVE: {
    et: 'Kasutaja ei ole aktiivne ega saa koolitusel osaleda.',
    en: 'The user is not active and cannot take part.',
    ru: 'Пользователь неактивен и не может участвовать.',
  },
  C_3_NOT_ELIGIBLE_ROLE: {
    et: 'Koolitus on kohaliku omavalitsuse lastekaitse- ja peretöötajatele.',
    en: 'The training is for municipal child protection and family workers.',
    ru: 'Обучение предназначено для специалистов по защите детей и работе с семьями самоуправлений.',
  },
  C_3_NOT_ELIGIBLE_ORGANISATION: {
    et: 'See koolitus on ainult valitud omavalitsuste töötajatele; {organisation} nende hulgas ei ole.',
    en: 'This training is only for workers of selected municipalities; {organisation} is not one of them.',
    ru: 'Это обучение только для работников выбранных самоуправлений; {organisation} в их число не входит.',
  },
  C_3_ALREADY_REGISTERED: {
    et: 'Inimesel on sellel koolitusel juba koht või ootejärjekorra koht ({group}. grupp). Ühel koolitusel saab olla üks koht.',
    en: 'This person already has a place or a waitlist place in this training (group {group}). One place per person per training.',
    ru: 'У человека уже есть место или место в очереди на этом обучении (группа {group}). Одно место на человека на обучение.',
  },
  C_3_REGISTRATION_NOT_ACTIVE: {
    et: 'Registreering on juba tühistatud.',
    en: 'The registration has already been cancelled.',
    ru: 'Регистрация уже отменена.',
  },
  C_3_GROUP_STARTED_REGISTER: {
    et: 'Grupp on juba alanud: sellesse ei saa enam registreeruda.',
    en: 'The group has already started: it takes no more registrations.',
    ru: 'Группа уже началась: регистрация в неё закрыта.',
  },
  C_3_GROUP_STARTED: {
    et: 'Grupp on juba alanud: registreeringut ei saa enam tühistada.',
    en: 'The group has already started: the registration can no longer be cancelled.',
    ru: 'Группа уже началась: регистрацию больше нельзя отменить.',
  },
  C_4_MERGE_SAME_GROUP: {
    et: 'Gruppi ei saa liita iseendaga: vali teine grupp.',
    en: 'A group cannot be merged into itself: choose another group.',
    ru: 'Группу нельзя объединить с самой собой: выберите другую группу.',
  },
  C_4_MERGE_OTHER_TRAINING: {
    et: 'Liita saab ainult sama koolituse grupiga.',
    en: 'A group can only be merged into a group of the same training.',
    ru: 'Объединять можно только с группой того же обучения.',
  },
  C_4_MERGE_TARGET_CLOSED: {
    et: 'Sihtgrupp on tühistatud, liidetud või juba alanud: vali grupp, mis ei ole alanud.',
    en: 'The target group is cancelled, merged or has started: choose a group that has not started.',
    ru: 'Целевая группа отменена, объединена или уже началась: выберите группу, которая ещё не началась.',
  },
  C_4_GROUP_CLOSED: {
    et: 'Grupp on juba tühistatud või teisega liidetud.',
    en: 'The group is already cancelled or merged.',
    ru: 'Группа уже отменена или объединена.',
  },
  C_4_GROUP_STARTED: {
    et: 'Grupp on juba alanud: seda ei saa liita ega tühistada.',
    en: 'The group has already started: it cannot be merged or cancelled.',
    ru: 'Группа уже началась: её нельзя объединить или отменить.',
  },
  C_5_SESSION_UNKNOWN: {
    et: 'Sellist koolituspäeva selles grupis ei ole.',
    en: 'This group has no such session day.',
    ru: 'В этой группе нет такого учебного дня.',
  },
  C_5_SESSION_IN_FUTURE: {
    et: 'Osalemist saab märkida koolituspäeval või pärast seda ({day}).',
    en: 'Attendance can be taken on the session day or after it ({day}).',
    ru: 'Присутствие можно отметить в день занятия или после него ({day}).',
  },
  C_5_NOT_PARTICIPANT: {
    et: 'Osalemist saab märkida ainult grupi kinnitatud osalejatele.',
    en: 'Attendance can only be taken for the group’s confirmed participants.',
    ru: 'Присутствие можно отметить только для подтверждённых участников группы.',
  },
  C_5_GROUP_CLOSED: {
    et: 'Grupp on tühistatud või teisega liidetud: osalemist ei saa märkida.',
    en: 'The group is cancelled or merged: attendance cannot be taken.',
    ru: 'Группа отменена или объединена: присутствие отметить нельзя.',
  },
  C_5_NOT_FULL_ATTENDANCE: {
    et: 'Tõend väljastatakse osalejale, kes osales koolituse kõigil päevadel täies mahus.',
    en: 'A certificate is issued to a participant present on every day of the training in full.',
    ru: 'Справка выдаётся участнику, присутствовавшему на всех днях обучения полностью.',
  },
  C_5_FEEDBACK_NOT_OPEN: {
    et: 'Tagasisidet saab anda alates viimasest koolituspäevast ({from}).',
    en: 'Feedback can be given from the last day of the training ({from}).',
    ru: 'Отзыв можно оставить начиная с последнего дня обучения ({from}).',
  },
  C_5_FEEDBACK_CLOSED: {
    et: 'Tagasisidet sai anda {to}.',
    en: 'Feedback could be given until {to}.',
    ru: 'Отзыв можно было оставить до {to}.',
  },
  C_5_FEEDBACK_NOT_ATTENDED: {
    et: 'Tagasisidet saavad anda koolitusel osalenud.',
    en: 'Feedback is given by those who took part in the training.',
    ru: 'Отзыв оставляют участники обучения.',
  },
  C_5_FEEDBACK_GIVEN: {
    et: 'Oled sellele koolitusele juba tagasiside andnud. Aitäh!',
    en: 'You have already given feedback on this training. Thank you!',
    ru: 'Вы уже оставили отзыв об этом обучении. Спасибо!',
  },
  MAIL_TRAINING_REGISTERED_SUBJECT: {
    et: 'Sind registreeriti koolitusele „{training}“',
    en: 'You have been registered for “{training}”',
    ru: 'Вас зарегистрировали на обучение «{training}»',
  },
  MAIL_TRAINING_REGISTERED_BODY: {
    et: '{by} registreeris sind koolitusele „{training}“ ({group}. grupp, {place}, {date}). Sinu koht on kinnitatud.',
    en: '{by} registered you for “{training}” (group {group}, {place}, {date}). Your place is confirmed.',
    ru: '{by} зарегистрировал(а) вас на обучение «{training}» (группа {group}, {place}, {date}). Ваше место подтверждено.',
  },
  MAIL_TRAINING_WAITLISTED_SUBJECT: {
    et: 'Sind lisati koolituse „{training}“ ootejärjekorda',
    en: 'You are on the waitlist for “{training}”',
    ru: 'Вы в очереди на обучение «{training}»',
  },
  MAIL_TRAINING_WAITLISTED_BODY: {
    et: '{by} registreeris sind koolitusele „{training}“ ({group}. grupp, {place}, {date}). Grupp on täis: oled ootejärjekorras ja saad teate, kui koht vabaneb.',
    en: '{by} registered you for “{training}” (group {group}, {place}, {date}). The group is full: you are on the waitlist and will be told when a place becomes free.',
    ru: '{by} зарегистрировал(а) вас на обучение «{training}» (группа {group}, {place}, {date}). Группа заполнена: вы в очереди и получите уведомление, когда освободится место.',
  },
  MAIL_TRAINING_PROMOTED_SUBJECT: {
    et: 'Vabanes koht koolitusel „{training}“',
    en: 'A place became free in “{training}”',
    ru: 'Освободилось место на обучении «{training}»',
  },
  MAIL_TRAINING_PROMOTED_BODY: {
    et: 'Ootejärjekorrast vabanes {participant} jaoks koht: „{training}“, {group}. grupp, {place}, {date}. Kui sa ei saa osaleda, tühista registreering Tugis, et koht liiguks järgmisele.',
    en: 'A place became free for {participant} from the waitlist: “{training}”, group {group}, {place}, {date}. If you cannot attend, cancel the registration in Tugi so the place moves on.',
    ru: 'Для {participant} освободилось место из очереди: «{training}», группа {group}, {place}, {date}. Если участвовать не получится, отмените регистрацию в Tugi, чтобы место перешло следующему.',
  },
  MAIL_TRAINING_MOVED_SUBJECT: {
    et: 'Koolituse „{training}“ grupid liideti',
    en: 'Groups of “{training}” were merged',
    ru: 'Группы обучения «{training}» объединены',
  },
  MAIL_TRAINING_MOVED_BODY: {
    et: 'Grupi {from} osalejate vähesuse tõttu liideti see grupiga {group} ({place}, {date}). {participant} koht on uues grupis kinnitatud. Kui uus aeg ei sobi, tühista registreering Tugis.',
    en: 'Group {from} had too few participants and was merged into group {group} ({place}, {date}). {participant} has a confirmed place there. If the new date does not suit, cancel the registration in Tugi.',
    ru: 'Из-за малого числа участников группа {from} объединена с группой {group} ({place}, {date}). У {participant} подтверждено место в новой группе. Если новое время не подходит, отмените регистрацию в Tugi.',
  },
  MAIL_TRAINING_MOVED_WAITLIST_SUBJECT: {
    et: 'Koolituse „{training}“ grupid liideti',
    en: 'Groups of “{training}” were merged',
    ru: 'Группы обучения «{training}» объединены',
  },
  MAIL_TRAINING_MOVED_WAITLIST_BODY: {
    et: 'Grupp {from} liideti grupiga {group} ({place}, {date}). Uues grupis ei jätkunud kõigile kohti: {participant} on selle ootejärjekorras ja saab teate, kui koht vabaneb.',
    en: 'Group {from} was merged into group {group} ({place}, {date}). There were not enough places for everyone: {participant} is on its waitlist and will be told when a place becomes free.',
    ru: 'Группа {from} объединена с группой {group} ({place}, {date}). Мест хватило не всем: {participant} в очереди этой группы и получит уведомление, когда освободится место.',
  },
  MAIL_TRAINING_GROUP_CANCELLED_SUBJECT: {
    et: 'Koolituse „{training}“ grupp {group} jääb ära',
    en: 'Group {group} of “{training}” is cancelled',
    ru: 'Группа {group} обучения «{training}» отменена',
  },
  MAIL_TRAINING_GROUP_CANCELLED_BODY: {
    et: 'SKA tühistas grupi {group} ({place}, {date}). Põhjus: {reason}. {participant} registreering vabastati; vaata Tugis teisi gruppe.',
    en: 'SKA cancelled group {group} ({place}, {date}). Reason: {reason}. The registration of {participant} has been released; see other groups in Tugi.',
    ru: 'SKA отменил группу {group} ({place}, {date}). Причина: {reason}. Регистрация {participant} снята; посмотрите другие группы в Tugi.',
  },
  MAIL_TRAINING_UNDERFILLED_SUBJECT: {
    et: 'Alatäitunud koolitusgrupp: {training}, {group}. grupp',
    en: 'Under-filled training group: {training}, group {group}',
    ru: 'Недобор в учебной группе: {training}, группа {group}',
  },
  MAIL_TRAINING_UNDERFILLED_BODY: {
    et: 'Registreerimine gruppi {group} ({place}, {date}) lõppes {cutoff}; kinnitatud osalejaid on {confirmed}, vähemalt on vaja {min}. Liida grupp teisega või tühista see Tugis.',
    en: 'Registration for group {group} ({place}, {date}) closed on {cutoff}; {confirmed} confirmed, at least {min} needed. Merge it with another group or cancel it in Tugi.',
    ru: 'Регистрация в группу {group} ({place}, {date}) закрылась {cutoff}; подтверждено {confirmed}, нужно не менее {min}. Объедините группу с другой или отмените её в Tugi.',
  },
  MAIL_TRAINING_FEEDBACK_SUBJECT: {
    et: 'Anna tagasisidet: {training}',
    en: 'Your feedback please: {training}',
    ru: 'Оставьте отзыв: {training}',
  },
  MAIL_TRAINING_FEEDBACK_BODY: {
    et: 'Aitäh, et osalesid koolitusel „{training}“ ({date}). Palun vasta Tugis lühikesele tagasisideküsimustikule (2 minutit).',
    en: 'Thank you for attending “{training}” ({date}). Please answer the short feedback questionnaire in Tugi (2 minutes).',
    ru: 'Спасибо за участие в обучении «{training}» ({date}). Пожалуйста, ответьте на короткую анкету в Tugi (2 минуты).',
  },
  MAIL_TRAINING_CHANGED_SUBJECT: {
    et: 'Koolituse „{training}“ grupi {group} aeg või koht muutus',
    en: 'The date or place of “{training}”, group {group}, changed',
    ru: 'Изменились время или место обучения «{training}», группа {group}',
  },
  MAIL_TRAINING_CHANGED_BODY: {
    et: 'Grupi {group} uus aeg ja koht: {place}, {date}.',
    en: 'Group {group} now meets: {place}, {date}.',
    ru: 'Новые время и место группы {group}: {place}, {date}.',
  },
};

