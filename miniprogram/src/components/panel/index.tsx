import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface PanelProps {
  id?: string;
  title: string;
  /** One line under the title: what the section is for. */
  intro?: string;
  children?: ReactNode;
}

/** A titled card: one section of a page. */
export function Panel({ id, title, intro, children }: PanelProps) {
  return (
    <View id={id} className='panel'>
      <Text className='panel__title'>{title}</Text>
      {intro ? <Text className='panel__intro'>{intro}</Text> : null}
      <View className='panel__body'>{children}</View>
    </View>
  );
}
