import type { Actor } from '../../auth/actor.ts';
import { grantRoots } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { forbidden } from '../../errors.ts';

/**
 * The training catalogue (kinds, programmes) is shared by the whole tree, so an admin of one
 * district must not change what every other unit picks from: only a superadmin or an admin
 * whose grant sits on a top unit (a province, parent_id null) edits it.
 */
export async function requireCatalogManager(tx: Tx, actor: Actor): Promise<void> {
  if (actor.isSuperadmin) return;
  const roots = grantRoots(actor, 'catalog.manage');
  if (roots.length) {
    const top = await tx.q
      .selectFrom('units')
      .select('id')
      .where('id', 'in', roots)
      .where('parent_id', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (top) return;
  }
  throw forbidden('Danh mục đào tạo dùng chung cho toàn hệ thống: chỉ quản trị viên cấp tỉnh mới được sửa');
}
