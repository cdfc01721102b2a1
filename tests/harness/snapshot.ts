import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Every item of the table as sorted JSON lines (tests only: requests never Scan), so two snapshots
 * compare equal exactly when nothing was written. `keep` narrows it to the items a test is about.
 */
export async function snapshotTable(doc: DynamoDBDocumentClient, tableName: string, keep: (item: Record<string, unknown>) => boolean = () => true) {
  const items: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []).filter(keep).map(canonicalJson));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort();
}

/** JSON with the keys of every object sorted, at every depth (a key order change is not a write). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Set) return canonicalJson([...value].sort());
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
