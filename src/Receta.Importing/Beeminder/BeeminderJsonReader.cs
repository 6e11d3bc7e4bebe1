using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Receta.Core.Purpose;
using Receta.Importing.Json;

namespace Receta.Importing.Beeminder;

/// <summary>
/// Reads a Beeminder goal as <c>GET …/goals/{goal}.json?datapoints=true</c> answers it (the goal, its
/// road and its datapoints), or a bare datapoints array (<c>…/datapoints.json</c>), which belongs to
/// a goal the import names. See formats.md §2.
/// </summary>
public static partial class BeeminderJsonReader
{
    private const double SecondsPerDay = 86_400;

    // butil.js BDUSK, 2099-12-31 23:59:59 UTC: the date beebrain gives a flat road that never reaches its value.
    private const double EndOfDays = 4_102_444_799;

    // The Unix times a DateTime can hold, years 1 to 9999.
    private const double MinUnixTime = -62_135_596_800;
    private const double MaxUnixTime = 253_402_300_799;

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = new ImportBundle();
        var file = new BeeminderFile(bundle, context);
        if (JsonRecords.Read(path, ImportTexts.RecordDatapoint, bundle.Problems, file.Add, context.CancellationToken) == JsonLayout.Array)
        {
            bundle.NeedsGoal = true;
            file.DatapointsGoal();
        }
        return bundle;
    }

    // beebrain.js DERAIL_REGEX and PHAGE_REGEX: a tag is a word of its own, '#' or '@' first, in capitals.
    [GeneratedRegex(@"(?<!\S)[#@]DERAIL(?!\S)", RegexOptions.CultureInvariant)]
    private static partial Regex DerailTag();

    [GeneratedRegex(@"(?<!\S)[#@](?:SELFDESTRUCT|THISWILLSELFDESTRUCT)(?!\S)", RegexOptions.CultureInvariant)]
    private static partial Regex SelfDestructTag();

    /// <summary>A row of the road: the segment that ends at <see cref="Time"/> (Unix seconds) at <see cref="Value"/>, rising by <see cref="Rate"/> per rate unit.</summary>
    private readonly record struct RoadRow(double? Time, double? Value, double? Rate, string Where);

    /// <summary>Where the road starts and ends (Unix seconds, values), and every row with its date and value filled in.</summary>
    private readonly record struct Road(double StartTime, double StartValue, double EndTime, double EndValue, List<(double Time, double Value, string Where)> Rows);

    private sealed class BeeminderFile(ImportBundle bundle, ImportContext context)
    {
        private readonly HashSet<string> datapointIds = new(StringComparer.Ordinal);
        private ImportedGoal? datapointsGoal;

        private ImportProblems Problems => bundle.Problems;

        public void Add(JsonRecord record)
        {
            if (record.Layout == JsonLayout.Array)
            {
                AddDatapoint(record.Value, record.Where, DatapointsGoal());
            }
            else if (record.Number == 1)
            {
                AddGoal(record.Value);
            }
            else
            {
                Problems.Error(ImportTexts.AtLine.With(record.Line), ImportTexts.BeeminderSecondValue);
            }
        }

        /// <summary>The goal that carries a bare datapoints array's entries into the goal the import names.</summary>
        public ImportedGoal DatapointsGoal()
        {
            if (datapointsGoal is null)
            {
                datapointsGoal = new ImportedGoal { Key = "datapoints", Title = "Beeminder" };
                bundle.Goals.Add(datapointsGoal);
            }
            return datapointsGoal;
        }

        private void AddGoal(JsonElement value)
        {
            if (!JsonFields.TryOpen(value, ImportTexts.AtGoal, Problems, out var goal))
            {
                return;
            }
            var valid = goal.TryGetString("id", out var id)
                & goal.TryGetString("slug", out var slug)
                & goal.TryGetString("title", out var title)
                & goal.TryGetString("gunits", out var units)
                & goal.TryGetString("runits", out var rateUnit)
                & goal.TryGetBoolean("kyoom", out var kyoom)
                & goal.TryGetString("aggday", out var aggday)
                & goal.TryGetArray("datapoints", out var datapoints);
            if (!valid)
            {
                return;
            }
            var key = NotBlank(id) ?? NotBlank(slug);
            if (key is null)
            {
                goal.Error("id", ImportTexts.BeeminderGoalKey);
                return;
            }
            if (!TryReadRoad(goal, rateUnit, out var road))
            {
                return;
            }
            if (!TryUtcDate(road.StartTime, goal.At("initday"), out var startDate)
                | !TryUtcDate(road.EndTime, goal.At("goaldate"), out var targetDate))
            {
                return;
            }

            var imported = new ImportedGoal
            {
                Key = key,
                Title = ImportRules.Title(title, NotBlank(slug) ?? key, Problems),
                Measure = new ImportedMeasure(ImportRules.Title(units, "units", Problems), road.StartValue, road.EndValue, AggregationOf(kyoom, aggday)),
                StartDate = startDate,
                TargetDate = targetDate,
            };
            if (!TryAddRoadMilestones(imported, road.Rows))
            {
                return;
            }
            bundle.Goals.Add(imported);

            if (datapoints is { } points)
            {
                var index = 0;
                foreach (var point in points.EnumerateArray())
                {
                    if (index % 1024 == 0)
                    {
                        context.CancellationToken.ThrowIfCancellationRequested();
                    }
                    AddDatapoint(point, string.Create(CultureInfo.InvariantCulture, $"{goal.Where}, datapoints[{index}]"), imported);
                    index++;
                }
            }
        }

        /// <summary>Each interior row of the road (not its start, not its end) is a step on the way: a milestone.</summary>
        private bool TryAddRoadMilestones(ImportedGoal goal, List<(double Time, double Value, string Where)> road)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var valid = true;
            foreach (var (time, value, where) in road.Skip(1).SkipLast(1))
            {
                if (!TryUtcDate(time, where, out var date))
                {
                    valid = false;
                    continue;
                }
                var key = string.Create(CultureInfo.InvariantCulture, $"{goal.Key}/road/{date:yyyy-MM-dd}");
                for (var repeat = 2; !keys.Add(key); repeat++)
                {
                    key = string.Create(CultureInfo.InvariantCulture, $"{goal.Key}/road/{date:yyyy-MM-dd}/{repeat}");
                }
                goal.Milestones.Add(new ImportedMilestone { Key = key, Title = "Road", DueDate = date, TargetValue = value });
            }
            return valid;
        }

        /// <summary>
        /// The road from its start to the goal, every row's date and value filled in as beebrain's
        /// <c>fillroad</c> fills them: <c>fullroad</c> when the file has it (Beeminder filled it),
        /// else <c>roadall</c>, else the legacy <c>road</c> between the start and the goal's own
        /// fields. The goal's own <c>goaldate</c> and <c>goalval</c> win when they are set.
        /// </summary>
        private bool TryReadRoad(JsonFields goal, string? rateUnit, out Road road)
        {
            road = default;
            var valid = goal.TryGetRequiredNumber("initday", out var start)
                & goal.TryGetRequiredNumber("initval", out var startValue)
                & goal.TryGetNumber("goaldate", out var endTime)
                & goal.TryGetNumber("goalval", out var endValue)
                & goal.TryGetNumber("rate", out var endRate)
                & TryReadRows(goal, "fullroad", out var fullroad)
                & TryReadRows(goal, "roadall", out var roadall)
                & TryReadRows(goal, "road", out var legacy);
            if (!valid)
            {
                return false;
            }
            var rows = fullroad ?? roadall;
            if (rows is null)
            {
                rows = [new RoadRow(start, startValue, null, goal.At("initday")), .. legacy ?? [], new RoadRow(endTime, endValue, endRate, goal.At("goaldate"))];
            }
            else if (rows.Count < 2)
            {
                goal.Error(fullroad is null ? "roadall" : "fullroad", ImportTexts.BeeminderRoadEnds);
                return false;
            }
            var filled = new List<(double Time, double Value, string Where)>(rows.Count);
            if (!TryFill(rows, goal, rateUnit, filled))
            {
                return false;
            }
            road = new Road(start, startValue, endTime ?? filled[^1].Time, endValue ?? filled[^1].Value, filled);
            return true;
        }

        private bool TryReadRows(JsonFields goal, string field, out List<RoadRow>? rows)
        {
            rows = null;
            if (!goal.TryGetArray(field, out var array))
            {
                return false;
            }
            if (array is not { } found)
            {
                return true;
            }
            rows = new List<RoadRow>(found.GetArrayLength());
            var index = 0;
            foreach (var row in found.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{goal.At(field)}[{index}]");
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 3)
                {
                    Problems.Error(where, ImportTexts.BeeminderRoadRow);
                    return false;
                }
                if (!TryReadRowTime(row[0], where, out var time)
                    | !TryReadRowNumber(row[1], where, out var value)
                    | !TryReadRowNumber(row[2], where, out var rate))
                {
                    return false;
                }
                rows.Add(new RoadRow(time, value, rate, where));
                index++;
            }
            return true;
        }

        // Unix seconds as GET gives them, or a daystamp ("20170727", "2017-07-27") as PUT takes them, read at UTC midnight as beebrain does.
        private bool TryReadRowTime(JsonElement element, string where, out double? time)
        {
            time = null;
            if (element.ValueKind != JsonValueKind.String)
            {
                return TryReadRowNumber(element, where, out time);
            }
            if (!JsonFields.TryReadString(element, where, Problems, out var text))
            {
                return false;
            }
            if (!DateOnly.TryParseExact(text, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Problems.Error(where, ImportTexts.BeeminderNotRowDate.With(JsonFields.Shorten(text)));
                return false;
            }
            time = (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;
            return true;
        }

        private bool TryReadRowNumber(JsonElement element, string where, out double? number)
        {
            number = null;
            if (element.ValueKind == JsonValueKind.Null)
            {
                return true;
            }
            if (!JsonFields.TryReadNumber(element, where, Problems, out var read))
            {
                return false;
            }
            number = read;
            return true;
        }

        /// <summary>
        /// Fills the one missing part of each row from the row before, in beebrain's order of
        /// operations so that a date falls on the same day as Beeminder's: a missing date is the
        /// previous date plus the time the rate takes to reach the value (snapped to its UTC day),
        /// a missing value the previous value plus the rate times the time. A missing rate is not needed.
        /// </summary>
        private bool TryFill(List<RoadRow> rows, JsonFields goal, string? rateUnit, List<(double Time, double Value, string Where)> road)
        {
            if (rows[0] is not { Time: { } startTime, Value: { } startValue })
            {
                Problems.Error(rows[0].Where, ImportTexts.BeeminderRoadStart);
                return false;
            }
            road.Add((startTime, startValue, rows[0].Where));
            foreach (var row in rows.Skip(1))
            {
                var (previousTime, previousValue, _) = road[^1];
                var missing = (row.Time is null ? 1 : 0) + (row.Value is null ? 1 : 0) + (row.Rate is null ? 1 : 0);
                if (missing > 1)
                {
                    Problems.Error(row.Where, ImportTexts.BeeminderRowMissing);
                    return false;
                }
                if (row is { Time: { } time, Value: { } value })
                {
                    road.Add((time, value, row.Where));
                    continue;
                }
                if (!TrySecondsPerRateUnit(goal, rateUnit, out var seconds))
                {
                    return false;
                }
                var perSecond = row.Rate!.Value / seconds;
                if (row.Time is { } knownTime)
                {
                    var filled = previousValue + (perSecond * (knownTime - previousTime));
                    if (!ImportRules.CheckValue(filled, row.Where, Problems))
                    {
                        return false;
                    }
                    road.Add((knownTime, filled, row.Where));
                }
                else
                {
                    var reached = perSecond == 0 ? EndOfDays : Math.Min(EndOfDays, previousTime + ((row.Value!.Value - previousValue) / perSecond));
                    road.Add((Math.Floor(reached / SecondsPerDay) * SecondsPerDay, row.Value!.Value, row.Where));
                }
            }
            return true;
        }

        // butil.js SECS: a year of 365.25 days, a month of a twelfth of it.
        private static bool TrySecondsPerRateUnit(JsonFields goal, string? rateUnit, out double seconds)
        {
            seconds = rateUnit switch
            {
                "y" => 365.25 * SecondsPerDay,
                "m" => 365.25 * SecondsPerDay / 12,
                "w" => 7 * SecondsPerDay,
                "d" => SecondsPerDay,
                "h" => 3600,
                _ => 0,
            };
            if (seconds > 0)
            {
                return true;
            }
            goal.Error("runits", rateUnit is null
                ? ImportTexts.BeeminderRateUnitMissing
                : ImportTexts.BeeminderNotRateUnit.With(JsonFields.Shorten(rateUnit)));
            return false;
        }

        /// <summary>Every Unix time of a goal is read as its UTC date (beebrain reads daystamps as UTC midnight).</summary>
        private bool TryUtcDate(double seconds, string where, out DateOnly date)
        {
            date = default;
            if (!double.IsFinite(seconds) || seconds < MinUnixTime || seconds > MaxUnixTime)
            {
                Problems.Error(where, ImportTexts.DateOutsideYears);
                return false;
            }
            date = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(Math.Floor(seconds)));
            return ImportRules.CheckDate(date, where, Problems);
        }

        private Aggregation AggregationOf(bool kyoom, string? aggday)
        {
            if (kyoom)
            {
                if (aggday is not (null or "sum"))
                {
                    Problems.Warn(ImportTexts.BeeminderAggdaySum.With(JsonFields.Shorten(aggday)));
                }
                return Aggregation.Sum;
            }
            switch (aggday)
            {
                case null or "last":
                    return Aggregation.Last;
                case "max" or "min":
                    return Aggregation.Best;
                case "count":
                    return Aggregation.Count;
                default:
                    Problems.Warn(ImportTexts.BeeminderAggdayLast.With(JsonFields.Shorten(aggday)));
                    return Aggregation.Last;
            }
        }

        private void AddDatapoint(JsonElement value, string where, ImportedGoal goal)
        {
            if (!JsonFields.TryOpen(value, where, Problems, out var point))
            {
                return;
            }
            if (point.Has("slug", out _) && !point.Has("daystamp", out _))
            {
                Problems.Error(where, ImportTexts.BeeminderGoalNotDatapoint);
                return;
            }
            if (!point.TryGetBoolean("is_dummy", out var dummy)
                | !point.TryGetBoolean("is_initial", out var initial)
                | !point.TryGetString("comment", out var comment))
            {
                return;
            }
            if (Ignored(dummy, initial, comment) is { } reason)
            {
                Problems.Ignore(reason);
                return;
            }
            if (!point.TryGetRequiredString("id", out var id)
                | !TryReadDaystamp(point, out var date)
                | !point.TryGetRequiredNumber("value", out var amount))
            {
                return;
            }
            if (!datapointIds.Add(id))
            {
                point.Error("id", ImportTexts.BeeminderDatapointTwice.With(JsonFields.Shorten(id)));
                return;
            }
            goal.Entries.Add(new ImportedEntry(id, date, amount, ImportRules.Note(comment, Problems)));
        }

        private static string? Ignored(bool dummy, bool initial, string? comment) =>
            dummy ? ImportTexts.BeeminderDummyDatapoints
            : initial ? ImportTexts.BeeminderInitialDatapoints
            : comment is null ? null
            : DerailTag().IsMatch(comment) ? ImportTexts.BeeminderDerailDatapoints
            : SelfDestructTag().IsMatch(comment) ? ImportTexts.BeeminderSelfDestructDatapoints
            : null;

        // The day the point counts for; its timestamp can be the next day's (a night owl's deadline).
        private bool TryReadDaystamp(JsonFields point, out DateOnly date)
        {
            date = default;
            if (!point.TryGetRequiredString("daystamp", out var daystamp))
            {
                return false;
            }
            if (!DateOnly.TryParseExact(daystamp, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                point.Error("daystamp", ImportTexts.BeeminderNotDaystamp.With(JsonFields.Shorten(daystamp)));
                return false;
            }
            return ImportRules.CheckDate(date, point.At("daystamp"), Problems);
        }

        private static string? NotBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
