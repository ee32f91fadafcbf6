namespace Gateway.Extensions;

/// <summary>
/// Sizes .NET's shared byte pool for a proxy's concurrency. HttpClient holds a pooled 16 KB block for every
/// HTTP/2 stream in flight (its response buffer); the shared pool keeps 32 arrays per size per core, so with a
/// few hundred concurrent calls most blocks are allocated and dropped, and the gateway spends its time in the
/// garbage collector (measured: about 50 KB allocated per forwarded call, bench/gateway). The runtime reads
/// this setting from the environment once, the first time the pool is used, so it must run first in Main.
/// An explicit setting in the environment wins.
/// </summary>
public static class SharedBufferPool
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    public const int ArraysPerCore = 1024;

    public static void SizeForConcurrentStreams()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerCore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
