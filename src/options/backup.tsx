/** Export, import and reset. Import changes nothing unless the whole file is valid. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { defaults, type Settings } from '../settings/defaults';
import { exportSettings, importSettings } from '../settings/transfer';
import { saveSettings } from '../shared/settings-store';
import { t } from '../shared/i18n';

export function Backup({ settings }: { settings: Settings }): JSX.Element {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const download = (): void => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'backstory-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const upload = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importSettings(await file.text());
    if (!result.ok) {
      setMessage({ text: result.error, error: true });
      return;
    }
    await saveSettings(result.settings);
    setMessage({ text: t('optionsImported'), error: false });
  };

  const reset = async (): Promise<void> => {
    await saveSettings(defaults());
    setConfirming(false);
    setMessage({ text: t('optionsWasReset'), error: false });
  };

  return (
    <div class="backup">
      <button type="button" name="export" onClick={download}>{t('optionsExport')}</button>
      <label class="file-button">
        {t('optionsImport')}
        <input type="file" name="import" accept="application/json,.json" onChange={(e) => void upload(e.currentTarget)} />
      </label>
      {confirming ? (
        <span class="confirm" role="group" aria-label="Confirm reset">
          {t('optionsResetConfirm')}{' '}
          <button type="button" name="confirm-reset" onClick={() => void reset()}>{t('optionsResetDo')}</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>{t('optionsCancel')}</button>
        </span>
      ) : (
        <button type="button" name="reset" onClick={() => setConfirming(true)}>{t('optionsReset')}</button>
      )}
      {message && <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </div>
  );
}
