import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './locales/vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'congdoanso.language';

// Vietnamese is built in; English is fetched only by those who choose it.
const LOADERS: Record<Exclude<Language, 'vi'>, () => Promise<typeof vi>> = {
  en: () => import('./locales/en').then((m) => m.en as typeof vi),
};

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'vi';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

/** Fetches a language's texts unless they are here already; the app renders once the chosen one is. */
export async function loadLanguage(language: Language = currentLanguage()): Promise<void> {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await LOADERS[language]());
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return LANGUAGES.find((language) => language === i18n.language) ?? 'vi';
}
