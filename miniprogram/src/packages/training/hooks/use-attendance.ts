import { useEffect, useState } from 'react';
import type { CheckinRequest, SignupRequest } from '@shared/schemas/training';
import { useResource } from '../../../hooks/use-resource';
import { t } from '../../../i18n/training';
import { getAttendance, getStationHouseholds } from '../../../services/api-training';
import { QueueFullError } from '../../../services/officer-queue';
import { newActionKey, officerQueue } from '../../../services/officer-queue-device';
import { sendQueued } from '../../../services/officer-queue-send';
import { useTrainingAction } from './use-training-actions';

type Sent = 'done' | 'queued' | 'full';

/**
 * The officer's attendance page: the session's QR code, who signed up and who came, and the two things done
 * for people without a phone: sign up a household member by name, check in (a signed-up person, or by name).
 * Both go through the officer's offline queue (issue 16): the Idempotency-Key is made at the tap and kept
 * until the server has answered for it, so a session held where there is no signal is recorded once when
 * the network returns. The list is read again after each action and after the queue sends something: the
 * server alone decides who is checked in (once per person).
 */
export function useAttendance(id: string | undefined) {
  const attendance = useResource(id, getAttendance);
  const stationId = attendance.state.status === 'ready' ? attendance.state.value.training.stationId : undefined;
  const households = useResource(stationId, (station) => getStationHouseholds(station));
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const action = useTrainingAction();
  const { refresh } = attendance;

  // Fewer actions pending: the queue sent some (the network is back), so the list has changed.
  useEffect(() => {
    const queue = officerQueue();
    if (!queue) return undefined;
    let pending = queue.pending().length;
    const unsubscribe = queue.subscribe(() => {
      const now = queue.pending().length;
      if (now < pending) refresh();
      pending = now;
    });
    return () => {
      unsubscribe();
    };
  }, [refresh]);

  /** One action through the queue; `true` when it is recorded or waits on the phone (the form may be cleared). */
  const send = async (kind: 'signup' | 'checkin', body: SignupRequest | CheckinRequest, who: string): Promise<boolean> => {
    const queue = officerQueue();
    if (!id || !queue) return false;
    let sent = 'done' as Sent;
    const ok = await action.run<Sent>(
      async () => {
        try {
          const outcome = await sendQueued(queue, {
            key: newActionKey(kind),
            kind,
            method: 'POST',
            path: `/trainings/${encodeURIComponent(id)}/${kind === 'signup' ? 'signups' : 'checkins'}`,
            body,
            label: who,
          });
          if (outcome.kind === 'refused') throw outcome.error;
          return outcome.kind;
        } catch (error) {
          if (error instanceof QueueFullError) return 'full';
          throw error;
        }
      },
      (result) => {
        sent = result;
        if (result === 'done') refresh();
        else if (result === 'full') action.setMessage(t('queue.fullError'));
        else action.setMessage(t(kind === 'signup' ? 'training.queuedSignUp' : 'training.queuedCheckIn', { name: who }));
      },
    );
    return ok && sent !== 'full';
  };

  const checkInSignup = (signupId: string, who: string) => send('checkin', { signupId }, who);
  const forPerson = async (what: 'signUp' | 'checkIn') => {
    if (!householdId || !name.trim()) return false;
    const person = { householdId, name: name.trim() };
    const done =
      what === 'signUp'
        ? await send('signup', { ...person, ...(phone.trim() ? { phone: phone.trim() } : {}) }, person.name)
        : await send('checkin', person, person.name);
    if (done) {
      setName('');
      setPhone('');
    }
    return done;
  };
  return { attendance, households, householdId, setHouseholdId, name, setName, phone, setPhone, checkInSignup, forPerson, ...action };
}
