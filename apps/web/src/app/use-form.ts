import { type ChangeEvent, useState } from 'react';
import type { FieldErrors } from './form-errors';

/**
 * Text-valued form state with per-field errors; every Mantine input binds through `field(name)`, a
 * `DateField` through `dateField(name)` (its value a `yyyy-mm-dd` string too).
 */
export function useForm<Values extends Record<string, string>>(initialValues: Values) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});

  const clearError = (name: string) => setErrors((current) => ({ ...current, [name]: undefined }));

  const setValue = (name: keyof Values & string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clearError(name);
  };

  const field = (name: keyof Values & string) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValue(name, event.currentTarget.value),
  });

  const dateField = (name: keyof Values & string) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => setValue(name, value),
  });

  const reset = () => {
    setValues(initialValues);
    setErrors({});
  };

  return { values, errors, setErrors, clearError, setValue, field, dateField, reset };
}

/** Blank optional inputs are left out of the request rather than sent as empty strings. */
export function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}
