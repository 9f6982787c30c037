import { Button, Group, Modal, Paper, Rating, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconArrowUp,
  IconLock,
  IconNote,
  IconPlayerPlay,
  IconTag,
} from '@tabler/icons-react';
import {
  AnswerVoiceBody,
  EscalateVoiceBody,
  PassOnVoiceBody,
  RateVoiceBody,
  ReopenVoiceBody,
  VOICE_ANSWER_MAX,
  VOICE_REASON_MAX,
  type VoiceCategory,
  type VoiceItemDto,
  VoiceNoteBody,
} from '@union/contracts/voice';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../app/api-client';
import { type FieldErrors, serverFieldErrors, validate } from '../../../app/form-errors';
import { optional } from '../../../app/use-form';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { useMe } from '../../auth/session';
import { type UnitChoice, UnitPicker } from '../../units/components/UnitPicker';
import { useVoiceAction } from '../queries';
import { useVoiceTranslation } from '../voice-i18n';
import { categoryOptions, isVoiceCategory } from '../voice-labels';
import { CountedTextarea } from './CountedTextarea';

type TextAction = 'escalate' | 'notes' | 'reopen';

const TEXT_ACTIONS = {
  escalate: { schema: EscalateVoiceBody, field: 'reason', icon: IconArrowUp },
  notes: { schema: VoiceNoteBody, field: 'body', icon: IconNote },
  reopen: { schema: ReopenVoiceBody, field: 'reason', icon: IconArrowBackUp },
} as const;

const TEXT_MAX: Record<TextAction, number> = {
  escalate: VOICE_REASON_MAX,
  notes: VOICE_ANSWER_MAX,
  reopen: VOICE_REASON_MAX,
};

function useTextActionCopy(action: TextAction) {
  const { t } = useVoiceTranslation();
  switch (action) {
    case 'escalate':
      return {
        title: t('handle.escalate'),
        intro: t('handle.escalateHint'),
        label: t('handle.reason'),
        submit: t('handle.escalateSubmit'),
        done: t('handle.escalated'),
      };
    case 'notes':
      return {
        title: t('handle.note'),
        intro: t('handle.noteHint'),
        label: t('handle.noteLabel'),
        submit: t('handle.noteSubmit'),
        done: t('handle.noted'),
      };
    case 'reopen':
      return {
        title: t('reopen.title'),
        intro: t('reopen.text'),
        label: t('reopen.reason'),
        submit: t('reopen.submit'),
        done: t('reopen.done'),
      };
  }
}

/** A step that takes one text: escalating (a reason), an internal note, reopening (a reason). */
function TextActionForm({
  item,
  action,
  onClose,
}: {
  item: VoiceItemDto;
  action: TextAction;
  onClose: () => void;
}) {
  const copy = useTextActionCopy(action);
  const { schema, field } = TEXT_ACTIONS[action];
  const mutation = useVoiceAction(item.id, action);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(schema, { [field]: text });
    if (!result.ok) return setErrors(result.errors);
    mutation.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: copy.done });
        onClose();
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{copy.intro}</Text>
        <CountedTextarea
          label={copy.label}
          required
          data-autofocus
          value={text}
          max={TEXT_MAX[action]}
          error={errors[field]}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setErrors({});
          }}
        />
        <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
        <DialogActions onCancel={onClose} submitLabel={copy.submit} loading={mutation.isPending} />
      </Stack>
    </form>
  );
}

function TextActionModal({
  item,
  action,
  onClose,
}: {
  item: VoiceItemDto;
  action: TextAction | null;
  onClose: () => void;
}) {
  const { t } = useVoiceTranslation();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={
        action === 'escalate'
          ? t('handle.escalate')
          : action === 'notes'
            ? t('handle.note')
            : t('reopen.title')
      }
    >
      {/* Mounted only while open: each opening starts blank. */}
      {action && <TextActionForm item={item} action={action} onClose={onClose} />}
    </Modal>
  );
}

