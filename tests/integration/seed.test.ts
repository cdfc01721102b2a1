import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seedQinghai } from '../../scripts/lib/seed';
import { regionKeys, stationKeys } from '../../functions/data/keys';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';

describe('seeding', () => {
  it('writes every region and station once; a re-run writes only what is missing and keeps edits', async () => {
    const { doc, tableName } = await useFreshTable('seed');
    const first = await seedQinghai(doc, tableName, { tableIsNew: true });
    expect(first).toMatchObject({ regions: 5192, stations: 4129, alreadyPresent: 0 });
    expect(first.written).toBe(first.items);
    // Counted in the table: every station and region, and the 8 prefectures under Qinghai.
    expect(await countEntities(doc, tableName, 'Station')).toBe(4129);
    expect(await countEntities(doc, tableName, 'Region')).toBe(5192);
    const prefectures = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': regionKeys.childrenOf('63').GSI1PK },
      }),
    );
    expect(prefectures.Count).toBe(8);

    // An edit made after seeding survives the next seed; a deleted station comes back.
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...regionKeys.item('6327'), code: '6327', name: 'edited', level: 'prefecture' } }));
    const tuqiao = stationIdForVillage('630202002214');
    await doc.send(new DeleteCommand({ TableName: tableName, Key: stationKeys.item(tuqiao) }));
    const second = await seedQinghai(doc, tableName);
    expect(second).toMatchObject({ written: 1, alreadyPresent: first.items - 1 });
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: regionKeys.item('6327') }))).Item?.name).toBe('edited');
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: stationKeys.item(tuqiao) }))).Item?.villageName).toBe('土桥村');
    expect(await countEntities(doc, tableName, 'Station')).toBe(4129);
  });
});
