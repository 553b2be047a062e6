/**
 * Users this cycle, biggest first: billed ACUs beside the cached sessions' ACUs. The first few
 * show; "Show all" lists the rest (hundreds of users would bury the page).
 */
import { useState } from 'preact/hooks';
import type { Budget } from '../../utils/budget/compute';
import { formatAcus } from '../../utils/format';
import { t } from '../../utils/i18n';

const FIRST_USERS = 10;

export function UserList(props: { budget: Budget; userName: (id: string | null) => string }) {
  const [all, setAll] = useState(false);
  const { users } = props.budget;
  const billed = users.some((user) => user.billedAcus !== null);
  const shown = all ? users : users.slice(0, FIRST_USERS);
  return (
    <div class="budget-users">
      <h3>{t('budget.usersHeading')}</h3>
      {billed ? null : <p class="muted">{t('budget.usersSessionsOnly')}</p>}
      <table class="budget-table">
        <caption>{t('budget.usersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.colUser')}</th>
            {billed ? <th scope="col">{t('budget.colBilled')}</th> : null}
            <th scope="col">{t('budget.colSessions')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((user) => (
            <tr key={user.userId} data-testid="budget-user">
              <th scope="row">{props.userName(user.userId)}</th>
              {billed ? (
                <td>
                  {user.billedAcus === null
                    ? t('budget.notAvailable')
                    : formatAcus(user.billedAcus)}
                </td>
              ) : null}
              <td>{formatAcus(user.sessionAcus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length > FIRST_USERS ? (
        <button type="button" class="button-link" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('budget.showFewer') : t('budget.showAll', users.length, [String(users.length)])}
        </button>
      ) : null}
    </div>
  );
}
