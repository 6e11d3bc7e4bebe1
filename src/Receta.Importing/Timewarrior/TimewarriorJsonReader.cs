using System.Globalization;
using System.Text;
using System.Text.Json;
using Receta.Importing.Json;

namespace Receta.Importing.Timewarrior;

/// <summary>
/// Reads <c>timew export</c>: every closed interval becomes work sessions, one for each of the
/// importing user's local days it covers, handed over with its tags in
/// <see cref="ImportBundle.TaggedWork"/> because a tag, not the file, names the goal. See formats.md §4.
/// </summary>
public static class TimewarriorJsonReader
{
    /// <summary>
    /// Longer than any sitting; a timer left running for weeks is not work, and without a bound one
    /// hostile record could ask for a session on each of a thousand years' days.
    /// </summary>
    private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(31);

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = new ImportBundle();
        var intervals = new Intervals(bundle, context);
        JsonRecords.Read(path, ImportTexts.RecordInterval, bundle.Problems, intervals.Add, context.CancellationToken);
        return bundle;
    }

    private sealed class Intervals(ImportBundle bundle, ImportContext context)
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        private ImportProblems Problems => bundle.Problems;

        public void Add(JsonRecord record)
        {
            if (!JsonFields.TryOpen(record.Value, record.Where, Problems, out var interval))
            {
                return;
            }
            var valid = interval.TryGetUtcTime("start", out var startRead)
                & interval.TryGetUtcTime("end", out var endRead)
                & TryReadTags(interval, out var tags)
                & interval.TryGetString("annotation", out var annotation);
            if (!valid)
            {
                return;
            }
            if (startRead is not { } start)
            {
                interval.Error("start", ImportTexts.FieldMissing);
                return;
            }
            if (endRead is not { } end)
            {
                Problems.Ignore(ImportTexts.TimewarriorRunning);
                return;
            }
            if (!LocalDates.TryGet(context, start, interval.At("start"), Problems, out _)
                || !LocalDates.TryGet(context, end, interval.At("end"), Problems, out _))
            {
                return;
            }
            if (end < start)
            {
                interval.Error("end", ImportTexts.TimewarriorEndsBeforeStart);
                return;
            }
            if (end - start > MaxInterval)
            {
                Problems.Ignore(ImportTexts.TimewarriorTooLong);
                return;
            }
            var identity = Identity(start, end, tags);
            if (!seen.Add(identity))
            {
                Problems.Ignore(ImportTexts.TimewarriorRepeated);
                return;
            }

            var note = ImportRules.Note(annotation, Problems);
            foreach (var (day, seconds) in SecondsByLocalDay(start, end))
            {
                if (seconds < 60)
                {
                    Problems.Ignore(ImportTexts.TimewarriorShortPieces);
                    continue;
                }
                var minutes = (int)Math.Round(seconds / 60, MidpointRounding.AwayFromZero);
                if (minutes > ImportRules.MaxWorkMinutes)
                {
                    Problems.Warn(ImportTexts.TimewarriorLongDays.With(ImportRules.MaxWorkMinutes));
                    minutes = ImportRules.MaxWorkMinutes;
                }
                var key = string.Create(CultureInfo.InvariantCulture, $"{identity}/{day:yyyy-MM-dd}");
                bundle.TaggedWork.Add(new TaggedWork(tags, new ImportedWorkSession(key, day, minutes, note), identity));
            }
        }

        /// <summary>
        /// The interval cut at the user's local midnights. A day is whatever the zone makes it
        /// (23 or 25 hours when the clocks change), and a day the zone skips gets nothing.
        /// </summary>
        private List<(DateOnly Day, double Seconds)> SecondsByLocalDay(DateTimeOffset start, DateTimeOffset end)
        {
            var pieces = new List<(DateOnly Day, double Seconds)>();
            var from = start;
            while (from < end)
            {
                var day = context.LocalDate(from);
                var next = StartOfNextDay(from, day);
                var to = next < end ? next : end;
                var seconds = (to - from).TotalSeconds;
                if (pieces.Count > 0 && pieces[^1].Day == day)
                {
                    // A zone whose clocks went back over midnight gives a day twice: one session for it.
                    pieces[^1] = (day, pieces[^1].Seconds + seconds);
                }
                else
                {
                    pieces.Add((day, seconds));
                }
                from = to;
            }
            return pieces;
        }

        /// <summary>The first instant after <paramref name="instant"/> whose local date is past <paramref name="day"/>.</summary>
        private DateTimeOffset StartOfNextDay(DateTimeOffset instant, DateOnly day)
        {
            var zone = context.Zone;
            var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            if (!zone.IsInvalidTime(midnight))
            {
                // When midnight happens twice, the day begins at the first, under the larger offset.
                var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
                var guess = new DateTimeOffset(DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc));
                if (guess > instant && context.LocalDate(guess) > day && context.LocalDate(guess.AddSeconds(-1)) <= day)
                {
                    return guess;
                }
            }
            // Midnight skipped by the clocks, or a zone's odd history: search for the change, to the second.
            var before = instant.ToUnixTimeSeconds();
            var after = before + (3 * 86_400);
            while (after - before > 1)
            {
                var middle = before + ((after - before) / 2);
                if (context.LocalDate(DateTimeOffset.FromUnixTimeSeconds(middle)) > day)
                {
                    after = middle;
                }
                else
                {
                    before = middle;
                }
            }
            return DateTimeOffset.FromUnixTimeSeconds(after);
        }

        private bool TryReadTags(JsonFields interval, out string[] tags)
        {
            tags = [];
            if (!interval.TryGetArray("tags", out var array))
            {
                return false;
            }
            if (array is not { } found)
            {
                return true;
            }
            var read = new List<string>(found.GetArrayLength());
            foreach (var element in found.EnumerateArray())
            {
                if (!JsonFields.TryReadString(element, interval.At("tags"), Problems, out var tag))
                {
                    return false;
                }
                read.Add(tag);
            }
            tags = [.. read];
            return true;
        }

        // Ids are renumbered on every change in Timewarrior; start, end and tags are what stay.
        private static string Identity(DateTimeOffset start, DateTimeOffset end, string[] tags)
        {
            var identity = new StringBuilder();
            identity.Append(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}/{end.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}/[");
            var first = true;
            foreach (var tag in tags.Order(StringComparer.Ordinal))
            {
                identity.Append(first ? "\"" : ",\"").Append(JsonEncodedText.Encode(tag).Value).Append('"');
                first = false;
            }
            return identity.Append(']').ToString();
        }
    }
}
