# The app of the FROM-scratch busybox image (run by busybox sh under the init): leaves 200 orphans to PID 1, waits
# until they are gone, prints "ready", and on SIGTERM reports the zombies it can see and exits 42.
others() {
  total=0; zombies=0
  for stat in /proc/[0-9]*/stat; do
    { read -r line < "$stat"; } 2>/dev/null || continue
    pid=${line%% *}
    if [ "$pid" = 1 ] || [ "$pid" = $$ ]; then continue; fi
    total=$((total + 1))
    case "${line##*) }" in Z*) zombies=$((zombies + 1));; esac
  done
}
trap 'others; echo "app got TERM, zombies=$zombies"; exit 42' TERM
i=0
while [ $i -lt 200 ]; do (sleep 0.05 &); i=$((i + 1)); done
n=0
others
while [ $total -gt 0 ] && [ $n -lt 500 ]; do sleep 0.02; others; n=$((n + 1)); done
echo "ready, left=$total"
while :; do sleep 1 & wait $!; done
