-- The statements a cold read of progress, roadmap and dashboard sends (docs/adr/0012), as the app's
-- EF Core log shows them (Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information),
-- with the parameters as psql variables. On a database bench/scale/run.sh kept (KEEP=1):
--   psql -h 127.0.0.1 -p PORT -U postgres -d receta_100000 -v owner=UUID -v goal=UUID -v hash=HEX -f bench/scale/hot-queries.sql
-- (hash: the hex SHA-256 of the user's token secret; SQLite: EXPLAIN QUERY PLAN of the same statements.)
\set ON_ERROR_STOP on
\pset pager off

-- Authentication and the caller's standing on the goal, one statement (docs/adr/0013).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a."UserId", a."Id", a."Scope", a."ExpiresAt", a."LastUsedAt", u."TimeZone",
    (SELECT g."OwnerId" FROM "Goals" AS g WHERE g."Id" = :'goal' LIMIT 1),
    (SELECT g0."Version" FROM "Goals" AS g0 WHERE g0."Id" = :'goal' LIMIT 1),
    (SELECT c."Role" FROM "CircleMembers" AS c
     WHERE c."GoalId" = :'goal' AND c."UserId" = a."UserId" AND c."Status" = 'Active' LIMIT 1)
FROM "AccessTokens" AS a
INNER JOIN "Users" AS u ON a."UserId" = u."Id"
WHERE a."SecretHash" = decode(:'hash', 'hex')
LIMIT 1;

-- The goal, once per version.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT g.* FROM "Goals" AS g WHERE g."OwnerId" = :'owner' AND g."Id" = :'goal' LIMIT 1;

-- Progress: the measure's history, the milestones, breaks and work.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT e."Date", e."Value", e."Sequence" FROM "Entries" AS e WHERE e."OwnerId" = :'owner' AND e."GoalId" = :'goal';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m."DueDate", m."TargetValue", m."Sequence", m."Status", m."CompletedOn"
FROM "Milestones" AS m WHERE m."OwnerId" = :'owner' AND m."GoalId" = :'goal';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT g."From", g."To" FROM "GoalBreaks" AS g WHERE g."OwnerId" = :'owner' AND g."GoalId" = :'goal';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT w."Date", w."Minutes" FROM "WorkSessions" AS w WHERE w."OwnerId" = :'owner' AND w."GoalId" = :'goal';

-- Roadmap: minutes per milestone up to the day.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT w."MilestoneId", COALESCE(sum(w."Minutes"), 0)::int AS "Minutes"
FROM "WorkSessions" AS w
WHERE w."OwnerId" = :'owner' AND w."GoalId" = :'goal' AND w."MilestoneId" IS NOT NULL AND w."Date" <= DATE '2026-12-03'
GROUP BY w."MilestoneId";

-- Dashboard: the caller's goals, those shared with them, each goal by id (GoalScope.LoadAsync).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT g.* FROM "Goals" AS g WHERE g."OwnerId" = :'owner' AND g."Sequence" > 0 ORDER BY g."Sequence" LIMIT 101;

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c."OwnerId", c."GoalId", c."ListSequence", c."Role" FROM "CircleMembers" AS c
WHERE c."UserId" = :'owner' AND c."Status" = 'Active' AND c."ListSequence" > 0 ORDER BY c."ListSequence" LIMIT 101;

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT g.* FROM "Goals" AS g WHERE g."Id" = :'goal' LIMIT 1;

-- Dashboard: habits and the scorecard.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h."OwnerId", h."HabitId", h."Time", h."GoalId", h."Weekdays" FROM "HabitReminders" AS h
WHERE h."OwnerId" = :'owner' AND h."GoalId" = :'goal';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h."HabitId", h."Date" FROM "HabitChecks" AS h
WHERE h."OwnerId" = :'owner' AND h."GoalId" = :'goal' AND h."Date" <= DATE '2026-12-03';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT max(e."Date") FROM "Entries" AS e WHERE e."OwnerId" = :'owner' AND e."GoalId" = :'goal' AND e."Date" <= DATE '2026-12-03';

EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a."Id", a."Date", a."Sequence", a."Outcome", a."Lesson" FROM "Attempts" AS a
WHERE a."OwnerId" = :'owner' AND a."GoalId" = :'goal' AND a."Date" <= DATE '2026-12-03';
