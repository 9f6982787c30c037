import { describe, expect, it } from 'vitest';
import { canSpeak, speakableText, speechRecognitionConstructor, transcriptOf } from './speech';

class FakeRecognition {}

describe('speech feature detection', () => {
  it('finds the standard or the prefixed recognition constructor', () => {
    expect(speechRecognitionConstructor({ SpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
    expect(speechRecognitionConstructor({ webkitSpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
  });

  it('offers no microphone where the browser cannot listen', () => {
    expect(speechRecognitionConstructor({})).toBeNull();
    expect(speechRecognitionConstructor(undefined)).toBeNull();
    expect(speechRecognitionConstructor({ SpeechRecognition: 'not a constructor' })).toBeNull();
  });

  it('reads aloud only with both the synthesiser and utterances', () => {
    expect(canSpeak({ speechSynthesis: {}, SpeechSynthesisUtterance: FakeRecognition })).toBe(true);
    expect(canSpeak({ speechSynthesis: {} })).toBe(false);
    expect(canSpeak({})).toBe(false);
    expect(canSpeak(undefined)).toBe(false);
  });
});

describe('speech text', () => {
  it('joins what was heard', () => {
    const results = [[{ transcript: 'làm 3 năm ' }], [{ transcript: ' nghỉ việc' }]];
    expect(transcriptOf({ results })).toBe('làm 3 năm nghỉ việc');
  });

  it('reads a citation without its middle dot', () => {
    expect(speakableText('Điều 46 · Bộ luật Lao động 2019')).toBe('Điều 46, Bộ luật Lao động 2019');
  });
});
