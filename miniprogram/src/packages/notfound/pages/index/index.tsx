import { View } from '@tarojs/components';
import { StateView } from '../../../../components/state-view';
import { t } from '../../../../i18n/shared';
import { goHome } from '../../../../services/routes';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** Where an unknown route lands (app.tsx's onPageNotFound): say so, and lead home. */
export default function NotFoundPage() {
  useNavTitle(t('notFound.navTitle'));
  return (
    <View style={pageStyle} className="page">
      <StateView
        id="not-found-page"
        kind="empty"
        title={t('notFound.title')}
        description={t('notFound.hint')}
        actions={[{ id: 'not-found-home-button', label: t('state.home'), onClick: goHome }]}
      />
    </View>
  );
}
