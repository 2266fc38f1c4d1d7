#!/bin/sh
set -e
if [ -n "$WORKER_CONFIG" ]; then
	cp "$WORKER_CONFIG" /etc/worker.conf
fi
echo "starting $*"
"$@"
