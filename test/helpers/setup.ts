import { beforeEach, expect } from 'vitest';

// A test that checks nothing passes whatever the code does: every test must make at least one assertion.
beforeEach(() => {
  expect.hasAssertions();
});
