/**
 * Tibetan (bo) strings several subpackages share: the same keys as zh-CN.shared.ts, complete by type.
 * Machine-drafted, awaiting review by a native speaker. Placeholders `{name}` stay as they are.
 */
import type { sharedMessages } from './zh-CN.shared';

export const boSharedMessages: Record<keyof typeof sharedMessages, string> = {
  'me.householdTitle': 'ངའི་ཁྱིམ་ཚང་གི་འབབ་སྤྲོད།',
  'me.unnamed': 'སྐད་འཕྲིན་སྤྱོད་མཁན།',
  'list.separator': ' · ',
  'list.comma': '། ',
  'list.more': 'དེ་ལས་མང་བ་ནང་འཇུག',
  'list.loadingMore': 'ནང་འཇུག་བྱེད་བཞིན་པ…',
  'list.end': 'མཇུག་ལ་སླེབས་སོང་།',
  'list.moreFailed': 'ནང་འཇུག་མ་ཐུབ། {reason}',
  'list.failed': 'ཐོ་གཞུང་ནང་འཇུག་མ་ཐུབ། {reason}',
  'distance.m': 'སྨི་ {n}',
  'distance.km': 'སྤྱི་ལེ་ {n}',
  'notFound.navTitle': 'ཤོག་ངོས་མེད།',
  'notFound.title': 'ཤོག་ངོས་འདི་མི་འདུག',
  'notFound.hint': 'སྦྲེལ་ཐག་ནོར་བའམ་དུས་ཚོད་ཡོལ་ཡོད་སྲིད། མ་ངོས་སུ་ལོག་ནས་ཨང་གྲངས་དང་ས་ཁུལ། མིང་བཅས་ཀྱིས་ཞབས་ཞུ་ས་ཚིགས་འཚོལ་ཆོག',
  'field.tooLong': 'ཆེས་མང་ན་ཡིག་འབྲུ་ {max} ལས་མི་ཆོག ད་ལྟ་ {count} ཡོད་པས་ཉུང་དུ་གཏོང་རོགས།',
  'field.count': '{count}/{max}',
  'rate.title': 'ཞབས་ཞུ་ཐེངས་འདིར་སྐར་མ་སྤྲོད།',
  'rate.star': 'སྐར་མ་ {n}',
  'rate.comment': 'བརྗོད་འདོད། (མི་འབྲི་ཡང་ཆོག)',
  'rate.send': 'དཔྱད་བརྗོད་འབུལ།',
  'rate.thanks': 'ཁྱེད་ཀྱི་དཔྱད་བརྗོད་ལ་ཐུགས་རྗེ་ཆེ། སྐར་མ་ {n}',
  'rate.already': 'ཞབས་ཞུ་ཐེངས་འདིར་དཔྱད་བརྗོད་བྱས་ཟིན།',
  'rate.failed': 'དཔྱད་བརྗོད་ཕུལ་མ་ཐུབ། {reason}',
  'lowData.tapToLoad': 'པར་རིས་འཆར་བར་མནན།',
};
