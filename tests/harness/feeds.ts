import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { INDEX, regionKeys } from '../../functions/data/keys';
import { db } from '../../functions/data/client';
import { handlers } from './handlers';
import { invoke } from './invoke';
import { createUser } from './users';

/** Copies a seeded region, its ancestors and (optionally) its children into a fresh table: feeds read a place's chain from them. */
export async function copyRegionChain(doc: DynamoDBDocumentClient, toTable: string, code: string, withChildren = false) {
  const seeded = process.env.TEST_SEEDED_TABLE!;
  const codes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  for (const c of codes) {
    const { Item } = await doc.send(new GetCommand({ TableName: seeded, Key: regionKeys.item(c) }));
    if (!Item) throw new Error(`No seeded region ${c}`);
    await doc.send(new PutCommand({ TableName: toTable, Item }));
  }
  if (withChildren) {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: seeded,
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': regionKeys.childrenOf(code).GSI1PK },
      }),
    );
    for (const item of Items) await doc.send(new PutCommand({ TableName: toTable, Item: item }));
  }
}

/** An expert of a region, as an admin's appointment leaves them. */
export const expertOf = (doc: DynamoDBDocumentClient, table: string, regionCode: string) => createUser(doc, table, { role: 'expert', regionCode });

type Auth = { auth: Record<string, string> };

/** A valid item body for `regionCode`. */
export const feedBody = (regionCode: string, extra: Record<string, unknown> = {}) => ({
  title: '暴雪预警',
  body: '未来三天有暴雪，请加固畜棚。\n储备草料。',
  category: 'weather_alert',
  regionCode,
  lang: 'zh',
  ...extra,
});

/** Writes an item as `author` and takes it as far as `until` (reviewed by `reviewer`); returns its id. */
export async function feedIn(
  until: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'RETRACTED',
  author: Auth,
  reviewer: Auth,
  body: Record<string, unknown>,
): Promise<string> {
  const created = await invoke(handlers.feeds, { method: 'POST', path: '/feeds', headers: author.auth, body });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.raw}`);
  const id = created.json.id as string;
  const step = async (path: string, who: Auth, stepBody?: unknown) => {
    const res = await invoke(handlers.feeds, { method: 'POST', path: `/feeds/${id}/${path}`, headers: who.auth, body: stepBody });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.raw}`);
  };
  if (until === 'DRAFT') return id;
  await step('submit', author);
  if (until === 'REJECTED') await step('reject', reviewer, { reason: '请补充防寒措施' });
  if (until === 'PUBLISHED' || until === 'RETRACTED') await step('publish', reviewer);
  if (until === 'RETRACTED') await step('retract', reviewer, { reason: '预警解除' });
  return id;
}

/** Counts the Queries (and every command) the DynamoDB client sends while `work` runs. */
export async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number; commands: string[] }> {
  const name = `countQueries-${Math.random()}`;
  const commands: string[] = [];
  db().middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    const result = await work();
    return { result, queries: commands.filter((c) => c === 'QueryCommand').length, commands };
  } finally {
    db().middlewareStack.remove(name);
  }
}
