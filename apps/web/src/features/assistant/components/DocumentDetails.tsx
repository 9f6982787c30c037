import { Alert, Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { LegalDocumentDto } from '@union/contracts/assistant';
import { Link } from 'react-router';
import { formatDate, todayIsoDate } from '../../../ui/dates';
import { DetailList } from '../../../ui/DetailList';
import { useAssistantTranslation } from '../assistant-i18n';
import { documentKindLabel } from '../assistant-labels';
import { lawDocumentPath } from '../citations';
import { SourceLink } from './SourceLink';
import { ValidityBadge } from './AssistantBadges';

function DocumentLinks({ numbers }: { numbers: readonly string[] }) {
  return (
    <Group gap="xs" component="span">
      {numbers.map((number) => (
        <Anchor key={number} component={Link} to={lawDocumentPath(number)} size="sm">
          {number}
        </Anchor>
      ))}
    </Group>
  );
}

/** A document's identity and validity; an expired one says so first, in red. */
export function DocumentDetails({ document }: { document: LegalDocumentDto }) {
  const { t } = useAssistantTranslation();
  const expired = !document.inForce && document.effectiveFrom <= todayIsoDate();
  const relations = [
    { label: t('law.amends'), numbers: document.amends },
    { label: t('law.replaces'), numbers: document.replaces },
    { label: t('law.amendedBy'), numbers: document.amendedBy },
    { label: t('law.replacedBy'), numbers: document.replacedBy },
  ].filter((relation) => relation.numbers.length > 0);
  return (
    <Stack gap="sm">
      {expired && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} p="sm" role="note">
          {t('law.expiredWarning', { date: formatDate(document.effectiveTo) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap={6}>
            <ValidityBadge document={document} />
          </Group>
          <DetailList
            details={[
              { label: t('law.number'), value: document.number },
              { label: t('law.kind'), value: documentKindLabel(document.kind) },
              { label: t('law.issuer'), value: document.issuer },
              ...(document.issuedOn
                ? [{ label: t('law.issuedOn'), value: formatDate(document.issuedOn) }]
                : []),
              { label: t('law.effectiveFrom'), value: formatDate(document.effectiveFrom) },
              ...(document.effectiveTo
                ? [{ label: t('law.effectiveTo'), value: formatDate(document.effectiveTo) }]
                : []),
              ...relations.map((relation) => ({
                label: relation.label,
                value: <DocumentLinks numbers={relation.numbers} />,
              })),
            ]}
          />
          {document.sourceUrl && <SourceLink href={document.sourceUrl} />}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('disclaimer')}
      </Text>
    </Stack>
  );
}
