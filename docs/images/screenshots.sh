#!/usr/bin/env bash
# Takes the README's screenshots: the workbench from target/tablewarden.jar on the demo account, under Xvfb with
# openbox, at 1280x800, light and dark. Needs xvfb, openbox, xdotool, x11-utils and imagemagick.
# Run from anywhere after `mvn -B -q package -DskipTests`; look at every picture before committing it.
#
# The pictures are cut from the screen rather than read from the window, because the X server's copy of a
# JavaFX window can lag behind what is on screen. A fresh home folder (SHOT_HOME, default /home/consultant,
# emptied first) gives the demo account and a neutral path in the status bar.
set -euo pipefail
cd "$(dirname "$0")/../.."
display=${SHOT_DISPLAY:-:96}
home=${SHOT_HOME:-/home/consultant}
out=docs/images
wait_scan=${SHOT_SCAN_SECONDS:-120}

rm -rf "$home"
mkdir -p "$home"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
app=
wm=
trap 'kill $app $wm $xvfb 2>/dev/null || true' EXIT
sleep 2
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!
DISPLAY=$display HOME=$home GTK_THEME=Adwaita java -Duser.home="$home" -jar target/tablewarden.jar \
  > "$home/workbench.log" 2>&1 &
app=$!
window=
for _ in $(seq 240); do
  window=$(DISPLAY=$display xdotool search --onlyvisible --name '^Tablewarden$' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || { echo "screenshots: the window did not open" >&2; exit 1; }
sleep 5
DISPLAY=$display xdotool windowsize "$window" 1280 800 windowmove "$window" 60 40
sleep 5

# Positions inside the 1280x800 window: the banner's main button, the sidebar entries, the theme switch.
click() { DISPLAY=$display xdotool mousemove --window "$window" "$1" "$2" click 1; sleep "${3:-20}"; }
shot() {
  local at
  at=$(DISPLAY=$display xwininfo -id "$window" \
    | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4} END{print x "+" y}')
  DISPLAY=$display import -window root -crop "1280x800+$at" +repage "$out/workbench-$1.png"
  echo "screenshots: $out/workbench-$1.png"
}
click 929 109 "$wait_scan"   # Scan the demo account
shot scans-light
click 76 211; shot findings-light
click 1259 59; shot findings-dark
click 88 245; shot compliance-dark
