#!/usr/bin/env bash
# Makes tasks.json (the default JSON array) and tasks.jsonl (rc.json.array=0, one task per line)
# with the real Taskwarrior (made with Debian's taskwarrior 2.6.2) in a throwaway database, the
# clock fixed with faketime and the user in Europe/Madrid, so a due date typed as a local date is
# stored as 23:00 (or 22:00 in summer time) UTC of the day before. Run it from anywhere; it writes
# next to itself. Uuids are random, so the tests find tasks by their description.
#
# Holds: pending tasks in Admin.Docs, Admin and no project; a task completed at 00:30 local, which
# is still the day before in UTC; a deleted task; a recurring template and its occurrences; a
# waiting task (2.6 writes it as pending with a future wait); dependencies on a pending, a
# completed, a deleted and a recurring-template task; escapes in descriptions.
#
# tasks-2.5.json is made by hand in the shape Taskwarrior 2.5.1–2.5.3 wrote (formats.md §3):
# depends as a comma-separated string, and once in the broken string form of an array that
# Taskserver passed around; status "waiting"; \u escapes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export HOME="$work" TASKRC="$work/taskrc" TASKDATA="$work/data" TZ=Europe/Madrid
mkdir "$TASKDATA"
cat >"$TASKRC" <<RC
data.location=$TASKDATA
confirmation=off
recurrence.confirmation=off
verbose=new-uuid
news.version=2.6.0
RC

# at TIME ARGS...: runs task at a local wall-clock time; add prints the new task's uuid.
at() { local when=$1; shift; faketime "$when" task "$@"; }
add() { at "$1" add "${@:2}" | sed -E 's/^Created task ([0-9a-f-]+).*/\1/'; }

gather=$(add '2025-03-01 09:14:02' project:Admin.Docs due:2025-03-20 'Gather documents')
book=$(add '2025-03-01 09:14:30' project:Admin.Docs due:2025-03-28 'Book "civil" appointment / registry')
report=$(add '2025-03-02 18:00:00' project:Work 'Write quarterly report')
notary=$(add '2025-03-03 08:00:00' project:Admin 'Call the notary')
idea=$(add '2025-03-03 08:05:00' project:Admin.Archive 'Old idea')
plants=$(add '2025-03-04 12:00:00' project:Home due:2025-03-15 recur:weekly 'Water the plants')
add '2025-03-05 20:00:00' due:2025-04-05 wait:2025-04-01 'Phone mum' >/dev/null
add '2025-03-05 20:01:00' 'Café con María' >/dev/null
add '2025-03-05 20:02:00' project:Home "depends:$plants" 'Buy a watering can' >/dev/null

at '2025-03-06 09:00:00' "$book" modify "depends:$gather,$idea" >/dev/null
at '2025-03-06 09:00:00' "$notary" modify "depends:$report" >/dev/null
at '2025-03-06 09:05:00' "$gather" annotate 'Passport, ID card' >/dev/null
at '2025-03-10 10:00:00' "$idea" delete >/dev/null
at '2025-03-13 00:30:00' "$report" done >/dev/null

at '2025-03-20 10:00:00' export >"$here/tasks.json"
at '2025-03-20 10:00:00' rc.json.array=0 export >"$here/tasks.jsonl"
