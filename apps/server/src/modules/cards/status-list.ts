import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { asc, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { STATUS_LIST_TTL_MS, STATUS_LIST_VALID_HOURS } from './card-lifetimes.js';
import { cardStatusChunks } from './cards.schema.js';
import { signPlatformJson } from './credentials.js';
import type { CardSigningKeys } from './signing-keys.js';

const CHUNK_BYTES = 1024;
/** The W3C minimum: 16 KiB, so a short list does not tell how many cards exist. */
const MIN_LIST_BYTES = 16 * 1024;
/** Re-signed at least this often even when nothing changed, so `validUntil` stays ahead. */
const RESIGN_MS = 10 * 60_000;

export interface PublishedStatusList {
  jwt: string;
  etag: string;
  builtAt: number;
}

/**
 * The status list as published: built from the chunks the triggers keep, signed, and cached until a
 * chunk changes. The version of the list is the sum of the chunks' versions: every write draws a higher
 * number from a sequence, so the sum grows with any committed change, whatever order they commit in.
 */
export class CardStatusList {
  private cached: (PublishedStatusList & { version: string }) | undefined;
  private building: Promise<PublishedStatusList> | undefined;

  constructor(
    private readonly db: Db,
    private readonly keys: CardSigningKeys,
    private readonly issuer: string,
    private readonly url: string,
  ) {}

  async current(now = Date.now()): Promise<PublishedStatusList> {
    const version = await this.version();
    if (this.cached && this.cached.version === version && now - this.cached.builtAt < RESIGN_MS) {
      return this.cached;
    }
    // Concurrent callers share one build.
    this.building ??= this.build(version, now).finally(() => (this.building = undefined));
    return this.building;
  }

  private async version(): Promise<string> {
    const [row] = await queryRows<{ version: string | number; last_index: string | number }>(
      this.db,
      sql`select coalesce(sum(version), 0)::text as version,
        (select case when is_called then last_value else -1 end from card_status_index_seq) as last_index
        from card_status_chunks`,
    );
    return `${row!.version}:${row!.last_index}`;
  }

  private async build(version: string, now: number): Promise<PublishedStatusList> {
    const lastIndex = Number(version.split(':')[1]);
    const chunks = await this.db
      .select({ chunkNo: cardStatusChunks.chunkNo, bits: cardStatusChunks.bits })
      .from(cardStatusChunks)
      .orderBy(asc(cardStatusChunks.chunkNo));
    const needed = Math.max(
      Math.ceil((lastIndex + 1) / 8),
      ...chunks.map((c) => (c.chunkNo + 1) * CHUNK_BYTES),
    );
    const list = Buffer.alloc(Math.max(MIN_LIST_BYTES, needed));
    for (const chunk of chunks) Buffer.from(chunk.bits).copy(list, chunk.chunkNo * CHUNK_BYTES);
    const encodedList = `u${gzipSync(list).toString('base64url')}`;
    const iat = Math.floor(now / 1000);
    const validUntil = new Date(now + STATUS_LIST_VALID_HOURS * 3_600_000);
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: this.url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.issuer,
      validFrom: new Date(now).toISOString(),
      validUntil: validUntil.toISOString(),
      credentialSubject: {
        id: `${this.url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
        ttl: STATUS_LIST_TTL_MS,
      },
      iss: this.issuer,
      iat,
      exp: Math.floor(validUntil.getTime() / 1000),
    };
    const jwt = await signPlatformJson(await this.keys.current(now), credential, 'vc+jwt');
    const etag = `"${createHash('sha256').update(jwt).digest('base64url').slice(0, 27)}"`;
    this.cached = { jwt, etag, builtAt: now, version };
    return this.cached;
  }
}
