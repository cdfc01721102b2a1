import { createHttpHandler } from '../http/pipeline';

/** API Gateway's catch-all route: whatever reaches it is an unknown route, answered in the error shape. */
export const handler = createHttpHandler('fallback', {});
