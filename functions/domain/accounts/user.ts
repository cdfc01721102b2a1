import type { Locale, QuestionField, Role, UserProfile } from '../../../shared';

export interface User {
  id: string;
  /** WeChat's id of this user for our app; stays on the server. */
  openid: string;
  role: Role;
  /** Officers: their station, and its village code (so region checks need no second read). */
  stationId?: string;
  stationVillageCode?: string;
  /** Admins: the region they administer. */
  regionCode?: string;
  name?: string;
  homeStationId?: string;
  /** A villager linked (by an officer, with a one-time code) to a registered household. */
  householdId?: string;
  /** Experts: the field they were appointed for. */
  expertField?: QuestionField;
  /** The language they chose in 我的; messages sent to them later (subscribe messages) use it. Unset: zh-CN. */
  language?: Locale;
  status: 'active' | 'blocked';
  createdAt: string;
  updatedAt: string;
}

export interface UserRepository {
  get(userId: string): Promise<User | null>;
  /** The users of these ids that exist, in no particular order (one BatchGet per 100 ids). */
  getMany(userIds: string[]): Promise<User[]>;
  getByOpenid(openid: string): Promise<User | null>;
  /** Creates the user and claims its openid in one transaction; returns the existing user if the openid is taken. */
  createForOpenid(user: User): Promise<User>;
  /**
   * Makes the user an officer of the station, if they are a villager or buyer, or already an officer
   * of a station inside `adminRegion`. Returns null when the user does not exist or is out of reach.
   * With `accountCode`, the code is used up in the same transaction, and nothing happens unless it is
   * still live and the user's.
   */
  appointOfficer(input: {
    userId: string;
    stationId: string;
    stationVillageCode: string;
    adminRegion: string;
    now: string;
    accountCode?: { code: string; nowMs: number };
  }): Promise<User | null>;
  setHomeStation(userId: string, stationId: string, now: string): Promise<void>;
  setLanguage(userId: string, language: Locale, now: string): Promise<void>;
  /** The officers of a station (a handful at most). */
  listOfficers(stationId: string): Promise<User[]>;
  /** Turns an officer of a station inside `adminRegion` back into a villager; null when not such an officer. */
  removeOfficer(input: { userId: string; adminRegion: string; now: string }): Promise<User | null>;
}

export function toUserProfile(user: User): UserProfile {
  return {
    id: user.id,
    role: user.role,
    ...(user.stationId ? { stationId: user.stationId } : {}),
    ...(user.regionCode ? { regionCode: user.regionCode } : {}),
    ...(user.name ? { name: user.name } : {}),
    ...(user.homeStationId ? { homeStationId: user.homeStationId } : {}),
    ...(user.language ? { language: user.language } : {}),
  };
}
