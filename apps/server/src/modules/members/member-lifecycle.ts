import type { MemberEventType, MemberStatus } from '@union/contracts/members';

/** What the events say about a member now. */
export interface MembershipState {
  status: MemberStatus;
  honorary: boolean;
  duesExempt: boolean;
}

type Transition = (state: MembershipState) => MembershipState | undefined;

const when =
  (from: readonly MemberStatus[], to: Partial<MembershipState>, guard?: (s: MembershipState) => boolean) =>
  (state: MembershipState) =>
    from.includes(state.status) && (guard?.(state) ?? true) ? { ...state, ...to } : undefined;

const CURRENT: readonly MemberStatus[] = ['active', 'suspended'];
const FORMER: readonly MemberStatus[] = ['left', 'expelled'];

/**
 * The membership lifecycle (domain.md §2.3) as one table: each event is allowed only from the states
 * listed, and says what it changes. An event missing here for a state is an illegal transition.
 */
const TRANSITIONS: Record<MemberEventType, Transition> = {
  admit: () => undefined,
  readmit: when(FORMER, { status: 'active', duesExempt: false }),
  transfer: when(CURRENT, {}),
  suspend: when(['active'], { status: 'suspended' }),
  resume: when(['suspended'], { status: 'active' }),
  exemption_start: when(CURRENT, { duesExempt: true }, (s) => !s.duesExempt),
  exemption_end: when(CURRENT, { duesExempt: false }, (s) => s.duesExempt),
  leave: when(CURRENT, { status: 'left', duesExempt: false }),
  expel: when(CURRENT, { status: 'expelled', duesExempt: false, honorary: false }),
  // Reinstatement undoes a leave or an expulsion (an annulled decision); the record continues.
  reinstate: when(FORMER, { status: 'active' }),
  // Honorary membership (đoàn viên danh dự) is granted by the grassroots executive, also to someone who
  // left on retirement.
  honorary_grant: when(['active', 'left'], { status: 'active', honorary: true }, (s) => !s.honorary),
  honorary_revoke: when(['active', 'suspended'], { honorary: false }, (s) => s.honorary),
  death: when(['active', 'suspended', 'left', 'expelled'], { status: 'deceased', duesExempt: false }),
  // A correction changes the record, not the membership: neutral in any state when replayed (a death
  // reported late is dated before corrections recorded meanwhile). Changing a deceased member's record
  // is refused where the change is made.
  record_corrected: (state) => state,
};

export const ADMITTED: MembershipState = { status: 'active', honorary: false, duesExempt: false };

/** The state after `type`, or undefined when the event is not allowed in `state`. */
export const nextState = (state: MembershipState, type: MemberEventType): MembershipState | undefined =>
  TRANSITIONS[type](state);

/** Replays a member's events in order: the state the stored columns must always equal. */
export function replay(types: readonly MemberEventType[]): MembershipState | undefined {
  const [first, ...rest] = types;
  if (first !== 'admit') return undefined;
  let state: MembershipState | undefined = ADMITTED;
  for (const type of rest) {
    state = state && nextState(state, type);
    if (!state) return undefined;
  }
  return state;
}
