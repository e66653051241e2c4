#!/usr/bin/env bash
# The complete benchmark suite behind luxaris-benchmarks/RESULTS.md, on this machine and the local PostgreSQL:
#   1. machine facts (cores, memory, Java, PostgreSQL version and settings)
#   2. engine harness, one JVM per engine and scenario:
#        burn-down  Luxaris x1, Luxaris x3, db-scheduler, JobRunr (100,000 schedules), Quartz (5,000: it is slow);
#                   Luxaris x1 with claim batches of 100 and 500, db-scheduler lock-and-fetch 1.0/4.0 and 1.0/8.0,
#                   each cold (a new JVM) and after one unmeasured warm-up run of the same size
#        steady     200/s, 1,000/s and 2,000/s for 60 s after 30 s of warm-up (10 s left a fresh JVM's JIT in the
#                   window at 2,000/s): Luxaris, db-scheduler, JobRunr;
#                   Quartz at 200/s and 1,000/s
#        burst      100,000 schedules on 10,000 accounts due at one instant, calls of 150-400 ms, 2,000 in flight:
#                   Luxaris, db-scheduler, JobRunr, on Java 17 (platform threads) and on Java 21+ (virtual
#                   threads; JAVA_VIRTUAL, default the newest /usr/lib/jvm/temurin-2* or skipped)
#        scale      Luxaris claim and calendar-week latency with 10,000 and 1,000,000 future schedules
#   3. the JMH benchmarks (-wi 2 -i 3 -f 1 -w 2s -r 3s, JSON too); the in-memory engine's (EngineThroughputBenchmark,
#      8 and 32 in flight, -wi 8 -i 8 -w 1s -r 1s) on Java 17 and again on Java 21+ (JAVA_VIRTUAL, as for the burst)
#   4. summary.md: every figure, the ratios, the facts
# Raw outputs go to luxaris-benchmarks/results/<UTC date and time>/. About 95 minutes on the 2-core machine, build
# included. Run it alone: the commit counts are database-wide, and every figure suffers from other load.
#
# usage: luxaris-benchmarks/run-benchmarks.sh [--quick] [--skip-jmh] [--no-build] [--out DIR]
#   --quick     tiny sizes (5,000 schedules, 10 s steady state, a burst of 2,000 on 200 accounts, 50,000 scale
#               rows, one short JMH benchmark): checks that everything runs, in about 8 minutes; its figures are
#               not for RESULTS.md
#   --skip-jmh  leave the JMH step out
#   --no-build  use the jar as it is (by default it is built from this work tree first: 1-3 min)
# PostgreSQL: LUXARIS_PG_URL (jdbc:postgresql://127.0.0.1:5432/test), LUXARIS_PG_USER (postgres),
# LUXARIS_PG_PASSWORD; the harness creates and drops schemas luxbench_* there.
# JAVA_OPTS: the harness JVMs' options (default -Xms512m -Xmx2g), the same for every engine and both JDKs.
# JAVA_VIRTUAL: the java (21+) for the virtual-thread burst and the engine's JMH run on 21+ (default: the newest
# /usr/lib/jvm/temurin-2*/bin/java).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/luxaris-benchmarks/target/luxaris-benchmarks.jar"
QUICK=0
SKIP_JMH=0
BUILD=1
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --skip-jmh) SKIP_JMH=1 ;;
    --no-build) BUILD=0 ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx2g"}
STAMP=$(date -u +%Y-%m-%d_%H%M%SZ)
[ -n "$OUT" ] || OUT="$ROOT/luxaris-benchmarks/results/$STAMP$([ $QUICK = 1 ] && echo -quick)"
mkdir -p "$OUT"
RESULTS="$OUT/harness.jsonl"
TIMINGS="$OUT/timings.txt"
FAILED=()

if [ $QUICK = 1 ]; then
  N=5000; QUARTZ_N=1000; WARMUP=2; DURATION=10; ROWS=10000,50000; REPS=100; DRAIN=20
  BURST=(--schedules 2000 --accounts 200 --concurrency 200 --lead 20)
