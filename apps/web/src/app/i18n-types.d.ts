import 'i18next';
import type { assistantVi } from '../features/assistant/locales/vi';
import type { voiceVi } from '../features/voice/locales/vi';
import type { vi } from './locales/vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // A lazily loaded screen's texts may come as a namespace of their own, registered with its code.
    resources: { translation: typeof vi; voice: typeof voiceVi; assistant: typeof assistantVi };
    returnNull: false;
  }
}
