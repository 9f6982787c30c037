import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { AnswerDraftBody } from '@union/contracts/assistant';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../app/api-client';
import { DateField } from '../../../ui/DateField';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { type AnswerDraftForm as DraftForm, type DraftErrors, validateDraft } from '../answer-draft';
import { useAssistantTranslation } from '../assistant-i18n';
import { calculatorOptions, isCalculatorKind } from '../assistant-labels';

/**
 * A curated answer's version: topic, the ways people ask it (one per line), the answer, the articles
 * it rests on as rows, a calculator, its validity; sent for review at once or kept as a draft.
 */
export function AnswerDraftForm({
  initial,
  onSubmit,
  onCancel,
  pending,
  error,
  submitLabel,
}: {
  initial: DraftForm;
  onSubmit: (body: AnswerDraftBody) => void;
  onCancel?: () => void;
  pending: boolean;
  error: unknown;
  submitLabel?: string;
}) {
  const { t } = useAssistantTranslation();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});

  const update = (patch: Partial<DraftForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof DraftErrors];
      return next;
    });
  };
  const setRow = (index: number, patch: Partial<DraftForm['citations'][number]>) =>
    update({ citations: form.citations.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateDraft(form, {
      citationsRequired: t('form.citationsRequired'),
      citationInvalid: t('form.citationInvalid'),
    });
    if (!result.ok) return setErrors(result.errors);
    onSubmit(result.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('form.topic')}
          description={t('form.topicHint')}
          required
          maxLength={60}
          value={form.topic}
          onChange={(event) => update({ topic: event.currentTarget.value })}
          error={errors.topic}
        />
        <Textarea
          label={t('form.questions')}
          description={t('form.questionsHint')}
          required
          autosize
          minRows={3}
          value={form.questions}
          onChange={(event) => update({ questions: event.currentTarget.value })}
          error={errors.questions}
        />
        <Textarea
          label={t('form.answer')}
          required
          autosize
          minRows={5}
          maxLength={5000}
          value={form.answer}
          onChange={(event) => update({ answer: event.currentTarget.value })}
          error={errors.answer}
        />
        <Input.Wrapper label={t('form.citations')} required error={errors.citations}>
          <Stack gap="xs" mt={4}>
            {form.citations.map((row, index) => (
              <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label={t('form.citationDocument')}
                  placeholder="45/2019/QH14"
                  value={row.document}
                  onChange={(event) => setRow(index, { document: event.currentTarget.value })}
                  style={{ flex: 2, minWidth: 0 }}
                  maxLength={40}
                />
                <TextInput
                  label={t('form.citationArticle')}
                  placeholder="46"
                  inputMode="numeric"
                  value={row.article}
                  onChange={(event) => setRow(index, { article: event.currentTarget.value })}
                  style={{ flex: 1, minWidth: 0 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size={36}
                  aria-label={t('form.removeCitation', { n: index + 1 })}
                  onClick={() => update({ citations: form.citations.filter((_, i) => i !== index) })}
                  disabled={form.citations.length === 1}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={16} />}
              onClick={() => update({ citations: [...form.citations, { document: '', article: '' }] })}
              disabled={form.citations.length >= 10}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('form.addCitation')}
            </Button>
          </Stack>
        </Input.Wrapper>
        <Select
          label={t('form.calculator')}
          placeholder={t('form.calculatorNone')}
          data={calculatorOptions(t)}
          value={form.calculator}
          onChange={(value) => update({ calculator: isCalculatorKind(value) ? value : null })}
          clearable
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('form.validFrom')}
            required
            value={form.validFrom}
            onChange={(value) => update({ validFrom: value })}
            error={errors.validFrom}
          />
          <DateField
            label={t('form.validTo')}
            value={form.validTo}
            onChange={(value) => update({ validTo: value })}
            minDate={form.validFrom || undefined}
            error={errors.validTo}
          />
        </SimpleGrid>
        <Checkbox
          label={t('form.submit')}
          description={t('form.submitHint')}
          checked={form.submit}
          onChange={(event) => update({ submit: event.currentTarget.checked })}
        />
        <FormErrorAlert message={error ? errorMessage(error) : undefined} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel ?? t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
