import type { Page, Role, User, UserCreate } from '@canbo/contract';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { grantRoots } from '../../auth/policy.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { hashToken, loadActor } from '../../auth/session.ts';
import { checkPasswordStrength } from '../../auth/strength.ts';
import { loginWait, recordFailure } from '../../auth/throttle.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError, forbidden, invalid, notFound } from '../../errors.ts';
import { pageFrom } from '../../lib/paging.ts';
import { updateVersioned, type VersionedValues } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import {
  accountOfPerson,
  commonAncestor,
  deleteGrant,
  displayNameColumns,
  endSessions,
  findGrant,
  findSuperadmin,
  findManageableUser,
  grantOnUnit,
  grantsOf,
  grantsWithin,
  insertGrant,
  insertUser,
  listUsers,
  loadUser,
  loginTaken,
  manageablePersonUnit,
  manageableUnitName,
  namesAround,
  passwordHashOf,
  setPasswordHash,
  toUser,
  unitOfPerson,
  withGrants,
  type UserListInput,
  type UserRow,
} from './users.repository.ts';

const NOT_FOUND = 'Tài khoản';

function requireAdmin(actor: Actor): void {
  if (!actor.isSuperadmin && !grantRoots(actor, 'user.manage').length) {
    throw forbidden('Chỉ quản trị viên đơn vị mới quản lý được tài khoản');
  }
}

/** What an audit row keeps of an account: never the password hash. */
function auditView(u: User) {
  return {
    login: u.login,
    displayName: u.displayName,
    personId: u.personId,
    disabled: u.disabled,
    grants: u.grants.map((g) => ({ unitId: g.unitId, unitName: g.unitName, role: g.role })),
  };
}

/** Where an account's audit rows are filed: the deepest unit above everything it reaches. */
async function auditUnit(tx: Tx, u: User, personUnitId: number | null): Promise<number | null> {
  const units = u.grants.map((g) => g.unitId);
  if (personUnitId !== null) units.push(personUnitId);
  return commonAncestor(tx, units);
}

/** The account the actor may change: missing and out of scope are 404; superadmins are never edited here. */
async function changeable(tx: Tx, actor: Actor, id: number): Promise<UserRow> {
  const row = await findManageableUser(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  if (row.is_superadmin === 1) {
    throw forbidden('Tài khoản quản trị hệ thống chỉ được thay đổi bằng dòng lệnh trên máy chủ');
  }
  return row;
}

/** A cadre to link an account to: inside the actor's scope and not yet linked to another account. */
async function checkPerson(tx: Tx, actor: Actor, personId: number, exceptUserId?: number): Promise<void> {
  const unitId = await manageablePersonUnit(tx, actor, personId);
  if (unitId === undefined) {
    throw new AppError('not_found', 'Cán bộ không tồn tại hoặc ngoài phạm vi quản lý của bạn', { field: 'personId' });
  }
  if ((await accountOfPerson(tx, personId, exceptUserId)) !== undefined) {
    throw new AppError('conflict', 'Cán bộ này đã có tài khoản riêng', { field: 'personId' });
  }
}

async function checkGrantUnit(tx: Tx, actor: Actor, unitId: number, field: string): Promise<string> {
  const name = await manageableUnitName(tx, actor, unitId);
  if (name === undefined) {
    throw new AppError('not_found', 'Đơn vị không tồn tại hoặc ngoài phạm vi quản trị của bạn', { field });
  }
  return name;
}

export async function listUsersFor(ctx: Ctx, actor: Actor, input: UserListInput): Promise<Page<User>> {
  requireAdmin(actor);
  const tx = reader(ctx);
  const { rows, total } = await listUsers(tx, actor, input);
  const grants = await grantsOf(
    tx,
    rows.map((r) => r.id),
  );
  return pageFrom(
    rows.map((r) => toUser(r, grants.get(r.id) ?? [])),
    total,
    input,
  );
}

export async function getUser(ctx: Ctx, actor: Actor, id: number): Promise<User> {
  const tx = reader(ctx);
  const row = await findManageableUser(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  return withGrants(tx, row);
}

export async function createUser(ctx: Ctx, actor: Actor, input: UserCreate): Promise<User> {
  requireAdmin(actor);
  const personId = input.personId ?? null;
  if (!input.grants.length && personId === null) {
    throw invalid(
      'grants',
      'Phân quyền: cấp ít nhất một vai trò trên một đơn vị, hoặc liên kết tài khoản với một cán bộ',
    );
  }
  const seen = new Set<number>();
  input.grants.forEach((g, i) => {
    if (seen.has(g.unitId)) throw invalid(`grants.${i}.unitId`, 'Phân quyền: mỗi đơn vị chỉ được cấp một vai trò');
    seen.add(g.unitId);
  });
  checkPasswordStrength(input.password, [
    input.login,
    input.displayName,
    ...(await namesAround(
      reader(ctx),
      actor,
      input.grants.map((g) => g.unitId),
      personId,
    )),
  ]);
  // Hash outside the transaction: argon2 is deliberately slow and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    for (const [i, g] of input.grants.entries()) await checkGrantUnit(tx, actor, g.unitId, `grants.${i}.unitId`);
    if (personId !== null) await checkPerson(tx, actor, personId);
    if (await loginTaken(tx, input.login)) {
      throw new AppError('conflict', messages.loginTaken(input.login), { field: 'login' });
    }
    const id = await insertUser(tx, { login: input.login, displayName: input.displayName, passwordHash, personId });
    for (const g of input.grants) await insertGrant(tx, id, g.unitId, g.role);
    const created = await loadUser(tx, id);
    if (!created) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: id,
      action: 'create',
      unitId: await auditUnit(tx, created, await unitOfPerson(tx, personId)),
      after: auditView(created),
    });
    return created;
  });
}

