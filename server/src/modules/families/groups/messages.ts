import type { Messages } from '../../../platform/i18n/messages.js';

/** Support groups' error codes (the B-GRP rule in the code) and mail texts, in et/en/ru. */
export const groupMessages: Messages = {
  B_GRP_PLAN_LATE: {
    et: 'Kuu {month} tugigruppide plaan tuli esitada hiljemalt {deadline}. Tähtaeg on möödas: plaani ei saa enam esitada ega muuta.',
    en: 'The support group plan for {month} was due by {deadline}. The deadline has passed: the plan can no longer be submitted or changed.',
    ru: 'План групп поддержки на {month} нужно было подать не позднее {deadline}. Срок прошёл: план больше нельзя подать или изменить.',
  },
  B_GRP_PLAN_EXISTS: {
    et: 'Kuu {month} plaan on juba olemas.',
    en: 'The plan for {month} already exists.',
    ru: 'План на {month} уже существует.',
  },
  B_GRP_PLAN_EMPTY: {
    et: 'Lisa plaani vähemalt üks tugigrupp.',
    en: 'Add at least one support group to the plan.',
    ru: 'Добавьте в план хотя бы одну группу поддержки.',
  },
  B_GRP_PLAN_SUBMITTED: { et: 'Plaan on juba esitatud.', en: 'The plan has already been submitted.', ru: 'План уже подан.' },
  B_GRP_DATE_OUTSIDE_MONTH: {
    et: 'Tugigrupi kuupäev peab olema plaani kuus ({month}).',
    en: 'The group’s date must be in the plan’s month ({month}).',
    ru: 'Дата группы должна быть в месяце плана ({month}).',
  },
  B_GRP_PLACE_REQUIRED: {
    et: 'Kontaktkohtumisel on vaja toimumiskohta ja omavalitsust.',
    en: 'An in-person meeting needs a place and a municipality.',
    ru: 'Для очной встречи нужны место и самоуправление.',
  },
  B_GRP_MUNICIPALITY_INVALID: { et: 'Vali omavalitsus (KOV) nimekirjast.', en: 'Choose a municipality from the list.', ru: 'Выберите самоуправление из списка.' },
  B_GRP_LEADER_INVALID: {
    et: 'Läbiviija peab olema teie organisatsiooni aktiivne spetsialist.',
    en: 'The leader must be an active specialist of your organisation.',
    ru: 'Ведущий должен быть активным специалистом вашей организации.',
  },
  B_GRP_STATUS_INVALID: {
    et: 'Tugigrupp on olekus „{status}“: seda toimingut ei saa teha.',
    en: 'The group is “{status}”: this cannot be done now.',
    ru: 'Группа в статусе «{status}»: это действие сейчас невозможно.',
  },
  B_GRP_REJECT_REASON_REQUIRED: {
    et: 'Tagasilükkamisel kirjuta põhjus (nt milline hanke tingimus ei ole täidetud).',
    en: 'A rejection needs a reason (e.g. which procurement condition is not met).',
    ru: 'Для отклонения укажите причину (например, какое условие закупки не выполнено).',
  },
  B_GRP_SMALL_GROUP_REASON_REQUIRED: {
    et: 'Väikese grupi (4–5 osalejat) kooskõlastusel kirjuta põhjus (nt hajaasustus, saar).',
    en: 'Approving a small group (4–5 participants) needs a reason (e.g. sparsely populated area, island).',
    ru: 'Для согласования малой группы (4–5 участников) укажите причину (например, малонаселённый район, остров).',
  },
  B_GRP_NOT_APPROVED: {
    et: 'Osalejate nimekirja saab sisestada ainult SKA poolt kinnitatud tugigrupile.',
    en: 'Attendance can only be recorded for a group SKA has approved.',
    ru: 'Список участников можно внести только для группы, одобренной SKA.',
  },
  B_GRP_HELD_BEFORE_MONTH: {
    et: 'Toimumise kuupäev ei saa olla enne plaani kuud ({month}).',
    en: 'The meeting date cannot be before the plan’s month ({month}).',
    ru: 'Дата встречи не может быть раньше месяца плана ({month}).',
  },
  B_GRP_TOO_SHORT: {
    et: 'Kontaktkohtumine peab kestma vähemalt 2 tundi; lühemat kohtumist ei tasuta.',
    en: 'An in-person meeting must last at least 2 hours; a shorter one is not paid.',
    ru: 'Очная встреча должна длиться не менее 2 часов; более короткая не оплачивается.',
  },
  B_GRP_TOO_FEW: {
    et: 'Grupis osales alla 4 kasuvanema; sellist kohtumist ei tasuta.',
    en: 'Fewer than 4 foster parents attended; such a meeting is not paid.',
    ru: 'Участвовало меньше 4 приёмных родителей; такая встреча не оплачивается.',
  },
  B_GRP_NEEDS_APPROVAL: {
    et: 'Osales 4–5 kasuvanemat: see on lubatud ainult SKA eelneval kooskõlastusel, mida sellel grupil ei ole.',
    en: '4–5 foster parents attended: this needs SKA’s prior approval, which this group does not have.',
    ru: 'Участвовало 4–5 приёмных родителей: это допускается только с предварительного согласия SKA, которого у группы нет.',
  },
  B_GRP_PROOF_MISSING: {
    et: 'Osalemise tõendus puudub: läbiviija allkiri ja osalejate nimekiri (veebis kuvatõmmis või digiallkirjad).',
    en: 'Proof of attendance is missing: the leader’s signature and the attendance list (online: a screenshot or digital signatures).',
    ru: 'Нет подтверждения участия: подпись ведущего и список участников (онлайн — снимок экрана или цифровые подписи).',
  },
  B_GRP_OVER_QUARTER: {
    et: 'Kvartalis tasutakse ühele teenuseosutajale kuni 12 tugigrupi eest; see grupp on üle piiri.',
    en: 'At most 12 groups per provider are paid in a quarter; this group is over the limit.',
    ru: 'За квартал одному поставщику оплачивается не более 12 групп; эта группа сверх лимита.',
  },
  B_GRP_FILE_NOT_FOR_GROUP: {
    et: 'Kuvatõmmis on veebipõhise grupi tõend; kontaktkohtumisel lisa allkirjastatud osalejate nimekiri.',
    en: 'A screenshot proves an online group; for an in-person meeting upload the signed attendance list.',
    ru: 'Снимок экрана подтверждает онлайн-группу; для очной встречи загрузите подписанный список участников.',
  },
  FILE_EMPTY: { et: 'Fail on tühi.', en: 'The file is empty.', ru: 'Файл пустой.' },
  MAIL_GROUP_PLAN_SUBMITTED_SUBJECT: {
    et: 'Tugigruppide plaan {month}: {provider}',
    en: 'Support group plan {month}: {provider}',
    ru: 'План групп поддержки {month}: {provider}',
  },
  MAIL_GROUP_PLAN_SUBMITTED_BODY: {
    et: '{provider} esitas kuu {month} tugigruppide plaani ({count} gruppi). Vaata ja kinnita grupid Tugis.',
    en: '{provider} submitted the support group plan for {month} ({count} groups). Review and approve the groups in Tugi.',
    ru: '{provider} подал план групп поддержки на {month} (групп: {count}). Проверьте и одобрите группы в Tugi.',
  },
  MAIL_GROUP_APPROVED_SUBJECT: { et: 'Tugigrupp {date} on kinnitatud', en: 'Support group {date} approved', ru: 'Группа поддержки {date} одобрена' },
  MAIL_GROUP_APPROVED_BODY: {
    et: 'SKA kinnitas tugigrupi „{topic}“ ({date}). {reason}',
    en: 'SKA approved the support group “{topic}” ({date}). {reason}',
    ru: 'SKA одобрил группу поддержки «{topic}» ({date}). {reason}',
  },
  MAIL_GROUP_REJECTED_SUBJECT: { et: 'Tugigrupp {date} lükati tagasi', en: 'Support group {date} rejected', ru: 'Группа поддержки {date} отклонена' },
  MAIL_GROUP_REJECTED_BODY: {
    et: 'SKA lükkas tugigrupi „{topic}“ ({date}) tagasi. Põhjus: {reason}',
    en: 'SKA rejected the support group “{topic}” ({date}). Reason: {reason}',
    ru: 'SKA отклонил группу поддержки «{topic}» ({date}). Причина: {reason}',
  },
  MAIL_GROUP_PLAN_REMINDER_SUBJECT: {
    et: 'Tugigruppide plaan {month} on vaja esitada {deadline}',
    en: 'The support group plan for {month} is due on {deadline}',
    ru: 'План групп поддержки на {month} нужно подать до {deadline}',
  },
  MAIL_GROUP_PLAN_REMINDER_BODY: {
    et: 'Järgmise kuu ({month}) tugigruppide plaan tuleb SKA-le esitada hiljemalt {deadline}. Hiljem esitatud plaani ei võeta vastu.',
    en: 'Next month’s ({month}) support group plan must reach SKA by {deadline}. A later plan is not accepted.',
    ru: 'План групп поддержки на следующий месяц ({month}) нужно подать в SKA не позднее {deadline}. Поданный позже план не принимается.',
  },
};
