#!/bin/sh
# Adds SmartBooqing AFAS Setup to this user's application menu (no root needed). Run it from the unpacked folder:
#   tar xzf sbq-setup-<version>-linux-x86_64.tar.gz && sbq-setup/install.sh
# Removing: delete the folder and the two files this script names.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/sbq-setup.png" "$icons/sbq-setup.png"
# The menu entry starts the program where it was unpacked (Exec needs an absolute path; quoted for spaces).
sed "s|^Exec=.*|Exec=\"$here/sbq-setup\"|" "$here/sbq-setup.desktop" > "$apps/sbq-setup.desktop"
echo "Added to the application menu: $apps/sbq-setup.desktop (icon: $icons/sbq-setup.png)"
