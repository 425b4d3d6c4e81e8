import { describe, expect, it, vi } from 'vitest';

// pdfmake's set-up, failing: the failure every later call reports is the first one, its real
// cause, not what a half-loaded module or a half-patched prototype does on a second try.

const setUp = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../src/host/host.js', async (original) => {
  const real = (await original()) as { host: Record<string, unknown> };
  return {
    host: {
      ...real.host,
      pdfmake: () => {
        setUp.calls++;
        throw new Error(setUp.calls === 1 ? 'pdfkit could not load its data' : 'a half-made module');
      },
    },
  };
});

describe('when pdfmake cannot be set up', () => {
  it('every call reports the first failure, and set-up is not tried again', async () => {
    const { engine } = await import('../src/render/pdfmake.js');
    expect(() => engine()).toThrow('pdfkit could not load its data');
    expect(() => engine()).toThrow('pdfkit could not load its data');
    expect(setUp.calls).toBe(1);
  });
});
