#!/bin/bash
# The Slurm recipe of docs/scaling.md, run for real: starts a throw-away single-node Slurm (Debian's
# slurm-wlm and munge, no root install needed beyond the packages), submits a 3-task job array over a corpus
# with broken files, then the merge with --dependency=afterok, and checks that the merged folder is byte for
# byte what a single run writes. Skipped with one line where Slurm is absent.
# Usage: scripts/slurm-recipe.sh [corpus-dir]   (default: generated reports plus broken files)
set -euo pipefail
for b in slurmctld slurmd sbatch squeue munged; do
  if ! command -v "$b" >/dev/null 2>&1; then echo "slurm-recipe: skipped: $b not found (apt-get install slurm-wlm)"; exit 0; fi
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/juesuan-slurm-XXXXXX)
host=$(hostname -s)
cpus=$(nproc)
cleanup() {
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

# munge: its own key, socket and pid file under $work.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/logs"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
sock="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$sock" --pid-file="$work/munged.pid" \
  --log-file="$work/logs/munged.log" --seed-file="$work/munge/seed"

user=$(id -un)
cat > "$work/slurm.conf" <<CONF
ClusterName=juesuan-test
SlurmctldHost=$host
SlurmUser=$user
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
SlurmctldPort=$((20000 + RANDOM % 10000))
SlurmdPort=$((30000 + RANDOM % 10000))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break; sleep 1; done
sinfo -h -o '%T' | grep -qE '^(idle|mixed|allocated)' || { echo "slurm-recipe: the test Slurm did not come up"; cat "$work/logs/"*.log; exit 1; }

# The corpus: given, or generated reports with broken files among them.
corpus=${1:-}
if [ -z "$corpus" ]; then
  corpus="$work/corpus"
  (cd "$repo" && npx tsx scripts/slurm-corpus.ts "$corpus")
fi
out="$work/out"
mkdir -p "$out"

# docs/scaling.md's recipe, with 3 shards and one core each.
cat > "$work/extract.sbatch" <<SB
#!/bin/bash
#SBATCH --job-name=juesuan
#SBATCH --array=0-2
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/logs/extract-%a.log
node "$repo/dist/cli.js" extract "$corpus" --out "$out/shard-\$SLURM_ARRAY_TASK_ID" --concurrency "\$SLURM_CPUS_PER_TASK"
SB
jobid=$(sbatch --parsable "$work/extract.sbatch")
mergeid=$(sbatch --parsable --dependency=afterok:"$jobid" --output="$work/logs/merge.log" \
  --wrap "node '$repo/dist/cli.js' merge $out/shard-0 $out/shard-1 $out/shard-2 --out $out/all")
echo "slurm-recipe: submitted array $jobid and merge $mergeid"
for _ in $(seq 600); do
  [ -z "$(squeue -h -j "$jobid,$mergeid" 2>/dev/null)" ] && break
  if squeue -h -j "$mergeid" -o '%r' 2>/dev/null | grep -q DependencyNeverSatisfied; then
    echo "slurm-recipe: FAILED: the merge will never run (DependencyNeverSatisfied): a shard exited non-zero"; cat "$work/logs/extract-"*.log; exit 1
  fi
  sleep 1
done
if [ ! -f "$out/all/.juesuan/run.json" ]; then
  echo "slurm-recipe: FAILED: no merged folder"; cat "$work/logs/"*.log; exit 1
fi

# A single run over the same corpus: the merged folder must be the same, byte for byte.
node "$repo/dist/cli.js" extract "$corpus" --out "$out/single" --concurrency 1 --quiet 2>/dev/null
differ=0
for f in documents.jsonl facts.csv dataset.csv flags.csv errors.jsonl; do
  cmp -s "$out/all/$f" "$out/single/$f" || { echo "slurm-recipe: $f differs from a single run"; differ=1; }
done
records=$(wc -l < "$out/all/documents.jsonl")
errors=$(wc -l < "$out/all/errors.jsonl")
[ "$differ" = 0 ] || exit 1
echo "slurm-recipe: passed: 3-task array + merge under Slurm $(sinfo -V | cut -d' ' -f2): $records records, $errors errors, batch files identical to a single run"
