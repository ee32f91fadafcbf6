namespace Reviews.Tests.Support;

/// <summary>A TimeProvider the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void AdvanceDays(int days) => _now = _now.AddDays(days);

    public void Set(DateTimeOffset to) => _now = to;

    public static ManualClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
}
