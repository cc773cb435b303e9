#!/usr/bin/env bash
# Builds a self-contained application image (and, with --deb, a Debian package) of the command-line tool
# from the shaded jar. Run `mvn -B package` first.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/tablewarden.jar
[ -f "$jar" ] || { echo "missing $jar: run 'mvn -B package' first" >&2; exit 1; }
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.1.0}
type=app-image
[ "${1:-}" = "--deb" ] && type=deb

rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp "$jar" target/jpackage-input/

jpackage --type "$type" \
  --name tablewarden \
  --app-version "$version" \
  --vendor "Tablewarden" \
  --description "Security posture workbench for Amazon DynamoDB and DAX" \
  --input target/jpackage-input \
  --main-jar tablewarden.jar \
  --main-class io.tablewarden.Main \
  --java-options '-Xmx2g' \
  --dest target/dist \
  $( [ "$type" = deb ] && echo --linux-shortcut --linux-package-deps 'libgtk-3-0, libgl1' )

echo "built $(ls target/dist)"
