import { List, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPoint } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'common', 'contains_identity', 'too_simple'] as const;

/** The server's password policy (server/src/platform/auth/password-policy.ts), shown in the hints. */
export const PASSWORD_RULES = { min: 12, passphrase: 16, max: 256 } as const;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Policy codes the server rejected (details.problems). */
  problems: string[];
  error?: string;
  testId?: string;
}

/** Password input with the policy hints; rejected rules are marked and announced. */
export function PasswordField({ label, value, onChange, problems, error, testId }: Props) {
  const { t } = useTranslation();
  const hintsId = useId();
  const failed = new Set(problems);
  return (
    <Stack gap="xs">
      <PasswordInput
        label={label}
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error ?? (problems.length > 0 ? t('users.password.rejected') : undefined)}
        withAsterisk
        data-testid={testId}
        visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
      />
      <div id={hintsId} aria-live="polite">
        <Text size="sm" fw={700}>
          {t('users.password.policyTitle')}
        </Text>
        <List size="sm" spacing={2} data-testid="password-policy" center>
          {PASSWORD_PROBLEMS.map((code) => {
            const bad = failed.has(code);
            return (
              <List.Item
                key={code}
                icon={bad ? <IconAlertCircle size={16} color="var(--general-status-danger-text)" aria-hidden /> : <IconPoint size={16} aria-hidden />}
                c={bad ? 'var(--general-status-danger-text)' : undefined}
                data-failed={bad || undefined}
              >
                {t(`users.password.hints.${code}`, PASSWORD_RULES)}
                {bad && ` — ${t('users.password.notMet')}`}
              </List.Item>
            );
          })}
        </List>
      </div>
    </Stack>
  );
}
