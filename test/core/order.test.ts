import { describe, expect, it } from 'vitest';
import { byWhen } from '../../src/core/order.js';

describe('ordering meetings by time', () => {
  it('orders times written with different offsets by the moment they name', () => {
    const karachi = { when: '2026-12-03T10:00:00+05:00' }; // 05:00 UTC
    const london = { when: '2026-12-03T06:00:00.000Z' };
    expect([london, karachi].sort(byWhen)).toEqual([karachi, london]);
  });
});
