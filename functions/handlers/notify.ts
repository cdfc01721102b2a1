import { templateIds } from '../config/notify';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoSubscriptionRepository } from '../data/subscriptions-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { mySubscriptions, recordSubscriptions, type SubscriptionDeps } from '../domain/notify/subscriptions';
import { createHttpHandler } from '../http/pipeline';

const deps = (): SubscriptionDeps => ({
  subscriptions: dynamoSubscriptionRepository,
  users: dynamoUserRepository,
  households: dynamoHouseholdRepository,
  stations: dynamoStationRepository,
  templates: templateIds(),
});

export const handler = createHttpHandler('notify', {
  mySubscriptions: ({ caller }) => mySubscriptions(deps(), caller),
  recordSubscriptions: ({ caller, body }) => recordSubscriptions(deps(), caller, body),
});
