import type { ClassStatus } from '@canbo/contract';

/** While the class runs or has just ended, staff take attendance and enter results (the server's rule). */
export const recording = (s: ClassStatus) => s === 'in_progress' || s === 'completed';

/** Certificates are issued once the class has ended. */
export const certifying = (s: ClassStatus) => s === 'completed' || s === 'closed';
