#!/usr/bin/env node
// Wiring only: run the compiled CLI and hand its exit code to the process.
import { main } from '../dist/cli/main.js';

process.exitCode = await main();
