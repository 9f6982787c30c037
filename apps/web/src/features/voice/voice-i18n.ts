import { useTranslation } from 'react-i18next';
import { i18n } from '../../app/i18n';
import { voiceEn } from './locales/en';
import { voiceVi } from './locales/vi';

/**
 * The voice screens' texts arrive with their code, in a namespace of their own, rather than in the
 * app's locale files that every first load carries (a member who never opens them never downloads
 * them). Its own namespace also keeps English's `translation` bundle unloaded until someone picks it.
 */
export const VOICE_NAMESPACE = 'voice';

i18n.addResourceBundle('vi', VOICE_NAMESPACE, voiceVi, true, true);
i18n.addResourceBundle('en', VOICE_NAMESPACE, voiceEn, true, true);

export const useVoiceTranslation = () => useTranslation(VOICE_NAMESPACE);
