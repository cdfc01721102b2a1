/** @jest-environment jsdom */
/**
 * Ask an expert's pages (issue 12) with stubbed Taro components, through the real API client
 * (Taro.request answered by route): search and 我的提问, the ask form (villager and officer), a
 * question for its asker and for an expert (claim, 409, answer), and the expert's inbox.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PublicQuestion, QuestionView } from '../../../shared/schemas/questions';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import AskHomePage from '../../../miniprogram/src/packages/ask/pages/index/index';
import AskFormPage from '../../../miniprogram/src/packages/ask/pages/ask/index';
import QuestionPage from '../../../miniprogram/src/packages/ask/pages/question/index';
import InboxPage from '../../../miniprogram/src/packages/ask/pages/inbox/index';
import StationPage from '../../../miniprogram/src/pages/station/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, loginAnswer, officerMe, station, villagerMe } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const expertMe = { user: { id: 'uexpert00001', role: 'expert' as const, regionCode: '630202', expertField: 'crops' as const, name: '乐都农技专家' } };
const photo = (n: number) => ({
  id: `up${n}`,
  url: `https://img.example/${n}.jpg`,
  thumbnailUrl: `https://img.example/${n}-t.jpg`,
  width: 640,
  height: 480,
});

function question(id: string, fields: Partial<QuestionView> = {}): QuestionView {
  return {
    id,
    field: 'crops',
    text: `青稞叶子发黄${id}`,
    photos: [],
    place: { countyCode: '630202', countyName: '乐都区' },
    consent: true,
    state: 'waiting',
    reach: 'county',
    escalations: [],
    claim: null,
    answer: null,
    yours: false,
    askedAt: '2026-11-28T02:00:00.000Z',
    ...fields,
  };
}

const published: PublicQuestion = {
  id: 'q1',
  field: 'crops',
  text: '青稞叶子上有黄色条纹，怎么办？',
  photos: [],
  place: { countyName: '乐都区' },
  answer: { text: '这是条锈病，用三唑酮喷雾，七天一次。', photos: [], answeredAt: '2026-11-29T02:00:00.000Z' },
  askedAt: '2026-11-28T02:00:00.000Z',
};

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('问专家', () => {
  it('signed out: typing leads to sign-in (nothing sent) and 我要提问 signs in and comes back to the form', async () => {
    const request = routes({});
    render(<AskHomePage />);
    expect(exists('ask-mine')).toBe(false);
    type('ask-search-input', 'qingke');
    await waitFor(() => byId('ask-search-sign-in'));
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('ask-button'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent('/packages/ask/pages/ask/index')}`,
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('signed in: searches once typing pauses (results with the answer, field and county) and lists 我的提问 with their states', async () => {
    saveSession(loginAnswer());
    const searches: string[] = [];
    routes({
      'GET /questions/search': (options) => {
        searches.push(options.url);
        return ok({ items: options.url.includes('q=qingke') ? [published] : [], nextCursor: null });
      },
      'GET /me/questions': ok({
        items: [
          question('m1', { yours: true }),
          question('m2', { yours: true, state: 'claimed', claim: { byYou: false, until: '2026-11-29T02:00:00.000Z' } }),
          question('m3', {
            yours: true,
            state: 'answered',
            answer: { text: '浇水', photos: [], answeredAt: '2026-11-29T02:00:00.000Z', byYou: false },
          }),
        ],
        nextCursor: null,
      }),
    });
    render(<AskHomePage />);
    await waitFor(() => byId('ask-mine-m1'));
    expect(byId('ask-mine-m1-state').textContent).toBe('待领取');
    expect(byId('ask-mine-m2-state').textContent).toBe('专家解答中');
    expect(byId('ask-mine-m3-state').textContent).toBe('已解答');

    type('ask-search-input', 'q');
    type('ask-search-input', 'qing');
    type('ask-search-input', 'qingke');
    await waitFor(() => byId('ask-result-q1'));
    // One request for the settled text, none for the keys typed on the way.
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain('q=qingke');
    const row = byId('ask-result-q1').textContent!;
    expect(row).toContain('青稞叶子上有黄色条纹');
    expect(row).toContain('专家回答：这是条锈病');
    expect(row).toContain('种植');
    expect(row).toContain('乐都区');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('ask-result-q1'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/ask/pages/question/index?id=q1' });

    type('ask-search-input', '没有的');
    await waitFor(() => byId('ask-search-empty'));
  });

  it('says when 我的提问 cannot load, and retries', async () => {
    saveSession(loginAnswer());
    let fail = true;
    routes({
      'GET /me/questions': () => (fail ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } : ok({ items: [], nextCursor: null })),
    });
    render(<AskHomePage />);
    await waitFor(() => byId('ask-mine-error'));
    fail = false;
    await act(async () => fireEvent.click(button('ask-mine-retry')));
    await waitFor(() => byId('ask-mine-empty'));
  });
});

describe('我要提问', () => {
  it('a villager: says what is missing (nothing sent), then asks with the field, text and consent and opens the question', async () => {
    saveSession(loginAnswer());
    const posts: RequestOptions[] = [];
    routes({
      'GET /me': ok(villagerMe),
      'POST /questions': (options) => {
        posts.push(options);
        return { statusCode: 201, data: question('qnew', { yours: true }) };
      },
    });
    render(<AskFormPage />);
    await waitFor(() => byId('ask-submit'));
    expect(exists('ask-households')).toBe(false);
    await act(async () => fireEvent.click(button('ask-submit')));
    expect(byId('ask-error').textContent).toContain('有几处需要修改');
    expect(byId('ask-field-error').textContent).toBe('请选择问哪方面的专家。');
    expect(byId('ask-text-error').textContent).toBe('请把问题写清楚，至少 2 个字。');
    expect(posts).toHaveLength(0);

    fireEvent.click(byId('ask-field-veterinary'));
    type('ask-text', '  羊不吃草，流鼻涕  ');
    fireEvent.click(byId('ask-consent'));
    expect(byId('ask-consent').textContent).toContain('✓');
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    await act(async () => fireEvent.click(button('ask-submit')));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/ask/pages/question/index?id=qnew' }));
    expect(posts[0].data).toEqual({ field: 'veterinary', text: '羊不吃草，流鼻涕', consent: true });
  });

  it('a villager without a place is told to choose a station; leaving with text typed asks first', async () => {
    saveSession(loginAnswer());
    routes({
      'GET /me': ok(villagerMe),
      'POST /questions': { statusCode: 404, data: errorBody('NOT_FOUND', 'Home station (choose your station first) not found') },
    });
    render(<AskFormPage />);
    await waitFor(() => byId('ask-submit'));
    fireEvent.click(byId('ask-field-crops'));
    type('ask-text', '青稞黄叶');
    await act(async () => fireEvent.click(button('ask-submit')));
    await waitFor(() => expect(byId('ask-error').textContent).toContain('请先在“我的”里选择服务站'));

    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true } as never);
    const back = jest.spyOn(Taro, 'navigateBack');
    await act(async () => fireEvent.click(byId('ask-leave')));
    expect(modal).toHaveBeenCalledWith({ title: '离开提问页', content: '写的问题还没提交，确定离开吗？' });
    expect(back).not.toHaveBeenCalled();
  });

  it('an officer picks a household of their station, without one the form refuses', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: officerMe.station!.id }));
    const posts: RequestOptions[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${officerMe.station!.id}/households`]: ok({
        items: [
          { id: 'hh1', headName: '张三' },
          { id: 'hh2', headName: '李四' },
        ],
        nextCursor: null,
      }),
      'POST /questions': (options) => {
        posts.push(options);
        return { statusCode: 201, data: question('qoff', { yours: true }) };
      },
    });
    render(<AskFormPage />);
    await waitFor(() => byId('ask-household-hh2'));
    fireEvent.click(byId('ask-field-livestock'));
    type('ask-text', '牦牛拉稀三天了');
    await act(async () => fireEvent.click(button('ask-submit')));
    expect(byId('ask-household-error').textContent).toBe('请选择替哪一户提问。');
    expect(posts).toHaveLength(0);
    fireEvent.click(byId('ask-household-hh2'));
    await act(async () => fireEvent.click(button('ask-submit')));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].data).toEqual({ field: 'livestock', text: '牦牛拉稀三天了', consent: false, householdId: 'hh2' });
  });

  it('signed out: 去登录 and back here', async () => {
    routes({});
    render(<AskFormPage />);
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('ask-form-sign-in-button'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent('/packages/ask/pages/ask/index')}`,
    });
  });
});

describe('a question', () => {
  it('its asker sees the photos (a tap previews them), the state and that the answer will come', async () => {
    saveSession(loginAnswer());
    routes({
      'GET /questions/qa': ok(question('qa', { yours: true, photos: [photo(1), photo(2)] })),
      'GET /me/subscriptions': ok({ located: true, items: [] }),
    });
    setRouterParams({ id: 'qa' });
    render(<QuestionPage />);
    await waitFor(() => byId('question-text'));
    expect(byId('question-state').textContent).toBe('待领取');
    expect(byId('question-meta').textContent).toContain('乐都区');
    expect(exists('question-waiting')).toBe(true);
    expect(exists('question-claim-button')).toBe(false);
    const preview = jest.spyOn(Taro, 'previewImage');
    fireEvent.click(byId('question-photos-1'));
    expect(preview).toHaveBeenCalledWith({ current: 'https://img.example/2.jpg', urls: ['https://img.example/1.jpg', 'https://img.example/2.jpg'] });
  });

  it('its asker is offered the answer message (the answer template, not the alert one)', async () => {
    // The local H5 build simulates WeChat's dialog (services/subscriptions.ts).
    process.env.TARO_APP_DEV_LOGIN = '1';
    saveSession(loginAnswer());
    routes({
      'GET /questions/qa': ok(question('qa', { yours: true })),
      'GET /me/subscriptions': ok({
        located: true,
        items: [
          { kind: 'alert', templateId: 'tmpl-alert', remaining: 3, cap: 10 },
          { kind: 'answer', templateId: 'tmpl-answer', remaining: 0, cap: 10 },
        ],
      }),
    });
    setRouterParams({ id: 'qa' });
    render(<QuestionPage />);
    await waitFor(() => byId('question-subscribe'));
    expect(byId('question-subscribe').textContent).toContain('回答提醒');
    expect(byId('question-subscribe').textContent).toContain('现在不会收到提醒');
    expect(byId('question-subscribe-button').textContent).toContain('专家回答时提醒我');
    delete process.env.TARO_APP_DEV_LOGIN;
  });

  it('an expert claims it; when another expert was first, the page says so', async () => {
    saveSession(loginAnswer({ role: 'expert', regionCode: '630202' }));
    let first = true;
    routes({
      'GET /questions/qb': () =>
        ok(first ? question('qb') : question('qb', { state: 'claimed', claim: { byYou: false, until: '2026-11-29T02:00:00.000Z' } })),
      'POST /questions/qb/claim': () => {
        first = false;
        return { statusCode: 409, data: errorBody('CONFLICT') };
      },
    });
    setRouterParams({ id: 'qb' });
    render(<QuestionPage />);
    await waitFor(() => button('question-claim-button'));
    await act(async () => fireEvent.click(button('question-claim-button')));
    await waitFor(() => byId('question-claim-taken'));
    expect(byId('question-claim-taken').textContent).toBe('这个问题已被另一位专家领取。');
    await waitFor(() => expect(byId('question-state').textContent).toBe('专家解答中'));
    expect(exists('question-claim-button')).toBe(false);
    expect(exists('question-answer-form')).toBe(false);
  });

  it('the claimer answers (too short is refused first) and the answer shows', async () => {
    saveSession(loginAnswer({ role: 'expert', regionCode: '630202' }));
    const claimed = question('qc', { state: 'claimed', claim: { byYou: true, until: '2026-11-29T02:00:00.000Z' } });
    const answers: RequestOptions[] = [];
    routes({
      'GET /questions/qc': ok(question('qc')),
      'POST /questions/qc/claim': ok(claimed),
      'POST /questions/qc/answer': (options) => {
        answers.push(options);
        return ok({
          ...claimed,
          state: 'answered',
          claim: null,
          answer: { text: '喷三唑酮。', photos: [], answeredAt: '2026-11-28T05:00:00.000Z', byYou: true },
        });
      },
    });
    setRouterParams({ id: 'qc' });
    render(<QuestionPage />);
    await waitFor(() => button('question-claim-button'));
    await act(async () => fireEvent.click(button('question-claim-button')));
    await waitFor(() => byId('question-answer-form'));
    expect(byId('question-state').textContent).toBe('专家解答中');
    type('question-answer-text', '喷');
    await act(async () => fireEvent.click(button('question-answer-submit')));
    expect(byId('question-answer-error').textContent).toBe('回答至少 2 个字。');
    expect(answers).toHaveLength(0);
    type('question-answer-text', '喷三唑酮。');
    await act(async () => fireEvent.click(button('question-answer-submit')));
    await waitFor(() => byId('question-answer-body'));
    expect(byId('question-answer-body').textContent).toBe('喷三唑酮。');
    expect(byId('question-state').textContent).toBe('已解答');
    expect(byId('question-answered').textContent).toContain('提问的人会收到通知');
    expect(answers[0].data).toEqual({ text: '喷三唑酮。' });
  });

  it('one the reader may not see reads as not found', async () => {
    saveSession(loginAnswer());
    routes({});
    setRouterParams({ id: 'qhidden' });
    render(<QuestionPage />);
    await waitFor(() => byId('question-gone'));
  });
});

describe('the expert inbox', () => {
  it('lists the questions as the server orders them, paged, and opens one', async () => {
    saveSession(loginAnswer({ role: 'expert', regionCode: '630202' }));
    routes({
      'GET /me': ok(expertMe),
      'GET /questions/inbox': ok({ items: [question('i1'), question('i2', { reach: 'prefecture' })], nextCursor: 'n2' }),
      'GET /questions/inbox?cursor=n2': ok({ items: [question('i3')], nextCursor: null }),
    });
    render(<InboxPage />);
    await waitFor(() => byId('inbox-i1'));
    expect(byId('inbox-i1-state').textContent).toBe('待领取');
    await act(async () => fireEvent.click(button('inbox-more')));
    await waitFor(() => byId('inbox-i3'));
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('inbox-i2'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/ask/pages/question/index?id=i2' });
  });

  it('is for experts only', async () => {
    saveSession(loginAnswer());
    routes({ 'GET /me': ok(villagerMe) });
    render(<InboxPage />);
    await waitFor(() => byId('role-gate-denied'));
    expect(byId('role-gate-denied').textContent).toContain('只有专家能领取和回答问题');
  });
});

describe('the station page', () => {
  it('links to 问专家 under its services', async () => {
    routes({ [`GET /stations/by-code/${station.code}`]: ok(station) });
    setRouterParams({ scene: station.code });
    render(<StationPage />);
    await waitFor(() => byId('station-ask-link'));
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('station-ask-link'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/ask/pages/index/index' });
  });
});
