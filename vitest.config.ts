import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two cores on CI machines; PGlite instances are memory hungry.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
  },
})
