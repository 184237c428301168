#!/usr/bin/env node
/**
 * canbo — the command line: serve | migrate | create-admin | demo
 *   npm run canbo -- serve [--demo-if-empty]
 *   npm run canbo -- create-admin --login admin --password '…'
 *   npm run canbo -- demo
 */
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createSuperadmin } from './modules/users/users.bootstrap.ts';
import { loadDemo, DEMO_LOGINS, demoLoginsPresent } from './demo/demo.ts';
import type { Ctx } from './context.ts';

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      login: { type: 'string' },
      password: { type: 'string' },
      'demo-if-empty': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  const ctx: Ctx = { db, config };
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
    case 'serve': {
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
      throw new Error(`Lệnh không rõ: ${command}. Dùng: serve | migrate | create-admin | demo`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
