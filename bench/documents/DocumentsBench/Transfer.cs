namespace DocumentsBench;

/// <summary>One measured transfer: its rate, the CPU seconds per GB (10^9 bytes) each process spent on it, the service's peak memory above idle.</summary>
internal sealed record Transfer(double MbPerSecond, double ServiceCpuPerGb, double GatewayCpuPerGb, double ClientCpuPerGb, long PeakAbove)
{
    public static Transfer From(long bytes, double seconds, (double Service, double Gateway, double Client) before, (double Service, double Gateway, double Client) after, long peakAbove)
    {
        var gb = bytes / 1e9;
        return new Transfer(bytes / 1e6 / seconds, (after.Service - before.Service) / gb, (after.Gateway - before.Gateway) / gb, (after.Client - before.Client) / gb, peakAbove);
    }
}
