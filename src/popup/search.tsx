/** Search across the whole knowledge base as you type; results open their card. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { SearchHit } from '../shared/messages';
import { sendToWorkerPatiently } from '../shared/send';
import { typeLabel } from '../ui/card';
import { t } from '../shared/i18n';

export function Search({ onOpen, onQuery }: { onOpen: (id: string) => void; onQuery: (active: boolean) => void }): JSX.Element {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  /** The worker has not answered the newest query yet and is likely starting. */
  const [waiting, setWaiting] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    onQuery(query.trim() !== '');
    const ticket = ++latest.current;
    setWaiting(false);
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    const onWaiting = (): void => {
      if (ticket === latest.current) setWaiting(true);
    };
    void sendToWorkerPatiently('kb/search', { query, limit: 20 }, { onWaiting }).then((h) => {
      // Answers can overtake each other; only the newest query's may paint.
      if (ticket !== latest.current) return;
      setHits(h);
      setWaiting(false);
    }, () => undefined);
  }, [query]);

  return (
    <div class="search">
      <label class="visually-hidden" for="search">{t('popupSearchLabel')}</label>
      <input id="search" type="search" placeholder={t('popupSearchPlaceholder')} autocomplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() !== '' && (
        <ul class="hits" aria-label={t('popupSearchResults')}>
          {waiting && <li class="state" role="status">{t('popupWorkerStarting')}</li>}
          {!waiting && hits.length === 0 && <li class="state">{t('popupNoMatch')}</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" class="hit" data-entity={h.id} onClick={() => onOpen(h.id)}>
                <span class="hit-name">{h.name}</span>
                <span class="hit-meta">{typeLabel(h.type)}{h.matched ? ` · “${h.matched}”` : h.role ? ` · ${h.role}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
