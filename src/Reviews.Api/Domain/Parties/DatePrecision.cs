namespace Reviews.Api.Domain.Parties;

/// <summary>How precisely a ratification date is known.</summary>
public enum DatePrecision
{
    /// <summary>
    /// Party since before the data snapshot, exact date not recorded: treated as party on any date
    /// (the data file flags parties, it does not date most of them).
    /// </summary>
    NotRecorded = 0,

    Day = 1,

    /// <summary>Only the month is known: effective from the month's last day (never earlier than sure).</summary>
    Month = 2,

    /// <summary>Only the year is known: effective from 31 December of that year.</summary>
    Year = 3,
}
