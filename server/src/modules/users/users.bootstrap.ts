import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { hashPassword } from '../../auth/password.ts';
import { nowIso } from '../../db/dialect.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { AppError } from '../../errors.ts';
import { displayNameColumns } from './users.repository.ts';

/** The installation's first account: sees and manages every unit. Used by the CLI and the demo. */
export async function createSuperadmin(ctx: Ctx, login: string, password: string, displayName = 'Quản trị hệ thống') {
  if (password.length < 10) throw new AppError('validation', 'Mật khẩu tối thiểu 10 ký tự', { field: 'password' });
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.q.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
    if (exists) throw new AppError('conflict', `Tên đăng nhập "${login}" đã có`, { field: 'login' });
    const now = nowIso();
    const row = await tx.q
      .insertInto('users')
      .values({
        login,
        ...displayNameColumns(login, displayName),
        password_hash: passwordHash,
        person_id: null,
        is_superadmin: 1,
        disabled: 0,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, null, {
      entity: 'user',
      entityId: row.id,
      action: 'create',
      unitId: null,
      after: { login, displayName, isSuperadmin: true },
    });
    return row.id;
  });
}
