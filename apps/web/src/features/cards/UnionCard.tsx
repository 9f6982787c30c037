import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { MyCardDto } from '@union/contracts/cards';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { groupMemberCode } from './member-code';
import classes from './UnionCard.module.css';

type CardState = 'valid' | 'suspended' | 'invalid';

export function cardState(card: MyCardDto): CardState {
  if (card.valid) return 'valid';
  return card.status === 'suspended' ? 'suspended' : 'invalid';
}

const BADGE_COLOR: Record<CardState, string> = { valid: 'green', suspended: 'orange', invalid: 'red' };

/** The union card as drawn on the phone: who holds it, their union, its state, and the QR below. */
export function UnionCard({ card, qr }: { card: MyCardDto; qr: ReactNode }) {
  const { t } = useTranslation();
  const state = cardState(card);
  return (
    <article className={classes.card} aria-labelledby="union-card-holder">
      <div className={classes.band}>
        <div className={classes.emblem} aria-hidden>
          {t('myCard.emblem')}
        </div>
        <div className={classes.bandText}>
          <div className={classes.confederation}>{t('myCard.confederation')}</div>
          <div className={classes.cardName}>{t('myCard.cardName')}</div>
        </div>
      </div>
      <div className={classes.body}>
        <Stack gap={4}>
          <Text component="h2" id="union-card-holder" className={classes.name} m={0}>
            {card.holder.fullName}
          </Text>
          <Group justify="space-between" align="flex-end" gap="xs" wrap="nowrap">
            <div>
              <Text size="xs" c="dimmed">
                {t('myCard.memberCode')}
              </Text>
              <Text className={classes.code}>{groupMemberCode(card.holder.memberCode)}</Text>
            </div>
            <Badge size="md" variant="filled" color={BADGE_COLOR[state]} style={{ flexShrink: 0 }}>
              {t(`myCard.badge.${state}`)}
            </Badge>
          </Group>
          <Text size="sm" fw={500} className={classes.unit}>
            <VisuallyHidden>{t('myCard.unit')}: </VisuallyHidden>
            {card.holder.unitName}
          </Text>
        </Stack>
        <div className={classes.qr}>{qr}</div>
      </div>
    </article>
  );
}
