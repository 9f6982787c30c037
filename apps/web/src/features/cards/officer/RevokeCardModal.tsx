import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CardDto, CardKind } from '@union/contracts/cards';
import type { MemberDto } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { usePrintCard, useRevokeMemberCard } from './queries';

function RevokeForm({
  member,
  kind,
  card,
  canPrint,
  onClose,
}: {
  member: MemberDto;
  kind: CardKind;
  card: CardDto | undefined;
  canPrint: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // The card as it was when the dialog opened: once revoked, the refreshed list no longer has it live.
  const [shown] = useState(card);
  const revoke = useRevokeMemberCard(member.id);
  const print = usePrintCard(member);
  // A printed card is replaced, not just cancelled: the new one is printed straight away when allowed.
  const reprint = kind === 'printed' && canPrint;
  const copy = kind === 'phone' ? 'revokePhone' : 'revokePrinted';

  const printAgain = () =>
    print.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('officerCards.revokePrinted.reprinted') });
        onClose();
      },
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Revoked already, but the new card's file failed: only the printing is tried again.
    if (revoke.isSuccess && reprint) return printAgain();
    revoke.mutate(kind === 'phone' ? { kind, reason: 'device_lost' } : { kind, reason: 'reissued' }, {
      onSuccess: () => {
        if (reprint) return printAgain();
        notifications.show({ color: 'green', message: t(`officerCards.${copy}.done`) });
        onClose();
      },
    });
  };

  const failure = revoke.error ?? print.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t(`officerCards.${copy}.text`, {
            name: member.fullName,
            date: shown ? formatDate(shown.issuedAt) : '',
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {kind === 'phone'
            ? t('officerCards.revokePhone.next')
            : reprint
              ? t('officerCards.revokePrinted.nextPrint')
              : t('officerCards.revokePrinted.next')}
        </Text>
        <FormErrorAlert
          message={
            failure
              ? revoke.isSuccess
                ? t('officerCards.revokePrinted.printFailed', { reason: errorMessage(failure) })
                : errorMessage(failure)
              : undefined
          }
        />
        <DialogActions
          onCancel={onClose}
          submitLabel={
            reprint
              ? revoke.isSuccess
                ? t('officerCards.print')
                : t('officerCards.revokePrinted.submitReprint')
              : t(`officerCards.${copy}.submit`)
          }
          loading={revoke.isPending || print.isPending}
          danger
        />
      </Stack>
    </form>
  );
}

/** Open while `kind` is set: the confirmation before a phone card or a printed card stops working. */
export function RevokeCardModal({
  member,
  kind,
  card,
  canPrint,
  onClose,
}: {
  member: MemberDto;
  kind: CardKind | null;
  card: CardDto | undefined;
  canPrint: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind === 'printed' ? t('officerCards.revokePrinted.title') : t('officerCards.revokePhone.title')}
    >
      {kind && <RevokeForm member={member} kind={kind} card={card} canPrint={canPrint} onClose={onClose} />}
    </Modal>
  );
}
