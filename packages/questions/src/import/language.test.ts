import { describe, expect, it } from 'vitest';
import { detectLanguage, localizedTexts, relabelLanguage } from './language.js';

describe('detectLanguage', () => {
  it('reads the script: kana or kanji is Japanese, Latin words English, neither unknown', () => {
    expect(detectLanguage(['「言う」の謙譲語は？'])).toBe('ja');
    expect(detectLanguage(['PDCA の P は何の略ですか'])).toBe('ja');
    expect(detectLanguage(['Which port does HTTPS use?', '443'])).toBe('en');
    expect(detectLanguage(['Où est la gare ?'])).toBe('en');
    expect(detectLanguage(['1 + 1 = ?', '2'])).toBeNull();
    expect(detectLanguage(['ｶﾀｶﾅ'])).toBe('ja');
  });
});

describe('relabelLanguage and localizedTexts', () => {
  const draft = {
    title: 'T',
    stem: { ja: 'Which?' },
    options: [
      { id: 'a', text: { ja: 'One' }, feedback: { ja: 'Yes' } },
      { id: 'b', text: { ja: 'Two' } },
    ],
    feedback: { correct: { ja: 'Right' } },
    skillTags: ['x'],
  };

  it('finds every single-language text and moves it to the other language', () => {
    expect(localizedTexts(draft, 'ja')).toEqual(['Which?', 'One', 'Yes', 'Two', 'Right']);
    expect(relabelLanguage(draft, 'ja', 'en')).toEqual({
      title: 'T',
      stem: { en: 'Which?' },
      options: [
        { id: 'a', text: { en: 'One' }, feedback: { en: 'Yes' } },
        { id: 'b', text: { en: 'Two' } },
      ],
      feedback: { correct: { en: 'Right' } },
      skillTags: ['x'],
    });
    expect(relabelLanguage(draft, 'ja', 'ja')).toBe(draft);
  });
});
