using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Receta.Scale;

/// <summary>
/// The generated dataset as a pure function of (seed, users, entries): every id, date, value and
/// token secret is computed here, so that <c>generate</c> writes it, <c>measure</c> finds a user's
/// token and goals again without asking the database, and a test knows what the app must answer.
/// </summary>
/// <remarks>
/// User <c>u</c> owns goals <c>3u</c>, <c>3u+1</c>, <c>3u+2</c>. A goal's history length is drawn
/// from one skewed distribution whatever the size (1 % of goals are long, a thousand entries and
/// more; the rest have a few dozen at most), then every length is scaled by the same factor so that
/// they add up to <see cref="Entries"/> exactly: 1k users with 100k entries and 100k users with 10M
/// entries have the same histories per goal.
/// </remarks>
public sealed class Dataset
{
    public const int GoalsPerUser = 3;
    public const int MilestonesPerGoal = 3;

    /// <summary>The default density: 10M entries for 100k users.</summary>
    public const long EntriesPerUser = 100;

    /// <summary>The password every generated account shares (hashed once: one PBKDF2 per account would take hours).</summary>
    public const string Password = "receta scale bench passphrase";

    /// <summary>Goals start on a day of the two years from here; histories run for up to <see cref="MaxSpanDays"/> after.</summary>
    public static readonly DateOnly FirstStart = new(2022, 1, 1);

    private const int StartDays = 730;
    private const int MaxSpanDays = 1400;
    private const double LongShare = 0.01;

    /// <summary>Per history: when the goal was made (a day before its start) and when the first account was.</summary>
    private static readonly DateTimeOffset FirstAccount = new(2021, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] TimeZones = ["UTC", "America/Mexico_City", "America/Los_Angeles", "Europe/Madrid", "Asia/Tokyo"];

    private readonly int[] _lengths;
    private readonly int[] _startOffsets;

    public Dataset(int users, long entries, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(entries);
        Users = users;
        Entries = entries;
        Seed = seed;
        var goals = users * GoalsPerUser;
        _lengths = new int[goals];
        _startOffsets = new int[goals];
        var raw = new long[goals];
        long rawSum = 0;
        for (var g = 0; g < goals; g++)
        {
            var draw = Mix(seed, 1, g, 0);
            var isLong = Unit(draw) < LongShare;
            raw[g] = isLong ? 1000 + (long)(Mix(seed, 2, g, 0) % 3001) : (long)(Mix(seed, 2, g, 0) % 41);
            rawSum += raw[g];
            _startOffsets[g] = (int)(Mix(seed, 3, g, 0) % StartDays);
        }
        // Cumulative rounding: every goal scaled by entries / rawSum, and the lengths add up exactly.
        long cumulative = 0;
        long placed = 0;
        for (var g = 0; g < goals; g++)
        {
            cumulative += raw[g];
            var upTo = rawSum == 0 ? 0 : (long)((Int128)cumulative * entries / rawSum);
            _lengths[g] = checked((int)(upTo - placed));
            placed = upTo;
        }
    }

    public int Users { get; }

    public long Entries { get; }

    public long Seed { get; }

    public int Goals => _lengths.Length;

    public static int OwnerOf(int goal) => goal / GoalsPerUser;

    public static IEnumerable<int> GoalsOf(int user) => Enumerable.Range(user * GoalsPerUser, GoalsPerUser);

    /// <summary>How many entries goal <paramref name="goal"/> has.</summary>
    public int LengthOf(int goal) => _lengths[goal];

    /// <summary>The goals whose history is long (a thousand entries or more at the default density).</summary>
    public bool IsLong(int goal) => Unit(Mix(Seed, 1, goal, 0)) < LongShare;

    public DateOnly StartOf(int goal) => FirstStart.AddDays(_startOffsets[goal]);

    /// <summary>Days from the goal's start to its last entry: three per entry, at most <see cref="MaxSpanDays"/>.</summary>
    public int SpanOf(int goal) => Math.Clamp(3 * _lengths[goal], 1, MaxSpanDays);

