import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../platform/components/DetailList';
import { Field } from '../../platform/components/Field';
import { ageOn, formatDate } from '../../platform/format';
import { LinkedFrom } from './LinkedCase';
import type { CaseDetail } from './types';

/** The case's fixed facts: child, municipality, who handles it, key dates. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const age = ageOn(c.child.birthDate);
  return (
    <Paper withBorder p="md" radius="md" data-testid="case-facts">
      <DetailList>
        <Field label={t('cases.fields.child')}>{`${c.child.firstName} ${c.child.lastName}`}</Field>
        <Field label={t('people.fields.personalCode')}>{c.child.personalCode ?? t('people.noCode')}</Field>
        <Field label={t('people.fields.birthDate')}>
          {`${formatDate(c.child.birthDate)} (${t('people.ageYears', { count: age })})`}
        </Field>
        <Field label={t('cases.fields.kov')}>
          {c.kov.county ? `${c.kov.name}, ${t(`counties.${c.kov.county}`, { defaultValue: c.kov.county })}` : c.kov.name}
        </Field>
        <Field label={t('cases.fields.kovWorker')}>{c.kov.workerName}</Field>
        <Field label={t('cases.fields.specialist')}>{c.specialist?.name ?? t('cases.unassigned')}</Field>
        <Field label={t('cases.fields.receivedOn')}>{formatDate(c.receivedOn)}</Field>
        {c.firstContactDue && <Field label={t('cases.fields.firstContactDue')}>{formatDate(c.firstContactDue)}</Field>}
        {c.opinionDue && <Field label={t('cases.fields.opinionDue')}>{formatDate(c.opinionDue)}</Field>}
        {c.opinionIssuedOn && <Field label={t('cases.fields.opinionIssuedOn')}>{formatDate(c.opinionIssuedOn)}</Field>}
        {c.closedOn && <Field label={t('cases.fields.closedOn')}>{formatDate(c.closedOn)}</Field>}
        {c.linkedCaseId && <Field label={t('cases.fields.linkedCase')}><LinkedFrom c={c} /></Field>}
      </DetailList>
    </Paper>
  );
}
