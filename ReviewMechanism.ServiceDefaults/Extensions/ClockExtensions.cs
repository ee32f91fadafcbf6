using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.ServiceDefaults.Clock;

namespace Microsoft.Extensions.Hosting;

public static class ClockExtensions
{
    /// <summary>Configuration key of the file holding an offset added to the service's clock (whole-stack tests only).</summary>
    public const string OffsetFileKey = "ReviewMechanism:Clock:OffsetFile";

    /// <summary>
    /// The service's <see cref="TimeProvider"/>: the system clock, or, when <c>ReviewMechanism:Clock:OffsetFile</c> is
    /// set, the system clock moved by the offset written in that file, so a test can move the time of several
    /// processes at once (deadlines, reminders). Services register theirs with TryAdd so this one wins.
    /// </summary>
    public static TBuilder AddDefaultClock<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var offsetFile = builder.Configuration[OffsetFileKey];
        if (string.IsNullOrWhiteSpace(offsetFile))
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
        }
        else
        {
            builder.Services.AddSingleton<TimeProvider>(new OffsetFileTimeProvider(offsetFile));
        }
        return builder;
    }
}
