namespace Gateway.Tests.Services;

/// <summary>What the interop service saw: completes when one of its calls was cancelled by the caller.</summary>
public sealed class ServiceCalls
{
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
