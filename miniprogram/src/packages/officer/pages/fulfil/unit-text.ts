import { t } from '../../../../i18n/staff';

const UNITS = ['jin', 'zhi', 'tou', 'xiang', 'dai'] as const;

/** A listing unit's name (斤, 只, 头, 箱, 袋); an unknown one as stored. */
export const unitText = (unit: string) => ((UNITS as readonly string[]).includes(unit) ? t(`fulfil.unit.${unit as (typeof UNITS)[number]}`) : unit);
