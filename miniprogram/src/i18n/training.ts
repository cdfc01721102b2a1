/**
 * `t` for the training subpackage: the main catalogue, the strings subpackages share and its own. The
 * main package never imports this file, so the strings ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { trainingMessages } from './messages/zh-CN.training';
import { boTrainingMessages } from './messages/bo.training';
import { queueMessages } from './messages/zh-CN.queue';
import { boQueueMessages } from './messages/bo.queue';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...trainingMessages, ...queueMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boTrainingMessages, ...boQueueMessages };
export const t = withMessages(extra, { bo });
