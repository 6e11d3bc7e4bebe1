#!/usr/bin/env bash
# Makes intervals.json with the real Timewarrior (made with Debian's timewarrior 1.4.3) in a
# throwaway database, the clock fixed with faketime and the user in Europe/Madrid. Times are typed
# as local times; Timewarrior stores and exports them in UTC. Run it from anywhere; it writes next
# to itself.
#
# Holds: tags with spaces and quotes; an annotation with a slash (exported as \/); an interval
# across local midnight; one across the night the clocks go forward (2025-03-30) and one across
# the day they go back (2025-10-26, 25 hours); a piece under a minute before midnight; an interval
# of 40 seconds; one without tags; the running interval last.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export HOME="$work" TIMEWARRIORDB="$work/timewarrior" TZ=Europe/Madrid
mkdir -p "$TIMEWARRIORDB/data"
touch "$TIMEWARRIORDB/timewarrior.cfg"

# at TIME ARGS...: runs timew at a local wall-clock time.
at() { local when=$1; shift; faketime "$when" timew "$@" >/dev/null; }

at '2025-03-13 12:00:00' track 2025-03-13T08:30:00 - 2025-03-13T10:15:00 'Deep work' receta
at '2025-03-13 12:00:00' track 2025-03-13T11:00:00 - 2025-03-13T11:45:00 meeting 'tag with spaces'
at '2025-03-13 12:00:00' annotate @1 'Sprint planning / Q2'
at '2025-03-14 02:00:00' track 2025-03-13T23:10:00 - 2025-03-14T01:20:00 reading 'book: "Dune"'
at '2025-03-14 10:00:00' track 2025-03-14T09:00:00 - 2025-03-14T09:00:40 receta
at '2025-03-15 01:00:00' track 2025-03-14T23:59:30 - 2025-03-15T00:30:00 receta
at '2025-03-15 12:00:00' track 2025-03-15T10:00:00 - 2025-03-15T10:30:00
at '2025-03-31 09:00:00' track 2025-03-29T23:00:00 - 2025-03-30T04:00:00 receta
at '2025-10-27 09:00:00' track 2025-10-25T22:00:00 - 2025-10-27T02:00:00 'Deep work'
at '2025-11-01 20:10:00' start 'book: "Dune"' reading

faketime '2025-11-01 21:00:00' timew export >"$here/intervals.json"
