import type { MemberDto, RecordableEventType } from '@union/contracts/members';

/** The lifecycle events an officer records from the action menu; a transfer has its own dialog. */
export type LifecycleEventType = Exclude<RecordableEventType, 'transfer'>;

type MemberState = Pick<MemberDto, 'status' | 'honorary' | 'duesExempt'>;

/**
 * The events that make sense in the member's present state, as the server's lifecycle table allows
 * them (domain.md §2.3); the server still decides, this only keeps hopeless choices off the menu.
 */
export function availableEvents({ status, honorary, duesExempt }: MemberState): LifecycleEventType[] {
  switch (status) {
    case 'active':
      return [
        'suspend',
        duesExempt ? 'exemption_end' : 'exemption_start',
        honorary ? 'honorary_revoke' : 'honorary_grant',
        'leave',
        'expel',
        'death',
      ];
    case 'suspended':
      return [
        'resume',
        duesExempt ? 'exemption_end' : 'exemption_start',
        ...(honorary ? (['honorary_revoke'] as const) : []),
        'leave',
        'expel',
        'death',
      ];
    case 'left':
      return ['reinstate', ...(honorary ? [] : (['honorary_grant'] as const)), 'death'];
    case 'expelled':
      return ['reinstate', 'death'];
    case 'deceased':
      return [];
  }
}

/** Events that end or take away membership: their confirmation is red. */
export const GRAVE_EVENTS: readonly LifecycleEventType[] = ['leave', 'expel', 'death', 'honorary_revoke'];

/** The last effective date on the record: a new event may not be dated before it. */
export function lastEventDate(history: readonly { type: string; effectiveOn: string }[]): string | undefined {
  return history
    .filter((event) => event.type !== 'record_corrected')
    .map((event) => event.effectiveOn)
    .sort()
    .at(-1);
}
