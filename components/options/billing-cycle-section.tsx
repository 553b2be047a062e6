/**
 * The billing cycle's first day of the month, for budgets and the organization budget alert.
 * Devin does not publish it, so the admin says it; policy may fix it (then it is locked). A
 * valid day is saved as typed; anything else is explained and not saved.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { billingCycleStartDayItem, readCycleStartDay } from '../../utils/settings/billing-cycle';
import { Card } from './card';

const ID = 'billing-cycle-start-day';

export function BillingCycleSection() {
  const [text, setText] = useState('');
  const [locked, setLocked] = useState(false);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    let alive = true;
    void readCycleStartDay().then((setting) => {
      if (!alive) return;
      setText(String(setting.day));
      setLocked(setting.locked);
    });
    return () => {
      alive = false;
    };
  }, []);

  function onInput(value: string) {
    setText(value);
    const day = Number(value);
    const ok = value.trim() !== '' && Number.isInteger(day) && day >= 1 && day <= 28;
    setInvalid(!ok);
    if (ok) void billingCycleStartDayItem.setValue(day);
  }

  const describedBy = [`${ID}-help`, locked ? `${ID}-locked` : '', invalid ? `${ID}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Card id="billing-cycle" title={t('budget.heading')}>
      <div class="field">
        <label for={ID}>{t('budget.startDayLabel')}</label>
        <input
          id={ID}
          class="input-number"
          type="number"
          min={1}
          max={28}
          step={1}
          value={text}
          disabled={locked}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <p id={`${ID}-help`} class="help">
          {t('budget.startDayHint')}
        </p>
        {locked ? (
          <p id={`${ID}-locked`} class="help">
            {t('budget.startDayLocked')}
          </p>
        ) : null}
        {invalid ? (
          <p id={`${ID}-error`} class="error-text" role="alert">
            {t('budget.startDayInvalid')}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
