import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { LoginResponse } from '@union/contracts/auth';
import type { CardClaims, MyCardDto } from '@union/contracts/cards';
import { presentWithDeviceKey, type DeviceKey } from '@union/card-verifier';
import type { Db } from '../../apps/server/src/kernel/db/database.js';
import { hashPassword, unsafeCreateAccount } from '../../apps/server/src/modules/accounts/index.js';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { fetchJson } from '../harness/servers.js';

/** A member's phone card as the phone holds it: the platform's credential and the phone's own key. */
export interface PhoneCard {
  memberId: number;
  credential: string;
  privateKey: DeviceKey;
}

/** Requests in flight while the cards are made (sign-ins are argon2: two cores, a few at a time). */
const IN_FLIGHT = 6;

async function inPool<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/**
 * `count` distinct active members of the province, each with a phone number no other member has, go
 * through what the member app does: an account on their phone number (one argon2 hash shared by all:
 * it is slow on purpose), `POST /auth/login`, a P-256 key made by WebCrypto (not extractable, as on a
 * phone), `POST /me/card/device` — the app's own binding, audit and signing.
 */
export async function makePhoneCards(
  db: Db,
  session: BulkSession,
  origin: string,
  provinceId: number,
  count: number,
  log: (message: string) => void,
): Promise<{ cards: PhoneCard[]; perCard: string }> {
  const people = await session.query<{ id: number; full_name: string; phone: string }>(
    `select m.id, m.full_name, m.phone from members m
     where m.province_id = $1 and m.status = 'active' and m.phone is not null
       and not exists (select 1 from members o where o.phone = m.phone and o.id <> m.id)
     order by (m.id::bigint * 2654435761) % 4294967296, m.id
     limit $2`,
    [provinceId, count],
  );
  if (people.length < count)
    throw new Error(`only ${people.length} members with a phone of their own, ${count} wanted`);
  const password = `card-${randomBytes(9).toString('base64url')}-Aa1!`;
  const passwordHash = await hashPassword(password);
  let done = 0;
  const spent = { account: 0, login: 0, bind: 0 };
  const lap = (step: keyof typeof spent, since: number) => {
    const now = performance.now();
    spent[step] += now - since;
    return now;
  };
  const cards = await inPool(people, IN_FLIGHT, async (person) => {
    let t = performance.now();
    await unsafeCreateAccount(db, {
      fullName: person.full_name,
      phone: person.phone,
      password,
      passwordHash,
    });
    t = lap('account', t);
    const login = await fetchJson<LoginResponse>(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: person.phone, password }),
    });
    t = lap('login', t);
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const card = await fetchJson<MyCardDto>(`${origin}/api/v1/me/card/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({
        publicKey: { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x, y: publicKey.y },
      }),
    });
    lap('bind', t);
    const claims = JSON.parse(
      Buffer.from(card.credential.split('.')[1]!, 'base64url').toString('utf8'),
    ) as CardClaims;
    if (claims.knd !== 'd' || !claims.cnf)
      throw new Error(`member ${person.id}: not a phone-bound credential`);
    if (++done % 500 === 0) log(`  ${done}/${people.length} phone cards`);
    return { memberId: Number(person.id), credential: card.credential, privateKey: keys.privateKey };
  });
  const each = (ms: number) => `${(ms / people.length).toFixed(1)} ms`;
  return {
    cards,
    perCard: `account ${each(spent.account)}, sign-in ${each(spent.login)}, key + bind ${each(spent.bind)} (${IN_FLIGHT} in flight)`,
  };
}

/** What each phone shows now: its credential with a fresh proof over the current 30-second window. */
export function presentAll(cards: readonly PhoneCard[], nowMs = Date.now()): Promise<string[]> {
  return Promise.all(
    cards.map(
      async (card) => (await presentWithDeviceKey(card.credential, card.privateKey, nowMs)).presentation,
    ),
  );
}
