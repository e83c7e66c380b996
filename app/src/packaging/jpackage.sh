#!/usr/bin/env bash
# Packages the explorer with its own trimmed Java runtime: an app image (default) or, on
# Debian-like systems, a .deb with a menu entry. Run through Maven (see the README):
#   ./mvnw -B -Ppackage -pl app -am package -DskipTests                      (app image)
#   ./mvnw -B -Ppackage -Djpackage.type=deb -pl app -am package -DskipTests  (.deb)
set -euo pipefail

type=${1:-app-image}
here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "$here/../../target" && pwd)
assets=$(cd "$here/../../../assets/src/main/resources/org/waferscope/assets" && pwd)
jar="$target/waferscope.jar"
[ -f "$jar" ] || { echo "jpackage.sh: $jar is missing; run the package phase first" >&2; exit 2; }

input="$target/jpackage-input"
dest="$target/dist"
rm -rf "$input"
mkdir -p "$input" "$dest"
cp "$jar" "$input/"

# Only the JDK modules the jar uses (JavaFX itself is in the jar), so the runtime stays small;
# jdeps cannot see services, so the zip file system the sample gallery reads the jar with is added.
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar"),jdk.zipfs

args=(--type "$type" --name Waferscope --app-version 0.1.0 --vendor "Waferscope"
      --description "Explore a wafer-scale dataflow processor: heatmaps, stepping, core inspector"
      --input "$input" --main-jar waferscope.jar --main-class org.waferscope.app.Launcher
      --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files"
      --icon "$assets/icon-256.png" --dest "$dest")

if [ "$type" = deb ]; then
  # jpackage leaves GTK out of the package's dependencies; JavaFX needs it (and libXtst).
  args+=(--linux-package-name waferscope --linux-shortcut --linux-menu-group "Education;Science;"
         --linux-app-category education --linux-package-deps "libgtk-3-0, libxtst6"
         --resource-dir "$target/jpackage-resources")
  # our own menu entry (in assets, checked by desktop-file-validate) replaces jpackage's
  rm -rf "$target/jpackage-resources"
  mkdir -p "$target/jpackage-resources"
  cp "$assets/Waferscope.desktop" "$target/jpackage-resources/"
  # maintainer scripts that do not fail the install on a machine without a desktop menu
  cp "$here/debian/postinst" "$here/debian/prerm" "$target/jpackage-resources/"
  rm -f "$dest"/waferscope_*.deb
else
  rm -rf "$dest/Waferscope"
fi

jpackage "${args[@]}"
ls -la "$dest"
