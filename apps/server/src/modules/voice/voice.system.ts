import { eq, sql } from 'drizzle-orm';
import { ageBandOf } from '@union/contracts/statistics';
import type { SurveyQuestion, VoiceCategory } from '@union/contracts/voice';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { todayInVietnam } from '../../kernel/time.js';
import {
  hashPassword,
  unsafeAccountIdByPhone,
  unsafeAccountsHoldingAt,
  unsafeCreateAccount,
} from '../accounts/index.js';
import { unsafeRoutingUnits, type RoutingUnit } from '../units/index.js';
import { checkEarlyWarnings } from './early-warning.js';
import { idsOnPath } from './handling-levels.js';
import { groupUnitOf } from './surveys.service.js';
import {
  placeOf,
  SyntheticVoice,
  SYNTHETIC_MS_PER_DAY,
  type SyntheticAuthor,
  type SyntheticOverrides,
  type SyntheticPlace,
  type SyntheticVoiceEvent,
  type SyntheticVoiceItem,
} from './voice-synthetic.js';
import { surveyResponses, surveys, voiceItems, voiceSupports } from './voice.schema.js';

export interface VoiceDemoOptions {
  /** The demo's grassroots unions: what their members raised over two years. */
  grassrootsUnitIds: readonly number[];
  /** CĐCS Công ty TNHH Dệt may Thăng Long, where the `chutich` and `canbo` logins hold office. */
  textileUnitId: number;
  /** The demo member's login (Đặng Văn Hùng), a member of the textile union. */
  memberPhone: string;
  /** The federation whose subtree the open survey is for (Hà Nội). */
  surveyUnitId: number;
  /** About this many items in all (the stories below included). */
  items?: number;
  seed?: number;
}

interface DemoMember {
  id: number;
  fullName: string;
  unitId: number;
  unitPath: string;
  grassrootsUnitId: number;
  provinceId: number | null;
  phone: string | null;
  sex: 'male' | 'female';
  birthDate: string;
}

interface Planned {
  item: SyntheticVoiceItem;
  events: SyntheticVoiceEvent[];
  /** Members who support a proposal. */
  supporters?: DemoMember[];
  /** One of the wage-arrears spike's items. */
  spike?: boolean;
}

const HOUR = 3_600_000;
const DAY = SYNTHETIC_MS_PER_DAY;
const INSERT_CHUNK = 400;

/** mulberry32, for the demo's own draws (who answers the survey, who supports what). */
function draws(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = (weights: readonly number[]) => {
    let roll = next() * weights.reduce((a, b) => a + b, 0);
    for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return i;
    return weights.length - 1;
  };
  return { next, pick, weighted };
}

const SURVEY_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'thu_nhap',
    kind: 'single',
    text: 'Thu nhập hiện nay có đủ trang trải cuộc sống của anh/chị và gia đình không?',
    required: true,
    options: ['Đủ và có tích lũy', 'Vừa đủ', 'Không đủ', 'Rất thiếu'],
  },
  {
    id: 'uu_tien',
    kind: 'multiple',
    text: 'Anh/chị mong công đoàn ưu tiên những việc nào trong năm tới? (chọn một hoặc nhiều)',
    required: true,
    options: [
      'Thương lượng tăng lương',
      'Giảm làm thêm giờ',
      'Nhà ở cho công nhân',
      'Nhà trẻ cho con công nhân',
      'Nâng chất lượng bữa ăn ca',
      'Hoạt động văn hóa, thể thao',
    ],
  },
  {
    id: 'hai_long',
    kind: 'scale',
    text: 'Mức độ hài lòng của anh/chị với hoạt động của công đoàn cơ sở (1: rất không hài lòng, 5: rất hài lòng)',
    required: true,
    scaleMax: 5,
  },
  { id: 'y_kien', kind: 'text', text: 'Ý kiến khác của anh/chị gửi công đoàn', required: false },
];

