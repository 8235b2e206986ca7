#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startPrintAgent } from '../print.agent.ts';
import { PrinterError } from '../printer.error.ts';

/**
 * Runs beside a kiosk's printer: receives print:job from the server over Socket.IO.
 * The token may come from PRINT_AGENT_TOKEN so it does not show in `ps`.
 */
const USAGE =
  'Cách dùng: print-agent --server http://10.0.0.2:8080 --token MÃ --printer tcp://192.168.1.50:9100 [--timeout 3000]';

function main(argv: string[]): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        token: { type: 'string' },
        printer: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`Tham số không hợp lệ: ${(e as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const token = values.token ?? process.env.PRINT_AGENT_TOKEN;
  if (!values.server || !token || !values.printer) {
    console.error(`Thiếu --server, --token hoặc --printer.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 200 || timeoutMs > 60000)) {
    console.error('--timeout phải là số mili giây từ 200 đến 60000.');
    process.exitCode = 2;
    return;
  }
  let agent;
  try {
    agent = startPrintAgent({
      serverUrl: values.server,
      token,
      printer: values.printer,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  } catch (e) {
    console.error(e instanceof PrinterError ? e.message : `Không khởi động được: ${(e as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const stop = () => {
    void agent.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2));
