import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { formatCountdown, remainingMs, serverOffset, useCountdown } from './useCountdown';

describe('countdown helpers', () => {
  it('measures the offset between the server clock and the browser clock', () => {
    const browserNow = Date.parse('2025-04-01T09:00:00Z');
    expect(serverOffset('2025-04-01T10:00:00Z', browserNow)).toBe(3_600_000);
    expect(serverOffset('not a date', browserNow)).toBe(0);
  });

  it('counts down on the server clock, whatever the browser clock says', () => {
    const browserNow = Date.parse('2025-04-01T09:00:00Z'); // the browser is an hour behind
    const offset = serverOffset('2025-04-01T10:00:00Z', browserNow);
    expect(remainingMs('2025-04-01T10:10:00Z', offset, browserNow)).toBe(600_000);
    expect(remainingMs('2025-04-01T10:10:00Z', offset, browserNow + 601_000)).toBe(0);
  });

  it('formats minutes and seconds, rounding up', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(999)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});

/** One harness component: shows the countdown and hands it to the test. */
let countdown!: ReturnType<typeof useCountdown>;
const Harness = defineComponent({
  props: { onExpire: { type: Function, required: true } },
  setup(props) {
    countdown = useCountdown(() => (props.onExpire as () => void)());
    return () => h('span', countdown.display.value);
  },
});

describe('useCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks with the server offset and fires once at the deadline', async () => {
    vi.setSystemTime(new Date('2025-04-01T18:00:00Z')); // the browser clock is 8 hours ahead
    const onExpire = vi.fn();
    const wrapper = mount(Harness, { props: { onExpire } });

    countdown.sync('2025-04-01T10:05:00Z', '2025-04-01T10:00:00Z');
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('5:00');

    vi.advanceTimersByTime(61_000);
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('3:59');
    expect(onExpire).not.toHaveBeenCalled();

    vi.advanceTimersByTime(240_000);
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('0:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('re-measures the offset on every sync', async () => {
    vi.setSystemTime(new Date('2025-04-01T10:00:00Z'));
    const wrapper = mount(Harness, { props: { onExpire: () => {} } });
    countdown.sync('2025-04-01T10:10:00Z', '2025-04-01T10:00:00Z');
    // The server says less time has passed than the browser thinks.
    vi.advanceTimersByTime(120_000);
    countdown.sync('2025-04-01T10:10:00Z', '2025-04-01T10:01:00Z');
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('9:00');
    wrapper.unmount();
  });
});