const SURVEY_COMMENTS = [
  'Mong công đoàn đề xuất tăng phụ cấp đi lại cho công nhân ở xa.',
  'Bữa ăn ca cần thêm rau xanh.',
  'Đề nghị tổ chức khám sức khỏe định kỳ cho lao động nữ.',
  'Cần thêm nhà trẻ gần khu công nghiệp.',
  'Công đoàn nên công khai thu chi đoàn phí hằng quý.',
  'Mong có thêm lớp học tiếng Anh buổi tối.',
  'Giờ tăng ca cuối năm quá nhiều, mong được giảm.',
  'Cảm ơn công đoàn đã hỗ trợ gia đình tôi lúc khó khăn.',
];

/** Arrears of pay, in the members' words: the spike that raises the early warning. */
const ARREARS = /nợ lương|no luong|chậm trả|cham tra|chưa trả|chua tra|trả chậm|tra cham|chưa được trả/iu;

/**
 * The voice module as the demo shows it, alive: about `items` concerns, proposals and complaints raised
 * by the demo unions' members over the last 24 months (the benchmark's generator: labelled texts,
 * classified, routed, answered or escalated by the rules), each with its history, counted by the same
 * triggers as the app's own writes; and a few stories the demo logins meet:
 * - CĐCS Công ty TNHH Dệt may Thăng Long (`chutich`, `canbo`) has open items, one past its deadline (the
 *   sweep moves it up to the commune union at the first start, with its notices);
 * - the demo member `0912345678` has an answer awaiting his rating, an anonymous concern and a proposal
 *   others support, and sees his union's public proposals, one of them past its support threshold;
 * - a wage-arrears spike at one employer of an industrial zone over the last week, which raises an
 *   early-warning alert through the module's own check;
 * - an open survey for the Hà Nội federation's subtree, four questions of the four kinds, a few hundred
 *   responses.
 * Writes ignore scope: demo data only, in the caller's transaction.
 */
