import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceMobileOff, IconPrinter, IconQrcode, IconRefresh } from '@tabler/icons-react';
import type { CardDto, CardKind } from '@union/contracts/cards';
import type { MemberDto } from '@union/contracts/members';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { useCan } from '../../auth/session';
import { PrintedCardQrModal } from './PrintedCardQrModal';
import { useMemberCards, usePrintCard } from './queries';
import { RevokeCardModal } from './RevokeCardModal';

type CardState = 'valid' | 'revoked' | 'expired' | 'inactive';

const STATE_COLORS: Record<CardState, string> = {
  valid: 'green',
  revoked: 'red',
  expired: 'gray',
  inactive: 'yellow',
};

/** Revoked, expired, or not valid because the member is not active (suspended, left). */
function stateOf(card: CardDto, now: number): CardState {
  if (card.revokedAt) return 'revoked';
  if (card.expiresAt && Date.parse(card.expiresAt) < now) return 'expired';
  return card.valid ? 'valid' : 'inactive';
}

function CardItem({ card, now }: { card: CardDto; now: number }) {
  const { t } = useTranslation();
  const state = stateOf(card, now);
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600}>{t(`officerCards.kind.${card.kind}`)}</Text>
          <Badge variant="dot" color={STATE_COLORS[state]} radius="sm" tt="none">
            {t(`officerCards.state.${state}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('officerCards.issued', { date: formatDate(card.issuedAt), unit: card.unitName })}
        </Text>
        {card.kind === 'phone' && (
          <Text size="xs" c="dimmed">
            {card.deviceBound ? t('officerCards.bound') : t('officerCards.notBound')}
          </Text>
        )}
        {card.kind === 'printed' && card.expiresAt && (
          <Text size="xs" c="dimmed">
            {t('officerCards.expires', { date: formatDate(card.expiresAt) })}
          </Text>
        )}
        {card.revokedAt && (
          <Text size="xs" c="red.8">
            {t('officerCards.revokedOn', {
              date: formatDate(card.revokedAt),
              reason: card.revokedReason
                ? t(`officerCards.revokeReason.${card.revokedReason}`)
                : t('officerCards.revokeReasonUnknown'),
            })}
          </Text>
        )}
        {state === 'inactive' && (
          <Text size="xs" c="dimmed">
            {t('officerCards.inactiveHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function MemberCards({ member }: { member: MemberDto }) {
  const { t } = useTranslation();
  const cards = useMemberCards(member.id);
  const print = usePrintCard(member);
  const [revoking, setRevoking] = useState<CardKind | null>(null);
  const [qrOpened, setQrOpened] = useState(false);
  // Fixed for the render: a card's "expired" state should not flicker between re-renders.
  const [now] = useState(() => Date.now());

  const items = cards.data?.items ?? [];
  const live = (kind: CardKind) => items.find((card) => card.kind === kind && card.revokedAt === null);
  const livePhone = live('phone');
  const livePrinted = live('printed');
  const can = cards.data?.can ?? { issue: false, revoke: false };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="member-cards">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="member-cards">
            {t('officerCards.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('officerCards.intro')}
          </Text>
        </div>
        {cards.isPending ? (
          <LoadingState />
        ) : cards.isError ? (
          <ErrorState message={errorMessage(cards.error)} onRetry={() => void cards.refetch()} />
        ) : (
          <>
            {(can.issue || (can.revoke && (livePhone || livePrinted))) && (
              <Group gap="xs" wrap="wrap">
                {can.issue && (
                  <>
                    <Button
                      leftSection={<IconPrinter size={18} />}
                      onClick={() => print.mutate()}
                      loading={print.isPending}
                    >
                      {t('officerCards.print')}
                    </Button>
                    <Button
                      variant="default"
                      leftSection={<IconQrcode size={18} />}
                      onClick={() => setQrOpened(true)}
                    >
                      {t('officerCards.showQr')}
                    </Button>
                  </>
                )}
                {can.revoke && livePhone && (
                  <Button
                    variant="light"
                    color="red"
                    leftSection={<IconDeviceMobileOff size={18} />}
                    onClick={() => setRevoking('phone')}
                  >
                    {t('officerCards.revokePhone.action')}
                  </Button>
                )}
                {can.revoke && livePrinted && (
                  <Button
                    variant="light"
                    color="red"
                    leftSection={<IconRefresh size={18} />}
                    onClick={() => setRevoking('printed')}
                  >
                    {t('officerCards.revokePrinted.action')}
                  </Button>
                )}
              </Group>
            )}
            {!can.issue && member.status !== 'active' && (
              <Text size="xs" c="dimmed">
                {t('officerCards.notActive')}
              </Text>
            )}
            <FormErrorAlert message={print.error ? errorMessage(print.error) : undefined} />
            {items.length === 0 ? (
              <EmptyMessage title={t('officerCards.empty')} description={t('officerCards.emptyHint')} />
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('officerCards.history')}>
                {items.map((card) => (
                  <CardItem key={card.id} card={card} now={now} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
      {/* Mounted while the page is: a revocation refreshes `can` and the list, and the dialog must
          outlive that to close. Closed, they render nothing. */}
      <RevokeCardModal
        member={member}
        kind={revoking}
        card={revoking === 'phone' ? livePhone : revoking === 'printed' ? livePrinted : undefined}
        canPrint={can.issue}
        onClose={() => setRevoking(null)}
      />
      <PrintedCardQrModal member={member} opened={qrOpened} onClose={() => setQrOpened(false)} />
    </Paper>
  );
}

/** The member's cards on their page, for officers whose offices let them read cards. */
export function MemberCardsPanel({ member }: { member: MemberDto }) {
  return useCan('cards.read') ? <MemberCards member={member} /> : null;
}
