import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import { ComplianceBadge, EpisodeStatusBadge, KindBadge, ReferralStatusBadge } from '../Badges';
import type { FamilyDetail } from '../types';

const childName = (f: FamilyDetail, id: string | null) => {
  const c = f.children.find((x) => x.personId === id);
  return c ? `${c.firstName} ${c.lastName}` : null;
};

/** The family's referrals, newest first. */
export function FamilyReferrals({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  if (f.referrals.length === 0) return <Text c="dimmed">{t('families.referrals.none')}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.tabs.referrals')} data-testid="family-referrals">
      {f.referrals.map((r) => (
        <Paper component="li" key={r.id} withBorder p="sm" radius="md" data-testid="family-referral" data-status={r.status}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={`/families/referrals/${encodeURIComponent(r.id)}`} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>
              {r.reference}
            </Anchor>
            <Group gap={6}><KindBadge kind={r.kind} /><ReferralStatusBadge status={r.status} /></Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t('families.referrals.submittedOn', { date: formatDate(r.submittedOn) })}
            {childName(f, r.childPersonId) && ` · ${childName(f, r.childPersonId)}`}
            {r.providerName && ` · ${r.providerName}`}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** The family's support episodes with the B-FREQ light. */
export function FamilyEpisodes({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  if (f.episodes.length === 0) return <Text c="dimmed">{t('families.episodes.none')}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.tabs.episodes')} data-testid="family-episodes">
      {f.episodes.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm" radius="md" data-testid="family-episode" data-status={e.status}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={`/families/episodes/${encodeURIComponent(e.id)}`} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>
              {t(`families.kind.${e.kind}`)}{childName(f, e.childPersonId) ? ` · ${childName(f, e.childPersonId)}` : ''}
            </Anchor>
            <Group gap={6}><EpisodeStatusBadge status={e.status} />{e.status === 'active' && <ComplianceBadge status={e.compliance} />}</Group>
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(e.startsOn)}–{e.endsOn ? formatDate(e.endsOn) : ''} · {e.providerName}{e.specialistName ? ` · ${e.specialistName}` : ''}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
