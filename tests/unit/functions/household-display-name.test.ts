import { householdDisplayName } from '../../../functions/domain/market/sellers';

describe('a household seller as buyers see it (part of the head name, never all of it)', () => {
  it('is the surname and 家 for a Chinese name', () => {
    expect(householdDisplayName('张建国')).toBe('张家');
    expect(householdDisplayName(' 马秀兰 ')).toBe('马家');
  });

  it('is the first syllable and ཚང་ for a name in Tibetan script (no surname: not its first letter and 家)', () => {
    expect(householdDisplayName('བཀྲ་ཤིས་དོན་གྲུབ')).toBe('བཀྲ་ཚང་');
    expect(householdDisplayName('སྒྲོལ་མ')).toBe('སྒྲོལ་ཚང་');
    // One syllable, or words split by a space or a shad: still only the first syllable.
    expect(householdDisplayName('ཚེ་རིང ལྷ་མོ')).toBe('ཚེ་ཚང་');
    expect(householdDisplayName('པདྨ།')).toBe('པདྨ་ཚང་');
  });
});
