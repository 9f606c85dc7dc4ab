/** "Open full context": the whole entity, and where it appears in the page it was opened from. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Card } from '../shared/messages';
import { sendToTab, sendToWorker } from '../shared/send';
import { loadSettings } from '../shared/settings-store';
import { applyTheme } from '../shared/theme';
import { CardView } from '../ui/card';
import { t } from '../shared/i18n';

export function FullContext({ search }: { search: string }): JSX.Element {
  const params = new URLSearchParams(search);
  const tab = /^\d+$/.test(params.get('tab') ?? '') ? Number(params.get('tab')) : undefined;
  const [id, setId] = useState(params.get('id') ?? '');
  const [card, setCard] = useState<Card | null | undefined>(undefined);
  const [snippets, setSnippets] = useState<string[] | null>(null);

  useEffect(() => {
    void loadSettings().then((s) => applyTheme(s.theme));
  }, []);

  useEffect(() => {
    setCard(undefined);
    void sendToWorker('card/get', { id }).then(setCard, () => setCard(null));
    if (tab !== undefined) {
      void sendToTab(tab, 'page/snippets', { id }).then((r) => setSnippets(r.snippets), () => setSnippets(null));
    }
  }, [id]);

  useEffect(() => {
    if (card) document.title = `${card.name} · Backstory`;
  }, [card]);

  const navigate = (next: string): void => {
    const url = new URL(location.href);
    url.searchParams.set('id', next);
    history.pushState(null, '', url);
    setId(next);
  };
  useEffect(() => {
    const onPop = (): void => setId(new URLSearchParams(location.search).get('id') ?? '');
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  if (card === undefined) return <main class="full" aria-busy="true" />;
  if (card === null) return <main class="full"><p class="muted">{t('fullNoEntry', id)}</p></main>;
  return (
    <main class="full">
      <CardView card={card} compact={false} onNavigate={navigate} headingId="full-title" />
      {tab !== undefined && (
        <section class="on-page" aria-labelledby="on-page-title">
          <h2 id="on-page-title">{t('fullOnPage')}</h2>
          {snippets === null ? (
            <p class="muted">{t('fullPageGone')}</p>
          ) : snippets.length === 0 ? (
            <p class="muted">{t('fullNotMentioned', card.name)}</p>
          ) : (
            <ol>
              {snippets.map((s, i) => (
                <li key={i}>
                  <button type="button" class="link" onClick={() => void sendToTab(tab, 'page/reveal', { id, index: i }).catch(() => undefined)}>
                    {s}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </main>
  );
}
