/**
 * Where index.html's early station request is left for the page (config/h5-boot.ts writes it,
 * services/station-prefetch.ts takes it). Its own module, free of Taro, so the build config can
 * import it too.
 */
export const STATION_PREFETCH_GLOBAL = '__yinongStationPrefetch';
