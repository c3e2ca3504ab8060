import { Anchor, Paper } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../../platform/components/DetailList';
import { Field } from '../../../platform/components/Field';
import { formatDate } from '../../../platform/format';
import { FirstContactBadge } from '../Badges';
import { fullName } from '../options';
import type { EpisodeDetail } from '../types';

/** Who, since when, until when at the latest (window, volume or B-LEAVE) and how the first contact went (B-START). */
export function EpisodeFacts({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  const l = e.limit;
  return (
    <Paper withBorder p="md" radius="md" data-testid="episode-facts">
      <DetailList>
        <Field label={t('families.fields.family')}>
          <Anchor component={Link} to={`/families/${encodeURIComponent(e.family.id)}`} data-testid="episode-family-link">{e.family.reference}</Anchor>
          {` · ${e.family.parentNames}`}
        </Field>
        {e.child && <Field label={t('families.fields.child')}>{fullName(e.child)}</Field>}
        <Field label={t('families.fields.specialist')}>{e.specialist?.name ?? t('families.unassigned')}</Field>
        <Field label={t('families.fields.provider')}>{e.provider.name}</Field>
        <Field label={t('families.fields.startsOn')}>{formatDate(e.startsOn)}</Field>
        {l.lastAllowedDay && e.status !== 'ended' && (
          <Field label={t('families.limit.lastDay')}>
            <span data-testid="episode-limit" data-remaining={l.remainingDays ?? ''}>
              {formatDate(l.lastAllowedDay)}
              {l.remainingDays !== null && ` · ${t('families.limit.remaining', { count: l.remainingDays })}`}
              {l.limitKind && ` (${t(`families.limit.kind.${l.limitKind}`)})`}
            </span>
          </Field>
        )}
        {e.familyNeedsBased && (
          <Field label={t('families.limit.familyVolume')}>{t('families.volume.remaining', { count: e.familyNeedsBased.remainingDays })}</Field>
        )}
        {e.referral && (
          <Field label={t('families.fields.referral')}>
            <Anchor component={Link} to={`/families/referrals/${encodeURIComponent(e.referral.id)}`}>{e.referral.reference}</Anchor>{' '}
            <FirstContactBadge state={e.referral.firstContactState} due={e.referral.firstContactDue} on={e.referral.firstContactOn} />
          </Field>
        )}
        <Field label={t('families.fields.language')}>{t(`families.language.${e.family.language}`, { defaultValue: e.family.language })}</Field>
      </DetailList>
    </Paper>
  );
}
