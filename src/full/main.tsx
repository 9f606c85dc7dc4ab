import browser from 'webextension-polyfill';
import { render } from 'preact';
import '../ui/base.css';
import '../ui/card.css';
import './full.css';
import { FullContext } from './full';

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) render(<FullContext search={location.search} />, app);
