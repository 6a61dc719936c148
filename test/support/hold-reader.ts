/**
 * An analyst in another process: opens the warehouse file READ_ONLY and
 * keeps the handle. Each line on stdin is a command: "count" prints the
 * number of reports through the open handle, "reconnect" closes it and opens
 * the file again, "quit" ends. Each answer is one JSON line on stdout.
 */
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';

const db = process.argv[2] as string;
let instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
let connection = await instance.connect();
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
say({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'count') {
    const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM reports');
    say({ reports: reader.getRows()[0]?.[0] });
  } else if (line === 'reconnect') {
    connection.closeSync();
    instance.closeSync();
    instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    connection = await instance.connect();
    say({ reconnected: true });
  } else if (line === 'quit') {
    connection.closeSync();
    instance.closeSync();
    say({ bye: true });
    break;
  }
}
