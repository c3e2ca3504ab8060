import { useEffect, useRef, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  /** Show the magnifier icon (default true). */
  icon?: boolean;
}

/** Search box that reports its value 300 ms after typing stops. */
export function SearchInput({ label, description, value, onChange, testId, icon = true }: Props) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const { value: current, onChange: report } = latest.current;
    if (debounced.trim() !== current) report(debounced.trim());
  }, [debounced]);
  return (
    <TextInput
      type={icon ? 'search' : 'text'}
      label={label}
      description={description}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      leftSection={icon ? <IconSearch size={18} aria-hidden /> : undefined}
      data-testid={testId}
    />
  );
}
