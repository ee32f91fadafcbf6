using System.Globalization;

namespace Reporting.Api.Domain.Figures;

/// <summary>
/// A count out of a whole, shown the way the secretariat's slides show it: one decimal, truncated (60 of 189 is
/// 31.74...% and reads "31.7%"; 34 of 189 is 17.98...% and reads "17.9%"). When two shares split one whole, the
/// second is shown as 100 minus the first (<see cref="ComplementOf"/>), so the pair reads 31.7% and 68.3%.
/// </summary>
public readonly record struct ShareFigure(int Count, int Of, string Display)
{
    public double Percent => Of == 0 ? 0 : 100.0 * Count / Of;

    public static ShareFigure From(int count, int of) => new(count, of, Format(TenthsTruncated(count, of)));

    /// <summary>The other part of a whole split in two: its display is 100% minus <paramref name="first"/>'s.</summary>
    public static ShareFigure ComplementOf(ShareFigure first) =>
        new(first.Of - first.Count, first.Of, first.Of == 0 ? Format(0) : Format(1000 - TenthsTruncated(first.Count, first.Of)));

    /// <summary>Tenths of a percent, rounded down: 60 of 189 gives 317.</summary>
    public static int TenthsTruncated(int count, int of) => of <= 0 ? 0 : (int)(1000L * count / of);

    private static string Format(int tenths) => (tenths / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
