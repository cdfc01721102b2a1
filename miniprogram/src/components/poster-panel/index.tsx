import { t } from '../../i18n/staff';
import { usePosterDownload } from '../../hooks/use-poster-download';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';

/** "下载二维码海报": the station's A4 poster, saved (H5) or sent to a chat to print (WeChat). */
export function PosterPanel({ station }: { station: { id: string; code: string } }) {
  const { state, start } = usePosterDownload(station);
  const intro = process.env.TARO_ENV === 'weapp' ? `${t('poster.intro')}${t('poster.weappNote')}` : t('poster.intro');
  return (
    <Panel id="station-poster" title={t('poster.title')} intro={intro}>
      <ActionButton id="station-poster-button" kind="secondary" loading={state.status === 'pending'} onClick={() => void start()}>
        {state.status === 'pending' ? t('poster.downloading') : t('poster.download')}
      </ActionButton>
      {state.status === 'done' ? <Notice id="station-poster-done" kind={state.ok ? 'success' : 'info'} text={state.message} /> : null}
      {state.status === 'failed' ? <Notice id="station-poster-error" kind="error" text={state.message} /> : null}
    </Panel>
  );
}
