import browser from 'webextension-polyfill';
import { render } from 'preact';
import '../ui/base.css';
import '../ui/card.css';
import './popup.css';
import { Popup } from './popup';

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) render(<Popup />, app);
