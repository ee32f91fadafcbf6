namespace Microsoft.Extensions.Hosting;

/// <summary>A service's short name (<c>Reviews.Api</c> -> <c>reviews</c>), used for telemetry and queue names.</summary>
public static class ServiceNames
{
    /// <summary><c>OTEL_SERVICE_NAME</c> when set, otherwise <see cref="FromApplicationName"/>.</summary>
    public static string Telemetry(IHostApplicationBuilder builder) =>
        builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : FromApplicationName(builder.Environment.ApplicationName);

    /// <summary><c>Messaging:ServiceName</c> when set, otherwise <see cref="FromApplicationName"/>.</summary>
    public static string Messaging(IHostApplicationBuilder builder) =>
        builder.Configuration["Messaging:ServiceName"] is { Length: > 0 } configured ? configured : FromApplicationName(builder.Environment.ApplicationName);

    public static string FromApplicationName(string applicationName)
    {
        var name = applicationName.EndsWith(".Api", StringComparison.OrdinalIgnoreCase) ? applicationName[..^4] : applicationName;
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var result = new string(chars).Trim('-');
        return result.Length > 63 ? result[..63].TrimEnd('-') : result;
    }
}
