import { Radio, SimpleGrid, Text } from '@mantine/core';
import { IconDeviceLaptop, IconHome, IconMail, IconMessage, IconPhone, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, type ContactKind } from '../types';

const ICON = { home_visit: IconHome, call: IconPhone, meeting: IconUsers, remote_meeting: IconDeviceLaptop, message: IconMessage, email: IconMail } as const;

/** The kind of contact as big tap targets (X-MOBILE): one tap on a phone. */
export function ContactKindField({ value, onChange, error }: { value: string; onChange: (kind: ContactKind) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('families.contact.kind')} value={value} onChange={(v) => onChange(v as ContactKind)} error={error} withAsterisk
      data-testid="contact-form-kind">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt="xs">
        {CONTACT_KINDS.map((k) => {
          const Icon = ICON[k];
          const selected = value === k;
          return (
            <Radio.Card key={k} value={k} radius="md" px="sm" py={8} withBorder data-testid={`contact-form-kind-${k}`} mih={52}
              style={{ borderColor: `var(--mantine-color-${selected ? 'tedi-6' : 'gray-4'})`, borderWidth: selected ? 2 : 1,
                background: selected ? 'var(--mantine-color-tedi-0)' : undefined, display: 'flex', alignItems: 'center', gap: 8 }}>
              <Icon size={22} aria-hidden />
              <Text fw={selected ? 700 : 500} size="sm">{t(`families.contactKind.${k}`)}</Text>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
