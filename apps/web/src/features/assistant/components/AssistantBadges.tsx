import { Badge } from '@mantine/core';
import type { AnswerVersionStatus, LegalCaseStatus, LegalDocumentDto } from '@union/contracts/assistant';
import { formatDate, todayIsoDate } from '../../../ui/dates';
import { useAssistantTranslation } from '../assistant-i18n';
import { CASE_STATUS_COLORS, VERSION_STATUS_COLORS } from '../assistant-labels';

export function CaseStatusBadge({ status }: { status: LegalCaseStatus }) {
  const { t } = useAssistantTranslation();
  return (
    <Badge color={CASE_STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

export function VersionStatusBadge({ status }: { status: AnswerVersionStatus }) {
  const { t } = useAssistantTranslation();
  return (
    <Badge color={VERSION_STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`versionStatus.${status}`)}
    </Badge>
  );
}

/** In force, expired since a date (in red: never current law), or not yet in force. */
export function ValidityBadge({ document }: { document: LegalDocumentDto }) {
  const { t } = useAssistantTranslation();
  if (document.inForce)
    return (
      <Badge color="green" variant="light" radius="sm" tt="none">
        {t('law.inForce')}
      </Badge>
    );
  if (document.effectiveFrom > todayIsoDate())
    return (
      <Badge color="gray" variant="light" radius="sm" tt="none">
        {t('law.notYet', { date: formatDate(document.effectiveFrom) })}
      </Badge>
    );
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none" style={{ maxWidth: '100%' }}>
      {t('law.expiredOn', { date: formatDate(document.effectiveTo) })}
    </Badge>
  );
}
