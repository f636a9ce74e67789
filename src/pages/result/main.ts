import 'uplot/dist/uPlot.min.css';
import { ResultApp } from './resultApp';
import { getResultHost } from './vscodeApi';

/*
 * Entry point of the result page (bundled to dist/result.js, with uPlot's stylesheet to
 * dist/result.css). The page renders into `#app`, asks the host for its data with `ready`, and
 * talks to it only through the messages in src/shared/resultProtocol.ts.
 */
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new ResultApp(root, getResultHost()).start();
