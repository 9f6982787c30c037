import { useTranslation } from 'react-i18next';
import { i18n } from '../../app/i18n';
import { assistantEn } from './locales/en';
import { assistantVi } from './locales/vi';

/**
 * The legal assistant's texts arrive with its code, in a namespace of their own, rather than in the
 * app's locale files that every first load carries (the public chat page and the officer screens alike).
 */
export const ASSISTANT_NAMESPACE = 'assistant';

i18n.addResourceBundle('vi', ASSISTANT_NAMESPACE, assistantVi, true, true);
i18n.addResourceBundle('en', ASSISTANT_NAMESPACE, assistantEn, true, true);

export const useAssistantTranslation = () => useTranslation(ASSISTANT_NAMESPACE);
