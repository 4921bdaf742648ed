#!/usr/bin/env bash
# Makes sure patchelf is on PATH for the TorchSharp native patch (TorchSharpNative.targets).
# Usage: ensure-patchelf.sh true|false   (false: never install, only report)
# Installs Debian's patchelf package when allowed and possible (root + apt-get);
# otherwise exits 1 with a message that says how to get it.
set -u

allow_install="${1:-true}"

if command -v patchelf >/dev/null 2>&1; then
    exit 0
fi

fail() {
    echo "TorchSharpNative: patchelf is required to patch libLibTorchSharp.so, but it is not installed ($1)." >&2
    echo "TorchSharpNative: install it with 'apt-get install -y patchelf' (as root), or build with -p:TorchSharpNativePatch=false to skip the patch (see docs/troubleshooting.md)." >&2
    exit 1
}

[ "$allow_install" = "true" ] || fail "automatic install is off: TorchSharpNativeInstallPatchelf=false"
[ "$(id -u)" = "0" ] || fail "not running as root, so it cannot be installed automatically"
command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available"

echo "TorchSharpNative: installing patchelf with apt-get"
# Several projects may build in parallel and race for dpkg's lock: wait for it instead of failing.
apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q install --no-install-recommends patchelf
}
if ! apt_install; then
    # A fresh machine may have no package lists yet.
    apt-get -o DPkg::Lock::Timeout=300 -q update && apt_install || fail "apt-get could not install it"
fi
command -v patchelf >/dev/null 2>&1 || fail "apt-get finished but patchelf is still not on PATH"
