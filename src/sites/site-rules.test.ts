import { describe, expect, it } from 'vitest';
import { defaults } from '../settings/defaults';
import { DEFAULT_SITES } from './default-sites';
import { isSiteEnabled, isWebUrl, normalizeHost, sitePatterns, siteStatus } from './site-rules';

const listed = ['nytimes.com', 'bbc.co.uk', 'cnn.com', 'lemonde.fr'];
const base = defaults();

describe('isSiteEnabled', () => {
  it('runs on listed news sites and their subdomains', () => {
    for (const url of [
      'https://www.nytimes.com/2025/01/01/world/asia/kim.html',
      'https://nytimes.com/',
      'https://edition.cnn.com/world',
      'https://amp.cnn.com/x',
      'https://m.bbc.co.uk/news',
      'https://www.lemonde.fr:443/international/',
    ]) {
      expect(isSiteEnabled(url, base, listed), url).toBe(true);
    }
  });

  it('does not confuse look-alike hosts with listed ones', () => {
    for (const url of ['https://notnytimes.com/', 'https://nytimes.com.evil.example/', 'https://cnn.co/', 'https://bbc.co.uk.example.org/']) {
      expect(isSiteEnabled(url, base, listed), url).toBe(false);
    }
  });

  it('honours a site turned off, for all its subdomains', () => {
    const s = { ...base, disabledSites: ['cnn.com'] };
    expect(siteStatus('https://edition.cnn.com/x', s, listed)).toEqual({ enabled: false, reason: 'turned-off', site: 'cnn.com' });
    expect(isSiteEnabled('https://www.nytimes.com/', s, listed)).toBe(true);
  });

  it('runs on added sites, including IP addresses, ports and IDN hosts', () => {
    const s = { ...base, addedSites: ['example.org', '192.168.1.20', 'bücher.example'] };
    expect(siteStatus('https://news.example.org/a', s, listed).reason).toBe('added');
    expect(isSiteEnabled('http://192.168.1.20:8080/article', s, listed)).toBe(true);
    expect(isSiteEnabled('https://xn--bcher-kva.example/story', s, listed)).toBe(true);
    expect(isSiteEnabled('https://example.com/', s, listed)).toBe(false);
  });

  it('runs everywhere only when the reader opted in', () => {
    expect(siteStatus('https://blog.example/', base, listed).reason).toBe('not-listed');
    expect(siteStatus('https://blog.example/', { ...base, allSites: true }, listed).reason).toBe('all-sites');
    expect(isSiteEnabled('https://blog.example/', { ...base, allSites: true, enabled: false }, listed)).toBe(false);
  });

  it('turns everything off with the global switch', () => {
    expect(siteStatus('https://www.nytimes.com/', { ...base, enabled: false }, listed).reason).toBe('extension-off');
  });

  it('never throws on unusual URLs and refuses non-web ones', () => {
    for (const url of ['', 'not a url', 'chrome://extensions', 'about:blank', 'file:///tmp/a.html', 'data:text/html,x', 'https://[::1]/', 'https://', 'http://%zz/', 'javascript:alert(1)']) {
      expect(() => siteStatus(url, base, listed)).not.toThrow();
    }
    expect(siteStatus('chrome://extensions', base, listed).reason).toBe('unsupported');
    expect(siteStatus('file:///tmp/a.html', base, listed).reason).toBe('unsupported');
    expect(isSiteEnabled('http://[::1]:3000/', { ...base, addedSites: ['[::1]'] }, listed)).toBe(true);
  });
});

describe('site helpers', () => {
  it('tells web pages from browser pages, files and garbage', () => {
    expect(isWebUrl('https://www.bbc.co.uk/news')).toBe(true);
    expect(isWebUrl('http://127.0.0.1:8080/')).toBe(true);
    for (const url of ['chrome://newtab', 'about:blank', 'file:///x.pdf', 'data:text/html,x', '', 'nonsense']) expect(isWebUrl(url), url).toBe(false);
  });
  it('normalizes entries the way URLs are parsed', () => {
    expect(normalizeHost('WWW.Example.ORG.')).toBe('www.example.org');
    expect(normalizeHost('https://news.example.org/path')).toBe('news.example.org');
    expect(normalizeHost('bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeHost('*.example.org')).toBe('example.org');
    expect(normalizeHost('exa mple')).toBe('');
  });
  it('builds match patterns for a site and its subdomains', () => {
    expect(sitePatterns('Example.org')).toEqual(['*://example.org/*', '*://*.example.org/*']);
    expect(sitePatterns('')).toEqual([]);
    expect(sitePatterns('127.0.0.2')).toEqual(['*://127.0.0.2/*']);
  });
  it('derives at least 50 default news domains from the manifest', () => {
    expect(DEFAULT_SITES.length).toBeGreaterThanOrEqual(50);
    for (const d of ['nytimes.com', 'bbc.co.uk', 'koreaherald.com', 'yna.co.kr', 'spiegel.de', 'nhk.or.jp']) expect(DEFAULT_SITES).toContain(d);
  });
});
