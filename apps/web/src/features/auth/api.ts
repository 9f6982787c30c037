import { MeDto } from '@union/contracts/accounts';
import {
  type ChangePasswordBody,
  type LoginBody,
  type LoginCodeBody,
  type LoginCodeRequestBody,
  LoginResponse,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type TotpCodeBody,
  TotpSetupDto,
} from '@union/contracts/auth';
import { api, ApiError } from '../../app/api-client';

/** The signed-in account, or `null` when there is no session. */
export async function fetchMe(): Promise<MeDto | null> {
  try {
    return await api('/me', { schema: MeDto });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const login = (body: LoginBody) => api('/auth/login', { method: 'POST', body, schema: LoginResponse });
/** Always 202, whether or not the number has an account: the server never says which. */
export const requestLoginCode = (body: LoginCodeRequestBody) =>
  api('/auth/login/code/request', { method: 'POST', body });
export const loginWithCode = (body: LoginCodeBody) =>
  api('/auth/login/code', { method: 'POST', body, schema: LoginResponse });
export const logout = () => api('/auth/logout', { method: 'POST' });
export const changePassword = (body: ChangePasswordBody) => api('/auth/password', { method: 'POST', body });

export const requestPasswordReset = (body: PasswordResetRequestBody) =>
  api('/auth/password-reset/request', { method: 'POST', body });
export const confirmPasswordReset = (body: PasswordResetConfirmBody) =>
  api('/auth/password-reset/confirm', { method: 'POST', body });

export const startTotpSetup = () => api('/auth/totp/setup', { method: 'POST', schema: TotpSetupDto });
export const enableTotp = (body: TotpCodeBody) => api('/auth/totp/enable', { method: 'POST', body });
export const disableTotp = (body: TotpCodeBody) => api('/auth/totp/disable', { method: 'POST', body });
