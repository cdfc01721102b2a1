/**
 * `t` for the alert subscription prompt: the main catalogue plus its own strings. The feed pages
 * that place the prompt import it from here; the main package never does, so the strings ship with them.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { notifyMessages } from './messages/zh-CN.notify';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...notifyMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
export const t = withMessages(extra, { bo: boSharedMessages });
