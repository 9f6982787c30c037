/**
 * How long each kind of credential lives. These are security settings, not union rules: a phone card's
 * credential is re-signed whenever the app is online, so a month only bounds how long a phone may stay
 * offline; an online QR has no phone key behind it, so it lives minutes; a printed card lives years and
 * is revoked through the status list when the membership changes.
 */
export const PHONE_CREDENTIAL_DAYS = 30;
export const ONLINE_QR_SECONDS = 300;
export const PRINTED_CARD_YEARS = 5;
/** How long a verifier may use a status list before fetching it again, and how long it is vouched for. */
export const STATUS_LIST_TTL_MS = 60_000;
export const STATUS_LIST_VALID_HOURS = 24;