export async function updateUser(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: { version: number; displayName?: string; disabled?: boolean; personId?: number | null },
): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const row = await changeable(tx, actor, id);
    const before = await withGrants(tx, row);
    if (input.disabled === true && id === actor.userId) {
      throw invalid('disabled', 'Bạn không thể tự khoá tài khoản của chính mình');
    }
    const values: VersionedValues<'users'> = {};
    if (input.displayName !== undefined) Object.assign(values, displayNameColumns(row.login, input.displayName));
    if (input.disabled !== undefined) values.disabled = input.disabled ? 1 : 0;
    if (input.personId !== undefined && input.personId !== row.person_id) {
      if (input.personId === null) {
        if (!before.grants.length) {
          throw invalid('personId', 'Cán bộ: tài khoản không có phân quyền nào phải gắn với một cán bộ');
        }
      } else {
        await checkPerson(tx, actor, input.personId, id);
      }
      values.person_id = input.personId;
    }
    await updateVersioned(tx, 'users', id, input.version, values);
    const after = await loadUser(tx, id);
    if (!after) throw notFound(NOT_FOUND);
    if (after.disabled && !before.disabled) await endSessions(tx, id);
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: id,
      action: after.disabled !== before.disabled ? (after.disabled ? 'disable' : 'enable') : 'update',
      unitId: await auditUnit(tx, after, await unitOfPerson(tx, after.personId)),
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Sets a new password and ends every session of the account, so whoever held it is signed out. */
export async function resetPassword(ctx: Ctx, actor: Actor, id: number, password: string): Promise<void> {
  // Read first to judge the password by the account's names; the transaction checks access again.
  const target = await findManageableUser(reader(ctx), actor, id);
  if (target) {
    const user = await withGrants(reader(ctx), target);
    checkPasswordStrength(password, [
      user.login,
      user.displayName,
      user.personName,
      ...user.grants.map((g) => g.unitName),
    ]);
  }
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const row = await changeable(tx, actor, id);
    const user = await withGrants(tx, row);
    await setPasswordHash(tx, id, passwordHash);
    await endSessions(tx, id);
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: id,
      action: 'password_reset',
      unitId: await auditUnit(tx, user, row.person_unit_id),
      // The fact, never the hash.
      after: { passwordReset: true },
    });
  });
}

/**
 * A grant change is part of the account's history (entity 'user'), filed under the grant's unit as
 * grant rows always were, so that unit's readers see it; its before/after list only the grants on
 * that unit and below, which is all those readers may see of the account.
 */
