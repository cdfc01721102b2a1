import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface PanelProps {
  id?: string;
  /** Optional: the first card under a hero often needs none. */
  title?: string;
  /** One line under the title: what the section is for. */
  intro?: string;
  /** Pulls the card up over the PageHero above it (which must have `overlap`). */
  overlap?: boolean;
  children?: ReactNode;
}

/** A card: one section of a page. */
export function Panel({ id, title, intro, overlap, children }: PanelProps) {
  return (
    <View id={id} className={`panel${overlap ? ' panel--overlap' : ''}${title || intro ? '' : ' panel--untitled'}`}>
      {title ? <Text className="panel__title">{title}</Text> : null}
      {intro ? <Text className="panel__intro">{intro}</Text> : null}
      <View className="panel__body">{children}</View>
    </View>
  );
}
