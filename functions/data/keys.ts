/**
 * Every DynamoDB key of the single table is built here, and only here.
 *
 * Table: PK/SK, plus two overloaded global secondary indexes (GSI1PK/GSI1SK, GSI2PK/GSI2SK) and a TTL
 * attribute `expiresAt`. docs/data-model.md lists the access patterns these keys serve.
 */

export const INDEX = { GSI1: 'GSI1', GSI2: 'GSI2' } as const;

export type PrimaryKey = { PK: string; SK: string };

/** Attributes that are ours, never a client's: stripped from every item before it leaves the data layer. */
export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'expiresAt'] as const;

export const regionKeys = {
  item: (code: string): PrimaryKey => ({ PK: `REGION#${code}`, SK: 'REGION' }),
  /** GSI1: the children of a region, ordered by division code. */
  childrenOf: (parentCode: string) => ({ GSI1PK: `REGION_CHILDREN#${parentCode}` }),
  childIndex: (parentCode: string, code: string) => ({ GSI1PK: `REGION_CHILDREN#${parentCode}`, GSI1SK: code }),
};

export const stationKeys = {
  item: (stationId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: 'STATION' }),
  /**
   * GSI1: all stations of a province ordered by village division code. Because division codes are
   * prefixes of their descendants' codes, "stations in region R" is one Query:
   * GSI1PK = STATIONS_IN#<province> AND begins_with(GSI1SK, R).
   */
  byRegionPartition: (regionCode: string) => ({ GSI1PK: `STATIONS_IN#${regionCode.slice(0, 2)}` }),
  byRegionIndex: (villageCode: string, stationId: string) => ({
    GSI1PK: `STATIONS_IN#${villageCode.slice(0, 2)}`,
    GSI1SK: `${villageCode}#${stationId}`,
  }),
  /** GSI2: lookup by the public station code, upper-cased so lookups are case-insensitive. */
  byCode: (code: string) => ({ GSI2PK: `STATION_CODE#${code.toUpperCase()}`, GSI2SK: 'STATION' }),
};

export const userKeys = {
  item: (userId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: 'USER' }),
  /** Uniqueness item: one user per WeChat openid, claimed in the same transaction as the user. */
  openid: (openid: string): PrimaryKey => ({ PK: `OPENID#${openid}`, SK: 'OPENID' }),
  /** GSI1 on the user item while they are an officer: the officers of a station. */
  officerOf: (stationId: string, userId: string) => ({ GSI1PK: `STATION_OFFICERS#${stationId}`, GSI1SK: userId }),
};

/** Fixed-window counters (atomic ADD), expiring with the table's TTL. */
export const rateLimitKeys = {
  window: (bucket: string, windowStart: number): PrimaryKey => ({ PK: `RATE#${bucket}`, SK: String(windowStart) }),
};

/**
 * Geo index: one item per located station, in three cell sizes at once (table key and both GSIs),
 * so each ring of the nearest search reads whole cells with one Query each.
 */
export const geoKeys = {
  entry: (hash9: string, stationId: string) => ({
    PK: `GEO5#${hash9.slice(0, 5)}`,
    SK: `${hash9}#${stationId}`,
    GSI1PK: `GEO4#${hash9.slice(0, 4)}`,
    GSI1SK: `${hash9}#${stationId}`,
    GSI2PK: `GEO3#${hash9.slice(0, 3)}`,
    GSI2SK: `${hash9}#${stationId}`,
  }),
  /** Which index holds cells of a precision, and the key value of one cell. */
  cell: (precision: 3 | 4 | 5, cell: string) =>
    precision === 5
      ? { index: undefined, attribute: 'PK', value: `GEO5#${cell}` }
      : precision === 4
        ? { index: INDEX.GSI1, attribute: 'GSI1PK', value: `GEO4#${cell}` }
        : { index: INDEX.GSI2, attribute: 'GSI2PK', value: `GEO3#${cell}` },
};

/** Station edit history: newest last in key order, read newest first. */
export const stationChangeKeys = {
  item: (stationId: string, at: string, changeId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: `CHANGE#${at}#${changeId}` }),
  prefix: 'CHANGE#',
};

/** The prebuilt search index, in compressed shards (one per prefecture). */
export const searchIndexKeys = {
  partition: 'SEARCH_INDEX',
  shard: (name: string): PrimaryKey => ({ PK: 'SEARCH_INDEX', SK: `SHARD#${name}` }),
};

/** Official WeChat codes fetched once per station (getUnlimitedQRCode has a daily quota). */
export const qrKeys = {
  wechat: (stationId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: 'QR#wechat' }),
};

/** Idempotency records are scoped to the caller: another caller's identical key is another record. */
export const idempotencyKeys = {
  item: (callerId: string, key: string): PrimaryKey => ({ PK: `IDEMPOTENCY#${callerId}#${key}`, SK: 'IDEMPOTENCY' }),
};

/** What the sandbox bill provider charged, one item per payment id (its idempotency reference). */
export const chargeKeys = {
  item: (paymentId: string): PrimaryKey => ({ PK: `CHARGE#${paymentId}`, SK: 'CHARGE' }),
};

/** The seed records which dataset version it loaded, so `npm start` can tell a partial seed. */
export const metaKeys = {
  seed: (name: string): PrimaryKey => ({ PK: `META#SEED`, SK: name }),
};
