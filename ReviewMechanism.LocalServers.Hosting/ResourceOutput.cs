using Microsoft.Extensions.Logging;

namespace ReviewMechanism.LocalServers.Hosting;

/// <summary>
/// The lines a server writes outside its process (package install, initdb): to the resource's log in the dashboard
/// once the application runs, kept until then.
/// </summary>
internal sealed class ResourceOutput
{
    private readonly List<(string Line, bool IsError)> _early = [];
    private ILogger? _logger;

    public void Write(string line, bool isError)
    {
        lock (_early)
        {
            if (_logger is null)
            {
                _early.Add((line, isError));
                return;
            }
        }
        Log(_logger, line, isError);
    }

    public void Attach(ILogger logger)
    {
        lock (_early)
        {
            _logger = logger;
            foreach (var (line, isError) in _early)
            {
                Log(logger, line, isError);
            }
            _early.Clear();
        }
    }

    private static void Log(ILogger logger, string line, bool isError)
    {
        if (isError)
        {
            logger.LogWarning("{Line}", line);
        }
        else
        {
            logger.LogInformation("{Line}", line);
        }
    }
}
