import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useDataTracker } from './api';
import { DataTrackerTable } from './DataTrackerTable';

/** /me/data-tracker: which organisations looked at or changed a self-service client's data. */
export function DataTrackerPage() {
  const { t } = useTranslation();
  const query = useDataTracker();
  return (
    <>
      <PageHeader title={t('dataTracker.title')} description={t('dataTracker.intro')} />
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && <DataTrackerTable items={query.data} />}
    </>
  );
}
