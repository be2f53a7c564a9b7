// Every test file starts with thick's lexicons loaded, as the CLI does before it runs a command: the annotators read
// them from what the edge provided, never from disk.
import { loadLexicons } from '../src/cli/resources.js';

loadLexicons();
