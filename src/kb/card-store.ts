/** Serves cards and search from the compiled entities. Pure: the worker hands it the data. */
import type { Card, EntityBrief, SearchHit, TimelineItem } from '../shared/messages';
import { dateKey } from './dates';
import type { Entity } from './schema';

const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019']/g, '').replace(/[\u2010-\u2015-]/g, ' ').toLowerCase();

export interface CardStore {
  card(id: string): Card | null;
  briefs(ids: readonly string[]): EntityBrief[];
  search(query: string, limit?: number): SearchHit[];
  /** Ids of the entities that belong to none of `packs`. */
  excluded(packs: readonly string[]): string[];
  /** Events linked to any of `ids` (or among them), in date order. */
  timeline(ids: readonly string[], limit?: number): TimelineItem[];
  readonly size: number;
}

export function createCardStore(entities: readonly Entity[]): CardStore {
  const byId = new Map(entities.map((e) => [e.id, e]));
  // One folded search key per name and alias, scanned linearly (1,300 entities × a few keys is
  // far below a millisecond per keystroke). Built at the first search, not at every worker start:
  // a card asked of a sleeping worker should not wait for folding 6,000 aliases.
  let searchKeys: { key: string; entity: Entity; alias: string; isName: boolean }[] | undefined;
  const keys = (): NonNullable<typeof searchKeys> => {
    if (!searchKeys) {
      searchKeys = [];
      for (const e of entities) {
        for (const a of e.aliases) searchKeys.push({ key: fold(a.text), entity: e, alias: a.text, isName: a.text === e.name });
      }
    }
    return searchKeys;
  };

  return {
    size: byId.size,
    card(id) {
      const e = byId.get(id);
      if (!e) return null;
      const { aliases: _aliases, related, ...rest } = e;
      return {
        ...rest,
        related: related.flatMap((r) => {
          const target = byId.get(r.id);
          return target ? [{ id: r.id, name: target.name, type: target.type, relation: r.relation }] : [];
        }),
      };
    },
    briefs(ids) {
      return ids.flatMap((id) => {
        const e = byId.get(id);
        return e ? [{ id, name: e.name, type: e.type, ...(e.role ? { role: e.role } : {}) }] : [];
      });
    },
    excluded(packs) {
      const on = new Set(packs);
      return entities.filter((e) => !e.packs.some((p) => on.has(p))).map((e) => e.id);
    },
    timeline(ids, limit = 16) {
      const items = new Map<string, TimelineItem>();
      const add = (eventId: string, via: string): void => {
        const ev = byId.get(eventId);
        if (!ev || ev.type !== 'event' || !ev.start) return;
        const item = items.get(eventId) ?? { id: ev.id, name: ev.name, start: ev.start, ...(ev.end ? { end: ev.end } : {}), via: [] };
        if (!item.via.includes(via)) item.via.push(via);
        items.set(eventId, item);
      };
      for (const id of ids) {
        const e = byId.get(id);
        if (!e) continue;
        add(id, id);
        for (const r of e.related) add(r.id, id);
        for (const t of e.timeline) if (t.ref) add(t.ref, id);
      }
      // Events the page names itself, and those most of its entities share, come first.
      const ranked = [...items.values()].sort((a, b) => b.via.length - a.via.length || Number(ids.includes(b.id)) - Number(ids.includes(a.id)));
      return ranked
        .slice(0, limit)
        .sort((a, b) => dateKey(a.start).localeCompare(dateKey(b.start)));
    },
    search(query, limit = 20) {
      const q = fold(query.trim());
      if (q === '') return [];
      const best = new Map<string, { score: number; hit: SearchHit }>();
      for (const k of keys()) {
        const at = k.key.indexOf(q);
        if (at < 0) continue;
        // Prefix of the whole key beats prefix of a word beats anywhere; names beat aliases.
        const wordStart = at === 0 || k.key[at - 1] === ' ';
        const score = (at === 0 ? 0 : wordStart ? 10 : 20) + (k.isName ? 0 : 1) + (k.key.length === q.length ? -5 : 0);
        const prev = best.get(k.entity.id);
        if (prev && prev.score <= score) continue;
        const hit: SearchHit = { id: k.entity.id, name: k.entity.name, type: k.entity.type };
        if (!k.isName) hit.matched = k.alias;
        if (k.entity.role) hit.role = k.entity.role;
        best.set(k.entity.id, { score, hit });
      }
      return [...best.values()]
        .sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name))
        .slice(0, limit)
        .map((x) => x.hit);
    },
  };
}
