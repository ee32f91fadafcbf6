using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Support;

/// <summary>The tests' clocks: FakeTimeProvider (it only moves forward; a test that needs an earlier time takes a new one).</summary>
public static class Clocks
{
    /// <summary>09:00 UTC on the day.</summary>
    public static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
}
