import { createUser } from '../modules/users/users.service.ts';
import type { DemoCadres } from './cadres.ts';
import { unitId, type Loader } from './loader.ts';

export const DEMO_PASSWORD = 'canbo-demo-2024';

/** The commune union whose editor and secretary get demo accounts. */
export const DEMO_COMMUNE = 'LDO-X-CUJUT';

/** Accounts for each kind of user: province staff, a leader, a commune union, a cadre. */
export async function addUsers(l: Loader, cadres: DemoCadres): Promise<void> {
  const province = unitId(l, 'LDO');
  const commune = unitId(l, DEMO_COMMUNE);
  const secretary = cadres.after.find((p) => p.unit === DEMO_COMMUNE && p.title === 'secretary' && p.endDate === null);
  const person = secretary ? l.people.get(secretary.person) : undefined;
  const accounts = [
    {
      login: 'bantochuc',
      displayName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
      grants: [{ unitId: province, role: 'editor' as const }],
    },
    {
      login: 'lanhdao',
      displayName: 'Lãnh đạo Tỉnh đoàn Lâm Đồng',
      grants: [{ unitId: province, role: 'viewer' as const }],
    },
    { login: 'cujut', displayName: 'Văn phòng Đoàn xã Cư Jút', grants: [{ unitId: commune, role: 'editor' as const }] },
  ];
  for (const a of accounts) await createUser(l.ctx, l.actor, { ...a, password: DEMO_PASSWORD, personId: null });
  if (person !== undefined) {
    const p = cadres.people.find((x) => x.ref === secretary!.person)!;
    const name = [p.name.familyName, p.name.middleName, p.name.givenName].filter(Boolean).join(' ');
    await createUser(l.ctx, l.actor, {
      login: 'canbo',
      displayName: name,
      password: DEMO_PASSWORD,
      personId: person,
      grants: [],
    });
  }
}
