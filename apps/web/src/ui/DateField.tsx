import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_FORMAT, parseTypedDate } from './dates';

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'
> & {
  /** `yyyy-mm-dd`, as forms and the API hold dates; `''` for none. */
  value: string;
  /** Called with `yyyy-mm-dd`, or `''` when the field is cleared. */
  onChange: (value: string) => void;
  /** The earliest day that can be chosen or typed, `yyyy-mm-dd`. */
  minDate?: string;
  /** The latest day that can be chosen or typed, `yyyy-mm-dd` (often `todayIsoDate()`). */
  maxDate?: string;
};

/**
 * Every date the app asks for: shown and typed as `dd/mm/yyyy` whatever the browser's language,
 * with a calendar in the UI language, while the value stays `yyyy-mm-dd`. An optional field can be
 * cleared (its × button, or by deleting the text); a date outside `minDate`–`maxDate` is not taken.
 */
export function DateField({
  value,
  onChange,
  required,
  clearable,
  minDate,
  maxDate,
  ...props
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      valueFormat={DATE_FIELD_FORMAT}
      dateParser={parseTypedDate}
      placeholder={t('datePicker.placeholder')}
      required={required}
      clearable={clearable ?? !required}
      clearButtonProps={{ 'aria-label': t('datePicker.clear') }}
      minDate={minDate || undefined}
      maxDate={maxDate || undefined}
      // "Tháng 11 năm 2026", as Vietnamese write it (Mantine capitalises every word of the header).
      {...(i18n.language === 'vi' && {
        monthLabelFormat: '[Tháng] M [năm] YYYY',
        styles: { calendarHeaderLevel: { textTransform: 'none' } },
      })}
      ariaLabels={{
        monthLevelControl: t('datePicker.chooseMonth'),
        yearLevelControl: t('datePicker.chooseYear'),
        nextMonth: t('datePicker.nextMonth'),
        previousMonth: t('datePicker.previousMonth'),
        nextYear: t('datePicker.nextYear'),
        previousYear: t('datePicker.previousYear'),
        nextDecade: t('datePicker.nextDecade'),
        previousDecade: t('datePicker.previousDecade'),
      }}
      {...props}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ?? '')}
    />
  );
}
