import browser from 'webextension-polyfill';
import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { Options } from './options';

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) render(<Options />, app);
