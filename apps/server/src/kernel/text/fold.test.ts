import { describe, expect, it } from 'vitest';
import { escapeLike, foldVietnamese } from './fold.js';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG THỊ HƯƠNG', 'dang thi huong'],
    ['  Trần   Thị  Bích Ngọc ', 'tran thi bich ngoc'],
    ['Công đoàn phường Ba Đình', 'cong doan phuong ba dinh'],
    // Precomposed and decomposed input fold the same.
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});

describe('escapeLike', () => {
  it('makes wildcards literal', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
