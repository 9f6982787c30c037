import {
  type BindDeviceBody,
  type DevicePublicKey,
  MyCardDto,
  type VerifyCardBody,
  VerifyCardResponse,
} from '@union/contracts/cards';
import type { JSONWebKeySet } from 'jose';
import { api, ApiError } from '../../app/api-client';
import { i18n } from '../../app/i18n';

export const fetchMyCard = (signal?: AbortSignal) => api('/me/card', { schema: MyCardDto, signal });

export const bindDevice = (publicKey: DevicePublicKey, signal?: AbortSignal) =>
  api('/me/card/device', {
    method: 'POST',
    body: { publicKey } satisfies BindDeviceBody,
    schema: MyCardDto,
    signal,
  });

export const revokeMyPhoneCard = () => api('/me/card/revoke', { method: 'POST' });

export const verifyCardOnline = (presentation: string, signal?: AbortSignal) =>
  api('/cards/verify', {
    method: 'POST',
    body: { presentation } satisfies VerifyCardBody,
    schema: VerifyCardResponse,
    signal,
  });

/**
 * A public, published document, fetched with `no-cache`: the browser may keep it, but must ask the
 * server whether it changed (a cheap 304) before using it, so "Cập nhật danh sách" is never stale.
 */
async function fetchPublished(url: string, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache', headers: { Accept: accept } });
  } catch {
    throw new ApiError(0, 'http.network', i18n.t('errors.network'));
  }
  if (!response.ok) throw new ApiError(response.status, 'http.unexpected', i18n.t('errors.unexpected'));
  return response;
}

/** The signed status list (a W3C Bitstring Status List credential as a JWT). */
export const fetchStatusListJwt = async (): Promise<string> =>
  (await (await fetchPublished('/api/v1/cards/status-list', 'application/vc+jwt, text/plain')).text()).trim();

/** The platform's public keys, at the site root where verifiers look for them. */
export const fetchPublishedKeys = async (): Promise<JSONWebKeySet> =>
  (await (await fetchPublished('/.well-known/jwks.json', 'application/json')).json()) as JSONWebKeySet;

/** The request never reached the server (offline, or the server is down): not an answer from it. */
export const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.status === 0;
