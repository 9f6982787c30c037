import { readFileSync } from 'node:fs';
import type { VoiceCategory, VoiceEventKind, VoiceKind, VoiceStatus } from '@union/contracts/voice';
import { vietnamCalendar } from '../../kernel/calendar/working-days.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import type { RoutingUnit } from '../units/index.js';
import { defaultCategoryClassifier } from './classifier/category-classifier.js';
import { topicTermsOf } from './classifier/topic-terms.js';
import { escalationTargetId, handlingLevelOf, idsOnPath, type HandlingLevel } from './handling-levels.js';
import type { voiceItems } from './voice.schema.js';

/**
 * Synthetic history of what members raised, for the demo and the benchmark: the same generator, so
 * both look like the platform after two years of use. Items follow the app's own rules: texts from the
 * labelled set classified and cut into topic terms as `submitItem` does, routing from the member's
 * grassroots union (a province-wide proposal from the province), deadlines in working days by the
 * starting rules, and the escalation sweep replayed: an item nobody answers by its deadline moves to the
 * managing unit with a fresh one, up to the Confederation, where it stays overdue.
 */

export type SyntheticVoiceItem = Omit<typeof voiceItems.$inferInsert, 'id'> & {
  kind: VoiceKind;
  category: VoiceCategory;
  status: VoiceStatus;
  createdAt: Date;
  dueAt: Date;
  handlingSince: Date;
};

export interface SyntheticVoiceEvent {
  kind: VoiceEventKind;
  actorAccountId: number | null;
  fromUnitId: number | null;
  toUnitId: number | null;
  text: string | null;
  at: Date;
}

/** A unit that may handle an item: the grassroots union first, then each managing unit above it. */
export interface SyntheticHandlingUnit {
  id: number;
  name: string;
  path: string;
  provinceId: number | null;
  level: HandlingLevel;
}

/** Where an author belongs, as `submitItem` reads it from the member's record and the units above. */
export interface SyntheticPlace {
  zoneUnitId: number | null;
  sectorUnitId: number | null;
  /** The handling units in escalation order, the grassroots union first, the Confederation last. */
  chain: readonly SyntheticHandlingUnit[];
}

export interface SyntheticAuthor {
  memberId: number;
  /** The member's own account (who submitted); null: an officer entered it for them. */
  accountId: number | null;
  /** The officer who entered it on the member's behalf, when the member has no account. */
  enteredByAccountId: number | null;
  unitId: number;
  unitPath: string;
  grassrootsUnitId: number;
  provinceId: number | null;
  place: SyntheticPlace;
}

/** What the demo may force on an item it tells a story with; the rest is drawn. */
export interface SyntheticOverrides {
  kind?: VoiceKind;
  /** The category the text is about (and the member chose). */
  category?: VoiceCategory;
  anonymous?: boolean;
  scope?: 'unit' | 'province';
  /** A labelled text to use instead of a drawn one. */
  text?: string;
  title?: string;
  /**
   * `open`: still at its first handling unit, whatever its deadline; `answered`: answered there, not
   * rated yet; `closed`: answered and rated.
   */
  outcome?: 'open' | 'answered' | 'closed';
  supportCount?: number;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * MS_PER_HOUR;
const SEARCH_TEXT_MAX = 4000;
/** `formatDue`'s wording (dd/mm/yyyy in Hà Nội), with one formatter for the whole history. */
const DUE_FORMAT = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' });
/** Wordings of one labelled text per kind: greeting, closing and title vary between them. */
const WORDINGS_PER_TEXT = 6;
const VOICE_KIND_LIST: readonly VoiceKind[] = ['concern', 'proposal', 'complaint'];

/** The platform's starting deadline rules (migration 0012), in working days by level and category. */
const WORKING_DAYS: Record<HandlingLevel, Partial<Record<VoiceCategory, number>> & { default: number }> = {
  grassroots: { default: 10, wages: 5, safety: 3, social_insurance: 7 },
  upper: { default: 10, safety: 5 },
  federation: { default: 15 },
  confederation: { default: 20 },
};
/** The starting support thresholds (migration 0012). */
const SUPPORT_THRESHOLD = { unit: 20, province: 200 } as const;

/** What members raise most: pay and hours, then insurance; shares of all items in an ordinary month. */
const CATEGORY_WEIGHTS: Record<VoiceCategory, number> = {
  wages: 0.24,
  working_hours: 0.17,
  social_insurance: 0.12,
  safety: 0.09,
  contracts: 0.09,
  welfare: 0.09,
  union_activity: 0.07,
  housing: 0.05,
  other: 0.08,
};
/**
 * Seasons, by month of the year (0 = January): Tết bonuses and arrears before the new year, overtime
 * for the year-end orders, heat in the summer, insurance questions when the year's contributions close.
 */
const SEASONS: Partial<Record<VoiceCategory, readonly number[]>> = {
  wages: [1.45, 1.1, 0.9, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 1.0, 1.1, 1.4],
  working_hours: [1.0, 0.8, 0.95, 0.95, 1.0, 1.0, 1.0, 1.0, 1.15, 1.3, 1.35, 1.25],
  safety: [0.85, 0.8, 0.9, 1.0, 1.25, 1.35, 1.35, 1.2, 1.0, 0.95, 0.9, 0.85],
  social_insurance: [1.3, 1.2, 1.0, 0.95, 0.95, 0.95, 1.0, 0.95, 0.95, 0.95, 1.0, 1.1],
};
/** All items by month of the year: Tết (late January or February) empties the factories for a week. */
const MONTH_VOLUME = [1.1, 0.8, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.1];
/** Hours of the day (local) when members write: the lunch break and the evening after the shift. */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.1, 0.1, 0.15, 0.4, 0.9, 1.2, 1.0, 1.0, 1.2, 1.8, 2.0, 1.3, 1.0, 1.0, 1.1, 1.5, 2.0, 2.4, 2.6,
  2.2, 1.4, 0.7,
];

