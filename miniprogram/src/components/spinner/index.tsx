import { View } from '@tarojs/components';

/**
 * A turning ring: taro-ui's loading markup and stylesheet (app.scss imports loading.scss) without its
 * React component, which brought prop-types and classnames into the main package. Size and colour
 * come from the parent's stylesheet (`.at-loading`, `.at-loading__ring`).
 */
export function Spinner() {
  return (
    <View className="at-loading">
      <View className="at-loading__ring" />
      <View className="at-loading__ring" />
      <View className="at-loading__ring" />
    </View>
  );
}
