/**
 * Tibetan (bo) strings of the pay link subpackage (the payer of a remote pay link): the same keys as
 * zh-CN.paylink.ts, complete by type. Machine-drafted, awaiting review by a native speaker.
 * Placeholders `{name}` stay as they are; terms as listed in bo.market.ts (代缴 ཚབ་སྤྲོད། · 缴费 འབབ་སྤྲོད། ·
 * 缴费单位 འགྲོ་གྲོན་ལེན་པའི་ལས་ཁུངས། as in bo.ts). `{village}` is followed by the station's Tibetan
 * name, as in bo.ts station.name.
 */
import type { paylinkMessages } from './zh-CN.paylink';

export const boPaylinkMessages: Record<keyof typeof paylinkMessages, string> = {
  'paylink.navTitle': 'ཚབ་སྤྲོད་ཀྱི་དངུལ་སྤྲོད།',
  'paylink.loading': 'དངུལ་སྤྲོད་སྦྲེལ་ཐག་ཁ་ཕྱེ་བཞིན་པ…',
  'paylink.errorTitle': 'དངུལ་སྤྲོད་སྦྲེལ་ཐག་འདི་ཁ་ཕྱེ་མི་ཐུབ།',
  'paylink.noToken': 'སྦྲེལ་ཐག་ཆ་མི་ཚང་། ཆ་འཕྲིན་ལས་བྱེད་པར་ཡང་བསྐྱར་གཏོང་དུ་འཇུག་རོགས།',
  'paylink.signInTitle': 'ནང་འཛུལ་བྱས་ནས་དངུལ་སྤྲོད།',
  'paylink.signInText': 'དངུལ་སྤྲོད་པར་ཁྱེད་ཀྱི་སྐད་འཕྲིན་རྩིས་ཐོ་སྤྱོད་དགོས། ནང་འཛུལ་བྱས་རྗེས་འདིར་ཕྱིར་ལོག་ཤོག',
  'paylink.signIn': 'ནང་འཛུལ་བྱེད།',
  'paylink.title': 'ཁྱིམ་ཚང་གི་ཚབ་ཏུ་འབབ་སྤྲོད།',
  'paylink.intro':
    '{village} ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་གི་ཆ་འཕྲིན་ལས་བྱེད་པས་ཁྱེད་ལ་འགྲོ་གྲོན་འདི་ཚབ་ཏུ་སྤྲོད་རོགས་ཞེས་ཞུས་འདུག ཞིབ་བཤེར་བྱས་ནས་ནོར་འཁྲུལ་མེད་ན་སྐད་འཕྲིན་དངུལ་སྤྲོད་ཀྱིས་སྤྲོད་རོགས། དངུལ་འབྱོར་རྗེས་གཞི་ནས་འབབ་སྤྲོད་བྱེད།',
  'paylink.bill': 'འབབ་སྤྲོད་རྣམ་གྲངས།',
  'paylink.account': 'ཁྱིམ་ཨང་།',
  'paylink.holder': 'ཁྱིམ་མིང་།',
  'paylink.amount': 'དངུལ་འབོར།',
  'paylink.station': 'ཚབ་སྒྲུབ་ས་ཚིགས།',
  'paylink.until': 'ནུས་ཡོད་དུས་མཚམས།',
  'paylink.pay': 'སྐད་འཕྲིན་དངུལ་སྤྲོད་ {amount}',
  'paylink.waiting': 'དངུལ་སྤྲོད་ཕུལ་ཟིན། སྐད་འཕྲིན་དངུལ་སྤྲོད་ཀྱི་ངོས་འཛིན་སྒུག་བཞིན་པ…',
  'paylink.stubTitle': 'ས་གནས་ཚོད་ལྟའི་དངུལ་སྤྲོད།',
  'paylink.stubHint': 'འདི་ནི་ས་གནས་ཁོར་ཡུག་གི་ལད་ཟློས་སྐད་འཕྲིན་དངུལ་སྤྲོད་ཡིན་པས་དངུལ་ཅི་ཡང་མི་འཐེན། ངོས་འཛིན་བྱས་རྗེས་ལད་ཟློས་སྐད་འཕྲིན་དངུལ་སྤྲོད་ཀྱིས་མིང་རྟགས་ཅན་གྱི་བརྡ་ཐོ་གཏོང་།',
  'paylink.stubConfirm': 'དངུལ་ {amount} སྤྲོད་པ་ངོས་འཛིན།',
  'paylink.status.OPEN': 'དངུལ་སྤྲོད་སྒུག་བཞིན།',
  'paylink.status.FUNDED': 'དངུལ་སྤྲད་ཟིན། འབབ་སྤྲོད་བྱེད་བཞིན་པ…',
  'paylink.status.PAID': 'འབབ་སྤྲོད་ཟིན། ཐུགས་རྗེ་ཆེ། འགྲོ་གྲོན་སྤྲད་ཟིན།',
  'paylink.status.BILL_FAILED': 'འགྲོ་གྲོན་ལེན་པའི་ལས་ཁུངས་ཀྱིས་འབབ་སྤྲོད་འདི་ངོས་ལེན་མ་བྱས། དངུལ་སྤྲད་ལམ་ནས་ཕྱིར་སློག་བྱེད།',
  'paylink.status.EXPIRED': 'དངུལ་སྤྲོད་སྦྲེལ་ཐག་འདིའི་དུས་ཚོད་ཡོལ་ཟིན། (ཆུ་ཚོད་ ༢༤) དངུལ་སྤྲད་མེད།',
  'paylink.sandbox': 'དཔེ་སྟོན་ཁོར་ཡུག འབབ་སྤྲོད་དངོས་མིན།',
  'paylink.failed': 'དངུལ་སྤྲོད་མ་ཐུབ། {reason}',
};