    public DateOnly TargetDateOf(int goal) => StartOf(goal).AddDays(SpanOf(goal) + SpanOf(goal) / 10 + 30);

    /// <summary>Entries add up (aggregation sum) to about three a day's worth: the target is a tenth above that.</summary>
    public double TargetOf(int goal) => Math.Round(3.3 * _lengths[goal]) + 10;

    /// <summary>Entry <paramref name="index"/> (0-based, in date order) of <paramref name="goal"/>: spread evenly over its span.</summary>
    public DateOnly EntryDate(int goal, int index) => StartOf(goal).AddDays((int)((long)index * SpanOf(goal) / Math.Max(1, _lengths[goal])));

    /// <summary>A whole number of hours from 1 to 5, so that sums are exact in floating point.</summary>
    public double EntryValue(int goal, int index) => 1 + (double)(Mix(Seed, 4, goal, index) % 5);

    public double SumOf(int goal)
    {
        double sum = 0;
        for (var i = 0; i < _lengths[goal]; i++)
        {
            sum += EntryValue(goal, i);
        }
        return sum;
    }

    public static DateTimeOffset UserCreatedAt(int user) => FirstAccount.AddSeconds(user);

    public Guid UserId(int user) => Version7(UserCreatedAt(user), Mix(Seed, 5, user, 0));

    public static string Email(int user) => $"scale-{user}@example.test";

    public static string TimeZoneOf(int user) => TimeZones[user % TimeZones.Length];

    public DateTimeOffset GoalCreatedAt(int goal) => new DateTimeOffset(StartOf(goal).AddDays(-1), TimeOnly.MinValue, TimeSpan.Zero).AddSeconds(goal % 86_400);

    public Guid GoalId(int goal) => Version7(GoalCreatedAt(goal), Mix(Seed, 6, goal, 0));

    public Guid MilestoneId(int goal, int index) => Version7(GoalCreatedAt(goal).AddMilliseconds(index + 1), Mix(Seed, 7, goal, index));

    public DateTimeOffset EntryCreatedAt(int goal, int index) =>
        new DateTimeOffset(EntryDate(goal, index), new TimeOnly(12, 0), TimeSpan.Zero).AddSeconds(goal % 3_600).AddMilliseconds(index % 1_000);

    public Guid EntryId(int goal, int index) => Version7(EntryCreatedAt(goal, index), Mix(Seed, 8, goal, index));

    public Guid TokenId(int user) => Version7(UserCreatedAt(user), Mix(Seed, 9, user, 0));

    /// <summary>
    /// The personal access token of <paramref name="user"/>: <c>rct_</c> and 43 base64url characters,
    /// as the app makes them, but derived from the seed instead of drawn, so that <c>measure</c> can
    /// sign in as anyone. Only its SHA-256 is stored, as for any token.
    /// </summary>
    public string TokenSecret(int user) =>
        "rct_" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"receta-scale:{Seed}:{user}"))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Identity's security stamp: 32 characters of base32, as Identity draws them.</summary>
    public string SecurityStamp(int user)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var stamp = new char[32];
        for (var i = 0; i < stamp.Length; i++)
        {
            stamp[i] = Alphabet[(int)(Mix(Seed, 10, user, i) % 32)];
        }
        return new string(stamp);
    }

    /// <summary>A version-7 UUID (timestamp first, as <c>Guid.CreateVersion7</c> makes them) with seeded random bits.</summary>
    private static Guid Version7(DateTimeOffset at, ulong random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.ToUnixTimeMilliseconds() << 16);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], random);
        var more = Mix((long)random, 0, 0, 0);
        bytes[6] = (byte)(0x70 | (int)(more & 0x0F));
        bytes[7] = (byte)(more >> 8);
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 over the inputs: the same numbers on every machine and run (never a hash code).</summary>
    private static ulong Mix(long seed, int stream, long a, long b)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)a * 0x94D049BB133111EBUL ^ (ulong)b * 0xD6E8FEB86659FD93UL);
        for (var round = 0; round < 2; round++)
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
        }
        return x;
    }
}
