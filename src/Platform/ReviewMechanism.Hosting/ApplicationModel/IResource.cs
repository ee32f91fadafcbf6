namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>Something the AppHost runs or provides: a server, a database, a project.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>A resource others reach through a connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>Known once the resource is prepared (port chosen, password generated).</summary>
    string? ConnectionString { get; }
}

/// <summary>A resource that lives inside another (a database in its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>A resource with named network endpoints (<c>services__{name}__{endpoint}__{i}</c>).</summary>
public interface IResourceWithEndpoints : IResource
{
}

/// <summary>A resource whose process gets environment variables from the AppHost.</summary>
public interface IResourceWithEnvironment : IResource
{
}

/// <summary>A resource that can wait for others before it starts.</summary>
public interface IResourceWithWaitSupport : IResource
{
}
