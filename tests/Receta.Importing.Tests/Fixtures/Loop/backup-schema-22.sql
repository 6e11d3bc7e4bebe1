-- A backup as Loop 1.8 writes it (schema 22): no question (description holds it), no uuid, no notes.
PRAGMA user_version = 22;
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
, reminder_days integer not null default 127, type integer not null default 0, target_type integer not null default 0, target_value real not null default 0, unit text not null default "");
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
INSERT INTO android_metadata VALUES('en_US');
-- Loop's own schema-22 test database starts its ids at 0.
INSERT INTO Habits VALUES(0,0,8,'Did you work out?',1,1,0,'Work out',0,18,0,113,0,0,0.0,'');
INSERT INTO Habits VALUES(1,0,4,'Did you read?',7,3,0,'Read',1,NULL,NULL,0,0,0,0.0,'');
INSERT INTO Habits VALUES(2,0,10,'How many glasses?',1,1,0,'Water',2,NULL,NULL,0,1,0,8.0,'glasses');
INSERT INTO Repetitions VALUES(1,0,1572825600000,2);
INSERT INTO Repetitions VALUES(2,0,1572912000000,2);
INSERT INTO Repetitions VALUES(3,0,1572998400000,0);
INSERT INTO Repetitions VALUES(4,1,1572912000000,2);
INSERT INTO Repetitions VALUES(5,1,1573084800000,3);
INSERT INTO Repetitions VALUES(6,2,1572825600000,6000);
INSERT INTO Repetitions VALUES(7,2,1573171200000,9000);
