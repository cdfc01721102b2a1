// roles.ts is plain constants (no zod), so a value import from @shared is fine here.
import { ROLES } from '@shared/roles';
import type { PersonLabel } from '@shared/schemas/common';
import { t, type MessageKey } from '../i18n/receipt';

/** A role in words; a role this build does not know stays as it is. */
export const roleName = (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`roleName.${role}` as MessageKey) : role);

/**
 * Someone named in a record, in words: "你", their name (after their role when `withRole`), or,
 * without a name, their role and the tail of their id (the server never sends the whole id).
 */
export function personText(person: PersonLabel, withRole = false): string {
  if (person.you) return withRole ? t('person.youWithRole', { role: roleName(person.role) }) : t('person.you');
  if (person.name) return withRole ? t('person.roleAndName', { role: roleName(person.role), name: person.name }) : person.name;
  return t('person.unnamed', { role: roleName(person.role), tail: person.idTail });
}
