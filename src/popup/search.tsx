/** Search across the whole knowledge base as you type; results open their card. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { SearchHit } from '../shared/messages';
import { sendToWorker } from '../shared/send';
import { typeLabel } from '../ui/card';
import { t } from '../shared/i18n';

export function Search({ onOpen, onQuery }: { onOpen: (id: string) => void; onQuery: (active: boolean) => void }): JSX.Element {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const latest = useRef(0);

  useEffect(() => {
    onQuery(query.trim() !== '');
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    const ticket = ++latest.current;
    void sendToWorker('kb/search', { query, limit: 20 }).then((h) => {
      // Answers can overtake each other; only the newest query's may paint.
      if (ticket === latest.current) setHits(h);
    }, () => undefined);
  }, [query]);

  return (
    <div class="search">
      <label class="visually-hidden" for="search">{t('popupSearchLabel')}</label>
      <input id="search" type="search" placeholder={t('popupSearchPlaceholder')} autocomplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() !== '' && (
        <ul class="hits" aria-label={t('popupSearchResults')}>
          {hits.length === 0 && <li class="state">{t('popupNoMatch')}</li>}
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
