import { z } from 'zod';

export const organisations = ['doan', 'hoi', 'doi'] as const;
export const organisation = z.enum(organisations);
export type Organisation = z.infer<typeof organisation>;

/** Unit kinds by level (DOMAIN.md "Organisation"); depth is variable, so the kind says the level, not the depth. */
export const unitKinds = [
  'central',
  'province',
  'district',
  'commune',
  'affiliated',
  'sector',
  'grassroots',
  'standalone_branch',
  'inter_branch',
  'branch',
] as const;
export const unitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKind>;

export const unitStatuses = ['active', 'interim', 'dissolved'] as const;
export const unitStatus = z.enum(unitStatuses);
export type UnitStatus = z.infer<typeof unitStatus>;

export const unitEventKinds = [
  'create',
  'rename',
  'move',
  'merge',
  'split',
  'dissolve',
  'interim',
  'activate',
] as const;
export const unitEventKind = z.enum(unitEventKinds);
export type UnitEventKind = z.infer<typeof unitEventKind>;

export const genders = ['male', 'female'] as const;
export const gender = z.enum(genders);

export const qualifications = ['none', 'intermediate', 'college', 'university', 'master', 'doctorate'] as const;
export const qualification = z.enum(qualifications);

export const theoryLevels = ['none', 'basic', 'intermediate', 'advanced', 'bachelor'] as const;
export const theoryLevel = z.enum(theoryLevels);

export const titles = [
  'secretary',
  'deputy_secretary',
  'standing_member',
  'committee_member',
  'head_of_board',
  'deputy_head_of_board',
  'specialist',
  'federation_chair',
  'federation_vice_chair',
  'pioneer_council_chair',
  'pioneer_leader',
] as const;
export const title = z.enum(titles);
export type Title = z.infer<typeof title>;

export const employments = ['full_time', 'part_time', 'concurrent'] as const;
export const employment = z.enum(employments);

export const appointmentMethods = ['elected', 'appointed', 'consulted'] as const;
export const appointmentMethod = z.enum(appointmentMethods);

export const roles = ['admin', 'editor', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;
