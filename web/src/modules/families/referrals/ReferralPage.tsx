import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCheck, IconX } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { useSession } from '../../../platform/auth/useSession';
import { AccessHistory } from '../../../platform/components/AccessHistory';
import { BackLink } from '../../../platform/components/BackLink';
import { DetailList } from '../../../platform/components/DetailList';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { Field } from '../../../platform/components/Field';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { useDocumentTitle } from '../../../platform/components/useDocumentTitle';
import { formatDate } from '../../../platform/format';
import { FirstContactBadge, KindBadge, ReferralStatusBadge } from '../Badges';
import { fullName } from '../options';
import { referralCan } from '../permissions';
import { useReferral } from '../queries';
import { Section, TextBlock } from '../ui/Section';
import type { ReferralDetail } from '../types';
import { ForwardButton, ReasonButton } from './CheckDialogs';
import { FirstContactButton, StartEpisodeButton } from './ProviderDialogs';

function CheckList({ r }: { r: ReferralDetail }) {
  const { t } = useTranslation();
  if (!r.checks.checkedOn) return <Text size="sm" c="dimmed">{t('families.check.notYet')}</Text>;
  const items = (['targetGroup', 'earlierService', 'justificationAndGoals'] as const).filter((k) => r.checks[k] !== null);
  return (
    <Stack gap="xs" data-testid="referral-checks">
      <Text size="sm">{t('families.check.checkedOn', { date: formatDate(r.checks.checkedOn) })}</Text>
      <List size="sm" spacing={4}>
        {items.map((k) => (
          <List.Item key={k} icon={r.checks[k] ? <IconCheck size={16} aria-hidden color="var(--mantine-color-green-7)" /> : <IconX size={16} aria-hidden />}>
            {t(`families.check.${k}`)}: {r.checks[k] ? t('common.yes') : t('common.no')}
          </List.Item>
        ))}
      </List>
      <TextBlock label={t('families.check.notes')} value={r.checks.notes} />
    </Stack>
  );
}

function ReferralView({ r }: { r: ReferralDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  useDocumentTitle(`${r.reference} · ${t('families.referrals.title')}`);
  const can = referralCan(role, r);
  return (
    <>
      <BackLink to="/families/referrals" label={t('families.referrals.backToList')} />
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1}>{r.reference}</Title>
          <Text>
            <Anchor component={Link} to={`/families/${encodeURIComponent(r.family.id)}`} data-testid="referral-family-link">{r.family.reference}</Anchor>
            {' · '}{t(`families.type.${r.family.type}`)}{r.child && ` · ${fullName(r.child)}`}
          </Text>
          <Group gap="xs">
            <KindBadge kind={r.kind} />
            <ReferralStatusBadge status={r.status} />
            <FirstContactBadge state={r.firstContactState} due={r.firstContactDue} on={r.firstContactOn} />
          </Group>
        </Stack>
        <Group gap="sm">
          {can.check && <ForwardButton r={r} />}
          {can.check && <ReasonButton r={r} action="reject" />}
          {can.start && <StartEpisodeButton r={r} />}
          {can.firstContact && <FirstContactButton r={r} />}
          {can.withdraw && <ReasonButton r={r} action="withdraw" />}
          {r.episode && (
            <Button component={Link} to={`/families/episodes/${encodeURIComponent(r.episode.id)}`} variant="light" rightSection={<IconArrowRight size={18} aria-hidden />}
              data-testid="referral-episode-link">
              {t('families.referrals.openEpisode')}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="lg">
        {created && <Alert color="green" role="status" data-testid="referral-created">{t('families.referrals.created', { reference: r.reference })}</Alert>}
        {r.rejectionReason && (
          <Alert color={r.status === 'rejected' ? 'red' : 'gray'} title={t(`families.referrals.reasonTitle_${r.status}`, { defaultValue: t('families.check.rejectReason') })}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.rejectionReason}</Text>
          </Alert>
        )}
        <Section title={t('families.referrals.request')} testId="referral-request">
          <DetailList>
            <Field label={t('families.fields.source')}>{t(`families.source.${r.source}`)}</Field>
            <Field label={t('families.fields.kov')}>{r.kov?.name}</Field>
            <Field label={t('families.fields.submittedOn')}>{`${formatDate(r.submittedOn)}${r.submittedBy ? ` · ${r.submittedBy}` : ''}`}</Field>
            <Field label={t('families.fields.preferredProvider')}>{r.preferredProvider?.name}</Field>
            <Field label={t('families.fields.casePlanReference')}>{r.casePlanReference}</Field>
          </DetailList>
          <TextBlock label={t('families.fields.topics')} value={r.topics} />
          <TextBlock label={t('families.fields.problems')} value={r.problems} />
          <TextBlock label={t('families.fields.goals')} value={r.goals} />
          <TextBlock label={t('families.fields.notes')} value={r.notes} />
        </Section>
        <Section title={t('families.check.title')} testId="referral-check">
          <CheckList r={r} />
        </Section>
        <Section title={t('families.referrals.provider')} intro={t('families.firstContact.rule')} testId="referral-provider">
          <DetailList>
            <Field label={t('families.fields.provider')}>{r.provider?.name}</Field>
            <Field label={t('families.fields.receivedOn')}>{formatDate(r.receivedOn)}</Field>
            <Field label={t('families.fields.firstContactDue')}>{formatDate(r.firstContactDue)}</Field>
            <Field label={t('families.fields.firstContactOn')}>
              {r.firstContactOn ? `${formatDate(r.firstContactOn)}${r.firstContactChannel ? ` · ${t(`families.contactKind.${r.firstContactChannel}`, { defaultValue: r.firstContactChannel })}` : ''}` : null}
            </Field>
          </DetailList>
        </Section>
        <AccessHistory recordType="family_referral" recordId={r.id} />
      </Stack>
    </>
  );
}

/** /families/referrals/:id — the request, SKA's check (B-NEED-2), the provider's receipt and first contact (B-START). */
export function ReferralPage() {
  const id = useParams().id ?? '';
  const query = useReferral(id);
  if (query.isPending) return <InlineLoader />;
  if (!query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return missing ? <NotFoundPage /> : <ErrorAlert error={query.error} />;
  }
  return <ReferralView key={id} r={query.data} />;
}
