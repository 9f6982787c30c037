import { prepareText } from './calculator-text.js';
import type { CalculatorKind } from './calculators.js';

/** Words that ask for a figure rather than a rule: "được bao nhiêu", "tính giúp", "mấy ngày", "thì sao". */
const ASKS_AMOUNT =
  /bao nhieu|\bmay (?:ngay|thang|tien|trieu)|\bnhieu tien|cach tinh|tinh (?:giup|ho|dum|gium|cho|thu|xem|sao|the nao|nhu the nao|ra|tien|luong|phep|tro cap)|\btinh\s*$|muc huong|muc dong|thi sao|duoc nhieu|duoc may/;
/** A money word: it turns "tăng ca … bao nhiêu" from a limit question into a pay question. */
const MONEY = /\btien\b|\bluong\b|\btra\b|\d\s*(?:trieu|tr|cu|k)\b|\d{1,3}(?:[.,]\d{3})+/;
/** Rules about limits and procedure, not amounts. */
const OVERTIME_LIMIT =
  /toi da|gioi han|khong qua|vuot|qua \d+ (?:gio|tieng)|bao nhieu (?:gio|tieng)|may (?:gio|tieng)|bat buoc|tu choi/;
const NOTICE = /bao truoc|thong bao truoc/;

type Topic = { kind: CalculatorKind; topic: RegExp; accept?: (text: string) => boolean };

// Order matters: a named allowance beats a topic said in passing ("thôi việc thì BHTN được bao nhiêu" is
// about unemployment benefit; "đang thử việc, tăng ca được bao nhiêu" is about overtime).
const TOPICS: readonly Topic[] = [
  { kind: 'severance', topic: /tro cap thoi viec/, accept: (t) => !NOTICE.test(t) },
  { kind: 'job_loss', topic: /tro cap mat viec/ },
  { kind: 'unemployment_benefit', topic: /that nghiep/ },
  { kind: 'member_dues', topic: /doan phi|(?<!kinh )phi cong doan|dong phi doan/ },
  {
    kind: 'overtime_pay',
    topic: /tang ca|lam them/,
    accept: (t) => MONEY.test(t) || !OVERTIME_LIMIT.test(t),
  },
  { kind: 'probation_pay', topic: /thu viec/, accept: (t) => MONEY.test(t) || /\d+\s*%/.test(t) },
  { kind: 'annual_leave', topic: /phep nam|nghi phep|ngay phep|nghi hang nam|\bphep\b/ },
  { kind: 'job_loss', topic: /mat viec|cat giam|thay doi co cau/ },
  {
    kind: 'severance',
    topic: /thoi viec|nghi viec|nghi lam|cham dut hop dong/,
    accept: (t) => !NOTICE.test(t) && (MONEY.test(t) || /tro cap/.test(t)),
  },
];

/** Which calculator a question asks for, or null when it asks a rule ("tăng ca tối đa bao nhiêu giờ") or nothing to compute. */
export function detectCalculation(text: string): CalculatorKind | null {
  const prepared = prepareText(text);
  if (!ASKS_AMOUNT.test(prepared)) return null;
  for (const { kind, topic, accept } of TOPICS) {
    if (topic.test(prepared)) return !accept || accept(prepared) ? kind : null;
  }
  return null;
}
