namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): expands one 64-bit seed into the state of <see cref="Xoshiro256StarStar"/>.
/// Written out here so a recorded seed gives the same draw on every .NET version.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
