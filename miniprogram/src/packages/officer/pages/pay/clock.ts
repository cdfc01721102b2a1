import { formatChinaTime } from '../../../../services/format';

/** "HH:MM" (China time) of an ISO time. */
export const clockOf = (iso: string) => formatChinaTime(iso).slice(11);
