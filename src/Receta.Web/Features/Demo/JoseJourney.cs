using Receta.Core.Perseverance;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Goals;

namespace Receta.Web.Features.Demo;

/// <summary>
/// José Hernández's journey from the fields of the San Joaquin Valley to the International Space
/// Station, as a goal that uses every ingredient of the recipe: the demo a new user explores.
/// </summary>
public static class JoseJourney
{
    private const double TrainingHoursTarget = 5000;
    private static readonly DateOnly Start = new(1980, 9, 1);
    private static readonly DateOnly Selection = new(2004, 5, 6);

    private static readonly (int Year, string Feedback, string Lesson)[] Applications =
    [
        (1989, "Not selected. Thousands applied; the selected had more than a degree.", "Ask what the selected candidates have that I don't, and go get it."),
        (1990, "Not selected. Many of the selected were pilots.", "Earn a pilot's license."),
        (1991, "Not selected. Spacewalk training happens underwater.", "Get certified as a scuba diver, then a master diver."),
        (1992, "Not selected. Strong engineering record, but little operational experience.", "Lead a project that ships: the digital mammography imaging system at Lawrence Livermore."),
        (1993, "Not selected.", "Keep the application current every year; persistence is part of the record."),
        (1994, "Not selected. Good health and fitness are screened closely.", "Train for the physical: run every week."),
        (1995, "Not selected.", "Work on international projects: space is built by partners."),
        (1996, "Not selected. Flight hours were still few.", "Log flight hours steadily, not in bursts."),
        (1997, "Not selected.", "Find mentors who have been through selection and listen to them."),
        (1998, "Not selected. Reached the interview stage.", "Prepare for interviews the way I prepare for exams."),
        (2001, "Not selected. The station is built with Russia.", "Learn Russian, and move to Houston to work at the Johnson Space Center."),
    ];

    /// <summary>Each rejection whose lesson became items of the goal: its year, the milestone and the skill.</summary>
    public static readonly IReadOnlyList<(int Year, string Milestone, string Skill)> LessonsApplied =
    [
        (1990, "pilot", "flying"),
        (1991, "scuba", "diving"),
        (2001, "russian", "russian"),
    ];

    public static void AddTo(RecetaDbContext db, User owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(owner);
        var goal = new Goal
        {
            OwnerId = owner.Id,
            Sequence = ++owner.GoalSequence,
            Id = Guid.CreateVersion7(now),
            Title = "Become a NASA astronaut",
            Purpose = "Touch the stars, like the Apollo 17 crew I watched on TV",
            StartDate = Start,
            TargetDate = Selection,
            WeeklyCapacityHours = 10,
            Status = GoalStatus.Achieved,
            MeasureUnit = "training hours",
            MeasureStart = 0,
            MeasureTarget = TrainingHoursTarget,
            MeasureAggregation = Aggregation.Sum,
            CreatedAt = now,
            Version = 1,
        };
        db.Goals.Add(goal);
        var ids = new IdSource(now);

        AddTrainingHours(db, goal, ids);
        var milestones = AddMilestones(db, goal, ids);
        var skills = AddSkills(db, goal, ids);
        AddWork(db, goal, ids, milestones, skills);
        AddHabits(db, goal, ids);
        var applications = AddAttempts(db, goal, ids);
        LinkLessons(applications, milestones, skills);
    }

