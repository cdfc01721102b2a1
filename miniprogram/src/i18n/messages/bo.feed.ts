/**
 * Tibetan (bo) strings of the feed subpackage: machine-drafted Tibetan, awaiting review by a native speaker.
 * Standard written Tibetan (Unicode U+0F00-U+0FFF) for readers in Qinghai. Same keys as zh-CN.feed.ts (the type enforces it).
 * Key terms (keep consistent with bo.staff.ts): 通知 བརྡ་ཁྱབ, 预警 ཉེན་བརྡ, 收到/确认 ཐོབ་སོང / ཐོབ་པ་ངོས་འཛིན, 服务站 ཞབས་ཞུ་ས་ཚིགས,
 * 信息员 ཆ་འཕྲིན་ལས་བྱེད་པ, 家庭户 ཁྱིམ་ཚང, 微信 སྐད་འཕྲིན, 二维码 ཚད་གཉིས་ཨང་རྟགས, 登录 ནང་འཛུལ, 加载 ནང་འཇུག.
 */
import type { feedMessages } from './zh-CN.feed';

export const boFeedMessages: Record<keyof typeof feedMessages, string> = {
  'feed.navTitle': 'བརྡ་ཁྱབ་དང་ཉེན་བརྡ',
  'feed.itemNavTitle': 'ཆ་འཕྲིན་ཞིབ་ཕྲ',
  'feed.title': 'བརྡ་ཁྱབ་དང་ཉེན་བརྡ',
  'feed.placeLine': '{place} ནས་མཐོང་ཐུབ་པའི་ཆ་འཕྲིན',
  'feed.intro': 'སྲིད་ཇུས་དང་། གནམ་གཤིས་དང་ནད་འབུ། སྒོ་ཕྱུགས་ནད་ཡམས་ཀྱི་ཉེན་བརྡ། ལག་རྩལ་མཛུབ་སྟོན། བརྡ་ཁྱབ་བཅས། གསར་ཤོས་སྔོན་ལ་དང་། ཛ་དྲག་ཉེན་བརྡ་ཐོག་མར་བཀོད་ཡོད།',
  'feed.tabAll': 'ཚང་མ',
  'feed.loading': 'ཆ་འཕྲིན་ནང་འཇུག་བྱེད་བཞིན་པ…',
  'feed.errorTitle': 'ཆ་འཕྲིན་ནང་འཇུག་མ་ཐུབ',
  'feed.emptyTitle': 'ད་ལྟ་ཆ་འཕྲིན་མེད',
  'feed.emptyHint': 'བརྡ་ཁྱབ་དང་ཉེན་བརྡ་གསར་པ་བྱུང་ཚེ་འདིར་མངོན་ངེས།',
  'feed.emptyCategory': 'རིགས་འདི་ལ་ད་ལྟ་ཆ་འཕྲིན་མེད།',
  'feed.noPlaceTitle': 'སྔོན་ལ་ཞབས་ཞུ་ས་ཚིགས་འདེམས་རོགས།',
  'feed.noPlaceHint': 'གྲོང་ཚོའི་ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཚད་གཉིས་ཨང་རྟགས་བཤར་བའམ། ཁྱེད་ཀྱི་ཞབས་ཞུ་ས་ཚིགས་བཙལ་ན། ཁྱེད་ཚོའི་གྲོང་ཚོར་བཏང་བའི་ཆ་འཕྲིན་མཐོང་ཐུབ།',
  'feed.findStation': 'ཞབས་ཞུ་ས་ཚིགས་འཚོལ',
  'feed.pinned': 'ཐོག་བཀོད',
  'feed.urgent': 'ཛ་དྲག',
  'feed.needsAck': 'ངོས་འཛིན་དགོས',
  'feed.thumbnail': 'པར་རིས',
  'feed.itemLoading': 'ནང་འཇུག་བྱེད་བཞིན་པ…',
  'feed.itemErrorTitle': 'ཆ་འཕྲིན་ནང་འཇུག་མ་ཐུབ',
  'feed.itemGoneTitle': 'ཆ་འཕྲིན་འདི་མེད་པར་གྱུར་སོང་།',
  'feed.itemGoneHint': 'དུས་ཚོད་ཡོལ་བའམ་ཕྱིར་བསྡུས་ཡོད་སྲིད།',
  'feed.published': 'སྤེལ་དུས: {time}',
  'feed.expires': 'ནུས་ཡོད་དུས་ཚོད: {time} བར',
  'feed.region': 'སྤེལ་ཁྱབ: {region}',
  'feed.imagesHint': 'པར་རིས་ལ་མནན་ན་ཆེ་རུ་བཏང་ནས་ལྟ་ཐུབ།',
  'feed.backToList': 'ཆ་འཕྲིན་གཞན་ལྟ',
  'feed.ack.title': 'ཐོབ་པ་ངོས་འཛིན་གནང་རོགས།',
  'feed.ack.intro': 'ཉེན་བརྡ་འདི་ཁྱིམ་ཚང་རེ་རེས་ངོས་འཛིན་དགོས། “ཐོབ་སོང་” ལ་མནན་ནས་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་གིས་ཤེས་ཟིན་པ་ཞབས་ཞུ་ས་ཚིགས་ལ་བརྡ་རོགས།',
  'feed.ack.button': 'ཐོབ་སོང',
  'feed.ack.sending': 'ངོས་འཛིན་བྱེད་བཞིན་པ…',
  'feed.ack.done': 'ཐོབ་པ་ངོས་འཛིན་ཟིན',
  'feed.ack.doneAt': 'ཁྱེད་ཀྱི་ཁྱིམ་ཚང་གིས་ {time} ལ་ཐོབ་པ་ངོས་འཛིན་བྱས་ཟིན།',
  'feed.ack.signIn': 'ནང་འཛུལ་བྱས་རྗེས་གཞི་ནས་ཁྱིམ་ཚང་གི་ཚབ་ཏུ་ཐོབ་པ་ངོས་འཛིན་ཐུབ།',
  'feed.ack.goSignIn': 'ནང་འཛུལ',
  'feed.ack.noHousehold':
    'ཁྱེད་ཀྱི་སྐད་འཕྲིན་ད་དུང་ཁྱིམ་ཚང་དང་འབྲེལ་མཐུད་བྱས་མེད། ཞབས་ཞུ་ས་ཚིགས་སུ་ཕེབས་ནས་ཆ་འཕྲིན་ལས་བྱེད་པས་འབྲེལ་མཐུད་བྱས་རྗེས་ངོས་འཛིན་གནང་རོགས། འབྲེལ་མཐུད་མེད་ཀྱང་ཆོག ཆ་འཕྲིན་ལས་བྱེད་པས་ཁ་པར་རམ་ཁྱིམ་དུ་ཡོང་ནས་བརྡ་སྤྲོད་ངེས།',
  'feed.ack.notHere': 'ཉེན་བརྡ་འདི་ཁྱེད་ཀྱི་གྲོང་ཚོར་བཏང་བ་མིན་པས། ཁྱེད་ཀྱི་ཁྱིམ་ཚང་གིས་ངོས་འཛིན་མི་དགོས།',
  'feed.ack.notNeeded': 'ཆ་འཕྲིན་འདི་ངོས་འཛིན་མི་དགོས།',
  'feed.ack.informedPhone': 'ཆ་འཕྲིན་ལས་བྱེད་པས་ {time} ལ་ཁ་པར་ཐོག་ནས་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་ལ་བརྡ་སྤྲད་ཟིན། མཐོང་ན་ཡང་ “ཐོབ་སོང་” ལ་མནན་རོགས།',
  'feed.ack.informedInPerson': 'ཆ་འཕྲིན་ལས་བྱེད་པ་ {time} ལ་ཁྱིམ་དུ་ཡོང་ནས་བརྡ་སྤྲད་ཟིན། མཐོང་ན་ཡང་ “ཐོབ་སོང་” ལ་མནན་རོགས།',
  'feed.ack.failed': 'ངོས་འཛིན་མ་ཐུབ: {reason}',
};
