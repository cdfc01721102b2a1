import { Text, View } from '@tarojs/components';

export interface NoticeProps {
  id?: string;
  kind: 'success' | 'info' | 'error';
  text: string;
  /** Small print, e.g. the request id support can look up. */
  note?: string;
}

/** The outcome of a form, in place: green for done, amber for a note, red for what went wrong. */
export function Notice({ id, kind, text, note }: NoticeProps) {
  return (
    <View id={id} className={`notice notice--${kind}`}>
      <Text className="notice__text">{text}</Text>
      {note ? <Text className="notice__note">{note}</Text> : null}
    </View>
  );
}
