import { Text, View } from '@tarojs/components';
import './bar-chart.scss';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * Bars drawn with CSS (no canvas, nothing to load): a bar's length is its share of the largest value.
 * `rows`: one labelled row per bar with its figure (categories); `columns`: thin columns side by side,
 * label under the first and the last only (a trend over days).
 */
export function BarChart({ id, bars, layout }: { id: string; bars: Bar[]; layout: 'rows' | 'columns' }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const share = (value: number) => `${Math.round((Math.max(0, value) / max) * 100)}%`;
  if (layout === 'rows')
    return (
      <View id={id} className="bar-chart bar-chart--rows">
        {bars.map((bar) => (
          <View key={bar.key} id={`${id}-${bar.key}`} className="bar-chart__row">
            <Text className="bar-chart__label">{bar.label}</Text>
            <View className="bar-chart__track">
              <View className="bar-chart__bar" style={{ width: share(bar.value) }} />
            </View>
            <Text className="bar-chart__value">{bar.value}</Text>
          </View>
        ))}
      </View>
    );
  return (
    <View id={id} className="bar-chart bar-chart--columns">
      <View className="bar-chart__columns">
        {bars.map((bar) => (
          <View key={bar.key} id={`${id}-${bar.key}`} className="bar-chart__column" aria-label={`${bar.label}: ${bar.value}`}>
            <View className="bar-chart__column-bar" style={{ height: share(bar.value) }} />
          </View>
        ))}
      </View>
      {bars.length ? (
        <View className="bar-chart__axis">
          <Text>{bars[0].label}</Text>
          <Text>{bars[bars.length - 1].label}</Text>
        </View>
      ) : null}
    </View>
  );
}
