import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';
import { localizePage } from '../../utils/i18n/page';

localizePage('options.pageTitle');

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
