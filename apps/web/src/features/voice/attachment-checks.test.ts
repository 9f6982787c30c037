import { VOICE_ATTACHMENT_MAX_BYTES } from '@union/contracts/voice';
import { describe, expect, it } from 'vitest';
import { checkAttachments, formatFileSize } from './attachment-checks';

/** A file-like object of a given type and size, without allocating its bytes. */
const file = (name: string, type: string, size: number) => ({ name, type, size }) as File;

describe('checkAttachments', () => {
  it('takes photos and PDFs up to 5 MB each', () => {
    const photo = file('anh.jpg', 'image/jpeg', 1_000);
    const pdf = file('hop-dong.pdf', 'application/pdf', VOICE_ATTACHMENT_MAX_BYTES);
    expect(checkAttachments(0, [photo, pdf])).toEqual({ accepted: [photo, pdf], rejected: [] });
  });

  it('refuses other types and larger files, saying why', () => {
    const heic = file('IMG_0001.HEIC', 'image/heic', 1_000);
    const big = file('to.png', 'image/png', VOICE_ATTACHMENT_MAX_BYTES + 1);
    expect(checkAttachments(0, [heic, big]).rejected).toEqual([
      { file: heic, problem: 'type' },
      { file: big, problem: 'size' },
    ]);
  });

  it('stops at five files an item, counting those already kept', () => {
    const picked = ['a', 'b', 'c'].map((name) => file(`${name}.png`, 'image/png', 10));
    const check = checkAttachments(3, picked);
    expect(check.accepted).toEqual(picked.slice(0, 2));
    expect(check.rejected).toEqual([{ file: picked[2], problem: 'count' }]);
  });
});

describe('formatFileSize', () => {
  it('reads the Vietnamese way', () => {
    expect(formatFileSize(850 * 1024)).toBe('850 KB');
    expect(formatFileSize(4.2 * 1024 * 1024)).toBe('4,2 MB');
    expect(formatFileSize(10)).toBe('1 KB');
  });
});
