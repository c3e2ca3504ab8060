import { Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { useSession } from '../../../platform/auth/useSession';
import { BackLink } from '../../../platform/components/BackLink';
import { DetailList } from '../../../platform/components/DetailList';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { Field } from '../../../platform/components/Field';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { ActiveBadge } from '../../../platform/components/StatusBadge';
import { useDocumentTitle } from '../../../platform/components/useDocumentTitle';
import { formatDate } from '../../../platform/format';
import { useOrganisationOptions } from '../../admin/api';
import { useSpecialist } from '../queries';
import { Section, TextBlock } from '../ui/Section';
import type { SpecialistDetail } from '../types';
import { ApprovalButton, CoiClearButton } from './ApprovalDialogs';
import { SpecialistDocuments } from './SpecialistDocuments';
import { SpecialistEditForm } from './SpecialistEditForm';
import { ApprovalBadge } from './SpecialistsTable';

function SpecialistView({ s }: { s: SpecialistDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const kovs = useOrganisationOptions('kov');
  useDocumentTitle(`${s.name} · ${t('families.specialists.title')}`);
  const kovName = (id: string) => kovs.data?.find((k) => k.id === id)?.name ?? '';
  const approved = Boolean(s.skaApprovedOn);
  return (
    <>
      <BackLink to="/families/specialists" label={t('families.specialists.back')} />
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1}>{s.name}</Title>
          <Text>{s.providerName} · {s.email}</Text>
          <Group gap="xs"><ApprovalBadge s={s} /><ActiveBadge active={s.active} /></Group>
        </Stack>
        {role === 'ska_contact' && (
          <Group gap="sm">
            <ApprovalButton s={s} approve />
            {approved && <ApprovalButton s={s} approve={false} />}
            <CoiClearButton s={s} />
          </Group>
        )}
      </Group>
      <Stack gap="lg">
        <Section title={t('families.specialists.details')} testId="specialist-details">
          <DetailList>
            <Field label={t('families.specialists.roles')}>{s.roles.map((r) => t(`families.specialistRole.${r}`)).join(', ')}</Field>
            <Field label={t('families.specialists.languages')}>{s.languages.map((l) => t(`families.language.${l}`)).join(', ')}</Field>
            <Field label={t('families.specialists.approval')}>
              {s.skaApprovedOn ? `${formatDate(s.skaApprovedOn)}${s.skaApprovalReference ? ` · ${s.skaApprovalReference}` : ''}` : t('families.specialists.notApproved')}
            </Field>
            <Field label={t('families.specialists.running')}>{s.runningEpisodes}</Field>
            <Field label={t('families.specialists.posts')}>
              {s.officialPosts.length ? s.officialPosts.map((p) => `${kovName(p.kovOrganisationId)}${p.district ? ` (${p.district})` : ''}`).join(', ') : t('families.specialists.noPosts')}
            </Field>
          </DetailList>
          <TextBlock label={t('families.fields.notes')} value={s.notes} />
        </Section>
        {role === 'provider_admin' && <SpecialistEditForm key={s.version} s={s} />}
        <SpecialistDocuments s={s} canAdd={role === 'provider_admin'} />
      </Stack>
    </>
  );
}

/** /families/specialists/:id — one specialist: approval, roles, languages, posts, documents. */
export function SpecialistPage() {
  const id = useParams().id ?? '';
  const query = useSpecialist(id);
  if (query.isPending) return <InlineLoader />;
  if (!query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return missing ? <NotFoundPage /> : <ErrorAlert error={query.error} />;
  }
  return <SpecialistView key={id} s={query.data} />;
}
