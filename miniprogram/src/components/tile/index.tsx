import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Pill, type PillTone } from '../pill';

export interface TileProps {
  id: string;
  name: string;
  description: string;
  status: string;
  statusTone: PillTone;
  /** Colour of the top edge: `brand` (on), `accent` (coming), `off` (greyed out, also the text). */
  edge: 'brand' | 'accent' | 'off';
  /** Extra classes on the root, e.g. the state a test looks for. */
  className?: string;
  /** Makes the tile a way into its feature. */
  onClick?: () => void;
}

/** One of several side-by-side cards: two columns at normal text size, one at large text. */
export function Tile({ id, name, description, status, statusTone, edge, className, onClick }: TileProps) {
  return (
    <View id={id} className={`tile tile--${edge}${onClick ? ' tile--tappable' : ''}${className ? ` ${className}` : ''}`} onClick={onClick}>
      <View className="tile__head">
        <Text className="tile__name">{name}</Text>
        <Pill tone={statusTone}>{status}</Pill>
      </View>
      <Text className="tile__desc">{description}</Text>
    </View>
  );
}

/** The row of tiles, wrapping. */
export function TileGrid({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <View id={id} className="tile-grid">
      {children}
    </View>
  );
}
