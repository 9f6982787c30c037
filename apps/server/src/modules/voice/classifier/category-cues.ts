import type { VoiceCategory } from './categories.js';

/**
 * The key phrases of each category's definition, as the product brief words them. Training adds each
 * phrase as a one-phrase example: the model then knows the defining terms even where the labelled set
 * uses them rarely, and a bare "nợ lương" or "BHXH" lands where its definition says. `other` has none.
 * They were fixed before being measured and are not tuned to the labelled set (README.md).
 */
export const CATEGORY_CUES: Readonly<Record<Exclude<VoiceCategory, 'other'>, readonly string[]>> = {
  wages: ['tiền lương', 'nợ lương', 'chậm lương', 'thưởng', 'khấu trừ lương', 'lương tối thiểu'],
  working_hours: ['giờ làm', 'tăng ca', 'làm thêm', 'OT', 'nghỉ ngơi', 'nghỉ phép năm', 'ca đêm', 'nghỉ lễ'],
  social_insurance: [
    'BHXH',
    'BHYT',
    'BH thất nghiệp',
    'chế độ thai sản',
    'chế độ ốm đau',
    'sổ BHXH',
    'công ty nợ đóng BHXH',
    'công ty trốn đóng BHXH',
  ],
  safety: [
    'an toàn vệ sinh lao động',
    'tai nạn lao động',
    'bệnh nghề nghiệp',
    'nóng',
    'bụi',
    'hóa chất',
    'bảo hộ lao động',
  ],
  contracts: [
    'hợp đồng lao động',
    'thử việc',
    'sa thải',
    'đuổi việc',
    'chấm dứt HĐ',
    'kỷ luật',
    'chuyển việc trái HĐ',
  ],
  housing: ['nhà ở', 'nhà trọ', 'ký túc xá', 'tiền thuê trọ', 'nhà ở xã hội'],
  welfare: [
    'phúc lợi',
    'bữa ăn ca',
    'xe đưa đón',
    'quà Tết',
    'tham quan',
    'nhà trẻ',
    'chăm sóc con',
    'phụ cấp',
  ],
  union_activity: [
    'hoạt động công đoàn',
    'đoàn phí',
    'cán bộ công đoàn',
    'đại hội',
    'thăm hỏi',
    'đối thoại',
    'thỏa ước lao động tập thể',
  ],
};

export const CUE_EXAMPLES: readonly { text: string; category: VoiceCategory }[] = Object.entries(
  CATEGORY_CUES,
).flatMap(([category, phrases]) =>
  phrases.map((text) => ({ text, category: category as Exclude<VoiceCategory, 'other'> })),
);
