using System.Globalization;

namespace ReportingBench;

public static class Stats
{
    public static string Describe(List<double> millis)
    {
        millis.Sort();
        double At(double q) => millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms, max {millis[^1]:0.00} ms ({millis.Count} calls)");
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
