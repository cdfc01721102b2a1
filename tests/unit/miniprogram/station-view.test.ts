/** @jest-environment jsdom */
import { toStationView } from '../../../miniprogram/src/services/station-view';
import { station } from './fixtures';

describe('toStationView', () => {
  it('names the station after the village and lays out its region chain', () => {
    const view = toStationView(station);
    expect(view).toMatchObject({
      code: '630202002214',
      title: '土桥村益农信息社',
      typeLabel: '标准站',
      kindLabel: '农区',
      village: '土桥村',
      officialName: '土桥村村委会',
      township: '碾伯镇',
      county: '乐都区',
      prefecture: '海东市',
      province: '青海省',
    });
  });

  it('always shows the four services in programme order; one not listed is not available', () => {
    const view = toStationView({
      ...station,
      services: [
        { key: 'training', available: true },
        { key: 'information', available: false },
      ],
    });
    expect(view.services.map((s) => [s.key, s.available, s.statusLabel])).toEqual([
      ['information', false, '暂未开通'],
      ['convenience', false, '暂未开通'],
      ['ecommerce', false, '暂未开通'],
      ['training', true, '可办理'],
    ]);
  });

  it('leaves out an official name that says nothing more and a level the chain lacks', () => {
    const view = toStationView({
      ...station,
      villageName: '马海牧委会',
      villageOfficialName: '马海牧委会',
      villageKind: 'herding',
      areaType: 'pastoral',
      regionChain: station.regionChain.filter((r) => r.level !== 'township'),
    });
    expect(view).toMatchObject({ officialName: '', township: '', kindLabel: '牧区', title: '马海牧委会益农信息社' });
  });

  it('labels the place by its area type, not by the committee’s kind: a 村委会 of 玉树市 is 牧区 (issue 11)', () => {
    const yushu = {
      ...station,
      villageName: '扎西科村',
      villageOfficialName: '扎西科村委会',
      villageKind: 'village' as const,
      areaType: 'pastoral' as const,
    };
    expect(toStationView(yushu).kindLabel).toBe('牧区');
    expect(toStationView({ ...station, areaType: 'semi_pastoral' }).kindLabel).toBe('半农半牧区');
  });
});
