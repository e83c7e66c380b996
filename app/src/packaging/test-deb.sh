#!/usr/bin/env bash
# Builds the .deb, installs it with apt, checks that the menu entry and the icons are in the
# standard directories and that desktop-file-validate passes, then removes it and checks that
# nothing is left. Needs root (or sudo), apt, and desktop-file-utils
# (apt-get install desktop-file-utils). Not part of `verify`: the build takes minutes.
#   app/src/packaging/test-deb.sh            (from the repository root)
#   app/src/packaging/test-deb.sh --no-build (test the .deb already in app/target/dist)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
command -v desktop-file-validate >/dev/null || fail "desktop-file-validate is missing: apt-get install desktop-file-utils"

if [ "${1:-}" != --no-build ]; then
  # the jar, then jpackage.sh directly: the same as -Ppackage -Djpackage.type=deb, without
  # needing the exec plugin in the local Maven repository
  (cd "$repo" && ./mvnw -B -q -o -pl app -am package -DskipTests && bash app/src/packaging/jpackage.sh deb >/dev/null)
fi
deb=$(ls "$repo"/app/target/dist/waferscope_*.deb)
echo "test-deb: $deb"

# the control file: a real maintainer, each dependency once
maintainer=$(dpkg-deb -f "$deb" Maintainer)
case "$maintainer" in *Unknown*|"") fail "maintainer is '$maintainer'" ;; esac
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ *$//' | sed 's/ .*//')
[ -z "$(echo "$deps" | sort | uniq -d)" ] || fail "dependencies listed twice: $(echo "$deps" | sort | uniq -d | xargs)"
echo "test-deb: Maintainer: $maintainer; Depends: $(dpkg-deb -f "$deb" Depends)"

$sudo apt-get install -y "$deb" >/dev/null
desktop=/usr/share/applications/waferscope.desktop
[ -f "$desktop" ] || fail "no menu entry at $desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
out=$(desktop-file-validate "$desktop" 2>&1)
[ -z "$out" ] || fail "desktop-file-validate says: $out"
exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$exec_path" ] || fail "Exec=$exec_path is not an executable"
icon=$(sed -n 's/^Icon=//p' "$desktop")
for s in 16 32 48 64 128 256; do
  [ -f "/usr/share/icons/hicolor/${s}x${s}/apps/$icon.png" ] || fail "no ${s}x${s} icon named $icon"
done
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon named $icon"
dpkg -L waferscope | grep -qx "$desktop" || fail "the menu entry is not a file of the package"
echo "test-deb: installed; menu entry, icons and launcher in place; desktop-file-validate passes"

$sudo apt-get purge -y waferscope >/dev/null
[ ! -e "$desktop" ] || fail "$desktop is left after removal"
[ -z "$(ls /usr/share/icons/hicolor/*/apps/waferscope.* 2>/dev/null)" ] || fail "icons are left after removal"
[ ! -e /opt/waferscope ] || fail "/opt/waferscope is left after removal"
dpkg -s waferscope >/dev/null 2>&1 && fail "dpkg still knows the package"
echo "test-deb: PASS (removed cleanly)"
