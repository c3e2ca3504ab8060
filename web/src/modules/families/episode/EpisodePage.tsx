import { useState } from 'react';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { useSession } from '../../../platform/auth/useSession';
import { AccessHistory } from '../../../platform/components/AccessHistory';
import { BackLink } from '../../../platform/components/BackLink';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { useDocumentTitle } from '../../../platform/components/useDocumentTitle';
import { EpisodeStatusBadge, KindBadge } from '../Badges';
import { fullName } from '../options';
import { episodeCan } from '../permissions';
import { useEpisode } from '../queries';
import { TabbedPanels, useTabParam } from '../ui/TabbedPanels';
import type { Compliance, EpisodeDetail } from '../types';
import { AssignButton, SwitchButton } from './AdminDialogs';
import { AgreementButton, AgreementSection } from './AgreementSection';
import { ComplianceCard } from './ComplianceCard';
import { ContactAddButton } from './ContactAddButton';
import { ContactLog } from './ContactLog';
import { EndButton } from './EndDialog';
import { EpisodeFacts } from './EpisodeFacts';
import { EpisodePdfs } from './EpisodePdfs';
import { KovReports } from './KovReports';
import { SupportPlan } from './SupportPlan';
import { TerminationSection } from './TerminationSection';
import { SessionsCard } from '../sessions/SessionsCard';

function Header({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const can = episodeCan(role, e);
  useDocumentTitle(`${e.family.reference} · ${t(`families.kind.${e.kind}`)}`);
  return (
    <>
      <BackLink to={role === 'provider_specialist' ? '/families/my' : '/families/episodes'} label={t(role === 'provider_specialist' ? 'families.my.back' : 'families.episodes.back')} />
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1}>{e.family.reference}</Title>
          <Text>{e.family.parentNames}{e.child ? ` · ${fullName(e.child)}` : ''}</Text>
          <Group gap="xs"><KindBadge kind={e.kind} /><EpisodeStatusBadge status={e.status} /></Group>
        </Stack>
        <Group gap="sm">
          {can.agreement && !e.agreement && <AgreementButton e={e} />}
          {can.end && <EndButton e={e} />}
          {can.assign && <AssignButton e={e} />}
          {can.switch && <SwitchButton e={e} />}
        </Group>
      </Group>
    </>
  );
}

function EpisodeView({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const can = episodeCan(role, e);
  const started = (useLocation().state as { started?: boolean } | null)?.started === true;
  const [saved, setSaved] = useState<Compliance | null>(null);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const tabs = ['contacts', 'agreement', ...(e.kind === 'needs_based' ? ['plan'] : []), 'kov', 'documents'];
  const [tab, setTab] = useTabParam(tabs, 'contacts');
  const contactButton = can.contact ? (
    <ContactAddButton e={e} fullWidth={isPhone} onSaved={(c) => { setSaved(c); setTab('contacts'); }} />
  ) : can.continuedContact ? (
    <ContactAddButton e={e} continued fullWidth={isPhone} onSaved={(c) => { setSaved(c); setTab('contacts'); }} />
  ) : null;
  const panels = [
    { id: 'contacts', label: t('families.tabs.contactsCount', { count: e.contacts.length }), content: <ContactLog e={e} /> },
    {
      id: 'agreement',
      label: t(e.status === 'ended' ? 'families.tabs.agreementEnd' : 'families.tabs.agreement'),
      content: (
        <Stack gap="lg">
          <TerminationSection e={e} canEdit={can.afterEnd} />
          <AgreementSection e={e} canEdit={can.agreement} />
        </Stack>
      ),
    },
    ...(e.kind === 'needs_based' ? [{ id: 'plan', label: t('families.tabs.plan'), content: <SupportPlan e={e} canEdit={can.goals} /> }] : []),
    { id: 'kov', label: t('families.tabs.kov'), content: <KovReports e={e} canOverview={can.kovReport && e.status !== 'ended'} canNeedNotice={can.afterEnd} /> },
    { id: 'documents', label: t('families.tabs.documents'), content: <EpisodePdfs e={e} /> },
  ];
  return (
    <>
      <Header e={e} />
      <Stack gap="lg">
        {started && <Alert color="green" role="status" data-testid="episode-started">{t('families.start.done')}</Alert>}
        <ComplianceCard e={e} action={contactButton} />
        {saved && (
          <Alert color="green" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSaved(null)} data-testid="contact-saved">
            {t('families.contact.saved', { status: t(`families.compliance.status.${saved.status}`) })}
          </Alert>
        )}
        <EpisodeFacts e={e} />
        {e.kind === 'mentoring' && <SessionsCard familyId={e.family.id} episodeId={e.id} />}
        <TabbedPanels panels={panels} tab={tab} onTab={setTab} testId="episode" />
        <AccessHistory recordType="family_episode" recordId={e.id} />
      </Stack>
    </>
  );
}

/** /families/episodes/:id — one family-support service: traffic light, contact log, agreement, plan, KOV reports, PDFs. */
export function EpisodePage() {
  const id = useParams().id ?? '';
  const query = useEpisode(id);
  if (query.isPending) return <InlineLoader />;
  if (!query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return missing ? <NotFoundPage /> : <ErrorAlert error={query.error} />;
  }
  return <EpisodeView key={id} e={query.data} />;
}
