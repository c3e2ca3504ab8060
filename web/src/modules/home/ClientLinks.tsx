import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconEye, IconId } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../../platform/api/client';
import type { Page } from '../../platform/api/pagination';
import { PEOPLE_PATH, peopleKeys } from '../people/api';
import type { Person } from '../people/types';

/** A self-service client's own person record: GET /api/people answers just them. */
function useOwnPerson() {
  return useQuery({
    queryKey: [...peopleKeys.all, 'own'],
    queryFn: ({ signal }) => get<Page<Person>>(PEOPLE_PATH, { limit: 1 }, signal),
    select: (page) => page.items[0] ?? null,
    staleTime: 5 * 60_000,
  });
}

/** Home page of a client: links to their own data and to who has used it. */
export function ClientLinks() {
  const { t } = useTranslation();
  const person = useOwnPerson().data;
  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-labelledby="home-my-data-title" data-testid="home-my-data">
      <Title order={2} size="h3" id="home-my-data-title" mb="xs">
        {t('home.myData.title')}
      </Title>
      <Text mb="sm">{t('home.myData.text')}</Text>
      <Group gap="sm">
        {person && (
          <Button component={Link} to={`/people/${encodeURIComponent(person.id)}`} variant="light"
            leftSection={<IconId size={18} aria-hidden />} data-testid="home-my-person">
            {t('home.myData.person')}
          </Button>
        )}
        <Button component={Link} to="/me/data-tracker" variant="light" leftSection={<IconEye size={18} aria-hidden />}
          data-testid="home-my-data-tracker">
          {t('home.myData.tracker')}
        </Button>
      </Group>
    </Paper>
  );
}
