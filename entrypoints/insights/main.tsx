import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../../components/shared/theme.css';
import '../../components/insights/insights.css';
import '../../components/cost/cost.css';
import { InsightsPage } from '../../components/insights/insights-page';
import { localizePage } from '../../utils/i18n/page';

localizePage('insights.pageTitle');

const root = document.getElementById('app');
if (root) render(<InsightsPage />, root);
