import type { PersonLabel } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from './user';

/** Someone named in a record: their id (kept on the server) and, when recorded, the role they acted in. */
export interface PersonRef {
  userId: string;
  role?: string;
}

/** How many characters of an id stand in for a person without a name: enough to tell two apart, not to address them. */
const ID_TAIL = 4;

/**
 * Labels for the people a page of records names, read with one BatchGet for the whole page (not
 * one read per row). A user since deleted keeps the recorded role and the id's tail.
 */
export async function labelPeople(
  users: Pick<UserRepository, 'getMany'>,
  caller: Caller,
  refs: PersonRef[],
): Promise<(ref: PersonRef) => PersonLabel> {
  const found = new Map((await users.getMany([...new Set(refs.map((r) => r.userId))])).map((u) => [u.id, u]));
  return (ref) => {
    const user = found.get(ref.userId);
    return {
      name: user?.name ?? null,
      role: ref.role ?? user?.role ?? 'unknown',
      idTail: ref.userId.slice(-ID_TAIL),
      you: ref.userId === caller.userId,
    };
  };
}
