import { describe, expect, it } from 'vitest';
import { checkDomains, isHost } from './vendorBranding';

describe('vendor domains', () => {
  it('accepts bare host names only', () => {
    expect(isHost('learn.example-training.co.jp')).toBe(true);
    expect(isHost(' LEARN.Example.jp ')).toBe(true);
    expect(isHost('localhost')).toBe(true);
    for (const bad of [
      'https://learn.example.jp',
      'learn.example.jp/path',
      'learn example.jp',
      '-learn.example.jp',
      'learn..example.jp',
      'learn.example.jp:8443',
    ]) {
      expect(isHost(bad), bad).toBe(false);
    }
  });

  it('leaves empty rows out and remembers which row each domain came from', () => {
    expect(checkDomains(['a.example.jp', '', ' B.example.jp', 'bad host', 'a.example.jp'])).toEqual({
      domains: ['a.example.jp', 'b.example.jp', 'bad host', 'a.example.jp'],
      rowOf: [0, 2, 3, 4],
      problems: new Map([
        [3, 'invalid'],
        [4, 'duplicate'],
      ]),
    });
  });
});
