import { Alert, Button, Stack } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { useSession } from '../../../platform/auth/useSession';
import { AccessHistory } from '../../../platform/components/AccessHistory';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { familyCan } from '../permissions';
import { useFamily } from '../queries';
import { TabbedPanels, useTabParam } from '../ui/TabbedPanels';
import type { FamilyDetail } from '../types';
import { FamilyEditForm } from './FamilyEditForm';
import { FamilyFacts } from './FamilyFacts';
import { FamilyHeader } from './FamilyHeader';
import { FamilyPeople } from './FamilyPeople';
import { FamilyEpisodes, FamilyReferrals } from './FamilyServices';
import { FamilyTimeline } from './FamilyTimeline';
import { VolumeSection } from './VolumeSection';
import { SessionsCard } from '../sessions/SessionsCard';

const TABS = ['overview', 'referrals', 'episodes', 'timeline'] as const;

function FamilyView({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [tab, setTab] = useTabParam(TABS, 'overview');
  const refer = familyCan.refer(role) && (
    <Button component={Link} to={`/families/referrals/new?familyId=${encodeURIComponent(f.id)}`} leftSection={<IconSend size={18} aria-hidden />}
      data-testid="referral-create">
      {t('families.referrals.create')}
    </Button>
  );
  const panels = [
    {
      id: 'overview',
      label: t('families.tabs.overview'),
      content: (
        <Stack gap="lg">
          <FamilyFacts f={f} />
          <FamilyPeople f={f} />
          <VolumeSection f={f} />
          <SessionsCard familyId={f.id} />
          {familyCan.edit(role) && <FamilyEditForm f={f} />}
        </Stack>
      ),
    },
    { id: 'referrals', label: t('families.tabs.referralsCount', { count: f.referrals.length }), content: <FamilyReferrals f={f} /> },
    { id: 'episodes', label: t('families.tabs.episodesCount', { count: f.episodes.length }), content: <FamilyEpisodes f={f} /> },
    { id: 'timeline', label: t('families.tabs.timeline'), content: <FamilyTimeline items={f.timeline} /> },
  ];
  return (
    <>
      <FamilyHeader f={f} actions={refer} />
      <Stack gap="lg">
        {created && <Alert color="green" role="status" data-testid="family-created">{t('families.created', { reference: f.reference })}</Alert>}
        <TabbedPanels panels={panels} tab={tab} onTab={setTab} testId="family" />
        <AccessHistory recordType="family" recordId={f.id} />
      </Stack>
    </>
  );
}

/** /families/:id — one family: children and their windows, volume, referrals, services, timeline. */
export function FamilyPage() {
  const id = useParams().id ?? '';
  const query = useFamily(id);
  if (query.isPending) return <InlineLoader />;
  if (!query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return missing ? <NotFoundPage /> : <ErrorAlert error={query.error} />;
  }
  return <FamilyView key={id} f={query.data} />;
}
