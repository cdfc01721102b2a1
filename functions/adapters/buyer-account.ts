/**
 * What paying an order needs of the buyer's account (the users table): the openid WeChat Pay charges,
 * and the language the buyer chose for what the provider shows them (a late success's refund reason).
 * One GetItem each, made only on the path that needs it.
 */
import { dynamoUserRepository } from '../data/users-repository';
import type { PaymentDeps } from '../domain/market/order-payment';

export const buyerAccount: Pick<PaymentDeps, 'openidOf' | 'languageOf'> = {
  openidOf: async (userId) => (await dynamoUserRepository.get(userId))?.openid ?? '',
  languageOf: async (userId) => (await dynamoUserRepository.get(userId))?.language,
};