/** Chance that a level answers within its deadline; otherwise the sweep moves the item up. */
const ANSWERS_IN_TIME: Record<HandlingLevel, number> = {
  grassroots: 0.8,
  upper: 0.72,
  federation: 0.85,
  confederation: 1,
};

const OPENERS = [
  '',
  '',
  '',
  'Kính gửi Ban chấp hành Công đoàn, ',
  'Chào anh chị công đoàn, ',
  'Em xin phản ánh: ',
  'Cho em hỏi: ',
  'Kinh gui cong doan, ',
];
const CLOSERS = [
  '',
  '',
  '',
  ' Mong công đoàn xem xét giúp.',
  ' Em xin cảm ơn.',
  ' Rất mong được phản hồi sớm.',
  ' Mong Ban chấp hành can thiệp.',
  ' mong cong doan giup do',
];

const TITLE_OPENERS: Record<VoiceKind, readonly string[]> = {
  concern: ['Phản ánh về', 'Hỏi về', 'Ý kiến về', 'Thắc mắc về'],
  proposal: ['Kiến nghị về', 'Đề xuất về', 'Kiến nghị sửa đổi'],
  complaint: ['Khiếu nại về', 'Khiếu nại việc', 'Đơn khiếu nại về'],
};
const TITLE_TOPICS: Record<VoiceCategory, readonly string[]> = {
  wages: ['tiền lương và thu nhập', 'cách tính lương', 'tiền lương, tiền thưởng'],
  working_hours: ['thời giờ làm việc', 'làm thêm giờ, tăng ca', 'ngày nghỉ, giờ nghỉ'],
  social_insurance: ['bảo hiểm xã hội', 'chế độ BHXH, BHYT', 'việc đóng bảo hiểm'],
  safety: ['an toàn lao động', 'điều kiện làm việc', 'an toàn, vệ sinh lao động'],
  contracts: ['hợp đồng lao động', 'việc ký hợp đồng', 'chấm dứt hợp đồng'],
  housing: ['nhà ở, phòng trọ', 'chỗ ở cho công nhân', 'nhà ở công nhân'],
  welfare: ['phúc lợi', 'bữa ăn ca và phúc lợi', 'đời sống công nhân'],
  union_activity: ['hoạt động công đoàn', 'đoàn phí', 'sinh hoạt công đoàn'],
  other: ['một số vấn đề tại nơi làm việc', 'việc chung của đơn vị', 'vấn đề khác'],
};

