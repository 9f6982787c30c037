import { performance } from 'node:perf_hooks';
import type { AdmitMemberBody } from '@union/contracts/members';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { CitizenIds, drawPerson } from '../../scripts/national/people.js';
import { PROVINCE_PROFILES } from '../../scripts/national/places.js';
import { Random, WeightedPicker } from '../../scripts/national/random.js';
import { dayOf } from '../../scripts/national/tree.js';

/** A grassroots union new members are admitted to, drawn in proportion to its members. */
interface AdmitTarget {
  id: number;
  members: number;
  provinceCode: string;
  establishedDay: number;
}

/** The statistics triggers that count members and movements (not the guard keeping events append-only). */
export async function countingTriggers(session: BulkSession): Promise<{ table: string; name: string }[]> {
  return session.query<{ table: string; name: string }>(
    `select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and c.relname in ('members', 'member_events')
       and t.tgname like 'statistics\\_%' and t.tgname <> 'statistics_events_immutable'
     order by 1, 2`,
  );
}

export async function setTriggers(
  session: BulkSession,
  triggers: { table: string; name: string }[],
  enabled: boolean,
): Promise<void> {
  for (const t of triggers)
    await session.exec(`alter table ${t.table} ${enabled ? 'enable' : 'disable'} trigger ${t.name}`);
}

/**
 * New people to admit over HTTP, as an officer's form sends them: unique citizen IDs counting down
 * from the top of each prefix's range (the seed counts up from the bottom), shifted by `run` so a kept
 * database can be measured again.
 */
export async function admissionBodies(
  session: BulkSession,
  seed: number,
  count: number,
  run: number,
  today: string,
): Promise<AdmitMemberBody[]> {
  const rows = await session.query<{ id: number; members: number; code: string; established: string }>(
    `select u.id, count(m.id)::int as members, p.code, to_char(u.established_on, 'YYYY-MM-DD') as established
     from units u join units p on p.id = u.province_id
     join members m on m.grassroots_unit_id = u.id and m.status = 'active'
     where u.type = 'grassroots_union' and p.type = 'provincial_federation'
     group by u.id, p.code, u.established_on`,
  );
  const targets = new WeightedPicker<AdmitTarget>(
    rows.map((r) => [
      {
        id: Number(r.id),
        members: Number(r.members),
        provinceCode: r.code,
        establishedDay: dayOf(r.established),
      },
      Number(r.members),
    ]),
  );
  const random = new Random(seed ^ 0xad_0001 ^ run);
  const ids = new CitizenIds(499_999 - run * 2_000);
  const referenceDay = dayOf(today);
  return Array.from({ length: count }, () => {
    const target = targets.pick(random);
    const profile = PROVINCE_PROFILES.find((p) => p.code === target.provinceCode)!;
    const person = drawPerson(random, ids, profile, target.establishedDay, { referenceDay, joinSkew: 8 });
    return {
      unitId: target.id,
      fullName: person.name.fullName,
      birthDate: person.birthDate,
      sex: person.name.sex,
      citizenId: person.citizenId,
      phone: person.phone,
      joinedAt: person.joinedAt,
      contractType: 'indefinite',
    };
  });
}

/**
 * Sends the admissions with `connections` requests in flight (each client waits for its answer before
 * the next), over keep-alive; returns admissions per second. Any answer but 201 fails the run.
 */
export async function admitConcurrently(
  origin: string,
  token: string,
  bodies: readonly AdmitMemberBody[],
  connections: number,
): Promise<{ perSecond: number; seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = performance.now();
      const response = await fetch(`${origin}/api/v1/members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 201 && response.status !== 200)
        throw new Error(`POST /api/v1/members: ${response.status} ${text.slice(0, 300)}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: bodies.length / seconds, seconds, latencies };
}
