// @vitest-environment happy-dom
import { options, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { makeSession } from '../../tests/fixtures/sessions';
import { DevinDatabase } from '../../utils/db/schema';
import { useFirstScreen } from './data';

function FirstScreenProbe(props: { databaseName: string }) {
  const { screen, settled } = useFirstScreen(props.databaseName);
  if (!settled) return <p>waiting</p>;
  return <p>{screen?.rows.map((row) => row.session_id).join(',')}</p>;
}

const preactRaf = options.requestAnimationFrame;

afterEach(() => {
  options.requestAnimationFrame = preactRaf;
});

describe('useFirstScreen', () => {
  it('shows the first rows without waiting for a frame to be painted', async () => {
    const db = new DevinDatabase(`first-screen-${Math.random()}`);
    await putSessions(db, [
      makeSession({ session_id: 'older', updated_at: '2026-01-01T00:00:00Z' }),
      makeSession({ session_id: 'newest', updated_at: '2026-02-01T00:00:00Z' }),
    ]);
    db.close();
    // Effects that Preact runs after a paint never run here: the popup's first rows must not
    // wait for a frame painted without them.
    options.requestAnimationFrame = () => {};
    const host = document.createElement('div');
    render(<FirstScreenProbe databaseName={db.name} />, host);
    expect(host.textContent).toBe('waiting');
    await expect.poll(() => host.textContent).toBe('newest,older');
    render(null, host);
  });
});
