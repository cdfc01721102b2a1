/**
 * `t` for a station's details (packages/station) and the modules it shares with the staff pages
 * (opening hours, coordinates): the main catalogue plus the station catalogue. Import from here, not
 * from './index', in modules that use them; the main package never imports this file, so the strings
 * ship with the subpackages.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { boStationMessages } from './messages/bo.station';
import { stationMessages } from './messages/zh-CN.station';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...stationMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boStationMessages };
export const t = withMessages(extra, { bo });
