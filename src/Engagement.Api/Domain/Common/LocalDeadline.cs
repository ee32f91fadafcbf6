namespace Engagement.Api.Domain.Common;

/// <summary>
/// "Until 17 March 2022 midnight Vienna time": open through the last day, closed from 00:00:00 of the next day in
/// the time zone (Europe/Vienna by default), whatever the UTC offset that night (CET in winter, CEST in summer).
/// </summary>
public sealed record LocalDeadline(DateOnly LastDay, string TimeZoneId)
{
    public const string Vienna = "Europe/Vienna";

    /// <summary>The first instant at which the deadline has passed.</summary>
    public DateTimeOffset ClosesAt
    {
        get
        {
            var zone = FindZone(TimeZoneId);
            var midnight = LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // A zone whose clocks skip midnight: the first local instant that exists after it.
            while (zone.IsInvalidTime(midnight))
            {
                midnight = midnight.AddMinutes(1);
            }
            // Midnight that happens twice (clocks set back across it): the first one.
            var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
            return new DateTimeOffset(midnight, offset);
        }
    }

    public bool HasPassed(DateTimeOffset now) => now >= ClosesAt;

    /// <summary>The local date and time of <paramref name="instant"/> in the deadline's zone.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, FindZone(TimeZoneId)).DateTime;

    public static bool IsKnownZone(string timeZoneId)
    {
        try
        {
            FindZone(timeZoneId);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static TimeZoneInfo FindZone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
}
