#!/usr/bin/env bash
# Issue 15 measurements (docs/performance.md "Scale-out"): rmat20 in one process, on a 1-silo and a 2-silo loopback
# cluster, then rmat24 (118.8 M arcs) on the 2-silo cluster; /usr/bin/time -v per process; the "cluster" JSON figures.
# Needs /work/bigdata/rmat20.imgraph and rmat24.imgraph (influence graph generate rmat ...; graph convert).
# Usage: flock /work/status/bench.lock bash eng/cluster-seeding-run.sh CLI_DIR OUT_DIR   (CLI_DIR: a Release build of src/InfluenceModel.Cli)
set -u
CLI="dotnet $(realpath $1)/influence.dll"
OUT=$2; mkdir -p $OUT; cd $OUT
T="/usr/bin/time -v"
keep='elapsedSeconds|rrSetCount|estimatedSpread|"seeds"|greedyRounds|bytesPerGreedyRound|maxGreedyRoundBytes|coverageStart|countCoveredBytes|"partitions"|collections|"silo"|rrSets|entries|rrSetBytes|Elapsed \(wall|Maximum res|rror'
silo() { # name port gateway [primary]
  local extra=""; [ -n "${4:-}" ] && extra="--primary $4"
  $T $CLI cluster silo --port $2 --gateway-port $3 $extra > $1.log 2> $1.time &
  echo $! > $1.pid
}
stop() { # name: SIGTERM to the silo under /usr/bin/time so that time reports
  local tp=$(cat $1.pid); local c=$(pgrep -P $tp | head -1); [ -n "$c" ] && kill -TERM $c; wait $tp 2>/dev/null
  echo "== $1"; grep -E "Elapsed \(wall|Maximum res" $1.time
}
wait_up() { for i in $(seq 1 120); do grep -q "silo up" $1.log 2>/dev/null && return 0; sleep 1; done; echo "$1 did not start"; cat $1.log $1.time; return 1; }
ls -l ${TMPDIR:-/tmp}/influence-cluster-* 2>/dev/null | wc -l > tmp-before.txt
date -u; uptime; free -g
echo "#### rmat20 one process"
$T $CLI seeds --graph /work/bigdata/rmat20.imgraph --count 50 --epsilon 0.1 --format json > r20-local.json 2> r20-local.time
grep -E "$keep" r20-local.json r20-local.time; uptime
echo "#### rmat20 1-silo cluster"
silo s1 22111 22000; wait_up s1
$T $CLI seeds --graph /work/bigdata/rmat20.imgraph --count 50 --epsilon 0.1 --format json --cluster 127.0.0.1:22000 > r20-one.json 2> r20-one.time
grep -E "$keep" r20-one.json r20-one.time; uptime
stop s1
echo "#### rmat20 and rmat24 on a 2-silo cluster"
silo a1 21111 21000; wait_up a1
silo a2 21112 21001 127.0.0.1:21111; wait_up a2
$T $CLI seeds --graph /work/bigdata/rmat20.imgraph --count 50 --epsilon 0.1 --format json --cluster 127.0.0.1:21000 > r20-two.json 2> r20-two.time
grep -E "$keep" r20-two.json r20-two.time; uptime; free -g
grep -E "VmHWM" /proc/$(pgrep -P $(cat a1.pid) | head -1)/status /proc/$(pgrep -P $(cat a2.pid) | head -1)/status
date -u
timeout 1800 $T $CLI seeds --graph /work/bigdata/rmat24.imgraph --count 50 --epsilon 0.1 --format json --cluster 127.0.0.1:21000 > r24-two.json 2> r24-two.time
grep -E "$keep" r24-two.json r24-two.time; uptime; free -g; date -u
stop a1; stop a2
ls -l ${TMPDIR:-/tmp}/influence-cluster-* 2>/dev/null | wc -l > tmp-after.txt
echo "temp copies before/after: $(cat tmp-before.txt) $(cat tmp-after.txt)"
python3 - <<'PY'
import json
a=json.load(open('r20-local.json')); b=json.load(open('r20-one.json')); c=json.load(open('r20-two.json'))
for x in (b,c):
    print('same seeds/gains/spread/rr:', a['seeds']==x['seeds'], a['marginalGains']==x['marginalGains'], a['estimatedSpread']==x['estimatedSpread'], a['rrSetCount']==x['rrSetCount'])
print('rmat20 elapsed local %.1f one-silo %.1f two-silo %.1f' % (a['elapsedSeconds'], b['elapsedSeconds'], c['elapsedSeconds']))
PY
echo DONE