function PassOnForm({ item, onClose }: { item: VoiceItemDto; onClose: () => void }) {
  const { t } = useVoiceTranslation();
  const me = useMe();
  const mutation = useVoiceAction(item.id, 'pass-on');
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const suggestions: UnitChoice[] = me.offices
    .filter((office) => office.unitId !== item.handlingUnit.id)
    .map((office) => ({ id: office.unitId, name: office.unitName, type: office.unitType }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(PassOnVoiceBody, { unitId: unit?.id, reason });
    if (!result.ok) return setErrors(result.errors);
    mutation.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('handle.passedOn') });
        onClose();
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('handle.passOnHint')}</Text>
        <UnitPicker
          label={t('handle.passOnUnit')}
          required
          value={unit}
          onChange={(next) => {
            setUnit(next);
            setErrors((current) => ({ ...current, unitId: undefined }));
          }}
          suggestions={suggestions}
          accepts={(candidate) => candidate.id !== item.handlingUnit.id}
          error={errors.unitId}
        />
        <CountedTextarea
          label={t('handle.reason')}
          required
          value={reason}
          max={VOICE_REASON_MAX}
          error={errors.reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setErrors((current) => ({ ...current, reason: undefined }));
          }}
        />
        <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('handle.passOnSubmit')}
          loading={mutation.isPending}
        />
      </Stack>
    </form>
  );
}

function RecategoriseForm({ item, onClose }: { item: VoiceItemDto; onClose: () => void }) {
  const { t } = useVoiceTranslation();
  const mutation = useVoiceAction(item.id, 'category');
  const [category, setCategory] = useState<VoiceCategory>(item.category);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { category },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('handle.recategorised') });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t('item.category')}
          data={categoryOptions(t)}
          value={category}
          onChange={(value) => isVoiceCategory(value) && setCategory(value)}
          allowDeselect={false}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('handle.recategoriseSubmit')}
          loading={mutation.isPending}
        />
      </Stack>
    </form>
  );
}

function CloseForm({ item, onClose }: { item: VoiceItemDto; onClose: () => void }) {
  const { t } = useVoiceTranslation();
  const mutation = useVoiceAction(item.id, 'status');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { status: 'closed' },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('close.done') });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('close.text')}</Text>
        <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('close.submit')}
          loading={mutation.isPending}
          danger
        />
      </Stack>
    </form>
  );
}

type Dialog = TextAction | 'pass-on' | 'category' | 'close';

