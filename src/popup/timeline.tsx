/** The events behind the page's entities on one line of time. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { formatDate } from '../kb/dates';
import type { TimelineItem } from '../shared/messages';
import { sendToWorkerPatiently } from '../shared/send';
import { t } from '../shared/i18n';

export function PageTimeline({ ids, onOpen }: { ids: string[]; onOpen: (id: string) => void }): JSX.Element | null {
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    // A worker that is starting answers late; one that never answers leaves the timeline out.
    void sendToWorkerPatiently('kb/timeline', { ids, limit: 10 }).then(
      (got) => live && setItems(got),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!items || items.length === 0) return null;
  return (
    <section class="page-timeline" aria-labelledby="tl-title">
      <h2 id="tl-title">{t('cardTimeline')}</h2>
      <ol>
        {items.map((t) => (
          <li key={t.id} data-entity={t.id}>
            <time dateTime={t.start}>{formatDate(t.start).replace(/^\d+ /, '')}</time>
            <button type="button" class="link" onClick={() => onOpen(t.id)}>{t.name}</button>
          </li>
        ))}
      </ol>
    </section>
  );
}