else
  N=100000; QUARTZ_N=5000; WARMUP=30; DURATION=60; ROWS=10000,1000000; REPS=300; DRAIN=30
  BURST=(--schedules 100000 --accounts 10000 --concurrency 2000 --lead 180)
fi
JAVA_VIRTUAL=${JAVA_VIRTUAL:-$(ls -d /usr/lib/jvm/temurin-2*/bin/java 2>/dev/null | sort -V | tail -1)}

# ------------------------------------------------------------------------------------------------ build
# from this work tree's sources (-am: the Luxaris modules too, not whatever is installed in ~/.m2)
if [ $BUILD = 1 ] || [ ! -f "$JAR" ]; then
  echo "== building $JAR (mvn -pl luxaris-benchmarks -am package -DskipTests; 1-3 min)"
  mvn -B -q -pl luxaris-benchmarks -am package -DskipTests || { echo "build failed" >&2; exit 1; }
else
  echo "== using $JAR as it is (--no-build)"
fi

harness() { java $JAVA_OPTS -cp "$JAR" io.luxaris.benchmarks.harness.Harness "$@"; }
harness_virtual() { "$JAVA_VIRTUAL" $JAVA_OPTS -cp "$JAR" io.luxaris.benchmarks.harness.Harness "$@"; }
have_java21plus() { [ -n "$JAVA_VIRTUAL" ] && [ -x "$JAVA_VIRTUAL" ]; }

# the estimates are for a quiet 2-core machine (seconds), extrapolated from the validation runs (RESULTS.md)
START=$(date +%s)
if [ $QUICK = 1 ]; then echo "== quick run: about 8 minutes"; else echo "== full run: about 95 minutes"; fi
step() { # step NAME ESTIMATE_SECONDS command...
  local name=$1 estimate=$2; shift 2
  local elapsed=$(( $(date +%s) - START ))
  printf '\n== [%s] %s  (estimate ~%d min %02d s; %d min %02d s elapsed so far)\n' \
    "$(date -u +%H:%M:%S)" "$name" $((estimate / 60)) $((estimate % 60)) $((elapsed / 60)) $((elapsed % 60))
  local t0=$(date +%s)
  "$@" 2>&1 | tee "$OUT/$name.log"
  local rc=${PIPESTATUS[0]}
  local took=$(( $(date +%s) - t0 ))
  printf '%-36s %5d s (estimate %5d s)%s\n' "$name" "$took" "$estimate" "$([ $rc = 0 ] || echo "  FAILED rc=$rc")" \
    >> "$TIMINGS"
  if [ $rc != 0 ]; then FAILED+=("$name"); echo "!! $name failed (rc=$rc), see $OUT/$name.log"; fi
  return 0
}

# ------------------------------------------------------------------------------------------------ facts
facts() {
  echo "date (UTC):       $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "git:              $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) $(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo '(work tree has changes)')"
  echo "nproc:            $(nproc)"
  echo "cpu:              $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:           $(free -m | awk '/^Mem:/ {print $2 " MiB total, " $7 " MiB available"}')"
  echo "load average:     $(cut -d' ' -f1-3 /proc/loadavg)  (should be near 0 before a run)"
  echo "kernel:           $(uname -srm)"
  echo "java -version:"; java -version 2>&1 | sed 's/^/  /'
  echo "harness JVM options: $JAVA_OPTS"
  echo "PostgreSQL (from the harness, JSON in harness.jsonl):"
  harness facts --results "$RESULTS" | sed 's/^/  /'
}
step facts 10 facts
load=$(cut -d' ' -f1 /proc/loadavg)
if awk "BEGIN {exit !($load > 1.0)}"; then
  echo "!! load average is $load: the machine is not quiet, the figures will be lower and noisier"
fi

common=(--results "$RESULTS")

