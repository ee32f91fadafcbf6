using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>Where server and host output goes: the current test's output while it runs.</summary>
public sealed class TestOutput
{
    private ITestOutputHelper? _current;

    public void Attach(ITestOutputHelper? output) => _current = output;

    public void WriteLine(string line)
    {
        try
        {
            _current?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already ended.
        }
    }
}
