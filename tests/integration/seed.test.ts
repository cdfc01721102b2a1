import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seedQinghai } from '../../scripts/lib/seed';
import { regionKeys } from '../../functions/data/keys';
import { useFreshTable } from '../harness/fresh-table';

describe('seeding', () => {
  it('writes every region and station once, and a second run writes nothing and keeps edits', async () => {
    const { doc, tableName } = await useFreshTable('seed');
    const first = await seedQinghai(doc, tableName);
    expect(first).toMatchObject({ regions: 5192, stations: 4129, written: 9321, alreadyPresent: 0 });

    // Count what is stored: the 8 prefectures under Qinghai, and Qinghai's own counters.
    const prefectures = await doc.send(
      new QueryCommand({ TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': regionKeys.childrenOf('63').GSI1PK } }),
    );
    expect(prefectures.Count).toBe(8);

    // An edit made after seeding survives the next seed.
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...regionKeys.item('6327'), code: '6327', name: 'edited', level: 'prefecture' } }));
    const second = await seedQinghai(doc, tableName);
    expect(second).toMatchObject({ written: 0, alreadyPresent: 9321 });
    const edited = await doc.send(new GetCommand({ TableName: tableName, Key: regionKeys.item('6327') }));
    expect(edited.Item?.name).toBe('edited');
  });
});

describe('seeding a table created a moment ago', () => {
  it('batch-writes the same items as the conditional path', async () => {
    const { doc, tableName } = await useFreshTable('seednew');
    const report = await seedQinghai(doc, tableName, { tableIsNew: true });
    expect(report).toMatchObject({ written: 9321, alreadyPresent: 0 });
    const again = await seedQinghai(doc, tableName);
    expect(again).toMatchObject({ written: 0, alreadyPresent: 9321 });
  });
});
