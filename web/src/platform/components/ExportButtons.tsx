import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type QueryParams } from '../api/client';

interface Props {
  listPath: string;
  filters: QueryParams;
  /** Prefix for data-testid: `<prefix>-export-csv`, `<prefix>-export-xlsx`. */
  testIdPrefix: string;
}

/** CSV/XLSX export links for a list with the current filters (GET, cookie auth). */
export function ExportButtons({ listPath, filters, testIdPrefix }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={exportUrl(listPath, 'csv', filters)}
        download
        variant="default"
        leftSection={<IconFileTypeCsv size={18} aria-hidden />}
        data-testid={`${testIdPrefix}-export-csv`}
      >
        {t('common.exportCsv')}
      </Button>
      <Button
        component="a"
        href={exportUrl(listPath, 'xlsx', filters)}
        download
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        data-testid={`${testIdPrefix}-export-xlsx`}
      >
        {t('common.exportXlsx')}
      </Button>
    </Group>
  );
}
