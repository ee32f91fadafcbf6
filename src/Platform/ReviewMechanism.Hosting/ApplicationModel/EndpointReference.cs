namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>
/// A named endpoint of a resource, whose address is known once the AppHost has allocated ports
/// (before any process starts). Replica <c>i</c> of a project has its own port.
/// </summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName)
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    /// <summary>The first replica's URL, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string Url => Resource is ProjectResource project
        ? project.GetAllocatedUrls(EndpointName)[0]
        : throw new InvalidOperationException($"{Resource.Name} has no endpoints.");

    /// <summary>The first replica's URL, or null when the resource's ports are not allocated (not part of the running application).</summary>
    public string? TryGetUrl() => Resource is ProjectResource project ? project.TryGetAllocatedUrls(EndpointName)?[0] : null;

    public override string ToString() => $"{Resource.Name}:{EndpointName}";
}
