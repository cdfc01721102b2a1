import type { LanguageRequest, LanguageResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from './user';

/**
 * The language a user chose in 我的, kept on their account: requests name theirs in Accept-Language,
 * but a subscribe message sent later by a job has no request, only its recipient.
 */
export async function setLanguage(
  deps: { users: Pick<UserRepository, 'setLanguage'>; now?: () => Date },
  caller: Caller,
  body: LanguageRequest,
): Promise<LanguageResponse> {
  await deps.users.setLanguage(caller.userId, body.language, (deps.now?.() ?? new Date()).toISOString());
  return { language: body.language };
}
