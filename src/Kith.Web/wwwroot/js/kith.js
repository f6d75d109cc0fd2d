// Starts the NHS.UK design system's behaviour (header menu, error summary focus, radios and
// checkboxes, buttons, skip link). nhsuk-frontend 10 ships as an ES module, so this file is
// loaded with type="module"; browsers without modules get the server-rendered pages unchanged.
import { initAll } from '../lib/nhsuk/nhsuk-frontend.min.js';

initAll();
