import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

/** "← Back to list" link above a detail page's heading. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 44 }}
    >
      <IconArrowLeft size={16} aria-hidden />
      {label}
    </Anchor>
  );
}
