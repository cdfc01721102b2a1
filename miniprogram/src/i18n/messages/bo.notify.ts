/**
 * Tibetan (bo) strings of the subscription prompt (alerts, and the answer to a question): the same keys as
 * zh-CN.notify.ts, complete by type. Machine-drafted, awaiting review by a native speaker.
 * Placeholders `{name}` stay as they are; terms as listed in bo.market.ts (提醒 དྲན་སྐུལ། · 订阅消息
 * མཁོ་ཞུའི་བརྡ་འཕྲིན།). notify.declined names WeChat's own 设置 menu in Chinese beside the Tibetan,
 * because WeChat shows that menu in Chinese.
 */
import type { notifyMessages } from './zh-CN.notify';

export const boNotifyMessages: Record<keyof typeof notifyMessages, string> = {
  'notify.title': 'ཉེན་བརྡའི་དྲན་སྐུལ།',
  'notify.intro': 'ཁ་བ་ཆེན་པོ་དང་རིམས་ནད་སོགས་ཀྱི་ཉེན་བརྡ་ཁྱབ་བསྒྲགས་སྐབས། སྐད་འཕྲིན་ཞབས་ཞུའི་བརྡ་ཐོ་བརྒྱུད་ནས་ཁྱེད་ལ་དྲན་སྐུལ་བྱེད། ཐེངས་རེར་མོས་མཐུན་བྱས་ན་དྲན་སྐུལ་གཅིག་ཐོབ།',
  'notify.remaining': 'ད་དུང་དྲན་སྐུལ་ {count} ཐོབ་ཐུབ།',
  'notify.none': 'ད་ལྟ་དྲན་སྐུལ་མི་ཐོབ།',
  'notify.subscribe': 'ཉེན་བརྡའི་དྲན་སྐུལ་ལེན།',
  'notify.subscribeMore': 'ཡང་གཅིག་ལེན།',
  'notify.full': 'དྲན་སྐུལ་ཆེས་མང་ {cap} ཁེངས་ཟིན།',
  'notify.accepted': 'ཁ་ཕྱེ་ཟིན། ཉེན་བརྡ་རྗེས་མ་སྐད་འཕྲིན་བརྒྱུད་ནས་ཁྱེད་ལ་བརྡ་ཐོ་གཏོང་།',
  'notify.declined': 'དྲན་སྐུལ་ཁ་མ་ཕྱེ། ཁ་ཕྱེ་དགོས་ན། བྱ་རིམ་ཆུང་ངུའི་གཡས་ཟུར་སྟེང་གི་“…”→“སྒྲིག་འགོད། (设置)” ནས་མཁོ་ཞུའི་བརྡ་འཕྲིན་ཁ་ཕྱེ་ཆོག',
  'notify.failed': 'ཁྱེད་ཀྱི་འདེམས་ཁ་ཟིན་ཐོར་འགོད་མ་ཐུབ། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  'notify.simulated': 'དཔེ་སྟོན་ཁོར་ཡུག “ཆོག” ཅེས་ལད་ཟློས་བྱས་ཟིན། སྐད་འཕྲིན་བརྡ་ཐོ་དངོས་སུ་མི་གཏོང་།',
  'notify.answer.title': 'ལན་གྱི་དྲན་སྐུལ།',
  'notify.answer.intro': 'ཆེད་མཁས་པས་ཁྱེད་ཀྱི་དྲི་བར་ལན་བཏབ་རྗེས། སྐད་འཕྲིན་ཞབས་ཞུའི་བརྡ་ཐོ་བརྒྱུད་ནས་ཁྱེད་ལ་དྲན་སྐུལ་བྱེད། ཐེངས་རེར་མོས་མཐུན་བྱས་ན་དྲན་སྐུལ་གཅིག་ཐོབ།',
  'notify.answer.subscribe': 'ཆེད་མཁས་པས་ལན་བཏབ་ན་ང་ལ་དྲན་སྐུལ།',
  'notify.answer.accepted': 'ཁ་ཕྱེ་ཟིན། ཆེད་མཁས་པས་ལན་བཏབ་རྗེས་སྐད་འཕྲིན་བརྒྱུད་ནས་ཁྱེད་ལ་བརྡ་ཐོ་གཏོང་།',
};
