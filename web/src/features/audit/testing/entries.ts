// Audit entries as the server returns them: the first of each kind of record and action from the
// demo's change log (server/src/demo, read through GET /audit), then the shapes the demo does not
// make, written as their services write them. Rendered in AuditEntries.test.tsx.
import type { AuditEntry } from '@canbo/contract';

export const auditEntries: AuditEntry[] = [
  {
    id: 2,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'code',
        before: null,
        after: 'LDO',
      },
      {
        field: 'name',
        before: null,
        after: 'Tỉnh đoàn Lâm Đồng',
      },
      {
        field: 'kind',
        before: null,
        after: 'province',
      },
      {
        field: 'organisation',
        before: null,
        after: 'doan',
      },
      {
        field: 'status',
        before: null,
        after: 'active',
      },
      {
        field: 'validFrom',
        before: null,
        after: '1976-03-01',
      },
      {
        field: 'place',
        before: null,
        after: 'Đà Lạt',
      },
      {
        field: 'version',
        before: null,
        after: 1,
      },
      {
        field: 'updatedAt',
        before: null,
        after: '2026-12-05T05:42:18.668Z',
      },
    ],
    record: {
      name: 'Tỉnh đoàn Lâm Đồng',
      page: {
        kind: 'unit',
        id: 1,
        name: 'Tỉnh đoàn Lâm Đồng',
      },
    },
    names: [],
  },
  {
    id: 77,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 73,
    action: 'split',
    changes: [
      {
        field: 'status',
        before: 'active',
        after: 'dissolved',
      },
      {
        field: 'validTo',
        before: null,
        after: '2005-08-01',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:19.067Z',
        after: '2026-12-05T05:42:19.079Z',
      },
    ],
    record: {
      name: 'Huyện đoàn Đắk Nông',
      page: {
        kind: 'unit',
        id: 73,
        name: 'Huyện đoàn Đắk Nông',
      },
    },
    names: [],
  },
  {
    id: 303,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 74,
    action: 'rename',
    changes: [
      {
        field: 'name',
        before: 'Thị đoàn Gia Nghĩa',
        after: 'Thành đoàn Gia Nghĩa',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:19.077Z',
        after: '2026-12-05T05:42:20.370Z',
      },
    ],
    record: {
      name: 'Thành đoàn Gia Nghĩa',
      page: {
        kind: 'unit',
        id: 74,
        name: 'Thành đoàn Gia Nghĩa',
      },
    },
    names: [],
  },
  {
    id: 1726,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 11,
    action: 'move',
    changes: [
      {
        field: 'parentId',
        before: 2,
        after: 330,
      },
      {
        field: 'parentName',
        before: 'Thành đoàn Đà Lạt',
        after: 'Đoàn phường Xuân Hương – Đà Lạt',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:18.714Z',
        after: '2026-12-05T05:42:24.419Z',
      },
    ],
    record: {
      name: 'Đoàn trường THPT chuyên Thăng Long',
      page: {
        kind: 'unit',
        id: 11,
        name: 'Đoàn trường THPT chuyên Thăng Long',
      },
    },
    names: [],
  },
  {
    id: 1742,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 3,
    action: 'merge',
    changes: [
      {
        field: 'parentId',
        before: 2,
        after: 330,
      },
      {
        field: 'parentName',
        before: 'Thành đoàn Đà Lạt',
        after: 'Đoàn phường Xuân Hương – Đà Lạt',
      },
      {
        field: 'status',
        before: 'active',
        after: 'dissolved',
      },
      {
        field: 'validTo',
        before: null,
        after: '2025-07-01',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:18.677Z',
        after: '2026-12-05T05:42:24.709Z',
      },
    ],
    record: {
      name: 'Đoàn phường 1',
      page: {
        kind: 'unit',
        id: 3,
        name: 'Đoàn phường 1',
      },
    },
    names: [],
  },
  {
    id: 1909,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 14,
    action: 'dissolve',
    changes: [
      {
        field: 'status',
        before: 'active',
        after: 'dissolved',
      },
      {
        field: 'validTo',
        before: null,
        after: '2025-07-01',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:18.720Z',
        after: '2026-12-05T05:42:26.321Z',
      },
    ],
    record: {
      name: 'Hội Liên hiệp Thanh niên Việt Nam thành phố Đà Lạt',
      page: {
        kind: 'unit',
        id: 14,
        name: 'Hội Liên hiệp Thanh niên Việt Nam thành phố Đà Lạt',
      },
    },
    names: [],
  },
  {
    id: 1930,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 62,
    action: 'update',
    changes: [
      {
        field: 'kind',
        before: 'district',
        after: 'commune',
      },
      {
        field: 'version',
        before: 2,
        after: 3,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:26.682Z',
        after: '2026-12-05T05:42:26.695Z',
      },
    ],
    record: {
      name: 'Đoàn đặc khu Phú Quý',
      page: {
        kind: 'unit',
        id: 62,
        name: 'Đoàn đặc khu Phú Quý',
      },
    },
    names: [],
  },
  {
    id: 1971,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'unit',
    entityId: 303,
    action: 'activate',
    changes: [
      {
        field: 'status',
        before: 'interim',
        after: 'active',
      },
      {
        field: 'version',
        before: 1,
        after: 2,
      },
      {
        field: 'updatedAt',
        before: '2026-12-05T05:42:23.853Z',
        after: '2026-12-05T05:42:27.437Z',
      },
    ],
    record: {
      name: 'Đoàn phường Bắc Gia Nghĩa',
      page: {
        kind: 'unit',
        id: 303,
        name: 'Đoàn phường Bắc Gia Nghĩa',
      },
    },
    names: [],
  },
  {
    id: 304,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'person',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'unitId',
        before: null,
        after: 1,
      },
      {
        field: 'unitName',
        before: null,
        after: 'Tỉnh đoàn Lâm Đồng',
      },
      {
        field: 'familyName',
        before: null,
        after: 'Châu',
      },
      {
        field: 'middleName',
        before: null,
        after: 'Đức',
      },
      {
        field: 'givenName',
        before: null,
        after: 'Quang',
      },
      {
        field: 'fullName',
        before: null,
        after: 'Châu Đức Quang',
      },
      {
        field: 'birthDate',
        before: null,
        after: '1988-02-25',
      },
      {
        field: 'gender',
        before: null,
        after: 'male',
      },
      {
        field: 'ethnicityCode',
        before: null,
        after: '01',
      },
      {
        field: 'ethnicityName',
        before: null,
        after: 'Kinh',
      },
      {
        field: 'religion',
        before: null,
        after: 'Phật giáo',
      },
      {
        field: 'nationalId',
        before: null,
        after: '0xx******931',
      },
      {
        field: 'phone',
        before: null,
        after: '0888442685',
      },
      {
        field: 'partyMember',
        before: null,
        after: true,
      },
      {
        field: 'partyJoinDate',
        before: null,
        after: '2011-07-11',
      },
      {
        field: 'generalEducation',
        before: null,
        after: '12/12',
      },
      {
        field: 'qualification',
        before: null,
        after: 'university',
      },
      {
        field: 'theoryLevel',
        before: null,
        after: 'basic',
      },
      {
        field: 'qualificationManual',
        before: null,
        after: 'university',
      },
      {
        field: 'theoryLevelManual',
        before: null,
        after: 'basic',
      },
      {
        field: 'itLevel',
        before: null,
        after: 'Ứng dụng CNTT cơ bản',
      },
      {
        field: 'languageLevel',
        before: null,
        after: 'Tiếng Anh bậc 2 (A2)',
      },
      {
        field: 'hardshipArea',
        before: null,
        after: false,
      },
    ],
    record: {
      name: 'Châu Đức Quang',
      page: {
        kind: 'person',
        id: 1,
        name: 'Châu Đức Quang',
      },
    },
    names: [],
  },
  {
    id: 2315,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'person',
    entityId: 338,
    action: 'move',
    changes: [
      {
        field: 'unitId',
        before: 301,
        after: 302,
      },
      {
        field: 'unitName',
        before: 'Đoàn Thanh niên Ủy ban nhân dân tỉnh',
        after: 'Đoàn Thanh niên các cơ quan Đảng tỉnh',
      },
    ],
    record: {
      name: 'Nguyễn Ngọc Hoàng',
      page: {
        kind: 'person',
        id: 338,
        name: 'Nguyễn Ngọc Hoàng',
      },
    },
    names: [],
  },
  {
    id: 3133,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'person',
    entityId: 159,
    action: 'update',
    changes: [
      {
        field: 'qualification',
        before: 'none',
        after: 'university',
      },
    ],
    record: {
      name: 'Nguyễn Minh Ưng',
      page: {
        kind: 'person',
        id: 159,
        name: 'Nguyễn Minh Ưng',
      },
    },
    names: [],
  },
  {
    id: 663,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'position',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 1,
      },
      {
        field: 'personName',
        before: null,
        after: 'Châu Đức Quang',
      },
      {
        field: 'unitId',
        before: null,
        after: 1,
      },
      {
        field: 'unitName',
        before: null,
        after: 'Tỉnh đoàn Lâm Đồng',
      },
      {
        field: 'title',
        before: null,
        after: 'secretary',
      },
      {
        field: 'employment',
        before: null,
        after: 'full_time',
      },
      {
        field: 'method',
        before: null,
        after: 'elected',
      },
      {
        field: 'term',
        before: null,
        after: '2022–2027',
      },
      {
        field: 'decision',
        before: null,
        after: 'Quyết định số 100-QĐ/TWĐTN-BTC',
      },
      {
        field: 'startDate',
        before: null,
        after: '2022-08-26',
      },
    ],
    record: {
      name: 'Châu Đức Quang',
      page: {
        kind: 'person',
        id: 1,
        name: 'Châu Đức Quang',
      },
    },
    names: [],
  },
  {
    id: 2314,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'move',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'personName',
        before: null,
        after: 'Nguyễn Ngọc Hoàng',
      },
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 338,
      },
      {
        field: 'moveKind',
        before: null,
        after: 'transfer',
      },
      {
        field: 'fromUnitId',
        before: null,
        after: 278,
      },
      {
        field: 'fromUnitName',
        before: null,
        after: 'Đoàn Khối doanh nghiệp tỉnh',
      },
      {
        field: 'toUnitId',
        before: null,
        after: 302,
      },
      {
        field: 'toUnitName',
        before: null,
        after: 'Đoàn Thanh niên các cơ quan Đảng tỉnh',
      },
      {
        field: 'moveDate',
        before: null,
        after: '2025-07-01',
      },
      {
        field: 'decision',
        before: null,
        after: 'Quyết định số 1465-QĐ/TĐTN-BTC',
      },
      {
        field: 'decisionDate',
        before: null,
        after: '2025-07-01',
      },
    ],
    record: {
      name: 'Nguyễn Ngọc Hoàng',
      page: {
        kind: 'person',
        id: 338,
        name: 'Nguyễn Ngọc Hoàng',
      },
    },
    names: [],
  },
  {
    id: 1,
    at: '2026-12-05T05:42:20.000Z',
    actorName: null,
    entity: 'user',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'login',
        before: null,
        after: 'admin',
      },
      {
        field: 'displayName',
        before: null,
        after: 'Quản trị hệ thống',
      },
      {
        field: 'isSuperadmin',
        before: null,
        after: true,
      },
    ],
    record: {
      name: 'Quản trị hệ thống',
      page: {
        kind: 'user',
        id: 1,
        name: 'Quản trị hệ thống',
      },
    },
    names: [],
  },
  {
    id: 1011,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'programme',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'name',
        before: null,
        after: 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở',
      },
      {
        field: 'kindCode',
        before: null,
        after: 'title',
      },
      {
        field: 'kindName',
        before: null,
        after: 'Bồi dưỡng chức danh',
      },
      {
        field: 'targetTitles',
        before: null,
        after: ['secretary', 'deputy_secretary'],
      },
      {
        field: 'topics',
        before: null,
        after: [
          'Vai trò, nhiệm vụ của Bí thư, Phó Bí thư Đoàn cơ sở',
          'Kỹ năng điều hành hội nghị Ban Chấp hành',
          'Công tác xây dựng Đoàn và phát triển đoàn viên',
          'Kỹ năng xây dựng và triển khai chương trình công tác năm',
        ],
      },
      {
        field: 'standardDays',
        before: null,
        after: 3,
      },
      {
        field: 'active',
        before: null,
        after: true,
      },
    ],
    record: {
      name: 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở',
      page: null,
    },
    names: [],
  },
  {
    id: 1107,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'training_class',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'name',
        before: null,
        after: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
      {
        field: 'organiserUnitId',
        before: null,
        after: 72,
      },
      {
        field: 'organiserUnitName',
        before: null,
        after: 'Tỉnh đoàn Đắk Nông',
      },
      {
        field: 'level',
        before: null,
        after: 'province',
      },
      {
        field: 'partners',
        before: null,
        after: ['Trường Chính trị tỉnh Đắk Nông'],
      },
      {
        field: 'kindCode',
        before: null,
        after: 'title',
      },
      {
        field: 'kindName',
        before: null,
        after: 'Bồi dưỡng chức danh',
      },
      {
        field: 'programmeId',
        before: null,
        after: 1,
      },
      {
        field: 'programmeName',
        before: null,
        after: 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở',
      },
      {
        field: 'targetTitles',
        before: null,
        after: ['secretary', 'deputy_secretary'],
      },
      {
        field: 'startDate',
        before: null,
        after: '2023-06-13',
      },
      {
        field: 'endDate',
        before: null,
        after: '2023-06-15',
      },
      {
        field: 'place',
        before: null,
        after: 'Trường Chính trị tỉnh Đắk Nông, Gia Nghĩa',
      },
      {
        field: 'mode',
        before: null,
        after: 'in_person',
      },
      {
        field: 'capacity',
        before: null,
        after: 250,
      },
      {
        field: 'decision',
        before: null,
        after: 'Quyết định số 512-QĐ/TĐTN-BTC',
      },
      {
        field: 'status',
        before: null,
        after: 'draft',
      },
      {
        field: 'completionRule',
        before: null,
        after: {
          minAttendancePercent: 80,
          passGrade: 'average',
        },
      },
    ],
    record: {
      name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1114,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'training_class',
    entityId: 1,
    action: 'plan',
    changes: [
      {
        field: 'status',
        before: 'draft',
        after: 'planned',
      },
    ],
    record: {
      name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1115,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'training_class',
    entityId: 1,
    action: 'open',
    changes: [
      {
        field: 'status',
        before: 'planned',
        after: 'open',
      },
    ],
    record: {
      name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1313,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'training_class',
    entityId: 1,
    action: 'start',
    changes: [
      {
        field: 'status',
        before: 'open',
        after: 'in_progress',
      },
    ],
    record: {
      name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1500,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'training_class',
    entityId: 1,
    action: 'complete',
    changes: [
      {
        field: 'status',
        before: 'in_progress',
        after: 'completed',
      },
    ],
    record: {
      name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1108,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'class_session',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'classId',
        before: null,
        after: 1,
      },
      {
        field: 'date',
        before: null,
        after: '2023-06-13',
      },
      {
        field: 'part',
        before: null,
        after: 'morning',
      },
      {
        field: 'startsAt',
        before: null,
        after: '07:30',
      },
      {
        field: 'endsAt',
        before: null,
        after: '11:30',
      },
      {
        field: 'topic',
        before: null,
        after: 'Vai trò, nhiệm vụ của Bí thư, Phó Bí thư Đoàn cơ sở',
      },
      {
        field: 'lecturer',
        before: null,
        after: 'ThS. Nguyễn Thị Hồng',
      },
    ],
    record: {
      name: 'Vai trò, nhiệm vụ của Bí thư, Phó Bí thư Đoàn cơ sở',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [
      {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    ],
  },
  {
    id: 1116,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'allocation',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'classId',
        before: null,
        after: 1,
      },
      {
        field: 'unitId',
        before: null,
        after: 74,
      },
      {
        field: 'unitName',
        before: null,
        after: 'Thành đoàn Gia Nghĩa',
      },
      {
        field: 'seats',
        before: null,
        after: 16,
      },
    ],
    record: {
      name: 'Thành đoàn Gia Nghĩa',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [
      {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    ],
  },
  {
    id: 1117,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'enrolment',
    entityId: 1,
    action: 'nominate',
    changes: [
      {
        field: 'classId',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 157,
      },
      {
        field: 'personName',
        before: null,
        after: 'Đặng Duy Thành',
      },
      {
        field: 'unitId',
        before: null,
        after: 76,
      },
      {
        field: 'unitName',
        before: null,
        after: 'Đoàn phường Nghĩa Đức',
      },
      {
        field: 'title',
        before: null,
        after: 'secretary',
      },
      {
        field: 'allocationId',
        before: null,
        after: 1,
      },
      {
        field: 'status',
        before: null,
        after: 'nominated',
      },
    ],
    record: {
      name: 'Đặng Duy Thành',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [
      {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    ],
  },
  {
    id: 1220,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'enrolment',
    entityId: 1,
    action: 'confirm',
    changes: [
      {
        field: 'status',
        before: 'nominated',
        after: 'confirmed',
      },
    ],
    record: {
      name: 'Đặng Duy Thành',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1314,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'enrolment',
    entityId: 24,
    action: 'attendance',
    changes: [
      {
        field: '13/06/2023 Sáng (#1)',
        before: null,
        after: 'present',
      },
      {
        field: '13/06/2023 Chiều (#2)',
        before: null,
        after: 'present',
      },
      {
        field: '14/06/2023 Sáng (#3)',
        before: null,
        after: 'present',
      },
      {
        field: '14/06/2023 Chiều (#4)',
        before: null,
        after: 'present',
      },
      {
        field: '15/06/2023 Sáng (#5)',
        before: null,
        after: 'present',
      },
      {
        field: '15/06/2023 Chiều (#6)',
        before: null,
        after: 'present',
      },
    ],
    record: {
      name: 'Hoàng Đức An',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1407,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'enrolment',
    entityId: 24,
    action: 'results',
    changes: [
      {
        field: 'score',
        before: null,
        after: 6.3,
      },
      {
        field: 'grade',
        before: null,
        after: 'average',
      },
      {
        field: 'ruleOutcome',
        before: 'not_completed',
        after: 'completed',
      },
      {
        field: 'outcome',
        before: 'not_completed',
        after: 'completed',
      },
    ],
    record: {
      name: 'Hoàng Đức An',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 1501,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'certificate',
    entityId: 1,
    action: 'issue',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'enrolmentId',
        before: null,
        after: 24,
      },
      {
        field: 'classId',
        before: null,
        after: 1,
      },
      {
        field: 'personName',
        before: null,
        after: 'Hoàng Đức An',
      },
      {
        field: 'number',
        before: null,
        after: '001/GCN-2023',
      },
      {
        field: 'issuingUnitId',
        before: null,
        after: 72,
      },
      {
        field: 'issuingUnitName',
        before: null,
        after: 'Tỉnh đoàn Đắk Nông',
      },
      {
        field: 'issuedAt',
        before: null,
        after: '2026-12-05T05:42:23.303Z',
      },
      {
        field: 'issuedOn',
        before: null,
        after: '2026-12-05',
      },
      {
        field: 'printed',
        before: null,
        after: false,
      },
      {
        field: 'status',
        before: null,
        after: 'valid',
      },
    ],
    record: {
      name: '001/GCN-2023 – Hoàng Đức An',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [
      {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    ],
  },
  {
    id: 1591,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'certificate',
    entityId: 53,
    action: 'revoke',
    changes: [
      {
        field: 'status',
        before: 'valid',
        after: 'revoked',
      },
      {
        field: 'revokedAt',
        before: null,
        after: '2026-12-05T05:42:23.325Z',
      },
      {
        field: 'revokeReason',
        before: null,
        after:
          'Bài thu hoạch sao chép bài của học viên khác; thu hồi theo Quyết định số 745-QĐ/TĐTN-BTC của Ban Thường vụ Tỉnh đoàn',
      },
    ],
    record: {
      name: '053/GCN-2023 – Nguyễn Thị Ngọc',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    names: [],
  },
  {
    id: 3124,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'study',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 131,
      },
      {
        field: 'personName',
        before: null,
        after: 'Nguyễn Xuân Quang',
      },
      {
        field: 'unitId',
        before: null,
        after: 1,
      },
      {
        field: 'unitName',
        before: null,
        after: 'Tỉnh đoàn Lâm Đồng',
      },
      {
        field: 'studyKind',
        before: null,
        after: 'university',
      },
      {
        field: 'studyStatus',
        before: null,
        after: 'studying',
      },
      {
        field: 'decision',
        before: null,
        after: '1-QĐ/TĐTN',
      },
      {
        field: 'decisionDate',
        before: null,
        after: '2018-08-31',
      },
      {
        field: 'institution',
        before: null,
        after: 'Trường Đại học Tây Nguyên',
      },
      {
        field: 'major',
        before: null,
        after: 'Luật',
      },
      {
        field: 'studyMode',
        before: null,
        after: 'part_time',
      },
      {
        field: 'startDate',
        before: null,
        after: '2018-09-13',
      },
      {
        field: 'expectedEndDate',
        before: null,
        after: '2022-09-12',
      },
      {
        field: 'funding',
        before: null,
        after: 'self',
      },
    ],
    record: {
      name: 'Nguyễn Xuân Quang',
      page: {
        kind: 'study',
        id: 1,
        name: 'Nguyễn Xuân Quang',
      },
    },
    names: [],
  },
  {
    id: 3125,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'study',
    entityId: 1,
    action: 'graduate',
    changes: [
      {
        field: 'studyStatus',
        before: 'studying',
        after: 'graduated',
      },
      {
        field: 'endDate',
        before: null,
        after: '2022-09-01',
      },
      {
        field: 'diplomaNumber',
        before: null,
        after: 'VB-2018-0001',
      },
      {
        field: 'diplomaGrade',
        before: null,
        after: 'excellent',
      },
    ],
    record: {
      name: 'Nguyễn Xuân Quang',
      page: {
        kind: 'study',
        id: 1,
        name: 'Nguyễn Xuân Quang',
      },
    },
    names: [],
  },
  {
    id: 3136,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'study',
    entityId: 6,
    action: 'withdraw',
    changes: [
      {
        field: 'studyStatus',
        before: 'studying',
        after: 'withdrawn',
      },
      {
        field: 'endDate',
        before: null,
        after: '2019-02-28',
      },
      {
        field: 'reason',
        before: null,
        after: 'Xin thôi học vì hoàn cảnh gia đình',
      },
    ],
    record: {
      name: 'Hoàng Thị Hà',
      page: {
        kind: 'study',
        id: 6,
        name: 'Hoàng Thị Hà',
      },
    },
    names: [],
  },
  {
    id: 3143,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'study',
    entityId: 9,
    action: 'extend',
    changes: [
      {
        field: 'studyStatus',
        before: 'studying',
        after: 'extended',
      },
      {
        field: 'expectedEndDate',
        before: '2025-09-03',
        after: '2026-03-03',
      },
      {
        field: 'reason',
        before: null,
        after: 'Chậm bảo vệ luận văn, khóa luận do yêu cầu công tác',
      },
    ],
    record: {
      name: 'Trương Thị Mỹ Hằng',
      page: {
        kind: 'study',
        id: 9,
        name: 'Trương Thị Mỹ Hằng',
      },
    },
    names: [],
  },
  {
    id: 3590,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'study',
    entityId: 91,
    action: 'update',
    changes: [
      {
        field: 'schemes',
        before: [],
        after: ['ĐA-05/2018'],
      },
    ],
    record: {
      name: 'Phan Công Thanh Hoàng',
      page: {
        kind: 'study',
        id: 91,
        name: 'Phan Công Thanh Hoàng',
      },
    },
    names: [],
  },
  {
    id: 2476,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'visit_registration',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 174,
      },
      {
        field: 'year',
        before: null,
        after: 2024,
      },
      {
        field: 'hostUnitId',
        before: null,
        after: 108,
      },
      {
        field: 'hostUnitName',
        before: null,
        after: 'Chi đoàn thôn 1',
      },
      {
        field: 'personName',
        before: null,
        after: 'Hoàng Quốc Vũ',
      },
    ],
    record: {
      name: 'Hoàng Quốc Vũ',
      page: {
        kind: 'person',
        id: 174,
        name: 'Hoàng Quốc Vũ',
      },
    },
    names: [],
  },
  {
    id: 1592,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'visit_trip',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'personId',
        before: null,
        after: 131,
      },
      {
        field: 'personName',
        before: null,
        after: 'Nguyễn Xuân Quang',
      },
      {
        field: 'hostUnitId',
        before: null,
        after: 115,
      },
      {
        field: 'hostUnitName',
        before: null,
        after: 'Đoàn xã Ea Pô',
      },
      {
        field: 'startDate',
        before: null,
        after: '2023-01-09',
      },
      {
        field: 'endDate',
        before: null,
        after: '2023-02-20',
      },
      {
        field: 'days',
        before: null,
        after: 43,
      },
      {
        field: 'purpose',
        before: null,
        after: 'Thực hiện "1+2": nắm tình hình đoàn viên, dự sinh hoạt chi đoàn ở cơ sở',
      },
      {
        field: 'reportDueDate',
        before: null,
        after: '2023-03-02',
      },
    ],
    record: {
      name: 'Nguyễn Xuân Quang',
      page: {
        kind: 'person',
        id: 131,
        name: 'Nguyễn Xuân Quang',
      },
    },
    names: [],
  },
  {
    id: 1641,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'visit_trip',
    entityId: 1,
    action: 'report',
    changes: [
      {
        field: 'reportText',
        before: null,
        after: 'Đã làm việc với ban chấp hành đoàn cơ sở; nắm tình hình, đề xuất giải pháp.',
      },
      {
        field: 'reportFiledAt',
        before: null,
        after: '2026-12-05T05:42:23.729Z',
      },
    ],
    record: {
      name: 'Nguyễn Xuân Quang',
      page: {
        kind: 'person',
        id: 131,
        name: 'Nguyễn Xuân Quang',
      },
    },
    names: [],
  },
  {
    id: 3589,
    at: '2026-12-05T05:42:20.000Z',
    actorName: 'Quản trị hệ thống',
    entity: 'scheme',
    entityId: 1,
    action: 'create',
    changes: [
      {
        field: 'id',
        before: null,
        after: 1,
      },
      {
        field: 'name',
        before: null,
        after: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
      },
      {
        field: 'code',
        before: null,
        after: 'ĐA-05/2018',
      },
      {
        field: 'issuingUnitId',
        before: null,
        after: 72,
      },
      {
        field: 'issuingUnitName',
        before: null,
        after: 'Tỉnh đoàn Đắk Nông',
      },
      {
        field: 'decision',
        before: null,
        after: 'Đề án số 05-ĐA/TĐTN',
      },
      {
        field: 'decisionDate',
        before: null,
        after: '2018-03-26',
      },
      {
        field: 'startYear',
        before: null,
        after: 2018,
      },
      {
        field: 'endYear',
        before: null,
        after: 2022,
      },
      {
        field: 'description',
        before: null,
        after:
          'Cử cán bộ đoàn, hội, đội đi đào tạo đại học, sau đại học và lý luận chính trị trung cấp, cao cấp; bồi dưỡng nghiệp vụ hằng năm.',
      },
      {
        field: 'targets',
        before: null,
        after: [
          {
            id: 1,
            position: 1,
            metric: 'studies_started',
            label: 'Cán bộ được cử đi đào tạo đại học, sau đại học',
            displayLabel: 'Cán bộ được cử đi đào tạo đại học, sau đại học',
            kindCode: null,
            kindName: null,
            title: null,
            organiserLevel: null,
            unitId: null,
            unitName: null,
            studyKinds: ['university', 'master', 'doctorate'],
            withinMonths: null,
            linkedOnly: true,
            total: 60,
            years: [
              {
                year: 2018,
                value: 12,
              },
              {
                year: 2019,
                value: 12,
              },
              {
                year: 2020,
                value: 12,
              },
              {
                year: 2021,
                value: 12,
              },
              {
                year: 2022,
                value: 12,
              },
            ],
            units: [],
          },
          {
            id: 2,
            position: 2,
            metric: 'studies_started',
            label: 'Cán bộ được cử đi học lý luận chính trị trung cấp, cao cấp',
            displayLabel: 'Cán bộ được cử đi học lý luận chính trị trung cấp, cao cấp',
            kindCode: null,
            kindName: null,
            title: null,
            organiserLevel: null,
            unitId: null,
            unitName: null,
            studyKinds: ['theory_intermediate', 'theory_advanced'],
            withinMonths: null,
            linkedOnly: true,
            total: 90,
            years: [
              {
                year: 2018,
                value: 18,
              },
              {
                year: 2019,
                value: 18,
              },
              {
                year: 2020,
                value: 18,
              },
              {
                year: 2021,
                value: 18,
              },
              {
                year: 2022,
                value: 18,
              },
            ],
            units: [],
          },
          {
            id: 3,
            position: 3,
            metric: 'studies_graduated',
            label: 'Cán bộ tốt nghiệp trong giai đoạn',
            displayLabel: 'Cán bộ tốt nghiệp trong giai đoạn',
            kindCode: null,
            kindName: null,
            title: null,
            organiserLevel: null,
            unitId: null,
            unitName: null,
            studyKinds: null,
            withinMonths: null,
            linkedOnly: true,
            total: 120,
            years: [],
            units: [],
          },
        ],
      },
    ],
    record: {
      name: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
      page: {
        kind: 'scheme',
        id: 1,
        name: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
      },
    },
    names: [],
  },
  {
    id: 100001,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'user',
    entityId: 5,
    action: 'update',
    record: {
      name: 'Nguyễn Văn Tài khoản',
      page: {
        kind: 'user',
        id: 5,
        name: 'Nguyễn Văn Tài khoản',
      },
    },
    changes: [
      {
        field: 'personId',
        before: null,
        after: 177,
      },
      {
        field: 'displayName',
        before: 'Tài khoản',
        after: 'Nguyễn Văn Tài khoản',
      },
    ],
    names: [
      {
        kind: 'person',
        id: 177,
        name: 'Trần Văn Bình',
      },
    ],
  },
  {
    id: 100002,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'user',
    entityId: 5,
    action: 'grant_add',
    record: {
      name: 'Nguyễn Văn Tài khoản',
      page: {
        kind: 'user',
        id: 5,
        name: 'Nguyễn Văn Tài khoản',
      },
    },
    changes: [
      {
        field: 'grants',
        before: [],
        after: [
          {
            unitId: 1,
            unitName: 'Tỉnh đoàn Lâm Đồng',
            role: 'viewer',
          },
          {
            unitId: 72,
            unitName: 'Tỉnh đoàn Đắk Nông',
            role: 'editor',
          },
        ],
      },
    ],
    names: [],
  },
  {
    id: 100003,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'user',
    entityId: 5,
    action: 'disable',
    record: {
      name: 'Nguyễn Văn Tài khoản',
      page: {
        kind: 'user',
        id: 5,
        name: 'Nguyễn Văn Tài khoản',
      },
    },
    changes: [
      {
        field: 'disabled',
        before: false,
        after: true,
      },
    ],
    names: [],
  },
  {
    id: 100004,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'training_kind',
    entityId: 0,
    action: 'create',
    record: {
      name: 'Bồi dưỡng chuyển đổi số',
      page: null,
    },
    changes: [
      {
        field: 'code',
        before: null,
        after: 'digital',
      },
      {
        field: 'name',
        before: null,
        after: 'Bồi dưỡng chuyển đổi số',
      },
      {
        field: 'sortOrder',
        before: null,
        after: 5,
      },
      {
        field: 'active',
        before: null,
        after: true,
      },
    ],
    names: [],
  },
  {
    id: 100005,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'certificate_pattern',
    entityId: 72,
    action: 'update',
    record: {
      name: '{seq}/GCN-{year}',
      page: null,
    },
    changes: [
      {
        field: 'pattern',
        before: '{seq}/GCN-{year}',
        after: '{seq}/GCN-TĐ-{year}',
      },
    ],
    names: [],
  },
  {
    id: 100006,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'visit_settings',
    entityId: 72,
    action: 'update',
    record: {
      name: 'Tỉnh đoàn Đắk Nông',
      page: {
        kind: 'unit',
        id: 72,
        name: 'Tỉnh đoàn Đắk Nông',
      },
    },
    changes: [
      {
        field: 'dayCounting',
        before: 'calendar',
        after: 'working',
      },
      {
        field: 'reportDueDays',
        before: 10,
        after: 15,
      },
      {
        field: 'annualDays',
        before: 30,
        after: 40,
      },
    ],
    names: [],
  },
  {
    id: 100007,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'visit_settings',
    entityId: 72,
    action: 'requirement_set',
    record: {
      name: 'Tỉnh đoàn Đắk Nông',
      page: {
        kind: 'unit',
        id: 72,
        name: 'Tỉnh đoàn Đắk Nông',
      },
    },
    changes: [
      {
        field: 'level',
        before: null,
        after: 'district',
      },
      {
        field: 'title',
        before: null,
        after: 'deputy_secretary',
      },
      {
        field: 'annualDays',
        before: null,
        after: 20,
      },
    ],
    names: [],
  },
  {
    id: 100008,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'title_standard',
    entityId: 3,
    action: 'create',
    record: {
      name: 'Bí thư cấp tỉnh',
      page: null,
    },
    changes: [
      {
        field: 'name',
        before: null,
        after: 'Bí thư cấp tỉnh',
      },
      {
        field: 'title',
        before: null,
        after: 'secretary',
      },
      {
        field: 'level',
        before: null,
        after: 'province',
      },
      {
        field: 'maxAgeFirst',
        before: null,
        after: 35,
      },
      {
        field: 'maxAgeInPost',
        before: null,
        after: 40,
      },
      {
        field: 'minQualification',
        before: null,
        after: 'university',
      },
      {
        field: 'minTheoryLevel',
        before: null,
        after: 'intermediate',
      },
    ],
    names: [],
  },
  {
    id: 100009,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'class_session',
    entityId: 7,
    action: 'update',
    record: {
      name: 'Kỹ năng điều hành',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'part',
        before: 'morning',
        after: 'afternoon',
      },
      {
        field: 'startsAt',
        before: '07:30',
        after: '13:30',
      },
    ],
    names: [],
  },
  {
    id: 100010,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'class_session',
    entityId: 8,
    action: 'delete',
    record: {
      name: 'Kỹ năng số',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'classId',
        before: 1,
        after: null,
      },
      {
        field: 'date',
        before: '2023-06-14',
        after: null,
      },
      {
        field: 'part',
        before: 'evening',
        after: null,
      },
      {
        field: 'topic',
        before: 'Kỹ năng số',
        after: null,
      },
    ],
    names: [
      {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    ],
  },
  {
    id: 100011,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'allocation',
    entityId: 3,
    action: 'update',
    record: {
      name: 'Huyện đoàn Cư Jút',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'seats',
        before: 20,
        after: 25,
      },
    ],
    names: [],
  },
  {
    id: 100012,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'enrolment',
    entityId: 30,
    action: 'withdraw',
    record: {
      name: 'Lê Thị Hoa',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'status',
        before: 'confirmed',
        after: 'withdrawn',
      },
      {
        field: 'reason',
        before: null,
        after: 'Bận công tác',
      },
    ],
    names: [],
  },
  {
    id: 100013,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'enrolment',
    entityId: 31,
    action: 'override',
    record: {
      name: 'Phạm Văn Đức',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'outcomeOverride',
        before: null,
        after: 'completed',
      },
      {
        field: 'overrideReason',
        before: null,
        after: 'Học bù đủ buổi',
      },
      {
        field: 'outcome',
        before: 'not_completed',
        after: 'completed',
      },
    ],
    names: [],
  },
  {
    id: 100014,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'enrolment',
    entityId: 32,
    action: 'recredit',
    record: {
      name: 'Vũ Ngọc Mạnh',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'unitName',
        before: 'Thành đoàn Gia Nghĩa',
        after: 'Đoàn phường Bắc Gia Nghĩa',
      },
      {
        field: 'unitId',
        before: 74,
        after: 303,
      },
      {
        field: 'title',
        before: 'secretary',
        after: 'deputy_secretary',
      },
    ],
    names: [],
  },
  {
    id: 100015,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'enrolment',
    entityId: 33,
    action: 'promote',
    record: {
      name: 'Nguyễn Thị Lan',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: 'status',
        before: 'waitlisted',
        after: 'nominated',
      },
    ],
    names: [],
  },
  {
    id: 100016,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'enrolment',
    entityId: 34,
    action: 'attendance',
    record: {
      name: 'Nguyễn Thị Lan',
      page: {
        kind: 'training_class',
        id: 1,
        name: 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023',
      },
    },
    changes: [
      {
        field: '13/06/2023 Sáng (#1)',
        before: 'present',
        after: 'late',
      },
      {
        field: '13/06/2023 Chiều (#2)',
        before: null,
        after: 'excused',
      },
      {
        field: '14/06/2023 Tối (#3)',
        before: 'present',
        after: 'absent',
      },
      {
        field: '15/06/2023 Cả ngày (#4)',
        before: null,
        after: 'present',
      },
    ],
    names: [],
  },
  {
    id: 100017,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'visit_trip',
    entityId: 9,
    action: 'report_file',
    record: {
      name: 'Nguyễn Xuân Quang',
      page: {
        kind: 'person',
        id: 131,
        name: 'Nguyễn Xuân Quang',
      },
    },
    changes: [
      {
        field: 'reportFile',
        before: null,
        after: {
          name: 'bao-cao.pdf',
          size: 20480,
        },
      },
    ],
    names: [],
  },
  {
    id: 100018,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'training_class',
    entityId: 6,
    action: 'update',
    record: {
      name: 'Lớp bồi dưỡng cán bộ Đoàn năm 2025',
      page: {
        kind: 'training_class',
        id: 6,
        name: 'Lớp bồi dưỡng cán bộ Đoàn năm 2025',
      },
    },
    changes: [
      {
        field: 'organiserUnitId',
        before: 1,
        after: 72,
      },
      {
        field: 'organiserUnitName',
        before: 'Tỉnh đoàn Lâm Đồng',
        after: 'Tỉnh đoàn Đắk Nông',
      },
      {
        field: 'completionRule',
        before: {
          minAttendancePercent: 80,
          passGrade: 'average',
        },
        after: {
          minAttendancePercent: 90,
          passGrade: 'fair',
        },
      },
      {
        field: 'level',
        before: 'province',
        after: 'district',
      },
      {
        field: 'mode',
        before: 'in_person',
        after: 'blended',
      },
      {
        field: 'targetTitles',
        before: ['secretary', 'deputy_secretary'],
        after: ['secretary'],
      },
      {
        field: 'kindCode',
        before: 'title',
        after: 'union_work',
      },
      {
        field: 'kindName',
        before: 'Bồi dưỡng chức danh',
        after: 'Bồi dưỡng nghiệp vụ công tác Đoàn',
      },
      {
        field: 'headcount',
        before: null,
        after: {
          total: 40,
          women: 20,
          minority: 5,
          doan: 30,
          hoi: 8,
          doi: 2,
        },
      },
    ],
    names: [],
  },
  {
    id: 100019,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'training_class',
    entityId: 6,
    action: 'cancel',
    record: {
      name: 'Lớp bồi dưỡng cán bộ Đoàn năm 2025',
      page: {
        kind: 'training_class',
        id: 6,
        name: 'Lớp bồi dưỡng cán bộ Đoàn năm 2025',
      },
    },
    changes: [
      {
        field: 'status',
        before: 'open',
        after: 'cancelled',
      },
      {
        field: 'note',
        before: null,
        after: 'Không đủ học viên',
      },
    ],
    names: [],
  },
  {
    id: 100020,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'position',
    entityId: 999,
    action: 'update',
    record: {
      name: null,
      page: {
        kind: 'person',
        id: 178,
        name: null,
      },
    },
    changes: [
      {
        field: 'personId',
        before: 177,
        after: 178,
      },
      {
        field: 'classId',
        before: 6,
        after: 7,
      },
    ],
    names: [
      {
        kind: 'person',
        id: 177,
        name: 'Trần Văn Bình',
      },
      {
        kind: 'person',
        id: 178,
        name: null,
      },
      {
        kind: 'training_class',
        id: 6,
        name: null,
      },
      {
        kind: 'training_class',
        id: 7,
        name: null,
      },
    ],
  },
  {
    id: 100021,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'person',
    entityId: 177,
    action: 'update',
    record: {
      name: 'Trần Văn Bình',
      page: {
        kind: 'person',
        id: 177,
        name: 'Trần Văn Bình',
      },
    },
    changes: [
      {
        field: 'phone',
        before: '0901234567',
        after: '0912345678',
      },
      {
        field: 'gender',
        before: 'male',
        after: 'female',
      },
      {
        field: 'birthDate',
        before: '1995-01-02',
        after: null,
      },
      {
        field: 'partyMember',
        before: false,
        after: true,
      },
      {
        field: 'theoryLevelManual',
        before: 'basic',
        after: 'intermediate',
      },
    ],
    names: [],
  },
  {
    id: 100022,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'study',
    entityId: 12,
    action: 'update',
    record: {
      name: 'Lê Văn Kiên',
      page: {
        kind: 'study',
        id: 12,
        name: 'Lê Văn Kiên',
      },
    },
    changes: [
      {
        field: 'studyMode',
        before: 'part_time',
        after: 'distance',
      },
      {
        field: 'funding',
        before: 'self',
        after: 'scholarship',
      },
      {
        field: 'studyKind',
        before: 'university',
        after: 'master',
      },
    ],
    names: [],
  },
  {
    id: 100023,
    at: '2026-12-05T06:00:00.000Z',
    actorName: 'Ban Tổ chức – Kiểm tra Tỉnh đoàn Lâm Đồng',
    entity: 'position',
    entityId: 12,
    action: 'end',
    record: {
      name: 'Châu Đức Quang',
      page: {
        kind: 'person',
        id: 1,
        name: 'Châu Đức Quang',
      },
    },
    changes: [
      {
        field: 'endDate',
        before: null,
        after: '2025-07-01',
      },
      {
        field: 'employment',
        before: 'full_time',
        after: 'concurrent',
      },
      {
        field: 'method',
        before: 'elected',
        after: 'appointed',
      },
    ],
    names: [],
  },
];
