import { describe, expect, it } from 'vitest';
import { errorBody } from '../src/errors.body.ts';
import { testApp } from './app.ts';

describe('error mapping', () => {
  it('answers a row deleted under a concurrent write with 409 and a Vietnamese message, on either engine', async () => {
    const t = await testApp();
    try {
      // A real foreign-key violation from whichever engine the suite runs on.
      const err = await t.db.kysely
        .insertInto('attendance')
        .values({
          enrolment_id: 999999,
          session_id: 999999,
          mark: 'present',
          method: 'grid',
          marked_at: new Date().toISOString(),
          marked_by: null,
        })
        .execute()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).not.toBeNull();
      const { status, body } = errorBody(err);
      expect(status).toBe(409);
      expect(body.code).toBe('conflict');
      expect(body.message).toMatch(/tải lại/);
    } finally {
      await t.close();
    }
  });
});
