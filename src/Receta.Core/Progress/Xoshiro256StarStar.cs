using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// Seeds from SHA-256 of the UTF-8 <paramref name="text"/>: the same question (a goal id and a day) seeds the same
    /// stream on every node, never a per-process hash.
    /// </summary>
    public static Xoshiro256StarStar FromText(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return new Xoshiro256StarStar(digest);
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

    /// <summary>
    /// Fills <paramref name="indices"/> (a multiple of <see cref="IndicesPerBatch"/> long) with uniform, independent
    /// indices in 0..n−1, eight from each 64-bit output <c>r</c>: Lemire's multiply-and-reject over <c>M = n⁸</c>
    /// (Lemire and Brackett, batched ranged random integers), so there is no bias. The index <c>floor(r·M / 2⁶⁴)</c>
    /// is read as eight base-n digits, the k-th being <c>floor(r·nᵏ / 2⁶⁴) − n·floor(r·nᵏ⁻¹ / 2⁶⁴)</c>:
    /// independent multiplications rather than a chain.
    /// </summary>
    /// <param name="indices">Where the indices go.</param>
    /// <param name="powers"><see cref="BatchPowers"/>(n).</param>
    public void FillIndices(Span<byte> indices, ReadOnlySpan<ulong> powers)
    {
        if (indices.Length % IndicesPerBatch != 0 || powers.Length != IndicesPerBatch + 1)
        {
            throw new ArgumentException("Indices come in batches of eight, from n¹ … n⁸ and the rejection threshold.");
        }
        // Locals keep the state and the powers in registers; unchecked, as these products are meant to wrap.
        var generator = this;
        var (p1, p2, p3, p4, p5, p6, p7, p8, rejectBelow) =
            (powers[0], powers[1], powers[2], powers[3], powers[4], powers[5], powers[6], powers[7], powers[8]);
        unchecked
        {
            for (var i = 0; i < indices.Length; i += IndicesPerBatch)
            {
                ulong r;
                do
                {
                    r = generator.NextUInt64();
                }
                while (r * p8 < rejectBelow);
                var i1 = Math.BigMul(r, p1, out _);
                var i2 = Math.BigMul(r, p2, out _);
                var i3 = Math.BigMul(r, p3, out _);
                var i4 = Math.BigMul(r, p4, out _);
                var i5 = Math.BigMul(r, p5, out _);
                var i6 = Math.BigMul(r, p6, out _);
                var i7 = Math.BigMul(r, p7, out _);
                var i8 = Math.BigMul(r, p8, out _);
                var digits = i1
                    | ((i2 - (p1 * i1)) << 8)
                    | ((i3 - (p1 * i2)) << 16)
                    | ((i4 - (p1 * i3)) << 24)
                    | ((i5 - (p1 * i4)) << 32)
                    | ((i6 - (p1 * i5)) << 40)
                    | ((i7 - (p1 * i6)) << 48)
                    | ((i8 - (p1 * i7)) << 56);
                BinaryPrimitives.WriteUInt64LittleEndian(indices[i..], digits);
            }
        }
        this = generator;
    }

    /// <summary>How many indices <see cref="FillIndices"/> draws from one 64-bit output.</summary>
    public const int IndicesPerBatch = 8;

    /// <summary>
    /// What <see cref="FillIndices"/> needs for <paramref name="bound"/>: its powers 1 to 8, then 2⁶⁴ mod bound⁸
    /// (a batch whose remainder is below it would over-represent some indices).
    /// </summary>
    /// <param name="bound">2 to 255, so that bound⁸ fits in 64 bits and each index in a byte.</param>
    public static ulong[] BatchPowers(ulong bound)
    {
        if (bound is < 2 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "Batched indices need a bound from 2 to 255.");
        }
        var powers = new ulong[IndicesPerBatch + 1];
        var power = 1UL;
        for (var k = 0; k < IndicesPerBatch; k++)
        {
            power = unchecked(power * bound);
            powers[k] = power;
        }
        powers[IndicesPerBatch] = unchecked(0UL - power) % power;
        return powers;
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
