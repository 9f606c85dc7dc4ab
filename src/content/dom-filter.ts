/**
 * Where not to mark: interactive and code elements, non-HTML content, editable regions,
 * hidden content and page chrome. Decided per element so a TreeWalker can skip whole subtrees.
 */
export const MENTION_TAG = 'backstory-mention';
export const CARD_TAG = 'backstory-card';

const XHTML = 'http://www.w3.org/1999/xhtml';

const SKIP_TAGS = new Set([
  'a', 'button', 'input', 'textarea', 'select', 'option', 'optgroup', 'label', 'output', 'datalist',
  'code', 'pre', 'kbd', 'samp', 'var', 'tt',
  'script', 'style', 'template', 'noscript', 'title', 'head', 'meta', 'link',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'img', 'map',
  'svg', 'math', 'nav', 'menu', 'dialog', 'summary',
  MENTION_TAG, CARD_TAG,
]);

/**
 * Skip tags whose text, if they hold any, the walk may as well meet: void elements (img, input,
 * link, meta, embed), and those whose content parsers put only elements or nothing in (picture,
 * map, frameset, head), or that sit inside another skip tag (option, optgroup, datalist).
 * Listing them made the walk judge and step past every image and input of a page for nothing.
 */
const TEXTLESS_TAGS = new Set(['img', 'input', 'link', 'meta', 'embed', 'picture', 'map', 'frame', 'frameset', 'head', 'optgroup', 'datalist', 'option']);

/**
 * Matches every element whose verdict can be 'skip' for its tag or its hiding, editing and
 * role attributes and that can hold text, and some that turn out not to be (elementVerdict
 * decides). Page-chrome names (cookie banners) and TEXTLESS_TAGS are left out: substring tests
 * of every id and class made the query cost a third more, and the text there is only scanned,
 * not marked (the walk's full check rules it out).
 */
export const SKIP_SELECTOR = [...SKIP_TAGS]
  .filter((tag) => !TEXTLESS_TAGS.has(tag))
  .concat(['[hidden]', '[aria-hidden]', '[inert]', '[contenteditable]', '[role]', '[style*="display" i]'])
  .join(',');

const SKIP_ROLES = new Set([
  'navigation', 'menu', 'menubar', 'menuitem', 'button', 'link', 'textbox', 'searchbox', 'combobox',
  'listbox', 'option', 'tab', 'tablist', 'toolbar', 'dialog', 'alertdialog', 'code', 'math', 'img',
]);

/**
 * Every name CHROME_NAMES matches holds one of these. Most ids and classes hold none, and this
 * simpler expression is quicker to compile and to run on a cold page: it was the walk's hottest line.
 */
const CHROME_HINT = /cookie|consent|gdpr|cmp|privacy|onetrust|didomi|truste|cc-/i;

/** Cookie and consent banners, by the names their frameworks and sites give them. */
const CHROME_NAMES =
  /(?:^|\s)(?:(?:cookies?|consent|gdpr|cmp|privacy)[-_]?(?:banner|notice|bar|popup|modal|dialog|wall|container|overlay|message|consent|law|layer)|cookies?|consent|onetrust\S*|didomi\S*|truste\S*|cookiebot\S*|cc-window|cc-banner|qc-cmp\S*|fc-consent\S*)(?:\s|$)/i;

export type Verdict = 'skip' | 'enter';
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;

export function elementVerdict(el: Element): Verdict {
  if (el.namespaceURI !== XHTML) return 'skip';
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return 'skip';
  // Most elements around article text (p, span, em, li) carry no attributes at all.
  if (!el.hasAttributes()) return 'enter';
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) return 'skip';
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return 'skip';
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role.trim().toLowerCase())) return 'skip';
  const id = el.id;
  const cls = typeof el.className === 'string' ? el.className : '';
  if ((id !== '' && chromeName(id)) || (cls !== '' && chromeName(cls))) return 'skip';
  // Read the attribute: el.style would build a style object for every element of the page.
  const style = el.getAttribute('style');
  if (style !== null && DISPLAY_NONE.test(style)) return 'skip';
  return 'enter';
}

const chromeName = (name: string): boolean => CHROME_HINT.test(name) && CHROME_NAMES.test(name);

/** True when some ancestor (up to the root) rules the node out; for nodes added after the first pass. */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (elementVerdict(el) === 'skip') return true;
  }
  return false;
}

const BLOCK_SELECTOR = 'p,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,td,th,article,section,aside,div,main,body';
export const HEADLINE_SELECTOR = 'h1,[itemprop="headline"],.headline';

export function blockOf(el: Element): Element {
  return el.closest(BLOCK_SELECTOR) ?? el;
}

/** Where a text with a hit sits: its block, the paragraph text around it, and whether it is in a headline. */
export function placeOf(parent: Element, text: string, cache: BlockTexts): { block: Element; blockText: string; prominent: boolean } {
  const block = blockOf(parent);
  return { block, blockText: paragraphText(block, text, cache), prominent: parent.closest(HEADLINE_SELECTOR) !== null };
}

/** Beyond this a block is a page section, not a paragraph. */
const MAX_BLOCK_TEXT = 4000;

/** Each block's paragraph text ('' for a section), read once per pass. */
export type BlockTexts = WeakMap<Element, string>;

/**
 * The paragraph around a text, for context rules ("Michael" before "Jordan" in another
 * node). Large containers are not paragraphs: there the text itself is the context.
 */
export function paragraphText(block: Element, text: string, cache: BlockTexts): string {
  let value = cache.get(block);
  if (value === undefined) {
    const full = block.textContent ?? '';
    value = full.length <= MAX_BLOCK_TEXT ? full : '';
    cache.set(block, value);
  }
  return value === '' ? text : value;
}
