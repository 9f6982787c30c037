import { describe, expect, it } from 'vitest';
import { MEMBER_EVENT_TYPES, type MemberEventType, type MemberStatus } from '@union/contracts/members';
import { ADMITTED, nextState, replay, type MembershipState } from './member-lifecycle.js';

/**
 * States as labels: the status, then "+exempt" (dues exemption running) and "+honorary" (đoàn viên danh
 * dự). "✗" is an illegal transition.
 */
type Label = string;
const ILLEGAL = '✗';

const stateOf = (label: Label): MembershipState => {
  const [status, ...flags] = label.split('+');
  return {
    status: status as MemberStatus,
    duesExempt: flags.includes('exempt'),
    honorary: flags.includes('honorary'),
  };
};
const labelOf = (state: MembershipState): Label =>
  [state.status, ...(state.duesExempt ? ['exempt'] : []), ...(state.honorary ? ['honorary'] : [])].join('+');

/**
 * The whole lifecycle (domain.md §2.3), written out by hand: from each state (rows), what each event
 * (columns) leads to. Every cell is a test.
 */
// prettier-ignore
const TABLE: Record<Label, Record<MemberEventType, Label>> = {
  'active': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'active', suspend: 'suspended', resume: ILLEGAL,
    exemption_start: 'active+exempt', exemption_end: ILLEGAL, leave: 'left', expel: 'expelled',
    reinstate: ILLEGAL, honorary_grant: 'active+honorary', honorary_revoke: ILLEGAL, death: 'deceased',
    record_corrected: 'active',
  },
  'active+exempt': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'active+exempt', suspend: 'suspended+exempt',
    resume: ILLEGAL, exemption_start: ILLEGAL, exemption_end: 'active', leave: 'left', expel: 'expelled',
    reinstate: ILLEGAL, honorary_grant: 'active+exempt+honorary', honorary_revoke: ILLEGAL,
    death: 'deceased', record_corrected: 'active+exempt',
  },
  'active+honorary': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'active+honorary', suspend: 'suspended+honorary',
    resume: ILLEGAL, exemption_start: 'active+exempt+honorary', exemption_end: ILLEGAL,
    leave: 'left+honorary', expel: 'expelled', reinstate: ILLEGAL, honorary_grant: ILLEGAL,
    honorary_revoke: 'active', death: 'deceased+honorary', record_corrected: 'active+honorary',
  },
  'suspended': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'suspended', suspend: ILLEGAL, resume: 'active',
    exemption_start: 'suspended+exempt', exemption_end: ILLEGAL, leave: 'left', expel: 'expelled',
    reinstate: ILLEGAL, honorary_grant: ILLEGAL, honorary_revoke: ILLEGAL, death: 'deceased',
    record_corrected: 'suspended',
  },
  'suspended+exempt': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'suspended+exempt', suspend: ILLEGAL,
    resume: 'active+exempt', exemption_start: ILLEGAL, exemption_end: 'suspended', leave: 'left',
    expel: 'expelled', reinstate: ILLEGAL, honorary_grant: ILLEGAL, honorary_revoke: ILLEGAL,
    death: 'deceased', record_corrected: 'suspended+exempt',
  },
  'suspended+honorary': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: 'suspended+honorary', suspend: ILLEGAL,
    resume: 'active+honorary', exemption_start: 'suspended+exempt+honorary', exemption_end: ILLEGAL,
    leave: 'left+honorary', expel: 'expelled', reinstate: ILLEGAL, honorary_grant: ILLEGAL,
    honorary_revoke: 'suspended', death: 'deceased+honorary', record_corrected: 'suspended+honorary',
  },
  'left': {
    admit: ILLEGAL, readmit: 'active', transfer: ILLEGAL, suspend: ILLEGAL, resume: ILLEGAL,
    exemption_start: ILLEGAL, exemption_end: ILLEGAL, leave: ILLEGAL, expel: ILLEGAL, reinstate: 'active',
    honorary_grant: 'active+honorary', honorary_revoke: ILLEGAL, death: 'deceased', record_corrected: 'left',
  },
  'left+honorary': {
    admit: ILLEGAL, readmit: 'active+honorary', transfer: ILLEGAL, suspend: ILLEGAL, resume: ILLEGAL,
    exemption_start: ILLEGAL, exemption_end: ILLEGAL, leave: ILLEGAL, expel: ILLEGAL,
    reinstate: 'active+honorary', honorary_grant: ILLEGAL, honorary_revoke: ILLEGAL,
    death: 'deceased+honorary', record_corrected: 'left+honorary',
  },
  'expelled': {
    admit: ILLEGAL, readmit: 'active', transfer: ILLEGAL, suspend: ILLEGAL, resume: ILLEGAL,
    exemption_start: ILLEGAL, exemption_end: ILLEGAL, leave: ILLEGAL, expel: ILLEGAL, reinstate: 'active',
    honorary_grant: ILLEGAL, honorary_revoke: ILLEGAL, death: 'deceased', record_corrected: 'expelled',
  },
  'deceased': {
    admit: ILLEGAL, readmit: ILLEGAL, transfer: ILLEGAL, suspend: ILLEGAL, resume: ILLEGAL,
    exemption_start: ILLEGAL, exemption_end: ILLEGAL, leave: ILLEGAL, expel: ILLEGAL, reinstate: ILLEGAL,
    honorary_grant: ILLEGAL, honorary_revoke: ILLEGAL, death: ILLEGAL, record_corrected: 'deceased',
  },
};

