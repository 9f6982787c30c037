import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const LOGIN_MAX = 254;
export const OTP_PATTERN = /^\d{6}$/;

export const ROLE_CODES = [
  'confederation_admin',
  'federation_officer',
  'upper_union_officer',
  'grassroots_chair',
  'grassroots_officer',
  'legal_adviser',
  'member',
  'partner_merchant',
] as const;
export const RoleCode = z.enum(ROLE_CODES);
export type RoleCode = z.infer<typeof RoleCode>;

const NewPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

/** `login` is a username, an e-mail address (officers) or a mobile number (members). */
export const LoginBody = z.object({
  login: z.string().trim().min(1).max(LOGIN_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
  otp: z.string().trim().regex(OTP_PATTERN).optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionUserDto = z.object({
  id: z.number(),
  fullName: z.string(),
  roles: z.array(RoleCode),
  /** A role held requires two-factor sign-in and the account has not enrolled yet. */
  totpSetupRequired: z.boolean(),
});
export type SessionUserDto = z.infer<typeof SessionUserDto>;

export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: SessionUserDto });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const PasswordResetRequestBody = z.object({ login: z.string().trim().min(1).max(LOGIN_MAX) });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

export const PasswordResetConfirmBody = z.object({
  login: z.string().trim().min(1).max(LOGIN_MAX),
  code: z.string().trim().regex(OTP_PATTERN),
  newPassword: NewPassword,
});
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

export const TotpSetupDto = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetupDto = z.infer<typeof TotpSetupDto>;

export const TotpCodeBody = z.object({ code: z.string().trim().regex(OTP_PATTERN) });
export type TotpCodeBody = z.infer<typeof TotpCodeBody>;

/** Sign-in with a one-time code sent to the account's phone (members) or inbox: valid this long. */
export const LOGIN_CODE_MINUTES = 5;
/** A new code is sent at most this often per account, so a script cannot flood a phone with SMS. */
export const LOGIN_CODE_RESEND_SECONDS = 60;

export const LoginCodeRequestBody = z.object({ login: z.string().trim().min(1).max(LOGIN_MAX) });
export type LoginCodeRequestBody = z.infer<typeof LoginCodeRequestBody>;

/** The code alone never bypasses two-factor sign-in: an account with TOTP gives `otp` too. */
export const LoginCodeBody = z.object({
  login: z.string().trim().min(1).max(LOGIN_MAX),
  code: z.string().trim().regex(OTP_PATTERN),
  otp: z.string().trim().regex(OTP_PATTERN).optional(),
});
export type LoginCodeBody = z.infer<typeof LoginCodeBody>;
