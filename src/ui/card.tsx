/**
 * The background card, shared by the in-page popover, the popup and the full-context page.
 * All data is rendered as text nodes by Preact; nothing is parsed as HTML.
 */
import type { JSX } from 'preact';
import { formatDate } from '../kb/dates';
import type { EntityType } from '../kb/schema';
import type { Card } from '../shared/messages';
import { t, type MessageKey } from '../shared/i18n';

/** Each type's name, one and many ("Person", "People"). */
const TYPE_KEYS = {
  person: ['typePerson', 'groupPerson'],
  country: ['typeCountry', 'groupCountry'],
  place: ['typePlace', 'groupPlace'],
  organization: ['typeOrganization', 'groupOrganization'],
  event: ['typeEvent', 'groupEvent'],
  concept: ['typeConcept', 'groupConcept'],
} as const satisfies Record<EntityType, readonly [MessageKey, MessageKey]>;

export function typeLabel(type: EntityType): string {
  return t(TYPE_KEYS[type][0]);
}

/** The plural, for a heading or a choice over a whole type ("People", "Countries"). */
export function typeGroupLabel(type: EntityType): string {
  return t(TYPE_KEYS[type][1]);
}

export interface CardViewProps {
  card: Card;
  /** Opens a related entity's card in place. */
  onNavigate?: (id: string) => void;
  onBack?: () => void;
  /** Extra controls for the header (pin, menu), provided by the host. */
  actions?: JSX.Element | null;
  /** Limits for the compact popover; the full page shows everything. */
  compact?: boolean;
  headingId?: string;
}

function eventWhen(card: Card): string | null {
  if (card.type !== 'event' || !card.start) return null;
  return `${formatDate(card.start)} – ${card.end ? formatDate(card.end) : t('cardOngoing')}`;
}

export function CardView({ card, onNavigate, onBack, actions, compact = true, headingId }: CardViewProps): JSX.Element {
  const facts = compact ? card.facts.slice(0, 6) : card.facts;
  const timeline = compact ? card.timeline.slice(-5) : card.timeline;
  const related = compact ? card.related.slice(0, 8) : card.related;
  const when = eventWhen(card);
  return (
    <article class="card" data-entity={card.id}>
      <header class="card-head">
        {onBack && (
          <button type="button" class="icon-button back" onClick={onBack} aria-label={t('cardBack')}>
            ‹
          </button>
        )}
        <div class="title-block">
          <h2 class="name" id={headingId}>
            {card.name}
          </h2>
          <div class="meta">
            <span class={`badge badge-${card.type}`}>{typeLabel(card.type)}</span>
            {card.role && <span class="role">{card.role}</span>}
          </div>
        </div>
        {actions}
      </header>
      <div class="card-body">
        <p class="summary">{card.summary}</p>
        {(when || card.outcome) && (
          <p class="event-line">
            {when}
            {when && card.outcome ? ' · ' : ''}
            {card.outcome}
          </p>
        )}
        {facts.length > 0 && (
          <dl class="facts">
            {facts.map((f) => (
              <div class="fact" key={f.label + f.value}>
                <dt>{f.label}</dt>
                <dd>
                  {f.ref && onNavigate ? (
                    <button type="button" class="link" onClick={() => onNavigate(f.ref as string)}>
                      {f.kind === 'date' ? formatDate(f.value) : f.value}
                    </button>
                  ) : f.kind === 'date' ? (
                    formatDate(f.value)
                  ) : (
                    f.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {timeline.length > 0 && (
          <section class="timeline" aria-label={t('cardTimeline')}>
            <h3>{t('cardTimeline')}</h3>
            <ol>
              {timeline.map((t) => (
                <li key={t.date + t.text}>
                  <time dateTime={t.date}>{formatDate(t.date)}</time>
                  {t.ref && onNavigate ? (
                    <button type="button" class="link" onClick={() => onNavigate(t.ref as string)}>
                      {t.text}
                    </button>
                  ) : (
                    <span>{t.text}</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
        {related.length > 0 && (
          <section class="related" aria-label={t('cardRelated')}>
            <h3>{t('cardRelated')}</h3>
            <ul>
              {related.map((r) => (
                <li key={r.id + r.relation}>
                  <button type="button" class="chip" onClick={() => onNavigate?.(r.id)} disabled={!onNavigate} title={r.relation}>
                    <span class="chip-name">{r.name}</span>
                    <span class="chip-rel">{r.relation}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer class="card-foot">
        <span class="sources">
          {card.sources.map((s, i) => (
            <span key={s.url}>
              {i > 0 && ' · '}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            </span>
          ))}
        </span>
        <span class="as-of">{t('cardAsOf', formatDate(card.asOf))}</span>
      </footer>
    </article>
  );
}
