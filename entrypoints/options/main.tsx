import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
