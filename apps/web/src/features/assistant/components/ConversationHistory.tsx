import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { errorMessage } from '../../../app/api-client';
import { formatDateTime } from '../../../ui/dates';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { useAssistantTranslation } from '../assistant-i18n';
import { useConversations } from '../queries';
import { CaseStatusBadge } from './AssistantBadges';

/** A member's past conversations, the latest first; one opens again with any adviser's reply. */
export function ConversationHistory({ onOpen }: { onOpen: (conversationId: string) => void }) {
  const { t } = useAssistantTranslation();
  const list = useConversations();
  if (list.isPending) return <LoadingState />;
  if (list.isError)
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  const items = [...list.data.items].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  if (items.length === 0)
    return <EmptyMessage title={t('history.empty')} description={t('history.emptyHint')} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('history.title')}>
      {items.map((item) => (
        <Paper key={item.id} component="li" withBorder p={0} style={{ listStyle: 'none' }}>
          <UnstyledButton
            onClick={() => onOpen(item.id)}
            aria-label={t('history.open', { question: item.firstQuestion })}
            p="md"
            w="100%"
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {item.firstQuestion}
                </Text>
                <Group gap="xs">
                  {item.caseStatus && <CaseStatusBadge status={item.caseStatus} />}
                  <Text size="xs" c="dimmed">
                    {t('history.lastOn', { date: formatDateTime(item.lastAt) })}
                  </Text>
                </Group>
              </Stack>
              <IconChevronRight size={18} aria-hidden style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
        </Paper>
      ))}
    </Stack>
  );
}
