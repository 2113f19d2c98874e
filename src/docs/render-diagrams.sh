#!/usr/bin/env bash
# Renders every bpmn/*.bpmn to src/docs/diagrams/<name>.png for the README, with bpmn-js (npm) in headless
# Chromium (Debian's chromium package). Run it after changing a diagram: bash src/docs/render-diagrams.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund bpmn-js@17 >/dev/null)
for diagram in bpmn/*.bpmn; do
  name=$(basename "$diagram" .bpmn)
  xml=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$diagram")
  cat > "$work/$name.html" <<HTML
<!doctype html><html><head><meta charset="utf-8">
<style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script></head>
<body><div id="canvas"></div><script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML($xml).then(() => viewer.get('canvas').zoom('fit-viewport', 'auto'));
</script></body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile" --allow-file-access-from-files \
    --virtual-time-budget=5000 --window-size=1600,700 --screenshot="$PWD/src/docs/diagrams/$name.png" \
    "file://$work/$name.html" 2>/dev/null
  echo "src/docs/diagrams/$name.png"
done