export async function addGrant(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: { unitId: number; role: Role },
): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    await changeable(tx, actor, id);
    await checkGrantUnit(tx, actor, input.unitId, 'unitId');
    if (await grantOnUnit(tx, id, input.unitId)) {
      throw new AppError(
        'conflict',
        'Tài khoản đã có vai trò trên đơn vị này; xoá vai trò cũ trước khi cấp vai trò khác',
        {
          field: 'unitId',
        },
      );
    }
    return changeGrants(tx, actor, id, input.unitId, 'grant_add', () => insertGrant(tx, id, input.unitId, input.role));
  });
}

export async function removeGrant(ctx: Ctx, actor: Actor, id: number, grantId: number): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const row = await changeable(tx, actor, id);
    const grant = await findGrant(tx, id, grantId);
    if (!grant) throw notFound('Phân quyền');
    const all = await grantsOf(tx, [id]);
    if ((all.get(id)?.length ?? 0) <= 1 && row.person_id === null) {
      throw invalid('grantId', 'Không xoá được vai trò cuối cùng của tài khoản; hãy khoá tài khoản nếu không dùng nữa');
    }
    return changeGrants(tx, actor, id, grant.unit_id, 'grant_remove', () => deleteGrant(tx, grantId));
  });
}

/**
 * Applies a grant change and files it in the account's history under the grant's unit, with the
 * account's grants on that subtree before and after — not all of them, which that unit's viewers
 * may not see.
 */
async function changeGrants(
  tx: Tx,
  actor: Actor,
  id: number,
  unitId: number,
  action: 'grant_add' | 'grant_remove',
  change: () => Promise<unknown>,
): Promise<User> {
  const before = await grantsWithin(tx, id, unitId);
  await change();
  await writeAudit(tx, actor, {
    entity: 'user',
    entityId: id,
    action,
    unitId,
    before: { grants: before },
    after: { grants: await grantsWithin(tx, id, unitId) },
  });
  const user = await loadUser(tx, id);
  if (!user) throw notFound(NOT_FOUND);
  return user;
}

/**
 * The signed-in user's own new password, proven by the current one. A wrong current password
 * counts as a failed login (auth/throttle.ts), so a left-open session cannot be used to guess it.
 * Every other session of the account ends; this one goes on.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  actor: Actor,
  input: { currentPassword: string; password: string; address: string; sessionToken: string },
): Promise<void> {
  const attempt = { login: actor.login, address: input.address };
  const wait = await loginWait(reader(ctx), attempt);
  if (wait > 0) {
    throw new AppError('rate_limited', messages.passwordThrottled(wait), {
      retryAfter: wait,
    });
  }
  const stored = await passwordHashOf(reader(ctx), actor.userId);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    await inTransaction(ctx, (tx) => recordFailure(tx, attempt));
    throw invalid('currentPassword', 'Mật khẩu hiện tại: không đúng');
  }
  if (input.password === input.currentPassword) {
    throw invalid('password', 'Mật khẩu: mật khẩu mới phải khác mật khẩu hiện tại');
  }
  const self = await loadUser(reader(ctx), actor.userId);
  checkPasswordStrength(input.password, [
    actor.login,
    actor.displayName,
    self?.personName,
    ...actor.grants.map((g) => g.unitName),
  ]);
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx, actor.userId, passwordHash);
    await endSessions(tx, actor.userId, hashToken(input.sessionToken));
    const user = await loadUser(tx, actor.userId);
    if (!user) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: actor.userId,
      action: 'password_change',
      unitId: await auditUnit(tx, user, await unitOfPerson(tx, user.personId)),
      // The fact, never the hash.
      after: { passwordChanged: true },
    });
  });
}

/**
 * The account a command-line run acts as: a system administrator (the first, or `login`'s), whose
 * scope is the whole tree and under whose name its writes are audited. Null (after saying why) when
 * there is none yet.
 */
export async function commandLineActor(
  ctx: Ctx,
  login: string | undefined,
  print: (line: string) => void,
): Promise<Actor | null> {
  const admin = await findSuperadmin(reader(ctx), login);
  if (!admin) {
    print('Chưa có tài khoản quản trị hệ thống: tạo bằng canbo create-admin trước.');
    return null;
  }
  return loadActor(reader(ctx), admin);
}
