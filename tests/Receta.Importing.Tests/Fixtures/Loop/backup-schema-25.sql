-- A backup as Loop 2.1 to 2.3.1 writes it (schema 25): the net result of migrations 09 to 25.
PRAGMA user_version = 25;
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
        value integer not null, notes text);
CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(
        habit, timestamp);
INSERT INTO android_metadata VALUES('en_US');
-- id, archived, color, description, freq_den, freq_num, highlight, name, position, reminder_hour, reminder_min,
-- reminder_days, type, target_type, target_value, unit, question, uuid
INSERT INTO Habits VALUES(1,0,8,'10 minutes after waking up',1,1,0,'Meditate',0,7,30,127,0,0,0.0,'','Did you meditate today?','5b6d0f3c9a0e4f4f8d1c2b7a6e5d4c3b');
INSERT INTO Habits VALUES(2,0,1,'',7,1,0,'Run',1,NULL,NULL,0,1,0,15.0,'km','How far did you run today?','a84e0d55c1f04b7c8e2f19d3b6a7c402');
INSERT INTO Habits VALUES(3,0,5,'Any book counts',7,3,0,'Read, 20 pages',2,NULL,NULL,0,0,0,0.0,'','Did you read 20 pages?','c0ffee51d2a94e0b8f7e6d5c4b3a291833');
INSERT INTO Habits VALUES(4,1,19,'',60,1,0,'Blood donation',3,NULL,NULL,0,0,0,0.0,'','Did you give blood?','0d0b1e2c3a4f5e6d7c8b9a0f1e2d3c4b');
-- id, habit, timestamp (00:00 UTC of the local date), value, notes
INSERT INTO Repetitions VALUES(1,1,1741910400000,2,'Felt calm');
INSERT INTO Repetitions VALUES(2,1,1741824000000,0,'');
INSERT INTO Repetitions VALUES(3,1,1741737600000,3,'Travelling');
INSERT INTO Repetitions VALUES(4,1,1741651200000,-1,'A note and no answer');
INSERT INTO Repetitions VALUES(5,2,1741824000000,5250,'Park loop');
INSERT INTO Repetitions VALUES(6,2,1741651200000,3,'');
INSERT INTO Repetitions VALUES(7,2,1741564800000,0,'');
INSERT INTO Repetitions VALUES(8,2,1741392000000,-1,'');
INSERT INTO Repetitions VALUES(9,2,1741219200000,4500,'Treadmill, "easy" pace');
INSERT INTO Repetitions VALUES(10,2,1741132800000,-250,'');
INSERT INTO Repetitions VALUES(11,3,1741824000000,2,NULL);
INSERT INTO Repetitions VALUES(12,3,1741737600000,2,NULL);
INSERT INTO Repetitions VALUES(13,3,1741564800000,2,'Chapter 3');
INSERT INTO Repetitions VALUES(14,4,1737331200000,2,NULL);
INSERT INTO Events VALUES(1,1741910400000,'sync',NULL);
