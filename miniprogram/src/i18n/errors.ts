/**
 * Adds the texts of the error codes only subpackages meet (messages/zh-CN.errors.ts and its Tibetan) to
 * `errorText`. Every subpackage's i18n entry imports this module, so the texts ship with the subpackages
 * and are there once any of them has loaded; the main package never imports it.
 */
import { addErrorTexts } from './index';
import { boSubpackageErrors } from './messages/bo.errors';
import { subpackageErrors } from './messages/zh-CN.errors';

addErrorTexts({ 'zh-CN': subpackageErrors, bo: boSubpackageErrors });