# ------------------------------------------------------------------------------------------------ burn-down
if [ $QUICK = 1 ]; then E1=15; E3=12; ED=6; EQ=10; EJ=30; else E1=180; E3=150; ED=45; EQ=90; EJ=420; fi
step burn-down-luxaris $E1 harness burn-down --engines luxaris --schedules $N "${common[@]}"
step burn-down-luxaris-x3 $E3 harness burn-down --engines luxaris-x3 --schedules $N "${common[@]}"
step burn-down-db-scheduler $ED harness burn-down --engines db-scheduler --schedules $N "${common[@]}"
# each engine at a second setting too (the summary compares their best): Luxaris claiming (and writing) 500 at a
# time, db-scheduler fetching up to 8 x threads
step burn-down-luxaris-batch500 $E1 harness burn-down --engines luxaris --claim-batch 500 --schedules $N "${common[@]}"
step burn-down-db-scheduler-upper8 $ED harness burn-down --engines db-scheduler --dbs-upper 8.0 --schedules $N \
  "${common[@]}"
# both settings of both engines again after one unmeasured run of the same size in the same JVM (the JIT compiled
# the engine's code): a long-running host's throughput; the summary compares these runs with each other
warm=(--warmup-rounds 1 --schedules $N "${common[@]}")
step burn-down-warm-luxaris $((2 * E1)) harness burn-down --engines luxaris "${warm[@]}"
step burn-down-warm-luxaris-batch500 $((2 * E1)) harness burn-down --engines luxaris --claim-batch 500 "${warm[@]}"
step burn-down-warm-db-scheduler $((2 * ED)) harness burn-down --engines db-scheduler "${warm[@]}"
step burn-down-warm-db-scheduler-upper8 $((2 * ED)) harness burn-down --engines db-scheduler --dbs-upper 8.0 \
  "${warm[@]}"
step burn-down-quartz $EQ harness burn-down --engines quartz --schedules $QUARTZ_N "${common[@]}"
step burn-down-jobrunr $EJ harness burn-down --engines jobrunr --schedules $N "${common[@]}"

# ------------------------------------------------------------------------------------------------ steady state
for rate in 200 1000 2000; do
  if [ $QUICK = 1 ]; then EL=20; ED=16; EQ=16; EJ=25; else
    if [ $rate = 200 ]; then EL=105; ED=100; EQ=100; EJ=110; else EL=170; ED=100; EQ=130; EJ=140; fi
  fi
  steady=(harness steady --rate $rate --warmup $WARMUP --duration $DURATION --drain $DRAIN "${common[@]}")
  step steady-$rate-luxaris $EL "${steady[@]}" --engines luxaris
  # the same with producers handing over 50 at a time through schedules().scheduleAll (one transaction each)
  [ $rate = 200 ] || step steady-$rate-luxaris-batch50 $EL "${steady[@]}" --engines luxaris --batch 50
  step steady-$rate-db-scheduler $ED "${steady[@]}" --engines db-scheduler
  step steady-$rate-jobrunr $EJ "${steady[@]}" --engines jobrunr
  # Quartz: 200/s and 1,000/s only (its API takes a few hundred schedules a second on this machine)
  [ $rate = 2000 ] || step steady-$rate-quartz $EQ "${steady[@]}" --engines quartz
done

# ------------------------------------------------------------------------------------------------ burst
# one JVM per engine; the same seed, sizes, concurrency and -Xmx for every engine and both JDKs
if [ $QUICK = 1 ]; then EB=60; else EB=420; fi
for engine in luxaris db-scheduler jobrunr; do
  step burst-platform-$engine $EB harness burst --engines $engine --threads platform "${BURST[@]}" "${common[@]}"
done
if have_java21plus; then
  for engine in luxaris db-scheduler jobrunr; do
    step burst-virtual-$engine $EB harness_virtual burst --engines $engine --threads virtual "${BURST[@]}" \
      "${common[@]}"
  done
else
  echo "!! no Java 21+ for the virtual-thread burst (set JAVA_VIRTUAL): skipped"
  FAILED+=("burst-virtual (no Java 21+)")
fi

# ------------------------------------------------------------------------------------------------ scale
if [ $QUICK = 1 ]; then ES=15; else ES=180; fi
step scale $ES harness scale --rows $ROWS --reps $REPS "${common[@]}"

