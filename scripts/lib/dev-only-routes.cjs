// A local plugin of serverless.yml: the route table's `devOnly` routes (development aids such as the WeChat Pay
// stub's sheet, under /dev/) get their API Gateway events in the local stages only. serverless.yml lists them
// under custom.devOnlyHttpEvents, by function (tests/unit/shared/route-table.test.ts checks them against the
// table); this adds them to their functions at `initialize`, before any command (package, deploy, offline)
// reads the events. A deployed stage's template thus has no such route at all, where a handler answering 404
// would still leave the path reachable and listed (tests/integration/deploy-template.test.ts).
const { LOCAL_STAGES } = require('./deploy-stage.cjs');

const DEV_PREFIX = '/dev/';

/**
 * Adds the dev-only events to their functions when `stage` is a local one; nothing otherwise.
 * Returns what was added, as `function METHOD path`. Refuses a listed event outside /dev/ or of an unknown
 * function: a production route must never depend on the stage.
 */
function addDevOnlyEvents(service, stage) {
  const byFunction = (service.custom && service.custom.devOnlyHttpEvents) || {};
  for (const [name, events] of Object.entries(byFunction)) {
    if (!service.functions[name]) throw new Error(`custom.devOnlyHttpEvents names ${name}, which is no function of this service`);
    for (const event of events) {
      const path = event && event.httpApi && event.httpApi.path;
      if (typeof path !== 'string' || !path.startsWith(DEV_PREFIX)) {
        throw new Error(`custom.devOnlyHttpEvents.${name}: ${JSON.stringify(event)} is not an httpApi event under ${DEV_PREFIX}`);
      }
    }
  }
  if (!LOCAL_STAGES.includes(stage)) return [];
  const added = [];
  for (const [name, events] of Object.entries(byFunction)) {
    const fn = service.functions[name];
    fn.events = fn.events || [];
    for (const event of events) {
      const key = `${name} ${event.httpApi.method.toUpperCase()} ${event.httpApi.path}`;
      // `initialize` may run again in one process (serverless-offline restarts): add each event once.
      const present = fn.events.some((e) => e.httpApi && e.httpApi.path === event.httpApi.path && e.httpApi.method === event.httpApi.method);
      if (!present) {
        fn.events.push({ httpApi: { ...event.httpApi } });
        added.push(key);
      }
    }
  }
  return added;
}

class DevOnlyRoutes {
  constructor(serverless, options) {
    this.hooks = {
      initialize: () => {
        const stage = (options && options.stage) || serverless.service.provider.stage;
        addDevOnlyEvents(serverless.service, stage);
      },
    };
  }
}

module.exports = DevOnlyRoutes;
module.exports.addDevOnlyEvents = addDevOnlyEvents;
