#!/usr/bin/env python3
"""The machine-checkable points of the Matterhorn Protocol (PDF/UA-1) that kernekit's PDFs
must pass, read with pikepdf. Usage: pdfua_check.py FILE.pdf...  Prints one JSON object per
file, {"file": ..., "failures": ["<point>: <what>", ...]}, one per line; exits 1 when any
file fails."""
import json
import re
import sys

import pikepdf
from pikepdf import Name

# Operators that put marks on the page (text, paths that paint, images, shadings).
PAINTING = {'Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI', 'INLINE IMAGE'}
HEADING = re.compile(r'^H([1-6])$')


def text(value):
    return str(value) if value is not None else ''


def check(path):
    failures = []
    fail = failures.append
    pdf = pikepdf.open(path)
    root = pdf.Root

    # 06: metadata and identification.
    if pdf.pdf_version < '1.7':
        fail(f'06-001 version: PDF {pdf.pdf_version}, not 1.7')
    meta = pdf.open_metadata()
    xmp = str(meta)
    if 'pdfuaid:part' not in xmp or not re.search(r'<pdfuaid:part>\s*1\s*</pdfuaid:part>', xmp):
        fail('06-002 identifier: no pdfuaid:part 1 in the XMP metadata')
    title = meta.get('dc:title')
    if not title:
        fail('06-003 title: no dc:title in the XMP metadata')
    prefs = root.get('/ViewerPreferences')
    if not prefs or not bool(prefs.get('/DisplayDocTitle', False)):
        fail('07-002 title: ViewerPreferences /DisplayDocTitle is not true')
    mark_info = root.get('/MarkInfo')
    if not mark_info or not bool(mark_info.get('/Marked', False)):
        fail('06-001 tagged: /MarkInfo /Marked is not true')
    if not text(root.get('/Lang')).strip():
        fail('11-006 language: the catalog has no /Lang')
    tree = root.get('/StructTreeRoot')
    if tree is None:
        fail('01-001 structure: no StructTreeRoot')
        return failures
    parent_tree = tree.get('/ParentTree')
    if parent_tree is None:
        fail('01-001 structure: the StructTreeRoot has no ParentTree')
        return failures
    parents = {}
    nums = pikepdf.NumberTree(parent_tree)
    for key, value in nums.items():
        parents[int(key)] = value

    # The structure tree: what each element is and holds.
    referenced = {}  # (page objgen, mcid) -> element objgen
    annotations_in_tree = set()
    headings = []

    def walk(element):
        role = text(element.get('/S')).lstrip('/')
        page = element.get('/Pg')
        if role == 'Figure' and not text(element.get('/Alt')).strip():
            fail('13-004 figure: a Figure without /Alt')
        if role == 'Table' and not any_descendant(element, 'TH'):
            fail('15-003 table: a Table without a TH')
        if role == 'Table':
            widths = {row_width(row) for row in rows(element)}
            if len(widths) > 1:
                fail(f'09-004 table: its rows span {sorted(widths)} columns (a cell spanning columns needs /ColSpan)')
        if role == 'TOC':
            strays = sorted({text(k.get('/S')).lstrip('/') for k in kids(element) if isinstance(k, pikepdf.Dictionary) and '/S' in k} - {'TOCI', 'TOC', 'Caption'})
            if strays or any(not isinstance(k, pikepdf.Dictionary) for k in kids(element)):
                fail(f'09-006 table of contents: a TOC holds {strays or "content"}, not only TOCI')
        m = HEADING.match(role)
        if m:
            headings.append(int(m.group(1)))
        if role == 'Link':
            objrs = [k for k in kids(element) if isinstance(k, pikepdf.Dictionary) and text(k.get('/Type')) == '/OBJR']
            if not objrs:
                fail('28-011 link: a Link element without an OBJR')
            for objr in objrs:
                annot = objr.get('/Obj')
                annotations_in_tree.add(annot.objgen)
                if not text(annot.get('/Contents')).strip():
                    fail('28-011 link: a link annotation without /Contents')
        for kid in kids(element):
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                if page is None:
                    fail(f'01-005 structure: {role} holds MCID {int(kid)} but names no page')
                else:
                    referenced[(page.objgen, int(kid))] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary):
                kind = text(kid.get('/Type'))
                if kind == '/MCR':
                    referenced[(kid.get('/Pg', page).objgen, int(kid.get('/MCID')))] = element.objgen
                elif kind == '/OBJR':
                    pass
                else:
                    walk(kid)

    for top in kids(tree):
        walk(top)
    if headings and headings[0] != 1:
        fail(f'14-002 headings: the first heading is H{headings[0]}, not H1')
    for before, after in zip(headings, headings[1:]):
        if after > before + 1:
            fail(f'14-003 headings: H{before} is followed by H{after}')
            break

    # 01: every mark on a page is either real content (in the tree) or an artifact.
    fonts = {}
    for number, page in enumerate(pdf.pages, start=1):
        key = page.obj.get('/StructParents')
        mcids = content_marks(page, number, fail)
        if mcids and key is None:
            fail(f'01-001 page {number}: marked content but no /StructParents')
            continue
        listed = parents.get(int(key), None) if key is not None else None
        if mcids:
            if listed is None:
                fail(f'01-001 page {number}: no ParentTree entry for its /StructParents')
                continue
            for mcid in mcids:
                if mcid >= len(listed) or listed[mcid] is None or not isinstance(listed[mcid], pikepdf.Dictionary):
                    fail(f'01-001 page {number}: MCID {mcid} is missing from the ParentTree')
                elif (page.obj.objgen, mcid) not in referenced:
                    fail(f'01-001 page {number}: MCID {mcid} belongs to no structure element')
            if len(listed) > max(mcids) + 1:
                fail(f'01-001 page {number}: the ParentTree lists {len(listed) - max(mcids) - 1} MCIDs the page does not have')
        annots = page.obj.get('/Annots') or []
        if annots and text(page.obj.get('/Tabs')) != '/S':
            fail(f'28-010 page {number}: annotations but no /Tabs /S')
        for annot in annots:
            if text(annot.get('/Subtype')) == '/Link' and annot.objgen not in annotations_in_tree:
                fail(f'28-002 page {number}: a link annotation outside the structure tree')
        for name, font in (page.Resources.get('/Font') or {}).items():
            fonts[font.objgen] = font

    # 31: fonts embedded, with a Unicode mapping.
    for font in fonts.values():
        base = text(font.get('/BaseFont'))
        descendants = font.get('/DescendantFonts')
        described = descendants[0] if descendants else font
        descriptor = described.get('/FontDescriptor')
        if descriptor is None or not any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')):
            fail(f'31-001 font {base}: not embedded')
        if '/ToUnicode' not in font:
            fail(f'31-027 font {base}: no ToUnicode mapping')
    return failures


