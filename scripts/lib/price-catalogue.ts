/**
 * The starting list of market-price products and markets (local stage and tests; admins keep it
 * from then on through the API). Written only where missing, so admins' renames and retirements survive
 * a restart. Ids are readable and stable; products and markets added later get generated ids.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marketItem, productItem } from '../../functions/data/prices-repository';
import type { MarketRecord, ProductRecord } from '../../functions/domain/prices/price';
import type { PriceUnit } from '../../shared';

export const SEED_PRODUCTS: Array<{ id: string; name: string; unit: PriceUnit }> = [
  { id: 'yak-head', name: '牦牛（活畜）', unit: 'head' },
  { id: 'yak-jin', name: '牦牛肉', unit: 'jin' },
  { id: 'sheep-head', name: '藏羊（活畜）', unit: 'head' },
  { id: 'sheep-jin', name: '藏羊肉', unit: 'jin' },
  { id: 'barley', name: '青稞', unit: 'jin' },
  { id: 'rapeseed', name: '油菜籽', unit: 'jin' },
  { id: 'wolfberry', name: '枸杞（干果）', unit: 'jin' },
  { id: 'juema', name: '蕨麻', unit: 'jin' },
  { id: 'potato', name: '马铃薯', unit: 'jin' },
];

/** Markets at named places, each in its township (or county) by national division code. */
export const SEED_MARKETS: Array<{ id: string; name: string; regionCode: string }> = [
  { id: 'jiegu', name: '结古（玉树市）', regionCode: '632701001' },
  { id: 'qiabuqia', name: '恰卜恰（共和县）', regionCode: '632521100' },
  { id: 'dawu', name: '大武（玛沁县）', regionCode: '632621100' },
  { id: 'xining', name: '西宁（城东区）', regionCode: '630102' },
  { id: 'ledu', name: '乐都（碾伯）', regionCode: '630202001' },
  { id: 'delingha', name: '德令哈', regionCode: '632802' },
  { id: 'dulan', name: '都兰（察汉乌苏）', regionCode: '632822100' },
];

const SEEDED_BY = { byUserId: 'seed', byRole: 'seed' };

export async function seedPriceCatalogue(doc: DynamoDBDocumentClient, tableName: string, at = new Date().toISOString()): Promise<number> {
  const created = (name: string) => [{ action: 'created' as const, name, at, ...SEEDED_BY }];
  const items = [
    ...SEED_PRODUCTS.map((p) => productItem({ ...p, active: true, history: created(p.name), createdAt: at, updatedAt: at } satisfies ProductRecord)),
    ...SEED_MARKETS.map((m) => marketItem({ ...m, active: true, history: created(m.name), createdAt: at, updatedAt: at } satisfies MarketRecord)),
  ];
  let written = 0;
  for (const Item of items) {
    try {
      await doc.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
      written += 1;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return written;
}
