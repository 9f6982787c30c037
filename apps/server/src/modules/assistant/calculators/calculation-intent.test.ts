import { describe, expect, it } from 'vitest';
import { detectCalculation } from './calculators.js';

describe('detectCalculation', () => {
  it.each([
    ['Lương 8 triệu, tăng ca 10 tiếng được bao nhiêu tiền?', 'overtime_pay'],
    ['tinh giup tien tang ca chu nhat 4 tieng', 'overtime_pay'],
    ['OT 3h ngày lễ thì dc bn', 'overtime_pay'],
    ['Làm thêm giờ ban đêm được trả bao nhiêu?', 'overtime_pay'],
    ['đang thử việc mà tăng ca 2 tiếng được bao nhiêu tiền', 'overtime_pay'],
    ['Trợ cấp thôi việc của tôi được bao nhiêu?', 'severance'],
    ['lương 8tr làm 3 năm nghỉ việc được bao nhiêu tiền', 'severance'],
    ['tinh tro cap thoi viec giup em', 'severance'],
    ['Công ty cắt giảm nhân sự, tôi được bao nhiêu tiền trợ cấp?', 'job_loss'],
    ['trợ cấp mất việc làm tính thế nào', 'job_loss'],
    ['Tôi được bao nhiêu ngày phép năm?', 'annual_leave'],
    ['làm 6 năm thì được nghỉ phép mấy ngày', 'annual_leave'],
    ['Lương thử việc của tôi phải ít nhất bao nhiêu?', 'probation_pay'],
    ['thu viec tra 70% luong co dung khong, dc bao nhieu', 'probation_pay'],
    ['Nghỉ việc thì được hưởng trợ cấp thất nghiệp bao nhiêu tháng?', 'unemployment_benefit'],
    ['đóng bhtn 5 năm, lương 10 triệu thì nhận được bao nhiêu tiền thất nghiệp', 'unemployment_benefit'],
    ['thôi việc thì bảo hiểm thất nghiệp được bao nhiêu', 'unemployment_benefit'],
    ['Đoàn phí mỗi tháng đóng bao nhiêu?', 'member_dues'],
    ['luong 9tr thi doan phi bn', 'member_dues'],
  ])('%s → %s', (text, kind) => {
    expect(detectCalculation(text)).toBe(kind);
  });

  it.each([
    'Tăng ca tối đa bao nhiêu giờ một tháng?',
    'tang ca toi da bn tieng',
    'Làm thêm quá 40 giờ thì sao?',
    'Công ty có được bắt tăng ca không?',
    'Thử việc tối đa bao nhiêu ngày?',
    'Nghỉ việc phải báo trước bao nhiêu ngày?',
    'Phép năm không nghỉ hết có được cộng dồn không?',
    'Điều kiện hưởng trợ cấp thất nghiệp là gì?',
    'Kinh phí công đoàn là gì?',
    'Công ty nợ lương thì tôi phải làm gì?',
    'Xin chào',
  ])('%s → null', (text) => {
    expect(detectCalculation(text)).toBeNull();
  });
});