const ANSWERS: Record<VoiceCategory, readonly string[]> = {
  wages: [
    'Ban chấp hành Công đoàn đã làm việc với Ban Giám đốc. Công ty cam kết trả đủ tiền lương còn nợ trước ngày 15 tháng này; Công đoàn sẽ tiếp tục giám sát và thông báo kết quả.',
    'Công đoàn đã đối chiếu bảng lương với quy chế trả lương. Phần chênh lệch tiền làm thêm giờ sẽ được truy lĩnh trong kỳ lương tới.',
  ],
  working_hours: [
    'Theo Bộ luật Lao động 2019, giờ làm thêm không quá 40 giờ một tháng và phải có sự đồng ý của người lao động. Công đoàn đã đề nghị Công ty điều chỉnh lịch tăng ca.',
    'Công đoàn đã thống nhất với Công ty: lịch làm việc và ngày nghỉ bù được thông báo trước ít nhất 3 ngày.',
  ],
  social_insurance: [
    'Công đoàn đã đề nghị Công ty đóng đủ BHXH còn nợ và chốt sổ cho người lao động; đã báo cáo cơ quan BHXH để đôn đốc.',
    'Hồ sơ hưởng chế độ gồm giấy ra viện hoặc giấy chứng nhận nghỉ việc hưởng BHXH; Công đoàn sẽ hỗ trợ nộp hồ sơ.',
  ],
  safety: [
    'Công đoàn đã kiểm tra hiện trường cùng bộ phận an toàn; Công ty đã bổ sung bảo hộ lao động và lắp thêm quạt thông gió.',
    'Công đoàn đã kiến nghị Công ty tổ chức huấn luyện an toàn và quan trắc môi trường lao động trong quý này.',
  ],
  contracts: [
    'Theo quy định, hợp đồng xác định thời hạn chỉ được ký tối đa 2 lần; Công đoàn đã đề nghị Công ty ký hợp đồng không xác định thời hạn.',
    'Công đoàn đã làm việc với phòng nhân sự: người lao động được nhận bản hợp đồng và phụ lục đã ký.',
  ],
  housing: [
    'Công đoàn đã đề nghị chủ nhà trọ niêm yết giá điện, nước theo giá nhà nước và giới thiệu các thiết chế công đoàn có phòng cho thuê.',
    'Hồ sơ đăng ký nhà ở xã hội đã được Công đoàn tổng hợp và gửi Liên đoàn Lao động.',
  ],
  welfare: [
    'Công đoàn đã thống nhất với Công ty nâng giá trị bữa ăn ca từ tháng sau và sẽ tổ chức khảo sát ý kiến về chất lượng bữa ăn.',
    'Quỹ phúc lợi sẽ hỗ trợ các gia đình có hoàn cảnh khó khăn; danh sách được công khai tại bảng tin.',
  ],
  union_activity: [
    'Mức đoàn phí là 1% tiền lương làm căn cứ đóng BHXH, tối đa 10% mức lương cơ sở. Báo cáo thu chi được công khai tại hội nghị công đoàn.',
    'Ban chấp hành sẽ đưa ý kiến vào chương trình sinh hoạt công đoàn quý tới.',
  ],
  other: [
    'Công đoàn đã tiếp nhận và chuyển ý kiến tới người sử dụng lao động; kết quả sẽ được thông báo tại hội nghị người lao động.',
    'Cảm ơn đồng chí đã phản ánh. Công đoàn đã trao đổi với bộ phận liên quan để giải quyết.',
  ],
};
const RATING_COMMENTS = ['Cảm ơn công đoàn.', 'Đã được giải quyết.', 'Chưa thỏa đáng.', 'Trả lời chậm.'];

/** mulberry32: the same seed draws the same history on every machine. */
class Draws {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  logNormal(mu: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  weighted(cumulative: readonly number[]): number {
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

const cumulate = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

interface LabelledText {
  text: string;
  category: VoiceCategory;
}

/** The classifier's labelled set: realistic member texts, each about a known category. */
function labelledTexts(): LabelledText[] {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('./classifier/labelled-concerns.json', import.meta.url), 'utf8'),
  );
  if (!Array.isArray(raw)) throw new Error('labelled-concerns.json: expected an array');
  return raw.filter(
    (entry): entry is LabelledText =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as LabelledText).text === 'string' &&
      (entry as LabelledText).category in CATEGORY_WEIGHTS,
  );
}

