/**
 * `t` for the publish subpackage: the main catalogue plus its own strings. Import from here, not
 * from './index', in modules that use them; the main package never imports this file, so the strings
 * ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { publishMessages } from './messages/zh-CN.publish';

export * from './index';

const extra = publishMessages;
export type MessageKey = MainMessageKey | keyof typeof extra;
export const t = withMessages(extra);
