import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldProblems, isApiError } from '../../platform/api/errors';

interface RuleDetails {
  rule?: string;
  clause?: string;
  missing?: string[];
  conflicts?: { code: string; clause?: string }[];
}

function detailsOf(error: unknown): RuleDetails {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return {};
  return error.details as RuleDetails;
}

/**
 * The server's localised message, with the business rule it names (B-COI, B-NEED-2…),
 * each conflict of interest with its clause and what is still missing.
 */
export function RuleErrorAlert({ error, testId = 'rule-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.generic');
  const { rule, clause, missing = [], conflicts = [] } = detailsOf(error);
  const fields = fieldProblems(error);
  const ruleText = rule ? t('families.rules.title', { rule, name: t(`families.rules.${rule}`, { defaultValue: '' }) }) : null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={ruleText ?? t('errors.title')} role="alert" data-testid={testId}
      data-rule={rule} data-code={isApiError(error) ? error.code : undefined}>
      <Text size="sm">{message}{clause ? ` (${clause})` : ''}</Text>
      {conflicts.length > 0 && (
        <List size="sm" mt="xs" data-testid={`${testId}-conflicts`}>
          {conflicts.map((c) => (
            <List.Item key={c.code} data-code={c.code}>
              {t(`families.coi.${c.code}`, { defaultValue: c.code })}{c.clause ? ` (${c.clause})` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {missing.length > 0 && (
        <>
          <Text size="sm" mt="xs">{t('families.rules.missing')}</Text>
          <List size="sm" data-testid={`${testId}-missing`}>
            {missing.map((m) => <List.Item key={m}>{t(`families.missing.${m}`, { defaultValue: m })}</List.Item>)}
          </List>
        </>
      )}
      {fields.length > 0 && (
        <>
          <Text size="sm" mt="xs">{t('families.rules.checkFields')}</Text>
          <List size="sm">
            {[...new Set(fields.map((f) => f.path))].map((path) => <List.Item key={path}>{t(`families.missing.${path}`, { defaultValue: path })}</List.Item>)}
          </List>
        </>
      )}
    </Alert>
  );
}
