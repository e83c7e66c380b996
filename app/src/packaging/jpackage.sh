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
# The POM's version, as the build wrote it into the jar (Help > About reads the same file), in
# the form jpackage takes: numbers only, "0.1.0" of "0.1.0-SNAPSHOT".
version=$(unzip -p "$jar" org/waferscope/app/about/version.properties | sed -n 's/^version=//p')
version=${version%%-*}
[ -n "$version" ] || { echo "jpackage.sh: $jar has no version.properties" >&2; exit 2; }

input="$target/jpackage-input"
dest="$target/dist"
rm -rf "$input"
mkdir -p "$input" "$dest"
cp "$jar" "$input/"

# Only the JDK modules the jar uses (JavaFX itself is in the jar), so the runtime stays small;
# jdeps cannot see services, so the zip file system the sample gallery reads the jar with is added.
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar"),jdk.zipfs

# Who answers for the package (Debian's Maintainer field); override with WAFERSCOPE_MAINTAINER.
maintainer=${WAFERSCOPE_MAINTAINER:-"Waferscope maintainers <maintainers@users.noreply.r-seed-34dcc52f.example>"}

args=(--type "$type" --name Waferscope --app-version "$version" --vendor "Waferscope"
      --description "Explore a wafer-scale dataflow processor: heatmaps, stepping, core inspector"
      --input "$input" --main-jar waferscope.jar --main-class org.waferscope.app.Launcher
      --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files"
      --icon "$assets/icon-256.png" --dest "$dest")

# No transparent huge pages: on a virtual machine whose host has not backed the huge pages yet
# they made a full-wafer load's fresh arrays cost 3 to 7 times the CPU of 4 KB pages
# (HugePages.java, docs/benchmarks.md "Session 13"); the jar asks for them only when told to.
# The young generation capped, as the jar does (YoungGeneration.java): the explorer allocates
# all the time it runs, and G1 would otherwise hold several hundred MB of eden beyond its data.
args+=(--java-options "-XX:MaxNewSize=384m")
# G1's first marking threshold, as the jar sets it (MarkingThreshold.java): a full-wafer load
# otherwise starts a concurrent marking at nearly every large array it makes.
args+=(--java-options "-XX:InitiatingHeapOccupancyPercent=90")

if [ "$type" = deb ]; then
  # the dependencies jpackage finds itself (libxtst6 among them) plus GTK, which it misses;
  # duplicates are removed when the package is finished below
  args+=(--linux-package-name waferscope --linux-app-category science --linux-package-deps "libgtk-3-0, libxtst6")
  rm -f "$dest"/waferscope_*.deb
else
  rm -rf "$dest/Waferscope"
fi

jpackage "${args[@]}"

if [ "$type" = deb ]; then
  # Finish the package: jpackage's own menu entry goes through xdg-desktop-menu, which finds
  # no system menu directory on many machines; instead the entry and the icons become files
  # of the package in the standard directories, which dpkg installs and removes itself.
  deb=$(ls "$dest"/waferscope_*.deb)
  root="$target/deb-root"
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  install -D -m644 "$assets/Waferscope.desktop" "$root/usr/share/applications/waferscope.desktop"
  for s in 16 32 48 64 128 256; do
    install -D -m644 "$assets/icon-$s.png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/waferscope.png"
  done
  install -D -m644 "$assets/waferscope.svg" "$root/usr/share/icons/hicolor/scalable/apps/waferscope.svg"
  rm -f "$root/DEBIAN/prerm" "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
  install -m755 "$here/debian/postinst" "$here/debian/postrm" "$root/DEBIAN/"
  control="$root/DEBIAN/control"
  deps=$(sed -n 's/^Depends: *//p' "$control" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | awk 'NF && !seen[$0]++' \
         | paste -sd, - | sed 's/,/, /g')
  sed -i -e "s/^Depends:.*/Depends: $deps/" -e "s/^Maintainer:.*/Maintainer: $maintainer/" \
         -e "s/^Installed-Size:.*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | xargs -0 md5sum > DEBIAN/md5sums)
  rm -f "$deb"
  dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
  rm -rf "$root"
fi
ls -la "$dest"
