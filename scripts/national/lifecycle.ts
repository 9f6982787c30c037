import type { MemberEventType, MemberStatus } from '@union/contracts/members';
import type { Random } from './random.js';

/**
 * Membership histories: what happened to a member between joining and the reference day, as the
 * dated events the registry keeps, and the status they leave. Every history is a path through the
 * lifecycle's transition table (apps/server/src/modules/members/member-lifecycle.ts; the test replays
 * a sample through it): admit, then at most a transfer, then one of the outcomes below, each event on
 * its own day, later than the one before.
 */

export interface HistoryEvent {
  type: MemberEventType;
  day: number;
  /** Where the member was when it happened. */
  unitId: number;
  /** For a transfer: the unit the member went to. */
  toUnitId?: number;
}

export interface History {
  status: MemberStatus;
  honorary: boolean;
  duesExempt: boolean;
  events: HistoryEvent[];
}

/** Where a transferred member came from: another grassroots union of the same level-2 unit. */
export interface Origin {
  unitId: number;
  grassrootsId: number;
}

/**
 * What becomes of members, by share: most stay active; about one in ten has left (a job change in a
 * factory ends the membership there); a few are suspended, expelled or have died; some came back.
 * Honorary membership is granted to retirees after they left and, rarely, to active members.
 */
const OUTCOMES: readonly (readonly [number, readonly Exclude<MemberEventType, 'admit' | 'transfer'>[]])[] = [
  [0.095, ['leave']],
  [0.004, ['leave', 'death']],
  [0.003, ['expel']],
  [0.006, ['death']],
  [0.01, ['suspend']],
  [0.006, ['suspend', 'resume']],
  [0.003, ['leave', 'readmit']],
  [0.0005, ['expel', 'reinstate']],
  [0.025, ['exemption_start']],
  [0.003, ['exemption_start', 'exemption_end']],
  [0.003, ['honorary_grant']],
];
/** Of members who left aged 55 or more (retired), this share were made honorary members afterwards. */
const HONORARY_AFTER_RETIREMENT = 0.1;
const RETIREMENT_AGE_DAYS = 55 * 365.2425;
const TRANSFER_SHARE = 0.03;

/** The state after each event type, as the lifecycle table says (only the paths drawn here). */
function apply(history: History, type: MemberEventType): void {
  switch (type) {
    case 'leave':
      history.status = 'left';
      history.duesExempt = false;
      return;
    case 'expel':
      history.status = 'expelled';
      history.duesExempt = false;
      history.honorary = false;
      return;
    case 'death':
      history.status = 'deceased';
      history.duesExempt = false;
      return;
    case 'suspend':
      history.status = 'suspended';
      return;
    case 'resume':
    case 'reinstate':
      history.status = 'active';
      return;
    case 'readmit':
      history.status = 'active';
      history.duesExempt = false;
      return;
    case 'exemption_start':
      history.duesExempt = true;
      return;
    case 'exemption_end':
      history.duesExempt = false;
      return;
    case 'honorary_grant':
      history.status = 'active';
      history.honorary = true;
      return;
    default:
      throw new Error(`no history draws ${type}`);
  }
}

/**
 * `count` days strictly after `after` and strictly increasing, none after `last`; undefined when there
 * is no room. Spread uniformly, sorted.
 */
function laterDays(random: Random, after: number, last: number, count: number): number[] | undefined {
  const room = last - after - count;
  if (room < 1) return undefined;
  const draws = Array.from({ length: count }, () => random.next()).sort((a, b) => a - b);
  return draws.map((u, i) => after + 1 + Math.floor(u * room) + i);
}

/**
 * One member's history. `pickOrigin` proposes where a transferred member came from (a union that
 * existed when they joined), or undefined when there is none.
 */
export function drawHistory(
  random: Random,
  member: { unitId: number; joinedDay: number; birthDay: number },
  referenceDay: number,
  pickOrigin: () => Origin | undefined,
): History & { origin?: Origin } {
  const history: History & { origin?: Origin } = {
    status: 'active',
    honorary: false,
    duesExempt: false,
    events: [],
  };
  const unitId = member.unitId;
  let since = member.joinedDay;
  if (random.chance(TRANSFER_SHARE)) {
    const origin = pickOrigin();
    const [transferDay] = origin ? (laterDays(random, member.joinedDay, referenceDay, 1) ?? []) : [];
    if (origin && transferDay !== undefined) {
      history.origin = origin;
      history.events.push({ type: 'admit', day: member.joinedDay, unitId: origin.unitId });
      history.events.push({ type: 'transfer', day: transferDay, unitId: origin.unitId, toUnitId: unitId });
      since = transferDay;
    }
  }
  if (history.events.length === 0) history.events.push({ type: 'admit', day: member.joinedDay, unitId });

  let roll = random.next();
  let outcome: readonly MemberEventType[] = [];
  for (const [share, types] of OUTCOMES) {
    if (roll < share) {
      outcome = types;
      break;
    }
    roll -= share;
  }
  if (outcome.length === 0) return history;
  const days = laterDays(random, since, referenceDay, outcome.length + 1);
  // Joined too recently for this much to have happened: still simply a member.
  if (!days) return history;
  outcome.forEach((type, i) => {
    history.events.push({ type, day: days[i]!, unitId });
    apply(history, type);
  });
  const leftAt = outcome.length === 1 && outcome[0] === 'leave' ? days[0]! : undefined;
  if (
    leftAt !== undefined &&
    leftAt - member.birthDay >= RETIREMENT_AGE_DAYS &&
    random.chance(HONORARY_AFTER_RETIREMENT)
  ) {
    history.events.push({ type: 'honorary_grant', day: days[1]!, unitId });
    apply(history, 'honorary_grant');
  }
  return history;
}
