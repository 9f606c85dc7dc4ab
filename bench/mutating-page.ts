/**
 * A generated live-blog page whose own script rewrites one paragraph every animation frame,
 * the worst case for an annotator that follows the page's changes. The page times its own
 * frame callbacks so run.ts can compare our work with the page's.
 */
import { articleHtml } from '../tests/support/server';

const PARAGRAPHS = [
  'Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday, the Korean Central News Agency said.',
  'South Korea and Japan condemned the meeting, and the United States called it a threat to peace.',
  'Officials in Seoul said North Korea had sent artillery shells to Russia for the war in Ukraine.',
  'The United Nations Security Council will meet in New York on Friday, diplomats in Beijing said.',
];

const TICKER = [
  'Live: Kim Jong Un inspects a missile launch near Pyongyang',
  'Live: Vladimir Putin lands in Vladivostok after talks in China',
  'Live: NATO allies meet in Brussels as Ukraine asks for air defence',
  'Live: the White House says Donald Trump will speak to Xi Jinping',
];

/** The page script: window.mutatingPage.run(ms) rewrites #ticker every frame for ms. */
const SCRIPT = `
window.mutatingPage = {
  run(ms) {
    const ticker = document.getElementById('ticker');
    const lines = ${JSON.stringify(TICKER)};
    return new Promise((resolve) => {
      const start = performance.now();
      let frames = 0, scriptMs = 0;
      const frame = (t) => {
        const t0 = performance.now();
        ticker.textContent = lines[frames % lines.length] + ' (update ' + frames + ', ' + Math.round(t - start) + ' ms)';
        frames++;
        scriptMs += performance.now() - t0;
        if (performance.now() - start < ms) requestAnimationFrame(frame);
        else resolve({ frames, scriptMs });
      };
      requestAnimationFrame(frame);
    });
  },
};`;

export function mutatingPageHtml(): string {
  const body = [...PARAGRAPHS, ...PARAGRAPHS.map((p) => p.replace('on Wednesday', 'again'))];
  return articleHtml('Live: Kim Jong Un and Vladimir Putin in Pyongyang', body, `<script>${SCRIPT}</script>`).replace(
    '<h1>',
    '<p id="ticker">Live: waiting for updates</p><h1>',
  );
}
