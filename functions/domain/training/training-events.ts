/**
 * The domain event of an attendance, for the service ledger (issue 15, built elsewhere) to consume: each
 * check-in that recorded someone new yields exactly one `trainingAttended`, carrying what a service record
 * needs. A repeated scan of the same person yields none (the check-in's condition refused it).
 */
import type { CheckinRecord, TrainingRecord } from './training';

export interface TrainingAttendedEvent {
  type: 'training';
  trainingId: string;
  stationId: string;
  stationVillageCode: string;
  /** The officer serving it: who checked the person in, else whoever scheduled the session. */
  officerId: string | null;
  householdId: string | null;
  userId: string | null;
  /** When the person was checked in (ISO, UTC). */
  at: string;
}

export type TrainingEventSink = (event: TrainingAttendedEvent) => void | Promise<void>;

export function trainingAttended(
  training: TrainingRecord,
  checkin: CheckinRecord,
  officerIds: { checkedInBy: string | null; scheduledBy: string | null },
): TrainingAttendedEvent {
  return {
    type: 'training',
    trainingId: training.id,
    stationId: training.stationId,
    stationVillageCode: training.stationVillageCode,
    officerId: officerIds.checkedInBy ?? officerIds.scheduledBy,
    householdId: checkin.householdId,
    userId: checkin.userId,
    at: checkin.at,
  };
}
