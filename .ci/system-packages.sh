#!/usr/bin/env bash
# Install the Debian packages the app and its tests need, only if some are missing.
# Quick (one dpkg query) when everything is there; runs apt-get update before installing.
set -euo pipefail

PACKAGES=(
  # Python with venv for the project's .venv
  python3 python3-venv
  # Text-to-speech engine used by pyttsx3, and the espeak-ng command for test speech
  libespeak-ng1 espeak-ng
  # A CJK font so Chinese renders
  fonts-wqy-microhei
  # Qt 6 runtime libraries (xcb platform plugin, OpenGL, fonts)
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6
  # A virtual display for screenshots
  xvfb xauth
  # Sound server for the fake microphone the tests use (no sound card needed)
  pulseaudio pulseaudio-utils
  # pdftotext: the tests read the PDF scorecards back as text
  poppler-utils
  # The tests' throwaway central server (.ci/postgres.sh); the app itself needs none
  postgresql
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of these packages yourself:" >&2
  echo "  ${PACKAGES[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "These Debian packages are missing and you are not root: ${missing[*]}" >&2
    echo "Install them with: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
