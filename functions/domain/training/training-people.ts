import { createHash } from 'node:crypto';
import type { Caller } from '../../auth/caller';

/**
 * A person's id within sessions: a signed-in user by their account, a household member an officer names
 * by household and name. The same person is one sign-up and one check-in per session. (A villager signed
 * up by name and later scanning with their own WeChat is two people: the officer sees both rows.)
 */
export function personIdOf(person: { userId: string } | { householdId: string; name: string }): string {
  const key = 'userId' in person ? `U#${person.userId}` : `H#${person.householdId}#${person.name}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export const personOfCaller = (caller: Caller) => ({
  personId: personIdOf({ userId: caller.userId }),
  userId: caller.userId,
  householdId: caller.householdId ?? null,
});

/** How a signed-in person is named on the officer's list when their account has no name. */
export const accountLabel = (userId: string, name: string | undefined) => name ?? `#${userId.slice(-4)}`;
