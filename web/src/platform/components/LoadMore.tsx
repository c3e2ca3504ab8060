import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Showing N" and a "Load more" button for keyset-paginated lists. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.showing', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="light" loading={loading} onClick={onLoadMore} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
