import { Input, Text, View } from '@tarojs/components';
import './index.scss';

export interface TextFieldProps {
  id?: string;
  label: string;
  value: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  maxLength?: number;
  onChange: (value: string) => void;
  onConfirm?: () => void;
}

/** A labelled one-line text field with an inline error. */
export function TextField({ id, label, value, placeholder, hint, error, maxLength, onChange, onConfirm }: TextFieldProps) {
  return (
    <View className={`text-field${error ? ' text-field--invalid' : ''}`}>
      <Text className='text-field__label'>{label}</Text>
      <Input
        id={id}
        className='text-field__input'
        type='text'
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        confirmType='go'
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={onConfirm}
      />
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
