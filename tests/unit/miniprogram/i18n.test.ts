/** @jest-environment jsdom */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ERROR_CODES } from '../../../shared/errors';
import { ROLES } from '../../../shared/roles';
import { SERVICE_KEYS, STATION_TYPES } from '../../../shared/schemas/stations';
import { AREA_TYPES } from '../../../shared/schemas/regions';
import { errorText, t } from '../../../miniprogram/src/i18n';
import { t as findT } from '../../../miniprogram/src/i18n/find';
import { t as publishT } from '../../../miniprogram/src/i18n/publish';
import { t as staffT } from '../../../miniprogram/src/i18n/staff';
import { errors as mainErrors, messages } from '../../../miniprogram/src/i18n/messages/zh-CN';
import { subpackageErrors } from '../../../miniprogram/src/i18n/messages/zh-CN.errors';
import { t as feedT } from '../../../miniprogram/src/i18n/feed';
import { feedMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.feed';
import { marketMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.market';
import { paylinkMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.paylink';
import { trainingMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.training';
import { t as trainingT } from '../../../miniprogram/src/i18n/training';
import { t as pricesT } from '../../../miniprogram/src/i18n/prices';
import { pricesMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.prices';
import { askMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.ask';
import { t as askT } from '../../../miniprogram/src/i18n/ask';
import { t as paylinkT } from '../../../miniprogram/src/i18n/paylink';
import { findMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.find';
import { meMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.me';
import { publishMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.publish';
import { receiptMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.receipt';
import { staffMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.staff';
import { stationMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.station';
import { sharedMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.shared';
import { codeEntryMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.code-entry';
import { t as stationT } from '../../../miniprogram/src/i18n/station';

// The main pages' error texts and the subpackages' (added by every subpackage's i18n entry, imported above).
const errors = { ...mainErrors, ...subpackageErrors };

describe('i18n catalogue (zh-CN)', () => {
  it('has its own text for every error code of shared/errors.ts and the client-only ones', () => {
    const codes = [...ERROR_CODES, 'NETWORK_ERROR', 'WECHAT_LOGIN_FAILED'];
    for (const code of codes) {
      expect(Object.prototype.hasOwnProperty.call(errors, code)).toBe(true);
      expect(errorText(code).trim()).not.toBe('');
      expect(errorText(code)).not.toBe(errors.UNKNOWN);
    }
    // No text is shared by two codes: each tells the user something different.
    const texts = codes.map((code) => errorText(code));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('falls back to the generic text for a code this build does not know', () => {
    expect(errorText('SOMETHING_NEW')).toBe(errors.UNKNOWN);
    expect(errorText('toString')).toBe(errors.UNKNOWN);
  });

  it('has labels for every station type, area type and service', () => {
    for (const type of STATION_TYPES) expect(t(`station.type.${type}`)).not.toBe('');
    for (const areaType of AREA_TYPES) expect(t(`station.areaType.${areaType}`)).not.toBe('');
    for (const key of SERVICE_KEYS) {
      expect(t(`service.${key}.name`)).not.toBe('');
      expect(t(`service.${key}.desc`)).not.toBe('');
    }
    expect([...SERVICE_KEYS].map((key) => t(`service.${key}.name`))).toEqual(['公益服务', '便民服务', '电子商务', '培训体验']);
  });

  it('names every role of shared/roles.ts, each differently', () => {
    const names = ROLES.map((role) => t(`roleName.${role}`));
    for (const name of names) expect(name.trim()).not.toBe('');
    expect(new Set(names).size).toBe(ROLES.length);
    expect(t('roleName.province_admin')).toBe('省级管理员');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('station.name', { village: '土桥村' })).toBe('土桥村益农信息社');
    expect(t('state.requestId', { id: 42 })).toBe('错误编号 42');
    expect(t('station.name')).toBe('{village}益农信息社');
  });

  it('has no empty message', () => {
    for (const [key, text] of Object.entries(messages)) expect([key, text.trim() !== '']).toEqual([key, true]);
  });
});

describe('i18n catalogue split by package', () => {
  const SRC = join(__dirname, '..', '..', '..', 'miniprogram', 'src');
  const subpackageCatalogues = {
    find: findMessages,
    staff: staffMessages,
    receipt: receiptMessages,
    publish: publishMessages,
    me: meMessages,
    feed: feedMessages,
    prices: pricesMessages,
    ask: askMessages,
    market: marketMessages,
    station: stationMessages,
    shared: sharedMessages,
    codeEntry: codeEntryMessages,
    paylink: paylinkMessages,
    training: trainingMessages,
  };

  it('keeps staff, find and receipt strings out of the main catalogue (they ship with their subpackages)', () => {
    const moved = [
      'find',
      'browse',
      'search',
      'nearest',
      'officer',
      'admin',
      'edit',
      'history',
      'poster',
      'billKind',
      'workbench',
      'pay',
      'households',
      'household',
      'close',
      'ledger',
      'closes',
      'recon',
      'role',
      'billType',
      'paymentStatus',
      'paymentFailure',
      'payment',
      'provider',
      'person',
      'receipt',
      'publish',
      'expert',
      'login',
      'feed',
      'alerts',
      'acks',
      'ackRates',
      'prices',
      'ask',
      'market',
      // A station's details (packages/station) and what the staff pages share with them; lists, distances, fields.
      'capability',
      'day',
      'hours',
      'geo',
      'list',
      'distance',
      'field',
      'notFound',
      'paylink',
      'training',
    ];
    const inMain = Object.keys(messages).filter((key) => moved.includes(key.split('.')[0]));
    expect(inMain).toEqual([]);
    // The role gate's texts went with it: components/role-gate is only used by subpackages.
    expect(Object.keys(messages).filter((key) => key.startsWith('role.') || key.startsWith('money.error.'))).toEqual([]);
  });

  it('defines every key once, with a text', () => {
    const all = [messages, ...Object.values(subpackageCatalogues)].flatMap((catalogue) => Object.entries(catalogue));
    expect(all.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    const keys = all.map(([key]) => key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('gives subpackage pages their strings and the main ones', () => {
    expect(staffT('pay.submit')).toBe('确认收款并缴费');
    expect(staffT('receipt.print')).toBe('打印凭条');
    expect(staffT('state.home')).toBe('返回首页');
    expect(findT('search.emptyTitle', { q: '土桥' })).toBe('没有找到“土桥”');
    expect(publishT('publish.status.REJECTED')).toBe('已退回');
    expect(publishT('role.publish.title')).toBe('发布信息');
    expect(feedT('feed.ack.button')).toBe('收到');
    expect(feedT('state.retry')).toBe(staffT('state.retry'));
    expect(pricesT('prices.admin.markWrong')).toBe('标为错误');
    expect(pricesT('state.retry')).toBe(staffT('state.retry'));
    expect(askT('ask.state.claimed')).toBe('专家解答中');
    expect(stationT('station.phoneReveal')).toBe('查看完整号码');
    expect(staffT('day.1')).toBe('周一');
    expect(findT('list.more')).toBe(staffT('list.more'));
    expect(Object.keys(messages).filter((key) => key in stationMessages || key.startsWith('home.code'))).toEqual([]);
    expect(paylinkT('paylink.status.PAID')).toContain('已缴费');
    expect(paylinkT('billType.water')).toBe(staffT('billType.water'));
    expect(trainingT('training.topic.livestock_disease')).toBe('牲畜疫病防治');
    expect(trainingT('list.more')).toBe(staffT('list.more'));
  });

  it('never reaches a subpackage catalogue from the main package (app, home, station, me)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
        const base = resolve(dirname(file), spec);
        // As the weapp build resolves it: `x.weapp.tsx` over `x.tsx` (the H5 code entry has its own strings).
        const found = [
          `${base}.weapp.ts`,
          `${base}.weapp.tsx`,
          base,
          `${base}.ts`,
          `${base}.tsx`,
          join(base, 'index.ts'),
          join(base, 'index.tsx'),
        ].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
        if (found) visit(found);
      }
    };
    for (const entry of ['app.tsx', 'app.config.ts', 'pages/index/index.tsx', 'pages/station/index.tsx']) visit(join(SRC, entry));
    const reached = [...seen].map((file) => relative(SRC, file));
    expect(reached).toContain('i18n/messages/zh-CN.ts');
    expect(
      reached.filter((file) =>
        /i18n\/(find|staff|receipt|me|publish|feed|prices|ask|market|station|shared|code-entry|paylink|training)\.ts$|zh-CN\.(find|staff|receipt|me|publish|feed|prices|ask|market|station|shared|code-entry|paylink|training)\.ts$/.test(
          file,
        ),
      ),
    ).toEqual([]);
  });
});
