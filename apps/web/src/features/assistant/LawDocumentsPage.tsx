import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessageChatbot } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useAssistantTranslation } from './assistant-i18n';
import { documentKindLabel } from './assistant-labels';
import { lawDocumentPath } from './citations';
import { ValidityBadge } from './components/AssistantBadges';
import { PublicFrame } from './components/PublicFrame';
import { useLawDocuments } from './queries';

/** "Văn bản pháp luật" (/phap-luat): the documents the assistant cites, those in force first. */
export function LawDocumentsPage() {
  const { t } = useAssistantTranslation();
  const documents = useLawDocuments();

  const body = () => {
    if (documents.isPending) return <LoadingState />;
    if (documents.isError)
      return <ErrorState message={errorMessage(documents.error)} onRetry={() => void documents.refetch()} />;
    const items = [...documents.data.items].sort(
      (a, b) => Number(b.inForce) - Number(a.inForce) || b.effectiveFrom.localeCompare(a.effectiveFrom),
    );
    if (items.length === 0) return <EmptyMessage title={t('law.empty')} />;
    return (
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('law.title')}>
        {items.map((document) => (
          <Paper key={document.number} component="li" withBorder p="md" style={{ listStyle: 'none' }}>
            <Stack gap={6}>
              <Group gap={6}>
                <ValidityBadge document={document} />
                <Text size="xs" c="dimmed">
                  {documentKindLabel(document.kind)} · {document.number}
                </Text>
              </Group>
              <Anchor
                component={Link}
                to={lawDocumentPath(document.number)}
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
              >
                {document.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {document.issuer}
                {document.issuedOn && ` · ${formatDate(document.issuedOn)}`} ·{' '}
                {t('law.articleCount', { count: document.articleCount })}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  };

  return (
    <PublicFrame>
      <PageHeader
        title={t('law.title')}
        description={t('law.description')}
        above={
          <Anchor component={Link} to="/tro-ly-phap-luat" size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconMessageChatbot size={16} aria-hidden />
              {t('law.askAssistant')}
            </Group>
          </Anchor>
        }
      />
      {body()}
    </PublicFrame>
  );
}
