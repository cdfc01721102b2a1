/**
 * The idempotency store on DynamoDB Local (ID1-ID4, ID6, ID7 at the store level; the payment and
 * order routes build on it).
 */
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createIdempotencyStore } from '../../functions/data/idempotency-store';
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';

describe('idempotency store', () => {
  let table: Awaited<ReturnType<typeof useFreshTable>>;
  let clock = Date.parse('2026-11-29T08:00:00Z');
  const store = createIdempotencyStore({ lockMs: 30_000, ttlSeconds: 3600, now: () => clock });
  beforeAll(async () => {
    table = await useFreshTable('idem');
  });

  it('ID1: of 50 concurrent claims of one key, exactly one starts; the rest are in progress; then all replay', async () => {
    const claims = await Promise.all(Array.from({ length: 50 }, () => store.claim({ callerId: 'u1', key: 'k-concurrent', requestHash: 'h1' })));
    const started = claims.filter((c) => c.kind === 'started');
    expect(started).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in_progress')).toHaveLength(49);
    expect(
      await store.complete({
        callerId: 'u1',
        key: 'k-concurrent',
        token: (started[0] as { token: string }).token,
        response: { status: 201, body: { id: 'p1' } },
      }),
    ).toBe(true);
    expect(await store.claim({ callerId: 'u1', key: 'k-concurrent', requestHash: 'h1' })).toEqual({
      kind: 'replay',
      response: { status: 201, body: { id: 'p1' } },
    });
    expect(await countEntities(table.doc, table.tableName, 'IdempotencyRecord')).toBe(1);
  });

  it('ID2: the same key with a different request is 422, and the stored response stays', async () => {
    await expect(store.claim({ callerId: 'u1', key: 'k-concurrent', requestHash: 'other' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await store.claim({ callerId: 'u1', key: 'k-concurrent', requestHash: 'h1' })).kind).toBe('replay');
  });

  it('ID3: keys are scoped to the caller', async () => {
    expect((await store.claim({ callerId: 'u2', key: 'k-concurrent', requestHash: 'h1' })).kind).toBe('started');
  });

  it('ID4: a released claim frees the key', async () => {
    const first = await store.claim({ callerId: 'u1', key: 'k-release', requestHash: 'h' });
    await store.release({ callerId: 'u1', key: 'k-release', token: (first as { token: string }).token });
    expect((await store.claim({ callerId: 'u1', key: 'k-release', requestHash: 'different now' })).kind).toBe('started');
  });

  it('ID6: a holder that died is taken over after its lock expires, and cannot complete afterwards', async () => {
    const dead = (await store.claim({ callerId: 'u1', key: 'k-dead', requestHash: 'h' })) as { token: string };
    expect((await store.claim({ callerId: 'u1', key: 'k-dead', requestHash: 'h' })).kind).toBe('in_progress');
    clock += 31_000;
    await expect(store.claim({ callerId: 'u1', key: 'k-dead', requestHash: 'other' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const takeover = await store.claim({ callerId: 'u1', key: 'k-dead', requestHash: 'h' });
    expect(takeover.kind).toBe('started');
    expect(await store.complete({ callerId: 'u1', key: 'k-dead', token: dead.token, response: { status: 201, body: 'late' } })).toBe(false);
  });

  it('ID7: records expire (TTL on the table; an expired record no longer binds its key)', async () => {
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
    const first = (await store.claim({ callerId: 'u1', key: 'k-old', requestHash: 'h' })) as { token: string };
    await store.complete({ callerId: 'u1', key: 'k-old', token: first.token, response: { status: 201, body: 1 } });
    clock += 3601_000;
    expect((await store.claim({ callerId: 'u1', key: 'k-old', requestHash: 'a new request' })).kind).toBe('started');
  });
});