def rows(table):
    """A table's TR elements, also those inside THead, TBody and TFoot."""
    for kid in kids(table):
        if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
            role = text(kid.get('/S'))
            if role == '/TR':
                yield kid
            elif role in ('/THead', '/TBody', '/TFoot'):
                yield from rows(kid)


def row_width(row):
    """How many columns a row's cells cover, each its /ColSpan or 1."""
    width = 0
    for cell in kids(row):
        if isinstance(cell, pikepdf.Dictionary) and text(cell.get('/S')) in ('/TH', '/TD'):
            attributes = cell.get('/A')
            span = attributes.get('/ColSpan', 1) if isinstance(attributes, pikepdf.Dictionary) else 1
            width += int(span)
    return width


def kids(element):
    k = element.get('/K')
    if k is None:
        return []
    if isinstance(k, pikepdf.Array):
        return list(k)
    return [k]


def any_descendant(element, role):
    for kid in kids(element):
        if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
            if text(kid.get('/S')).lstrip('/') == role or any_descendant(kid, role):
                return True
    return False


def content_marks(page, number, fail):
    """The MCIDs a page's content uses; each painting operator outside marked content fails."""
    stack = []  # per open sequence: 'artifact', an MCID, or None (no MCID)
    mcids = []
    untagged = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ('BMC', 'BDC'):
            tag = str(operands[0])
            props = operands[1] if op == 'BDC' and len(operands) > 1 else None
            if tag == '/Artifact':
                stack.append('artifact')
            elif isinstance(props, pikepdf.Dictionary) and '/MCID' in props:
                mcid = int(props['/MCID'])
                if mcid in mcids:
                    fail(f'01-001 page {number}: MCID {mcid} used twice')
                mcids.append(mcid)
                stack.append(mcid)
            else:
                stack.append(None)
        elif op == 'EMC':
            if stack:
                stack.pop()
        elif op in PAINTING:
            if not any(s == 'artifact' or isinstance(s, int) for s in stack):
                untagged += 1
    if untagged:
        fail(f'01-001 page {number}: {untagged} marking operations neither tagged nor artifact')
    return mcids


def main(paths):
    failed = False
    for path in paths:
        try:
            failures = check(path)
        except Exception as err:  # a file pikepdf cannot read fails as such
            failures = [f'unreadable: {err}']
        failed = failed or bool(failures)
        print(json.dumps({'file': path, 'failures': failures}, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
