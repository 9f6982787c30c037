/**
 * Checks union card presentations offline, in a browser or in Node, with the platform's published keys
 * (/.well-known/jwks.json) and status list (/api/v1/cards/status-list). Partner systems may embed it.
 */
export {
  isStatusBitSet,
  ONLINE_CREDENTIAL_MAX_SECONDS,
  parseCompactJws,
  presentationOf,
  PROOF_WINDOWS_AHEAD,
  PROOF_WINDOWS_BEHIND,
  proofMessage,
  proofWindowAt,
  verifyPlatformJws,
  verifyPresentation,
  type PresentationCheck,
  type StatusBits,
  type TrustedKeys,
  type VerifyOptions,
} from './presentation.js';
export { readStatusList, StatusListClaims, StatusListError } from './status-list.js';
export { importTrustedKeys } from './trust.js';
export { presentWithDeviceKey, type DeviceKey } from './device-proof.js';
export { webCryptoVerifier, type SignatureVerifier } from './signature-verifier.js';
export { base64UrlToBytes, bytesToBase64Url } from './encoding.js';
