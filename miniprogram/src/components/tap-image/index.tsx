import { useState } from 'react';
import { Image, Text, View, type ImageProps } from '@tarojs/components';
import { t } from '../../i18n/shared';
import { isLowData } from '../../services/low-data';
import './index.scss';

export interface TapImageProps {
  id: string;
  className: string;
  src: string;
  mode: ImageProps['mode'];
  onClick?: () => void;
}

/**
 * A picture that, in low-data mode, is a placeholder (`<id>-placeholder`) until tapped: the tap loads
 * it and goes no further (a list row under it does not open). Otherwise a lazily loaded Image.
 */
export function TapImage({ id, className, src, mode, onClick }: TapImageProps) {
  const [shown, setShown] = useState(() => !isLowData());
  if (!shown) {
    return (
      <View
        id={`${id}-placeholder`}
        className={`${className} tap-image`}
        onClick={(event) => {
          event.stopPropagation();
          setShown(true);
        }}
      >
        <Text className="tap-image__text">{t('lowData.tapToLoad')}</Text>
      </View>
    );
  }
  return <Image id={id} className={className} src={src} mode={mode} lazyLoad onClick={onClick} />;
}
