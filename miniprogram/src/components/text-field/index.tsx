import { Input, Picker, Text, View } from '@tarojs/components';
import './index.scss';

export interface TextFieldProps {
  id?: string;
  label: string;
  value: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  maxLength?: number;
  /**
   * `decimal`: coordinates (a keyboard with digits, point and minus where the platform has one);
   * `time`: HH:MM, WeChat's time picker in the mini-program, typed on H5.
   */
  kind?: 'text' | 'decimal' | 'phone' | 'time';
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
  return kind === 'phone' ? 'number' : 'text';
}

/** A labelled one-line text field with an inline error. */
export function TextField({ id, label, value, placeholder, hint, error, maxLength, kind = 'text', onChange, onConfirm }: TextFieldProps) {
  const usePicker = kind === 'time' && process.env.TARO_ENV === 'weapp';
  return (
    <View className={`text-field${error ? ' text-field--invalid' : ''}`}>
      <Text className='text-field__label'>{label}</Text>
      {usePicker ? (
        <Picker mode='time' value={value || '09:00'} onChange={(event) => onChange(String(event.detail.value))}>
          <View id={id} className='text-field__input text-field__picker'>
            <Text className={value ? '' : 'text-field__placeholder'}>{value || placeholder}</Text>
          </View>
        </Picker>
      ) : (
        <Input
          id={id}
          className='text-field__input'
          type={inputType(kind)}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          confirmType='go'
          onInput={(event) => onChange(event.detail.value)}
          onConfirm={onConfirm}
        />
      )}
      {error ? (
        <Text id={id ? `${id}-error` : undefined} className='text-field__error'>
          {error}
        </Text>
      ) : hint ? (
        <Text className='text-field__hint'>{hint}</Text>
      ) : null}
    </View>
  );
}
