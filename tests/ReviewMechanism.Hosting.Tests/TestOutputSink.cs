using ReviewMechanism.Hosting.ApplicationModel;
using Xunit.Abstractions;

namespace ReviewMechanism.Hosting.Tests;

/// <summary>Sends resources' lines to the test's output (dropped once the test has ended).</summary>
public static class TestOutputSink
{
    public static Action<ResourceLogLine> For(ITestOutputHelper output) => line =>
    {
        try
        {
            output.WriteLine($"{line.Resource,-12} | {line.Text}");
        }
        catch (InvalidOperationException)
        {
            // The test already ended.
        }
    };
}
