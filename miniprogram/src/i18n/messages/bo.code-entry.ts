/**
 * Tibetan (bo) strings of the H5 home page's typed station code: the same keys as zh-CN.code-entry.ts,
 * complete by type. Machine-drafted, awaiting review by a native speaker. Placeholders `{name}` stay.
 */
import type { codeEntryMessages } from './zh-CN.code-entry';

export const boCodeEntryMessages: Record<keyof typeof codeEntryMessages, string> = {
  'home.introH5': 'གཉིས་ཚད་ཨང་རྟགས་ཀྱི་འོག་ཏུ་པར་བསྐྲུན་བྱས་པའི་ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་གྲངས་བྲིས་ནས། ས་ཚིགས་ཀྱི་ཆ་འཕྲིན་དང་སྒྲུབ་ཆོག་པའི་ཞབས་ཞུ་ལ་ལྟ་ཆོག',
  'home.codeLabel': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་གྲངས།',
  'home.codePlaceholder': 'དཔེར་ན། 632701001201',
  'home.codeHint': 'ས་ཚིགས་ཀྱི་ཨང་གྲངས་ནི་གཉིས་ཚད་ཨང་རྟགས་ཀྱི་འོག་ཏུ་པར་ཡོད།',
  'home.open': 'ཞབས་ཞུ་ས་ཚིགས་སུ་འཛུལ།',
  'home.codeMissing': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་གྲངས་འབྲི་རོགས།',
  'home.codeInvalid': 'ས་ཚིགས་ཀྱི་ཨང་གྲངས་ནི་གཉིས་ཚད་ཨང་རྟགས་ཀྱི་འོག་གི་ཨང་གྲངས་ཕྲེང་བ་ཞིག་ཡིན། དཔེར་ན། 6302 0200 2214 ཞིབ་བཤེར་བྱས་རྗེས་ཡང་བསྐྱར་འབྲི་རོགས།',
};
