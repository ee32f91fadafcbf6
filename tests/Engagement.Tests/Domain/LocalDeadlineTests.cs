using Engagement.Api.Domain.Common;

namespace Engagement.Tests.Domain;

public sealed class LocalDeadlineTests
{
    [Theory]
    // Winter (CET, UTC+1) and summer (CEST, UTC+2).
    [InlineData("2022-03-17", "2022-03-17T23:00:00Z")]
    [InlineData("2022-05-08", "2022-05-08T22:00:00Z")]
    // The nights around the changes of 2027 (28 March, 31 October): the offset of the closing midnight counts.
    [InlineData("2027-03-27", "2027-03-27T23:00:00Z")]
    [InlineData("2027-03-28", "2027-03-28T22:00:00Z")]
    [InlineData("2027-10-30", "2027-10-30T22:00:00Z")]
    [InlineData("2027-10-31", "2027-10-31T23:00:00Z")]
    public void ApplicationsCloseAtTheMidnightEndingTheLastDayInVienna(string lastDay, string closesAtUtc)
    {
        var deadline = new LocalDeadline(DateOnly.Parse(lastDay), LocalDeadline.Vienna);

        Assert.Equal(DateTimeOffset.Parse(closesAtUtc), deadline.ClosesAt);
    }

    [Theory]
    [InlineData("2022-03-17")]
    [InlineData("2022-05-08")]
    [InlineData("2027-03-28")]
    [InlineData("2027-10-31")]
    public void OneSecondBeforeMidnightViennaIsOpenAndMidnightIsClosed(string lastDay)
    {
        var deadline = new LocalDeadline(DateOnly.Parse(lastDay), LocalDeadline.Vienna);

        Assert.False(deadline.HasPassed(deadline.ClosesAt.AddSeconds(-1)));
        Assert.True(deadline.HasPassed(deadline.ClosesAt));
        Assert.Equal(new DateTime(DateOnly.Parse(lastDay), new TimeOnly(23, 59, 59)), deadline.ToLocal(deadline.ClosesAt.AddSeconds(-1)));
    }

    [Fact]
    public void AnotherTimeZoneCanBeNamed()
    {
        var deadline = new LocalDeadline(new DateOnly(2027, 1, 15), "America/New_York");

        Assert.Equal(DateTimeOffset.Parse("2027-01-16T05:00:00Z"), deadline.ClosesAt);
    }
}
