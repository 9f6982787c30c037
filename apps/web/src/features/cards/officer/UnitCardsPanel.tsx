import { Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDiscount } from '@tabler/icons-react';
import type { UnitDto } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/session';
import { BulkIssueCards } from './BulkIssueCards';

/**
 * Members' cards at the level of a unit: issuing printed cards to the whole subtree, and the way to
 * the benefits its members used. Shown only to those whose offices grant either.
 */
export function UnitCardsPanel({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const canIssue = useCan('cards.issue') && unit.status === 'active';
  const canReadBenefits = useCan('cards.benefits.read');
  if (!canIssue && !canReadBenefits) return null;

  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="unit-cards">
      <Stack gap="sm">
        <Title order={2} size="h4" id="unit-cards">
          {t('officerCards.unit.title')}
        </Title>
        {canIssue && <BulkIssueCards unit={unit} />}
        {canIssue && canReadBenefits && <Divider />}
        {canReadBenefits && (
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('officerCards.unit.benefitsIntro')}</Text>
            <Button
              component={Link}
              to={`/benefits/${unit.id}`}
              variant="default"
              leftSection={<IconDiscount size={18} />}
            >
              {t('officerCards.unit.benefits')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
