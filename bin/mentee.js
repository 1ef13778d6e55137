#!/usr/bin/env node
import { main } from '../dist/mentee.js';

await main(process.argv);
