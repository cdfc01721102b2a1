import type { QuestionField, Role } from '../../shared';

/** Who is calling, as read from the user record on this very request (never from the token alone). */
export interface Caller {
  userId: string;
  role: Role;
  stationId?: string;
  regionCode?: string;
  /** A villager linked to a household sees its payments. */
  householdId?: string;
  /** Experts: their field (questions of it reach them). */
  expertField?: QuestionField;
}
