import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importKindLabels, importKinds, type ImportKind } from '@canbo/contract';
import type { Ctx } from '../../context.ts';
import { commandLineActor } from '../users/users.service.ts';
import { uploadImport } from './imports.service.ts';

/**
 * `canbo import <kind> <file.xlsx> [--commit] [--login <admin>]`: the web's import from a shell,
 * as a system administrator (audited under that account). Prints the counts and every finding in
 * Vietnamese; answers the exit code (1 when the sheet has errors or was refused).
 */
export async function importFromCli(
  ctx: Ctx,
  args: { kind: string | undefined; file: string | undefined; commit: boolean; login?: string | undefined },
  print: (line: string) => void = console.log,
): Promise<number> {
  const kind = args.kind as ImportKind;
  if (!importKinds.includes(kind) || !args.file) {
    print(`Dùng: canbo import <loại> <tệp.xlsx> [--commit]. Loại: ${importKinds.join(', ')}`);
    return 1;
  }
  const actor = await commandLineActor(ctx, args.login, print);
  if (!actor) return 1;
  const file = { fileName: basename(args.file), data: await readFile(args.file) };
  const r = await uploadImport(ctx, actor, { kind, file, commit: args.commit ? 'true' : 'false' });
  const n = (x: number) => x.toLocaleString('vi-VN');
  print(`${importKindLabels[kind]}: ${n(r.rows)} dòng có dữ liệu trong ${file.fileName}.`);
  print(`  Tạo mới: ${n(r.counts.create)}; cập nhật: ${n(r.counts.update)}; không đổi: ${n(r.counts.skip)}.`);
  for (const i of r.issues) {
    const where = `${i.row ? `Dòng ${i.row}` : 'Bảng tính'}${i.column ? `, cột "${i.column}"` : ''}`;
    print(`  ${i.severity === 'error' ? 'Lỗi' : 'Lưu ý'} — ${where}: ${i.message}`);
  }
  if (r.issues.length < r.errors + r.warnings) {
    print(`  … và ${n(r.errors + r.warnings - r.issues.length)} mục nữa (tải tệp lỗi trên trang Nhập dữ liệu).`);
  }
  if (r.errors) {
    print(`Có ${n(r.errors)} lỗi: chưa ghi gì. Sửa tệp rồi chạy lại.`);
    return 1;
  }
  print(r.committed ? 'Đã nhập xong.' : 'Không có lỗi. Chạy lại với --commit để ghi vào Canbo.');
  return 0;
}
