import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __BACKSTORY_TARGET__: JSON.stringify('chrome') },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'tests/kb/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
  },
});
