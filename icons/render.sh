#!/usr/bin/env bash
# Renders the application icon set from tablewarden.svg and records what it rendered.
#
#   PNG 16 … 1024   the window and taskbar icons (Stage.getIcons()) and the Linux package's icon
#   tablewarden.ico Windows installer and launcher (16, 24, 32, 48, 64, 256)
#   tablewarden.icns macOS bundle (16, 32, 48, 128, 256, 512, 1024)
#   rendered.sha256 the SVG's hash and every output's hash; IconSetTest fails when the SVG changed
#                   after the last render or an output no longer matches it
#
# Tools, all from Debian packages: rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
# Run it after every change to the SVG and commit the outputs with it.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2
    exit 1
  }
done

svg=tablewarden.svg
sizes=(16 24 32 48 64 128 256 512 1024)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$work/tablewarden-$size.png"
done

# Windows keeps the large sizes as PNG inside the .ico (-r), the small ones as bitmaps.
icotool --create --output "$work/tablewarden.ico" \
  "$work/tablewarden-16.png" "$work/tablewarden-24.png" "$work/tablewarden-32.png" \
  "$work/tablewarden-48.png" "$work/tablewarden-64.png" --raw="$work/tablewarden-256.png"

# png2icns picks the icon type from each PNG's size; it knows no 24 or 64 px type.
png2icns "$work/tablewarden.icns" \
  "$work/tablewarden-16.png" "$work/tablewarden-32.png" "$work/tablewarden-48.png" \
  "$work/tablewarden-128.png" "$work/tablewarden-256.png" "$work/tablewarden-512.png" \
  "$work/tablewarden-1024.png" >/dev/null

outputs=()
for size in "${sizes[@]}"; do outputs+=("tablewarden-$size.png"); done
outputs+=(tablewarden.ico tablewarden.icns)

for file in "${outputs[@]}"; do
  mv "$work/$file" "$file"
done
# The record is written last, so an interrupted run leaves the old record and the test points at it.
{
  sha256sum "$svg"
  for file in "${outputs[@]}"; do sha256sum "$file"; done
} > "$work/rendered.sha256"
mv "$work/rendered.sha256" rendered.sha256
echo "rendered ${#outputs[@]} files from $svg"
