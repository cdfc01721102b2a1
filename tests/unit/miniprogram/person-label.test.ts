import { personText } from '../../../miniprogram/src/services/person-label';

describe('personText: who did it, in words, never a raw id', () => {
  const person = { name: null, role: 'county_admin', idTail: 'a68a', you: false };
  it('names the person, after their role when asked', () => {
    expect(personText({ ...person, name: '乐都区管理员' })).toBe('乐都区管理员');
    expect(personText({ ...person, name: '乐都区管理员' }, true)).toBe('县级管理员 乐都区管理员');
  });
  it('falls back to the role and the tail of the id', () => {
    expect(personText(person)).toBe('县级管理员（编号尾号 a68a）');
  });
  it('says "你" for the caller', () => {
    expect(personText({ ...person, you: true })).toBe('你');
    expect(personText({ ...person, you: true }, true)).toBe('你（县级管理员）');
  });
});
