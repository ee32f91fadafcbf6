namespace ReviewMechanism.LocalServers.Processes;

/// <summary>What to run: program, arguments, environment (null value removes a variable), working directory.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Runs the program in a session of its own (through setsid(1), which execs it: same pid), so a
    /// Ctrl+C in the terminal reaches only the orchestrator, which then stops its children in order.
    /// </summary>
    public bool NewSession { get; init; }

    /// <summary>Runs a command to completion and returns its exit code and combined output.</summary>
    public async Task<(int ExitCode, string Output)> RunToEndAsync(CancellationToken cancellationToken)
    {
        var output = new System.Text.StringBuilder();
        var process = ManagedProcess.Start(this, (line, _) => { lock (output) { output.AppendLine(line); } });
        try
        {
            var code = await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (output)
            {
                return (code, output.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }
}
