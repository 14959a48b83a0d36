#!/usr/bin/env bash
# Writes the sandbox peers file (node codes, names, tokens, endpoints) into a state folder, once.
# Tokens are random per machine and never committed; the file seeds the peer registry only where
# a peer is absent, and the bank simulator reads it to sign as those peers.
# Tokens are what a bureau's peers really have: 8–64 printable ASCII characters; the agricultural
# bank's is 18 characters like the default bank token of a deployment in service, the others 32.
# Usage: sandbox-peers.sh <state-dir>   → prints the file's path
set -euo pipefail
state_dir=${1:?state dir}
file="$state_dir/sandbox-peers.json"
mkdir -p "$state_dir"
if [ ! -s "$file" ]; then
  token() { tr -dc 'A-Za-z0-9' </dev/urandom | head -c "${1:-32}" || true; }
  umask 077
  cat >"$file" <<JSON
[
  { "nodeCode": "D3206820105", "name": "中国建设银行如皋支行", "token": "$(token)", "endpointHost": "127.0.0.1", "endpointPort": 9201 },
  { "nodeCode": "D3206820103", "name": "中国农业银行如皋支行", "token": "$(token 18)", "endpointHost": "127.0.0.1", "endpointPort": 9202 },
  { "nodeCode": "G000001", "name": "统一公共支付平台", "token": "$(token)", "endpointHost": "127.0.0.1", "endpointPort": 9203 },
  { "nodeCode": "K3206820001", "name": "如皋市单位开票平台", "token": "$(token)", "endpointHost": "127.0.0.1", "endpointPort": 9204,
    "actingUnits": ["0104901", "0201001"] }
]
JSON
fi
echo "$file"
