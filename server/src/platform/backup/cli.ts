import { loadConfig } from '../../config.js';
import { backup, BackupError, restore } from './backup.js';

/**
 * `npm run backup -- --out <file>` and `npm run restore -- --from <file> [--yes]`:
 * the database of DATABASE_URL (pg_dump / pg_restore), else the embedded one
 * in TUGI_DATA_DIR. One line of output; exit 1 on failure, 2 on wrong usage.
 */
const USAGE = 'usage: npm run backup -- --out <file>  |  npm run restore -- --from <file> [--yes]';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) {
    const value = args[at + 1];
    if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a file name`);
    return value;
  }
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1) || undefined;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const known = new Set(['--out', '--from', '--yes']);
  for (const a of args) if (a.startsWith('--') && !known.has(a.split('=')[0]!)) throw new UsageError(`unknown option ${a}`);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    throw new BackupError(`the configuration is invalid: ${(error as Error).message.split('\n')[0]}`);
  }
  const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const where = target.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${target.dataDir}`;
  if (command === 'backup') {
    const out = option(args, '--out');
    if (!out) throw new UsageError('--out <file> is required');
    const result = await backup(target, out);
    console.log(`Backup of ${where} written to ${result.file} (${result.bytes.toLocaleString('en')} bytes).`);
    return 0;
  }
  if (command === 'restore') {
    const from = option(args, '--from');
    if (!from) throw new UsageError('--from <file> is required');
    const result = await restore(target, from, { replace: args.includes('--yes') });
    console.log(`Restored ${from} into ${where}${result.movedAside ? `; the previous folder is kept in ${result.movedAside}` : ''}.`);
    return 0;
  }
  throw new UsageError(command ? `unknown command ${command}` : 'backup or restore?');
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message} (${USAGE})`);
    process.exitCode = 2;
  } else if (error instanceof BackupError) {
    console.error(`${process.argv[2] ?? 'backup'} failed: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`${process.argv[2] ?? 'backup'} failed: ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 1;
  }
}
