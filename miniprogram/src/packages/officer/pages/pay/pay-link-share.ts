/**
 * The pay link the officer just made, for the page's share sheet (weapp: useShareAppMessage in the
 * page reads it; the share button only opens the sheet). One page, one link at a time.
 */
let current: { path: string; title: string } | null = null;

export const setSharedPayLink = (link: typeof current) => {
  current = link;
};
export const sharedPayLink = () => current;
