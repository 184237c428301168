// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import '../../../i18n';
import { CompletionRule } from './CompletionRule';

afterEach(cleanup);

describe('CompletionRule', () => {
  it('states the class rule in Vietnamese words', () => {
    render(<CompletionRule rule={{ minAttendancePercent: 80, passGrade: 'average' }} />);
    expect(screen.getByTestId('completion-rule').textContent).toBe(
      'Hoàn thành khi dự ≥ 80% số buổi và xếp loại từ Trung bình trở lên',
    );
  });

  it('leaves attendance out of a rule that does not require any', () => {
    render(<CompletionRule rule={{ minAttendancePercent: 0, passGrade: 'fair' }} />);
    expect(screen.getByTestId('completion-rule').textContent).toBe('Hoàn thành khi xếp loại từ Khá trở lên');
  });
});
