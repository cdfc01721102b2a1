import { Input, Picker, Text, View } from '@tarojs/components';
import { t } from '../../i18n/shared';
import './index.scss';
import { textLength } from '@shared/text-length';

/**
 * What the <Input> itself accepts: far above any field's own limit. A platform input given the
 * field's limit cuts a longer paste short without a word (and both platforms default to 140), so
 * the field lets the text in and says it is too long; the form then refuses to send it.
 */
const INPUT_HARD_LIMIT = 2000;

export interface TextFieldProps {
  id?: string;
  label: string;
  value: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  /** The most characters the field takes: a counter for free text, and an error beyond it. */
  maxLength?: number;
  /**
   * `decimal`: coordinates (a keyboard with digits, point and minus where the platform has one);
   * `time`: HH:MM, WeChat's time picker in the mini-program, typed on H5;
   * `digits`: a code made of digits (a station code): the number pad on both platforms.
   */
  kind?: 'text' | 'decimal' | 'phone' | 'time' | 'digits';
  onChange: (value: string) => void;
  onConfirm?: () => void;
}

/**
 * WeChat: the digit keyboard (with a decimal point, no minus: coordinates in China are positive) and
 * the number pad for phones. H5 keeps a text input: Taro's number inputs there refuse "-" and ".".
 */
function inputType(kind: NonNullable<TextFieldProps['kind']>): 'text' | 'digit' | 'number' {
  if (process.env.TARO_ENV !== 'weapp') return 'text';
  if (kind === 'decimal') return 'digit';
  return kind === 'phone' || kind === 'digits' ? 'number' : 'text';
}

/**
 * H5: the number pad through `inputmode` on a text input, so a pasted "6302 0200 2214" still goes
 * in whole (a number input would drop it); Taro passes nativeProps to the <input>.
 */
function nativeInputProps(kind: NonNullable<TextFieldProps['kind']>): Record<string, string> | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined;
  if (kind === 'digits' || kind === 'phone') return { inputMode: 'numeric' };
  if (kind === 'decimal') return { inputMode: 'decimal' };
  return undefined;
}

/** A labelled one-line text field with an inline error. */
export function TextField({ id, label, value, placeholder, hint, error, maxLength, kind = 'text', onChange, onConfirm }: TextFieldProps) {
  const usePicker = kind === 'time' && process.env.TARO_ENV === 'weapp';
  // Characters as a reader sees them, as the server counts them (a Tibetan stack is one).
  const length = textLength(value);
  const tooLong = maxLength !== undefined && length > maxLength;
  const shownError = error ?? (tooLong ? t('field.tooLong', { max: maxLength, count: length }) : undefined);
  // Free text (names, notes) counts up; codes and numbers have their own format errors.
  const counted = kind === 'text' && maxLength !== undefined;
  return (
    <View className={`text-field${shownError ? ' text-field--invalid' : ''}`}>
      <View className="text-field__head">
        <Text className="text-field__label">{label}</Text>
        {counted ? (
          <Text id={id ? `${id}-count` : undefined} className={`text-field__count${tooLong ? ' text-field__count--over' : ''}`}>
            {t('field.count', { count: length, max: maxLength })}
          </Text>
        ) : null}
      </View>
      {usePicker ? (
        <Picker mode="time" value={value || '09:00'} onChange={(event) => onChange(String(event.detail.value))}>
          <View id={id} className="text-field__input text-field__picker">
            <Text className={value ? '' : 'text-field__placeholder'}>{value || placeholder}</Text>
          </View>
        </Picker>
      ) : (
        <Input
          id={id}
          className="text-field__input"
          type={inputType(kind)}
          nativeProps={nativeInputProps(kind)}
          value={value}
          placeholder={placeholder}
          maxlength={INPUT_HARD_LIMIT}
          confirmType="go"
          onInput={(event) => onChange(event.detail.value)}
          onConfirm={onConfirm}
        />
      )}
      {shownError ? (
        <Text id={id ? `${id}-error` : undefined} className="text-field__error">
          {shownError}
        </Text>
      ) : hint ? (
        <Text className="text-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
