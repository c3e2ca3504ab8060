import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../auth/roles';
import { activeNavPath, navTestId, navigationFor } from '../navigation';

/** Role-based navigation links; `onNavigate` closes the mobile drawer. */
export function NavLinks({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = navigationFor(role);
  const active = activeNavPath(pathname, items);
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map(({ path, labelKey, icon: Icon }) => (
        <li key={path}>
          <NavLink
            component={Link}
            to={path}
            label={t(labelKey)}
            leftSection={<Icon size={20} aria-hidden />}
            active={active === path}
            aria-current={active === path ? 'page' : undefined}
            onClick={onNavigate}
            data-testid={navTestId(path)}
            styles={{ root: { minHeight: 44, borderRadius: 'var(--mantine-radius-sm)' } }}
          />
        </li>
      ))}
    </Stack>
  );
}