export async function unsafeSeedVoiceDemo(db: Db, now: Date, options: VoiceDemoOptions): Promise<void> {
  const seed = options.seed ?? 2026;
  const random = draws(seed);
  const today = todayInVietnam(now);

  // The demo's members. The members module has no bulk read of sex and birth date for another module:
  // the demo reads the register directly, read-only.
  const members = (
    await queryRows<DemoMember>(
      db,
      sql`select id, full_name as "fullName", unit_id as "unitId", unit_path as "unitPath",
                 grassroots_unit_id as "grassrootsUnitId", province_id as "provinceId", phone, sex,
                 to_char(birth_date, 'YYYY-MM-DD') as "birthDate"
          from members
          where status = 'active'
            and grassroots_unit_id in (${sql.join(
              options.grassrootsUnitIds.map((id) => sql`${id}`),
              sql`, `,
            )})
          order by id`,
    )
  ).map((m) => ({
    ...m,
    id: Number(m.id),
    unitId: Number(m.unitId),
    grassrootsUnitId: Number(m.grassrootsUnitId),
  }));
  if (members.length === 0) return;

  const pathIds = new Set<number>();
  for (const member of members) for (const id of idsOnPath(member.unitPath)) pathIds.add(id);
  const units = await unsafeRoutingUnits(db, [...pathIds]);
  const handlers = await unsafeAccountsHoldingAt(db, [...pathIds], 'voice.handle');
  const answerers = new Map<number, number>();
  for (const holder of handlers)
    if (!answerers.has(holder.unitId)) answerers.set(holder.unitId, holder.accountId);

  // A quarter of the members use the member app (an account that cannot sign in until they are invited);
  // the others' items were entered by their union's officers.
  const noLogin = await hashPassword(`${seed}-${now.getTime()}-not-a-password`);
  const accounts = new Map<number, number | null>();
  const demoAccountId = (await unsafeAccountIdByPhone(db, options.memberPhone)) ?? null;
  const hung = members.find((m) => m.phone === options.memberPhone);
  if (hung) accounts.set(hung.id, demoAccountId);
  const accountOf = async (member: DemoMember, usesApp: boolean): Promise<number | null> => {
    if (accounts.has(member.id)) return accounts.get(member.id)!;
    let accountId: number | null = null;
    // Demo members' numbers are their own and none has an account yet but the demo login's.
    if (usesApp && member.phone) {
      accountId = await unsafeCreateAccount(db, {
        phone: member.phone,
        fullName: member.fullName,
        password: '',
        passwordHash: noLogin,
      });
    }
    accounts.set(member.id, accountId);
    return accountId;
  };
  const appUserList = members.filter(() => random.next() < 0.25);
  const appUsers = new Set(appUserList.map((m) => m.id));
  const places = new Map<number, SyntheticPlace>();
  const authorOf = async (member: DemoMember): Promise<SyntheticAuthor> => {
    let place = places.get(member.grassrootsUnitId);
    if (!place) {
      place = placeOf(member.unitPath, member.grassrootsUnitId, units);
      places.set(member.grassrootsUnitId, place);
    }
    const officer = answerers.get(member.grassrootsUnitId) ?? null;
    // A union with no officer on the platform has only its app users' items.
    const accountId = await accountOf(member, appUsers.has(member.id) || officer === null);
    return {
      memberId: member.id,
      accountId,
      enteredByAccountId: accountId === null ? officer : null,
      unitId: member.unitId,
      unitPath: member.unitPath,
      grassrootsUnitId: member.grassrootsUnitId,
      provinceId: member.provinceId,
      place,
    };
  };

  const generator = new SyntheticVoice({
    seed,
    now,
    months: 24,
    events: true,
    answererAt: (unitId) => answerers.get(unitId) ?? null,
  });
  const planned: Planned[] = [];
  const story = async (member: DemoMember, daysAgo: number, overrides: SyntheticOverrides) => {
    const entry: Planned = generator.item(await authorOf(member), now.getTime() - daysAgo * DAY, overrides);
    planned.push(entry);
    return entry;
  };
  const textOf = (category: VoiceCategory, pattern?: RegExp) => {
    const texts = generator.textsOf(category).filter((text) => !pattern || pattern.test(text));
    return random.pick(texts);
  };

  // ——— The textile union: open items for chutich and canbo, one of them overdue ———
  const textile = members.filter((m) => m.grassrootsUnitId === options.textileUnitId && m.id !== hung?.id);
  if (textile.length > 0) {
    await story(random.pick(textile), 2.3, { kind: 'concern', category: 'wages', outcome: 'open' });
    await story(random.pick(textile), 0.6, { kind: 'complaint', category: 'safety', outcome: 'open' });
    await story(random.pick(textile), 1.4, {
      kind: 'concern',
      category: 'working_hours',
      outcome: 'open',
      anonymous: false,
    });
    await story(random.pick(textile), 4.2, {
      kind: 'concern',
      category: 'housing',
      outcome: 'open',
      anonymous: true,
    });
    // Seven working days for insurance: twelve days ago is past the deadline.
    await story(random.pick(textile), 12.5, {
      kind: 'concern',
      category: 'social_insurance',
      outcome: 'open',
    });
  }

  // ——— The demo member: an answer to rate, an anonymous concern, a proposal others support ———
  if (hung) {
    await story(hung, 9.5, { kind: 'concern', category: 'welfare', outcome: 'answered', anonymous: false });
    await story(hung, 2.8, { kind: 'concern', category: 'safety', outcome: 'open', anonymous: true });
    const proposal = await story(hung, 3.5, {
      kind: 'proposal',
      category: 'working_hours',
      scope: 'unit',
      outcome: 'open',
      supportCount: 0,
    });
    proposal.supporters = textile.slice(0, 12);
    await story(hung, 140, { kind: 'concern', category: 'contracts', outcome: 'closed', anonymous: false });
  }

  // ——— Public proposals in his union; one past the threshold that obliges an official answer ———
  if (textile.length > 30) {
    const supportersFrom = (n: number) =>
      [...textile]
        .sort(() => random.next() - 0.5)
        .slice(0, n)
        .concat(hung && n > 20 ? [hung] : []);
    const required = await story(textile[3]!, 6, {
      kind: 'proposal',
      category: 'welfare',
      scope: 'unit',
      outcome: 'open',
      supportCount: 0,
    });
    required.supporters = supportersFrom(22);
    const answered = await story(textile[7]!, 25, {
      kind: 'proposal',
      category: 'wages',
      scope: 'unit',
      outcome: 'answered',
      supportCount: 0,
    });
    answered.supporters = supportersFrom(6);
    const closed = await story(textile[11]!, 70, {
      kind: 'proposal',
      category: 'union_activity',
      scope: 'unit',
      outcome: 'closed',
      supportCount: 0,
    });
    closed.supporters = supportersFrom(3);
  }
  const hanoiMembers = members.filter((m) => m.provinceId === options.surveyUnitId && m.id !== hung?.id);
  if (hanoiMembers.length > 60) {
    const provinceWide = await story(random.pick(hanoiMembers), 11, {
      kind: 'proposal',
      category: 'housing',
      scope: 'province',
      outcome: 'open',
      supportCount: 0,
    });
    provinceWide.supporters = [...hanoiMembers].sort(() => random.next() - 0.5).slice(0, 45);
  }

  // ——— A wage-arrears spike at one employer of an industrial zone, this week ———
  const zoneEmployers = [...new Set(members.map((m) => m.grassrootsUnitId))].filter((id) => {
    const unit = units.get(id);
    const parent = unit?.parentId === null || unit === undefined ? undefined : units.get(unit.parentId);
    return parent?.type === 'industrial_zone_union' && parent.provinceId === options.surveyUnitId;
  });
  const spikeEmployer = zoneEmployers.find(
    (id) => members.filter((m) => m.grassrootsUnitId === id).length >= 8,
  );
  if (spikeEmployer !== undefined) {
    const workers = members.filter((m) => m.grassrootsUnitId === spikeEmployer);
    for (const [i, daysAgo] of [6.2, 5.1, 4.4, 3.2, 2.6, 1.9, 1.1, 0.3].entries()) {
      const entry = await story(workers[i % workers.length]!, daysAgo, {
        kind: i === 5 ? 'complaint' : 'concern',
        category: 'wages',
        text: textOf('wages', ARREARS),
        outcome: 'open',
        anonymous: i % 3 === 0,
      });
      entry.spike = true;
    }
  }

  // ——— Two years of everything else ———
  const background = Math.max(0, (options.items ?? 3000) - planned.length);
  for (const at of generator.drawInstants(background)) {
    // Stories above stay the only items of their kind in the last days at the spiking employer.
    // Those who use the app raise more than the others.
    let member = random.pick(random.next() < 0.6 ? appUserList : members);
    while (
      member.id === hung?.id ||
      (member.grassrootsUnitId === spikeEmployer && at > now.getTime() - 60 * DAY)
    )
      member = random.pick(members);
    planned.push(generator.item(await authorOf(member), at));
  }
  planned.sort((a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime());

  // ——— Written through the tables in one statement each: the counting triggers run once, as for an import ———
  for (const entry of planned) {
    const supporters = entry.supporters?.filter((s) => s.id !== entry.item.authorMemberId);
    if (!supporters) continue;
    entry.supporters = supporters;
    entry.item.supportCount = supporters.length;
    if (entry.item.scope === 'unit' && supporters.length >= 20) {
      entry.item.answerRequiredAt = new Date(entry.item.createdAt.getTime() + 2 * DAY);
      entry.events.push({
        kind: 'support_threshold_reached',
        actorAccountId: null,
        fromUnitId: null,
        toUnitId: null,
        text: `${supporters.length} đoàn viên ủng hộ (ngưỡng 20)`,
        at: entry.item.answerRequiredAt,
      });
    }
  }
  const ids = (
    await queryRows<{ id: number }>(
      db,
      sql`select nextval(pg_get_serial_sequence('voice_items', 'id'))::bigint as id
          from generate_series(1, ${planned.length})`,
    )
  )
    .map((row) => Number(row.id))
    .sort((a, b) => a - b);
  await insertRows(
    db,
    'voice_items',
    planned.map((entry, i) => ({ id: ids[i]!, ...entry.item })),
  );
  await insertRows(
    db,
    'voice_item_events',
    planned.flatMap((entry, i) =>
      entry.events.map((event) => ({ itemId: ids[i]!, internal: false, ...event })),
    ),
  );
  const supports = planned.flatMap((entry, i) =>
    (entry.supporters ?? []).map((member, k) => ({
      itemId: ids[i]!,
      memberId: member.id,
      createdAt: new Date(Math.min(entry.item.createdAt.getTime() + (k + 1) * 3 * HOUR, now.getTime())),
    })),
  );
  if (supports.length > 0) await db.insert(voiceSupports).values(supports);

  // The spike's last item is checked as it would have been on arrival: the rule raises its alert.
  let lastSpike = -1;
  planned.forEach((entry, i) => {
    if (entry.spike) lastSpike = i;
  });
  if (lastSpike >= 0) {
    const [row] = await db.select().from(voiceItems).where(eq(voiceItems.id, ids[lastSpike]!));
    if (row) await checkEarlyWarnings(db, row, row.createdAt);
  }

  await seedSurvey(db, now, today, options.surveyUnitId, units, members, hung?.id, random);
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows into one of the module's tables in a single statement, read by the table's own row type
 * (json_populate_recordset): one parameter, however many rows, and the statement triggers fire once.
 * Keys are the schema's camelCase names; ids, when given, are ones drawn from the table's sequence.
 */
async function insertRows(db: Db, table: 'voice_items' | 'voice_item_events', rows: readonly object[]) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const columns = sql.raw(keys.map(snakeCase).join(', '));
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]))),
  );
  await db.execute(
    sql`insert into ${sql.raw(table)} (${columns}) overriding system value
        select ${columns} from json_populate_recordset(null::${sql.raw(table)}, ${json}::json)`,
  );
}

