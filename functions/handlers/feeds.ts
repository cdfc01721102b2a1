import { alertQueue } from '../adapters/alert-queue';
import { dynamoFeedAckRepository, dynamoFeedRepository } from '../data/feeds-repository';
import { decodeCursor, encodeCursor } from '../data/cursor';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { invalidField } from '../domain/errors';
import { ackFeed, ackRates, markInformed, myFeedAck, regionAckAlerts, stationAcks } from '../domain/feeds/acks';
import { feedCategories, getFeed, listFeeds, myFeeds, reviewQueue, type FeedCursor } from '../domain/feeds/feed-read';
import { createFeed, publishFeed, rejectFeed, retractFeed, submitFeed, updateFeed } from '../domain/feeds/feed-write';
import { createUpload } from '../domain/uploads/create-upload';
import { s3ImageStore } from '../adapters/s3-image-store';
import { dynamoUploadRepository } from '../data/uploads-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { createHttpHandler } from '../http/pipeline';

/** The feed's merge state (one sort key), signed like every other cursor. */
const feedCursor: FeedCursor = {
  encode: (before, scope) => encodeCursor({ b: before }, scope)!,
  decode(cursor, scope) {
    const key = decodeCursor(cursor, scope);
    if (key === undefined) return undefined;
    if (typeof key.b !== 'string') throw invalidField('cursor', 'is not a cursor this list issued');
    return key.b;
  },
};

const feeds = dynamoFeedRepository;
const regions = dynamoRegionRepository;
const users = dynamoUserRepository;
const images = s3ImageStore;
const uploads = dynamoUploadRepository;
const writeDeps = { feeds, regions, users, uploads, images };
const detailDeps = { feeds, users, images };
const ackDeps = { feeds, acks: dynamoFeedAckRepository, households: dynamoHouseholdRepository, stations: dynamoStationRepository, regions };

// The pipeline's own deps: where the first answers of its queueable routes are kept for a replay.
const pipelineDeps = { replays: createIdempotencyStore() };

export const handler = createHttpHandler('feeds', pipelineDeps, {
  feedCategories: async () => feedCategories(),
  listFeeds: ({ query }) => listFeeds({ feeds, regions, images, cursor: feedCursor }, query),
  createFeed: ({ caller, body }) => createFeed(writeDeps, caller, body),
  updateFeed: ({ caller, params, body }) => updateFeed(writeDeps, caller, params.id, body),
  createUpload: ({ caller, body }) => createUpload({ uploads, images }, caller, body),
  reviewQueue: ({ caller, query }) => reviewQueue(detailDeps, caller, query),
  myFeeds: ({ caller, query }) => myFeeds(detailDeps, caller, query),
  getFeed: ({ caller, params, query }) => getFeed(detailDeps, caller, params.id, query.lang),
  submitFeed: ({ caller, params }) => submitFeed(writeDeps, caller, params.id),
  publishFeed: ({ caller, params }) => publishFeed({ ...writeDeps, alerts: alertQueue }, caller, params.id),
  rejectFeed: ({ caller, params, body }) => rejectFeed(writeDeps, caller, params.id, body.reason),
  retractFeed: ({ caller, params, body }) => retractFeed(writeDeps, caller, params.id, body.reason),
  ackFeed: ({ caller, params }) => ackFeed(ackDeps, caller, params.id),
  myFeedAck: ({ caller, params }) => myFeedAck(ackDeps, caller, params.id),
  stationFeedAcks: ({ caller, params, query }) => stationAcks(ackDeps, caller, params.stationId, params.id, query),
  markInformed: ({ caller, params, body }) => markInformed(ackDeps, caller, params.stationId, params.id, body),
  regionAckAlerts: ({ caller, params, query }) => regionAckAlerts(ackDeps, caller, params.code, query),
  feedAckRates: ({ caller, params, query }) => ackRates(ackDeps, caller, params.code, params.id, query),
});
