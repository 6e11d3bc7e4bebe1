using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Receta.Core.Progress;

/// <summary>
/// The paths of the Monte Carlo forecast, in values normalized so that "toward the target" is up.
/// Four paths run side by side, so their additions (each waiting on the one before) overlap; a lane
/// that finishes takes the next path. Each path draws from its own generator, so its result never
/// depends on which lane ran it or on what other paths did.
/// </summary>
internal sealed class ForecastSimulation
{
    private const int Lanes = 4;
    private const int RoundDays = 64;
    private const int BufferLength = RoundDays + Xoshiro256StarStar.IndicesPerBatch;

    private readonly double[] _steps;
    private readonly ulong[] _powers;
    private readonly double _start;
    private readonly double _target;
    private readonly double _nearTarget;
    private readonly int _horizonDays;
    private int _nextHorizon;

    private readonly Xoshiro256StarStar[] _generators = new Xoshiro256StarStar[Lanes];
    private readonly byte[] _draws = new byte[Lanes * BufferLength];
    private readonly int[] _drawStart = new int[Lanes];
    private readonly int[] _drawCount = new int[Lanes];
    private readonly double[] _value = new double[Lanes];
    private readonly int[] _day = new int[Lanes];
    private readonly int[] _horizon = new int[Lanes];
    private readonly int[] _reachedOn = new int[Lanes];
    private readonly bool[] _running = new bool[Lanes];

    /// <param name="steps">The daily changes, normalized; 2 to 255 of them.</param>
    /// <param name="start">Today's value, normalized.</param>
    /// <param name="target">The target, normalized.</param>
    /// <param name="horizonDays">The longest a path is followed.</param>
    public ForecastSimulation(double[] steps, double start, double target, int horizonDays)
    {
        _steps = steps;
        _powers = Xoshiro256StarStar.BatchPowers((ulong)steps.Length);
        _start = start;
        _target = target;
        _nearTarget = NearTarget(target);
        _horizonDays = horizonDays;
    }

    /// <summary>Below this a value cannot equal the target within the tolerance: a cheap test that skips the exact one.</summary>
    public static double NearTarget(double target) => target - (2 * Tolerance.Relative * Math.Max(1, Math.Abs(target)));

    /// <summary>
    /// Runs <paramref name="paths"/> paths, path <c>p</c> seeded by the <c>p</c>-th output of <paramref name="seeds"/>,
    /// counting in <paramref name="reachedOn"/>[d] the paths first reaching the target on day d (1-based).
    /// Returns false once more than <paramref name="mostNevers"/> paths never reach it: the percentiles are lost then,
    /// so the paths still to run are followed only for <paramref name="daysStillCounted"/> days (the days that still
    /// matter to the caller), and not at all when that is 0.
    /// </summary>
    public bool Run(ref Xoshiro256StarStar seeds, int paths, int[] reachedOn, int mostNevers, int daysStillCounted)
    {
        var nextPath = 0;
        var nevers = 0;
        var complete = true;
        _nextHorizon = _horizonDays;
        for (var lane = 0; lane < Lanes; lane++)
        {
            _running[lane] = false;
            if (nextPath < paths)
            {
                Begin(lane, seeds.NextUInt64());
                nextPath++;
            }
        }
        while (_running.AsSpan().Contains(true))
        {
            RunRound();
            for (var lane = 0; lane < Lanes; lane++)
            {
                if (!_running[lane])
                {
                    continue;
                }
                if (_reachedOn[lane] > 0)
                {
                    reachedOn[_reachedOn[lane]]++;
                }
                else if (_day[lane] >= _horizon[lane])
                {
                    if (++nevers > mostNevers && complete)
                    {
                        complete = false;
                        _nextHorizon = Math.Min(_horizonDays, daysStillCounted);
                        if (_nextHorizon <= 0)
                        {
                            return false;
                        }
                    }
                }
                else
                {
                    continue;
                }
                _running[lane] = false;
                _drawStart[lane] = 0;
                if (nextPath < paths)
                {
                    Begin(lane, seeds.NextUInt64());
                    nextPath++;
                }
            }
        }
        return complete;
    }

    private void Begin(int lane, ulong seed)
    {
        _generators[lane] = Xoshiro256StarStar.FromSeed(seed);
        _drawStart[lane] = 0;
        _drawCount[lane] = 0;
        _value[lane] = _start;
        _day[lane] = 0;
        _horizon[lane] = _nextHorizon;
        _reachedOn[lane] = 0;
        _running[lane] = true;
    }

