/** Roles of the contract. A user has exactly one; officers belong to one station, admins to a region. */
export const ROLES = ['villager', 'buyer', 'officer', 'county_admin', 'prefecture_admin', 'province_admin', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES = ['county_admin', 'prefecture_admin', 'province_admin'] as const satisfies readonly Role[];
