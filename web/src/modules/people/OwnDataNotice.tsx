import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** On a client's own person page: who to ask for corrections, and who has used the data. */
export function OwnDataNotice() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="own-data-notice">
      <Stack gap="sm" align="flex-start">
        <Text>{t('people.own.correction')}</Text>
        <Button component={Link} to="/me/data-tracker" variant="light" rightSection={<IconArrowRight size={18} aria-hidden />}
          data-testid="own-data-tracker-link">
          {t('people.own.dataTracker')}
        </Button>
      </Stack>
    </Paper>
  );
}
