import type { Router } from 'vue-router';

/** How long a page may take to render its heading (data loading) before focus settles on main. */
const HEADING_WAIT_MS = 3000;

function focusTarget(main: HTMLElement, heading: HTMLElement | null) {
  const target = heading ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * After each navigation to another page, moves focus to the page's main heading (h1), so screen
 * readers announce the new page and keyboard users start from its top, as after a full page load.
 * The first load is left alone (the browser starts at the top). A page that renders its heading
 * once its data arrives is waited for; without one, focus goes to the main region.
 */
export function installRouteFocus(router: Router, mainId = 'main'): void {
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    observer?.disconnect();
    observer = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  router.afterEach((to, from, failure) => {
    if (failure || from.matched.length === 0 || to.path === from.path) return;
    stop();
    // The new page renders on the next tick; look for its heading then, and while it loads.
    void Promise.resolve().then(() => {
      requestAnimationFrame(() => {
        const main = document.getElementById(mainId);
        if (!main) return;
        const heading = main.querySelector<HTMLElement>('h1');
        if (heading) return focusTarget(main, heading);
        observer = new MutationObserver(() => {
          const found = main.querySelector<HTMLElement>('h1');
          if (!found) return;
          stop();
          focusTarget(main, found);
        });
        observer.observe(main, { childList: true, subtree: true });
        timer = setTimeout(() => {
          stop();
          focusTarget(main, null);
        }, HEADING_WAIT_MS);
      });
    });
  });
}
