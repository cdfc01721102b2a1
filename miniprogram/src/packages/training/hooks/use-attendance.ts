import { useState } from 'react';
import { useResource } from '../../../hooks/use-resource';
import { checkIn, getAttendance, getStationHouseholds, signUp } from '../../../services/api-training';
import { useTrainingAction } from './use-training-actions';

/**
 * The officer's attendance page: the session's QR code, who signed up and who came, and the two things done
 * for people without a phone: sign up a household member by name, check in (a signed-up person, or by name).
 * Every action reloads the list from the server, which alone decides who is checked in (once per person).
 */
export function useAttendance(id: string | undefined) {
  const attendance = useResource(id, getAttendance);
  const stationId = attendance.state.status === 'ready' ? attendance.state.value.training.stationId : undefined;
  const households = useResource(stationId, (station) => getStationHouseholds(station));
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const action = useTrainingAction();

  const afterwards = () => {
    attendance.refresh();
  };
  const checkInSignup = (signupId: string) => (id ? action.run(() => checkIn(id, { signupId }), afterwards) : Promise.resolve(false));
  const forPerson = async (what: 'signUp' | 'checkIn') => {
    if (!id || !householdId || !name.trim()) return false;
    const person = { householdId, name: name.trim() };
    const done = await action.run<unknown>(
      () => (what === 'signUp' ? signUp(id, { ...person, ...(phone.trim() ? { phone: phone.trim() } : {}) }) : checkIn(id, person)),
      afterwards,
    );
    if (done) {
      setName('');
      setPhone('');
    }
    return done;
  };
  return { attendance, households, householdId, setHouseholdId, name, setName, phone, setPhone, checkInSignup, forPerson, ...action };
}
