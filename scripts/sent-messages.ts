/**
 * `npm run sent-messages [-- <count>]`: the subscribe messages the local stack recorded instead of
 * sending them to WeChat, newest first (functions/adapters/local-subscribe-message.ts). Run `npm start` first.
 */
import './lib/env';
import { recordedMessages } from '../functions/adapters/local-subscribe-message';

async function main() {
  process.env.TABLE_NAME ??= 'yinong-local';
  process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  process.env.STAGE ??= 'local';
  process.env.LOG_LEVEL ??= 'silent';
  const messages = await recordedMessages(Number(process.argv[2] ?? 20));
  if (messages.length === 0)
    console.log('No subscribe message recorded yet: publish an urgent alert (or one asking for 收到) where someone subscribed.');
  for (const { at, request, answer } of messages) {
    const fields = Object.entries(request.data)
      .map(([key, { value }]) => `${key}=${value}`)
      .join('  ');
    console.log(
      `${at}  to ${request.touser}  ${request.page ?? ''}  errcode ${answer.errcode}${answer.msgid ? ` (${answer.msgid})` : ''}\n    ${fields}`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`sent-messages: ${error.message} (is \`npm start\` running on DYNAMODB_PORT=${process.env.DYNAMODB_PORT ?? 8000}?)`);
  process.exit(1);
});
