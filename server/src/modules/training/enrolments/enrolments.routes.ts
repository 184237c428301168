import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf, sendFile, sendXlsxTable } from '../../../http.ts';
import { register } from '../../../route.ts';
import { DOCX, fileSlug } from '../../../documents/file.ts';
import { summonsFile } from './summons.service.ts';
import { createAllocation, deleteAllocation, listAllocations, updateAllocation } from './allocations.service.ts';
import { confirmTrainees, listEnrolments, rosterOf, withdrawTrainee } from './enrolments.service.ts';
import { nominateByFilter, nominatePeople } from './nominate.service.ts';
import { rosterTable } from './roster.export.ts';

/** Seats, nominations, the waitlist, confirmation, withdrawal, the roster and the summons. */
export async function enrolmentRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.allocations, async (req) =>
    listAllocations(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
  register(app, training.createAllocation, async (req) =>
    createAllocation(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );
  register(app, training.updateAllocation, async (req) =>
    updateAllocation(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.deleteAllocation, async (req) => {
    await deleteAllocation(app.ctx, actorOf(req), req.params);
    return null;
  });
  register(app, training.enrolments, async (req) =>
    listEnrolments(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  register(app, training.roster, async (req, reply) => {
    const roster = await rosterOf(app.ctx, actorOf(req), { ...req.query, id: req.params.id });
    return sendXlsxTable(req, reply, `danh-sach-hoc-vien-${fileSlug(roster.className)}`, rosterTable(roster));
  });

  register(app, training.nominate, async (req) =>
    nominatePeople(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );
  register(app, training.nominateBulk, async (req) =>
    nominateByFilter(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );
  register(app, training.confirm, async (req) =>
    confirmTrainees(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );
  register(app, training.withdraw, async (req) =>
    withdrawTrainee(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.summons, async (req, reply) =>
    sendFile(reply, DOCX, await summonsFile(app.ctx, actorOf(req), { ...req.query, id: req.params.id })),
  );
}
