import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import type { CuratedAnswerPage } from '@union/contracts/assistant';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import { useAssistantTranslation } from './assistant-i18n';
import { isVersionStatus, topicLabel, versionStatusOptions } from './assistant-labels';
import { VersionStatusBadge } from './components/AssistantBadges';
import { PagedList } from './components/PagedList';
import { useCuratedAnswers, useUnhelpfulFeedback } from './queries';

const SEARCH_DELAY_MS = 400;

function AnswerCard({ item }: { item: CuratedAnswerPage['items'][number] }) {
  const { t } = useAssistantTranslation();
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap={6}>
          <VersionStatusBadge status={item.status} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {topicLabel(item.topic)}
          </Text>
        </Group>
        <Anchor
          component={Link}
          to={`/legal-knowledge/${String(item.id)}`}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {item.firstQuestion}
        </Anchor>
        <Group gap="md">
          {item.liveVersion !== null && (
            <Text size="xs" c="dimmed">
              {t('knowledge.liveVersion', { version: item.liveVersion })}
            </Text>
          )}
          {item.pendingVersion !== null && (
            <Text size="xs" c="orange.8">
              {t('knowledge.pendingVersion', { version: item.pendingVersion })}
            </Text>
          )}
          <Group gap={4} wrap="nowrap">
            <IconThumbUp size={14} aria-hidden />
            <Text size="xs">{t('knowledge.helpfulCount', { count: item.helpfulCount })}</Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconThumbDown size={14} aria-hidden />
            <Text size="xs" c={item.unhelpfulCount > 0 ? 'red.8' : undefined}>
              {t('knowledge.unhelpfulCount', { count: item.unhelpfulCount })}
            </Text>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

function AnswersTab() {
  const { t } = useAssistantTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const set = (name: 'status' | 'q', value: string | null) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setSearchParams]);
  const list = useCuratedAnswers({ status: isVersionStatus(status) ? status : undefined, q: q || undefined });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('knowledge.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          maxLength={200}
        />
        <Select
          label={t('knowledge.status')}
          placeholder={t('knowledge.all')}
          data={versionStatusOptions(t)}
          value={isVersionStatus(status) ? status : null}
          onChange={(value) => set('status', value)}
          clearable
        />
      </SimpleGrid>
      <PagedList
        list={list}
        label={t('knowledge.tabAnswers')}
        empty={<EmptyMessage title={t('knowledge.empty')} description={t('knowledge.emptyHint')} />}
        render={(item) => <AnswerCard key={item.id} item={item} />}
      />
    </Stack>
  );
}

function FeedbackTab() {
  const { t } = useAssistantTranslation();
  const list = useUnhelpfulFeedback();
  return (
    <PagedList
      list={list}
      label={t('knowledge.tabFeedback')}
      empty={
        <EmptyMessage title={t('knowledge.feedbackEmpty')} description={t('knowledge.feedbackEmptyHint')} />
      }
      render={(item) => (
        <Paper key={item.messageId} component="li" withBorder p="md" style={{ listStyle: 'none' }}>
          <Stack gap={6}>
            <Group gap={6}>
              <IconThumbDown size={16} color="var(--mantine-color-red-8)" aria-hidden />
              <Text size="xs" c="dimmed">
                {t(`outcome.${item.outcome}`)} · {formatDateTime(item.at)}
              </Text>
            </Group>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {t('knowledge.feedbackQuestion', { question: item.question })}
            </Text>
            <Text
              size="sm"
              c="dimmed"
              lineClamp={4}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {item.answer}
            </Text>
            <Text size="sm" fs={item.comment ? undefined : 'italic'} style={{ overflowWrap: 'anywhere' }}>
              {item.comment
                ? t('knowledge.feedbackComment', { comment: item.comment })
                : t('knowledge.feedbackNoComment')}
            </Text>
            {item.answerId !== null && (
              <Anchor component={Link} to={`/legal-knowledge/${String(item.answerId)}`} size="sm">
                {t('knowledge.openAnswer', { id: item.answerId })}
              </Anchor>
            )}
          </Stack>
        </Paper>
      )}
    />
  );
}

/** "Kho kiến thức pháp luật": the curated answers and the thumbs-down feedback that may fix them. */
export function KnowledgePage() {
  const { t } = useAssistantTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'feedback' ? 'feedback' : 'answers';
  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        description={t('knowledge.description')}
        actions={
          <Button component={Link} to="/legal-knowledge/new" leftSection={<IconPlus size={18} />}>
            {t('knowledge.newAnswer')}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearchParams(value === 'feedback' ? { tab: 'feedback' } : {}, { replace: true })
        }
      >
        <Tabs.List grow mb="md">
          <Tabs.Tab value="answers">{t('knowledge.tabAnswers')}</Tabs.Tab>
          <Tabs.Tab value="feedback">{t('knowledge.tabFeedback')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="answers">{tab === 'answers' && <AnswersTab />}</Tabs.Panel>
        <Tabs.Panel value="feedback">{tab === 'feedback' && <FeedbackTab />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