# ------------------------------------------------------------------------------------------------ JMH
# the in-memory engine (EngineThroughputBenchmark) in steps of its own, on Java 17 and on Java 21+ (its fork too:
# -jvm): one invocation (100,000 schedules) is one iteration, and two warm-up iterations left the JIT compiling
# through the measured ones; JDK 17's G1 spends about 30 % of the machine refining the cards the store's row
# writes dirty (RESULTS.md, eleventh session of issue 15)
engine_jmh() { # engine_jmh NAME ESTIMATE JAVA; the summary names the JDK from $OUT/NAME.jdk
  local name=$1 estimate=$2 jv=$3
  "$jv" -version 2>&1 | head -1 >"$OUT/$name.jdk"
  if [ $QUICK = 1 ]; then
    step "$name" "$estimate" "$jv" -jar "$JAR" EngineThroughputBenchmark -jvm "$jv" \
      -p executor=pool -p maxConcurrency=32 -p lookup=none -wi 0 -i 1 -f 1 -r 1s -rf json -rff "$OUT/$name.json"
  else
    # 8 parameter combinations, about 60-70 s each
    step "$name" "$estimate" "$jv" -jar "$JAR" EngineThroughputBenchmark -jvm "$jv" -p maxConcurrency=8,32 \
      -wi 8 -i 8 -f 1 -w 1s -r 1s -rf json -rff "$OUT/$name.json"
  fi
}
if [ $SKIP_JMH = 0 ]; then
  if [ $QUICK = 1 ]; then
    step jmh 5 java -jar "$JAR" VariantValidationBenchmark.xWeightedLength -wi 0 -i 1 -f 1 -r 1s \
      -rf json -rff "$OUT/jmh.json"
    EE=10
  else
    # 25 benchmark/parameter combinations, about 15 s each
    step jmh 360 java -jar "$JAR" -e EngineThroughputBenchmark -wi 2 -i 3 -f 1 -w 2s -r 3s \
      -rf json -rff "$OUT/jmh.json"
    EE=560
  fi
  engine_jmh jmh-engine $EE java
  if have_java21plus; then
    engine_jmh jmh-engine-java21plus $EE "$JAVA_VIRTUAL"
  else
    echo "!! no Java 21+ for the in-memory engine's JMH run (set JAVA_VIRTUAL): skipped"
    FAILED+=("jmh-engine-java21plus (no Java 21+)")
  fi
fi

# ------------------------------------------------------------------------------------------------ summary
{
  echo "# Benchmark run $STAMP$([ $QUICK = 1 ] && echo ' (quick: tiny sizes, not for RESULTS.md)')"
  echo
  echo "## Machine"
  echo '```'
  cat "$OUT/facts.log"
  echo '```'
  echo
  echo "## Engine harness"
  harness summary "$RESULTS"
  if [ -f "$OUT/jmh.log" ]; then
    echo
    echo "## JMH (ops/s; higher is better)"
    echo '```'
    sed -n '/^Benchmark /,$p' "$OUT/jmh.log"
    echo '```'
  fi
  for name in jmh-engine jmh-engine-java21plus; do
    if [ -f "$OUT/$name.log" ]; then
      echo
      echo "## JMH, the in-memory engine on $(cat "$OUT/$name.jdk") (schedules/s)"
      echo '```'
      sed -n '/^Benchmark /,$p' "$OUT/$name.log"
      echo '```'
    fi
  done
  echo
  echo "## Step times"
  echo '```'
  cat "$TIMINGS"
  echo '```'
  if [ ${#FAILED[@]} -gt 0 ]; then
    echo
    echo "FAILED STEPS: ${FAILED[*]} (see their .log files)"
  fi
} > "$OUT/summary.md" 2>&1

echo
cat "$OUT/summary.md"
echo
echo "== done in $(( ($(date +%s) - START) / 60 )) min; raw outputs and summary.md in $OUT"
[ ${#FAILED[@]} = 0 ]
