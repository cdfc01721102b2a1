import { useCallback, useState } from 'react';
import { errorText, t } from '../i18n/staff';
import { downloadPoster, type PosterOutcome } from '../services/poster';
import { toApiErrorLike } from '../services/errors';

export type PosterState =
  { status: 'idle' } | { status: 'pending' } | { status: 'done'; message: string; ok: boolean } | { status: 'failed'; message: string };

function outcomeText(outcome: PosterOutcome): string {
  if (outcome.kind === 'saved') return t('poster.saved', { file: outcome.fileName });
  if (outcome.kind === 'shared') return t('poster.shared', { file: outcome.fileName });
  return t('poster.notShared');
}

/** The "下载二维码海报" button: one download at a time, and what became of it. */
export function usePosterDownload(
  station: { id: string; code: string } | undefined,
  download: (station: { id: string; code: string }) => Promise<PosterOutcome> = downloadPoster,
) {
  const [state, setState] = useState<PosterState>({ status: 'idle' });
  const start = useCallback(async () => {
    if (!station) return;
    setState({ status: 'pending' });
    try {
      const outcome = await download(station);
      setState({ status: 'done', message: outcomeText(outcome), ok: outcome.kind !== 'not-shared' });
    } catch (error) {
      const { code } = toApiErrorLike(error);
      setState({ status: 'failed', message: code === 'NOT_FOUND' ? t('poster.error.NOT_FOUND') : errorText(code) });
    }
  }, [station, download]);
  return { state, start };
}
