import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_SETTINGS, readVoiceSettings } from './voice-settings.js';
import { wordLengthAt } from './use-speech.js';

describe('readVoiceSettings', () => {
  it('keeps well-formed stored choices', () => {
    const stored = JSON.stringify({
      voiceURI: 'x',
      rate: 1.4,
      autoRead: true,
      captions: false,
      avatar: false,
      persona: 'strict',
      recorder: false,
    });
    expect(readVoiceSettings(stored)).toEqual({
      voiceURI: 'x',
      rate: 1.4,
      autoRead: true,
      captions: false,
      avatar: false,
      persona: 'strict',
      recorder: false,
    });
  });

  it('falls back field by field on damaged or foreign values', () => {
    expect(readVoiceSettings('{not json')).toEqual(DEFAULT_VOICE_SETTINGS);
    expect(readVoiceSettings(JSON.stringify({ rate: 9, persona: 'angry', autoRead: 'yes' }))).toEqual(DEFAULT_VOICE_SETTINGS);
  });
});

describe('wordLengthAt', () => {
  it('measures the word a boundary event points at', () => {
    expect(wordLengthAt('Tell me about a time', 5)).toBe(2);
    expect(wordLengthAt('end', 3)).toBe(0);
  });
});
