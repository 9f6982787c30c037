import { useEffect, useRef, useState } from 'react';
import {
  canSpeak,
  SPEECH_LANG,
  speakableText,
  type SpeechRecognitionLike,
  speechRecognitionConstructor,
  transcriptOf,
} from './speech';

const speechWindow = () =>
  (typeof window === 'undefined' ? undefined : window) as
    Parameters<typeof speechRecognitionConstructor>[0] | undefined;

/** Speaking a question instead of typing it, where the browser can listen in Vietnamese. */
export function useSpeechInput(onText: (text: string) => void) {
  const [Recognition] = useState(() => speechRecognitionConstructor(speechWindow()));
  const [listening, setListening] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = useRef<SpeechRecognitionLike | null>(null);
  const onTextRef = useRef(onText);

  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);
  useEffect(() => () => current.current?.abort(), []);

  const start = () => {
    if (!Recognition || current.current) return;
    const recognition = new Recognition();
    recognition.lang = SPEECH_LANG;
    recognition.interimResults = true;
    recognition.continuous = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = (event) => onTextRef.current(transcriptOf(event));
    recognition.onerror = (event) => {
      // Stopping by hand, or silence, is not a failure worth a message.
      if (event.error !== 'aborted' && event.error !== 'no-speech') setFailed(true);
    };
    recognition.onend = () => {
      current.current = null;
      setListening(false);
    };
    current.current = recognition;
    setFailed(false);
    setListening(true);
    try {
      recognition.start();
    } catch {
      current.current = null;
      setListening(false);
      setFailed(true);
    }
  };

  const stop = () => current.current?.stop();

  return { supported: Recognition !== null, listening, failed, start, stop };
}

/** One answer read aloud at a time, in a Vietnamese voice where the phone has one. */
export function useReadAloud() {
  const [supported] = useState(() => canSpeak(speechWindow()));
  const [speaking, setSpeaking] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (supported) window.speechSynthesis.cancel();
    },
    [supported],
  );

  const toggle = (key: string, text: string) => {
    if (!supported) return;
    const synthesis = window.speechSynthesis;
    synthesis.cancel();
    if (speaking === key) {
      setSpeaking(null);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(speakableText(text));
    utterance.lang = SPEECH_LANG;
    const voice = synthesis.getVoices().find((candidate) => candidate.lang.replace('_', '-') === SPEECH_LANG);
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking((now) => (now === key ? null : now));
    utterance.onerror = () => setSpeaking((now) => (now === key ? null : now));
    setSpeaking(key);
    synthesis.speak(utterance);
  };

  return { supported, speaking, toggle };
}
