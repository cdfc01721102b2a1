import * as z from 'zod/mini';
import { LOCALES } from '../locale';
import { ROLES } from '../roles';
import { stationId } from './stations';

export const userId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be a user id'));

/**
 * Login takes the `wx.login` code and nothing else: the openid comes from WeChat (code2Session),
 * never from the client. Local stages also accept `dev:<openid>`.
 */
export const LoginRequest = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\x21-\x7e]+$/, 'must be a login code')),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserProfile = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  stationId: z.optional(z.string()),
  regionCode: z.optional(z.string()),
  name: z.optional(z.string()),
  /** A villager's home station: services they receive are credited to it. */
  homeStationId: z.optional(z.string()),
  /** The language they chose (unset: zh-CN). */
  language: z.optional(z.enum(LOCALES)),
});
export type UserProfile = z.infer<typeof UserProfile>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: UserProfile,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** The signed-in user with what the "me" page shows: their station or region by name. */
export const MeResponse = z.object({
  user: UserProfile,
  station: z.optional(z.object({ id: z.string(), code: z.string(), villageName: z.string(), regionNames: z.array(z.string()) })),
  region: z.optional(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  homeStation: z.optional(z.object({ id: z.string(), code: z.string(), villageName: z.string(), regionNames: z.array(z.string()) })),
});
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * The short code a user shows from "me" (as a QR code and as digits) so an admin can appoint them
 * without reading out a 20-character id. Its QR code carries `ACCOUNT_CODE_QR_PREFIX` + the digits.
 */
export const accountCode = z.string().check(z.regex(/^\d{8}$/, 'must be the 8-digit account code'));
export const ACCOUNT_CODE_QR_PREFIX = 'yinong-account:';
export const AccountCodeResponse = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** A QR code of `ACCOUNT_CODE_QR_PREFIX` + code, as an SVG data URI an <Image> shows. */
  qrImage: z.string(),
});
export type AccountCodeResponse = z.infer<typeof AccountCodeResponse>;

/** The future officer by their id, or by the account code they show (exactly one of the two). */
export const AppointOfficerRequest = z.strictObject({ stationId, userId: z.optional(userId), accountCode: z.optional(accountCode) }).check(
  z.refine((body) => (body.userId === undefined) !== (body.accountCode === undefined), {
    message: 'give exactly one of userId or accountCode',
    path: ['userId'],
  }),
);
export type AppointOfficerRequest = z.infer<typeof AppointOfficerRequest>;
export const OfficerParams = z.strictObject({ userId });
export const OfficerResponse = z.object({ user: UserProfile });

export const OfficerSummary = z.object({ id: z.string(), name: z.optional(z.string()) });
export const StationOfficersResponse = z.object({ items: z.array(OfficerSummary), nextCursor: z.null() });
export type StationOfficersResponse = z.infer<typeof StationOfficersResponse>;
