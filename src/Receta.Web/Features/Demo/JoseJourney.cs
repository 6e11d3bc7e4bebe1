using System.Globalization;
using Microsoft.Extensions.Localization;
using Receta.Core.Perseverance;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Demo;

/// <summary>
/// José Hernández's journey from the fields of the San Joaquin Valley to the International Space
/// Station, as a goal that uses every ingredient of the recipe: the demo a new user explores.
/// Its texts, in each language the app offers, live in <c>Resources/Features/Demo/JoseJourney.resx</c>
/// and its translations; the keys that link its items (<see cref="LessonsApplied"/>) are the same in all.
/// </summary>
public static class JoseJourney
{
    private const double TrainingHoursTarget = 5000;
    private static readonly DateOnly Start = new(1980, 9, 1);
    private static readonly DateOnly Selection = new(2004, 5, 6);

    /// <summary>The years of the eleven rejections; each one's feedback and lesson are the texts <c>Application{year}.Feedback</c> and <c>.Lesson</c>.</summary>
    private static readonly int[] Rejections = [1989, 1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 2001];

    /// <summary>The year of the twelfth application, the one that succeeded (its texts: <c>Application2003.Feedback</c> and <c>.Lesson</c>).</summary>
    private const int Success = 2003;

    /// <summary>Each rejection whose lesson became items of the goal: its year, the milestone and the skill.</summary>
    public static readonly IReadOnlyList<(int Year, string Milestone, string Skill)> LessonsApplied =
    [
        (1990, "pilot", "flying"),
        (1991, "scuba", "diving"),
        (2001, "russian", "russian"),
    ];

    /// <summary>Adds the journey to <paramref name="owner"/>'s account, its texts in <paramref name="culture"/>.</summary>
    public static void AddTo(RecetaDbContext db, User owner, DateTimeOffset now, IStringLocalizerFactory texts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(culture);
        var localizer = texts.Create(typeof(JoseJourney));
        // Every text is read while the UI culture is the journey's: the localizer looks them up in it.
        Localization.InCulture(culture, () => Write(db, owner, now, new Wording(localizer)));
    }

    private static Goal Write(RecetaDbContext db, User owner, DateTimeOffset now, Wording t)
    {
        var goal = new Goal
        {
            OwnerId = owner.Id,
            Sequence = ++owner.GoalSequence,
            Id = Guid.CreateVersion7(now),
            Title = t["Title"],
            Purpose = t["Purpose"],
            StartDate = Start,
            TargetDate = Selection,
            WeeklyCapacityHours = 10,
            Status = GoalStatus.Achieved,
            MeasureUnit = t["Unit"],
            MeasureStart = 0,
            MeasureTarget = TrainingHoursTarget,
            MeasureAggregation = Aggregation.Sum,
            CreatedAt = now,
            Version = 1,
        };
        db.Goals.Add(goal);
        var ids = new IdSource(now);

        AddTrainingHours(db, goal, ids, t);
        var milestones = AddMilestones(db, goal, ids, t);
        var skills = AddSkills(db, goal, ids, t);
        AddWork(db, goal, ids, milestones, skills, t);
        AddHabits(db, goal, ids, t);
        var applications = AddAttempts(db, goal, ids, t);
        LinkLessons(applications, milestones, skills);
        return goal;
    }

