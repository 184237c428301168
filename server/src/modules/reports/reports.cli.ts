import { writeFile } from 'node:fs/promises';
import { reportNames, type ReportName } from '@canbo/contract';
import type { Ctx } from '../../context.ts';
import { reader } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { commandLineActor } from '../users/users.service.ts';
import { unitIdByCode } from './reports.repository.ts';
import { exportReport, runReport } from './reports.service.ts';

export interface ReportCliArgs {
  name: string | undefined;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The unit's code; the first top unit when absent. */
  unit?: string | undefined;
  /** The scheme-progress report's scheme (its id). */
  scheme?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  login?: string | undefined;
  number?: string | undefined;
  signer?: string | undefined;
  signerTitle?: string | undefined;
  /** Recipients separated by ";". */
  recipients?: string | undefined;
  /** The narrative's large numbers in words (the training summary). */
  rounded?: boolean | undefined;
}

const USAGE = `Dùng: canbo report <báo cáo> [--at yyyy-mm-dd | --from … --to …] [--unit <mã đơn vị>] [--scheme <số hiệu đề án>] [--format json|xlsx|docx] [--out <tệp>] [--number <số>] [--signer <người ký>] [--signer-title <chức vụ>] [--recipients "nơi nhận 1; nơi nhận 2"] [--rounded]. Báo cáo: ${reportNames.join(', ')}`;

/**
 * `canbo report <name> …`: a report from a shell, counted as a system administrator (the first, or
 * `--login`'s) — the whole tree is theirs, so `--unit` picks any subtree. JSON goes to the output
 * (or `--out`); .xlsx and .docx need `--out`. Answers the exit code (1 on a refusal, said in Vietnamese).
 */
export async function reportFromCli(
  ctx: Ctx,
  args: ReportCliArgs,
  print: (line: string) => void = console.log,
): Promise<number> {
  const name = args.name as ReportName;
  const format = args.format ?? 'json';
  if (!reportNames.includes(name) || !['json', 'xlsx', 'docx'].includes(format) || (format !== 'json' && !args.out)) {
    print(USAGE);
    return 1;
  }
  const actor = await commandLineActor(ctx, args.login, print);
  if (!actor) return 1;
  let unitId: number | undefined;
  if (args.unit !== undefined) {
    const found = await unitIdByCode(reader(ctx), args.unit);
    if (found == null) {
      print(`Không có đơn vị mã "${args.unit}".`);
      return 1;
    }
    unitId = found;
  }
  const query = {
    unitId,
    at: args.at,
    from: args.from,
    to: args.to,
    schemeId: args.scheme,
    rounded: args.rounded ? 'true' : undefined,
  };
  try {
    if (format === 'json') {
      const json = JSON.stringify(await runReport(ctx, actor, name, query), null, 2);
      if (args.out) await writeFile(args.out, json);
      else print(json);
      return 0;
    }
    const { file } = await exportReport(ctx, actor, name, {
      ...query,
      format,
      number: args.number,
      signerName: args.signer,
      signerTitle: args.signerTitle,
      recipients: args.recipients?.split(';').join('\n'),
    });
    await writeFile(args.out!, file.bytes);
    print(`Đã ghi ${args.out}.`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    print(err.message);
    return 1;
  }
}