/** One open survey for a federation's subtree, with a few hundred members' answers. */
async function seedSurvey(
  db: Db,
  now: Date,
  today: string,
  unitId: number,
  units: ReadonlyMap<number, RoutingUnit>,
  members: readonly DemoMember[],
  exceptMemberId: number | undefined,
  random: ReturnType<typeof draws>,
): Promise<void> {
  const unit = units.get(unitId);
  if (!unit) return;
  const [creator] = await unsafeAccountsHoldingAt(db, [unitId], 'voice.surveys');
  if (!creator) return;
  const day = (offset: number) => todayInVietnam(new Date(now.getTime() + offset * DAY));
  const [survey] = await db
    .insert(surveys)
    .values({
      unitId: unit.id,
      unitPath: unit.path,
      provinceId: unit.provinceId,
      title: `Khảo sát đời sống, việc làm của đoàn viên, người lao động năm ${today.slice(0, 4)}`,
      description:
        'Liên đoàn Lao động thành phố lắng nghe đoàn viên để chuẩn bị nội dung thương lượng tập thể và chương trình chăm lo năm tới. Phiếu không ghi tên; kết quả được tổng hợp theo đơn vị, giới tính và độ tuổi.',
      questions: SURVEY_QUESTIONS,
      opensOn: day(-12),
      closesOn: day(18),
      createdBy: creator.accountId,
      createdAt: new Date(now.getTime() - 13 * DAY),
    })
    .returning({ id: surveys.id, unitId: surveys.unitId, unitPath: surveys.unitPath });
  if (!survey) return;
  const year = Number(today.slice(0, 4));
  const respondents = members
    .filter((m) => m.unitPath.startsWith(unit.path) && m.id !== exceptMemberId)
    .filter(() => random.next() < 0.3)
    .slice(0, 400);
  const opened = now.getTime() - 12 * DAY;
  const responses = respondents.map((member) => {
    const priorities = [0, 1, 2, 3, 4, 5].filter(
      (i) => random.next() < [0.62, 0.38, 0.3, 0.22, 0.34, 0.18][i]!,
    );
    const answers: Record<string, number | number[] | string> = {
      thu_nhap: random.weighted([0.12, 0.47, 0.31, 0.1]),
      uu_tien: priorities.length > 0 ? priorities : [0],
      hai_long: 1 + random.weighted([0.05, 0.1, 0.3, 0.38, 0.17]),
    };
    if (random.next() < 0.22) answers.y_kien = random.pick(SURVEY_COMMENTS);
    return {
      surveyId: survey.id,
      memberId: member.id,
      groupUnitId: groupUnitOf(survey, member.unitPath),
      sex: member.sex,
      // By year of birth, as answering does.
      ageBand: ageBandOf(year - Number(member.birthDate.slice(0, 4))),
      answers,
      // More answers in the first days after it opened.
      submittedAt: new Date(opened + (now.getTime() - opened) * random.next() ** 1.8),
    };
  });
  for (let i = 0; i < responses.length; i += INSERT_CHUNK)
    await db.insert(surveyResponses).values(responses.slice(i, i + INSERT_CHUNK));
}
