import { emptyForm, formOf, requestOf, validateForm } from '../../../miniprogram/src/hooks/use-feed-editor';

describe('the write page’s form', () => {
  const today = '2026-11-30';
  const filled = { ...emptyForm('630202'), title: ' 暴雪预警 ', body: '请加固畜棚。', category: 'weather_alert' as const };

  it('names each missing or wrong field', () => {
    expect(Object.keys(validateForm(emptyForm('630202'), today)).sort()).toEqual(['body', 'title']);
    expect(validateForm({ ...filled, title: '字'.repeat(81) }, today).title).toMatch(/最多 80 个字，现在 81 个/);
    expect(validateForm({ ...filled, expiry: '2026-11-29' }, today).expiry).toBeDefined();
    expect(validateForm({ ...filled, expiry: '30/11/2026' }, today).expiry).toBeDefined();
    expect(validateForm({ ...filled, boTitle: 'ཁ་བརྡ།' }, today).boTitle).toMatch(/一起填/);
    expect(validateForm({ ...filled, expiry: today }, today)).toEqual({});
  });

  it('sends Chinese as the original, the Tibetan version when complete, the expiry as the end of that day in China', () => {
    expect(requestOf({ ...filled, expiry: '2026-12-31', boTitle: 'ཁ་བརྡ།', boBody: 'ལུས།', areaTypes: ['pastoral'] }, ['up1'])).toEqual({
      title: '暴雪预警',
      body: '请加固畜棚。',
      category: 'weather_alert',
      regionCode: '630202',
      lang: 'zh',
      areaTypes: ['pastoral'],
      urgent: false,
      requiresAck: false,
      expiresAt: '2026-12-31T23:59:59+08:00',
      translations: { bo: { title: 'ཁ་བརྡ།', body: 'ལུས།' } },
      images: ['up1'],
    });
  });

  it('reads a stored item back into the form (its expiry’s day in China time)', () => {
    const form = formOf({
      title: '暴雪预警',
      body: '请加固畜棚。',
      translations: { zh: { title: '暴雪预警', body: '请加固畜棚。' }, bo: { title: 'ཁ་བརྡ།', body: 'ལུས།' } },
      category: 'weather_alert',
      regionCode: '630202001',
      areaTypes: null,
      urgent: true,
      requiresAck: true,
      expiresAt: '2026-12-31T15:59:59.000Z',
    } as never);
    expect(form).toMatchObject({ regionCode: '630202001', areaTypes: [], expiry: '2026-12-31', boTitle: 'ཁ་བརྡ།', urgent: true });
  });
});
