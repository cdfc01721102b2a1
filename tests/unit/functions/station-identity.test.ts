import { shortVillageName, stationCodeForVillage, stationIdForVillage, villageKindOf } from '../../../functions/domain/stations/station-identity';

describe('station identity', () => {
  it('derives the same code and id from the same village, every time', () => {
    expect(stationCodeForVillage('630202002214')).toBe('630202002214');
    expect(stationIdForVillage('630202002214')).toBe(stationIdForVillage('630202002214'));
    expect(stationIdForVillage('630202002214')).not.toBe(stationIdForVillage('630202002215'));
    expect(stationIdForVillage('630202002214')).toMatch(/^st[0-9a-f]{20}$/);
  });

  it('gives stations to villages and herding committees, not to urban communities', () => {
    expect(villageKindOf('土桥村委会')).toBe('village');
    expect(villageKindOf('团结村民委员会')).toBe('village');
    expect(villageKindOf('马海牧委会')).toBe('herding');
    expect(villageKindOf('某某牧民委员会')).toBe('herding');
    expect(villageKindOf('北关社区居民委员会')).toBeNull();
    expect(villageKindOf('夏都花园社区居委会')).toBeNull();
  });

  it('names villages the way villagers do', () => {
    expect(shortVillageName('土桥村委会')).toBe('土桥村');
    expect(shortVillageName('水磨村村委会')).toBe('水磨村');
    expect(shortVillageName('团结村民委员会')).toBe('团结村');
    expect(shortVillageName('马海牧委会')).toBe('马海牧委会');
  });
});
