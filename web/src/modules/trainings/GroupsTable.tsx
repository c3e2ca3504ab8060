import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { RegisterButtons } from './RegisterButtons';
import { datesText, placeText } from './format';
import type { Group, MyPlace } from './types';
import { PlacesText, StateBadge, UnderfilledBadge } from './ui';

/**
 * Groups with their days, place, places (C-2, C-3), cut-off, state and the
 * C-4 warning; a KOV worker registers from here, everyone opens the group.
 */
export function GroupsTable({ groups, mine, showTraining = false, canRegister = false, testId = 'groups-table' }: { groups: Group[]; mine?: MyPlace | null; showTraining?: boolean; canRegister?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (groups.length === 0) return <Text c="dimmed" data-testid={`${testId}-empty`}>{t('trainings.groups.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trainings.group.group')}</Table.Th>
            {showTraining && <Table.Th>{t('trainings.fields.training')}</Table.Th>}
            <Table.Th>{t('trainings.group.when')}</Table.Th>
            <Table.Th>{t('trainings.group.venue')}</Table.Th>
            <Table.Th>{t('trainings.group.places')}</Table.Th>
            <Table.Th>{t('trainings.group.registration')}</Table.Th>
            <Table.Th>{t('trainings.group.trainer')}</Table.Th>
            {canRegister && <Table.Th>{t('trainings.register.column')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.id} data-testid="group-row" data-group={g.number} data-state={g.registrationState}>
              <Table.Td>
                <Anchor component={Link} to={`/trainings/groups/${g.id}`} fw={600} data-testid="group-link">
                  {t('trainings.group.title', { number: g.number })}{g.city ? `, ${g.city}` : ''}
                </Anchor>
                {mine?.groupId === g.id && <Text size="xs" c="green.9" fw={600}>{t('trainings.register.yours')}</Text>}
              </Table.Td>
              {showTraining && (
                <Table.Td>
                  <Anchor component={Link} to={`/trainings/${g.training.id}`} size="sm">{g.training.title}</Anchor>
                  <Text size="xs" c="dimmed">{g.training.reference}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500}>{datesText(g)}</Text>
                {g.sessions[0] && <Text size="xs" c="dimmed">{g.sessions[0].startsAt}–{g.sessions[0].endsAt}</Text>}
              </Table.Td>
              <Table.Td><Text size="sm">{placeText(g) || t('trainings.group.venueLater')}</Text></Table.Td>
              <Table.Td>
                <PlacesText g={g} />
                <Text size="xs" c="dimmed">{t('trainings.group.capacityText', { min: g.capacityMin, max: g.capacityMax })}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StateBadge g={g} />
                  <UnderfilledBadge g={g} />
                  {g.attendanceDue && <Badge color="orange" variant="light" data-testid="group-attendance-due">{t('trainings.groups.attendanceDue')}</Badge>}
                  {g.status === 'scheduled' && <Text size="xs">{t('trainings.group.cutoffShort', { date: formatDate(g.registrationClosesOn) })}</Text>}
                  {g.mergedInto && <Text size="xs">{t('trainings.group.mergedInto', { number: g.mergedInto.number })}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td><Text size="sm">{g.trainer?.name ?? t('trainings.group.noTrainer')}</Text></Table.Td>
              {canRegister && <Table.Td><RegisterButtons group={g} mine={mine ?? null} /></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
