import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface SectionProps {
  id?: string;
  title: string;
  children?: ReactNode;
}

/** A titled part of a page without a card of its own (its content brings cards: tiles, lists). */
export function Section({ id, title, children }: SectionProps) {
  return (
    <View id={id} className="section">
      <Text className="section__title">{title}</Text>
      {children}
    </View>
  );
}
