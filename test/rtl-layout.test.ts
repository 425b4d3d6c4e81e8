import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END_SIDE, layOutFor } from '../src/render/mirror-layout.js';
import { tempDir } from './helpers/files.js';
import { LEFT_EDGE, RIGHT_EDGE, leftEnd, lines, render, renderBytes, rightEnd } from './helpers/rtl.js';
import { elements, matterhorn, structure } from './helpers/structure.js';

// A right-to-left document is its layout mirrored: what a layout puts first in a row stands
// at the right. A left-to-right document is laid out as written.

const find = (page: Awaited<ReturnType<typeof render>>, str: string) => {
  const found = page.texts.find((t) => t.str === str);
  expect(found, `"${str}" is not on the page`).toBeDefined();
  return found!;
};

describe('mirrored layouts', () => {
  it('columns stand from right to left, a start margin on the right, the end side on the left', async () => {
    const page = await render('ar', [{ columns: [{ text: 'الرقم', width: 'auto' }, { text: 'المصدر', alignment: END_SIDE }], margin: [20, 0, 0, 0] }]);
    const first = find(page, 'الرقم');
    expect(first.x + first.width).toBeCloseTo(RIGHT_EDGE - 20, 0);
    expect(find(page, 'المصدر').x).toBeCloseTo(LEFT_EDGE, 0);
  });

  it('the same layout in Danish: first column on the left after the margin, the end side on the right', async () => {
    const page = await render('da', [{ columns: [{ text: 'Nummer', width: 'auto' }, { text: 'Kilde', alignment: END_SIDE }], margin: [20, 0, 0, 0] }]);
    expect(find(page, 'Nummer').x).toBeCloseTo(LEFT_EDGE + 20, 0);
    const end = find(page, 'Kilde');
    expect(end.x + end.width).toBeCloseTo(RIGHT_EDGE, 0);
  });

  it("a table's first column is on the right, a heading spanning the row stays whole, and its cells' paddings are mirrored", async () => {
    const page = await render('ar', [
      {
        table: {
          widths: [40, '*'],
          body: [
            [{ text: 'العنوان', colSpan: 2 }, {}],
            ['الوقت', 'النشاط'],
          ],
        },
        layout: { paddingLeft: () => 0, paddingRight: () => 8 },
      },
    ]);
    const time = find(page, 'الوقت');
    const activity = find(page, 'النشاط');
    // A cell's text is flush with its right side, its padding on its left; rules are 1 point wide.
    expect(time.x + time.width).toBeCloseTo(RIGHT_EDGE - 1, 0);
    expect(activity.x + activity.width).toBeCloseTo(RIGHT_EDGE - 1 - 40 - 8 - 1, 0);
    expect(find(page, 'العنوان').x + find(page, 'العنوان').width).toBeCloseTo(RIGHT_EDGE - 1, 0);
  });

  it("a list's items leave room for their bullets on the right", async () => {
    const page = await render('ar', [{ ul: ['بند', 'بند آخر'] }]);
    for (const row of lines(page.texts)) {
      expect(rightEnd(row)).toBeLessThan(RIGHT_EDGE - 5);
      expect(rightEnd(row)).toBeGreaterThan(RIGHT_EDGE - 15);
    }
  });

  it('a running foot is mirrored too', async () => {
    const page = await render('ar', ['نص'], [], () => ({ columns: [{ text: 'العنوان', width: 'auto' }, { text: 'صفحة', alignment: END_SIDE }], margin: [28, 0, 28, 0] }));
    expect(find(page, 'صفحة').x).toBeLessThan(find(page, 'العنوان').x);
    expect(leftEnd([find(page, 'صفحة')])).toBeCloseTo(28, 0);
  });
});

describe('a mirrored document stays tagged', () => {
  it('passes the PDF/UA check, its table cells read from the first column, on the right', async () => {
    const bytes = await renderBytes('ar', [
      { text: 'العنوان', tag: 'H1' },
      { columns: [{ text: 'الأول', width: 'auto' }, { text: 'الثاني' }] },
      { table: { headerRows: 1, widths: [40, '*'], body: [['الوقت', 'النشاط'], ['١٠:٠٠', 'ترحيب']] }, tag: 'Table' },
      { ul: ['بند', 'بند آخر'] },
    ]);
    const file = join(tempDir('rtl-tagged'), 'ar.pdf');
    writeFileSync(file, bytes);
    expect(matterhorn([file]).get(file)).toEqual([]);
    const cells = elements(await structure(bytes)).filter((e) => e.role === 'TH');
    expect(cells.map((c) => c.text)).toEqual(['الوقت', 'النشاط']);
  });
});

describe('mirroring a layout', () => {
  it('replaces shared lists instead of reversing them in place, and mirrors a node met twice once', () => {
    const widths = [40, '*'];
    const row = { columns: ['a', 'b'], margin: [1, 2, 3, 4] };
    const content = [{ table: { widths, body: [['x', 'y']] } }, { table: { widths, body: [['z', 'w']] } }, row, row];
    layOutFor(content, 'rtl');
    expect(widths).toEqual([40, '*']);
    expect(content[0]!).toMatchObject({ table: { widths: ['*', 40], body: [['y', 'x']] } });
    expect(content[1]!).toMatchObject({ table: { widths: ['*', 40], body: [['w', 'z']] } });
    expect(row).toMatchObject({ columns: ['b', 'a'], margin: [3, 2, 1, 4] });
  });

  it('resolves start and end in a left-to-right document and mirrors nothing', () => {
    const content = { columns: [{ text: 'a', alignment: 'start' }, { text: 'b', alignment: 'end' }], margin: [1, 2, 3, 4] };
    layOutFor(content, 'ltr');
    expect(content).toEqual({ columns: [{ text: 'a', alignment: 'left' }, { text: 'b', alignment: 'right' }], margin: [1, 2, 3, 4] });
  });
});
