namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>Fresh service names, so each test has queues of its own on the shared broker.</summary>
public static class Names
{
    private static int _next;

    public static string Service(string kind) => $"{kind}{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";
}
