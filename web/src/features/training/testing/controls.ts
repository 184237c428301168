import { fireEvent, screen, waitFor } from '@testing-library/react';

/** Types into the input with this id (form inputs carry `<form name>_<field>` ids). */
export function type(id: string, value: string) {
  const input = document.getElementById(id);
  if (!input) throw new Error(`no input ${id}`);
  fireEvent.change(input, { target: { value } });
}

/**
 * Opens the antd Select whose input has this id (or is this element) and picks the option titled `text` (the title is
 * the option's label even when the option shows more, as a unit's kind and parent).
 */
export async function pick(id: string | HTMLElement, text: string) {
  const input = typeof id === 'string' ? document.getElementById(id) : id;
  if (!input) throw new Error(`no select ${typeof id === 'string' ? id : 'element'}`);
  fireEvent.mouseDown(input);
  const option = await waitFor(
    () => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
        (o) => o.getAttribute('title') === text,
      );
      if (!found) throw new Error(`no option ${text}`);
      return found;
    },
    // A busy machine may take more than waitFor's second to draw the options.
    { timeout: 10_000 },
  );
  fireEvent.click(option);
}

/** Types a date as the user sees it, dd/mm/yyyy, into an antd DatePicker. */
export function typeDate(input: HTMLElement | string, ddmmyyyy: string) {
  const el = typeof input === 'string' ? document.getElementById(input) : input;
  if (!el) throw new Error(`no date input ${typeof input === 'string' ? input : input.id}`);
  fireEvent.mouseDown(el);
  fireEvent.change(el, { target: { value: ddmmyyyy } });
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(el);
}

/** The form item (label, control, messages) of the field labelled `label`. */
export function formItem(label: string): HTMLElement {
  const el = screen.getByText(label, { selector: 'label' }).closest('.ant-form-item');
  if (!el) throw new Error(`no form item ${label}`);
  return el as HTMLElement;
}
