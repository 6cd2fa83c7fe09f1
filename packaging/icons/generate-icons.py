#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders the application icon for every platform from its one source,
resources/icons/followme.svg, into packaging/icons/:

  hicolor/<N>x<N>/apps/org.followme.FollowMe.png   the freedesktop sizes (Linux)
  followme.ico                                      Windows: 16..48 as 32-bit BMP, 256 as PNG
  followme.icns                                     macOS: 16..1024 as PNG

The results are committed, so a build needs nothing but CMake and Qt. Run this again after the
SVG changes; it needs rsvg-convert (Debian: librsvg2-bin) and Python 3's standard library only.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "resources", "icons", "followme.svg")
APP_ID = "org.followme.FollowMe"
HICOLOR_SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256]
# (type, pixel size): the PNG-based ICNS entries macOS reads since 10.7.
ICNS_ENTRIES = [
    (b"icp4", 16), (b"ic11", 32),
    (b"icp5", 32), (b"ic12", 64),
    (b"icp6", 64),
    (b"ic07", 128), (b"ic13", 256),
    (b"ic08", 256), (b"ic14", 512),
    (b"ic09", 512), (b"ic10", 1024),
]


def render(size, path):
    subprocess.run(["rsvg-convert", "--width", str(size), "--height", str(size),
                    "--keep-aspect-ratio", "--output", path, SOURCE], check=True)
    with open(path, "rb") as file:
        return file.read()


def decode_rgba(png):
    """The pixels of an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes), row by row."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, data, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour != 6 or interlace != 0:
        raise ValueError("expected 8-bit RGBA without interlacing")
    raw = zlib.decompress(data)
    stride, bpp = width * 4, 4
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            upper_left = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def ico_bitmap(png):
    """A 32-bit BGRA DIB with its AND mask, as an ICO entry below 256 px holds it."""
    width, height, rows = decode_rgba(png)
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    mask_stride = ((width + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):  # bottom-up
        bits = bytearray(mask_stride)
        for x in range(width):
            r, g, b, a = row[4 * x:4 * x + 4]
            pixels += bytes((b, g, r, a))
            if a == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + bytes(pixels) + bytes(mask)


def write_ico(path, images):
    entries, blobs = b"", b""
    offset = 6 + 16 * len(images)
    for size, png in images:
        blob = png if size >= 256 else ico_bitmap(png)
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    with open(path, "wb") as file:
        file.write(struct.pack("<HHH", 0, 1, len(images)) + entries + blobs)


def write_icns(path, images):
    body = b"".join(struct.pack(">4sI", kind, 8 + len(png)) + png for kind, png in images)
    with open(path, "wb") as file:
        file.write(struct.pack(">4sI", b"icns", 8 + len(body)) + body)


def main():
    if not shutil.which("rsvg-convert"):
        sys.exit("generate-icons.py: rsvg-convert is missing (Debian: apt-get install librsvg2-bin)")
    pngs = {}
    with tempfile.TemporaryDirectory() as temp:
        for size in sorted(set(HICOLOR_SIZES + ICO_SIZES + [s for _, s in ICNS_ENTRIES])):
            pngs[size] = render(size, os.path.join(temp, f"{size}.png"))
    for size in HICOLOR_SIZES:
        directory = os.path.join(HERE, "hicolor", f"{size}x{size}", "apps")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, APP_ID + ".png"), "wb") as file:
            file.write(pngs[size])
    write_ico(os.path.join(HERE, "followme.ico"), [(s, pngs[s]) for s in ICO_SIZES])
    write_icns(os.path.join(HERE, "followme.icns"), [(k, pngs[s]) for k, s in ICNS_ENTRIES])
    print("wrote", len(HICOLOR_SIZES), "PNG sizes, followme.ico and followme.icns to", HERE)


if __name__ == "__main__":
    main()
