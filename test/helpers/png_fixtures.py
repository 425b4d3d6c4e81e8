"""PNG files of every colour type, bit depth, row filter and interlace, for the PNG decoder's test.

Written with pypng (Debian's python3-png), each file's rows then filtered with the asked filter
type, and read back with pypng: its reading of each file is the decoder's oracle. Writes
the files and index.json (what each file is, and pypng's RGBA at the file's own bit depth)
into the folder given as the one argument.
"""

import io
import json
import os
import random
import struct
import sys
import zlib

import png

WIDTH, HEIGHT = 11, 5
DEPTHS = {0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]}
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def writer(colour_type, depth, interlace, key):
    rng = random.Random(colour_type * 100 + depth)
    top = 2**depth - 1
    options = dict(width=WIDTH, height=HEIGHT, bitdepth=depth, interlace=interlace)
    if colour_type == 3:
        # Some entries see-through (tRNS), so the palette's alpha is read too.
        options['palette'] = [(rng.randrange(256), rng.randrange(256), rng.randrange(256), rng.choice([0, 90, 255])) for _ in range(2**depth)]
        top = 2**depth - 1
    else:
        options['greyscale'] = colour_type in (0, 4)
        options['alpha'] = colour_type in (4, 6)
    rows = [[rng.randrange(top + 1) for _ in range(WIDTH * CHANNELS[colour_type])] for _ in range(HEIGHT)]
    if key:
        # A colour-key transparency (tRNS for grey or RGB): the first pixel's colour.
        value = tuple(rows[0][: CHANNELS[colour_type]])
        options['transparent'] = value[0] if colour_type == 0 else value
    out = io.BytesIO()
    png.Writer(**options).write(out, rows)
    return out.getvalue()


def chunks(data):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack('>I', data[pos : pos + 4])
        yield data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length


def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def refiltered(data, colour_type, depth, kind):
    """The same image with every row stored under filter `kind` (pypng writes filter 0)."""
    parts = list(chunks(data))
    raw = zlib.decompress(b''.join(body for name, body in parts if name == b'IDAT'))
    stride = (WIDTH * CHANNELS[colour_type] * depth + 7) // 8
    bpp = max(1, CHANNELS[colour_type] * depth // 8)
    rows = [raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)] for y in range(HEIGHT)]
    assert all(raw[y * (stride + 1)] == 0 for y in range(HEIGHT))
    out = bytearray()
    for y, row in enumerate(rows):
        prev = rows[y - 1] if y > 0 else bytes(stride)
        out.append(kind)
        for x in range(stride):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            predicted = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
            out.append((row[x] - predicted) & 0xFF)
    body = b''.join(chunk(name, body) for name, body in parts if name not in (b'IDAT', b'IEND'))
    return data[:8] + body + chunk(b'IDAT', zlib.compress(bytes(out), 9)) + chunk(b'IEND', b'')


def rgba(data):
    """pypng's reading: RGBA per pixel at the file's bit depth, and that depth."""
    width, height, rows, info = png.Reader(bytes=data).asDirect()
    channels = info['planes']
    pixels = []
    for row in rows:
        row = list(row)
        for x in range(width):
            p = row[x * channels : (x + 1) * channels]
            grey = info['greyscale']
            colour = [p[0]] * 3 if grey else p[:3]
            alpha = p[-1] if info['alpha'] else 2 ** info['bitdepth'] - 1
            pixels.append(colour + [alpha])
    return pixels, info['bitdepth']


def main(folder):
    index = []
    for colour_type, depths in DEPTHS.items():
        for depth in depths:
            cases = [(f, False, False) for f in range(5)] + [(0, True, False)]
            if colour_type in (0, 2):
                cases.append((0, False, True))
            for kind, interlace, key in cases:
                data = writer(colour_type, depth, interlace, key)
                if kind:
                    data = refiltered(data, colour_type, depth, kind)
                name = f'type{colour_type}-{depth}bit-filter{kind}{"-adam7" if interlace else ""}{"-key" if key else ""}.png'
                with open(os.path.join(folder, name), 'wb') as f:
                    f.write(data)
                pixels, bitdepth = rgba(data)
                index.append(dict(file=name, colourType=colour_type, depth=depth, filter=kind, interlace=interlace, key=key, width=WIDTH, height=HEIGHT, bitdepth=bitdepth, rgba=pixels))
    with open(os.path.join(folder, 'index.json'), 'w') as f:
        json.dump(index, f)


main(sys.argv[1])
