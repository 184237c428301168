import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { hashPassword } from '../../auth/password.ts';
import { checkPasswordStrength } from '../../auth/strength.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { AppError } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { insertUser, loginTaken } from './users.repository.ts';

/** The installation's first account: sees and manages every unit. Used by the CLI and the demo. */
export async function createSuperadmin(ctx: Ctx, login: string, password: string, displayName = 'Quản trị hệ thống') {
  if (password.length < 10) throw new AppError('validation', 'Mật khẩu tối thiểu 10 ký tự', { field: 'password' });
  checkPasswordStrength(password, [login, displayName]);
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    if (await loginTaken(tx, login)) throw new AppError('conflict', messages.loginTaken(login), { field: 'login' });
    const id = await insertUser(tx, { login, displayName, passwordHash, personId: null, isSuperadmin: true });
    await writeAudit(tx, null, {
      entity: 'user',
      entityId: id,
      action: 'create',
      unitId: null,
      after: { login, displayName, isSuperadmin: true },
    });
    return id;
  });
}
