using Microsoft.Extensions.Configuration;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>
/// The environment a project's process gets, in Aspire's conventions: Kestrel endpoints,
/// <c>ConnectionStrings__{name}</c>, <c>services__{name}__{endpoint}__{i}</c>, OpenTelemetry, environment name.
/// </summary>
internal static class ProjectEnvironment
{
    /// <summary>Variables that would fight the Kestrel endpoints the AppHost sets.</summary>
    private static readonly string[] Removed =
        ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS"];

    public static Dictionary<string, string?> Build(
        ProjectResource project,
        int replica,
        string instanceName,
        DistributedApplicationOptions options,
        IConfiguration configuration,
        string dataDirectory,
        IReadOnlyDictionary<string, string?> marker)
    {
        var environment = new Dictionary<string, string?>(marker);
        foreach (var name in Removed)
        {
            environment[name] = null;
        }
        environment["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = options.EnvironmentName;
        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceName}";
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            if (configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is { Length: > 0 } protocol)
            {
                environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol;
            }
        }
        else
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        }
        // One line per log entry, so prefixed console output and the dashboard stay readable (a
        // formatter chosen in code wins over these), and no log line for each health probe.
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var endpoint in project.Endpoints)
        {
            var port = project.GetAllocatedPort(endpoint.Name, replica);
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = $"http://127.0.0.1:{port}";
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] =
                endpoint.Protocols == EndpointProtocols.Http2 ? "Http2" : "Http1AndHttp2";
        }
        foreach (var reference in project.Annotations.OfType<ReferenceAnnotation>())
        {
            switch (reference.Target)
            {
                case IResourceWithConnectionString source:
                    environment[$"ConnectionStrings__{reference.ConnectionName}"] = source.ConnectionString
                        ?? throw new InvalidOperationException($"{source.Name} has no connection string yet.");
                    break;
                case ProjectResource service:
                    foreach (var endpoint in service.Endpoints)
                    {
                        var urls = service.GetAllocatedUrls(endpoint.Name);
                        for (var i = 0; i < urls.Count; i++)
                        {
                            environment[$"services__{service.Name}__{endpoint.Name}__{i}"] = urls[i];
                        }
                    }
                    break;
            }
        }
        foreach (var data in project.Annotations.OfType<DataDirectoryAnnotation>())
        {
            var folder = Path.Combine(dataDirectory, project.Name);
            Directory.CreateDirectory(folder);
            environment[data.EnvironmentVariable] = folder;
        }
        if (options.DemoData)
        {
            environment["ReviewMechanism__DemoData"] = "true";
        }
        foreach (var variable in project.Annotations.OfType<EnvironmentAnnotation>())
        {
            if (variable.Value() is { } value)
            {
                environment[variable.Name] = value;
            }
        }
        return environment;
    }
}
