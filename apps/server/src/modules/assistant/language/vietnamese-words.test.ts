import { describe, expect, it } from 'vitest';
import { foldedPhrase, searchTermsOf, segment } from './vietnamese-words.js';

describe('Vietnamese words for the assistant', () => {
  it('segments legal compounds the same with and without diacritics', () => {
    const accented = searchTermsOf('Hợp đồng lao động bị đơn phương chấm dứt');
    const plain = searchTermsOf('hop dong lao dong bi don phuong cham dut');
    expect(plain).toEqual(accented);
    expect(accented).toContain('hop_dong_lao_dong');
    expect(accented).toContain('don_phuong_cham_dut');
  });

  it('expands shorthand and English the way workers type', () => {
    const terms = searchTermsOf('cty bắt lm OT, hđlđ ko ghi, probation 2 tháng');
    expect(terms).toEqual(expect.arrayContaining(['cong_ty', 'tang_ca', 'hop_dong_lao_dong', 'thu_viec']));
  });

  it('adds the law’s words beside colloquial phrases', () => {
    expect(searchTermsOf('bị đuổi việc')).toEqual(expect.arrayContaining(['sa_thai']));
    expect(searchTermsOf('nghỉ đẻ được mấy tháng')).toEqual(expect.arrayContaining(['thai_san']));
    expect(searchTermsOf('cty nợ lương 2 tháng')).toEqual(expect.arrayContaining(['tra_luong']));
  });

  it('drops stopwords but keeps words folding would merge with them (năm → nam, men)', () => {
    const terms = searchTermsOf('tuổi nghỉ hưu của nam là bao nhiêu');
    expect(terms).toContain('nam');
    expect(terms).not.toContain('cua');
  });

  it('does not glue a stopword onto a content word ("có khác", "thì có")', () => {
    expect(segment(['co', 'khac', 'nhau'])).not.toContain('co_khac');
  });

  it('reads only the first 2,000 characters and never throws on odd input', () => {
    expect(() => searchTermsOf('\u0000'.repeat(10_000))).not.toThrow();
    expect(searchTermsOf('lương '.repeat(5_000)).length).toBeLessThan(1_000);
    expect(foldedPhrase('Có nên KIỆN công ty?')).toBe(' co nen kien cong ty ');
  });
});
