/** What a list asks for: at most `limit` items, after the place `cursor` (from the previous page) points to. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** One page of a list; `nextCursor` is opaque (signed by the data layer) and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
