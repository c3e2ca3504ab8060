import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { BackLink } from '../../platform/components/BackLink';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useProceeding } from './api';
import { Correspondence } from './Correspondence';
import { Outcome } from './Outcome';
import { AssignmentActions, Parties, ProceedingData } from './Profile';
import { Sessions } from './Sessions';

/**
 * /mediation/:id — one proceeding: the client profile (E-PROFILE), consent and
 * the mediator (E-ASSIGN), sessions and booking (E-BOOK), the correspondence
 * with decisions (E-MSG) and the agreement with its register delivery (E-REG).
 */
export function ProceedingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const proceeding = useProceeding(id);
  if (proceeding.isPending) return <InlineLoader />;
  if (proceeding.error) return <ErrorAlert error={proceeding.error} />;
  const p = proceeding.data;
  return (
    <>
      <BackLink to="/mediation" label={user.role === 'client' ? t('mediation.page.backClient') : t('mediation.page.back')} />
      <PageHeader
        title={t('mediation.page.title', { reference: p.reference })}
        documentTitle={t('mediation.page.title', { reference: p.reference })}
        description={p.parents.map((x) => `${x.firstName} ${x.lastName}`).join(' · ')}
        actions={<AssignmentActions p={p} />}
      />
      <Stack gap="lg">
        <Sessions p={p} role={user.role} />
        <Correspondence p={p} myId={user.id} canDecide={p.can.decide} />
        <ProceedingData p={p} />
        <Parties p={p} canEditAll={user.role === 'ska_contact'} />
        <Outcome p={p} />
      </Stack>
    </>
  );
}
