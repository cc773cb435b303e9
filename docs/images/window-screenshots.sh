#!/usr/bin/env bash
# Pictures of every page and dialog of the workbench under Xvfb with openbox, light and dark, at 1280x800 and
# 1920x1080, into target/screenshots/openbox-<size>/ (never committed: look at them, then refresh the README's
# pictures with screenshots.sh if the look changed). It runs WindowManagerSmoke, the program behind
# WindowManagerSmokeTest, which opens each page and dialog the way the workbench does and waits until the window
# manager has placed it, and also shows the findings' posture matrix and a failing resource's detail. Needs xvfb,
# openbox, xdotool, x11-utils and imagemagick; run after `mvn -B -q test-compile`.
# The title bars and the dialogs' bottom grips are openbox's, drawn from openbox's own theme whatever the
# application asks: they stay light in the dark pictures (JavaFX 21 has no way to ask for a dark frame either).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt \
  || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
display=${SHOT_DISPLAY:-:95}
for size in 1280x800 1920x1080; do
  out="target/screenshots/openbox-$size"
  work=$(mktemp -d)
  rm -rf "$out"
  mkdir -p "$out" "$work/home"
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp -noreset >/dev/null 2>&1 &
  xvfb=$!
  wm=
  trap 'kill $wm $xvfb 2>/dev/null || true' EXIT
  for _ in $(seq 50); do xprop -display "$display" -root >/dev/null 2>&1 && break; sleep 0.2; done
  DISPLAY=$display openbox >/dev/null 2>&1 &
  wm=$!
  sleep 1
  DISPLAY=$display HOME="$work/home" TABLEWARDEN_DATA_DIR="$work/data" GTK_THEME=Adwaita \
    java -Dprism.order=sw -Djavafx.cachedir="$work/javafx-cache" -Dtablewarden.smoke.shots="$out" \
    -cp "$classpath" io.tablewarden.ui.app.WindowManagerSmoke "$out/report.txt" "$work" > "$out/workbench.log" 2>&1
  kill "$wm" "$xvfb" 2>/dev/null || true
  wait "$wm" "$xvfb" 2>/dev/null || true
  trap - EXIT
  rm -rf "$work"
  echo "window-screenshots: $(find "$out" -name '*.png' | wc -l) pictures in $out"
done
