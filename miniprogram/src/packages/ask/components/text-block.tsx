import { Text, Textarea, View } from '@tarojs/components';
import { t } from '../../../i18n/ask';
import { textLength } from '@shared/text-length';

/** A labelled text of several lines with its count against the limit and an inline error. */
export function TextBlock(props: {
  id: string;
  label: string;
  value: string;
  max: number;
  placeholder?: string;
  error?: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <View className={`ask__block${props.error ? ' ask__block--invalid' : ''}`}>
      <Text className="ask__label">{props.label}</Text>
      <Textarea
        id={props.id}
        className="ask__textarea"
        value={props.value}
        placeholder={props.placeholder}
        maxlength={-1}
        autoHeight
        onInput={(e) => props.onChange(e.detail.value)}
      />
      <Text id={`${props.id}-count`} className="ask__muted">
        {t('ask.form.textCount', { count: textLength(props.value.trim()), max: props.max })}
      </Text>
      {props.error ? (
        <Text id={`${props.id}-error`} className="ask__error">
          {props.error}
        </Text>
      ) : null}
    </View>
  );
}
