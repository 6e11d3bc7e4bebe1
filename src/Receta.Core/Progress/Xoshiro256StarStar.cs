using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Receta.Core.Progress;

/// <summary>
/// xoshiro256** (Blackman and Vigna), a small deterministic generator whose output is fixed by its
/// seed on every platform and runtime, unlike <see cref="Random"/>'s unspecified algorithm.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private ulong _spare;
    private bool _hasSpare;

    /// <summary>Seeds from 32 bytes (read as four little-endian 64-bit words), e.g. a SHA-256 digest.</summary>
    public Xoshiro256StarStar(ReadOnlySpan<byte> seed)
    {
        if (seed.Length < 32)
        {
            throw new ArgumentException("The seed must be 32 bytes.", nameof(seed));
        }
        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(seed);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(seed[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(seed[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(seed[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is the one state xoshiro cannot leave.
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    /// <summary>Seeds from one 64-bit value expanded by SplitMix64, as the xoshiro authors recommend.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var generator = default(Xoshiro256StarStar);
        generator._s0 = SplitMix64(ref seed);
        generator._s1 = SplitMix64(ref seed);
        generator._s2 = SplitMix64(ref seed);
        generator._s3 = SplitMix64(ref seed);
        return generator;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>The next 32 uniformly distributed bits: the two halves of one 64-bit output in turn.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return unchecked((uint)_spare);
        }
        var bits = NextUInt64();
        _spare = bits;
        _hasSpare = true;
        return (uint)(bits >> 32);
    }

    /// <summary>
    /// A uniform index in 0..<paramref name="bound"/>−1 without bias (Lemire's multiply-and-reject),
    /// with <paramref name="rejectBelow"/> = <see cref="RejectionThreshold"/>(<paramref name="bound"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextIndex(uint bound, uint rejectBelow)
    {
        // The high half of the 64-bit product is the index; the low half, truncated on purpose, decides rejection.
        var product = (ulong)NextUInt32() * bound;
        while (unchecked((uint)product) < rejectBelow)
        {
            product = (ulong)NextUInt32() * bound;
        }
        return (int)(product >> 32);
    }

    /// <summary>2³² mod <paramref name="bound"/>: low products below it would over-represent some indices.</summary>
    public static uint RejectionThreshold(uint bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        return unchecked(0u - bound) % bound;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
