/**
 * Tibetan (bo) texts of the error codes only subpackage pages meet: the same codes as zh-CN.errors.ts,
 * complete by type. Machine-drafted, awaiting review by a native speaker.
 */
import type { subpackageErrors } from './zh-CN.errors';

export const boSubpackageErrors: Record<keyof typeof subpackageErrors, string> = {
  PAYLOAD_TOO_LARGE: 'ཕུལ་བའི་ནང་དོན་མང་དྲགས། ཉུང་དུ་བཏང་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  UNSUPPORTED_MEDIA_TYPE: 'ཕུལ་བའི་ནང་དོན་གྱི་རྣམ་གཞག་ལ་རྒྱབ་སྐྱོར་མེད།',
  INVALID_JSON: 'ཕུལ་བའི་ནང་དོན་གྱི་རྣམ་གཞག་ནོར་འདུག',
  IDEMPOTENCY_KEY_MISSING: 'ཕུལ་བར་བསྐྱར་ཟློས་འགོག་པའི་རྟགས་མི་འདུག ཡང་བསྐྱར་ཕུལ་རོགས།',
  CONFLICT: 'ནང་དོན་མི་གཞན་གྱིས་བཟོ་བཅོས་བྱས་ཟིན། གསར་བསྐྱར་བྱས་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  OUT_OF_STOCK: 'ཉར་ཚགས་མི་འདང་།',
  DAY_CLOSED: 'ཉིན་དེའི་རྩིས་ཐོ་རྫོགས་ཟིན་པས་བཟོ་བཅོས་བྱེད་མི་ཆོག',
  IDEMPOTENCY_IN_PROGRESS: 'སྔོན་མའི་ཕུལ་བ་ད་དུང་སྒྲུབ་བཞིན་ཡོད། ཅུང་ཙམ་སྒུག་རོགས།',
  TRAINING_FULL: 'མི་གྲངས་ཁེངས་ཟིན།',
  CHECKIN_CLOSED: 'མཚན་རྟགས་འགོད་པའི་དུས་ཚོད་མིན།',
  IDEMPOTENCY_KEY_REUSED: 'ཐེངས་འདིར་ཕུལ་བ་དང་སྔོན་མའི་ནང་དོན་མི་མཐུན། ཡང་བསྐྱར་ཕུལ་རོགས།',
  INVALID_IMAGE: 'པར་རིས་བེད་སྤྱོད་བྱེད་མི་ཐུབ། (JPG དང་ PNG། WebP ཁོ་ན་ཆོག) པར་གཞན་ཞིག་བརྗེ་རོགས།',
  LIMIT_EXCEEDED: 'ཚད་བཀག་ལས་བརྒལ་ཟིན།',
  PROVIDER_NOT_CONFIGURED: 'ཚབ་སྤྲོད་ཞབས་ཞུ་ད་དུང་སྒོ་ཕྱེ་མེད། འགྲོ་གྲོན་ལེན་པའི་ལས་ཁུངས་དང་ད་དུང་མཐུད་མེད།',
  WECHAT_LOGIN_FAILED: 'སྐད་འཕྲིན་ནང་འཛུལ་མ་ཐུབ། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
};
