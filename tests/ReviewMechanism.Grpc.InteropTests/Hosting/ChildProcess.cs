using System.Diagnostics;
using System.Text;

namespace ReviewMechanism.Grpc.InteropTests.Hosting;

/// <summary>Runs a program to completion (or a time limit), keeping everything it printed.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, bool TimedOut, string CommandLine)
    {
        public string Describe() =>
            $"$ {CommandLine}\n{(TimedOut ? "(killed after the time limit)\n" : $"(exit code {ExitCode})\n")}{Output}";
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.WaitForExit(); // flushes the asynchronous output readers
        lock (output)
        {
            return new Result(timedOut ? -1 : process.ExitCode, output.ToString(), timedOut, commandLine);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
