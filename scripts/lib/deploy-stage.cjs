// `provider.stage` of serverless.yml: the stage must be named, and be one this service knows.
// Without this, `osls package`/`deploy` with no --stage built the local stage: the dev sign-in and the
// repository's development secrets, deployable as is. Keep the lists equal to functions/config
// (LOCAL_STAGES, DEPLOYED_STAGES): a unit test compares them.
const DEPLOYED_STAGES = ['staging', 'prod'];
const LOCAL_STAGES = ['local', 'test'];

function refuse(message) {
  const error = new Error(message);
  error.stack = message; // osls prints the stack: keep it to the one sentence
  throw error;
}

module.exports = async ({ options }) => {
  const stage = options.stage;
  if (!stage) {
    refuse(`Name the stage: --stage ${DEPLOYED_STAGES.join('|')} to package or deploy, --stage local to run offline (npm start does).`);
  }
  if (![...DEPLOYED_STAGES, ...LOCAL_STAGES].includes(stage)) {
    refuse(`Unknown stage "${stage}": deployed stages are ${DEPLOYED_STAGES.join(', ')}; local ones ${LOCAL_STAGES.join(', ')}.`);
  }
  return stage;
};

module.exports.DEPLOYED_STAGES = DEPLOYED_STAGES;
module.exports.LOCAL_STAGES = LOCAL_STAGES;
