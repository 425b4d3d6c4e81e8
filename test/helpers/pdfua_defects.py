#!/usr/bin/env python3
"""Copies of a tagged PDF, each with one defect the checker (pdfua_check.py) must find.
Usage: pdfua_defects.py GOOD.pdf OUTDIR; prints {kind: path} as JSON."""
import json
import os
import re
import sys

import pikepdf
from pikepdf import Name


def elements(pdf):
    out = []

    def walk(e):
        out.append(e)
        k = e.get('/K')
        for kid in (list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                walk(kid)
    k = pdf.Root.StructTreeRoot.K
    for top in (list(k) if isinstance(k, pikepdf.Array) else [k]):
        walk(top)
    return out


def first(pdf, role):
    return next(e for e in elements(pdf) if str(e.S) == role)


def untag_page(pdf):
    """The first page's content without its marked-content operators."""
    page = pdf.pages[0]
    kept = [(o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) not in ('BDC', 'BMC', 'EMC')]
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))


def drop_mcid(pdf):
    key = int(pdf.pages[0].obj.StructParents)
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    listed = tree[key]
    listed[0] = None


def extra_mcid(pdf):
    key = int(pdf.pages[0].obj.StructParents)
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    tree[key].append(tree[key][0])


def no_alt(pdf):
    del first(pdf, '/Figure')['/Alt']


def no_th(pdf):
    for e in elements(pdf):
        if str(e.S) == '/TH':
            e.S = Name('/TD')


def toc_without_entries(pdf):
    first(pdf, '/TOCI').S = Name('/P')


def span_unsaid(pdf):
    cell = next(e for e in elements(pdf) if isinstance(e.get('/A'), pikepdf.Dictionary) and '/ColSpan' in e.A)
    del cell.A['/ColSpan']


def skipped_heading(pdf):
    first(pdf, '/H3').S = Name('/H4')


def link_without_objr(pdf):
    link = first(pdf, '/Link')
    link.K = pikepdf.Array([k for k in link.K if not (isinstance(k, pikepdf.Dictionary) and str(k.get('/Type')) == '/OBJR')])


def link_without_contents(pdf):
    link = first(pdf, '/Link')
    objr = next(k for k in link.K if isinstance(k, pikepdf.Dictionary) and str(k.get('/Type')) == '/OBJR')
    del objr.Obj['/Contents']


def no_lang(pdf):
    del pdf.Root['/Lang']


def xmp_without(pattern):
    def spoil(pdf):
        xmp = pdf.Root.Metadata.read_bytes().decode('utf-8')
        pdf.Root.Metadata.write(re.sub(pattern, '', xmp, flags=re.S).encode('utf-8'))
    return spoil


def font(pdf):
    return next(f for _, f in pdf.pages[0].Resources.Font.items())


def font_not_embedded(pdf):
    f = font(pdf)
    d = (f.DescendantFonts[0] if '/DescendantFonts' in f else f).FontDescriptor
    for k in ('/FontFile', '/FontFile2', '/FontFile3'):
        if k in d:
            del d[k]


def font_without_unicode(pdf):
    del font(pdf)['/ToUnicode']


DEFECTS = {
    'untagged': untag_page,
    'mcid-missing': drop_mcid,
    'mcid-extra': extra_mcid,
    'figure-alt': no_alt,
    'table-th': no_th,
    'heading-skip': skipped_heading,
    'toc-entry': toc_without_entries,
    'table-colspan': span_unsaid,
    'link-objr': link_without_objr,
    'link-contents': link_without_contents,
    'lang': no_lang,
    'title': xmp_without(r'<dc:title>.*?</dc:title>'),
    'identifier': xmp_without(r'<pdfuaid:part>.*?</pdfuaid:part>'),
    'font-embedded': font_not_embedded,
    'font-unicode': font_without_unicode,
}


def main(good, outdir):
    made = {}
    for kind, defect in DEFECTS.items():
        with pikepdf.open(good) as pdf:
            try:
                defect(pdf)
            except StopIteration:  # the file has no such element to spoil
                continue
            path = os.path.join(outdir, f'{kind}.pdf')
            pdf.save(path)
            made[kind] = path
    print(json.dumps(made))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