/** The first clause or two of a member's text, as members title what they write. */
function titleFromText(text: string): string {
  const clauses = text.split(/(?<=[.,;!?])\s+/u);
  let title = clauses[0]!.replace(/[.,;!?]+$/u, '');
  if (title.length < 18 && clauses[1]) title = `${title}, ${clauses[1].replace(/[.,;!?]+$/u, '')}`;
  if (title.length > 90) {
    const cut = title.slice(0, 88);
    title = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
  }
  return title.charAt(0).toLocaleUpperCase('vi') + title.slice(1);
}

/** The units of a member's place that `submitItem` reads: zone and sector above, and where items go. */
export function placeOf(
  unitPath: string,
  grassrootsUnitId: number,
  units: ReadonlyMap<number, RoutingUnit>,
): SyntheticPlace {
  const pathUnits = idsOnPath(unitPath)
    .map((id) => units.get(id))
    .filter((unit) => unit !== undefined);
  const chain: SyntheticHandlingUnit[] = [];
  for (let unit = units.get(grassrootsUnitId); unit;) {
    const level = handlingLevelOf(unit.type);
    if (level)
      chain.push({ id: unit.id, name: unit.name, path: unit.path, provinceId: unit.provinceId, level });
    const next = escalationTargetId(unit);
    unit = next === null ? undefined : units.get(next);
  }
  return {
    zoneUnitId: pathUnits.find((unit) => unit.type === 'industrial_zone_union')?.id ?? null,
    sectorUnitId: pathUnits.find((unit) => unit.type === 'sector_union')?.id ?? null,
    chain,
  };
}

interface Wording {
  title: string;
  body: string;
  searchText: string;
  terms: string[];
  suggested: VoiceCategory;
  confidence: number;
}

export interface SyntheticVoiceOptions {
  seed: number;
  /** The end of the history: nothing is created after it, and open items are open now. */
  now: Date;
  /** How far back the history goes. */
  months: number;
  /** Also build each item's history steps (the demo writes them; the benchmark does not). */
  events: boolean;
  /** Who answers at a unit: an officer's account, or null when the unit has none on the platform. */
  answererAt?: (unitId: number) => number | null;
}

/**
 * Items as the platform would hold them after `months` of use. Draw the instants first
 * (`drawInstants`, sorted, as items arrive), then one item per instant (`item`).
 */
export class SyntheticVoice {
  private readonly draws: Draws;
  private readonly texts: LabelledText[];
  private readonly byCategory = new Map<VoiceCategory, LabelledText[]>();
  /** By (text, kind, variant); filled as items need them. */
  private readonly wordings: (Wording | undefined)[] = [];
  private wordingCount = 0;
  private readonly textIndex = new Map<string, number>();
  private readonly deadlines = new Map<number, number>();
  private readonly start: number;
  private readonly monthStarts: number[] = [];
  private readonly monthCumulative: number[];
  private readonly hourCumulative = cumulate(HOUR_WEIGHTS);
  private readonly categories = Object.keys(CATEGORY_WEIGHTS) as VoiceCategory[];
  private readonly seasonCumulative = Array.from({ length: 12 }, (_, monthOfYear) =>
    cumulate(
      this.categories.map((category) => CATEGORY_WEIGHTS[category] * (SEASONS[category]?.[monthOfYear] ?? 1)),
    ),
  );

