import type { MemberDto } from '@union/contracts/members';
import { unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import { TEST_PASSWORD } from './constants.js';
import { logIn, type SignedIn, type TestApp } from './test-app.js';

let serial = 0;
/** A mobile number no other member in the run has (per test file: each file has its own database). */
const newPhone = () => `097${String(1_000_000 + (serial += 1)).slice(-7)}`;

export interface MemberPerson {
  fullName?: string;
  sex?: 'male' | 'female';
  birthDate?: string;
}

export interface SignedInMember {
  member: MemberDto;
  self: SignedIn;
}

/**
 * An active member admitted into `unit` by `officer`, who then signs in with the phone on the record:
 * the platform links the new account to the member by that phone, as it does for a real member.
 */
export async function givenSignedInMember(
  t: TestApp,
  officer: SignedIn,
  unit: { id: number },
  person: MemberPerson = {},
): Promise<SignedInMember> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/members',
    headers: officer.headers,
    payload: {
      unitId: unit.id,
      fullName: person.fullName ?? 'Lê Thị Góp Ý',
      birthDate: person.birthDate ?? '1990-05-06',
      sex: person.sex ?? 'female',
      citizenId: null,
      phone: newPhone(),
      notDuplicate: true,
    },
  });
  if (response.statusCode !== 201) throw new Error(`admit failed: ${response.statusCode} ${response.body}`);
  const member = response.json<MemberDto>();
  const phone = member.phone!.replace('+84', '0');
  await unsafeCreateAccount(t.db, { fullName: member.fullName, phone, password: TEST_PASSWORD });
  return { member, self: await logIn(t, phone, TEST_PASSWORD) };
}
