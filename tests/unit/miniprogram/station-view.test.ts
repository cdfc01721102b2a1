/** @jest-environment jsdom */
import { toStationDetailsView } from '../../../miniprogram/src/services/station-details-view';
import { toStationView } from '../../../miniprogram/src/services/station-view';
import { station } from './fixtures';

describe('toStationView', () => {
  it('names the station after the village, with its type and area type', () => {
    expect(toStationView(station)).toMatchObject({ code: '630202002214', title: '土桥村益农信息社', typeLabel: '标准站', kindLabel: '农区' });
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

describe('toStationDetailsView (packages/station)', () => {
  it('lays out the region chain, hours, capabilities, contact and coordinates', () => {
    const details = toStationDetailsView({ ...station, location: { lat: 36.502524, lng: 102.389716 }, officerName: '土桥村信息员' });
    expect(details).toMatchObject({
      village: '土桥村',
      officialName: '土桥村村委会',
      township: '碾伯镇',
      county: '乐都区',
      prefecture: '海东市',
      province: '青海省',
      officerName: '土桥村信息员',
      coordinates: '北纬 36.50252°，东经 102.38972°',
    });
    expect(details.hours).toEqual(['周一至周六 09:00–18:00']);
    expect(details.capabilities.map((capability) => capability.key)).toEqual([
      'billPayment',
      'cashWithdrawal',
      'parcelPickup',
      'produceSelling',
      'training',
    ]);
  });

  it('leaves out an official name that says nothing more and a level the chain lacks', () => {
    const details = toStationDetailsView({
      ...station,
      villageName: '马海牧委会',
      villageOfficialName: '马海牧委会',
      villageKind: 'herding',
      areaType: 'pastoral',
      regionChain: station.regionChain.filter((r) => r.level !== 'township'),
    });
    expect(details).toMatchObject({ officialName: '', township: '', village: '马海牧委会' });
    expect(toStationView({ ...station, villageName: '马海牧委会', areaType: 'pastoral' })).toMatchObject({
      kindLabel: '牧区',
      title: '马海牧委会益农信息社',
    });
  });
});
