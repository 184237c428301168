#!/usr/bin/env node
/**
 * canbo — the command line: serve | migrate | create-admin | demo | import | report | backup | restore
 *   npm run canbo -- serve [--demo-if-empty]
 *   npm run canbo -- create-admin --login admin --password '…'
 *   npm run canbo -- demo
 *   npm run canbo -- import people <file.xlsx> [--commit] [--login admin]   preview, or write with --commit
 *   npm run canbo -- report doi-ngu-can-bo --at 2024-06-30 --unit <code> --format json|xlsx|docx --out <file>
 *   npm run canbo -- report tien-do-de-an --scheme <id> [--at yyyy-mm-dd] --format …
 *                                     as a system administrator (the first, or --login's)
 *   npm run canbo -- backup <file>    every table, one snapshot, one portable file (either engine)
 *   npm run canbo -- restore <file>   into an empty database of either engine
 *   npm run canbo -- tallies rebuild  the training figures' tallies rebuilt from the records
 * DATABASE_URL chooses the database (a SQLite file by default, or postgres://…).
 */
import './memory.ts';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDb, type Db } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createSuperadmin } from './modules/users/users.bootstrap.ts';
import { loadDemo, DEMO_LOGINS, demoLoginsPresent } from './demo/demo.ts';
import type { Ctx } from './context.ts';
import { backup } from './backup/backup.ts';
import { restore } from './backup/restore.ts';
import { HeavyPool } from './workers/pool.ts';
import { importFromCli } from './modules/imports/imports.cli.ts';
import { reportFromCli } from './modules/reports/reports.cli.ts';
import { AppError } from './errors.ts';
import { prepareTallies, rebuildAllTallies } from './modules/figures/tallies.service.ts';

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      login: { type: 'string' },
      password: { type: 'string' },
      'demo-if-empty': { type: 'boolean', default: false },
      commit: { type: 'boolean', default: false },
      at: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      unit: { type: 'string' },
      scheme: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      number: { type: 'string' },
      signer: { type: 'string' },
      'signer-title': { type: 'string' },
      recipients: { type: 'string' },
      rounded: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  if (command === 'backup' || command === 'restore') {
    // Neither migrates first: a backup reads the database as it is, a restore migrates to its file's version.
    try {
      await copy(command, db, positionals[0]);
    } finally {
      await db.destroy();
    }
    return;
  }
  // The CLI's own work (demo, migrations) makes no documents: the pool's threads never start.
  const ctx: Ctx = { db, config, heavy: new HeavyPool(config.heavy) };
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} bản cập nhật CSDL: ${applied.join(', ')}`);

  switch (command) {
    case 'migrate':
      await db.destroy();
      return;
    case 'create-admin': {
      if (!values.login || !values.password) throw new Error('Cần --login và --password');
      await createSuperadmin(ctx, values.login, values.password);
      console.log(`Đã tạo tài khoản quản trị "${values.login}"`);
      await db.destroy();
      return;
    }
    case 'demo': {
      const loaded = await loadDemo(ctx);
      console.log(loaded ? 'Đã nạp dữ liệu mẫu.' : 'CSDL đã có dữ liệu: không nạp dữ liệu mẫu.');
      await db.destroy();
      return;
    }
    case 'import': {
      let code: number;
      try {
        code = await importFromCli(ctx, {
          kind: positionals[0],
          file: positionals[1],
          commit: values.commit,
          login: values.login,
        });
      } catch (err) {
        // A refused file (not a sheet, past a limit) is the user's error: say it, without a stack.
        if (!(err instanceof AppError)) throw err;
        console.log(err.message);
        code = 1;
      } finally {
        await ctx.heavy.close();
        await db.destroy();
      }
      process.exitCode = code;
      return;
    }
    case 'report': {
      try {
        process.exitCode = await reportFromCli(ctx, {
          name: positionals[0],
          at: values.at,
          from: values.from,
          to: values.to,
          unit: values.unit,
          scheme: values.scheme,
          format: values.format,
          out: values.out,
          login: values.login,
          number: values.number,
          signer: values.signer,
          signerTitle: values['signer-title'],
          recipients: values.recipients,
          rounded: values.rounded,
        });
      } finally {
        await ctx.heavy.close();
        await db.destroy();
      }
      return;
    }
    case 'tallies': {
      if (positionals[0] !== 'rebuild') throw new Error('Dùng: tallies rebuild');
      const started = Date.now();
      await rebuildAllTallies(ctx, (line) => console.log(`  ${line}`));
      console.log(`Đã tính lại số liệu tổng hợp đào tạo (${((Date.now() - started) / 1000).toFixed(1)} giây)`);
      await ctx.heavy.close();
      await db.destroy();
      return;
    }
    case 'serve': {
      // After a migration or a restore, the training figures' tallies are built before serving.
      if (await prepareTallies(ctx)) console.log('Đã tính lại số liệu tổng hợp đào tạo.');
      if (values['demo-if-empty'] && (await loadDemo(ctx))) {
        console.log('Đã nạp tổ chức mẫu (Tỉnh đoàn Đắk Nông → Lâm Đồng).');
      }
      const app = await buildApp({ config, db, logger: true });
      const close = async () => {
        await app.close();
        await db.destroy();
        process.exit(0);
      };
      process.on('SIGINT', () => void close());
      process.on('SIGTERM', () => void close());
      await app.listen({ port: config.port, host: config.host });
      console.log(`\nCanbo đang chạy: http://localhost:${config.port}`);
      if (await demoLoginsPresent(ctx)) {
        console.log('Tài khoản mẫu:');
        for (const d of DEMO_LOGINS) console.log(`  ${d.login} / ${d.password}  — ${d.description}`);
      }
      return;
    }
    default:
      throw new Error(
        `Lệnh không rõ: ${command}. Dùng: serve | migrate | create-admin | demo | import | report | backup | restore | tallies`,
      );
  }
}

async function copy(command: 'backup' | 'restore', db: Db, file: string | undefined): Promise<void> {
  if (!file) throw new Error(`Cần tên tệp: canbo ${command} <tệp>, ví dụ canbo ${command} canbo-2026-01-31.canbo.gz`);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  const size = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  const n = (x: number) => x.toLocaleString('vi-VN');
  if (command === 'backup') {
    const s = await backup(db, file);
    console.log(
      `Đã sao lưu ${n(s.tables)} bảng, ${n(s.rows)} dòng vào ${file} (${size(s.bytes)}) trong ${seconds()} giây.`,
    );
    return;
  }
  const s = await restore(db, file);
  console.log(`Đã khôi phục ${n(s.tables)} bảng, ${n(s.rows)} dòng từ ${file} trong ${seconds()} giây.`);
  if (s.upgraded.length) console.log(`Đã cập nhật cấu trúc CSDL sau khi khôi phục: ${s.upgraded.join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
