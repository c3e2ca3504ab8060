import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconClockExclamation } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { ComplianceBadge, KindBadge } from '../Badges';
import { episodeLink } from '../episodes/EpisodesTable';
import { useMyFamilies } from '../queries';
import type { MyFamilyItem } from '../types';
import { QuickContactButton } from './QuickContactButton';

type DueGroup = 'overdue' | 'week' | 'later';
const groupOf = (i: MyFamilyItem): DueGroup => (i.due.some((d) => d.overdue) ? 'overdue' : i.dueThisWeek ? 'week' : 'later');

function FamilyCard({ item, onSaved }: { item: MyFamilyItem; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="my-family" data-family={item.familyReference} data-compliance={item.compliance}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={episodeLink(item.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }} data-testid="my-family-open">
            {item.familyReference} · {item.parentNames}
          </Anchor>
          <Group gap={6}><KindBadge kind={item.kind} /><ComplianceBadge status={item.compliance} /></Group>
        </Group>
        {item.childName && <Text size="sm" c="dimmed">{item.childName} · {item.kovName}</Text>}
        {item.due.length > 0 ? (
          <List size="sm" spacing={2} data-testid="my-family-due">
            {item.due.map((d) => (
              <List.Item key={d.kind} data-kind={d.kind} data-overdue={d.overdue} icon={d.overdue ? <IconClockExclamation size={16} aria-hidden color="var(--mantine-color-red-8)" /> : undefined}>
                <Text span size="sm" fw={d.overdue ? 700 : 400} c={d.overdue ? 'red.8' : undefined}>
                  {t(`families.due.${d.kind}`, { date: formatDate(d.due) })}{d.overdue ? ` — ${t('families.compliance.overdue')}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">{item.status === 'pending' ? t('families.my.agreementMissing') : t('families.my.nothingDue')}</Text>
        )}
        <Group gap="xs">
          {item.status === 'active' ? <QuickContactButton item={item} onSaved={onSaved} /> : (
            <Button component={Link} to={episodeLink(item.id)} variant="light" rightSection={<IconArrowRight size={18} aria-hidden />} data-testid="my-family-agreement">
              {t('families.agreement.add')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function GroupList({ group, items, onSaved }: { group: DueGroup; items: MyFamilyItem[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const id = `my-families-${group}`;
  return (
    <section aria-labelledby={id} data-testid={`my-families-${group}`}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" id={id}>{t(`families.my.group.${group}`)}</Title>
        <Badge color={group === 'overdue' ? 'red' : group === 'week' ? 'orange' : 'gray'} variant="light">{items.length}</Badge>
      </Group>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
        {items.map((i) => <FamilyCard key={i.id} item={i} onSaved={onSaved} />)}
      </Stack>
    </section>
  );
}

/** /families/my — the family supporter's running services, what is due first; a contact is logged from here in a few taps. */
export function MyFamiliesPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const query = useMyFamilies();
  const [saved, setSaved] = useState<string | null>(null);
  const items = query.data?.items ?? [];
  const by = (g: DueGroup) => items.filter((i) => groupOf(i) === g);
  // The home page sends a project manager here too ("due this week"): their view is the team's running services.
  if (role === 'provider_admin') return <Navigate to="/families/episodes?status=running" replace />;
  return (
    <>
      <PageHeader title={t('families.my.title')} description={query.data ? t('families.my.intro', { date: formatDate(query.data.weekEnds) }) : undefined} />
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && items.length === 0 && <Alert color="gray" data-testid="my-families-empty">{t('families.my.empty')}</Alert>}
      {saved && (
        <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSaved(null)}
          data-testid="my-family-contact-saved">
          {saved}
        </Alert>
      )}
      {query.data && (
        <Stack gap="xl" data-testid="my-families">
          <GroupList group="overdue" items={by('overdue')} onSaved={setSaved} />
          <GroupList group="week" items={by('week')} onSaved={setSaved} />
          <GroupList group="later" items={by('later')} onSaved={setSaved} />
        </Stack>
      )}
    </>
  );
}
