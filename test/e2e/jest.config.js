/**
 * The browser journeys: one Chromium and one sandbox server per file, files one after the
 * other (`npm run e2e`, and the second half of `npm run jest`). They are `*.e2e.ts`, so the
 * main jest config, which runs everything else in parallel, does not pick them up.
 */
const { join } = require('node:path');

module.exports = {
  rootDir: join(__dirname, '..', '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  maxWorkers: 1,
  testTimeout: 120000,
};
