import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { BackLink } from '../members/components/BackLink';
import { useAssistantTranslation } from './assistant-i18n';
import { lawArticlePath } from './citations';
import { DocumentDetails } from './components/DocumentDetails';
import { PublicFrame } from './components/PublicFrame';
import { useLawDocument } from './queries';

/** One document (/phap-luat/van-ban?so=45%2F2019%2FQH14): its validity and its articles. */
export function LawDocumentPage() {
  const { t } = useAssistantTranslation();
  const [searchParams] = useSearchParams();
  const number = searchParams.get('so')?.trim() ?? '';
  const detail = useLawDocument(number);
  const back = <BackLink to="/phap-luat" label={t('law.back')} />;

  const body = () => {
    if (!number || (detail.error instanceof ApiError && detail.error.status === 404))
      return (
        <>
          <PageHeader title={t('law.notFound')} above={back} />
          <EmptyMessage title={t('law.notFound')} description={t('law.notFoundHint')} />
        </>
      );
    if (detail.isPending) return <LoadingState />;
    if (detail.isError)
      return <ErrorState message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} />;
    const { document, articles } = detail.data;
    return (
      <>
        <PageHeader title={document.title} description={document.number} above={back} />
        <Stack gap="lg">
          <DocumentDetails document={document} />
          <section aria-labelledby="law-articles">
            <Title order={2} size="h4" mb="sm" id="law-articles">
              {t('law.articles')}
            </Title>
            {articles.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('law.noArticles')}
              </Text>
            ) : (
              <Paper withBorder p={0}>
                <Stack component="ul" gap={0} p={0} m={0}>
                  {[...articles]
                    .sort((a, b) => a.number - b.number)
                    .map((article) => (
                      <li
                        key={article.id}
                        style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                      >
                        <Anchor
                          component={Link}
                          to={lawArticlePath(article.id)}
                          display="block"
                          p="sm"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          <Text span fw={600}>
                            {article.article}.
                          </Text>{' '}
                          {article.title}
                        </Anchor>
                      </li>
                    ))}
                </Stack>
              </Paper>
            )}
          </section>
        </Stack>
      </>
    );
  };

  return <PublicFrame>{body()}</PublicFrame>;
}
