/**
 * Tibetan (bo) main catalogue: the same keys as zh-CN.ts (messages and the main pages' error texts), complete by type.
 * Machine-drafted, awaiting review by a native speaker. Placeholders `{name}` stay as they are; the brand
 * 益农信息社 is kept in Chinese beside the Tibetan where villagers see it printed so.
 * Not in the weapp main package: packages/me carries it and stores it on the device for the main pages
 * (services/locale-choice.ts, i18n/locale-boot.weapp.ts). Changing a text here changes the catalogue's
 * version (BO_MAIN_VERSION in i18n/locale-keys.ts; the i18n-locales test gives the new value).
 */
import type { MainErrorCode, MessageKey } from './zh-CN';

export const boMessages: Record<MessageKey, string> = {
  'app.name': 'ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་། 益农信息社',
  'app.tagline': 'མཚོ་སྔོན་ཞིང་ཆེན་གྱི་གྲོང་ཚོའི་ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་།',
  'app.locationPurpose': 'ཁྱེད་དང་ཉེ་ཤོས་ཀྱི་ཆ་འཕྲིན་ཁང་འཚོལ་བ་དང་། ཆ་འཕྲིན་ལས་བྱེད་པས་ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གནས་ས་རྟགས་འགོད་བྱེད་པར་སྤྱོད།',

  'home.title': 'ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་།',
  'home.intro': 'གྲོང་ཚོའི་ཆ་འཕྲིན་ཁང་གིས་སྦྱར་བའི་གཉིས་ཚད་ཨང་རྟགས་བཤེར་ནས། ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཆ་འཕྲིན་དང་སྒྲུབ་ཆོག་པའི་ཞབས་ཞུ་ལ་ལྟ།',
  'home.findIntro': 'ཉེ་འཁོར་དུ་གཉིས་ཚད་ཨང་རྟགས་མེད་དམ། འདི་ལྟར་ཡང་ཞབས་ཞུ་ས་ཚིགས་རྙེད་ཐུབ།',
  'home.find.nearest': 'ཉེ་འཁོར་གྱི་ཞབས་ཞུ་ས་ཚིགས།',
  'home.find.nearestDesc': 'ཐག་ཉེ་ནས་རིང་བར་གོ་རིམ་ལྟར་སྟོན།',
  'home.find.browse': 'ས་ཁུལ་ལྟར་འཚོལ།',
  'home.find.browseDesc': 'ཁུལ་དང་རྫོང་ནས་གྲོང་ཚོའི་བར་རིམ་པར་འཚོལ།',
  'home.find.search': 'མིང་གིས་འཚོལ་བཤེར།',
  'home.find.searchDesc': 'གྲོང་ཚོ་དང་ཞང་། རྫོང་གི་མིང་འབྲི། རྒྱ་ཡིག་གམ་སྒྲ་སྦྱོར་གང་རུང་ཆོག',
  'home.scan': 'ཨང་རྟགས་བཤེར་ནས་ས་ཚིགས་སུ་འཛུལ།',
  'home.scanInvalid': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གཉིས་ཚད་ཨང་རྟགས་ངོས་འཛིན་མ་བྱུང་། ཡང་བསྐྱར་བཤེར་རོགས།',
  'home.accountTitle': 'ངའི་རྩིས་ཐོ།',
  'home.meEntry': 'ནང་འཛུལ། / ང་།',
  'home.meEntrySignedIn': 'ངའི་རྩིས་ཐོ། ({role})',
  'home.officerEntry': 'ཆ་འཕྲིན་ལས་བྱེད་པའི་ལས་སྟེགས།',
  'home.adminEntry': 'དོ་དམ་རྒྱབ་སྟེགས།',

  'station.navTitle': 'ཞབས་ཞུ་ས་ཚིགས།',
  'station.loading': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཆ་འཕྲིན་ནང་འཇུག་བྱེད་བཞིན་པ…',
  'station.name': '{village} ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་།',
  'station.code': 'ས་ཚིགས་ཀྱི་ཨང་གྲངས། {code}',
  'station.type.standard': 'ཚད་ལྡན་ས་ཚིགས།',
  'station.type.specialized': 'ཆེད་ལས་ས་ཚིགས།',
  'station.type.simple': 'སྟབས་བདེ་ས་ཚིགས།',
  'station.areaType.farming': 'ཞིང་ཁུལ།',
  'station.areaType.semi_pastoral': 'ཞིང་འབྲོག་ཕྱེད་མ།',
  'station.areaType.pastoral': 'འབྲོག་ཁུལ།',
  'station.servicesTitle': 'ཞབས་ཞུའི་རྣམ་གྲངས།',
  'station.aboutTitle': 'ས་ཚིགས་ཀྱི་ཞིབ་ཕྲ།',
  'station.aboutDesc': 'ལས་ཀའི་དུས་ཚོད་དང་ཆ་འཕྲིན་ལས་བྱེད་པར་འབྲེལ་བ། སྒྲུབ་ཆོག་པའི་ལས་དོན། གནས་སའི་ས་ཁྲ།',
  'station.notFoundTitle': 'ཞབས་ཞུ་ས་ཚིགས་འདི་རྙེད་མ་བྱུང་།',
  'station.notFoundHint': 'གཉིས་ཚད་ཨང་རྟགས་ནུས་མེད་དུ་སོང་སྲིད། ཞིབ་བཤེར་བྱས་ནས་ཡང་བསྐྱར་བཤེར་རོགས།',
  'station.invalidCodeTitle': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་གྲངས་ནུས་མེད།',
  'station.invalidCodeHint': 'ཨང་གྲངས་ནི་ཕྱི་ཡིག་གམ་ཨང་ཀི་ ༡ ནས་ ༣༢ བར་ཁོ་ན་ཡིན་དགོས། གཉིས་ཚད་ཨང་རྟགས་ཡང་བསྐྱར་བཤེར་རོགས།',
  'station.errorTitle': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཆ་འཕྲིན་ནང་འཇུག་མ་ཐུབ།',
  'station.openNow': 'ལས་ཀ་བྱེད་བཞིན་པ།',
  'station.closedNow': 'ངལ་གསོ་བཞིན་པ།',
  'station.share': 'ཕ་ཡུལ་བ་ལ་མཉམ་སྤྱོད།',
  'station.findOthers': 'ས་ཚིགས་གཞན་འཚོལ།',
  'station.prices': 'ཁྲོམ་རའི་རིན་གོང་།',
  'station.market': 'གྲོང་ཚོའི་ཞིང་འབྲོག་ཐོན་རྫས། ›',
  'station.trainings': 'ས་ཚིགས་ཀྱི་སྦྱོང་བརྡར། ›',
  'station.feedTitle': 'བརྡ་ཁྱབ་དང་ཉེན་བརྡ།',
  'station.feedMore': 'དེ་ལས་མང་བ།',
  'station.askExpert': 'ལོ་ཏོག་དང་སྒོ་ཕྱུགས་ལ་དཀའ་ངལ་ཡོད་དམ། ཆེད་མཁས་པར་འདྲི། ›',
  'station.feedUrgent': 'ཛ་དྲག',

  'service.information.name': 'སྤྱི་ཕན་ཞབས་ཞུ།',
  'service.information.desc': 'སྲིད་ཇུས་དང་ཁྲོམ་རའི་གནས་སྟངས། ཞིང་ལས་ལག་རྩལ་གྱི་མདུན་ཁྲིད། གནོད་འཚེའི་ཉེན་བརྡ།',
  'service.convenience.name': 'བདེ་སྤྱོད་ཞབས་ཞུ།',
  'service.convenience.desc': 'ཆུ་གློག་དང་ཁ་པར་གྱི་འགྲོ་གྲོན་སྤྲོད་པ་སོགས་ཚབ་སྒྲུབ།',
  'service.ecommerce.name': 'གློག་རྡུལ་ཚོང་ལས།',
  'service.ecommerce.desc': 'ཞིང་འབྲོག་ཐོན་རྫས་འཚོང་བ་དང་ཚབ་ཉོ།',
  'service.training.name': 'སྦྱོང་བརྡར་དང་ཉམས་མྱོང་།',
  'service.training.desc': 'ཞིང་འབྲོག་ལག་རྩལ་སྦྱོང་བརྡར་དང་ལག་རྩལ་གསར་པའི་ཉམས་མྱོང་།',
  'service.available': 'སྒྲུབ་ཆོག',
  'service.unavailable': 'ད་དུང་སྒོ་ཕྱེ་མེད།',

  'state.retry': 'ཡང་བསྐྱར་ཚོད་ལྟ།',
  'state.home': 'མ་ངོས་སུ་ལོག',
  'state.requestId': 'ནོར་འཁྲུལ་ཨང་གྲངས། {id}',

  'roleName.villager': 'གྲོང་མི།',
  'roleName.buyer': 'ཉོ་སྒྲུབ་པ།',
  'roleName.officer': 'ཆ་འཕྲིན་ལས་བྱེད་པ།',
  'roleName.county_admin': 'རྫོང་རིམ་དོ་དམ་པ།',
  'roleName.prefecture_admin': 'ཁུལ་རིམ་དོ་དམ་པ།',
  'roleName.province_admin': 'ཞིང་ཆེན་རིམ་པའི་དོ་དམ་པ།',
  'roleName.expert': 'ཆེད་མཁས་པ།',

  'station.notFoundTypedHint': 'ཨང་གྲངས་ {code} ཅན་གྱི་ཞབས་ཞུ་ས་ཚིགས་མེད། གཉིས་ཚད་ཨང་རྟགས་འོག་གི་ཨང་གྲངས་ཞིབ་བཤེར་བྱས་ནས་ཡང་བསྐྱར་འབྲི་རོགས།',
  'station.invalidCodeTypedHint': 'ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་གྲངས་ལ་ཨང་ཀི་དང་ཕྱི་ཡིག་ཁོ་ན་ཡོད། ཞིབ་བཤེར་བྱས་ནས་ཡང་བསྐྱར་འབྲི་རོགས།',
  'offline.minutes': 'དྲ་རྒྱ་མེད། སྐར་མ་ {n} གྱི་སྔོན་གྱི་ནང་དོན་སྟོན་བཞིན་ཡོད།',
  'offline.hours': 'དྲ་རྒྱ་མེད། ཆུ་ཚོད་ {n} གྱི་སྔོན་གྱི་ནང་དོན་སྟོན་བཞིན་ཡོད།',
  'offline.days': 'དྲ་རྒྱ་མེད། ཉིན་ {n} གྱི་སྔོན་གྱི་ནང་དོན་སྟོན་བཞིན་ཡོད།',
};

