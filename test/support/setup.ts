import fc from 'fast-check';
import { Settings } from 'luxon';

Settings.throwOnInvalid = true;
fc.configureGlobal({ numRuns: Number(process.env.FC_NUM_RUNS ?? 200) });