const CELLS = Object.entries(TABLE).flatMap(([from, row]) =>
  MEMBER_EVENT_TYPES.map((event) => [from, event, row[event]] as const),
);

describe('the membership lifecycle', () => {
  it('the table has a row for every status and a column for every event type', () => {
    const statuses = new Set(Object.keys(TABLE).map((label) => stateOf(label).status));
    expect([...statuses].sort()).toEqual(['active', 'deceased', 'expelled', 'left', 'suspended']);
    for (const row of Object.values(TABLE))
      expect(Object.keys(row).sort()).toEqual([...MEMBER_EVENT_TYPES].sort());
  });

  it.each(CELLS.filter(([, , to]) => to !== ILLEGAL))('%s —%s→ %s', (from, event, to) => {
    const next = nextState(stateOf(from), event);
    expect(next && labelOf(next)).toBe(to);
  });

  it.each(CELLS.filter(([, , to]) => to === ILLEGAL))('%s —%s→ refused', (from, event) => {
    expect(nextState(stateOf(from), event)).toBeUndefined();
  });

  it('admission starts active, with no exemption and no honorary status', () =>
    expect(ADMITTED).toEqual({ status: 'active', honorary: false, duesExempt: false }));

  it('never changes the state it is given', () => {
    const state = stateOf('active');
    nextState(state, 'suspend');
    expect(state).toEqual(stateOf('active'));
  });
});

describe('replay', () => {
  it.each<[MemberEventType[], Label]>([
    [['admit'], 'active'],
    [['admit', 'suspend', 'resume'], 'active'],
    [['admit', 'exemption_start', 'suspend'], 'suspended+exempt'],
    [['admit', 'exemption_start', 'exemption_end', 'leave'], 'left'],
    [['admit', 'leave', 'readmit', 'transfer'], 'active'],
    [['admit', 'expel', 'reinstate', 'record_corrected'], 'active'],
    [['admit', 'honorary_grant', 'leave'], 'left+honorary'],
    [['admit', 'leave', 'honorary_grant', 'honorary_revoke'], 'active'],
    [['admit', 'transfer', 'transfer', 'suspend', 'death'], 'deceased'],
    [['admit', 'record_corrected', 'exemption_start', 'leave', 'reinstate'], 'active'],
    // A death reported late is dated before a correction recorded meanwhile.
    [['admit', 'death', 'record_corrected'], 'deceased'],
  ])('%j → %s', (types, label) => {
    const state = replay(types);
    expect(state && labelOf(state)).toBe(label);
  });

  it.each<[string, MemberEventType[]]>([
    ['no events at all', []],
    ['a history that does not start with admission', ['suspend']],
    ['a readmission as the first event', ['readmit']],
    ['a second admission', ['admit', 'admit']],
    ['resuming someone never suspended', ['admit', 'resume']],
    ['expelling someone who left', ['admit', 'leave', 'expel']],
    ['transferring someone who left', ['admit', 'leave', 'transfer']],
    ['ending an exemption never started', ['admit', 'exemption_end']],
    ['a reinstatement after death', ['admit', 'death', 'reinstate']],
    ['an illegal event in the middle, whatever follows', ['admit', 'reinstate', 'leave']],
  ])('%s → no valid state', (_title, types) => expect(replay(types)).toBeUndefined());
});
