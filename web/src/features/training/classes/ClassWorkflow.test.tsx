// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ClassAction, ClassStatus } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../testing/classes';
import { mockApi, renderWithApp, reply, type Sent } from '../testing/mockApi';
import { ClassWorkflow } from './ClassWorkflow';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const shown = () =>
  [...document.querySelectorAll('[data-testid^="class-action-"]')]
    .map((b) => b.getAttribute('data-testid')!.replace('class-action-', ''))
    .filter((a) => a !== 'confirm')
    .sort();

const transitions = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/classes/42/transitions');

describe('ClassWorkflow', () => {
  const expected: Record<ClassStatus, ClassAction[]> = {
    draft: ['cancel', 'plan'],
    planned: ['cancel', 'open'],
    open: ['cancel', 'start'],
    in_progress: ['cancel', 'complete'],
    completed: ['close', 'reopen'],
    closed: [],
    cancelled: [],
  };
  for (const [status, actions] of Object.entries(expected) as [ClassStatus, ClassAction[]][]) {
    it(`offers the organiser of a ${status} class only ${actions.join(' and ') || 'no step'}`, () => {
      mockApi();
      renderWithApp(<ClassWorkflow cls={makeClass({ status })} />);
      expect(shown()).toEqual(actions);
    });
  }

  it('offers nothing to a user who does not manage the class', () => {
    mockApi();
    renderWithApp(<ClassWorkflow cls={makeClass({ status: 'open', canManage: false })} />);
    expect(shown()).toEqual([]);
  });

  it('does not offer to reopen a class recorded by its headcount', () => {
    mockApi();
    renderWithApp(<ClassWorkflow cls={makeClass({ status: 'completed', headcount: { total: 120 } })} />);
    expect(shown()).toEqual(['close']);
  });

  it('sends a step with the version read and the note typed, after the user confirms', async () => {
    const sent = mockApi((req) =>
      req.method === 'POST' ? reply(makeClass({ status: 'planned', version: 4 })) : undefined,
    );
    renderWithApp(<ClassWorkflow cls={makeClass({ status: 'draft', version: 3 })} />);
    fireEvent.click(screen.getByTestId('class-action-plan'));
    expect(await screen.findByText(/sang trạng thái «Đã có kế hoạch»/)).toBeTruthy();
    expect(transitions(sent)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Ghi chú'), { target: { value: 'Theo Kế hoạch 12-KH/HĐ' } });
    fireEvent.click(screen.getByTestId('class-action-confirm'));
    await waitFor(() => expect(transitions(sent)).toHaveLength(1));
    expect(transitions(sent)[0]!.body).toEqual({ action: 'plan', version: 3, note: 'Theo Kế hoạch 12-KH/HĐ' });
  }, 30_000);

  it('asks a second time before cancelling, and cancels nothing when the user keeps the class', async () => {
    const sent = mockApi((req) => (req.method === 'POST' ? reply(makeClass({ status: 'cancelled' })) : undefined));
    renderWithApp(<ClassWorkflow cls={makeClass({ status: 'open' })} />);
    const cancel = screen.getByTestId('class-action-cancel');
    expect(cancel.className).toContain('dangerous');
    fireEvent.click(cancel);
    fireEvent.click(await screen.findByTestId('class-action-confirm'));
    expect((await screen.findAllByText('Hủy lớp?')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Không hủy' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(transitions(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('class-action-confirm'));
    await screen.findAllByText('Hủy lớp?');
    const ok = screen.getAllByRole('button', { name: 'Hủy lớp' }).find((b) => b.closest('.ant-modal-confirm'));
    fireEvent.click(ok!);
    await waitFor(() => expect(transitions(sent)).toHaveLength(1));
    expect(transitions(sent)[0]!.body).toMatchObject({ action: 'cancel', note: null });
  }, 30_000);
});
