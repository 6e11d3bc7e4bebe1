-- A backup as Loop 2.0 writes it (schema 24): uuids, and no notes yet.
PRAGMA user_version = 24;
CREATE TABLE android_metadata (locale TEXT);
CREATE TABLE Habits (
    id integer primary key autoincrement,
    archived integer,
    color integer,
    description text,
    freq_den integer,
    freq_num integer,
    highlight integer,
    name text,
    position integer,
    reminder_hour integer,
    reminder_min integer
, reminder_days integer not null default 127, type integer not null default 0, target_type integer not null default 0, target_value real not null default 0, unit text not null default "", question text, uuid text);
CREATE TABLE Events (
    id integer primary key autoincrement,
    timestamp integer,
    message text,
    server_id integer
);
CREATE TABLE Repetitions (
        id integer primary key autoincrement,
        habit integer not null references habits(id),
        timestamp integer not null,
        value integer not null);
CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(
        habit, timestamp);
INSERT INTO android_metadata VALUES('de_DE');
-- Migration 24 gave the habits that existed then lower(hex(randomblob(16) || id)): longer than 32.
INSERT INTO Habits VALUES(1,0,8,'',1,1,0,'Floss',1,NULL,NULL,0,0,0,0.0,'','Did you floss?','8f14e45fceea167a5a36dedd4bea254331');
INSERT INTO Habits VALUES(2,0,3,'',1,1,0,'Pushups',0,NULL,NULL,0,1,0,50.0,'reps','How many pushups?','45c48cce2e2d7fbdea1afc51c7c6ad2632');
INSERT INTO Habits VALUES(3,1,15,'Lesson on Saturdays',40,1,0,'Piano',2,NULL,NULL,0,0,0,0.0,'','Did you practise?','d3d9446802a44259755d38e6d163e820');
INSERT INTO Repetitions VALUES(1,1,1651363200000,2);
INSERT INTO Repetitions VALUES(2,1,1651449600000,3);
INSERT INTO Repetitions VALUES(3,1,1651536000000,2);
INSERT INTO Repetitions VALUES(4,2,1651363200000,40000);
INSERT INTO Repetitions VALUES(5,2,1651449600000,0);
INSERT INTO Repetitions VALUES(6,2,1651536000000,55000);
INSERT INTO Repetitions VALUES(7,3,1651622400000,2);
