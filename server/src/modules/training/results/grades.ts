import type { Grade } from '@canbo/contract';

/**
 * The grade a score on the 10-point scale earns when staff enter only the score. The bands are the
 * ones Vietnamese schools and the Union's short courses use for a bài thu hoạch:
 *   9 – 10    xuất sắc   (excellent)
 *   8 – < 9   giỏi       (good)
 *   6.5 – < 8 khá        (fair)
 *   5 – < 6.5 trung bình (average)
 *   below 5   không đạt  (fail)
 * Staff who grade differently send the grade with the score; an explicit grade always wins.
 */
export function gradeOfScore(score: number): Grade {
  if (score >= 9) return 'excellent';
  if (score >= 8) return 'good';
  if (score >= 6.5) return 'fair';
  if (score >= 5) return 'average';
  return 'fail';
}

/** Scores are kept to one decimal (8.5, not 8.55); null when the score is not a whole tenth. */
export function tenths(score: number): number | null {
  const scaled = Math.round(score * 10);
  return Math.abs(scaled - score * 10) < 1e-6 ? scaled / 10 : null;
}
