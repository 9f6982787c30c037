import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';
import { LOGIN_MAX, PASSWORD_MAX, PASSWORD_MIN, RoleCode } from './auth.js';
import { UnitType } from './units.js';
import { normaliseVietnamesePhone, VN_MOBILE_PATTERN } from './vn-phone.js';

export const FULL_NAME_MAX = 120;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A login is a username, an e-mail address or a Vietnamese mobile number: the server tells which. */
export const isValidLogin = (login: string): boolean => {
  const value = login.trim();
  return (
    USERNAME_PATTERN.test(value.toLowerCase()) ||
    normaliseVietnamesePhone(value) !== undefined ||
    z.email().safeParse(value).success
  );
};

export const CreateAccountBody = z.object({
  login: z.string().trim().min(3).max(LOGIN_MAX).refine(isValidLogin, { message: 'account.login_invalid' }),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  fullName: z.string().trim().min(2).max(FULL_NAME_MAX),
  email: z.email().max(LOGIN_MAX).optional(),
  phone: z.string().trim().regex(VN_MOBILE_PATTERN).optional(),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

export const AccountDto = z.object({
  id: z.number(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  fullName: z.string(),
  totpEnabled: z.boolean(),
  createdAt: z.string(),
});
export type AccountDto = z.infer<typeof AccountDto>;

export const CreatedAccountDto = z.object({ id: z.number() });
export type CreatedAccountDto = z.infer<typeof CreatedAccountDto>;

export const ACCOUNT_SEARCH_MIN = 2;
export const AccountSearchQuery = PageQuery.extend({ q: z.string().trim().min(ACCOUNT_SEARCH_MIN).max(100) });
export type AccountSearchQuery = z.infer<typeof AccountSearchQuery>;
export const AccountPage = pageOf(AccountDto);

export const OfficeDto = z.object({
  id: z.number(),
  accountId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  unitType: UnitType,
  role: RoleCode,
  termStart: z.string(),
  termEnd: z.string().nullable(),
  current: z.boolean(),
});
export type OfficeDto = z.infer<typeof OfficeDto>;

export const AssignOfficeBody = z
  .object({ accountId: Id, role: RoleCode, termStart: IsoDate, termEnd: IsoDate.optional() })
  .refine((body) => body.termEnd === undefined || body.termEnd >= body.termStart, {
    message: 'office.term_end_before_start',
    path: ['termEnd'],
  });
export type AssignOfficeBody = z.infer<typeof AssignOfficeBody>;

export const EndOfficeBody = z.object({ termEnd: IsoDate });
export type EndOfficeBody = z.infer<typeof EndOfficeBody>;

export const OfficeListQuery = z.object({ includePast: z.stringbool().default(false) });
export type OfficeListQuery = z.infer<typeof OfficeListQuery>;

/** A role as data: where it may be held and what it grants, so forms offer only what makes sense. */
export const RoleDto = z.object({
  code: RoleCode,
  nameVi: z.string(),
  nameEn: z.string(),
  unitTypes: z.array(UnitType),
  permissions: z.array(z.string()),
  requiresTotp: z.boolean(),
});
export type RoleDto = z.infer<typeof RoleDto>;

export const MeDto = z.object({
  id: z.number(),
  fullName: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  totpEnabled: z.boolean(),
  totpSetupRequired: z.boolean(),
  offices: z.array(
    z.object({
      officeId: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      unitType: UnitType,
      role: RoleCode,
      termStart: z.string(),
      termEnd: z.string().nullable(),
    }),
  ),
  /** The union of permissions the current offices grant: the UI builds its navigation from it. */
  permissions: z.array(z.string()),
});
export type MeDto = z.infer<typeof MeDto>;
