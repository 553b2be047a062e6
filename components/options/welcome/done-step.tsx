/**
 * Step 4: set up. One button opens the sessions; a short picture says how to keep the icon
 * in the toolbar, since no browser lets an extension pin itself.
 */
export function DoneStep(props: { onOpen: () => void; onSettings: () => void }) {
  return (
    <div>
      <p class="welcome-intro">
        The extension keeps your sessions up to date in the background. Open them from its toolbar
        icon.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onOpen}>
          Open the sessions
        </button>
        <button type="button" onClick={props.onSettings}>
          Show all settings
        </button>
      </div>
      <section class="pin-hint" aria-labelledby="welcome-pin-heading">
        <h4 id="welcome-pin-heading">Keep the icon in the toolbar</h4>
        <figure class="pin-picture" aria-hidden="true">
          <span class="pin-bar">
            <span class="pin-address" />
            <span class="pin-icon">🧩</span>
            <span class="pin-arrow">→</span>
            <span class="pin-icon">📌</span>
          </span>
        </figure>
        <ol>
          <li>
            Click the Extensions button (the puzzle piece 🧩) to the right of the address bar.
          </li>
          <li>
            Chrome and Edge: click the pin 📌 next to Devin Sessions for Admins. Firefox: click the
            gear ⚙ next to it, then Pin to Toolbar.
          </li>
        </ol>
      </section>
    </div>
  );
}
