import { Text, View } from '@tarojs/components';
import { errorText } from '../../i18n';
import { requestNote } from '../../services/errors';
import { ActionButton } from '../action-button';
import { Spinner } from '../spinner';
import { pageStyle } from '../../services/page-style';

export interface StateAction {
  id: string;
  label: string;
  onClick: () => void;
  kind?: 'primary' | 'secondary';
}

export interface StateViewProps {
  id?: string;
  kind: 'loading' | 'empty' | 'error';
  title: string;
  description?: string;
  /** Small print under the description, e.g. the request id support can look up. */
  note?: string;
  actions?: StateAction[];
}

/** Loading, empty and error states of a page, with their way out (retry, home). */
export function StateView({ id, kind, title, description, note, actions = [] }: StateViewProps) {
  return (
    <View id={id} className={`state-view state-view--${kind}`} style={pageStyle}>
      {kind === 'loading' ? (
        <View className="state-view__spinner">
          <Spinner />
        </View>
      ) : (
        <View className="state-view__mark">
          <Text>{kind === 'error' ? '!' : '?'}</Text>
        </View>
      )}
      <Text className="state-view__title">{title}</Text>
      {description ? <Text className="state-view__description">{description}</Text> : null}
      {note ? <Text className="state-view__note">{note}</Text> : null}
      {actions.length > 0 ? (
        <View className="state-view__actions">
          {actions.map((action) => (
            <ActionButton key={action.id} id={action.id} kind={action.kind ?? 'primary'} onClick={action.onClick}>
              {action.label}
            </ActionButton>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export interface ErrorStateViewProps {
  id: string;
  title: string;
  /** What failed: its code reads as the description, its request id as the note. */
  error: { code: string; requestId?: string };
  actions?: StateAction[];
}

/** A failed load: what failed, why in words, the id support can look up, and the way out. */
export function ErrorStateView({ id, title, error, actions }: ErrorStateViewProps) {
  return <StateView id={id} kind="error" title={title} description={errorText(error.code)} note={requestNote(error.requestId)} actions={actions} />;
}
