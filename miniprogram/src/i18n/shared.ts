/**
 * `t` for code any subpackage uses (lists, distances, the not-found page): the main catalogue plus the
 * strings the subpackages share (messages/zh-CN.shared.ts). The main package never imports this file.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

export type MessageKey = MainMessageKey | keyof typeof sharedMessages;
export const t = withMessages(sharedMessages, { bo: boSharedMessages });
