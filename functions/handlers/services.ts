import { dynamoHouseholdRepository } from '../data/households-repository';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoServiceLedger } from '../data/services-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoSupervisionRepository } from '../data/supervision-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { logConsultation, myServices, officerMonth, rateService } from '../domain/services/service-desk';
import { regionSupervision, supervisionCsv } from '../domain/services/supervision';
import { createHttpHandler, HttpResult } from '../http/pipeline';

const desk = { ledger: dynamoServiceLedger, stations: dynamoStationRepository, households: dynamoHouseholdRepository };
const supervision = { supervision: dynamoSupervisionRepository, regions: dynamoRegionRepository, stations: dynamoStationRepository };

// The pipeline's own deps: where the first answers of its queueable routes are kept for a replay.
const pipelineDeps = { replays: createIdempotencyStore() };

export const handler = createHttpHandler('services', pipelineDeps, {
  logConsultation: ({ caller, params, body, idempotencyKey }) => logConsultation(desk, caller, params.stationId, idempotencyKey, body),
  myServices: ({ caller }) => myServices(desk, caller),
  rateService: ({ caller, params, body }) => rateService(desk, caller, params.serviceId, body),
  officerMonth: ({ caller, params, query }) => officerMonth(desk, caller, params.stationId, query),
  regionSupervision: ({ caller, params, query }) => regionSupervision(supervision, caller, params.code, query),
  regionSupervisionCsv: async ({ caller, params, query, locale }) => {
    const figures = await regionSupervision(supervision, caller, params.code, query);
    return HttpResult.text(200, supervisionCsv(figures, locale), 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="supervision-${params.code}-${query.from}-${query.to}.csv"`,
    });
  },
});
