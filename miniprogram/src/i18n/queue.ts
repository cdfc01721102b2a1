/**
 * `t` for the officer's offline queue panel (components/officer-queue-panel), shown by the officer's and
 * the training subpackage's pages: the main catalogue, the strings subpackages share and the queue's own.
 * The main package never imports this file.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { queueMessages } from './messages/zh-CN.queue';
import { boQueueMessages } from './messages/bo.queue';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...queueMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
export const t = withMessages(extra, { bo: { ...boSharedMessages, ...boQueueMessages } });
