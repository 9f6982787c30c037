import { AccountPage, type CreateAccountBody } from '@union/contracts/accounts';
import { z } from 'zod';
import { api } from '../../app/api-client';

const ACCOUNT_SEARCH_LIMIT = 20;

const CreatedAccount = z.object({ id: z.number() });

export const searchAccounts = (q: string, signal?: AbortSignal) =>
  api('/accounts', { query: { q, limit: ACCOUNT_SEARCH_LIMIT }, schema: AccountPage, signal });

export const createAccount = (body: CreateAccountBody) =>
  api('/accounts', { method: 'POST', body, schema: CreatedAccount });