export const boErrors: Record<MainErrorCode, string> = {
  UNAUTHENTICATED: 'སྔོན་ལ་ནང་འཛུལ་བྱོས།',
  FORBIDDEN: 'ཁྱེད་ལ་བྱ་བ་འདི་སྒྲུབ་པའི་དབང་ཚད་མེད།',
  VALIDATION_FAILED: 'བྲིས་པའི་ཆ་འཕྲིན་ནོར་འདུག ཞིབ་བཤེར་བྱས་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  NOT_FOUND: 'འབྲེལ་ཡོད་ནང་དོན་རྙེད་མ་བྱུང་།',
  RATE_LIMITED: 'བཀོལ་སྤྱོད་ཐེངས་མང་དྲགས། ཅུང་ཙམ་སྒུག་ནས་ཚོད་ལྟ་བྱོས།',
  INTERNAL: 'ཞབས་ཞུ་འཕྲུལ་ཆས་ལ་དཀའ་ངལ་ཅུང་ཟད་བྱུང་། ཅུང་ཙམ་སྒུག་ནས་ཚོད་ལྟ་བྱོས།',
  DEPENDENCY_UNAVAILABLE: 'ཞབས་ཞུ་གནས་སྐབས་སྤྱོད་མི་ཐུབ། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  NETWORK_ERROR: 'དྲ་རྒྱ་མཐུད་མ་ཐུབ། དྲ་རྒྱ་ཞིབ་བཤེར་བྱས་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  UNKNOWN: 'ངོས་མ་ཟིན་པའི་ནོར་འཁྲུལ་ཞིག་བྱུང་། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
};