    // Advances every running lane by the same number of days, at most a round and never past a lane's horizon.
    private void RunRound()
    {
        var days = RoundDays;
        for (var lane = 0; lane < Lanes; lane++)
        {
            if (_running[lane])
            {
                days = Math.Min(days, _horizon[lane] - _day[lane]);
            }
        }
        for (var lane = 0; lane < Lanes; lane++)
        {
            if (_running[lane])
            {
                Draw(lane, days);
            }
        }

        // A lane not running (or already there) gets an unreachable threshold; its buffer still holds valid indices.
        var nearA = Vector128.Create(Near(0), Near(1));
        var nearB = Vector128.Create(Near(2), Near(3));
        var valuesA = Vector128.Create(_value[0], _value[1]);
        var valuesB = Vector128.Create(_value[2], _value[3]);
        var draws = new LaneDraws(
            _draws.AsSpan((0 * BufferLength) + _drawStart[0], days),
            _draws.AsSpan((1 * BufferLength) + _drawStart[1], days),
            _draws.AsSpan((2 * BufferLength) + _drawStart[2], days),
            _draws.AsSpan((3 * BufferLength) + _drawStart[3], days));
        var day = 0;
        while ((day = Advance(_steps, draws, day, days, ref valuesA, ref valuesB, nearA, nearB)) < days)
        {
            // Some lane came near the target on this day: see which ones are there.
            nearA = Vector128.Create(Arrive(0, valuesA.GetElement(0), day, nearA.GetElement(0)), Arrive(1, valuesA.GetElement(1), day, nearA.GetElement(1)));
            nearB = Vector128.Create(Arrive(2, valuesB.GetElement(0), day, nearB.GetElement(0)), Arrive(3, valuesB.GetElement(1), day, nearB.GetElement(1)));
            day++;
        }
        _value[0] = valuesA.GetElement(0);
        _value[1] = valuesA.GetElement(1);
        _value[2] = valuesB.GetElement(0);
        _value[3] = valuesB.GetElement(1);
        for (var lane = 0; lane < Lanes; lane++)
        {
            if (_running[lane])
            {
                _day[lane] += days;
                _drawStart[lane] += days;
                _drawCount[lane] -= days;
            }
        }
    }

    /// <summary>
    /// Adds each lane's drawn steps day by day from <paramref name="from"/>, stopping after the first day on which
    /// a lane is at or past its threshold; returns that day's position in the round, or <paramref name="days"/>.
    /// </summary>
    private static int Advance(
        double[] steps, LaneDraws draws, int from, int days, ref Vector128<double> valuesA, ref Vector128<double> valuesB,
        Vector128<double> nearA, Vector128<double> nearB)
    {
        // Every index is below the number of steps (a digit in that base) and every span was checked when sliced,
        // so the hot loop reads without bounds checks; unchecked, as the day counter cannot overflow.
        unchecked
        {
            ref var step = ref MemoryMarshal.GetArrayDataReference(steps);
            ref var draws0 = ref MemoryMarshal.GetReference(draws.Lane0);
            ref var draws1 = ref MemoryMarshal.GetReference(draws.Lane1);
            ref var draws2 = ref MemoryMarshal.GetReference(draws.Lane2);
            ref var draws3 = ref MemoryMarshal.GetReference(draws.Lane3);
            var a = valuesA;
            var b = valuesB;
            var day = from;
            for (; day < days; day++)
            {
                a += Vector128.Create(Unsafe.Add(ref step, Unsafe.Add(ref draws0, day)), Unsafe.Add(ref step, Unsafe.Add(ref draws1, day)));
                b += Vector128.Create(Unsafe.Add(ref step, Unsafe.Add(ref draws2, day)), Unsafe.Add(ref step, Unsafe.Add(ref draws3, day)));
                var near = Vector128.GreaterThanOrEqual(a, nearA) | Vector128.GreaterThanOrEqual(b, nearB);
                if (Vector128.ExtractMostSignificantBits(near) != 0)
                {
                    break;
                }
            }
            valuesA = a;
            valuesB = b;
            return day;
        }
    }

    private double Near(int lane) => _running[lane] && _reachedOn[lane] == 0 ? _nearTarget : double.PositiveInfinity;

    // Records the lane's arrival when the value reached the target; returns the lane's threshold from now on.
    private double Arrive(int lane, double value, int dayInRound, double near)
    {
        if (value >= near && Tolerance.Compare(value, _target) >= 0)
        {
            _reachedOn[lane] = _day[lane] + dayInRound + 1;
            return double.PositiveInfinity;
        }
        return near;
    }

    // Makes sure the lane has `days` unused indices, keeping leftovers so that a path's draws never depend on round lengths.
    private void Draw(int lane, int days)
    {
        var buffer = _draws.AsSpan(lane * BufferLength, BufferLength);
        var count = _drawCount[lane];
        if (count >= days)
        {
            return;
        }
        buffer.Slice(_drawStart[lane], count).CopyTo(buffer);
        var batches = (days - count + Xoshiro256StarStar.IndicesPerBatch - 1) / Xoshiro256StarStar.IndicesPerBatch;
        _generators[lane].FillIndices(buffer.Slice(count, batches * Xoshiro256StarStar.IndicesPerBatch), _powers);
        count += batches * Xoshiro256StarStar.IndicesPerBatch;
        _drawStart[lane] = 0;
        _drawCount[lane] = count;
    }

    /// <summary>The four lanes' draws for one round.</summary>
    private readonly ref struct LaneDraws(ReadOnlySpan<byte> lane0, ReadOnlySpan<byte> lane1, ReadOnlySpan<byte> lane2, ReadOnlySpan<byte> lane3)
    {
        public readonly ReadOnlySpan<byte> Lane0 = lane0;
        public readonly ReadOnlySpan<byte> Lane1 = lane1;
        public readonly ReadOnlySpan<byte> Lane2 = lane2;
        public readonly ReadOnlySpan<byte> Lane3 = lane3;
    }
}
