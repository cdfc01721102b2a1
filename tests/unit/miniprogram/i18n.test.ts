/** @jest-environment jsdom */
import { ERROR_CODES } from '../../../shared/errors';
import { ROLES } from '../../../shared/roles';
import { SERVICE_KEYS, STATION_TYPES, VILLAGE_KINDS } from '../../../shared/schemas/stations';
import { errorText, t } from '../../../miniprogram/src/i18n';
import { errors, messages } from '../../../miniprogram/src/i18n/messages/zh-CN';

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

  it('has labels for every station type, village kind and service', () => {
    for (const type of STATION_TYPES) expect(t(`station.type.${type}`)).not.toBe('');
    for (const kind of VILLAGE_KINDS) expect(t(`station.kind.${kind}`)).not.toBe('');
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
