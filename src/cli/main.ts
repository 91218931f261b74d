import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/database.js';
import { createAuthService } from '../server/auth/auth.service.js';
import { systemClock } from '../server/clock.js';
import { AppError } from '../core/errors.js';
import { registerBody } from '../contract/auth.js';

const usage = `Usage: panelist <command> [options]

Commands:
  serve                                   start the server (PORT, HOST, DATABASE_URL, … from the environment)
  migrate                                 apply database migrations and exit
  create-admin --email E --password P [--name N]
                                          create a platform admin (or promote an existing account)
  evaluate [FILE]                         grade JSONL answers from FILE or stdin, one JSONL result per line
  backup FILE                             write the embedded database, stored files and secret key to FILE (server stopped)
  restore FILE [--force]                  restore a backup into DATA_DIR (empty, or replaced with --force; server stopped)
  help                                    show this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { startServer } = await import('../server/main.js');
      await startServer(loadConfig());
      return -1; // keep running
    }
    case 'migrate': {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        process.stdout.write(`Migrations applied (${database.kind}).\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      const parsed = registerBody.safeParse({ email: values.email, password: values.password, name: values.name ?? 'Platform admin' });
      if (!parsed.success) {
        process.stderr.write(`create-admin: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
        return 2;
      }
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const auth = createAuthService({ db: database.db, config, clock: systemClock });
        const { user, created } = await auth.createPlatformAdmin(parsed.data);
        process.stdout.write(`${created ? 'Created' : 'Promoted'} platform admin ${user.email} (${user.id}).\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'backup':
    case 'restore': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: 'boolean' } } });
      const file = positionals[0];
      if (!file || positionals.length > 1 || (command === 'backup' && values.force)) {
        process.stderr.write(`${command}: give one FILE.\n\n${usage}`);
        return 2;
      }
      const { backupDataDir, restoreDataDir } = await import('../server/backup/backup.js');
      const config = loadConfig();
      const started = Date.now();
      const done =
        command === 'backup' ? await backupDataDir(config, file) : await restoreDataDir(config, file, { force: values.force ?? false });
      const what = `database ${(done.databaseBytes / 1048576).toFixed(1)} MiB compressed and ${done.files} stored files`;
      process.stdout.write(
        command === 'backup'
          ? `Backed up ${what} to ${done.file} in ${Date.now() - started} ms.\n`
          : `Restored ${what} into ${config.dataDir} in ${Date.now() - started} ms.\n`,
      );
      return 0;
    }
    case 'evaluate': {
      const { runEvaluate } = await import('./evaluate-command.js');
      return runEvaluate(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
