using Reporting.Api.Domain.Figures;

namespace Reporting.Tests.Domain;

public sealed class PhaseThresholdTests
{
    [Theory]
    [InlineData(62, 44)]
    [InlineData(63, 45)]
    [InlineData(64, 45)]
    [InlineData(10, 7)]
    public void SeventyPercentOfTheReviewsForeseenIsCountedInWholeReviews(int foreseen, int required) =>
        Assert.Equal(required, new PhaseThreshold().ReviewsRequired(foreseen));
}
