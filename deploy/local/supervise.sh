#!/usr/bin/env bash
# supervise.sh NAME COMMAND...: runs COMMAND, and starts it again whenever it exits, saying so in the log
# (the local stack's services and worker: one that dies comes back by itself). A command that dies soon
# after its start waits longer each time (2 s doubling to 30 s), so a broken build does not spin.
# TERM or INT stops the command and the supervisor.
set -u
name=$1; shift
child=""
stopping=0
stop() { stopping=1; [[ -n $child ]] && kill -TERM "$child" 2>/dev/null; }
trap stop TERM INT
delay=2
while ((stopping == 0)); do
  started=$SECONDS
  "$@" &
  child=$!
  # wait returns early when a trapped signal arrives: wait again for the child to end.
  wait "$child"; status=$?
  while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
  ((stopping == 1)) && break
  if ((SECONDS - started >= 10)); then delay=2; fi
  printf '[tollgate] %s exited with status %s at %s; starting it again in %s s\n' "$name" "$status" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$delay"
  sleep "$delay" & wait $! 2>/dev/null
  delay=$((delay * 2 > 30 ? 30 : delay * 2))
done
exit 0
