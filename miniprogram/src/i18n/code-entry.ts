/**
 * `t` for the H5 home page's typed station code (pages/index/code-entry.tsx, hooks/use-code-entry.ts): the
 * strings any subpackage shares (its text field's limits) and its own. The weapp build never imports it.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boCodeEntryMessages } from './messages/bo.code-entry';
import { codeEntryMessages } from './messages/zh-CN.code-entry';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...codeEntryMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boCodeEntryMessages };
export const t = withMessages(extra, { bo });
