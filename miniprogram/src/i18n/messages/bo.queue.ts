/**
 * Tibetan (བོད་ཡིག) strings of the officer's offline queue: the same keys as zh-CN.queue.ts, typed by them.
 * Machine-drafted, awaiting review by a native speaker: have a Tibetan-reading officer check every line
 * before release. Placeholders in {braces} are kept exactly. Keep this module free of Taro imports.
 */
import type { queueMessages } from './zh-CN.queue';

export const boQueueMessages: Record<keyof typeof queueMessages, string> = {
  'queue.title': 'མཉམ་སྒྲིག་སྒུག་བཞིན་པ།',
  'queue.pending': 'མཉམ་སྒྲིག་སྒུག་བཞིན་པ་ {count}',
  'queue.pendingHint':
    'དྲ་རྒྱ་མེད་སྐབས་ཐོ་འགོད་བྱས་པའི་བློ་འདྲི་དང་བརྡ་སྤྲོད། རིན་གོང་། སྦྱོང་བརྡར་མིང་འགོད་དང་ཐོ་འགོད་བཅས་ཁ་པར་ནང་ཉར་ནས་དྲ་རྒྱ་མཐུད་རྗེས་གོ་རིམ་ལྟར་རང་འགུལ་གྱིས་འབུལ་ཞིང་། རེ་རེ་ཐེངས་གཅིག་ཁོ་ན་འགོད།',
  'queue.full': 'ཁ་པར་ནང་མཉམ་སྒྲིག་སྒུག་བཞིན་པ་ཁེངས་ཟིན། ({count}) སྔོན་ལ་དྲ་རྒྱ་མཐུད་ནས་མཉམ་སྒྲིག་བྱས་རྗེས་གསར་དུ་ཐོ་འགོད་གནང་།',
  'queue.retry': 'ད་ལྟ་མཉམ་སྒྲིག',
  'queue.retrying': 'མཉམ་སྒྲིག་བྱེད་བཞིན་པ།',
  'queue.conflictsTitle': 'འབུལ་མ་ཐུབ་པ། (ཞིབ་བཤེར་གནང་།)',
  'queue.conflict': '{label} · {reason}',
  'queue.dismiss': 'ཤེས་སོང་།',
  'queue.kind.consultation': 'བློ་འདྲི།',
  'queue.kind.informed': 'བརྡ་སྤྲོད།',
  'queue.kind.priceReport': 'རིན་གོང་སྙན་ཞུ།',
  'queue.kind.signup': 'སྦྱོང་བརྡར་མིང་འགོད།',
  'queue.kind.checkin': 'སྦྱོང་བརྡར་ཐོ་འགོད།',
  'queue.fullError': 'མཉམ་སྒྲིག་སྒུག་བཞིན་པ་ཁེངས་ཟིན། སྔོན་ལ་དྲ་རྒྱ་མཐུད་རོགས།',
};