    /// <summary>A monthly log of training hours that adds up to the target just before selection.</summary>
    private static void AddTrainingHours(RecetaDbContext db, Goal goal, IdSource ids, Wording t)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(Start.Year, Start.Month, 28); month < Selection; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        // Effort grows over the years, with a yearly rhythm of busier and quieter seasons.
        var weights = months.Select((_, i) => 1 + (i / (double)months.Count) + (0.3 * Math.Sin(i / 2.0))).ToList();
        var scale = TrainingHoursTarget / weights.Sum();
        var firstNote = t["FirstEntry.Note"];
        var logged = 0.0;
        for (var i = 0; i < months.Count; i++)
        {
            var hours = i == months.Count - 1 ? TrainingHoursTarget - logged : Math.Round(weights[i] * scale, 1);
            logged += hours;
            db.Entries.Add(new Entry
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Date = months[i], Value = hours,
                Note = i == 0 ? firstNote : null,
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            });
        }
    }

    /// <summary>The milestones, by a key of their own; each one's title is the text <c>Milestone.{key}</c>.</summary>
    private static Dictionary<string, Milestone> AddMilestones(RecetaDbContext db, Goal goal, IdSource ids, Wording t)
    {
        var milestones = new Dictionary<string, Milestone>();
        Milestone Add(string key, DateOnly due, DateOnly done, double hours, double? targetValue, params string[] dependsOn)
        {
            var milestone = new Milestone
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = t[$"Milestone.{key}"], DueDate = due,
                EstimateHours = hours, TargetValue = targetValue, Status = MilestoneStatus.Done, CompletedOn = done,
                DependsOn = dependsOn.Select(d => milestones[d].Id).ToList(),
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            };
            milestones[key] = milestone;
            db.Milestones.Add(milestone);
            return milestone;
        }

        Add("degree", new(1984, 6, 1), new(1984, 5, 26), 4000, 400);
        Add("masters", new(1986, 12, 20), new(1986, 12, 13), 2000, 700, "degree");
        Add("livermore", new(1987, 9, 1), new(1987, 6, 1), 200, null, "masters");
        Add("pilot", new(1992, 12, 31), new(1992, 8, 15), 120, 2000, "livermore");
        Add("scuba", new(1993, 12, 31), new(1993, 10, 2), 60, null, "livermore");
        Add("russian", new(2002, 12, 31), new(2002, 11, 30), 600, 4200, "livermore");
        Add("selection", Selection, Selection, 0, null, "pilot", "scuba", "russian");
        return milestones;
    }

    /// <summary>The skills, by a key of their own; each one's name is the text <c>Skill.{key}</c>, its resources' titles <c>Resource.{key}</c>.</summary>
    private static Dictionary<string, Skill> AddSkills(RecetaDbContext db, Goal goal, IdSource ids, Wording t)
    {
        var skills = new Dictionary<string, Skill>();
        void Add(string key, int level, int target, params (string Title, string? Url, bool Done)[] resources)
        {
            var skill = new Skill
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Name = t[$"Skill.{key}"], Level = level, TargetLevel = target,
                Resources = resources.Select(r => new SkillResource { Title = t[$"Resource.{r.Title}"], Url = r.Url, Done = r.Done }).ToList(),
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            };
            skills[key] = skill;
            db.Skills.Add(skill);
        }

        Add("english", 5, 5, ("EveningClasses", null, true));
        Add("engineering", 5, 5, ("SignalsAndSystems", null, true));
        Add("flying", 4, 4, ("GroundSchool", null, true), ("InstrumentRating", null, true));
        Add("diving", 4, 4, ("OpenWater", null, true), ("MasterDiver", null, true));
        Add("russian", 4, 5, ("RussianLessons", null, true), ("Cosmonauts", null, false));
        return skills;
    }

    private static void AddWork(RecetaDbContext db, Goal goal, IdSource ids, Dictionary<string, Milestone> milestones, Dictionary<string, Skill> skills, Wording t)
    {
        var flightLesson = t["Work.FlightLesson"];
        var diveTraining = t["Work.DiveTraining"];
        var russianLesson = t["Work.RussianLesson"];
        void Log(DateOnly date, int minutes, string note, string milestone, string skill) => db.WorkSessions.Add(new WorkSession
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Date = date, Minutes = minutes, Note = note,
            MilestoneId = milestones[milestone].Id, SkillId = skills[skill].Id,
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        });

        for (var week = 0; week < 20; week++)
        {
            Log(new DateOnly(1992, 3, 7).AddDays(7 * week), 120, flightLesson, "pilot", "flying");
        }
        for (var week = 0; week < 8; week++)
        {
            Log(new DateOnly(1993, 8, 7).AddDays(7 * week), 180, diveTraining, "scuba", "diving");
        }
        for (var day = 0; day < 60; day++)
        {
            Log(new DateOnly(2002, 9, 2).AddDays(day), day % 7 == 6 ? 120 : 60, russianLesson, "russian", "russian");
        }
    }

    private static void AddHabits(RecetaDbContext db, Goal goal, IdSource ids, Wording t)
    {
        var russian = new Habit
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = t["Habit.StudyRussian"], Times = 5, PerDays = 7,
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        };
        var run = new Habit
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = t["Habit.Run"], Times = 3, PerDays = 7,
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        };
        db.Habits.AddRange(russian, run);
        var first = new DateOnly(2003, 11, 3);
        for (var day = 0; day < 180; day++)
        {
            var date = first.AddDays(day);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                db.HabitChecks.Add(new HabitCheck { OwnerId = goal.OwnerId, HabitId = russian.Id, Date = date, GoalId = goal.Id });
            }
            if (date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Saturday)
            {
                db.HabitChecks.Add(new HabitCheck { OwnerId = goal.OwnerId, HabitId = run.Id, Date = date, GoalId = goal.Id });
            }
        }
    }

    private static Dictionary<int, Attempt> AddAttempts(RecetaDbContext db, Goal goal, IdSource ids, Wording t)
    {
        var applications = new Dictionary<int, Attempt>();
        foreach (var year in Rejections)
        {
            db.Attempts.Add(applications[year] = new Attempt
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = t.Format("Application.Title", year),
                Date = new DateOnly(year, 7, 1), Outcome = AttemptOutcome.Failed,
                Feedback = t[$"Application{year}.Feedback"], Lesson = t[$"Application{year}.Lesson"],
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            });
        }
        db.Attempts.Add(new Attempt
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = t.Format("Application.Title", Success),
            Date = Selection, Outcome = AttemptOutcome.Succeeded,
            Feedback = t[$"Application{Success}.Feedback"],
            Lesson = t[$"Application{Success}.Lesson"],
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        });
        return applications;
    }

    /// <summary>
    /// The rejections whose lesson became a milestone and a skill: the pilot's license (1990), scuba
    /// (1991) and Russian (2001). The other lessons became habits or ways of working, not items.
    /// </summary>
    private static void LinkLessons(Dictionary<int, Attempt> applications, Dictionary<string, Milestone> milestones, Dictionary<string, Skill> skills)
    {
        foreach (var (year, milestone, skill) in LessonsApplied)
        {
            milestones[milestone].FromAttemptId = applications[year].Id;
            skills[skill].FromAttemptId = applications[year].Id;
        }
    }

    /// <summary>
    /// The journey's texts in the current UI culture; a key its resources lack is a mistake, not a
    /// text to show, so it throws rather than write the key into someone's goal.
    /// </summary>
    private sealed class Wording(IStringLocalizer localizer)
    {
        public string this[string key] => Found(localizer[key]);

        /// <summary>The text with <paramref name="year"/> filled in, written without digit grouping (1989, not 1,989).</summary>
        public string Format(string key, int year) => Found(localizer[key, year.ToString(CultureInfo.InvariantCulture)]);

        private static string Found(LocalizedString text) => text.ResourceNotFound
            ? throw new InvalidOperationException($"The demo's text '{text.Name}' is missing from {text.SearchedLocation}.")
            : text.Value;
    }

    /// <summary>Time-ordered ids for seeded rows.</summary>
    private sealed class IdSource(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;

        public Guid Next() => Guid.CreateVersion7(Now);
    }
}
