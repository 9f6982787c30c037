/**
 * The Web Speech API, where the browser has it: Chrome on Android recognises Vietnamese speech
 * (`webkitSpeechRecognition`), most phones can read Vietnamese aloud (`speechSynthesis`). The DOM
 * types of TypeScript lack the recognition half, so its small part used here is typed below.
 */
export const SPEECH_LANG = 'vi-VN';

export type SpeechRecognitionResultEventLike = {
  results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal?: boolean }>;
};

export type SpeechRecognitionLike = {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onresult: ((event: SpeechRecognitionResultEventLike) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
  onend: (() => void) | null;
  start: () => void;
  stop: () => void;
  abort: () => void;
};

export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

type SpeechWindow = {
  SpeechRecognition?: unknown;
  webkitSpeechRecognition?: unknown;
  speechSynthesis?: unknown;
  SpeechSynthesisUtterance?: unknown;
};

/** The recognition constructor, standard or prefixed; `null` where the browser cannot listen. */
export function speechRecognitionConstructor(
  win: SpeechWindow | undefined,
): SpeechRecognitionConstructor | null {
  const candidate = win?.SpeechRecognition ?? win?.webkitSpeechRecognition;
  return typeof candidate === 'function' ? (candidate as SpeechRecognitionConstructor) : null;
}

/** Whether answers can be read aloud. */
export function canSpeak(win: SpeechWindow | undefined): boolean {
  return Boolean(win?.speechSynthesis) && typeof win?.SpeechSynthesisUtterance === 'function';
}

/** What was heard so far, all results joined, as the text box takes it. */
export function transcriptOf(event: SpeechRecognitionResultEventLike): string {
  const parts: string[] = [];
  for (let i = 0; i < event.results.length; i += 1) {
    const alternative = event.results[i]?.[0];
    if (alternative) parts.push(alternative.transcript.trim());
  }
  return parts.filter(Boolean).join(' ');
}

/** The text as it sounds: a formula's symbols and the citation dots would be read out as noise. */
export function speakableText(text: string): string {
  return text
    .replace(/[*_#`>]+/g, ' ')
    .replace(/\s*·\s*/g, ', ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
