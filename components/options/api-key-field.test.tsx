// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyField } from './api-key-field';

function Harness(props: { initial?: string; error?: string | null }) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <ApiKeyField
      id="api-key"
      value={value}
      onInput={setValue}
      error={props.error ?? null}
      saved={false}
    />
  );
}

afterEach(cleanup);

describe('ApiKeyField', () => {
  it('is labelled and masked by default', () => {
    render(<Harness initial="apk_user_secret" />);
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toBe('apk_user_secret');
    expect(input.getAttribute('autocomplete')).toBe('off');
  });

  it('shows and hides the key with the toggle, which names what it does', () => {
    render(<Harness initial="apk_user_secret" />);
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    fireEvent.click(screen.getByRole('button', { name: 'Show API key' }));
    expect(input.type).toBe('text');
    const hide = screen.getByRole('button', { name: 'Hide API key' });
    expect(hide.textContent).toBe('Hide');
    expect(hide.getAttribute('aria-controls')).toBe('api-key');
    fireEvent.click(hide);
    expect(input.type).toBe('password');
    expect(screen.getByRole('button', { name: 'Show API key' })).toBeTruthy();
  });

  it('hints when the key does not look like an enterprise admin key, and still keeps it', () => {
    render(<Harness />);
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    expect(screen.queryByText(/usually start with apk_user_/)).toBeNull();
    fireEvent.input(input, { target: { value: 'sk-live-123' } });
    const hint = screen.getByText(/usually start with apk_user_/);
    expect(input.value).toBe('sk-live-123');
    expect(input.getAttribute('aria-describedby')).toContain(hint.id);
    fireEvent.input(input, { target: { value: 'apk_user_123' } });
    expect(screen.queryByText(/usually start with apk_user_/)).toBeNull();
  });

  it('says which API the key uses and what a v3 service user needs', () => {
    render(<Harness />);
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'cog_abc123' } });
    expect(screen.getByTestId('api-version').textContent).toMatch(
      /^Uses the v3 API\. The service user needs ViewAccountSessions/,
    );
    expect(screen.queryByText(/usually start with apk_user_/)).toBeNull();
    fireEvent.input(input, { target: { value: 'apk_user_123' } });
    expect(screen.getByTestId('api-version').textContent).toMatch(/^Uses the v2 API/);
  });

  it('hints when the key was pasted with extra text', () => {
    render(<Harness initial="Key: apk_user_123" />);
    expect(screen.getByText(/contains spaces/)).toBeTruthy();
  });

  it('shows an error as an alert tied to the field', () => {
    render(<Harness error="Enter the API key." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Enter the API key.');
    const input = screen.getByLabelText('API key');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
  });
});
