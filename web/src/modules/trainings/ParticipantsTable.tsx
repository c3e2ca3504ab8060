import { Anchor, Badge, Group as Row, Stack, Table, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInTallinn } from '../../platform/format';
import { certificateUrl } from './api';
import { useTrainingRole } from './format';
import { CancelRegistrationButton } from './GroupActions';
import type { AttendanceStatus, GroupDetail } from './types';
import { StatusBadge } from './ui';

const MARK_COLOR: Record<AttendanceStatus, string> = { present: 'green', partial: 'orange', absent: 'red' };

/** The certificate of a participant who attended in full (C-5), as a download link. */
export function CertificateLink({ registrationId, name }: { registrationId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={certificateUrl(registrationId)} size="sm" download data-testid="certificate-link" aria-label={t('trainings.registration.certificateOf', { name })}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}>
      <IconCertificate size={16} aria-hidden />
      {t('trainings.registration.certificate')}
    </Anchor>
  );
}

/** A group's registrations the user may see: status and waitlist place (C-3), attendance per day and certificate (C-5). */
export function ParticipantsTable({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const { isManager, isKov } = useTrainingRole();
  const started = group.startsOn <= todayInTallinn();
  const pastDays = group.sessions.filter((s) => s.day <= todayInTallinn());
  if (group.registrations.length === 0) return <Text c="dimmed" data-testid="participants-empty">{t('trainings.participants.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid="participants-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trainings.participants.name')}</Table.Th>
            <Table.Th>{t('trainings.participants.kov')}</Table.Th>
            <Table.Th>{t('trainings.participants.status')}</Table.Th>
            <Table.Th>{t('trainings.participants.attendance')}</Table.Th>
            <Table.Th>{t('trainings.participants.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.registrations.map((r) => (
            <Table.Tr key={r.id} data-testid="participant-row" data-participant={r.participant.name} data-status={r.status}>
              <Table.Td>
                <Text size="sm" fw={500}>{r.participant.name}</Text>
                <Text size="xs" c="dimmed">{t('trainings.registration.registeredBy', { name: r.registeredBy, date: formatDate(r.registeredAt) })}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{r.organisation.name}</Text></Table.Td>
              <Table.Td><StatusBadge status={r.status} position={r.waitlistPosition} /></Table.Td>
              <Table.Td>
                {r.status === 'confirmed' && pastDays.length > 0 ? (
                  <Row gap={4} wrap="wrap">
                    {pastDays.map((s) => {
                      const mark = r.attendance[s.id];
                      return (
                        <Badge key={s.id} size="sm" variant={mark ? 'light' : 'outline'} color={mark ? MARK_COLOR[mark] : 'gray'}>
                          {formatDate(s.day).slice(0, 5)} {mark ? t(`trainings.attendance.${mark}`) : t('trainings.participants.notRecorded')}
                        </Badge>
                      );
                    })}
                  </Row>
                ) : (
                  <Text size="sm" c="dimmed">—</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  {r.certificateAvailable && <CertificateLink registrationId={r.id} name={r.participant.name} />}
                  {!started && (r.status === 'confirmed' || r.status === 'waitlisted') && (isManager || isKov) && <CancelRegistrationButton registration={r} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
