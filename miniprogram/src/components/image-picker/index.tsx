import { Image, Text, View } from '@tarojs/components';
import type { useImagePicker } from '../../hooks/use-image-picker';
import { t } from '../../i18n/publish';
import './index.scss';

/** Up to the picker's limit of images (six for an item, three for a question) as thumbnails, each with its upload progress or error, remove and retry; "+" adds more. */
export function ImagePicker({ picker, id = 'image-picker' }: { picker: ReturnType<typeof useImagePicker>; id?: string }) {
  return (
    <View id={id} className="image-picker">
      {picker.images.map((image, index) => (
        <View key={image.key} id={`${id}-item-${index}`} className={`image-picker__item image-picker__item--${image.status}`}>
          <Image className="image-picker__thumb" src={image.previewUrl} mode="aspectFill" />
          {image.status === 'uploading' ? <Text className="image-picker__progress">{t('compose.uploading', { percent: image.percent })}</Text> : null}
          {image.status === 'failed' ? (
            <View className="image-picker__failed">
              <Text className="image-picker__error">{image.error ?? t('compose.uploadFailed')}</Text>
              <Text id={`${id}-retry-${index}`} className="image-picker__action" onClick={() => picker.retry(image.key)}>
                {t('compose.retryImage')}
              </Text>
            </View>
          ) : null}
          <Text id={`${id}-remove-${index}`} className="image-picker__remove" onClick={() => picker.remove(image.key)}>
            {t('compose.removeImage')}
          </Text>
        </View>
      ))}
      {picker.canAdd ? (
        <View id={`${id}-add`} className="image-picker__add" onClick={() => void picker.add()}>
          <Text className="image-picker__plus">+</Text>
          <Text className="image-picker__add-label">{t('compose.addImage')}</Text>
        </View>
      ) : null}
    </View>
  );
}
