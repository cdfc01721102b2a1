import type { FeedCategory } from '@shared/schemas/feeds';
import { getFeedCategories, type FeedCategoryTab } from '../services/api-feeds';
import { useResource } from './use-resource';

const loadCategories = () => getFeedCategories().then((answer) => answer.items);

/**
 * The feed's categories (GET /feed-categories): the tabs, and each item's category by name. Until
 * they are in (or when they fail) the tabs show 全部 alone and rows show no category name.
 */
export function useFeedCategories(): { tabs: FeedCategoryTab[]; nameOf: (key: FeedCategory) => string } {
  const { state } = useResource('feed-categories', loadCategories);
  const tabs = state.status === 'ready' ? state.value : [];
  return { tabs, nameOf: (key) => tabs.find((tab) => tab.key === key)?.name ?? '' };
}
