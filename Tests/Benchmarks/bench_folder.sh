#!/bin/sh
# Prints the folder the benchmarks build in: BENCH_DIR if set, else the temporary folder, unless
# that is on an ext4 file system without a journal. There, creating a file reads the deletion
# time of each free inode it passes over, skipping those deleted recently (`recently_deleted` in
# the kernel's fs/ext4/ialloc.c), so after a tool's old output is deleted the next tool's files
# were created up to 20 times more slowly: `cp -r` of a 1,000-chapter site took 5.2 s there against
# 0.6 s on a journaled ext4. That measures the disk's history, not the tools, and weighs on
# whichever writes the most files. So, as root, a journaled ext4 in a sparse file is mounted
# (once) and used instead; without root the temporary folder is used, with a warning.
set -eu
if [ -n "${BENCH_DIR:-}" ]; then echo "$BENCH_DIR"; exit 0; fi
temporary=${TMPDIR:-/tmp}
device=$(basename "$(df --output=source "$temporary" | tail -n 1)")
if [ "$(df --output=fstype "$temporary" | tail -n 1 | tr -d ' ')" != ext4 ] || ls /proc/fs/jbd2 2>/dev/null | grep -q "^$device-"; then
  echo "$temporary"; exit 0
fi
mount=/mnt/handbook-bench
image=/var/tmp/handbook-bench.ext4
if ! mountpoint -q "$mount"; then
  if [ "$(id -u)" != 0 ]; then
    echo "warning: $temporary is on ext4 without a journal, which slows writing new files after deletions; set BENCH_DIR to a folder on another file system" >&2
    echo "$temporary"; exit 0
  fi
  mkdir -p "$mount"
  # Large enough for MkDocs' output at 10,000 chapters (some 15 GB a run); sparse, and `discard`
  # gives deleted files' space back to the disk.
  [ -e "$image" ] || { truncate -s 40G "$image" && mkfs.ext4 -q -F "$image"; }
  mount -o loop,discard "$image" "$mount"
fi
echo "$mount"
