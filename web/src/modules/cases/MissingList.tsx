import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missingLabel } from './missing';
import type { CaseDetail } from './types';

interface Props {
  c: CaseDetail;
  missing: readonly string[];
  onGoTo: (field: string) => void;
  id?: string;
}

/** "Still needed:" with a link to each missing field. */
export function MissingList({ c, missing, onGoTo, id }: Props) {
  const { t } = useTranslation();
  const fields = missing.filter((m) => m !== 'reason');
  if (fields.length === 0) return null;
  return (
    <div id={id} data-testid="transition-missing">
      <Text size="sm">{t('cases.missing.title')}</Text>
      <List size="sm" withPadding>
        {fields.map((m) => (
          <List.Item key={m} data-missing={m}>
            <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(m)} mih={24}>
              {missingLabel(m, c, t)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
