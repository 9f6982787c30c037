import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/** A slow mobile network and a slow phone, applied through the DevTools protocol to each page. */
export interface Throttling {
  /** Added to every request (DevTools throttles per request, not per packet). */
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
  /** 4 = the CPU runs four times slower than this machine's. */
  cpuSlowdown: number;
}

/** A low-end Android phone: 360×740 CSS pixels, touch, Vietnamese. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
} as const;

/**
 * Installed before any page script: records `performance.now()` (from the document's navigation start)
 * when each screen first shows what a user came for, when a form is submitted, and every long task.
 */
const MARKS_SCRIPT = `(() => {
  const bench = (window.__bench = { marks: {}, longTasks: [] });
  const main = () => document.querySelector('main#main-content');
  const checks = {
    baselineForm: () => document.querySelector('form#bench-baseline button'),
    // The login page as React renders it (the boot splash in index.html has no form).
    loginForm: () =>
      document.querySelector('form input[autocomplete="username"]') &&
      document.querySelector('form button[type="submit"]'),
    // The signed-in home with its content: the greeting, and nothing in it still loading.
    memberHome: () =>
      location.pathname === '/' &&
      main() &&
      main().querySelector('h1') &&
      !main().querySelector('[aria-busy="true"], [role="status"]'),
  };
  const check = () => {
    for (const [name, test] of Object.entries(checks)) {
      if (!(name in bench.marks) && test()) bench.marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'role'],
  });
  document.addEventListener('submit', () => { bench.marks.submit ??= performance.now(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export type MarkName = 'baselineForm' | 'loginForm' | 'memberHome' | 'submit';

interface Transfer {
  url: string;
  /** DevTools' resource type: Document, Script, Stylesheet, Font, Fetch, Image, Manifest… */
  type: string;
  /** Bytes received for it: headers and the body as sent (compressed, if it was). */
  bytes: number;
  contentEncoding: string | undefined;
}

export interface PhaseTotals {
  requests: number;
  totalBytes: number;
  scriptBytes: number;
  scripts: Transfer[];
  all: Transfer[];
}

export function launchPhoneBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** One cold page on a throttled phone: its own context (an empty HTTP cache), its transfers, its marks. */
export class PhonePage {
  private transfers: Transfer[] = [];
  private readonly pending = new Map<string, { url: string; type: string; contentEncoding?: string }>();
  private readonly inFlight = new Set<string>();
  private lastActivity = Date.now();

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(
    browser: Browser,
    baseURL: string,
    throttling: Throttling,
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
  ): Promise<PhonePage> {
    // The service worker would precache the whole app after the first load: kept out of the figures.
    const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: 'block', storageState });
    context.setDefaultTimeout(120_000);
    await context.addInitScript({ content: MARKS_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const probe = new PhonePage(context, page, cdp);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (event) => {
      probe.inFlight.add(event.requestId);
      probe.lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (event) => {
      const headers = event.response.headers as Record<string, string>;
      const encoding = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-encoding');
      probe.pending.set(event.requestId, {
        url: event.response.url,
        type: event.type ?? 'Other',
        contentEncoding: encoding?.[1],
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const seen = probe.pending.get(event.requestId);
      probe.pending.delete(event.requestId);
      probe.inFlight.delete(event.requestId);
      probe.lastActivity = Date.now();
      if (!seen) return;
      probe.transfers.push({
        url: seen.url,
        type: seen.type,
        bytes: event.encodedDataLength,
        contentEncoding: seen.contentEncoding,
      });
    });
    cdp.on('Network.loadingFailed', (event) => {
      probe.pending.delete(event.requestId);
      probe.inFlight.delete(event.requestId);
      probe.lastActivity = Date.now();
    });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttling.latencyMs,
      downloadThroughput: (throttling.downloadKbps * 1000) / 8,
      uploadThroughput: (throttling.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpuSlowdown });
    return probe;
  }

  /** What was transferred since the last call (or since the page opened), and starts a new phase. */
  takePhase(): PhaseTotals {
    const all = this.transfers;
    this.transfers = [];
    const scripts = all.filter((transfer) => transfer.type === 'Script');
    const sum = (list: Transfer[]) => list.reduce((total, transfer) => total + transfer.bytes, 0);
    return { requests: all.length, totalBytes: sum(all), scriptBytes: sum(scripts), scripts, all };
  }

  /** Waits until no request has been in flight for `quietMs` (late fonts, icons, the unread count). */
  async networkIdle(quietMs = 1000, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inFlight.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the network never went quiet: ${this.inFlight.size} request(s) in flight`);
  }

  /** The time (ms from navigation start) of a mark, once it is set. */
  async mark(name: MarkName, timeoutMs = 120_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      (mark) => (globalThis as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks[mark],
      name,
      { polling: 100, timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number;
  }

  /**
   * When the page became interactive after a mark: the mark, or the end of the last long task after it
   * once the main thread has had `quietMs` without one (Lighthouse's TTI waits 5 s; 3 s is enough here).
   */
  async interactiveAfter(name: MarkName, quietMs = 3000, timeoutMs = 120_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      ({ mark, quiet }) => {
        const bench = (
          globalThis as unknown as { __bench: { marks: Record<string, number>; longTasks: number[][] } }
        ).__bench;
        const at = bench.marks[mark];
        if (at === undefined) return false;
        const settled = Math.max(at, ...bench.longTasks.map((task) => task[1] ?? 0));
        return performance.now() - settled >= quiet ? settled : false;
      },
      { mark: name, quiet: quietMs },
      { polling: 200, timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number;
  }

  /** Main-thread time in long tasks (over 50 ms) so far, and how many there were. */
  async longTasks(): Promise<{ count: number; totalMs: number }> {
    const tasks = await this.page.evaluate(
      () => (globalThis as unknown as { __bench: { longTasks: number[][] } }).__bench.longTasks,
    );
    return {
      count: tasks.length,
      totalMs: tasks.reduce((total, [start = 0, end = 0]) => total + (end - start), 0),
    };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
