import { maskAccountNo, maskName } from '../../../functions/domain/payments/masks';

describe('masking', () => {
  it('keeps the first and last character of a name', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王');
    expect(maskName('才让多杰')).toBe('才**杰');
  });
  it('keeps the last four characters of an account number', () => {
    expect(maskAccountNo('6302021234')).toBe('******1234');
    // Never less than half masked: a short account number is not given away.
    expect(maskAccountNo('1234')).toBe('**34');
    expect(maskAccountNo('12345')).toBe('***45');
    expect(maskAccountNo('1234567')).toBe('****567');
    expect(maskAccountNo('12345678')).toBe('****5678');
  });
});
