import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './csv-cell.js';

describe('neutraliseFormula', () => {
  it('turns text a spreadsheet would run into text it shows', () => {
    for (const cell of ['=1+1', '+81 3 1234', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","営業部")'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone, including formula characters further in', () => {
    for (const cell of ['営業部', 'a=b', '1-2', 'メール@例', '', "'already"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});