  constructor(private readonly options: SyntheticVoiceOptions) {
    this.draws = new Draws(options.seed);
    this.texts = labelledTexts();
    this.texts.forEach((text, i) => this.textIndex.set(text.text, i));
    for (const text of this.texts) {
      const list = this.byCategory.get(text.category) ?? [];
      list.push(text);
      this.byCategory.set(text.category, list);
    }
    const end = options.now.getTime();
    // Months in Vietnam's calendar, the oldest first; the current one is cut at `now`.
    const local = new Date(end + VIETNAM_OFFSET_MS);
    const weights: number[] = [];
    for (let m = options.months - 1; m >= 0; m--) {
      const first = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - m, 1) - VIETNAM_OFFSET_MS;
      const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - m + 1, 1) - VIETNAM_OFFSET_MS;
      this.monthStarts.push(first);
      const monthOfYear = new Date(first + VIETNAM_OFFSET_MS).getUTCMonth();
      // Adoption grows: the last month sees nearly four times the first.
      const growth = 0.45 + (1.25 * (options.months - 1 - m)) / Math.max(1, options.months - 1);
      const covered = Math.min(next, end) - first;
      weights.push(growth * MONTH_VOLUME[monthOfYear]! * (covered / (next - first)));
    }
    this.monthStarts.push(end);
    this.start = this.monthStarts[0]!;
    this.monthCumulative = cumulate(weights);
  }

  /** `count` arrival instants over the history, oldest first: more recent months, the evening, weekdays. */
  drawInstants(count: number): Float64Array {
    const instants = new Float64Array(count);
    for (let i = 0; i < count; i++) instants[i] = this.drawInstant();
    return instants.sort();
  }

  private drawInstant(): number {
    for (;;) {
      const m = this.draws.weighted(this.monthCumulative);
      const from = this.monthStarts[m]!;
      const to = m + 1 < this.monthStarts.length - 1 ? this.monthStarts[m + 1]! : this.options.now.getTime();
      const days = Math.max(1, Math.ceil((to - from) / MS_PER_DAY));
      const dayStart = from + this.draws.int(0, days - 1) * MS_PER_DAY;
      const weekday = new Date(dayStart + VIETNAM_OFFSET_MS).getUTCDay();
      if ((weekday === 0 || weekday === 6) && this.draws.chance(0.45)) continue;
      const at =
        dayStart +
        this.draws.weighted(this.hourCumulative) * MS_PER_HOUR +
        Math.floor(this.draws.next() * MS_PER_HOUR);
      if (at < this.options.now.getTime() && at >= this.start) return at;
    }
  }

  /** The category a member writes about in a month: ordinary shares, shifted by the season. */
  private drawCategory(at: number): VoiceCategory {
    const monthOfYear = new Date(at + VIETNAM_OFFSET_MS).getUTCMonth();
    return this.categories[this.draws.weighted(this.seasonCumulative[monthOfYear]!)]!;
  }

  /**
   * Title, body and what `submitItem` derives from them (classification, topic terms, folded text).
   * Each labelled text comes in a few wordings per kind (greeting, closing, title), each classified
   * once: a million items need a few thousand classifications, not a million.
   */
  private wording(kind: VoiceKind, category: VoiceCategory, text: string, title?: string): Wording {
    const variant = this.draws.int(0, WORDINGS_PER_TEXT - 1);
    const textIndex = this.textIndex.get(text);
    const key =
      textIndex === undefined || title !== undefined
        ? -1
        : (textIndex * VOICE_KIND_LIST.length + VOICE_KIND_LIST.indexOf(kind)) * WORDINGS_PER_TEXT + variant;
    let wording = key < 0 ? undefined : this.wordings[key];
    if (!wording) {
      const opener = this.draws.pick(OPENERS);
      const closer = this.draws.pick(CLOSERS);
      const chosenTitle =
        title ??
        (variant % 2 === 0
          ? titleFromText(text)
          : `${this.draws.pick(TITLE_OPENERS[kind])} ${this.draws.pick(TITLE_TOPICS[category])}`);
      const body = `${opener}${text}${closer}`;
      const submitted = `${chosenTitle}\n${body}`;
      const suggestion = defaultCategoryClassifier().classify(submitted);
      wording = {
        title: chosenTitle,
        body,
        searchText: foldVietnamese(submitted).slice(0, SEARCH_TEXT_MAX),
        terms: topicTermsOf(submitted),
        suggested: suggestion.category,
        confidence: suggestion.confidence,
      };
      if (key >= 0) {
        this.wordings[key] = wording;
        this.wordingCount += 1;
      }
    }
    return wording;
  }

  /** The end of the last working day `n` working days after `at`'s day, as the deadline rules count. */
  private deadline(at: number, level: HandlingLevel, category: VoiceCategory): number {
    const days = WORKING_DAYS[level][category] ?? WORKING_DAYS[level].default;
    const localDay = Math.floor((at + VIETNAM_OFFSET_MS) / MS_PER_DAY);
    const key = localDay * 100 + days;
    let due = this.deadlines.get(key);
    if (due === undefined) {
      due = vietnamCalendar.addWorkingDays(new Date(at), days).getTime();
      this.deadlines.set(key, due);
    }
    return due;
  }

  /** One item arriving at `at` from `author`, with its whole life up to `now`. */
  item(
    author: SyntheticAuthor,
    at: number,
    overrides: SyntheticOverrides = {},
  ): { item: SyntheticVoiceItem; events: SyntheticVoiceEvent[] } {
    const draws = this.draws;
    const now = this.options.now.getTime();
    const kind: VoiceKind =
      overrides.kind ?? (draws.chance(0.75) ? 'concern' : draws.chance(0.6) ? 'proposal' : 'complaint');
    const category = overrides.category ?? this.drawCategory(at);
    const text = overrides.text ?? draws.pick(this.byCategory.get(category)!).text;
    const wording = this.wording(kind, category, text, overrides.title);
    const scope =
      kind === 'proposal' ? (overrides.scope ?? (draws.chance(0.82) ? 'unit' : 'province')) : null;
    const anonymous = kind !== 'proposal' && (overrides.anonymous ?? draws.chance(0.12));
    // Most members leave the category to the classifier's suggestion; some choose it themselves.
    const stored: VoiceCategory = overrides.category || draws.chance(0.4) ? category : wording.suggested;

    const { chain } = author.place;
    let level = scope === 'province' ? chain.findIndex((unit) => unit.id === author.provinceId) : 0;
    if (level < 0) level = 0;
    const events: SyntheticVoiceEvent[] = [];
    const submitter = author.enteredByAccountId ?? author.accountId;
    const event = (e: SyntheticVoiceEvent) => {
      if (this.options.events) events.push(e);
    };
    event({
      kind: 'submitted',
      actorAccountId: author.enteredByAccountId ?? (anonymous ? null : submitter),
      fromUnitId: null,
      toUnitId: chain[level]!.id,
      text: null,
      at: new Date(at),
    });

    // The handling replayed: each level answers in time or the sweep moves the item up at its deadline.
    let since = at;
    let answeredAt: number | null = null;
    let due = this.deadline(since, chain[level]!.level, stored);
    let escalations = 0;
    for (;;) {
      const unit = chain[level]!;
      due = this.deadline(since, unit.level, stored);
      if (overrides.outcome === 'open') break;
      const last = level === chain.length - 1;
      if (overrides.outcome || draws.chance(ANSWERS_IN_TIME[unit.level]) || last) {
        // Answers come late in the window more often than early: officers gather facts first.
        const share = last && !overrides.outcome ? 0.5 + draws.logNormal(0, 0.8) : draws.next() ** 0.15;
        answeredAt = since + Math.max(0.02, share) * (due - since);
        // A story the demo tells is answered by now, whenever it arrived.
        if (overrides.outcome)
          answeredAt = Math.max(since + MS_PER_HOUR, Math.min(answeredAt, now - 2 * MS_PER_HOUR));
        break;
      }
      if (due >= now) break;
      const target = chain[level + 1]!;
      // The sweep runs every five minutes.
      since = due + draws.int(1, 299_000);
      if (this.options.events)
        event({
          kind: 'auto_escalated',
          actorAccountId: null,
          fromUnitId: unit.id,
          toUnitId: target.id,
          text: `Quá hạn xử lý tại ${unit.name} (hạn ${DUE_FORMAT.format(new Date(due))})`,
          at: new Date(since),
        });
      level += 1;
      escalations += 1;
    }
    const handler = chain[level]!;
    const answerer = this.options.answererAt?.(handler.id) ?? null;
    const open = answeredAt === null || answeredAt > now;
    let status: VoiceStatus = 'received';
    let closedAt: number | null = null;
    let rating: number | null = null;
    let ratingComment: string | null = null;
    let answerBody: string | null = null;
    let updatedAt = since;
    if (open) {
      answeredAt = null;
      // An officer takes most items in hand within a day or two.
      const takenAt = since + draws.logNormal(Math.log(0.8 * MS_PER_DAY), 0.8);
      if (takenAt < now && draws.chance(0.65)) {
        status = 'in_progress';
        updatedAt = takenAt;
        event({
          kind: 'status_changed',
          actorAccountId: answerer,
          fromUnitId: null,
          toUnitId: null,
          text: 'Đang xử lý',
          at: new Date(takenAt),
        });
      }
    } else {
      status = 'answered';
      answerBody = draws.pick(ANSWERS[stored]);
      updatedAt = answeredAt!;
      event({
        kind: 'answered',
        actorAccountId: answerer,
        fromUnitId: handler.id,
        toUnitId: null,
        text: answerBody,
        at: new Date(answeredAt!),
      });
      const roll = draws.next();
      const ratedAt = answeredAt! + draws.logNormal(Math.log(1.5 * MS_PER_DAY), 1);
      const closes = overrides.outcome === 'closed' || (overrides.outcome === undefined && roll < 0.85);
      if (closes && (ratedAt < now || overrides.outcome === 'closed')) {
        const at2 = Math.max(answeredAt! + 60_000, Math.min(ratedAt, now - MS_PER_HOUR));
        status = 'closed';
        closedAt = at2;
        updatedAt = at2;
        const closer = anonymous ? null : author.accountId;
        if (overrides.outcome === 'closed' || roll < 0.62) {
          const r = draws.next();
          rating = r < 0.36 ? 5 : r < 0.71 ? 4 : r < 0.85 ? 3 : r < 0.93 ? 2 : 1;
          ratingComment = draws.chance(0.2) ? draws.pick(RATING_COMMENTS) : null;
          event({
            kind: 'rated',
            actorAccountId: closer,
            fromUnitId: null,
            toUnitId: null,
            text: ratingComment ? `${rating}/5 — ${ratingComment}` : `${rating}/5`,
            at: new Date(at2),
          });
        } else {
          event({
            kind: 'closed',
            actorAccountId: closer,
            fromUnitId: null,
            toUnitId: null,
            text: null,
            at: new Date(at2),
          });
        }
      }
    }

    let supportCount = 0;
    let answerRequiredAt: number | null = null;
    if (kind === 'proposal') {
      supportCount =
        overrides.supportCount ??
        Math.floor(scope === 'province' ? draws.logNormal(2.7, 1.2) : draws.logNormal(1.1, 1.0));
      const threshold = SUPPORT_THRESHOLD[scope ?? 'unit'];
      if (supportCount >= threshold) {
        answerRequiredAt = Math.min(at + draws.int(1, 10) * MS_PER_DAY, answeredAt ?? now, now);
      }
    }

    const item: SyntheticVoiceItem = {
      kind,
      title: wording.title,
      body: wording.body,
      searchText: wording.searchText,
      terms: wording.terms,
      category: stored,
      categorySuggested: wording.suggested,
      categoryConfidence: wording.confidence,
      status,
      anonymous,
      scope,
      authorMemberId: author.memberId,
      authorAccountId: author.accountId,
      enteredByAccountId: author.enteredByAccountId,
      originUnitId: author.unitId,
      originUnitPath: author.unitPath,
      grassrootsUnitId: author.grassrootsUnitId,
      provinceId: author.provinceId,
      zoneUnitId: author.place.zoneUnitId,
      sectorUnitId: author.place.sectorUnitId,
      handlingUnitId: handler.id,
      handlingUnitPath: handler.path,
      handlingProvinceId: handler.provinceId,
      handlingSince: new Date(since),
      dueAt: new Date(due),
      escalations,
      supportCount,
      answerRequiredAt: answerRequiredAt === null ? null : new Date(answerRequiredAt),
      answerBody,
      answeredAt: answeredAt === null ? null : new Date(answeredAt),
      answeredByAccountId: answeredAt === null ? null : answerer,
      answeredByUnitId: answeredAt === null ? null : handler.id,
      answeredOnTime: answeredAt === null ? null : answeredAt <= due,
      rating,
      ratingComment,
      reopenedAt: null,
      closedAt: closedAt === null ? null : new Date(closedAt),
      createdAt: new Date(at),
      updatedAt: new Date(updatedAt),
    };
    return { item, events };
  }

  /** The labelled texts of a category, for items that tell a particular story. */
  textsOf(category: VoiceCategory): readonly string[] {
    return (this.byCategory.get(category) ?? []).map((entry) => entry.text);
  }

  /** Distinct wordings classified so far: the classifier ran once for each. */
  get distinctWordings(): number {
    return this.wordingCount;
  }
}

export const SYNTHETIC_MS_PER_DAY = MS_PER_DAY;