    /// <summary>A monthly log of training hours that adds up to the target just before selection.</summary>
    private static void AddTrainingHours(RecetaDbContext db, Goal goal, IdSource ids)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(Start.Year, Start.Month, 28); month < Selection; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        // Effort grows over the years, with a yearly rhythm of busier and quieter seasons.
        var weights = months.Select((_, i) => 1 + (i / (double)months.Count) + (0.3 * Math.Sin(i / 2.0))).ToList();
        var scale = TrainingHoursTarget / weights.Sum();
        var logged = 0.0;
        for (var i = 0; i < months.Count; i++)
        {
            var hours = i == months.Count - 1 ? TrainingHoursTarget - logged : Math.Round(weights[i] * scale, 1);
            logged += hours;
            db.Entries.Add(new Entry
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Date = months[i], Value = hours,
                Note = i == 0 ? "First month at the University of the Pacific" : null,
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            });
        }
    }

    private static Dictionary<string, Milestone> AddMilestones(RecetaDbContext db, Goal goal, IdSource ids)
    {
        var milestones = new Dictionary<string, Milestone>();
        Milestone Add(string key, string title, DateOnly due, DateOnly done, double hours, double? targetValue, params string[] dependsOn)
        {
            var milestone = new Milestone
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = title, DueDate = due,
                EstimateHours = hours, TargetValue = targetValue, Status = MilestoneStatus.Done, CompletedOn = done,
                DependsOn = dependsOn.Select(d => milestones[d].Id).ToList(),
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            };
            milestones[key] = milestone;
            db.Milestones.Add(milestone);
            return milestone;
        }

        Add("degree", "Electrical engineering degree, University of the Pacific", new(1984, 6, 1), new(1984, 5, 26), 4000, 400);
        Add("masters", "Master's degree, UC Santa Barbara", new(1986, 12, 20), new(1986, 12, 13), 2000, 700, "degree");
        Add("livermore", "Engineer at Lawrence Livermore National Laboratory", new(1987, 9, 1), new(1987, 6, 1), 200, null, "masters");
        Add("pilot", "Pilot's license", new(1992, 12, 31), new(1992, 8, 15), 120, 2000, "livermore");
        Add("scuba", "Scuba certification", new(1993, 12, 31), new(1993, 10, 2), 60, null, "livermore");
        Add("russian", "Learn Russian", new(2002, 12, 31), new(2002, 11, 30), 600, 4200, "livermore");
        Add("selection", "Selected by NASA", Selection, Selection, 0, null, "pilot", "scuba", "russian");
        return milestones;
    }

    private static Dictionary<string, Skill> AddSkills(RecetaDbContext db, Goal goal, IdSource ids)
    {
        var skills = new Dictionary<string, Skill>();
        void Add(string key, string name, int level, int target, params (string Title, string? Url, bool Done)[] resources)
        {
            var skill = new Skill
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Name = name, Level = level, TargetLevel = target,
                Resources = resources.Select(r => new SkillResource { Title = r.Title, Url = r.Url, Done = r.Done }).ToList(),
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            };
            skills[key] = skill;
            db.Skills.Add(skill);
        }

        Add("english", "English", 5, 5, ("Evening classes with Miss Young", null, true));
        Add("engineering", "Electrical engineering", 5, 5, ("Signals and systems coursework", null, true));
        Add("flying", "Flying", 4, 4, ("Private pilot ground school", null, true), ("Instrument rating", null, true));
        Add("diving", "Diving", 4, 4, ("Open water certification", null, true), ("Master diver course", null, true));
        Add("russian", "Russian", 4, 5, ("Russian lessons in Houston", null, true), ("Conversation with cosmonaut colleagues", null, false));
        return skills;
    }

    private static void AddWork(RecetaDbContext db, Goal goal, IdSource ids, Dictionary<string, Milestone> milestones, Dictionary<string, Skill> skills)
    {
        void Log(DateOnly date, int minutes, string note, string milestone, string skill) => db.WorkSessions.Add(new WorkSession
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Date = date, Minutes = minutes, Note = note,
            MilestoneId = milestones[milestone].Id, SkillId = skills[skill].Id,
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        });

        for (var week = 0; week < 20; week++)
        {
            Log(new DateOnly(1992, 3, 7).AddDays(7 * week), 120, "Flight lesson", "pilot", "flying");
        }
        for (var week = 0; week < 8; week++)
        {
            Log(new DateOnly(1993, 8, 7).AddDays(7 * week), 180, "Dive training", "scuba", "diving");
        }
        for (var day = 0; day < 60; day++)
        {
            Log(new DateOnly(2002, 9, 2).AddDays(day), day % 7 == 6 ? 120 : 60, "Russian lesson", "russian", "russian");
        }
    }

    private static void AddHabits(RecetaDbContext db, Goal goal, IdSource ids)
    {
        var russian = new Habit
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = "Study Russian", Times = 5, PerDays = 7,
            Sequence = ++goal.Version, CreatedAt = ids.Now,
        };
        var run = new Habit
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = "Run", Times = 3, PerDays = 7,
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

    private static Dictionary<int, Attempt> AddAttempts(RecetaDbContext db, Goal goal, IdSource ids)
    {
        var applications = new Dictionary<int, Attempt>();
        foreach (var (year, feedback, lesson) in Applications)
        {
            db.Attempts.Add(applications[year] = new Attempt
            {
                OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = $"NASA astronaut application ({year})",
                Date = new DateOnly(year, 7, 1), Outcome = AttemptOutcome.Failed, Feedback = feedback, Lesson = lesson,
                Sequence = ++goal.Version, CreatedAt = ids.Now,
            });
        }
        db.Attempts.Add(new Attempt
        {
            OwnerId = goal.OwnerId, Id = ids.Next(), GoalId = goal.Id, Title = "NASA astronaut application (2003)",
            Date = Selection, Outcome = AttemptOutcome.Succeeded,
            Feedback = "Selected for the 2004 astronaut class, on the twelfth application.",
            Lesson = "Eleven rejections were eleven lessons. Never give up.",
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

    /// <summary>Time-ordered ids for seeded rows.</summary>
    private sealed class IdSource(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;

        public Guid Next() => Guid.CreateVersion7(Now);
    }
}
