import { Badge, Code, Paper, Stack, Table, Text } from '@mantine/core';
import type { AuditEntryDto } from '@union/contracts/audit';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/dates';
import { isKnownAuditAction } from './audit-actions';

function formatDetails(details: AuditEntryDto['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

function entityLabel(entry: AuditEntryDto): string {
  return entry.entityId ? `${entry.entityType} #${entry.entityId}` : entry.entityType;
}

function DetailsText({ entry }: { entry: AuditEntryDto }) {
  const text = formatDetails(entry.details);
  if (!text) return null;
  return (
    <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Code>
  );
}

/** A table on wide screens; on phones the same entries as cards, since seven columns cannot fit. */
export function AuditEntries({ entries }: { entries: readonly AuditEntryDto[] }) {
  const { t } = useTranslation();
  const actorName = (entry: AuditEntryDto) => entry.actorName ?? t('audit.system');
  const actionLabel = ({ action }: AuditEntryDto) =>
    isKnownAuditAction(action) ? t(`auditAction.${action}`) : action;

  return (
    <>
      <Table.ScrollContainer minWidth={800} visibleFrom="md">
        <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.columns.at')}</Table.Th>
              <Table.Th>{t('audit.columns.actor')}</Table.Th>
              <Table.Th>{t('audit.columns.action')}</Table.Th>
              <Table.Th>{t('audit.columns.entity')}</Table.Th>
              <Table.Th>{t('audit.columns.unit')}</Table.Th>
              <Table.Th>{t('audit.columns.details')}</Table.Th>
              <Table.Th>{t('audit.columns.ip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{actorName(entry)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{actionLabel(entry)}</Text>
                  <Code fz="xs">{entry.action}</Code>
                </Table.Td>
                <Table.Td>{entityLabel(entry)}</Table.Td>
                <Table.Td>{entry.unitName ?? ''}</Table.Td>
                <Table.Td maw={320}>
                  <DetailsText entry={entry} />
                </Table.Td>
                <Table.Td>{entry.ip ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="md">
        {entries.map((entry) => (
          <Paper key={entry.id} component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
            <Stack gap={6}>
              <Badge variant="light" radius="sm" tt="none" style={{ alignSelf: 'flex-start' }}>
                {actionLabel(entry)}
              </Badge>
              <Text size="sm" fw={500}>
                {actorName(entry)}
              </Text>
              <Text size="xs" c="dimmed">
                {[formatDateTime(entry.at), entry.ip].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm">
                {entityLabel(entry)}
                {entry.unitName ? ` · ${entry.unitName}` : ''}
              </Text>
              <DetailsText entry={entry} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
