/**
 * The page tests answer each call once, as a page sees it after the API client has done its
 * retrying: with retries on, a mocked lost answer would be asked again (and pass) before the page
 * ever shows its error state. tests/unit/miniprogram/api-retry.test.ts turns them on to test them.
 */
import { retryPolicy } from '../../miniprogram/src/services/api-client';

retryPolicy.retries = 0;
