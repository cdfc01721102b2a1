import { KEY_ATTRIBUTES } from './keys';

/** Drops key and bookkeeping attributes so an item can become a domain object. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}
