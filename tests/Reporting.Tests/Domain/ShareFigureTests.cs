using Reporting.Api.Domain.Figures;

namespace Reporting.Tests.Domain;

public sealed class ShareFigureTests
{
    [Theory]
    [InlineData(60, 189, "31.7%")]
    [InlineData(34, 189, "17.9%")]
    [InlineData(79, 189, "41.7%")]
    [InlineData(0, 189, "0.0%")]
    [InlineData(189, 189, "100.0%")]
    [InlineData(1, 0, "0.0%")]
    public void ASharesDisplayIsTruncatedToOneDecimalAsInTheSlides(int count, int of, string display) =>
        Assert.Equal(display, ShareFigure.From(count, of).Display);

    [Fact]
    public void TheSecondPartOfAWholeShowsOneHundredMinusTheFirst()
    {
        var active = ShareFigure.From(60, 189);
        var notStarted = ShareFigure.ComplementOf(active);
        Assert.Equal((129, 189, "68.3%"), (notStarted.Count, notStarted.Of, notStarted.Display));
        Assert.Equal(68.25, notStarted.Percent, 2);
    }
}
