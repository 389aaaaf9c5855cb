import { serveEngine } from '../worker-host';
import { createMlcAdapter } from './mlc-adapter';

serveEngine(createMlcAdapter());
