import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en } from './locales/en';
import { vi } from './locales/vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'congdoanso.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'vi';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return LANGUAGES.find((language) => language === i18n.language) ?? 'vi';
}

/** Contract schemas validate forms in the browser too, so their messages speak the UI language. */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === '' ? i18n.t('validation.required') : undefined;
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1
            ? i18n.t('validation.required')
            : i18n.t('validation.tooShort', { min: Number(issue.minimum) });
        }
        return issue.origin === 'array' ? i18n.t('validation.required') : undefined;
      case 'too_big':
        return issue.origin === 'string' ? i18n.t('validation.tooLong', { max: Number(issue.maximum) }) : undefined;
      case 'invalid_format':
        if (issue.format === 'email') return i18n.t('validation.email');
        if (issue.format === 'date') return i18n.t('validation.date');
        return i18n.t('validation.format');
      default:
        return undefined;
    }
  },
});
