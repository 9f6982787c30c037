import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel, fieldValueText } from '../member-values';

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** What a correction changes, one field a line: "Ngày sinh: 01/02/1990 → 02/01/1990". */
export function CorrectionChanges({ changes }: { changes: Record<string, readonly [unknown, unknown]> }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={t('members.changes.label')}>
      {entries.map(([field, [from, to]]) => (
        <List.Item key={field}>
          <Text span size="sm" fw={500}>
            {fieldLabel(t, field)}:
          </Text>{' '}
          <Text span size="sm" c="dimmed" td={isBlank(from) ? undefined : 'line-through'}>
            {fieldValueText(t, field, from)}
          </Text>
          {' → '}
          <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
            {fieldValueText(t, field, to)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