/** The official answer, in place: the step an officer takes most, with the room a reply needs. */
function AnswerForm({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const mutation = useVoiceAction(item.id, 'answer');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(AnswerVoiceBody, { body });
    if (!result.ok) return setErrors(result.errors);
    mutation.mutate(result.data, {
      onSuccess: () => {
        setBody('');
        notifications.show({ color: 'green', message: t('handle.answered') });
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="voice-answer-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="voice-answer-form">
          {t('handle.answer')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('handle.answerHint')}
        </Text>
        <CountedTextarea
          label={t('handle.answerLabel')}
          required
          minRows={5}
          value={body}
          max={VOICE_ANSWER_MAX}
          error={errors.body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setErrors({});
          }}
        />
        <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('handle.answerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StartButton({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const mutation = useVoiceAction(item.id, 'status');
  return (
    <Button
      variant="light"
      leftSection={<IconPlayerPlay size={18} />}
      loading={mutation.isPending}
      onClick={() =>
        mutation.mutate(
          { status: 'in_progress' },
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('handle.started') }),
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          },
        )
      }
    >
      {t('handle.start')}
    </Button>
  );
}

function DialogContent({
  item,
  dialog,
  onClose,
}: {
  item: VoiceItemDto;
  dialog: Dialog;
  onClose: () => void;
}) {
  switch (dialog) {
    case 'pass-on':
      return <PassOnForm item={item} onClose={onClose} />;
    case 'category':
      return <RecategoriseForm item={item} onClose={onClose} />;
    case 'close':
      return <CloseForm item={item} onClose={onClose} />;
    default:
      return null;
  }
}

/**
 * What the caller may do to the item, as `can` says: the handling officer's steps (start, answer,
 * note, escalate, pass on, change category, close) and the member's (reopen, close). Rating has its
 * own form.
 */
export function VoiceActions({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const { can } = item;
  const officer = can.answer || can.note || can.escalate || can.passOn || can.setStatus || can.recategorise;
  const canStart = can.setStatus && item.status === 'received';
  const buttons = [
    can.note && { key: 'notes', label: t('handle.note'), icon: IconNote },
    can.escalate && { key: 'escalate', label: t('handle.escalate'), icon: IconArrowUp },
    can.passOn && { key: 'pass-on', label: t('handle.passOn'), icon: IconArrowRight },
    can.recategorise && { key: 'category', label: t('handle.recategorise'), icon: IconTag },
    can.reopen && { key: 'reopen', label: t('reopen.action'), icon: IconArrowBackUp },
    can.close && { key: 'close', label: t('close.action'), icon: IconLock },
  ].filter((button) => button !== false) as { key: Dialog; label: string; icon: typeof IconNote }[];

  if (!officer && buttons.length === 0) return null;
  const textAction = dialog === 'escalate' || dialog === 'notes' || dialog === 'reopen' ? dialog : null;
  const otherDialog = dialog && !textAction ? dialog : null;
  const dialogTitle =
    otherDialog === 'pass-on'
      ? t('handle.passOn')
      : otherDialog === 'category'
        ? t('handle.recategorise')
        : t('close.title');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="voice-actions">
      <Stack gap="md">
        <Title order={2} size="h4" id="voice-actions">
          {officer ? t('handle.title') : t('handle.more')}
        </Title>
        {(canStart || buttons.length > 0) && (
          <Group gap="xs">
            {canStart && <StartButton item={item} />}
            {buttons.map((button) => (
              <Button
                key={button.key}
                variant={button.key === 'close' ? 'light' : 'default'}
                color={button.key === 'close' ? 'red' : undefined}
                leftSection={<button.icon size={18} />}
                onClick={() => setDialog(button.key)}
              >
                {button.label}
              </Button>
            ))}
          </Group>
        )}
        {can.answer && <AnswerForm item={item} />}
      </Stack>
      <TextActionModal item={item} action={textAction} onClose={close} />
      <Modal opened={otherDialog !== null} onClose={close} title={dialogTitle}>
        {otherDialog && <DialogContent item={item} dialog={otherDialog} onClose={close} />}
      </Modal>
    </Paper>
  );
}

/** Once answered, the member says how well: 1 to 5 stars and, if they like, a comment. */
export function RateForm({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const mutation = useVoiceAction(item.id, 'rate');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(RateVoiceBody, { stars, comment: optional(comment) });
    if (!result.ok)
      return setErrors({ ...result.errors, ...(result.errors.stars && { stars: t('rate.starsRequired') }) });
    mutation.mutate(result.data, {
      onSuccess: () => notifications.show({ color: 'green', message: t('rate.done') }),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="voice-rate">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="voice-rate">
            {t('rate.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('rate.hint')}
          </Text>
          <fieldset
            style={{ border: 0, padding: 0, margin: 0 }}
            aria-describedby={errors.stars ? 'voice-rate-error' : undefined}
          >
            <legend>
              <Text size="sm" fw={500}>
                {t('rate.stars')}
              </Text>
            </legend>
            <Rating
              value={stars}
              onChange={(value) => {
                setStars(value);
                setErrors((current) => ({ ...current, stars: undefined }));
              }}
              size="xl"
              getSymbolLabel={(value) => t('rate.star', { count: value })}
            />
            {errors.stars && (
              <Text size="sm" c="red.8" id="voice-rate-error" role="alert" mt={4}>
                {errors.stars}
              </Text>
            )}
          </fieldset>
          <Textarea
            label={t('rate.comment')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={VOICE_REASON_MAX}
            value={comment}
            error={errors.comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <FormErrorAlert message={mutation.error ? errorMessage(mutation.error) : undefined} />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('rate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
