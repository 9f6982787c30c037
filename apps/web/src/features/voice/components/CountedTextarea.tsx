import { Textarea, type TextareaProps } from '@mantine/core';
import { useVoiceTranslation } from '../voice-i18n';

const countFormat = new Intl.NumberFormat('vi-VN');

/**
 * A textarea that shows how much of the contract's limit is used, and stops at it. The counter is
 * part of the description, read once with the field, not announced on every keystroke.
 */
export function CountedTextarea({
  value,
  max,
  description,
  ...props
}: Omit<TextareaProps, 'value' | 'maxLength' | 'description'> & {
  value: string;
  max: number;
  description?: string;
}) {
  const { t } = useVoiceTranslation();
  const counter = t('submit.counter', {
    count: countFormat.format(value.length),
    max: countFormat.format(max),
  });
  return (
    <Textarea
      autosize
      minRows={3}
      maxRows={14}
      {...props}
      value={value}
      maxLength={max}
      description={description ? `${description} · ${counter}` : counter}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
