#!/usr/bin/env bash
# Build the portable Linux bundle: dist/prepub/ (PyInstaller one-folder app with every model),
# desktop integration files inside it, an AppImage-style AppRun, and dist/prepub-<ver>-linux-<arch>.tar.gz.
#
#   bash packaging/build-linux.sh            # from the repository root
#   dist/prepub/AppRun --self-test           # check the bundle
#   dist/prepub/install-desktop.sh           # add Prepub to the desktop menu (per user)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
uv sync --locked --quiet

version=$(uv run --no-sync python -c "import prepub; print(prepub.__version__)")
arch=$(uname -m)
start=$(date +%s)
uv run --no-sync pyinstaller packaging/prepub.spec --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller

app=dist/prepub
mkdir -p "$app/share/applications" "$app/share/metainfo" "$app/share/icons/hicolor/scalable/apps" \
         "$app/share/mime/packages"
cp packaging/linux/se.prepub.Prepub.desktop "$app/share/applications/"
cp packaging/linux/se.prepub.Prepub.metainfo.xml "$app/share/metainfo/"
cp packaging/linux/se.prepub.Prepub.svg "$app/share/icons/hicolor/scalable/apps/"
cp packaging/linux/prepub-draft.xml "$app/share/mime/packages/"
cp packaging/linux/se.prepub.Prepub.svg "$app/.DirIcon"
cp packaging/linux/se.prepub.Prepub.desktop "$app/"
cp packaging/linux/se.prepub.Prepub.svg "$app/"

cat > "$app/AppRun" <<'RUN'
#!/bin/sh
# Start Prepub from wherever this folder was unpacked.
here="$(dirname "$(readlink -f "$0")")"
exec "$here/prepub" "$@"
RUN
chmod +x "$app/AppRun"

cat > "$app/install-desktop.sh" <<'INST'
#!/bin/sh
# Add Prepub to this user's desktop menu and file associations (no root needed).
set -e
here="$(dirname "$(readlink -f "$0")")"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/mime/packages" "$HOME/.local/bin"
sed "s|^Exec=prepub|Exec=$here/AppRun|" "$here/share/applications/se.prepub.Prepub.desktop" \
    > "$data/applications/se.prepub.Prepub.desktop"
cp "$here/share/icons/hicolor/scalable/apps/se.prepub.Prepub.svg" "$data/icons/hicolor/scalable/apps/"
cp "$here/share/mime/packages/prepub-draft.xml" "$data/mime/packages/"
ln -sf "$here/AppRun" "$HOME/.local/bin/prepub"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Prepub is in your applications menu; 'prepub' is in ~/.local/bin."
INST
chmod +x "$app/install-desktop.sh"

tarball="dist/prepub-${version}-linux-${arch}.tar.gz"
tar -C dist -czf "$tarball" prepub
end=$(date +%s)
echo "built $app ($(du -sh "$app" | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1)) in $((end - start)) s"
