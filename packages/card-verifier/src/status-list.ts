import { z } from 'zod';
import { base64UrlToBytes } from './encoding.js';
import { verifyPlatformJws, type StatusBits, type TrustedKeys } from './presentation.js';
import type { SignatureVerifier } from './signature-verifier.js';

/**
 * The published status list, a W3C Bitstring Status List credential (VC 2.0) signed as a JWT by a
 * platform key. `encodedList` is multibase base64url ("u…") of the GZIP-compressed bitstring.
 */
export const StatusListClaims = z.object({
  type: z.array(z.string()).refine((types) => types.includes('BitstringStatusListCredential')),
  issuer: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  credentialSubject: z.object({
    type: z.literal('BitstringStatusList'),
    statusPurpose: z.literal('revocation'),
    encodedList: z.string().startsWith('u'),
    /** How long a verifier may use it before fetching again (ms). */
    ttl: z.number().optional(),
  }),
});
export type StatusListClaims = z.infer<typeof StatusListClaims>;

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class StatusListError extends Error {}

/** Checks the list's signature and decodes its bits; throws `StatusListError` when it cannot be trusted. */
export async function readStatusList(
  jwt: string,
  trusted: TrustedKeys,
  verifier: SignatureVerifier,
): Promise<StatusBits & { ttlMs: number | undefined }> {
  const signed = await verifyPlatformJws(jwt.trim(), trusted, verifier);
  if ('reason' in signed) throw new StatusListError(`status list: ${signed.reason}`);
  const parsed = StatusListClaims.safeParse(JSON.parse(signed.payload));
  if (!parsed.success) throw new StatusListError('status list: not a BitstringStatusListCredential');
  const claims = parsed.data;
  const bits = await gunzip(base64UrlToBytes(claims.credentialSubject.encodedList.slice(1)));
  return {
    bits,
    validFrom: Date.parse(claims.validFrom),
    validUntil: Date.parse(claims.validUntil),
    ttlMs: claims.credentialSubject.ttl,
  };
}
