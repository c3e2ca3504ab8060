import { Alert, Anchor, List } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { DuplicateCandidate } from './types';

/** X-FIND: people that may be the same person (same code, or same birth date and a similar name). */
export function DuplicatesAlert({ items }: { items: DuplicateCandidate[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconCopy aria-hidden />} title={t('people.duplicates.title')} data-testid="possible-duplicates">
      {t('people.duplicates.text')}
      <List mt="xs">
        {items.map((d) => (
          <List.Item key={d.id}>
            <Anchor component={Link} to={`/people/${encodeURIComponent(d.id)}`}>
              {d.lastName}, {d.firstName}
            </Anchor>{' '}
            ({formatDate(d.birthDate)})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
