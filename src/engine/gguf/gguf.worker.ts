import { serveEngine } from '../worker-host';
import { createGgufAdapter } from './gguf-adapter';

serveEngine(createGgufAdapter());
