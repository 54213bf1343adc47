import { describe, expect, it } from 'vitest';
import { certificateFileName } from './certificates.js';

const CODE = '7K3MQ9XD2FPAW8RC';

describe('certificateFileName', () => {
  it('is the readable name and the printed code', () => {
    expect(certificateFileName({ recipientName: '佐藤 花子', code: CODE })).toBe('佐藤_花子_7K3M-Q9XD-2FPA-W8RC.pdf');
  });

  it('drops what no file system or zip tool accepts and cannot climb out of a folder', () => {
    expect(certificateFileName({ recipientName: '../../etc/pass:wd*?"<>|\u0000\u202e', code: CODE })).toBe(
      'etcpasswd_7K3M-Q9XD-2FPA-W8RC.pdf',
    );
    expect(certificateFileName({ recipientName: 'ＡＢＣ　太郎', code: CODE })).toBe('ABC_太郎_7K3M-Q9XD-2FPA-W8RC.pdf');
  });

  it('still names a file whose person has no usable name', () => {
    expect(certificateFileName({ recipientName: '///', code: CODE })).toBe('certificate_7K3M-Q9XD-2FPA-W8RC.pdf');
  });
});
