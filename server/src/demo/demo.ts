import type { Ctx } from '../context.ts';
import { reader } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import { loadActor } from '../auth/session.ts';
import { createSuperadmin } from '../modules/users/users.bootstrap.ts';
import { generateCadres } from './cadres.ts';
import { countLogins, hasUnits, userByLogin } from './demo.repository.ts';
import { addPeople, addPositions, moveRecords } from './load.cadres.ts';
import { restructure } from './load.restructure.ts';
import { buildTree } from './load.tree.ts';
import { addProgrammes, addTraining } from './training.ts';
import { addTitleClass2023, planClass2023, traineeSeats } from './training.class2023.ts';
import { addUsers, DEMO_PASSWORD } from './load.users.ts';
import type { Loader } from './loader.ts';
import { PROVINCE_DECISION } from './restructure.ts';
import { addStudies } from './studies.ts';
import { addSchemes } from './schemes.ts';
import { addLaterVisits, addVisits2023 } from './visits.ts';
import { todayIso } from '../lib/dates.ts';

/**
 * The demo organisation: Tỉnh đoàn Đắk Nông as it stood when the January 2024 article was written,
 * with Lâm Đồng and Bình Thuận, a few hundred cadres with dated positions, and the 1 July 2025
 * restructuring applied as events — so the tree "as of 2024-01-23" is Đắk Nông's and today's is
 * Lâm Đồng's. Everything goes through the services, as if typed in by the organisation board.
 */

export const DEMO_LOGINS: { login: string; password: string; description: string }[] = [
  { login: 'admin', password: DEMO_PASSWORD, description: 'Quản trị hệ thống: toàn quyền, quản lý tài khoản' },
  {
    login: 'bantochuc',
    password: DEMO_PASSWORD,
    description: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng: cập nhật toàn tỉnh',
  },
  { login: 'lanhdao', password: DEMO_PASSWORD, description: 'Lãnh đạo Tỉnh đoàn Lâm Đồng: chỉ xem toàn tỉnh' },
  {
    login: 'cujut',
    password: DEMO_PASSWORD,
    description: 'Đoàn xã Cư Jút (thành lập 01/7/2025): cập nhật đơn vị mình',
  },
  {
    login: 'canbo',
    password: DEMO_PASSWORD,
    description: 'Cán bộ (Bí thư Đoàn xã Cư Jút): xem hồ sơ của chính mình, ghi các đợt đi cơ sở',
  },
];

/** Whether the demo accounts are there, so the CLI prints them only when they work. */
export async function demoLoginsPresent(ctx: Ctx): Promise<boolean> {
  return (
    (await countLogins(
      reader(ctx),
      DEMO_LOGINS.map((d) => d.login),
    )) === DEMO_LOGINS.length
  );
}

/** The administrator the demo acts as: `admin`, created unless an installation already has it. */
async function administrator(ctx: Ctx): Promise<Actor> {
  const tx = reader(ctx);
  let user = await userByLogin(tx, 'admin');
  if (!user) {
    await createSuperadmin(ctx, 'admin', DEMO_PASSWORD);
    user = await userByLogin(tx, 'admin');
  }
  if (!user?.is_superadmin) throw new Error('Tài khoản "admin" đã có nhưng không phải quản trị hệ thống');
  return loadActor(tx, user);
}

/** Loads the demo organisation into an empty database; returns false when data already exists. */
export async function loadDemo(ctx: Ctx): Promise<boolean> {
  if (await hasUnits(reader(ctx))) return false;
  let n = 1000;
  const l: Loader = {
    ctx,
    actor: await administrator(ctx),
    units: new Map(),
    people: new Map(),
    decision: () => PROVINCE_DECISION(n++),
  };
  const cadres = generateCadres();
  const class2023 = planClass2023(cadres);
  const seated2023 = traineeSeats(class2023);
  await buildTree(l);
  await addPeople(l, cadres);
  // The 2023 class's trainees get their seats from its loader, entered as they stood at the time.
  await addPositions(
    l,
    cadres.before.filter((p) => !seated2023.has(p)),
  );
  const programmes = await addProgrammes(l);
  // Held on the 2023 tree, before the restructuring ends its district unions.
  await addTitleClass2023(l, class2023, programmes);
  await addVisits2023(l, cadres);
  await restructure(l);
  await addPositions(l, cadres.after);
  await moveRecords(l, cadres);
  await addUsers(l, cadres);
  const cadre = await userByLogin(reader(ctx), 'canbo');
  if (cadre?.person_id) await addLaterVisits(l, cadre.person_id, Number(todayIso().slice(0, 4)));
  await addTraining(l, programmes, cadres);
  await addStudies(l, cadres);
  await addSchemes(l);
  return true;
}
