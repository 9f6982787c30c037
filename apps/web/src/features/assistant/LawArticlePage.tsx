import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { BackLink } from '../members/components/BackLink';
import { useAssistantTranslation } from './assistant-i18n';
import { lawDocumentPath } from './citations';
import { ValidityBadge } from './components/AssistantBadges';
import { PublicFrame } from './components/PublicFrame';
import { SourceLink } from './components/SourceLink';
import { useLawArticle } from './queries';

function ArticleView({ articleId }: { articleId: number }) {
  const { t } = useAssistantTranslation();
  const navigate = useNavigate();
  const article = useLawArticle(articleId);
  // Opened from a chat's citation, "back" returns to the chat as it was; opened cold, to the list.
  const back =
    window.history.length > 1 ? (
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => void navigate(-1)}
        style={{ alignSelf: 'flex-start' }}
      >
        ← {t('law.back')}
      </Anchor>
    ) : (
      <BackLink to="/phap-luat" label={t('law.back')} />
    );

  if (article.error instanceof ApiError && article.error.status === 404)
    return (
      <>
        <PageHeader title={t('law.articleNotFound')} above={back} />
        <EmptyMessage title={t('law.articleNotFound')} />
      </>
    );
  if (article.isPending) return <LoadingState />;
  if (article.isError)
    return <ErrorState message={errorMessage(article.error)} onRetry={() => void article.refetch()} />;

  const { document } = article.data;
  const sourceUrl = article.data.sourceUrl ?? document.sourceUrl;
  return (
    <>
      <PageHeader
        title={`${article.data.article}. ${article.data.title}`}
        above={back}
        description={
          <Anchor component={Link} to={lawDocumentPath(document.number)} size="sm">
            {document.title} ({document.number})
          </Anchor>
        }
      />
      <Stack gap="md">
        <Group gap={6}>
          <ValidityBadge document={document} />
        </Group>
        {article.data.summary && (
          <Paper withBorder p="md" bg="blue.0" component="section" aria-labelledby="article-summary">
            <Title order={2} size="h5" mb={4} id="article-summary">
              {t('law.summary')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {article.data.summary}
            </Text>
          </Paper>
        )}
        {article.data.clauses.length > 0 && (
          <Paper withBorder p="md" component="section" aria-labelledby="article-clauses">
            <Title order={2} size="h5" mb="sm" id="article-clauses">
              {t('law.clauses')}
            </Title>
            <Stack component="ol" gap="sm" p={0} m={0}>
              {article.data.clauses.map((clause) => (
                <li key={clause.number} style={{ listStyle: 'none' }}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    <Text span fw={600}>
                      {clause.number}.
                    </Text>{' '}
                    {clause.text}
                  </Text>
                </li>
              ))}
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="article-validity">
          <Title order={2} size="h5" mb="xs" id="article-validity">
            {t('law.validity')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('law.document')}:{' '}
              <Anchor component={Link} to={lawDocumentPath(document.number)}>
                {document.shortTitle || document.title} ({document.number})
              </Anchor>
            </Text>
            <Text size="sm">
              {t('law.effectiveFrom')}: {formatDate(document.effectiveFrom)}
              {document.effectiveTo && ` · ${t('law.effectiveTo')}: ${formatDate(document.effectiveTo)}`}
            </Text>
            {article.data.verified && (
              <Text size="xs" c="dimmed">
                {t('law.verified', { date: formatDate(article.data.verified) })}
              </Text>
            )}
            {sourceUrl && <SourceLink href={sourceUrl} />}
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed">
          {t('disclaimer')}
        </Text>
      </Stack>
    </>
  );
}

/** One article (/phap-luat/dieu/:articleId): title, summary, clauses, document, validity, source. */
export function LawArticlePage() {
  const { t } = useAssistantTranslation();
  const articleId = Number(useParams().articleId);
  return (
    <PublicFrame>
      {Number.isSafeInteger(articleId) && articleId > 0 ? (
        <ArticleView articleId={articleId} />
      ) : (
        <EmptyMessage title={t('law.articleNotFound')} />
      )}
    </PublicFrame>
  );
}
