/** Query key prefix of every audit list: invalidate it after a change so histories refresh. */
export const AUDIT_KEY = ['audit'] as const;
