import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { currentLanguage, i18n } from './i18n';
import { Toasts } from './layout/Toasts';
import { queryClient } from './query-client';
import { theme } from './theme';

/** Calendars speak the UI language (month and day names); weeks start on Monday, as in Vietnam. */
function LocalizedDates({ children }: { children: ReactNode }) {
  useTranslation(); // re-renders on a language switch
  return (
    <DatesProvider settings={{ locale: currentLanguage(), firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <LocalizedDates>
          <Toasts />
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
