import { useId } from 'react';
import { Group, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { prefetchLanguages } from '../i18n';
import { LANGUAGES, isLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';

function OptionLabel({ code, name }: { code: string; name: string }) {
  return (
    <span lang={code} data-testid={`language-${code}`}>
      <span aria-hidden>{code.toUpperCase()}</span>
      <VisuallyHidden>{name}</VisuallyHidden>
    </span>
  );
}

/** et/en/ru radio group; the choice is remembered locally and, when logged in, on the server. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const labelId = useId();
  const data = LANGUAGES.map((code) => ({
    value: code,
    label: <OptionLabel code={code} name={t(`languages.${code}`)} />,
  }));
  return (
    <Group gap={0} role="group" aria-labelledby={labelId} onPointerEnter={prefetchLanguages} onFocus={prefetchLanguages}>
      <VisuallyHidden id={labelId}>{t('layout.language')}</VisuallyHidden>
      <SegmentedControl
        className="language-switcher"
        data-testid="language-switcher"
        value={language}
        onChange={(value) => isLanguage(value) && setLanguage(value)}
        data={data}
        size="sm"
        radius="xl"
      />
    </Group>
  );
}
