import { Anchor, Badge, Button, Card, Group as Row, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { useCalendar } from './api';
import { datesText, thisYear } from './format';
import { StateBadge } from './ui';

const KEYS = ['year'] as const;

function monthName(month: string, language: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** /trainings/calendar — C-6: every group of the year by month, and each training with its number of groups (as 002 lists them). */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const year = /^\d{4}$/.test(filters.year) ? Number(filters.year) : thisYear();
  const calendar = useCalendar(year);
  return (
    <>
      <PageHeader
        title={t('trainings.calendar.title', { year })}
        description={t('trainings.calendar.intro')}
        actions={
          <Row gap="xs">
            <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={() => setFilter('year', String(year - 1))} data-testid="calendar-previous">{year - 1}</Button>
            <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => setFilter('year', String(year + 1))} data-testid="calendar-next">{year + 1}</Button>
          </Row>
        }
      />
      {calendar.isPending ? <InlineLoader /> : calendar.error ? <ErrorAlert error={calendar.error} /> : (
        <Stack gap="xl">
          <section aria-labelledby="calendar-trainings">
            <Title order={2} size="h4" id="calendar-trainings" mb="sm">{t('trainings.calendar.trainings')}</Title>
            {calendar.data.trainings.length === 0 ? <Text c="dimmed">{t('trainings.calendar.noGroups')}</Text> : (
              <Table.ScrollContainer minWidth={520}>
                <Table striped data-testid="calendar-trainings-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('trainings.fields.training')}</Table.Th>
                      <Table.Th>{t('trainings.calendar.groupsCount')}</Table.Th>
                      <Table.Th>{t('trainings.calendar.cancelledCount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {calendar.data.trainings.map((x) => (
                      <Table.Tr key={x.id} data-testid="calendar-training-row">
                        <Table.Td><Anchor component={Link} to={`/trainings/${x.id}`}>{x.title}</Anchor> <Text span size="xs" c="dimmed">{x.reference}</Text></Table.Td>
                        <Table.Td data-testid="calendar-training-groups">{x.groups}</Table.Td>
                        <Table.Td>{x.cancelled}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
          <section aria-labelledby="calendar-months">
            <Title order={2} size="h4" id="calendar-months" mb="sm">{t('trainings.calendar.months')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} data-testid="calendar-months">
              {calendar.data.months.map((m) => (
                <Card key={m.month} withBorder radius="md" padding="sm" component="section" aria-label={monthName(m.month, i18n.language)} data-testid="calendar-month" data-month={m.month}>
                  <Title order={3} size="h5" mb="xs">{monthName(m.month, i18n.language)}</Title>
                  {m.groups.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
                    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                      {m.groups.map((g) => (
                        <li key={g.id}>
                          <Anchor component={Link} to={`/trainings/groups/${g.id}`} size="sm" fw={600}>{g.training.title}</Anchor>
                          <Text size="xs">{datesText(g)} · {t('trainings.group.title', { number: g.number })}{g.city ? `, ${g.city}` : ''}</Text>
                          <Row gap={4} mt={2}>
                            <StateBadge g={g} />
                            <Badge size="sm" variant="outline">{t('trainings.group.placesText', { confirmed: g.confirmed, max: g.capacityMax })}</Badge>
                          </Row>
                        </li>
                      ))}
                    </Stack>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          </section>
        </Stack>
      )}
    </>
  );
}
